"""The optimizers' per-parameter in-place op sequences as one engine call each: the same writes, versions, storage
notes and undo records as the ops, in one compiled pass where no check of theirs can fail, the ops themselves
elsewhere."""
from . import dtypes, kernels, undo
from .ops.core import needs_grad, written
from .tensorimpl import Tensor

_LIMIT = 3.0e38  # (scalars whose float32 rounding neither overflows nor is NaN: the ops' own conversion, silent)


def sgd_momentum_(param, grad, buf, momentum, dampening, lr):
    """`buf.mul_(momentum).add_(grad, alpha=1 - dampening)` then `param.add_(buf, alpha=-lr)` (SGD's momentum step
    without nesterov). One pass of the compiled loop when the ops would take their quick paths (float32 tensors of
    one shape, C-contiguous, no views, three storages, no autograd, float scalars): each element gets the ops'
    roundings in their order; buf's version moves twice and param's once, their logs note the writes as the ops'."""
    alpha = 1 - dampening
    loop = getattr(kernels.compiled, "sgd_momentum", None)
    if loop is None or type(momentum) is not float or type(lr) is not float or \
            not (alpha == 1 if type(alpha) is int else type(alpha) is float) or \
            not (-_LIMIT < momentum < _LIMIT and -_LIMIT < lr < _LIMIT and -_LIMIT < alpha < _LIMIT) or \
            lr == -1 or not _plain(param, grad, buf):
        buf.mul_(momentum).add_(grad, alpha=alpha)
        param.add_(buf, alpha=-lr)
        return
    undo.touch(buf._storage)
    undo.touch(param._storage)
    loop(buf._np, grad._np, param._np, momentum, float(alpha), alpha != 1, -lr)
    written(buf)
    written(buf)
    written(param)


def _plain(param, grad, buf):
    """The quick paths' conditions for the three tensors (binary.py's _plain_operand and _fma_in_place)."""
    if type(buf) is not Tensor or type(grad) is not Tensor or \
            (type(param) is not Tensor and (type(param).add_ is not Tensor.add_ or type(param).mul_ is not Tensor.mul_)):
        return False
    f32 = dtypes.float32
    if buf.dtype is not f32 or grad.dtype is not f32 or param.dtype is not f32:
        return False
    shape = buf._shape
    if grad._shape != shape or param._shape != shape or buf._view is not None or param._view is not None:
        return False
    sb, sg, sp = buf._storage, grad._storage, param._storage
    if sb is sg or sb is sp or sg is sp or buf._version_counter.inference or param._version_counter.inference:
        return False
    if needs_grad(buf, grad, param):
        return False
    b, g, p = buf._np, grad._np, param._np
    return b.flags.c_contiguous and g.flags.c_contiguous and p.flags.c_contiguous and 0 not in buf._stride and \
        0 not in param._stride

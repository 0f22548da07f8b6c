"""im2col / col2im (F.unfold / F.fold) beside their nodes Im2ColBackward0 and Col2ImBackward0, each the other's
gradient. Unfolding copies (exact); folding adds overlapping blocks in the kernel's row order, as col2im's loop."""
import numpy as np

from . import dtypes
from .autograd import Node
from .creation import not_implemented_for
from .errors import runtime
from .ops.core import attach, fresh, needs_grad, operand_edge


def _pair(v):
    return tuple(v) if isinstance(v, (tuple, list)) else (v, v)


def _lengths(**named):
    """im2col/col2im's first checks: each size a pair, in their order."""
    for name, value in named.items():
        if len(value) != 2:
            raise runtime(f"It is expected {name} equals to 2, but got size {len(value)}")


def _dispatch(kernel, input):
    """The kernels' dispatch: AT_DISPATCH_FLOATING_AND_COMPLEX_TYPES_AND2(Bool, Half/BFloat16)."""
    if input.dtype is not dtypes.bool_ and not input.is_floating_point() and not input.is_complex():
        raise not_implemented_for(kernel, input.dtype)


def _geometry_checks(kernel_size, dilation, padding, stride):
    if any(k <= 0 for k in kernel_size):
        raise runtime(f"kernel size should be greater than zero, but got kernel_height: {kernel_size[0]} "
                      f"kernel_width: {kernel_size[1]}")
    if any(s <= 0 for s in stride):
        raise runtime(f"stride should be greater than zero, but got stride_height: {stride[0]} stride_width: "
                      f"{stride[1]}")
    if any(d <= 0 for d in dilation):
        raise runtime(f"dilation should be greater than zero, but got dilation_height: {dilation[0]} "
                      f"dilation_width: {dilation[1]}")
    if any(p < 0 for p in padding):
        raise runtime(f"padding should be non-negative, but got pad_height: {padding[0]} pad_width: {padding[1]}")


def _blocks(size, k, d, p, s):
    return (size + 2 * p - (d * (k - 1) + 1)) // s + 1


class Im2ColBackward0(Node):
    __slots__ = ("geometry", "hw")
    saved_values = {"kernel_size": lambda n: n.geometry[0], "dilation": lambda n: n.geometry[1],
                    "padding": lambda n: n.geometry[2], "stride": lambda n: n.geometry[3],
                    "self_sym_argsize_minus_1": lambda n: n.hw[1], "self_sym_argsize_minus_2": lambda n: n.hw[0]}

    def __init__(self, x, geometry):
        Node.__init__(self, (operand_edge(x),))
        self.geometry, self.hw = geometry, x._shape[-2:]

    def backward(self, g):
        return (col2im(g, self.hw, *self.geometry),)


class Col2ImBackward0(Node):
    __slots__ = ("geometry",)
    saved_values = {"kernel_size": lambda n: n.geometry[0], "dilation": lambda n: n.geometry[1],
                    "padding": lambda n: n.geometry[2], "stride": lambda n: n.geometry[3]}

    def __init__(self, x, geometry):
        Node.__init__(self, (operand_edge(x),))
        self.geometry = geometry

    def backward(self, g):
        return (im2col(g, *self.geometry),)


def im2col(input, kernel_size, dilation=1, padding=0, stride=1):
    k, d, p, s = _pair(kernel_size), _pair(dilation), _pair(padding), _pair(stride)
    _lengths(kernel_size=k, dilation=d, padding=p, stride=s)
    _geometry_checks(k, d, p, s)
    nd = input.dim()
    # (im2col_shape_check reads size(1) and size(2) before the rank: a tensor of fewer dims raises size()'s
    # IndexError, unless a zero size(1) stops it before size(2))
    valid_dims = input.size(1) != 0 and input.size(2) != 0
    if not ((nd == 3 and input._shape[0] and valid_dims) or (nd == 4 and valid_dims and input._shape[3])):
        raise runtime("Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero "
                      f"dimensions for input, but got: {list(input._shape)}")
    h, w = input._shape[-2:]
    oh, ow = _blocks(h, k[0], d[0], p[0], s[0]), _blocks(w, k[1], d[1], p[1], s[1])
    if oh < 1 or ow < 1:
        raise runtime(f"Given input with spatial size ({h}, {w}), kernel_size=({k[0]}, {k[1]}), dilation=({d[0]}, "
                      f"{d[1]}), padding=({p[0]}, {p[1]}), calculated shape of the array of sliding blocks as ({oh}, "
                      f"{ow}), but its components must be at least one.")
    _dispatch("im2col_out_cpu", input)
    x = input._np if nd == 4 else input._np[None]
    n, c = x.shape[:2]
    xp = np.pad(x, ((0, 0), (0, 0), (p[0], p[0]), (p[1], p[1])))
    out = np.empty((n, c, k[0], k[1], oh, ow), x.dtype)
    for i in range(k[0]):
        for j in range(k[1]):
            out[:, :, i, j] = xp[:, :, i * d[0]:i * d[0] + s[0] * (oh - 1) + 1:s[0],
                                 j * d[1]:j * d[1] + s[1] * (ow - 1) + 1:s[1]]
    out = out.reshape(n, c * k[0] * k[1], oh * ow)
    result = fresh(np.ascontiguousarray(out if nd == 4 else out[0]), input.dtype)
    if needs_grad(input):
        attach(result, Im2ColBackward0(input, (k, d, p, s)))
    return result


def col2im(input, output_size, kernel_size, dilation=1, padding=0, stride=1):
    size, k, d, p, s = _pair(output_size), _pair(kernel_size), _pair(dilation), _pair(padding), _pair(stride)
    _lengths(output_size=size, kernel_size=k, dilation=d, padding=p, stride=s)
    _geometry_checks(k, d, p, s)
    nd = input.dim()
    if nd not in (2, 3) or any(n == 0 for n in input._shape[nd - 2:]):
        raise runtime("Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero "
                      f"dimensions for input, but got: {list(input._shape)}")
    rows, length = input._shape[-2:]
    if rows % (k[0] * k[1]):
        raise runtime(f"Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got "
                      f"input.size(1)={rows} and kernel_size=({k[0]}, {k[1]}).")
    oh, ow = _blocks(size[0], k[0], d[0], p[0], s[0]), _blocks(size[1], k[1], d[1], p[1], s[1])
    if oh * ow != length:
        raise runtime(f"Given output_size=({size[0]}, {size[1]}), kernel_size=({k[0]}, {k[1]}), dilation=({d[0]}, "
                      f"{d[1]}), padding=({p[0]}, {p[1]}), stride=({s[0]}, {s[1]}), expected size of input's "
                      f"dimension 2 to match the calculated number of sliding blocks {oh} * {ow} = {oh * ow}, but got "
                      f"input.size(2)={length}.")
    _dispatch("col2im_out_cpu", input)
    x = input._np if nd == 3 else input._np[None]
    n = x.shape[0]
    c = rows // (k[0] * k[1])
    cols = x.reshape(n, c, k[0], k[1], oh, ow)
    big = np.zeros((n, c, size[0] + 2 * p[0] + s[0] * oh + d[0] * k[0], size[1] + 2 * p[1] + s[1] * ow + d[1] * k[1]),
                   x.dtype)
    for i in range(k[0]):
        for j in range(k[1]):
            big[:, :, i * d[0]:i * d[0] + s[0] * (oh - 1) + 1:s[0], j * d[1]:j * d[1] + s[1] * (ow - 1) + 1:s[1]] += \
                cols[:, :, i, j]
    out = big[:, :, p[0]:p[0] + size[0], p[1]:p[1] + size[1]]
    result = fresh(np.ascontiguousarray(out if nd == 3 else out[0]), input.dtype)
    if needs_grad(input):
        attach(result, Col2ImBackward0(input, (k, d, p, s)))
    return result

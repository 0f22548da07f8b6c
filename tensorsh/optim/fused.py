"""fused=True on the CPU: what PyTorch's _fused_sgd / _fused_adam / _fused_adagrad do around the fused kernels (their state, the
step count, the parameter checks); the kernels themselves are the engine's (tensorsh.engine.fused_optimizers)."""
from tensorsh.engine import creation
from tensorsh.engine import fused_optimizers as kernels
from tensorsh.engine.errors import make
from tensorsh.engine.tensor import Tensor

FUSED_DEVICES = "['mps', 'cuda', 'xpu', 'hpu', 'cpu', 'mtia', 'privateuseone']"


def check_param(p):
    """PyTorch's _device_dtype_check_for_fused."""
    if not p.is_floating_point():
        raise make("RuntimeError", "`fused=True` requires all the params to be floating point Tensors of supported "
                                   f"devices: {FUSED_DEVICES} but {p.dtype} and cpu")


def _number(x):
    return x.item() if isinstance(x, Tensor) else x


def fused_sgd(group, state, with_grads, lr):
    if not with_grads:
        return
    params, grads = [p for p, _ in with_grads], [g for _, g in with_grads]
    for p in params[:1]:
        check_param(p)
    momentum = group["momentum"]
    bufs = [state[p].get("momentum_buffer") for p in params] if momentum != 0 else []
    is_first_step = momentum != 0 and all(b is None for b in bufs)
    if is_first_step:
        bufs = [creation.empty_like(g) for g in grads]
    kernels.fused_sgd_(params, grads, bufs, group["weight_decay"], momentum, _number(lr), group["dampening"],
                       group["nesterov"], group["maximize"], is_first_step)
    for p, b in zip(params, bufs):
        state[p]["momentum_buffer"] = b


def fused_adam(group, state, with_grads, lr):
    if not with_grads:
        return
    params, grads = [p for p, _ in with_grads], [g for _, g in with_grads]
    states = [state[p] for p in params]
    steps = [s["step"] for s in states]
    for t in steps:
        t.add_(1)
    beta1, beta2 = group["betas"]
    kernels.fused_adam_(params, grads, [s["exp_avg"] for s in states], [s["exp_avg_sq"] for s in states],
                        [s.get("max_exp_avg_sq") for s in states], steps, _number(lr), _number(beta1),
                        _number(beta2), group["weight_decay"], group["eps"], group["amsgrad"], group["maximize"],
                        group["decoupled_weight_decay"])


def fused_adagrad(group, state, with_grads, lr):
    if not with_grads:
        return
    params, grads = [p for p, _ in with_grads], [g for _, g in with_grads]
    check_param(params[0])
    steps = [state[p]["step"] for p in params]
    for t in steps:
        t.add_(1)
    kernels.fused_adagrad_(params, grads, [state[p]["sum"] for p in params], steps, _number(lr), group["lr_decay"],
                           group["weight_decay"], group["eps"], group["maximize"])

"""SGD, Adam, AdamW, RMSprop, Adagrad: PyTorch's single-tensor (foreach=False) CPU loops, op for op.

Each update is the sequence of in-place engine ops PyTorch's `_single_tensor_*` function runs, in its order and with
its scalars (Python floats, rounded to float32 by the kernels as PyTorch's are), so values and version counters
after a step are PyTorch's wherever the engine's kernels are bit-exact (all here but `sqrt`).
"""
from tensorsh.engine import creation
from tensorsh.engine.errors import make
from tensorsh.engine.tensor import Tensor

from .optimizer import Optimizer, closure_loss, scalar_dtype, step_method


def _invalid(text):
    return make("ValueError", text)


def _check(lr, *checks, nan_ok=False):
    """PyTorch's constructor checks: a 1-element tensor lr, then each (label, value) non-negative, in order (SGD
    tests `value < 0`, so it lets NaN through; the others test `not 0 <= value`)."""
    if isinstance(lr, Tensor) and lr.numel() != 1:
        raise _invalid("Tensor lr must be 1-element")
    for label, value in (("learning rate", lr),) + checks:
        if (value < 0.0) if nan_ok else not 0.0 <= value:
            raise _invalid(f"Invalid {label}: {value}")


def _step_tensor():
    """`state['step']`: a 0-dim float32 tensor on the CPU, as PyTorch keeps it (capturable and fused off)."""
    return creation.tensor(0.0, dtype=scalar_dtype())


class _SingleTensor(Optimizer):
    """The step every built-in optimizer shares: the closure, then each group's update of its parameters."""

    @step_method
    def step(self, closure=None):
        loss = closure_loss(closure)
        for group in self.param_groups:  # (PyTorch, too, lists the parameters that have a grad first)
            self._update(group, self.state, [(p, p.grad) for p in group["params"] if p.grad is not None])
        return loss


class SGD(_SingleTensor):
    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, *, maximize=False,
                 foreach=None, differentiable=False, fused=None):
        _check(lr, ("momentum value", momentum), ("weight_decay value", weight_decay), nan_ok=True)
        defaults = {"lr": lr, "momentum": momentum, "dampening": dampening, "weight_decay": weight_decay,
                    "nesterov": nesterov, "maximize": maximize, "foreach": foreach, "differentiable": differentiable,
                    "fused": fused}
        if nesterov and (momentum <= 0 or dampening != 0):
            raise _invalid("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params, defaults)

    def _update(self, group, state, with_grads):
        weight_decay, momentum, lr = group["weight_decay"], group["momentum"], group["lr"]
        dampening, nesterov, maximize = group["dampening"], group["nesterov"], group["maximize"]
        for param, grad in with_grads:
            if maximize:
                grad = -grad
            if weight_decay != 0:
                grad = grad.add(param, alpha=weight_decay)
            if momentum != 0:
                param_state = state[param]
                buf = param_state.get("momentum_buffer")
                if buf is None:
                    buf = grad.detach().clone()
                else:
                    buf.mul_(momentum).add_(grad, alpha=1 - dampening)
                param_state["momentum_buffer"] = buf
                grad = grad.add(buf, alpha=momentum) if nesterov else buf
            param.add_(grad, alpha=-lr)


class Adam(_SingleTensor):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, *,
                 foreach=None, maximize=False, capturable=False, differentiable=False, fused=None,
                 decoupled_weight_decay=False):
        _check(lr, ("epsilon value", eps))
        if not 0.0 <= betas[0] < 1.0:
            raise _invalid(f"Invalid beta parameter at index 0: {betas[0]}")
        if not 0.0 <= betas[1] < 1.0:
            raise _invalid(f"Invalid beta parameter at index 1: {betas[1]}")
        if not 0.0 <= weight_decay:
            raise _invalid(f"Invalid weight_decay value: {weight_decay}")
        if not (isinstance(betas[0], float) and isinstance(betas[1], float)
                or isinstance(betas[0], Tensor) and isinstance(betas[1], Tensor)):
            raise _invalid("betas must be either both floats or both Tensors")
        defaults = {"lr": lr, "betas": tuple(betas), "eps": eps, "weight_decay": weight_decay, "amsgrad": amsgrad,
                    "maximize": maximize, "foreach": foreach, "capturable": capturable,
                    "differentiable": differentiable, "fused": fused, "decoupled_weight_decay": decoupled_weight_decay}
        super().__init__(params, defaults)

    def _update(self, group, state, with_grads):
        beta1, beta2 = group["betas"]
        lr, weight_decay, eps = group["lr"], group["weight_decay"], group["eps"]
        amsgrad, maximize, decoupled = group["amsgrad"], group["maximize"], group["decoupled_weight_decay"]
        for param, grad in with_grads:
            s = state[param]
            if len(s) == 0:  # lazy state initialization, in PyTorch's key order
                s["step"] = _step_tensor()
                s["exp_avg"] = creation.zeros_like(param)
                s["exp_avg_sq"] = creation.zeros_like(param)
                if amsgrad:
                    s["max_exp_avg_sq"] = creation.zeros_like(param)
            if maximize:
                grad = -grad
            exp_avg, exp_avg_sq, step_t = s["exp_avg"], s["exp_avg_sq"], s["step"]
            step_t += 1
            if weight_decay != 0:
                if decoupled:
                    param.mul_(1 - lr * weight_decay)
                else:
                    grad = grad.add(param, alpha=weight_decay)
            exp_avg.lerp_(grad, 1 - beta1)
            exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
            step = step_t.item()
            bias_correction1 = 1 - beta1 ** step
            bias_correction2 = 1 - beta2 ** step
            step_size = lr / bias_correction1
            bias_correction2_sqrt = bias_correction2 ** 0.5
            if amsgrad:
                max_sq = s["max_exp_avg_sq"]
                max_sq.copy_(max_sq.maximum(exp_avg_sq))  # torch.maximum(..., out=max_sq): one version bump
                denom = (max_sq.sqrt() / bias_correction2_sqrt).add_(eps)
            else:
                denom = (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps)
            param.addcdiv_(exp_avg, denom, value=-step_size)


class AdamW(Adam):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False, foreach=None, capturable=False, differentiable=False, fused=None):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, foreach=foreach, maximize=maximize,
                         capturable=capturable, differentiable=differentiable, fused=fused,
                         decoupled_weight_decay=True)


class RMSprop(_SingleTensor):
    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False,
                 capturable=False, foreach=None, maximize=False, differentiable=False):
        _check(lr, ("epsilon value", eps), ("momentum value", momentum), ("weight_decay value", weight_decay),
               ("alpha value", alpha))
        defaults = {"lr": lr, "momentum": momentum, "alpha": alpha, "eps": eps, "centered": centered,
                    "weight_decay": weight_decay, "capturable": capturable, "foreach": foreach, "maximize": maximize,
                    "differentiable": differentiable}
        super().__init__(params, defaults)

    def _update(self, group, state, with_grads):
        lr, alpha, eps, weight_decay = group["lr"], group["alpha"], group["eps"], group["weight_decay"]
        momentum, centered, maximize = group["momentum"], group["centered"], group["maximize"]
        for param, grad in with_grads:
            s = state[param]
            if len(s) == 0:
                s["step"] = creation.zeros((), dtype=scalar_dtype())
                s["square_avg"] = creation.zeros_like(param)
                if momentum > 0:
                    s["momentum_buffer"] = creation.zeros_like(param)
                if centered:
                    s["grad_avg"] = creation.zeros_like(param)
            if maximize:
                grad = -grad
            square_avg = s["square_avg"]
            s["step"] += 1
            if weight_decay != 0:
                grad = grad.add(param, alpha=weight_decay)
            square_avg.mul_(alpha).addcmul_(grad, grad, value=1 - alpha)
            if centered:
                grad_avg = s["grad_avg"]
                grad_avg.lerp_(grad, 1 - alpha)
                avg = square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_()
            else:
                avg = square_avg.sqrt()
            avg = avg.add_(eps)
            if momentum > 0:
                buf = s["momentum_buffer"]
                buf.mul_(momentum).addcdiv_(grad, avg)
                param.add_(buf, alpha=-lr)
            else:
                param.addcdiv_(grad, avg, value=-lr)


class Adagrad(_SingleTensor):
    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10,
                 foreach=None, *, maximize=False, differentiable=False, fused=None):
        _check(lr, ("lr_decay value", lr_decay), ("weight_decay value", weight_decay),
               ("initial_accumulator_value value", initial_accumulator_value), ("epsilon value", eps))
        defaults = {"lr": lr, "lr_decay": lr_decay, "eps": eps, "weight_decay": weight_decay,
                    "initial_accumulator_value": initial_accumulator_value, "foreach": foreach,
                    "maximize": maximize, "differentiable": differentiable, "fused": fused}
        super().__init__(params, defaults)
        for group in self.param_groups:  # Adagrad makes its state at once, for every parameter
            for p in group["params"]:
                self._init_state(self.state[p], p)

    def _init_state(self, s, p):
        s["step"] = _step_tensor()
        s["sum"] = creation.full_like(p, self.defaults["initial_accumulator_value"])

    def _update(self, group, state, with_grads):
        lr, weight_decay, lr_decay, eps = group["lr"], group["weight_decay"], group["lr_decay"], group["eps"]
        maximize = group["maximize"]
        for param, grad in with_grads:
            s = state[param]
            if len(s) == 0:
                self._init_state(s, param)
            state_sum, step_t = s["sum"], s["step"]
            step_t += 1
            step = step_t.item()
            if maximize:
                grad = -grad
            if weight_decay != 0:
                grad = grad.add(param, alpha=weight_decay)
            clr = lr / (1 + (step - 1) * lr_decay)
            state_sum.addcmul_(grad, grad, value=1)
            std = state_sum.sqrt().add_(eps)
            param.addcdiv_(grad, std, value=-clr)

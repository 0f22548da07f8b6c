"""Adamax, NAdam, RAdam, Adadelta, Rprop, ASGD, Adafactor, Muon: PyTorch's single-tensor CPU loops (`_single_tensor_*`),
op for op.

As in algorithms.py: each update is the sequence of in-place engine ops PyTorch runs, in its order, with its Python
scalars, so values and version counters are PyTorch's where the kernels are bit-exact (all but `sqrt`, see the
README's limits). State is made lazily per parameter with a grad, in PyTorch's key order.
"""
import math

from tensorsh.engine import creation
from tensorsh.engine.errors import make
from tensorsh.engine.tensor import Tensor

from .algorithms import (_SingleTensor, _as_real, _check, _check_adam_like, _complex_fill,
                         _foreach_grads, _invalid, _number, _scale_, _step_tensor, _to_scalar, _weight_decay)
from .optimizer import scalar_dtype


def _init_states(state, with_grads, init):
    """PyTorch's lazy state initialization: init(s, param, grad) fills the empty state of each parameter with a
    grad, in PyTorch's key order."""
    for param, grad in with_grads:
        s = state[param]
        if len(s) == 0:
            init(s, param, grad)


def _foreach_grad(param, grad, maximize, weight_decay, lr=None, decoupled=False):
    """One parameter's gradient as a _multi_tensor_* loop makes it (negated, weight decay added; or, decoupled, the
    parameter shrunk in place first)."""
    if decoupled and weight_decay != 0:
        _scale_(param, 1 - lr * weight_decay, True)
    return _foreach_grads([(param, grad)], maximize, 0 if decoupled else weight_decay)[1][0]


class Adamax(_SingleTensor):
    _GROUP_DEFAULTS = (("foreach", None), ("maximize", False), ("differentiable", False), ("capturable", False))
    _STATE_TENSORS = ("step",)

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, foreach=None, *,
                 maximize=False, differentiable=False, capturable=False):
        _check_adam_like(lr, betas, eps, weight_decay)
        defaults = {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay, "foreach": foreach,
                    "maximize": maximize, "differentiable": differentiable, "capturable": capturable}
        super().__init__(params, defaults)

    def _update(self, group, state, with_grads):
        beta1, beta2 = group["betas"]
        lr, eps, weight_decay, maximize = _to_scalar(group["lr"]), group["eps"], group["weight_decay"], \
            group["maximize"]
        _init_states(state, with_grads, lambda s, param, grad: s.update(
            step=_step_tensor(), exp_avg=creation.zeros_like(param), exp_inf=creation.zeros_like(param)))
        self._refuse_capturable(group, with_grads)
        for param, grad, s in _as_real(state, with_grads, maximize, weight_decay, group["foreach"]):
            exp_avg, exp_inf, step_t = s["exp_avg"], s["exp_inf"], s["step"]
            step_t += 1
            exp_avg.lerp_(grad, 1 - beta1)
            _scale_(exp_inf, beta2, group["foreach"])
            exp_inf.copy_(exp_inf.maximum(grad.abs().add_(eps)))  # torch.maximum(..., out=exp_inf): one bump
            bias_correction = 1 - beta1 ** step_t.item()
            clr = (_number(lr) / bias_correction) * -1 if group["foreach"] else -_number(lr / bias_correction)
            param.addcdiv_(exp_avg, exp_inf, value=clr)  # (foreach: _get_value(lr), a tensor lr's float in double)


class NAdam(_SingleTensor):
    _GROUP_DEFAULTS = (("maximize", False), ("foreach", None), ("capturable", False), ("differentiable", False),
                       ("decoupled_weight_decay", False))
    _STATE_TENSORS = ("step", "mu_product")
    _CAPTURABLE_STATES = ("params, mu_products and state_steps", "params, mu_products, and state_steps")

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, momentum_decay=4e-3,
                 decoupled_weight_decay=False, *, foreach=None, maximize=False, capturable=False,
                 differentiable=False):
        _check_adam_like(lr, betas, eps, weight_decay)
        if not 0.0 <= momentum_decay:
            raise _invalid(f"Invalid momentum_decay value: {momentum_decay}")
        defaults = {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay,
                    "momentum_decay": momentum_decay, "decoupled_weight_decay": decoupled_weight_decay,
                    "maximize": maximize, "foreach": foreach, "capturable": capturable,
                    "differentiable": differentiable}
        super().__init__(params, defaults)

    def _update(self, group, state, with_grads):
        beta1, beta2 = group["betas"]
        lr, eps, weight_decay = _to_scalar(group["lr"]), group["eps"], group["weight_decay"]
        momentum_decay, decoupled, maximize = group["momentum_decay"], group["decoupled_weight_decay"], \
            group["maximize"]
        _init_states(state, with_grads, lambda s, param, grad: s.update(
            step=_step_tensor(), mu_product=creation.tensor(1.0, dtype=scalar_dtype()),
            exp_avg=creation.zeros_like(param), exp_avg_sq=creation.zeros_like(param)))
        self._refuse_capturable(group, with_grads)
        if group["foreach"]:
            return self._multi_tensor(group, state, with_grads)
        for param, grad, s in _as_real(state, with_grads):
            grad = -grad if maximize else grad
            exp_avg, exp_avg_sq, mu_product, step_t = s["exp_avg"], s["exp_avg_sq"], s["mu_product"], s["step"]
            step_t += 1
            step = step_t.item()
            bias_correction2 = 1 - beta2 ** step
            grad = _weight_decay(param, grad, lr, weight_decay, decoupled)
            mu = beta1 * (1.0 - 0.5 * (0.96 ** (step * momentum_decay)))
            mu_next = beta1 * (1.0 - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
            mu_product *= mu
            exp_avg.lerp_(grad, 1 - beta1)
            exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
            denom = exp_avg_sq.div(bias_correction2).sqrt()
            mu_product_value = mu_product.item()
            mu_product_next = mu_product_value * mu_next
            denom.add_(eps)
            param.addcdiv_(grad, denom, value=_number(-lr * (1.0 - mu) / (1.0 - mu_product_value)))
            param.addcdiv_(exp_avg, denom, value=_number((-lr * mu_next) / (1.0 - mu_product_next)))

    def _multi_tensor(self, group, state, with_grads):
        """_multi_tensor_nadam (foreach=True) per parameter: sqrt(v) / sqrt(1 - beta2^t) + eps as the denominator,
        step sizes from mu_product once multiplied; other roundings than the single-tensor loop's."""
        beta1, beta2 = group["betas"]
        lr, eps, weight_decay, momentum_decay = _to_scalar(group["lr"]), group["eps"], group["weight_decay"], \
            group["momentum_decay"]
        for param, grad, s in _as_real(state, with_grads):
            grad = _foreach_grad(param, grad, group["maximize"], weight_decay, lr, group["decoupled_weight_decay"])
            exp_avg, exp_avg_sq, mu_product, step_t = s["exp_avg"], s["exp_avg_sq"], s["mu_product"], s["step"]
            step_t += 1
            exp_avg.lerp_(grad, 1 - beta1)
            _scale_(exp_avg_sq, beta2, True)
            exp_avg_sq.addcmul_(grad, grad, value=1 - beta2)
            denom = exp_avg_sq.sqrt()
            step = step_t.item()
            mu = beta1 * (1.0 - 0.5 * (0.96 ** (step * momentum_decay)))
            mu_next = beta1 * (1.0 - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
            mu_product.mul_(mu)
            denom.div_((1 - beta2 ** step) ** 0.5)
            denom.add_(eps)
            mu_product_value, lr_value = mu_product.item(), _number(lr)  # (_get_value of both: Python floats)
            param.addcdiv_(grad, denom, value=(lr_value * (1.0 - mu) / (1.0 - mu_product_value)) * -1)
            param.addcdiv_(exp_avg, denom, value=(lr_value * mu_next / (1.0 - mu_product_value * mu_next)) * -1)


class RAdam(_SingleTensor):
    _GROUP_DEFAULTS = (("foreach", None), ("maximize", False), ("differentiable", False),
                       ("decoupled_weight_decay", False), ("capturable", False))
    _STATE_TENSORS = ("step",)

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, decoupled_weight_decay=False,
                 *, foreach=None, maximize=False, capturable=False, differentiable=False):
        _check_adam_like(lr, betas, eps, weight_decay)
        defaults = {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay, "maximize": maximize,
                    "foreach": foreach, "capturable": capturable, "decoupled_weight_decay": decoupled_weight_decay,
                    "differentiable": differentiable}
        super().__init__(params, defaults)

    def _update(self, group, state, with_grads):
        beta1, beta2 = group["betas"]
        lr, eps, weight_decay = _to_scalar(group["lr"]), group["eps"], group["weight_decay"]
        decoupled, maximize, differentiable = group["decoupled_weight_decay"], group["maximize"], \
            group["differentiable"]
        _init_states(state, with_grads, lambda s, param, grad: s.update(
            step=_step_tensor(), exp_avg=creation.zeros_like(param), exp_avg_sq=creation.zeros_like(param)))
        self._refuse_capturable(group, with_grads)
        if group["foreach"]:
            return self._multi_tensor(group, state, with_grads)
        for param, grad, s in _as_real(state, with_grads):
            grad = -grad if maximize else grad
            exp_avg, exp_avg_sq, step_t = s["exp_avg"], s["exp_avg_sq"], s["step"]
            step_t += 1
            step = step_t.item()
            grad = _weight_decay(param, grad, lr, weight_decay, decoupled)
            exp_avg.lerp_(grad, 1 - beta1)
            exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
            bias_correction1 = 1 - beta1 ** step
            bias_correction2 = 1 - beta2 ** step
            bias_corrected_exp_avg = exp_avg / bias_correction1
            rho_inf = 2 / (1 - beta2) - 1
            rho_t = rho_inf - 2 * step * (beta2 ** step) / bias_correction2
            if rho_t > 5.0:
                rect = ((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t)) ** 0.5
                exp_avg_sq_sqrt = exp_avg_sq.sqrt()
                exp_avg_sq_sqrt = exp_avg_sq_sqrt.add(eps) if differentiable else exp_avg_sq_sqrt.add_(eps)
                adaptive_lr = (bias_correction2 ** 0.5) / exp_avg_sq_sqrt
                param.add_(bias_corrected_exp_avg * lr * adaptive_lr * rect, alpha=-1.0)
            else:
                param.add_(bias_corrected_exp_avg * lr, alpha=-1.0)

    def _multi_tensor(self, group, state, with_grads):
        """_multi_tensor_radam (foreach=True) per parameter: one buffer 1 / ((sqrt(v) + eps) / bc2) + unrectified
        step, the parameter moved by exp_avg times it (rect 0 makes bc2 -0: the buffer's reciprocal -0)."""
        beta1, beta2 = group["betas"]
        lr, eps, weight_decay = _to_scalar(group["lr"]), group["eps"], group["weight_decay"]
        rho_inf = 2 / (1 - beta2) - 1
        for param, grad, s in _as_real(state, with_grads):
            exp_avg, exp_avg_sq, step_t = s["exp_avg"], s["exp_avg_sq"], s["step"]
            step_t += 1
            step = step_t.item()
            rho_t = rho_inf - 2 * step * (beta2 ** step) / (1 - beta2 ** step)
            grad = _foreach_grad(param, grad, group["maximize"], weight_decay, lr, group["decoupled_weight_decay"])
            exp_avg.lerp_(grad, 1 - beta1)
            _scale_(exp_avg_sq, beta2, True)
            exp_avg_sq.addcmul_(grad, grad, value=1 - beta2)
            rect = ((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t)) ** 0.5 \
                if rho_t > 5 else 0
            bias_correction1 = 1 - beta1 ** step
            unrect_step_size = (lr * (0 if rect > 0 else 1.0) / bias_correction1) * -1
            bias_correction2 = ((1 - beta2 ** step) ** 0.5) * (lr * rect / bias_correction1) * -1
            buffer = exp_avg_sq.sqrt()
            buffer.add_(eps)
            buffer.div_(_number(bias_correction2))
            buffer.reciprocal_()
            buffer.add_(_number(unrect_step_size))
            param.addcmul_(exp_avg, buffer)


class Adadelta(_SingleTensor):
    _GROUP_DEFAULTS = (("foreach", None), ("maximize", False), ("differentiable", False), ("capturable", False))
    _STATE_TENSORS = ("step",)
    _CAPTURABLE_XLA = (False, False)

    def __init__(self, params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0, foreach=None, *, capturable=False,
                 maximize=False, differentiable=False):
        _check(lr)
        if not 0.0 <= rho <= 1.0:
            raise _invalid(f"Invalid rho value: {rho}")
        if not 0.0 <= eps:
            raise _invalid(f"Invalid epsilon value: {eps}")
        if not 0.0 <= weight_decay:
            raise _invalid(f"Invalid weight_decay value: {weight_decay}")
        defaults = {"lr": lr, "rho": rho, "eps": eps, "weight_decay": weight_decay, "maximize": maximize,
                    "capturable": capturable, "foreach": foreach, "differentiable": differentiable}
        super().__init__(params, defaults)

    def _update(self, group, state, with_grads):
        lr, rho, eps, weight_decay, maximize = _to_scalar(group["lr"]), group["rho"], group["eps"], \
            group["weight_decay"], group["maximize"]
        _init_states(state, with_grads, lambda s, param, grad: s.update(
            step=creation.zeros((), dtype=scalar_dtype()), square_avg=creation.zeros_like(param),
            acc_delta=creation.zeros_like(param)))
        self._refuse_capturable(group, with_grads)
        for param, grad, s in _as_real(state, with_grads, maximize, weight_decay, group["foreach"]):
            square_avg, acc_delta, step = s["square_avg"], s["acc_delta"], s["step"]
            step += 1
            _scale_(square_avg, rho, group["foreach"]).addcmul_(grad, grad, value=1 - rho)
            std = square_avg.add(eps).sqrt_()
            delta = acc_delta.add(eps).sqrt_()
            if group["differentiable"]:
                delta = delta.clone()
            delta.div_(std).mul_(grad)
            _scale_(acc_delta, rho, group["foreach"]).addcmul_(delta, delta, value=1 - rho)
            param.add_(delta, alpha=-_number(lr))


class Rprop(_SingleTensor):
    _GROUP_DEFAULTS = (("foreach", None), ("maximize", False), ("differentiable", False), ("capturable", False))
    _STATE_TENSORS = ("step",)
    _CAPTURABLE_XLA = (True, True)

    def __init__(self, params, lr=1e-2, etas=(0.5, 1.2), step_sizes=(1e-6, 50), *, capturable=False, foreach=None,
                 maximize=False, differentiable=False):
        _check(lr)
        if not 0.0 < etas[0] < 1.0 < etas[1]:
            raise _invalid(f"Invalid eta values: {etas[0]}, {etas[1]}")
        defaults = {"lr": lr, "etas": etas, "step_sizes": step_sizes, "foreach": foreach, "maximize": maximize,
                    "differentiable": differentiable, "capturable": capturable}
        super().__init__(params, defaults)

    def _update(self, group, state, with_grads):
        etaminus, etaplus = group["etas"]
        step_size_min, step_size_max = group["step_sizes"]
        maximize = group["maximize"]
        _init_states(state, with_grads, lambda s, param, grad: s.update(
            step=creation.zeros((), dtype=scalar_dtype()), prev=creation.zeros_like(param),
            step_size=creation.full_like(grad, _complex_fill(grad, _number(_to_scalar(group["lr"]))))))
        self._refuse_capturable(group, with_grads)
        for param, grad, s in _as_real(state, with_grads):
            grad = -grad if maximize else grad
            prev, step_size, step = s["prev"], s["step_size"], s["step"]
            step += 1
            sign = grad.mul(prev.clone() if group["differentiable"] else prev).sign()
            sign[sign.gt(0)] = etaplus
            sign[sign.lt(0)] = etaminus
            sign[sign.eq(0)] = 1
            if group["foreach"]:  # (_multi_tensor_rprop keeps the new grad in prev's memory: copied, negated
                prev.copy_(grad.neg() if maximize else grad)  # in place for maximize, then copied from a where)
                if maximize:
                    prev.neg_()
            step_size.mul_(sign).clamp_(step_size_min, step_size_max)
            if group["foreach"]:
                prev.copy_(prev.masked_fill(sign.eq(etaminus), 0))
                param.addcmul_(prev.sign(), step_size, value=-1)
                continue
            grad = grad.clone()
            grad[sign.eq(etaminus)] = 0
            param.addcmul_(grad.sign(), step_size, value=-1)
            prev.copy_(grad)


class ASGD(_SingleTensor):
    _GROUP_DEFAULTS = (("foreach", None), ("maximize", False), ("differentiable", False), ("capturable", False))
    _STATE_TENSORS = ("step", "eta", "mu")
    _CAPTURABLE_STATES = ("params, mus, etas, and state_steps", "params, mus, etas, and state_steps")

    def __init__(self, params, lr=1e-2, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0, foreach=None,
                 maximize=False, differentiable=False, capturable=False):
        _check(lr)
        if not 0.0 <= weight_decay:
            raise _invalid(f"Invalid weight_decay value: {weight_decay}")
        defaults = {"lr": lr, "lambd": lambd, "alpha": alpha, "t0": t0, "weight_decay": weight_decay,
                    "foreach": foreach, "maximize": maximize, "differentiable": differentiable,
                    "capturable": capturable}
        super().__init__(params, defaults)

    def _update(self, group, state, with_grads):
        lr, lambd, alpha, t0 = _to_scalar(group["lr"]), group["lambd"], group["alpha"], group["t0"]
        weight_decay, maximize = group["weight_decay"], group["maximize"]
        _init_states(state, with_grads, lambda s, param, grad: s.update(
            step=creation.zeros((), dtype=scalar_dtype()),
            eta=creation.tensor(_number(_to_scalar(group["lr"])), dtype=scalar_dtype()),
            mu=creation.ones((), dtype=scalar_dtype()), ax=creation.zeros_like(param)))
        self._refuse_capturable(group, with_grads)
        if group["foreach"]:
            return self._multi_tensor(group, state, with_grads)
        for param, grad, s in _as_real(state, with_grads):
            grad = -grad if maximize else grad
            mu, ax, eta, step_t = s["mu"], s["ax"], s["eta"], s["step"]
            step_t += 1
            if weight_decay != 0:
                grad = grad.add(param, alpha=weight_decay)
            eta_value = eta.item()
            param.mul_(1 - lambd * eta_value)
            param.add_(grad, alpha=-eta_value)
            if mu.item() != 1:
                ax.add_(param.sub(ax).mul_(mu))
            else:
                ax.copy_(param)
            step = step_t.item()
            eta.copy_(creation.tensor(_number(lr / ((1 + lambd * lr * step) ** alpha))))
            mu.copy_(creation.tensor(1 / max(1, step - t0)))

    def _multi_tensor(self, group, state, with_grads):
        """_multi_tensor_asgd (foreach=True) per parameter: param -= eta * (grad + lambd * param) in one addcmul_,
        ax += (param - ax) * mu always, and the new eta worked out on the float32 step tensor (lr / t is
        reciprocal(t) * lr), not in double as the single-tensor loop does."""
        lr, lambd, alpha, t0 = _to_scalar(group["lr"]), group["lambd"], group["alpha"], group["t0"]
        for param, grad, s in _as_real(state, with_grads):
            mu, ax, eta, step_t = s["mu"], s["ax"], s["eta"], s["step"]
            step_t += 1
            grad = _foreach_grad(param, grad, group["maximize"], group["weight_decay"])
            param.addcmul_(grad.add(param, alpha=lambd), eta, value=-1)
            ax.addcmul_(param.sub(ax), mu)
            eta.copy_(lr / ((1 + lambd * lr * step_t) ** alpha))
            mu.copy_(creation.tensor(1 / max(1, step_t.item() - t0)))



class Adafactor(_SingleTensor):
    """PyTorch's Adafactor (torch/optim/_adafactor.py): factored second moments (row and column means of the
    squared gradient) for matrices, a full one for vectors; its single-tensor loop, which PyTorch runs unless
    foreach=True is asked (that loop is run here then too)."""
    _GROUP_DEFAULTS = (("foreach", None),)
    _STATE_TENSORS = ("step",)


    def __init__(self, params, lr=1e-2, beta2_decay=-0.8, eps=(None, 1e-3), d=1.0, weight_decay=0.0, *, foreach=None,
                 maximize=False):
        if isinstance(lr, Tensor) and lr.numel() != 1:
            raise _invalid("Tensor lr must be 1-element")
        for ok, text in ((0.0 <= lr, f"Learning rate should be >= 0 but is: {lr}"),
                         (0.0 >= beta2_decay, f"beta2_decay should be <= 0 but is: {beta2_decay}"),
                         (eps[0] is None or 0.0 <= eps[0], f"epsilon1 should be >= 0 but is: {eps[0]}"),
                         (0.0 <= eps[1], f"epsilon2 should be >= 0 but is: {eps[1]}"),
                         (1.0 <= d, f"Clipping threshold d should be >= 1 but is: {d}"),
                         (0.0 <= weight_decay, f"weight_decay should be >= 0 but is: {weight_decay}")):
            if not ok:
                raise _invalid(text)
        defaults = {"lr": lr, "beta2_decay": beta2_decay, "eps": eps, "d": d, "weight_decay": weight_decay,
                    "foreach": foreach, "maximize": maximize}
        super().__init__(params, defaults)

    @staticmethod
    def _init_state(s, param, grad):
        s["step"] = _step_tensor()
        if grad.dim() > 1:
            s["row_var"] = grad.new_zeros(list(grad.shape[:-1]) + [1])
            s["col_var"] = grad.new_zeros(list(grad.shape[:-2]) + [1, grad.shape[-1]])
        else:
            s["variance"] = creation.zeros_like(grad)

    def _update(self, group, state, with_grads):
        from tensorsh.engine.defaults import finfo
        eps1, eps2 = group["eps"]
        lr, d, beta2_decay = _to_scalar(group["lr"]), group["d"], group["beta2_decay"]
        weight_decay, maximize = group["weight_decay"], group["maximize"]
        if any(param.is_complex() for param, _ in with_grads):
            raise make("RuntimeError", "Adafactor does not support complex parameters")
        _init_states(state, with_grads, self._init_state)
        lr = _number(lr)
        for param, grad in with_grads:
            s = state[param]
            grad = -grad if maximize else grad
            if eps1 is None:
                eps1 = finfo(param.dtype).eps
            step_t = s["step"]
            step_t += 1
            step_float = step_t.item()
            one_minus_beta2_t = step_float ** beta2_decay
            rho_t = min(lr, 1 / (step_float ** 0.5))
            alpha = max(eps2, param.norm(2).item() / (param.numel() ** 0.5)) * rho_t
            if weight_decay != 0:
                param.mul_(1 - lr * weight_decay)
            if grad.dim() > 1:
                row_var, col_var = s["row_var"], s["col_var"]
                row_mean = grad.norm(dim=-1, keepdim=True).square_().div_(grad.size(-1))
                row_var.lerp_(row_mean, one_minus_beta2_t)
                col_mean = grad.norm(dim=-2, keepdim=True).square_().div_(grad.size(-2))
                col_var.lerp_(col_mean, one_minus_beta2_t)
                var_estimate = row_var @ col_var
                var_estimate.div_(row_var.mean(dim=-2, keepdim=True).clamp_(min=eps1))
            else:
                variance = s["variance"]
                variance.lerp_(grad * grad, one_minus_beta2_t)
                var_estimate = variance.clone()
            update = var_estimate.clamp_(min=eps1 * eps1).rsqrt_()
            update.mul_(grad)
            denom = max(1.0, update.norm(2).item() / ((update.numel() ** 0.5) * d))
            param.add_(update, alpha=-alpha / denom)


class SparseAdam(_SingleTensor):
    """SparseAdam: PyTorch's constructor checks (lr and eps strictly positive) and its refusal of dense gradients.
    The engine has no sparse tensors (an `Embedding(sparse=True)`'s gradient is dense here), so a step over any
    gradient raises PyTorch's RuntimeError; parameters without a gradient are skipped as in PyTorch."""
    _GROUP_DEFAULTS = ()

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, maximize=False):
        if isinstance(lr, Tensor) and lr.numel() != 1:
            raise _invalid("Tensor lr must be 1-element")
        for label, value in (("learning rate", lr), ("epsilon value", eps)):
            if not 0.0 < value:
                raise _invalid(f"Invalid {label}: {value}")
        for i, beta in enumerate(betas[:2]):
            if not 0.0 <= beta < 1.0:
                raise _invalid(f"Invalid beta parameter at index {i}: {beta}")
        super().__init__(params, {"lr": lr, "betas": betas, "eps": eps, "maximize": maximize})

    def _update(self, group, state, with_grads):
        if with_grads:
            raise make("RuntimeError", "SparseAdam does not support dense gradients, please consider Adam instead")


class Muon(_SingleTensor):
    """PyTorch's Muon (torch/optim/_muon.py): momentum (lerp), then the update orthogonalized by its Newton-Schulz
    iteration in bfloat16, decoupled weight decay and a learning rate adjusted to the matrix's shape; 2-D
    parameters only (checked at construction, after the groups are made)."""
    _GROUP_DEFAULTS = ()

    def __init__(self, params, lr=1e-3, weight_decay=0.1, momentum=0.95, nesterov=True,
                 ns_coefficients=(3.4445, -4.7750, 2.0315), eps=1e-7, ns_steps=5, adjust_lr_fn=None):
        if isinstance(lr, Tensor) and lr.numel() != 1:
            raise _invalid("Tensor lr must be 1-element")
        for ok, text in ((0.0 <= lr, f"Learning rate should be >= 0 but is: {lr}"),
                         (0.0 <= momentum, f"momentum should be >= 0 but is: {momentum}"),
                         (0.0 <= weight_decay, f"weight decay should be >= 0 but is: {weight_decay}"),
                         (adjust_lr_fn in (None, "original", "match_rms_adamw"),
                          f"Adjust learning rate function {adjust_lr_fn} is not supported")):
            if not ok:
                raise _invalid(text)
        super().__init__(params, {"lr": lr, "weight_decay": weight_decay, "momentum": momentum,
                                  "nesterov": nesterov, "ns_coefficients": ns_coefficients, "eps": eps,
                                  "ns_steps": ns_steps, "adjust_lr_fn": adjust_lr_fn})
        for group in self.param_groups:
            for p in group["params"]:
                if p.ndim != 2:
                    raise _invalid(f"Muon only supports 2D parameters whereas we found a parameter with size: "
                                   f"{p.size()}")

    @staticmethod
    def _orthogonalized(grad, ns_coefficients, ns_steps, eps):
        """_zeropower_via_newtonschulz: the quintic iteration on the bfloat16 gradient (transposed when tall)."""
        if ns_steps >= 100:
            raise _invalid("Number of steps must be less than 100 for computational efficiency")
        if len(grad.shape) != 2:
            raise _invalid("Input tensor gradient must be a 2D matrix")
        if len(ns_coefficients) != 3:
            raise _invalid("Coefficients must be a tuple of exactly 3 values")
        a, b, c = ns_coefficients
        tall = grad.size(0) > grad.size(1)
        ortho = grad.bfloat16().T if tall else grad.bfloat16()
        ortho.div_(ortho.norm().clamp(min=eps))
        for _ in range(ns_steps):
            gram = ortho @ ortho.T
            ortho = ortho.addmm(gram.addmm(gram, gram, beta=b, alpha=c), ortho, beta=a)
        return ortho.T if tall else ortho

    def _update(self, group, state, with_grads):
        for param, grad in with_grads:  # (_init_group: each parameter checked, then its buffer made)
            if param.is_complex():
                raise make("RuntimeError", "Muon does not support complex parameters")
            if len(state[param]) == 0:
                state[param]["momentum_buffer"] = creation.zeros_like(grad)
        lr, momentum, weight_decay = _to_scalar(group["lr"]), group["momentum"], group["weight_decay"]
        for param, grad in with_grads:
            if grad.ndim != 2:
                raise _invalid("Param gradient must be a 2D matrix")
            buf = state[param]["momentum_buffer"]
            buf.lerp_(grad, 1 - momentum)
            update = self._orthogonalized(grad.lerp(buf, momentum) if group["nesterov"] else buf,
                                          group["ns_coefficients"], group["ns_steps"], group["eps"])
            rows, cols = param.shape[:2]
            adjust = group["adjust_lr_fn"]
            ratio = math.sqrt(max(1, rows / cols)) if adjust in (None, "original") else \
                0.2 * math.sqrt(max(rows, cols)) if adjust == "match_rms_adamw" else 1.0
            param.mul_(1 - lr * weight_decay)
            param.add_(update, alpha=-_number(lr * ratio))

"""SGD, Adam, AdamW, RMSprop, Adagrad: PyTorch's single-tensor (foreach=False) CPU loops, op for op, and its
foreach=True loops (on the CPU, `_foreach_*` ops run the same op tensor by tensor, in their own order of ops).

Each update is the sequence of in-place engine ops PyTorch's `_single_tensor_*` / `_multi_tensor_*` function runs,
in its order and with its scalars (Python floats, rounded to float32 by the kernels as PyTorch's are; a tensor lr
takes part in the arithmetic as a tensor, as in PyTorch), so values and version counters after a step are PyTorch's
wherever the engine's kernels are bit-exact (all here but `sqrt`). differentiable=True runs the same ops with grad
enabled (Adam: PyTorch's tensor-step branch), so the step is recorded in the graph. fused=True: see fused.py.
"""
import numpy as np

from tensorsh.engine import creation, dtypes, optim_steps
from tensorsh.engine.errors import make
from tensorsh.engine.ops.real_complex import view_as_real
from tensorsh.engine.tensor import Tensor
from tensorsh.engine.typenames import own_method

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


def _check_adam_like(lr, betas, eps, weight_decay):
    """Adam's constructor checks, which Adamax, NAdam and RAdam share: lr, eps, the two betas, weight_decay."""
    _check(lr, ("epsilon value", eps))
    for i, beta in enumerate(betas[:2]):
        if not 0.0 <= beta < 1.0:
            raise _invalid(f"Invalid beta parameter at index {i}: {beta}")
    if not 0.0 <= weight_decay:
        raise _invalid(f"Invalid weight_decay value: {weight_decay}")


def _scale_(t, factor, foreach):
    """t.mul_(factor) in an optimizer's loop. A _multi_tensor_* loop's in-place _foreach_mul_ rounds a number factor
    to a float16/bfloat16 t's dtype first (measured; the single-tensor loops' mul_ and an out-of-place
    _foreach_mul keep it in float), so a momentum or beta2 moves the last bits of half-precision state."""
    if foreach and t.dtype in (dtypes.float16, dtypes.bfloat16) and not isinstance(factor, Tensor):
        factor = float(dtypes.rounding(t.dtype)(np.float32(factor)))
    return t.mul_(factor)


def _weight_decay(param, grad, lr, weight_decay, decoupled, foreach=False):
    """Adam's (and NAdam's, RAdam's) weight decay: decoupled, param shrinks in place; else grad + wd * param."""
    if weight_decay != 0:
        if decoupled:
            _scale_(param, 1 - lr * weight_decay, foreach)
        else:
            grad = grad.add(param, alpha=weight_decay)
    return grad


def _real(t):
    return view_as_real(t) if isinstance(t, Tensor) and t.is_complex() else t


def _complex_fill(t, value):
    """The value a complex state tensor starts at: value in both parts (Adagrad's sum, Rprop's step sizes)."""
    return complex(value, value) if t.is_complex() else value


def _as_real(state, with_grads, maximize=False, weight_decay=0, foreach=False):
    """Each (param, grad, state) of a single-tensor loop; a complex parameter, its grad and its complex state tensors
    as view_as_real views (PyTorch's loops update real and imaginary parts as independent reals: `addcmul(grad,
    grad)`, `sqrt`, `maximum` act on each part, not on the complex number). With maximize or a weight_decay, the grad
    is first negated and then given the coupled weight decay (grad + weight_decay * param): before the real views, as
    the single-tensor loops of Adam, Adamax, Adagrad, Adadelta and RMSprop do it (a complex add rounds the product and
    the sum apart, where the real add fuses them), after them in their foreach loops (`foreach`)."""
    for param, grad in with_grads:
        s = state[param]
        if not foreach:
            grad = _decayed(param, grad, maximize, weight_decay)
        if param.is_complex():
            param, grad, s = _real(param), _real(grad), {k: _real(v) for k, v in s.items()}
        if foreach:
            grad = _decayed(param, grad, maximize, weight_decay)
        yield param, grad, s


def _decayed(param, grad, maximize, weight_decay):
    """The grad an optimizer's step uses: negated under maximize, then plus weight_decay * param."""
    grad = -grad if maximize else grad
    return grad.add(param, alpha=weight_decay) if weight_decay != 0 else grad


def _step_tensor(fused=False):
    """`state['step']`: a 0-dim tensor on the CPU, as PyTorch keeps it (float32 for the fused kernels)."""
    return creation.tensor(0.0, dtype=dtypes.float32 if fused else scalar_dtype())


def _to_scalar(x):
    """PyTorch's _to_scalar: a 1-element tensor hyperparameter squeezed to 0-dim; numbers kept."""
    return x.squeeze() if isinstance(x, Tensor) and x.dim() != 0 else x


def _number(x):
    """A tensor passed where ATen takes a Scalar (alpha=, value=): its value, as the argument parser reads it."""
    return x.item() if isinstance(x, Tensor) else x


def _foreach_grads(with_grads, maximize, weight_decay):
    """The _multi_tensor_* loops' start: _foreach_neg for maximize, then weight decay added in place into that copy
    (out of place otherwise: the gradients themselves are never written here)."""
    params = [p for p, _ in with_grads]
    grads = [g for _, g in with_grads]
    if maximize:
        grads = [-g for g in grads]
    if weight_decay != 0:
        if maximize:
            for g, p in zip(grads, params):
                g.add_(p, alpha=weight_decay)
        else:
            grads = [g.add(p, alpha=weight_decay) for g, p in zip(grads, params)]
    return params, grads


def _fused_checks(self, fused, foreach, differentiable):
    """The constructors' checks once the groups are built (SGD, Adam, AdamW, Adagrad)."""
    if fused:
        if differentiable:
            raise make("RuntimeError", "`fused` does not support `differentiable`")
        if foreach:
            raise make("RuntimeError", "`fused` and `foreach` cannot be `True` together.")


class _SingleTensor(Optimizer):
    """The step every built-in optimizer shares: the closure, then each group's update of its parameters."""

    # capturable=True needs an accelerator: PyTorch's step asserts it in the loop it takes, naming the states that loop
    # keeps ([single-tensor, foreach]); the single-tensor loop's device list has xla and the foreach loop's has not,
    # except where an optimizer's own loops differ (Adadelta's lists leave xla out, RMSprop's and Rprop's keep it).
    _CAPTURABLE_STATES = ("params and state_steps", "params and state_steps")
    _CAPTURABLE_XLA = (True, False)

    def _refuse_capturable(self, group, with_grads):
        """PyTorch's check runs over the parameters that have gradients, so a step without any passes."""
        if group.get("capturable") and with_grads:
            foreach = bool(group.get("foreach"))
            devices = "['cuda', 'xpu', 'hpu', 'privateuseone'" + (", 'xla']" if self._CAPTURABLE_XLA[foreach] else "]")
            raise make("AssertionError", f"If capturable=True, {self._CAPTURABLE_STATES[foreach]} must be on supported "
                                         f"devices: {devices}.")

    def __init_subclass__(cls, **kwargs):
        """Each optimizer's own copy of step, as PyTorch's each define one (errors name `Adam.step()`); AdamW has
        Adam's, as in PyTorch."""
        super().__init_subclass__(**kwargs)
        if "step" not in cls.__dict__ and not cls.__dict__.get("_inherits_step") and \
                cls.__module__.startswith("tensorsh."):  # (a program's subclass inherits its base's)
            cls.step = step_method(own_method(_SingleTensor.step, cls.__name__, "step"))

    @step_method
    def step(self, closure=None):
        loss = closure_loss(closure)
        for group in self.param_groups:  # (PyTorch, too, lists the parameters that have a grad first)
            self._update(group, self.state, [(p, p.grad) for p in group["params"] if p.grad is not None])
        return loss


class SGD(_SingleTensor):
    _GROUP_DEFAULTS = (("nesterov", False), ("maximize", False), ("foreach", None), ("differentiable", False),
                       ("fused", False))

    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, *, maximize=False,
                 foreach=None, differentiable=False, fused=None):
        _check(lr, ("momentum value", momentum), ("weight_decay value", weight_decay), nan_ok=True)
        defaults = {"lr": lr, "momentum": momentum, "dampening": dampening, "weight_decay": weight_decay,
                    "nesterov": nesterov, "maximize": maximize, "foreach": foreach, "differentiable": differentiable,
                    "fused": fused}
        if nesterov and (momentum <= 0 or dampening != 0):
            raise _invalid("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params, defaults)
        _fused_checks(self, fused, foreach, differentiable)

    def _update(self, group, state, with_grads):
        weight_decay, momentum, lr = group["weight_decay"], group["momentum"], _to_scalar(group["lr"])
        dampening, nesterov, maximize = group["dampening"], group["nesterov"], group["maximize"]
        if group["foreach"]:
            return self._update_foreach(group, state, with_grads, lr)
        if group["fused"]:
            from .fused import fused_sgd
            return fused_sgd(group, state, with_grads, lr)
        for param, grad in with_grads:
            if maximize:
                grad = -grad
            if weight_decay != 0:
                if isinstance(weight_decay, Tensor) and weight_decay.requires_grad:
                    grad = grad.addcmul_(param.clone(), weight_decay)
                else:
                    grad = grad.add(param, alpha=_number(weight_decay))
            if momentum != 0:
                param_state = state[param]
                buf = param_state.get("momentum_buffer")
                if buf is None:
                    buf = grad.detach().clone()
                elif not nesterov and not (isinstance(lr, Tensor) and lr.requires_grad):
                    param_state["momentum_buffer"] = buf  # (the buffer and the parameter in one engine call)
                    optim_steps.sgd_momentum_(param, grad, buf, momentum, dampening, _number(lr))
                    continue
                else:
                    buf.mul_(momentum).add_(grad, alpha=1 - dampening)
                param_state["momentum_buffer"] = buf
                grad = grad.add(buf, alpha=momentum) if nesterov else buf
            if isinstance(lr, Tensor) and lr.requires_grad:
                param.addcmul_(grad, lr, value=-1)
            else:
                param.add_(grad, alpha=-_number(lr))

    def _update_foreach(self, group, state, with_grads, lr):
        """_multi_tensor_sgd: each op over all tensors before the next; nesterov adds into the gradients in place
        (p.grad itself when neither maximize nor weight decay made a copy)."""
        weight_decay, momentum = group["weight_decay"], group["momentum"]
        dampening, nesterov, maximize = group["dampening"], group["nesterov"], group["maximize"]
        if not with_grads:
            return
        params, grads = _foreach_grads(with_grads, maximize, weight_decay)
        if momentum != 0:
            bufs = [state[p].get("momentum_buffer") for p in params]
            if all(b is not None for b in bufs):
                for b in bufs:
                    _scale_(b, momentum, True)
                for b, g in zip(bufs, grads):
                    b.add_(g, alpha=1 - dampening)
            else:
                for i, g in enumerate(grads):
                    if bufs[i] is None:
                        bufs[i] = g.detach().clone()
                    else:
                        _scale_(bufs[i], momentum, True).add_(g, alpha=1 - dampening)
            for p, b in zip(params, bufs):
                state[p]["momentum_buffer"] = b
            if nesterov:
                for g, b in zip(grads, bufs):
                    g.add_(b, alpha=momentum)
            else:
                grads = bufs
        for p, g in zip(params, grads):
            p.add_(g, alpha=-_number(lr))


class Adam(_SingleTensor):
    _GROUP_DEFAULTS = (("amsgrad", False), ("maximize", False), ("foreach", None), ("capturable", False),
                       ("differentiable", False), ("decoupled_weight_decay", False), ("fused", None))
    _STATE_TENSORS = ("step",)

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, *,
                 foreach=None, maximize=False, capturable=False, differentiable=False, fused=None,
                 decoupled_weight_decay=False):
        if isinstance(lr, Tensor) and foreach and not capturable:
            raise _invalid("lr as a Tensor is not supported for capturable=False and foreach=True")
        _check_adam_like(lr, betas, eps, weight_decay)
        if not (isinstance(betas[0], float) and isinstance(betas[1], float)
                or isinstance(betas[0], Tensor) and isinstance(betas[1], Tensor)):
            raise _invalid("betas must be either both floats or both Tensors")
        for i, beta in enumerate(betas):
            if isinstance(beta, Tensor):
                if not capturable and foreach:
                    raise _invalid(f"betas[{i}] as a Tensor is not supported for capturable=False and foreach=True")
                if beta.numel() != 1:
                    raise _invalid(f"Tensor betas[{i}] must be 1-element")
        betas = tuple(_to_scalar(b) for b in betas)
        defaults = {"lr": lr, "betas": tuple(betas), "eps": eps, "weight_decay": weight_decay, "amsgrad": amsgrad,
                    "maximize": maximize, "foreach": foreach, "capturable": capturable,
                    "differentiable": differentiable, "fused": fused, "decoupled_weight_decay": decoupled_weight_decay}
        super().__init__(params, defaults)
        _fused_checks(self, fused, foreach, differentiable)

    def _update(self, group, state, with_grads):
        beta1, beta2 = group["betas"]
        lr, weight_decay, eps = _to_scalar(group["lr"]), group["weight_decay"], group["eps"]
        amsgrad, maximize, decoupled = group["amsgrad"], group["maximize"], group["decoupled_weight_decay"]
        fused, foreach, capturable = group["fused"], group["foreach"], group["capturable"]
        differentiable = group["differentiable"]
        for param, grad in with_grads:
            s = state[param]
            if len(s) == 0:  # lazy state initialization, in PyTorch's key order
                if fused:
                    from .fused import check_param
                    check_param(param)
                s["step"] = (creation.zeros((), dtype=dtypes.float32 if fused else scalar_dtype())
                             if capturable or fused else _step_tensor())
                s["exp_avg"] = creation.zeros_like(param)
                s["exp_avg_sq"] = creation.zeros_like(param)
                if amsgrad:
                    s["max_exp_avg_sq"] = creation.zeros_like(param)
            if differentiable and s["step"].requires_grad:
                raise make("RuntimeError", "`requires_grad` is not supported for `step` in differentiable mode")
            if foreach and isinstance(group["lr"], Tensor) and not capturable:
                raise make("RuntimeError", "lr as a Tensor is not supported for capturable=False and foreach=True")
        if fused:
            from .fused import fused_adam
            return fused_adam(group, state, with_grads, lr)
        self._refuse_capturable(group, with_grads)
        if foreach and with_grads:
            if differentiable:
                raise make("AssertionError", "_foreach ops don't support autograd")
        for param, grad, s in _as_real(state, with_grads, maximize, 0 if decoupled else weight_decay, foreach):
            exp_avg, exp_avg_sq, step_t = s["exp_avg"], s["exp_avg_sq"], s["step"]
            step_t += 1
            if decoupled:
                grad = _weight_decay(param, grad, lr, weight_decay, decoupled, foreach)
            # A Tensor beta1 is first cast to the (real) parameter's dtype, so a float16 parameter's lerp weight is
            # float16's 1 - 0.9 (PyTorch's beta1_dict), where a float beta1 weighs in float.
            exp_avg.lerp_(grad, 1 - (beta1.to(dtype=param.dtype) if isinstance(beta1, Tensor) else beta1))
            if differentiable and isinstance(beta2, Tensor) and beta2.requires_grad:
                exp_avg_sq.lerp_(grad.square(), weight=1 - beta2)
            else:
                _scale_(exp_avg_sq, beta2, foreach).addcmul_(grad, grad, value=_number(1 - beta2))
            if differentiable:  # PyTorch's capturable/differentiable branch: the step as a tensor, all in the graph
                bias_correction1 = 1 - beta1 ** step_t
                bias_correction2 = 1 - beta2 ** step_t
                step_size = lr / bias_correction1
                step_size_neg = step_size.neg()
                bias_correction2_sqrt = bias_correction2.sqrt()
                if amsgrad:
                    max_sq = s["max_exp_avg_sq"]
                    max_sq.copy_(max_sq.clone().maximum(exp_avg_sq))
                    denom = (max_sq.sqrt() / (bias_correction2_sqrt * step_size_neg)).add_(eps / step_size_neg)
                else:
                    denom = (exp_avg_sq.sqrt() / (bias_correction2_sqrt * step_size_neg)).add_(eps / step_size_neg)
                param.addcdiv_(exp_avg.clone(), denom)
                continue
            step = step_t.item()
            bias_correction1 = 1 - beta1 ** step
            bias_correction2 = 1 - beta2 ** step
            step_size = lr / bias_correction1
            if foreach:
                step_size = step_size * -1
            bias_correction2_sqrt = bias_correction2 ** 0.5
            if amsgrad:
                max_sq = s["max_exp_avg_sq"]
                max_sq.copy_(max_sq.maximum(exp_avg_sq))  # torch.maximum(..., out=max_sq): one version bump
                denom = (max_sq.sqrt() / bias_correction2_sqrt).add_(eps)
            else:
                denom = (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps)
            param.addcdiv_(exp_avg, denom, value=_number(step_size) if foreach else -_number(step_size))


class AdamW(Adam):
    _inherits_step = True  # (PyTorch's AdamW has Adam's step: texts name it `Adam.step`)

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False, foreach=None, capturable=False, differentiable=False, fused=None):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, foreach=foreach, maximize=maximize,
                         capturable=capturable, differentiable=differentiable, fused=fused,
                         decoupled_weight_decay=True)

    def _setstate_group(self, group):
        group["decoupled_weight_decay"] = True


class RMSprop(_SingleTensor):
    _GROUP_DEFAULTS = (("momentum", 0), ("centered", False), ("foreach", None), ("maximize", False),
                       ("differentiable", False), ("capturable", False))
    _STATE_TENSORS = ("step",)
    _CAPTURABLE_XLA = (True, True)

    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False,
                 capturable=False, foreach=None, maximize=False, differentiable=False):
        _check(lr, ("epsilon value", eps), ("momentum value", momentum), ("weight_decay value", weight_decay),
               ("alpha value", alpha))
        defaults = {"lr": lr, "momentum": momentum, "alpha": alpha, "eps": eps, "centered": centered,
                    "weight_decay": weight_decay, "capturable": capturable, "foreach": foreach, "maximize": maximize,
                    "differentiable": differentiable}
        super().__init__(params, defaults)

    def _update(self, group, state, with_grads):
        lr, alpha, eps, weight_decay = _to_scalar(group["lr"]), group["alpha"], group["eps"], group["weight_decay"]
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
        self._refuse_capturable(group, with_grads)
        for param, grad, s in _as_real(state, with_grads, maximize, weight_decay, group["foreach"]):
            square_avg = s["square_avg"]
            s["step"] += 1
            _scale_(square_avg, alpha, group["foreach"]).addcmul_(grad, grad, value=1 - alpha)
            if centered:
                grad_avg = s["grad_avg"]
                grad_avg.lerp_(grad, 1 - alpha)
                avg = square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_()
            else:
                avg = square_avg.sqrt()
            avg = avg.add(eps) if group["differentiable"] else avg.add_(eps)
            if momentum > 0:
                buf = s["momentum_buffer"]
                _scale_(buf, momentum, group["foreach"]).addcdiv_(grad, avg)
                param.add_(buf, alpha=-_number(lr))
            else:
                param.addcdiv_(grad, avg, value=-_number(lr))


class Adagrad(_SingleTensor):
    __api__ = Optimizer.__api__ | {"share_memory"}
    _GROUP_DEFAULTS = (("foreach", None), ("maximize", False), ("differentiable", False), ("fused", None))
    _STATE_TENSORS = ("step",)

    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10,
                 foreach=None, *, maximize=False, differentiable=False, fused=None):
        _check(lr, ("lr_decay value", lr_decay), ("weight_decay value", weight_decay),
               ("initial_accumulator_value value", initial_accumulator_value), ("epsilon value", eps))
        defaults = {"lr": lr, "lr_decay": lr_decay, "eps": eps, "weight_decay": weight_decay,
                    "initial_accumulator_value": initial_accumulator_value, "foreach": foreach,
                    "maximize": maximize, "differentiable": differentiable, "fused": fused}
        super().__init__(params, defaults)
        _fused_checks(self, fused, foreach, differentiable)
        for group in self.param_groups:  # Adagrad makes its state at once, for every parameter
            for p in group["params"]:
                self._init_state(self.state[p], p, group)

    def share_memory(self):
        for group in self.param_groups:
            for p in group["params"]:
                self.state[p]["sum"].share_memory_()

    def _init_state(self, s, p, group):
        s["step"] = creation.zeros((), dtype=dtypes.float32) if group["fused"] else _step_tensor()
        s["sum"] = creation.full_like(p, _complex_fill(p, _number(group["initial_accumulator_value"])))

    def _update(self, group, state, with_grads):
        lr, weight_decay, lr_decay, eps = _to_scalar(group["lr"]), group["weight_decay"], group["lr_decay"], group["eps"]
        maximize = group["maximize"]
        for param, _ in with_grads:
            if len(state[param]) == 0:
                self._init_state(state[param], param, group)
        if group["fused"]:
            from .fused import fused_adagrad
            return fused_adagrad(group, state, with_grads, lr)
        if group["foreach"]:
            return self._update_foreach(group, state, with_grads, lr)
        for param, grad, s in _as_real(state, with_grads, maximize, weight_decay):
            state_sum, step_t = s["sum"], s["step"]
            step_t += 1
            step = step_t.item()
            clr = lr / (1 + (step - 1) * lr_decay)
            state_sum.addcmul_(grad, grad, value=1)
            std = state_sum.sqrt() + eps if group["differentiable"] else state_sum.sqrt().add_(eps)
            param.addcdiv_(grad, std, value=-_number(clr))

    def _update_foreach(self, group, state, with_grads, lr):
        """_multi_tensor_adagrad: the numerator grad * (-clr) is rounded before it is divided by std (the single
        tensor loop divides first), so values differ from foreach=False."""
        weight_decay, lr_decay, eps, maximize = group["weight_decay"], group["lr_decay"], group["eps"], \
            group["maximize"]
        if not with_grads:
            return
        steps = [state[p]["step"] for p, _ in with_grads]
        sums = [_real(state[p]["sum"]) for p, _ in with_grads]
        for t in steps:
            t.add_(creation.tensor(1.0), alpha=1.0)
        params, grads = _foreach_grads([(_real(p), _real(g)) for p, g in with_grads], maximize, weight_decay)
        minus_clr = [-lr / (1 + (t.item() - 1) * lr_decay) for t in steps]
        for s, g in zip(sums, grads):
            s.addcmul_(g, g, value=1)
        std = [s.sqrt() for s in sums]
        for t in std:
            t.add_(eps)
        if weight_decay != 0 or maximize:
            for g, c in zip(grads, minus_clr):
                g.mul_(_number(c))
            numerator = grads
        else:
            numerator = [g.mul(_number(c)) for g, c in zip(grads, minus_clr)]
        for p, n, d in zip(params, numerator, std):
            p.addcdiv_(n, d)

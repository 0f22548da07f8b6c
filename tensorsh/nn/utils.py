"""torch.nn.utils: gradient clipping and parameter/vector conversion, as PyTorch composes them."""
import inspect
import types

from tensorsh.engine import autograd, creation, torch_api
from tensorsh.engine.ops import joining
from tensorsh.engine.errors import runtime, type_error, warn
from tensorsh.engine.tensor import Tensor


def _tensors(parameters):
    return [parameters] if isinstance(parameters, Tensor) else list(parameters)


def get_total_norm(tensors, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    """The norm of the tensors' norms (torch.linalg.vector_norm of the stacked per-tensor norms)."""
    tensors = _tensors(tensors)
    norm_type = float(norm_type)
    if len(tensors) == 0:
        return creation.tensor(0.0)
    with autograd.no_grad():
        norms = [g.norm(norm_type) if norm_type != float("inf") else g.abs().max() for g in tensors]
        stacked = joining.stack(norms)
        total_norm = stacked.norm(norm_type) if norm_type != float("inf") else stacked.max()
        if error_if_nonfinite and (total_norm.isnan() | total_norm.isinf()).item():
            raise runtime(f"The total norm of order {norm_type} for gradients from `parameters` is non-finite, so "
                          "it cannot be clipped. To disable this error and scale the gradients by the non-finite "
                          "norm anyway, set `error_if_nonfinite=False`")
    return total_norm


def clip_grads_with_norm_(parameters, max_norm, total_norm, foreach=None):
    """Each grad scaled in place by clamp(max_norm / (total_norm + 1e-6), max=1)."""
    grads = [p.grad for p in _tensors(parameters) if p.grad is not None]
    max_norm = float(max_norm)
    if len(grads) == 0:
        return
    with autograd.no_grad():
        clip_coef_clamped = torch_api.NAMESPACE["clamp"](max_norm / (total_norm + 1e-6), max=1.0)  # (torch.clamp's
        # parser refuses a Python number total_norm, as PyTorch's does)
        for g in grads:
            g.mul_(clip_coef_clamped)


def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    """get_total_norm of the grads, then clip_grads_with_norm_; an empty generator warns, as PyTorch's does."""
    if not isinstance(parameters, Tensor):
        is_generator = isinstance(parameters, types.GeneratorType)
        parameters = list(parameters)
        if is_generator and len(parameters) == 0:
            warn("`parameters` is an empty generator, no gradient clipping will occur.")
    total_norm = get_total_norm([p.grad for p in _tensors(parameters) if p.grad is not None], norm_type,
                                error_if_nonfinite, foreach)
    clip_grads_with_norm_(parameters, max_norm, total_norm, foreach)
    return total_norm


def clip_grad_norm(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    warn("`torch.nn.utils.clip_grad_norm` is now deprecated in favor of `torch.nn.utils.clip_grad_norm_`.",
         "FutureWarning")
    return clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite, foreach)


def clip_grad_value_(parameters, clip_value, foreach=None):
    """PyTorch's foreach path on CPU (the default): clamp_min_ then clamp_max_, so each grad's version moves by 2.
    No grads at all: ATen's _group_tensors_by_device_and_dtype check, which PyTorch reaches before either path."""
    clip_value = float(clip_value)
    grads = [p.grad for p in _tensors(parameters) if p.grad is not None]
    if not grads:
        raise runtime("Expected !nested_tensorlist[0].empty() to be true, but got false.  (Could this error message "
                      "be improved?  If so, please report an enhancement request to PyTorch.)")
    with autograd.no_grad():
        for grad in grads:
            if foreach is False:
                grad.clamp_(min=-clip_value, max=clip_value)
            else:
                grad.clamp_min_(-clip_value).clamp_max_(clip_value)


def parameters_to_vector(parameters):
    vec = []
    for param in parameters:
        vec.append(param.view(-1))
    return joining.cat(vec)


def vector_to_parameters(vec, parameters):
    if not isinstance(vec, Tensor):
        raise type_error(f"expected torch.Tensor, but got: {type(vec).__name__}")
    pointer = 0
    for param in parameters:
        num_param = param.numel()
        param.data = vec[pointer:pointer + num_param].view_as(param).data
        pointer += num_param


def skip_init(module_cls, *args, **kwargs):
    """torch.nn.utils.skip_init: PyTorch builds the module on the meta device (its initialization draws nothing from
    the generator) and moves it to_empty; here it is built, the generator's state restored, then moved to_empty."""
    from .module import Module
    if not issubclass(module_cls, Module):
        raise runtime(f"Expected a Module; got {module_cls}")
    if "device" not in inspect.signature(module_cls).parameters:
        raise runtime("Module must support a 'device' arg to skip initialization")
    final_device = kwargs.pop("device", "cpu")
    state = torch_api.get_rng_state()
    try:
        module = module_cls(*args, **kwargs)
    finally:
        torch_api.set_rng_state(state)
    return module.to_empty(device=final_device)

"""torch.amp.GradScaler (torch/amp/grad_scaler.py), loaded on first use: scale(loss) multiplies by a float32 0-dim
scale, step(optimizer) unscales the gradients in place (ATen's _amp_foreach_non_finite_check_and_unscale_: no
version bump, any non-finite value noted) and steps only when all are finite, update() backs off or grows the
scale (_amp_update_scale_). A scaler for 'cuda' on this CPU build warns and is disabled, as PyTorch's."""
import numpy as np

from . import autograd, creation, dtypes, errors, undo
from .tensorimpl import Tensor

_READY, _UNSCALED, _STEPPED = "READY", "UNSCALED", "STEPPED"


def _fresh_state():
    return {"stage": _READY, "found_inf_per_device": {}}


def _assertion(text):
    return errors.make("AssertionError", text)


class GradScaler:
    __module__ = "torch.amp.grad_scaler"
    __api__ = frozenset({"scale", "unscale_", "step", "update", "get_scale", "get_growth_factor", "set_growth_factor",
                         "get_backoff_factor", "set_backoff_factor", "get_growth_interval", "set_growth_interval",
                         "is_enabled", "state_dict", "load_state_dict", "_scale", "_growth_tracker", "_enabled",
                         "_init_scale", "_get_growth_tracker", "_device"})

    def __init__(self, device="cuda", init_scale=2.0 ** 16, growth_factor=2.0, backoff_factor=0.5,
                 growth_interval=2000, enabled=True):
        self._device, self._enabled = device, enabled
        if device == "cuda" and enabled:
            errors.warn("torch.cuda.amp.GradScaler is enabled, but CUDA is not available.  Disabling.")
            self._enabled = False
        if self._enabled:
            if growth_factor <= 1.0:
                raise _assertion("The growth factor must be > 1.0.")
            if backoff_factor >= 1.0:
                raise _assertion("The backoff factor must be < 1.0.")
            self._init_scale, self._scale = init_scale, None
            self._growth_factor, self._backoff_factor, self._growth_interval = growth_factor, backoff_factor, \
                growth_interval
            self._init_growth_tracker, self._growth_tracker = 0, None
            self._per_optimizer_states = {}

    def _state(self, optimizer):
        return self._per_optimizer_states.setdefault(id(optimizer), _fresh_state())

    def _check_scale_growth_tracker(self, funcname):
        fix = "This may indicate your script did not use scaler.scale(loss or outputs) earlier in the iteration."
        if self._scale is None:
            raise _assertion(f"Attempted {funcname} but _scale is None.  " + fix)
        return self._scale, self._growth_tracker

    def _lazy_init(self):
        if self._scale is None:
            self._scale = creation.full((), self._init_scale, dtype=dtypes.float32)
            self._growth_tracker = creation.full((), self._init_growth_tracker, dtype=dtypes.int32)

    def scale(self, outputs):
        if not self._enabled:
            return outputs
        if isinstance(outputs, Tensor):
            self._lazy_init()
            return outputs * self._scale
        if isinstance(outputs, (list, tuple)):
            return type(outputs)(self.scale(o) for o in outputs)
        if isinstance(outputs, (str, bytes, int, float)) or not hasattr(outputs, "__iter__"):
            raise errors.value_error("outputs must be a Tensor or an iterable of Tensors")
        return map(self.scale, outputs)

    def _unscale_grads_(self, optimizer, inv_scale, found_inf):
        for group in optimizer.param_groups:
            for param in group["params"]:
                grad = param.grad
                if grad is None:
                    continue
                if grad.dtype is dtypes.float16:
                    raise errors.value_error("Attempting to unscale FP16 gradients.")
                values = grad._np.astype(np.float32) if grad.dtype.itemsize == 2 else grad._np
                if not np.isfinite(values).all():
                    found_inf._np[...] = 1.0
                if inv_scale != 1.0:
                    undo.touch(grad._storage)
                    scaled = values * values.dtype.type(inv_scale)
                    grad._np[...] = dtypes.to_bfloat16(scaled) if grad.dtype is dtypes.bfloat16 else scaled
        return {"cpu": found_inf}

    def unscale_(self, optimizer):
        if not self._enabled:
            return
        self._check_scale_growth_tracker("unscale_")
        state = self._state(optimizer)
        if state["stage"] is _UNSCALED:
            raise errors.runtime("unscale_() has already been called on this optimizer since the last update().")
        if state["stage"] is _STEPPED:
            raise errors.runtime("unscale_() is being called after step().")
        inv_scale = np.float32(1.0 / np.float64(self._scale._np))  # (the reciprocal in double, as PyTorch's)
        found_inf = creation.full((), 0.0, dtype=dtypes.float32)
        with autograd.no_grad():
            state["found_inf_per_device"] = self._unscale_grads_(optimizer, inv_scale, found_inf)
        state["stage"] = _UNSCALED

    def step(self, optimizer, *args, **kwargs):
        if not self._enabled:
            return optimizer.step(*args, **kwargs)
        if "closure" in kwargs:
            raise errors.runtime("Closure use is not currently supported if GradScaler is enabled.")
        self._check_scale_growth_tracker("step")
        state = self._state(optimizer)
        if state["stage"] is _STEPPED:
            raise errors.runtime("step() has already been called since the last update().")
        if state["stage"] is _READY:
            self.unscale_(optimizer)
        if not state["found_inf_per_device"]:
            raise _assertion("No inf checks were recorded for this optimizer.")
        retval = None
        if not sum(float(v._np) for v in state["found_inf_per_device"].values()):
            retval = optimizer.step(*args, **kwargs)
        state["stage"] = _STEPPED
        return retval

    def update(self, new_scale=None):
        if not self._enabled:
            return
        scale, tracker = self._check_scale_growth_tracker("update")
        if new_scale is not None:
            if isinstance(new_scale, float):
                scale._np[...] = new_scale
            else:
                reason = ("new_scale should be a float or a 1-element torch.cuda.FloatTensor or torch.FloatTensor "
                          "with requires_grad=False.")
                if not isinstance(new_scale, Tensor) or new_scale.numel() != 1 or new_scale.requires_grad:
                    raise _assertion(reason)
                scale._np[...] = new_scale._np.reshape(())
        else:
            found = [f for s in self._per_optimizer_states.values() for f in s["found_inf_per_device"].values()]
            if not found:
                raise _assertion("No inf checks were recorded prior to update.")
            if sum(float(f._np) for f in found):  # (_amp_update_scale_'s CPU kernel)
                scale._np[...] = np.float32(scale._np * np.float32(self._backoff_factor))
                tracker._np[...] = 0
            else:
                successful = int(tracker._np) + 1
                if successful == self._growth_interval:
                    grown = np.float32(scale._np * np.float32(self._growth_factor))
                    if np.isfinite(grown):
                        scale._np[...] = grown
                    tracker._np[...] = 0
                else:
                    tracker._np[...] = successful
        self._per_optimizer_states = {}

    def _current(self, initial, tensor, convert, disabled):
        """A scale or growth tracker's value: its initial one before the first scale(), the disabled default."""
        if not self._enabled:
            return disabled
        return initial if tensor is None else convert(tensor._np)

    def get_scale(self):
        return self._current(getattr(self, "_init_scale", None), getattr(self, "_scale", None), float, 1.0)

    def get_growth_factor(self):
        return self._growth_factor

    def set_growth_factor(self, new_factor):
        self._growth_factor = new_factor

    def get_backoff_factor(self):
        return self._backoff_factor

    def set_backoff_factor(self, new_factor):
        self._backoff_factor = new_factor

    def get_growth_interval(self):
        return self._growth_interval

    def set_growth_interval(self, new_interval):
        self._growth_interval = new_interval

    def _get_growth_tracker(self):
        return self._current(getattr(self, "_init_growth_tracker", None), getattr(self, "_growth_tracker", None),
                             int, 0)

    def is_enabled(self):
        return self._enabled

    def state_dict(self):
        if self._enabled:
            return {"scale": self.get_scale(), "growth_factor": self._growth_factor,
                    "backoff_factor": self._backoff_factor, "growth_interval": self._growth_interval,
                    "_growth_tracker": self._get_growth_tracker()}
        return {}

    def load_state_dict(self, state_dict):
        if not self._enabled:
            return
        if len(state_dict) == 0:
            raise errors.runtime("The source state dict is empty, possibly because it was saved from a disabled "
                                 "instance of GradScaler.")
        self._init_scale = state_dict["scale"]
        if self._scale is not None:
            self._scale._np[...] = state_dict["scale"]
        self._growth_factor = state_dict["growth_factor"]
        self._backoff_factor = state_dict["backoff_factor"]
        self._growth_interval = state_dict["growth_interval"]
        self._init_growth_tracker = state_dict["_growth_tracker"]
        if self._growth_tracker is not None:
            self._growth_tracker._np[...] = state_dict["_growth_tracker"]

    def __repr__(self):
        return f"<torch.amp.grad_scaler.GradScaler object at {autograd.address(self)}>"


def _legacy(device):
    """torch.cpu.amp.GradScaler / torch.cuda.amp.GradScaler: deprecated, for one device."""
    class legacy(GradScaler):
        __module__ = f"torch.{device}.amp.grad_scaler"

        def __init__(self, init_scale=2.0 ** 16, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000,
                     enabled=True):
            errors.warn(f"`torch.{device}.amp.GradScaler(args...)` is deprecated. Please use "
                        f"`torch.amp.GradScaler('{device}', args...)` instead.", "FutureWarning")
            super().__init__(device, init_scale, growth_factor, backoff_factor, growth_interval, enabled)

        def __repr__(self):
            return f"<torch.{device}.amp.grad_scaler.GradScaler object at {autograd.address(self)}>"
    legacy.__name__ = legacy.__qualname__ = "GradScaler"
    return legacy


CPU_GRAD_SCALER, CUDA_GRAD_SCALER = _legacy("cpu"), _legacy("cuda")

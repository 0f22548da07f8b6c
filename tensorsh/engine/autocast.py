"""torch.autocast on CPU (autocast_mode.cpp's CPU kernels, torch/amp/autocast_mode.py's class).

While CPU autocast is on, the ops of its lower-precision list (mm, matmul, linear, the convolutions, ...) run on
their floating inputs cast to the autocast dtype (bfloat16 by default), the ops of its float32 list (the losses,
prod, cdist, ...) on them cast to float32; float64 and non-float inputs are never cast, every other op runs as it
is. The casts are `to` ops (ToCopyBackward0 in the graph); a float32 leaf that requires grad is cast once per
outermost autocast region (PyTorch's weight cache). `ACTIVE[0]` is what the listed ops test first: autocast on and
none of its ops running (PyTorch excludes the autocast key while one runs, so linear's addmm casts nothing more).
"""
from . import dtypes, errors
from .tensorimpl import Device, Tensor

ACTIVE = [False]  # CPU autocast enabled and no autocast op running
_ENABLED = {"cpu": False, "cuda": False}
_DTYPE = {"cpu": dtypes.bfloat16, "cuda": dtypes.float16}
_CACHE_ENABLED = [True]
_NESTING = [0]
_CACHE = {}  # id(float32 leaf) -> (leaf, its cast): PyTorch's cached_casts, dropped on leaving the outermost region

_DEVICES = ("cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga", "maia", "xla",
            "lazy", "vulkan", "mps", "meta", "hpu", "mtia", "privateuseone")
_AVAILABLE = ("cpu", "cuda", "xpu", "ipu", "hpu", "xla", "mps", "mtia", "maia", "privateuseone")


def _device(device_type, fn="is_autocast_enabled"):
    if not isinstance(device_type, str):
        raise errors.type_error(f"{fn}(): argument 'device_type' (position 1) must be str, not "
                                f"{type(device_type).__name__}")
    kind = device_type.split(":")[0]
    if kind not in _DEVICES:
        if any(device_type.startswith(d) for d in _DEVICES):
            raise errors.runtime(f"Invalid device string: '{device_type}'")
        raise errors.runtime(f"Expected one of {', '.join(_DEVICES)} device type at start of device string: "
                             f"{device_type}")
    return kind


def _sync():
    ACTIVE[0] = _ENABLED["cpu"]


# -- the ops' side -------------------------------------------------------------------------------------------------

def _cast(value, dtype, cacheable):
    if isinstance(value, Tensor):
        dt = value.dtype
        if dt is dtype or not dt.is_floating_point or dt is dtypes.float64:
            return value
        if cacheable and dt is dtypes.float32 and value.requires_grad and value.grad_fn is None and \
                value._view is None and _CACHE_ENABLED[0]:
            hit = _CACHE.get(id(value))
            if hit is None or hit[0] is not value:
                hit = _CACHE[id(value)] = (value, value.to(dtype))
            return hit[1]
        return value.to(dtype)
    if isinstance(value, (list, tuple)) and value and any(isinstance(v, Tensor) for v in value):
        return type(value)(_cast(v, dtype, cacheable) for v in value)
    return value


def _run(fn, dtype, args, kwargs):
    cacheable = dtype is _DTYPE["cpu"]
    ACTIVE[0] = False
    try:
        args = tuple(_cast(a, dtype, cacheable) for a in args)
        kwargs = {k: _cast(v, dtype, cacheable) for k, v in kwargs.items()}
        return fn(*args, **kwargs)
    finally:
        _sync()


def lower(fn, *args, **kwargs):
    """fn (an op of the lower-precision list, called while ACTIVE) on its inputs cast to the autocast dtype."""
    return _run(fn, _DTYPE["cpu"], args, kwargs)


def fp32(fn, *args, **kwargs):
    """fn (an op of the float32 list, called while ACTIVE) on its reduced-precision inputs cast to float32."""
    return _run(fn, dtypes.float32, args, kwargs)


def promote(fn, *args, **kwargs):
    """fn (an op of the promote list: index_copy) on its floating inputs cast to the widest of them and the
    autocast dtype (float64 ones neither cast nor counted)."""
    widest = _DTYPE["cpu"]
    for a in args:
        if isinstance(a, Tensor) and a.dtype.is_floating_point and a.dtype is not dtypes.float64:
            widest = dtypes.promote(widest, a.dtype)
    return _run(fn, widest, args, kwargs)


def fp32_op(fn):
    """An op of the float32 list: fn as it is outside autocast."""
    def op(*args, **kwargs):
        if ACTIVE[0]:
            return _run(fn, dtypes.float32, args, kwargs)
        return fn(*args, **kwargs)
    op.__name__, op.__qualname__, op.__doc__, op.__wrapped__ = fn.__name__, fn.__qualname__, fn.__doc__, fn
    return op


# -- the API -------------------------------------------------------------------------------------------------------

def is_autocast_enabled(device_type="cuda"):
    return _ENABLED.get(_device(device_type), False)


def any_enabled():
    """torch._C._is_any_autocast_enabled()."""
    return any(_ENABLED.values())


def set_autocast_enabled(device_type=None, enabled=None):
    if enabled is None:  # (the old spelling: set_autocast_enabled(enabled), CUDA's)
        device_type, enabled = "cuda", device_type
    if not isinstance(enabled, bool):
        raise errors.type_error(f"set_autocast_enabled(): argument 'enabled' (position 2) must be bool, not "
                                f"{type(enabled).__name__}")
    _ENABLED[_device(device_type, "set_autocast_enabled")] = enabled
    _sync()


def get_autocast_dtype(device_type):
    kind = _device(device_type, "get_autocast_dtype")
    if kind not in _AVAILABLE:
        raise errors.runtime("unsupported scalarType")
    return _DTYPE.get(kind, dtypes.float16)


def set_autocast_dtype(device_type, dtype):
    _DTYPE[_device(device_type, "set_autocast_dtype")] = dtype


def is_autocast_cache_enabled():
    return _CACHE_ENABLED[0]


def set_autocast_cache_enabled(enabled):
    _CACHE_ENABLED[0] = _bool(enabled)


def _dtype(dtype):
    if not isinstance(dtype, dtypes.DType):
        raise errors.type_error(f"dtype must be a torch.dtype (got {_type_name(dtype)})")
    return dtype


def _type_name(value):
    return "Tensor" if isinstance(value, Tensor) else "function" if callable(value) and not isinstance(value, type) \
        else type(value).__name__


def _bool(enabled):
    if not isinstance(enabled, bool):
        raise errors.type_error(f"enabled must be a bool (got {_type_name(enabled)})")
    return enabled


def clear_autocast_cache():
    _CACHE.clear()


def autocast_increment_nesting():
    _NESTING[0] += 1
    return _NESTING[0]


def autocast_decrement_nesting():
    _NESTING[0] -= 1
    return _NESTING[0]


def _deprecated(old, new, fn):
    def call(*args):
        errors.warn(f"torch.{old} is deprecated. Please use torch.{new} instead.", "DeprecationWarning")
        return fn(*args)
    call.__name__ = call.__qualname__ = old.split("(")[0]
    return call


def is_autocast_available(device_type):
    return _device(device_type) in _AVAILABLE


class autocast:
    """torch.autocast(device_type, dtype=None, enabled=True, cache_enabled=None): a context manager and a
    decorator (each call of the decorated function runs in this same instance)."""
    __module__ = "torch.amp.autocast_mode"
    __api__ = frozenset({"device", "fast_dtype", "_enabled", "_cache_enabled"})

    def __init__(self, device_type, dtype=None, enabled=True, cache_enabled=None):
        if not isinstance(device_type, str):
            raise errors.value_error(f"Expected `device_type` of type `str`, got: `{_class_text(device_type)}`")
        self.fast_dtype = get_autocast_dtype(device_type) if dtype is None else dtype
        self.device = device_type
        if not is_autocast_available(device_type):
            raise errors.runtime(f"User specified an unsupported autocast device_type '{device_type}'")
        self._cache_enabled = _CACHE_ENABLED[0] if cache_enabled is None else cache_enabled
        if enabled:
            if device_type == "cuda":
                errors.warn("CUDA is not available or torch_xla is imported. Disabling autocast.")
                enabled = False
            elif self.fast_dtype not in (dtypes.bfloat16, dtypes.float16):
                name = device_type.upper()
                errors.warn(f"In {name} autocast, but the target dtype is not supported. Disabling autocast.\n"
                            f"{name} Autocast only supports dtypes of torch.bfloat16, torch.float16 currently.")
                enabled = False
        self._enabled = enabled

    def __enter__(self):
        self.prev_cache_enabled = _CACHE_ENABLED[0]
        self.prev = is_autocast_enabled(self.device)
        self.prev_fastdtype = get_autocast_dtype(self.device)
        _ENABLED[_device(self.device)] = bool(self._enabled)
        set_autocast_dtype(self.device, self.fast_dtype)
        autocast_increment_nesting()
        _CACHE_ENABLED[0] = bool(self._cache_enabled)
        _sync()
        return self

    def __exit__(self, *exc):
        if autocast_decrement_nesting() == 0:
            clear_autocast_cache()
        _ENABLED[_device(self.device)] = self.prev
        set_autocast_dtype(self.device, self.prev_fastdtype)
        _CACHE_ENABLED[0] = self.prev_cache_enabled
        _sync()
        return False

    def __call__(self, func):
        if not callable(func):
            raise errors.type_error(
                f"autocast()(func) requires a callable, but got {type(func).__name__}. Did you mean to use autocast as "
                f"a context manager? For example:\n    with torch.autocast(device_type=...):\n        output = model(input)")
        from .autograd import context_decorator
        return context_decorator(lambda: self, func)

    def __repr__(self):
        from .autograd import address
        return f"<{type(self).__module__}.autocast object at {address(self)}>"


def _cast_args(value, device_type, dtype):
    """torch.amp.autocast_mode._cast: eligible floating tensors (not float64), in lists, tuples and dicts too."""
    if isinstance(value, Tensor):
        eligible = value.dtype.is_floating_point and value.dtype is not dtypes.float64
        return value.to(dtype) if eligible else value
    if isinstance(value, dict):
        return {_cast_args(k, device_type, dtype): _cast_args(v, device_type, dtype) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_cast_args(v, device_type, dtype) for v in value)
    return value


def custom_fwd(fwd=None, *, device_type, cast_inputs=None):
    """torch.amp.custom_fwd: a custom Function's forward noting the autocast state on ctx (and, with cast_inputs,
    run on its inputs cast, autocast off, inside an autocast region)."""
    if not isinstance(device_type, str):
        raise errors.value_error(f"Expected `device_type` of type `str`, got: `{_class_text(device_type)}`")
    if fwd is None:
        return lambda f: custom_fwd(f, device_type=device_type, cast_inputs=cast_inputs)

    def decorate_fwd(*args, **kwargs):
        args[0]._dtype = get_autocast_dtype(device_type)
        if cast_inputs is None:
            args[0]._fwd_used_autocast = is_autocast_enabled(device_type)
            return fwd(*args, **kwargs)
        active = is_autocast_enabled(device_type)
        args[0]._fwd_used_autocast = False
        if not active:
            return fwd(*args, **kwargs)
        with autocast(device_type=device_type, enabled=False):
            return fwd(*_cast_args(args, device_type, cast_inputs), **_cast_args(kwargs, device_type, cast_inputs))
    decorate_fwd.__name__ = decorate_fwd.__qualname__ = getattr(fwd, "__name__", "forward")
    return decorate_fwd


def custom_bwd(bwd=None, *, device_type):
    """torch.amp.custom_bwd: a custom Function's backward run in the autocast state its forward saw."""
    if not isinstance(device_type, str):
        raise errors.value_error(f"Expected `device_type` of type `str`, got: `{_class_text(device_type)}`")
    if bwd is None:
        return lambda f: custom_bwd(f, device_type=device_type)

    def decorate_bwd(*args, **kwargs):
        with autocast(device_type=device_type, enabled=args[0]._fwd_used_autocast, dtype=args[0]._dtype):
            return bwd(*args, **kwargs)
    decorate_bwd.__name__ = decorate_bwd.__qualname__ = getattr(bwd, "__name__", "backward")
    return decorate_bwd


def _class_text(value):
    return "<class 'torch.device'>" if isinstance(value, Device) else "<class 'torch.Tensor'>" if isinstance(
        value, Tensor) else str(type(value))


def _amp_autocast(device):
    """torch.cpu.amp.autocast / torch.cuda.amp.autocast: deprecated subclasses for one device."""
    class legacy(autocast):
        __module__ = f"torch.{device}.amp.autocast_mode"

        def __init__(self, enabled=True, dtype=dtypes.bfloat16 if device == "cpu" else dtypes.float16,
                     cache_enabled=True):
            errors.warn(f"`torch.{device}.amp.autocast(args...)` is deprecated. Please use "
                        f"`torch.amp.autocast('{device}', args...)` instead.", "FutureWarning")
            super().__init__(device, dtype=dtype, enabled=enabled, cache_enabled=cache_enabled)
    legacy.__name__ = legacy.__qualname__ = "autocast"
    return legacy


def reset():
    _ENABLED.update(cpu=False, cuda=False)
    _DTYPE.update(cpu=dtypes.bfloat16, cuda=dtypes.float16)
    _CACHE_ENABLED[0] = True
    _NESTING[0] = 0
    _CACHE.clear()
    _sync()


FUNCTIONS = {
    "autocast": autocast, "is_autocast_enabled": is_autocast_enabled, "set_autocast_enabled": set_autocast_enabled,
    "get_autocast_dtype": get_autocast_dtype, "set_autocast_dtype": set_autocast_dtype,
    "is_autocast_cache_enabled": is_autocast_cache_enabled, "set_autocast_cache_enabled": set_autocast_cache_enabled,
    "clear_autocast_cache": clear_autocast_cache, "autocast_increment_nesting": autocast_increment_nesting,
    "autocast_decrement_nesting": autocast_decrement_nesting,
    "is_autocast_cpu_enabled": _deprecated("is_autocast_cpu_enabled()", "is_autocast_enabled('cpu')",
                                           lambda: is_autocast_enabled("cpu")),
    "get_autocast_cpu_dtype": _deprecated("get_autocast_cpu_dtype()", "get_autocast_dtype('cpu')",
                                          lambda: get_autocast_dtype("cpu")),
    "set_autocast_cpu_enabled": _deprecated("set_autocast_cpu_enabled(enabled)", "set_autocast_enabled('cpu', enabled)",
                                            lambda e: set_autocast_enabled("cpu", _bool(e))),
    "set_autocast_cpu_dtype": _deprecated("set_autocast_cpu_dtype(dtype)", "set_autocast_dtype('cpu', dtype)",
                                          lambda d: set_autocast_dtype("cpu", _dtype(d))),
}
FUNCTIONS.update({
    "get_autocast_gpu_dtype": _deprecated("get_autocast_gpu_dtype()", "get_autocast_dtype('cuda')",
                                          lambda: get_autocast_dtype("cuda")),
    "set_autocast_gpu_dtype": _deprecated("set_autocast_gpu_dtype(dtype)", "set_autocast_dtype('cuda', dtype)",
                                          lambda d: set_autocast_dtype("cuda", _dtype(d)))})
AMP = {"autocast": autocast, "is_autocast_available": is_autocast_available, "custom_fwd": custom_fwd,
       "custom_bwd": custom_bwd}
CPU_AMP = {"autocast": _amp_autocast("cpu")}
CUDA_AMP = {"autocast": _amp_autocast("cuda")}

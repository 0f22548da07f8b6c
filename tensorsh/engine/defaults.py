"""Process-wide settings a program can change (the default float dtype, deterministic algorithms, warn-always) and
the dtype facts torch.finfo / torch.iinfo give."""
import builtins

from . import dtypes, errors, tensorimpl, typenames, undo
from .typenames import type_name
from .errors import runtime, type_error

_deterministic = [False, False]  # (mode, warn_only)
_warn_always = [False]
_CUDNN_DEFAULTS = {"deterministic": False, "benchmark": False, "enabled": True, "allow_tf32": True,
                   "benchmark_limit": None}
_cudnn = dict(_CUDNN_DEFAULTS)   # torch.backends.cudnn's flags (a CPU build keeps them and uses none)
_matmul = {"precision": "highest", "allow_fp16_reduced_precision_reduction": True,
           "allow_bf16_reduced_precision_reduction": True}
_device = [None]  # torch.set_default_device's device (None: not set)
_device_blocks = []  # the devices of the `with torch.device(...)` blocks open, innermost last
FACTORY_DEVICE = []  # the device torch's factories get for device=None (utils/_device.py's DeviceContext), when
#                      one not the CPU is in force: [device] or []


class _Settings:
    """The settings as one undoable object: a failed statement takes back torch.set_default_dtype(...)."""

    @staticmethod
    def _snapshot():
        return dtypes.DEFAULT_FLOAT, tuple(_deterministic), _warn_always[0], dict(_cudnn), dict(_matmul), _device[0]

    @staticmethod
    def _restore(snap):
        dtypes.DEFAULT_FLOAT, _deterministic[:], _warn_always[0] = snap[0], list(snap[1]), snap[2]
        _cudnn.clear()
        _cudnn.update(snap[3])
        _matmul.clear()
        _matmul.update(snap[4])
        _device[0] = snap[5]
        _factory_device()


def reset():
    _device_blocks.clear()
    _Settings._restore((dtypes.float32, (False, False), False, _CUDNN_DEFAULTS,
                        {"precision": "highest", "allow_fp16_reduced_precision_reduction": True,
                         "allow_bf16_reduced_precision_reduction": True}, None))


def set_default_device(device):
    """torch.set_default_device: the device kept as torch.device(device) parses it (a CPU build's tensors stay on
    the CPU; the device is only what get_default_device answers)."""
    from .tensorimpl import Device
    value = None if device is None else Device.parse(device)
    undo.touch(_Settings)
    _device[0] = value
    _factory_device()


def _factory_device():
    device = _device_blocks[-1] if _device_blocks else _device[0]
    FACTORY_DEVICE[:] = [device] if device is not None and device.type != "cpu" else []


def enter_device(device):
    """`with torch.device(d):` (THPDevice_enter): d fills the factories' device=None until the block ends."""
    _device_blocks.append(device)
    _factory_device()
    return device


def exit_device():
    _device_blocks.pop()
    _factory_device()


def cpu_only(kind, what):
    """The error of a device tensorsh (and this CPU build of PyTorch) has not."""
    if kind == "cpu":
        return
    if what == "tensor" and kind in ("cuda", "xpu"):
        raise errors.make("AssertionError", f"Torch not compiled with {kind.upper()} enabled")
    if what == "tensor" and kind != "meta":
        raise runtime(f"PyTorch is not linked with support for {kind} devices")
    raise runtime(f"tensorsh runs on the CPU only: no {kind} {what}")


def get_default_device():
    """torch.get_default_device (torch/__init__.py): the innermost `with torch.device` block's device, else the one
    set, with its index; one without an index is the device an empty tensor gets there (the CPU's or meta; others
    refused as a factory refuses them)."""
    from .tensorimpl import Device
    device = _device_blocks[-1] if _device_blocks else _device[0]
    if device is None or device.type == "cpu" and device.index is None:
        return Device.parse("cpu")
    if device.index is None and device.type != "meta":
        cpu_only(device.type, "tensor")
    return device


def _set_flag(flags, name, value, setter):
    """A flag's write as PyTorch's C setter checks it (`set_deterministic_cudnn expects a bool, but got int`)."""
    if setter is not None and type(value) is not bool:
        raise runtime(f"{setter} expects a bool, but got {type_name(value)}")
    undo.touch(_Settings)
    flags[name] = value


class CudnnModule:
    """torch.backends.cudnn: the flags training scripts set for reproducibility (`deterministic = True`,
    `benchmark = False`); cuDNN is not available on the CPU, so they change nothing else."""
    __module__ = "torch.backends.cudnn"
    _SETTERS = {"deterministic": "set_deterministic_cudnn", "benchmark": "set_benchmark_cudnn",
                "enabled": "set_enabled_cudnn", "allow_tf32": "set_allow_tf32_cublas", "benchmark_limit": None}
    __settable__ = frozenset(_SETTERS)
    __api__ = __settable__ | {"is_available", "version", "is_acceptable"}

    def __getattr__(self, name):
        if name in _cudnn:
            return _cudnn[name]
        raise errors.AttributeError(f"module 'torch.backends.cudnn' has no attribute '{name}'")

    def __setattr__(self, name, value):
        _set_flag(_cudnn, name, value, self._SETTERS.get(name))

    @staticmethod
    def is_available():
        return False

    @staticmethod
    def version():
        return None

    @staticmethod
    def is_acceptable(tensor):
        return False

    def __repr__(self):
        return "<module 'torch.backends.cudnn'>"


class MatmulFlags:
    """torch.backends.cuda.matmul: allow_tf32 is torch.get_float32_matmul_precision() != 'highest'."""
    __module__ = "torch.backends.cuda"
    __settable__ = frozenset({"allow_tf32", "allow_fp16_reduced_precision_reduction",
                              "allow_bf16_reduced_precision_reduction"})
    __api__ = __settable__

    def __getattr__(self, name):
        if name == "allow_tf32":
            return _matmul["precision"] != "highest"
        if name in _matmul:
            return _matmul[name]
        raise errors.AttributeError(f"Unknown attribute {name}")

    def __setattr__(self, name, value):
        if name == "allow_tf32":
            _set_flag(_matmul, "precision", value, "set_allow_tf32_cublas")
            _matmul["precision"] = "high" if value else "highest"
        else:
            _set_flag(_matmul, name, value, None)


def set_float32_matmul_precision(precision):
    if not isinstance(precision, str):
        raise runtime(f"set_float32_matmul_precision expects a str, but got {type_name(precision)}")
    if precision not in ("highest", "high", "medium"):
        errors.warn(f"{precision} is not one of 'highest', 'high', or 'medium'; the current"
                    "setFloat32MatmulPrecision call has no effect.")
        return
    undo.touch(_Settings)
    _matmul["precision"] = precision


def get_float32_matmul_precision():
    return _matmul["precision"]


def get_default_dtype():
    return dtypes.DEFAULT_FLOAT


def set_default_dtype(d):
    if not isinstance(d, dtypes.DType):
        raise type_error("invalid dtype object: only floating-point types are supported as the default type")
    if not d.is_floating_point:
        raise type_error("only floating-point types are supported as the default type")
    if type(d) is dtypes.UnsupportedDType:  # (a float8 dtype: PyTorch finds no legacy storage class of it)
        raise type_error(f"couldn't find storage object {d.name.capitalize()}Storage")
    undo.touch(_Settings)
    dtypes.DEFAULT_FLOAT = d


def use_deterministic_algorithms(mode, *, warn_only=False):
    if type(mode) is not bool:
        raise type_error(f"_set_deterministic_algorithms(): argument 'mode' (position 1) must be bool, not "
                         f"{type_name(mode)}")
    if type(warn_only) is not bool:
        raise type_error(f"_set_deterministic_algorithms(): argument 'warn_only' must be bool, not "
                         f"{type_name(warn_only)}")
    undo.touch(_Settings)
    _deterministic[:] = [mode, warn_only]


def alert_not_deterministic(caller):
    """Context::alertNotDeterministic: an op with no deterministic implementation refuses to run under
    use_deterministic_algorithms(True), or warns each call with warn_only=True."""
    if not _deterministic[0]:
        return
    if _deterministic[1]:
        errors.warn(f"{caller} does not have a deterministic implementation, but you set "
                    "'torch.use_deterministic_algorithms(True, warn_only=True)'. You can file an issue at "
                    "https://github.com/pytorch/pytorch/issues to help us prioritize adding deterministic support for "
                    "this operation.")
        return
    raise runtime(f"{caller} does not have a deterministic implementation, but you set "
                  "'torch.use_deterministic_algorithms(True)'. You can turn off determinism just for this operation, "
                  "or you can use the 'warn_only=True' option, if that's acceptable for your application. You can "
                  "also file an issue at https://github.com/pytorch/pytorch/issues to help us prioritize adding "
                  "deterministic support for this operation.")


def are_deterministic_algorithms_enabled():
    return _deterministic[0]


def is_deterministic_algorithms_warn_only_enabled():
    return _deterministic[1]


def set_deterministic_debug_mode(debug_mode):
    """torch/__init__.py's: "default"/"warn"/"error" or 0/1/2 as use_deterministic_algorithms' two flags."""
    if not isinstance(debug_mode, (int, str)):
        cls = type(debug_mode)
        name = "torch.Tensor" if isinstance(debug_mode, typenames._Tensor) and cls.__module__.startswith("tensorsh") \
            else cls.__qualname__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"
        raise type_error(f"debug_mode must be str or int, but got <class '{name}'>")
    if isinstance(debug_mode, str):
        modes = {"default": 0, "warn": 1, "error": 2}
        if debug_mode not in modes:
            raise errors.runtime("invalid value of debug_mode, expected one of `default`, `warn`, `error`, but got "
                                 + debug_mode)
        debug_mode = modes[debug_mode]
    if debug_mode not in (0, 1, 2):
        raise errors.runtime(f"invalid value of debug_mode, expected 0, 1, or 2, but got {debug_mode}")
    use_deterministic_algorithms(debug_mode != 0, warn_only=debug_mode == 1)


def get_deterministic_debug_mode():
    return (2 - _deterministic[1]) if _deterministic[0] else 0


def set_warn_always(b):
    if type(b) is not bool:
        raise runtime(f"setWarnOnlyOnce expects a bool, but got {type_name(b)}")
    undo.touch(_Settings)
    _warn_always[0] = b


def is_warn_always_enabled():
    return _warn_always[0]


def warn_once(message, category="UserWarning"):
    """TORCH_WARN_ONCE: once per process unless torch.set_warn_always(True)."""
    if _warn_always[0]:
        errors.warn(message, category)
    else:
        errors.warn_once(message, category)


# bits, eps, max, tiny, resolution (PyTorch's: 10 ** -digits10)
_FLOATS = {"float16": (16, 2.0 ** -10, 65504.0, 2.0 ** -14, 0.001),
           "bfloat16": (16, 2.0 ** -7, (2 - 2.0 ** -7) * 2.0 ** 127, 2.0 ** -126, 0.01),
           "float32": (32, 2.0 ** -23, (2 - 2.0 ** -23) * 2.0 ** 127, 2.0 ** -126, 1e-06),
           "float64": (64, 2.0 ** -52, 1.7976931348623157e+308, 2.2250738585072014e-308, 1e-15),
           "float8_e4m3fn": (8, 2.0 ** -3, 448.0, 2.0 ** -6, 1.0), "float8_e5m2": (8, 2.0 ** -2, 57344.0, 2.0 ** -14, 1.0)}


def _unpicklable(name):
    """A C type without pickling support: copy.copy and copy.deepcopy reach object.__reduce_ex__'s refusal."""
    def __reduce_ex__(self, protocol):
        raise type_error(f"cannot pickle '{name}' object")
    return __reduce_ex__


class finfo:
    __module__ = "torch"
    __api__ = frozenset({"bits", "eps", "max", "min", "tiny", "smallest_normal", "resolution", "dtype"})
    __format__ = errors.c_type_format("torch.finfo")
    __tsh_bases_as_torch__ = True  # (its __mro__ is PyTorch's: (torch.finfo, object))
    __reduce_ex__ = _unpicklable("torch.finfo")

    def __init__(self, *args, **kwargs):
        if not args and kwargs and "type" not in kwargs:
            raise type_error('finfo() missing 1 required positional arguments: "type"')
        if len(args) + len(kwargs) > 1 or set(kwargs) - {"type"}:
            got = ", ".join([type_name(a) for a in args] + [f"{k}={type_name(v)}" for k, v in kwargs.items()])
            raise type_error(f"finfo() received an invalid combination of arguments - got ({got}), but expected one "
                             "of:\n * (torch.dtype type)\n * ()\n")
        type = dtypes.from_python_type(args[0] if args else kwargs.get("type", dtypes.DEFAULT_FLOAT))
        if not isinstance(type, dtypes.DType):
            raise type_error(f"finfo(): argument 'type' (position 1) must be torch.dtype, not {type_name(type)}")
        if type.category < 2:
            raise type_error("torch.finfo() requires a floating point input type. Use torch.iinfo to handle "
                             "'torch.finfo'")
        type = type.to_real()  # (a complex dtype's: its parts')
        self.bits, self.eps, self.max, self.tiny, self.resolution = _FLOATS[type.name]
        self.min, self.smallest_normal, self.dtype = -self.max, self.tiny, type.name

    def __eq__(self, other):
        return isinstance(other, finfo) and self.dtype == other.dtype

    __hash__ = object.__hash__

    def __repr__(self):
        return (f"finfo(resolution={self.resolution:g}, min={self.min:g}, max={self.max:g}, eps={self.eps:g}, "
                f"smallest_normal={self.smallest_normal:g}, tiny={self.tiny:g}, dtype={self.dtype})")

    __str__ = __repr__


class iinfo:
    __module__ = "torch"
    __api__ = frozenset({"bits", "max", "min", "dtype"})
    __format__ = errors.c_type_format("torch.iinfo")
    __tsh_bases_as_torch__ = True
    __reduce_ex__ = _unpicklable("torch.iinfo")

    def __init__(self, *args, **kwargs):
        if len(args) > 1:
            raise type_error(f"iinfo() takes 1 positional argument but {len(args)} were given")
        if args and "type" in kwargs:
            raise type_error("iinfo() got multiple values for argument 'type'")
        if not args and "type" not in kwargs:
            raise type_error('iinfo() missing 1 required positional arguments: "type"')
        type = dtypes.from_python_type(args[0] if args else kwargs["type"])
        if not isinstance(type, dtypes.DType):
            raise type_error(f"iinfo(): argument 'type' (position 1) must be torch.dtype, not {type_name(type)}")
        if type is dtypes.bool_:
            raise type_error("torch.bool is not supported by torch.iinfo")
        if type.category >= 2:
            raise type_error("torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'")
        self.bits = type.itemsize * 8
        self.min = -(1 << (self.bits - 1)) if type.is_signed else 0
        self.max = (1 << (self.bits - 1)) - 1 if type.is_signed else (1 << self.bits) - 1
        self.dtype = type.name

    def __eq__(self, other):
        return isinstance(other, iinfo) and self.dtype == other.dtype

    __hash__ = object.__hash__

    def __repr__(self):
        return f"iinfo(min={float(self.min):g}, max={float(self.max):g}, dtype={self.dtype})"

    __str__ = __repr__


def typename(obj):
    """torch.typename: a tensor's legacy type name, else the object's module-qualified class name."""
    from .tensorimpl import Tensor
    if isinstance(obj, Tensor):
        return obj.dtype.type_name
    if isinstance(obj, dtypes.DType):
        return "torch.dtype"
    cls = obj if isinstance(obj, type) else type(obj)
    module = getattr(obj, "__module__", None) or ""
    qualname = getattr(obj, "__qualname__", None) or cls.__qualname__
    if not hasattr(obj, "__qualname__"):
        module = cls.__module__ or ""
    if module in ("", "builtins") or module.startswith("tensorsh"):
        named = {"Size": "torch.Size", "Node": "torch.autograd.graph.Node"}
        return named.get(qualname, qualname) if module.startswith("tensorsh") else qualname
    return f"{module}.{qualname}"


for _cls in (finfo, iinfo):  # (Python's tp_name, as tensorimpl's Size: "'torch.finfo' object is not callable")
    _cls.__name__, _cls.__tsh_name__ = "torch." + _cls.__qualname__, _cls.__qualname__


tensorimpl.DEVICE_BLOCKS.update(enter=enter_device, exit=exit_device)

"""What torch decides in Python (torch/_tensor.py, torch/functional.py, torch/autograd, torch/utils/_contextlib.py)
or in a hand-written C reader rather than its argument parser, with its texts: backward's gradients, grad modes
used as decorators, Tensor.split/norm/unflatten/type, torch.Size's items, device strings and numbers, the tensor
constructors' parsers, RNG states, C functions without arguments (scripts/argument_sweep.py measures them)."""
import re

from . import messages
from .errors import make, runtime, type_error, value_error
from .tensorimpl import Device, Tensor

_LONG_LONG = (-2 ** 63, 2 ** 63 - 1)


def unpack_long(v, c_type="long long"):
    """THPUtils_unpackLong: an int beyond 64 bits (32 for a C `long` such as set_num_threads') is a ValueError."""
    lo, hi = _LONG_LONG if c_type == "long long" else (-2 ** 31, 2 ** 31 - 1)
    if isinstance(v, int) and not lo <= v <= hi:
        raise value_error(f"Overflow when unpacking {c_type}")
    return v


def check_long_list(values):
    """An int list (split's sizes, ...) read by the parser's unpackLong: an int beyond 64 bits is refused."""
    for v in values if isinstance(values, (list, tuple)) else (values,):
        unpack_long(v)
    return values


# ---------------------------------------------------------------- backward's gradients (torch.autograd)

def grads_tuple(grad_tensors, n):
    """_tensor_or_tensors_to_tuple then _make_grads' type check: None, one Tensor, or an iterable of them; surplus
    entries (zip with the outputs) are never looked at."""
    if grad_tensors is None:
        return [None] * n
    if isinstance(grad_tensors, Tensor):
        return [grad_tensors]
    try:
        grads = list(grad_tensors)
    except TypeError:
        raise type_error(f"'{_type_name(grad_tensors)}' object is not iterable") from None
    for g in grads[:n]:
        if g is not None and not isinstance(g, Tensor):
            raise type_error(f"gradients can be either Tensors or None, but got {_type_name(g)}")
    return grads


def _type_name(v):
    from .signatures import tp_name
    return tp_name(v)


# ---------------------------------------------------------------- grad modes as decorators

def context_decorator(ctx_factory, func):
    """torch.utils._contextlib.context_decorator: each call of func runs in a fresh context from ctx_factory. Any
    value is wrapped (torch.no_grad(1) is accepted); calling the wrapper of a non-callable fails then."""
    def decorate_context(*args, **kwargs):
        with ctx_factory():
            if not callable(func):
                raise type_error(f"'{_type_name(func)}' object is not callable")
            return func(*args, **kwargs)
    for attr in ("__name__", "__qualname__", "__doc__", "__module__"):  # functools.wraps' assignments
        try:
            setattr(decorate_context, attr, getattr(func, attr))
        except (AttributeError, TypeError):
            pass
    decorate_context.__wrapped__ = func
    return decorate_context


# ---------------------------------------------------------------- torch.Size

def size_items(items):
    """THPSize_pynew's check of each item: an int (a bool counts), or an integral tensor of one element."""
    out = []
    for i, v in enumerate(items):
        if isinstance(v, int):
            out.append(int(unpack_long(v)))
        elif isinstance(v, Tensor) and v.numel() == 1 and v.dtype.category <= 1:  # (bool or integer)
            out.append(unpack_long(int(v.item())))
        else:
            raise type_error(f"torch.Size() takes an iterable of 'int' (item {i} is '{_type_name(v)}')")
    return out


# ---------------------------------------------------------------- devices (c10/core/Device.cpp)

DEVICE_TYPES = ("cpu cuda ipu xpu mkldnn opengl opencl ideep hip ve fpga maia xla lazy vulkan mps meta hpu mtia "
                "privateuseone").split()


def parse_device(device):
    """A torch.device argument as PyTorch reads it: (type, index or None); a str, an int (an accelerator index) or
    None."""
    if device is None:
        return ("cpu", None)
    if isinstance(device, Device):
        return (device.type, device.index)
    if isinstance(device, bool):
        raise type_error(f"argument 'device' must be torch.device, not bool")
    if isinstance(device, int):
        unpack_long(device)
        if device < 0:
            raise runtime("Device index must not be negative")
        raise runtime("Cannot access accelerator device when none is available.")
    if not isinstance(device, str):
        raise type_error(f"argument 'device' must be torch.device, not {_type_name(device)}")
    if not device:
        raise runtime("Device string must not be empty")
    m = re.fullmatch(r"([a-zA-Z_]+)(?::(\d+))?", device)
    if m is None or (m.group(2) is not None and len(m.group(2)) > 1 and m.group(2)[0] == "0"):
        raise runtime(f"Invalid device string: '{device}'")
    kind, index = m.group(1), m.group(2)
    if kind not in DEVICE_TYPES:
        raise runtime(f"Expected one of {', '.join(DEVICE_TYPES)} device type at start of device string: {device}")
    if index is not None:
        if int(index) > 127:  # c10::DeviceIndex is an int8
            raise runtime(f"Could not parse device index '{index}' in device string '{device}'")
        index = int(index)
    return (kind, index)


def make_device(type, index=None):
    """torch.device(str) or torch.device(type, index): PyTorch's parse of the string, an index kept."""
    if isinstance(type, Device):
        return type
    if isinstance(type, int) and not isinstance(type, bool):
        raise runtime("Cannot access accelerator device when none is available.")
    if not isinstance(type, str):
        raise type_error(f"device() received an invalid combination of arguments - got ({_type_name(type)}), but "
                         "expected one of:\n * (torch.device device)\n * (str type, int index = -1)\n")
    kind, parsed = parse_device(type)
    if index is not None:
        if parsed is not None:
            raise runtime(f"type (string) must not include an index because index was passed explicitly: {type}")
        if index < 0:
            raise runtime(f"Device index must be -1 or non-negative, got {index}")
        parsed = index
    return Device(kind, parsed)


def cpu_only(kind, what):
    """The error of a device tensorsh (and this CPU build of PyTorch) has not."""
    if kind == "cpu":
        return
    if what == "tensor" and kind in ("cuda", "xpu"):
        raise make("AssertionError", f"Torch not compiled with {kind.upper()} enabled")
    if what == "tensor" and kind != "meta":
        raise runtime(f"PyTorch is not linked with support for {kind} devices")
    raise runtime(f"tensorsh runs on the CPU only: no {kind} {what}")


def generator_device(device):
    """torch.Generator(device): PyTorch's parser (a str, an int, a torch.device or None), then the device's own
    check."""
    if device is not None and (isinstance(device, bool) or not isinstance(device, (int, str))):
        raise type_error(f"Generator(): argument 'device' (position 1) must be torch.device, not "
                         f"{_type_name(device)}")
    kind, _ = parse_device(device)
    cpu_only(kind, "generator")


def to_device(device):
    """Tensor.to's device argument: whether it asks for a copy (PyTorch copies to a device written with an index,
    `cpu:0`, which is not the tensor's index-less `cpu`)."""
    kind, index = parse_device(device)
    cpu_only(kind, "tensor")
    return index is not None


# ---------------------------------------------------------------- Tensor.type (torch/csrc/utils/tensor_types.cpp)

def type_target(dtype, legacy, DType):
    """x.type(arg)'s target dtype: a torch.dtype, a legacy tensor type (torch.FloatTensor) or its full name;
    PyTorch's texts for anything else. `legacy`: name -> legacy type (torch_api.LEGACY)."""
    if isinstance(dtype, DType):
        return dtype
    if isinstance(dtype, str):
        name = dtype
    elif isinstance(dtype, type):
        for cls in legacy.values():
            if dtype is cls:
                return cls
        name = dtype.__name__ if dtype.__module__ == "builtins" else f"{dtype.__module__}.{dtype.__qualname__}"
    else:
        raise type_error("dtype must be a type, str, or dtype object")
    found = legacy.get(name[len("torch."):]) if name.startswith("torch.") else None
    if found is None:
        raise value_error(f"invalid type: '{name}'")
    return found


# ---------------------------------------------------------------- torch/_tensor.py and torch/functional.py

_PARSERS = {}


def _parse(fmts, args, kwargs, which=False):
    """Parse as PyTorch parses a C function these Python functions call (torch._VF.split, ...), with its texts;
    returns parameter name -> value (which: and the signature that took them)."""
    from .signatures import Parser
    p = _PARSERS.get(fmts)
    if p is None:
        p = _PARSERS[fmts] = Parser(fmts)
    sig, how = p.parse(args, kwargs)
    bound = sig.bind(args, kwargs, how == 2)
    sig.unpack_numbers(bound)
    return (sig, bound) if which else bound


_VECTOR_NORM = ("linalg_vector_norm(Tensor input, Scalar ord=2, IntArrayRef[1]? dim=None, bool keepdim=False, *, "
                "ScalarType? dtype=None, Tensor out=None)",)
_MATRIX_NORM = ("linalg_matrix_norm(Tensor input, Scalar ord, IntArrayRef dim={-2,-1}, bool keepdim=False, *, "
                "ScalarType? dtype=None, Tensor out=None)",
                "linalg_matrix_norm(Tensor input, c10::string_view ord=\"fro\", IntArrayRef dim={-2,-1}, "
                "bool keepdim=False, *, ScalarType? dtype=None, Tensor out=None)")


def norm(self, p="fro", dim=None, keepdim=False, dtype=None):
    """Tensor.norm: torch.norm(self, p, dim, keepdim, dtype=dtype)."""
    return torch_norm(self, p, dim, keepdim, dtype=dtype)


norm.__qualname__ = "Tensor.norm"


def torch_norm(input, p="fro", dim=None, keepdim=False, out=None, dtype=None):
    """torch.norm (torch/functional.py) on a strided CPU tensor: 'fro' over at most two dims and every number are
    linalg.vector_norm (p None: 2), other strings linalg.matrix_norm (which tensorsh has not: 'nuc')."""
    if not isinstance(input, Tensor):
        raise make("AttributeError", f"'{_type_name(input)}' object has no attribute 'layout'")
    _dim = [dim] if isinstance(dim, int) else dim
    if isinstance(p, str):
        if p == "fro" and (dim is None or isinstance(dim, int) or _len(dim) <= 2):
            return _vector_norm(input, 2, _dim, keepdim, dtype, out)
        if _dim is None:
            _dim = list(range(input.dim()))
        _parse(_MATRIX_NORM, (input, p, _dim, keepdim), _given(dtype=dtype, out=out))
        if p not in ("fro", "nuc"):
            raise runtime(f"linalg.matrix_norm: Order {p} not supported.")
        raise runtime(f"tensorsh supports vector norms only (p a number or 'fro' over at most two dims), not p={p!r}")
    return _vector_norm(input, 2.0 if p is None else p, _dim, keepdim, dtype, out)


torch_norm.__qualname__ = torch_norm.__name__ = "norm"


def _given(**kwargs):
    """The keywords torch.norm passes on: dtype always, out only when given."""
    return {k: v for k, v in kwargs.items() if k == "dtype" or v is not None}


def _len(v):
    try:
        return len(v)
    except TypeError:
        raise type_error(f"object of type '{_type_name(v)}' has no len()") from None


def _small(v):
    return -2 ** 63 <= v < 2 ** 63


def _vector_norm(input, ord, dim, keepdim, dtype, out):
    common = (type(ord) is float or (type(ord) is int and _small(ord))) and type(keepdim) is bool and \
        dtype is None and out is None and (dim is None or all(type(d) is int and _small(d) for d in dim))
    if not common:  # (the common call is what the parse would accept)
        _parse(_VECTOR_NORM, (input, ord, dim, keepdim), _given(dtype=dtype, out=out))
    if out is not None:
        raise runtime("tensorsh: norm(..., out=) is not supported")
    from .ops.reductions import norm as vector_norm
    return vector_norm(input, ord, None if dim is None else tuple(dim), keepdim, dtype)


def unflatten(self, dim, sizes):
    """Tensor.unflatten: empty sizes refused in Python, then TensorBase.unflatten's parser."""
    if _truth(sizes) is False:
        raise runtime(messages.UNFLATTEN_EMPTY)
    _parse(("unflatten(int64_t dim, SymIntArrayRef sizes)",), (dim, sizes), {})
    from .ops.views import unflatten as unflatten_view
    return unflatten_view(self, dim, sizes)


unflatten.__qualname__ = "Tensor.unflatten"


def _truth(v):
    """Python's `not v` as torch's Python code evaluates it (a tensor's truth is its one element's)."""
    return bool(v)


def tensor_type(self, *args, **kwargs):
    """Tensor.type: its parser (PyObject* dtype, bool non_blocking), then a torch.dtype, a legacy tensor type or
    its name; no argument: the legacy type name of self."""
    dtype = _parse(("type(PyObject* dtype=None, bool non_blocking=False, *, MemoryFormat? memory_format=None)",),
                   args, kwargs).get("dtype")
    if dtype is None:
        return self.dtype.type_name
    from . import dtypes
    from .ops.copies import to
    from .torch_api import LEGACY
    target = type_target(dtype, LEGACY, dtypes.DType)
    if not isinstance(target, dtypes.DType):
        target = target.dtype or dtypes.DEFAULT_FLOAT
    return to(self, target)


tensor_type.__qualname__ = tensor_type.__name__ = "type"


def c_noargs(name, fn):
    """A torch function PyTorch defines in C without arguments (METH_NOARGS): its texts for any argument."""
    def function(*args, **kwargs):
        if kwargs:
            raise type_error(f"torch.{name}() takes no keyword arguments")
        if args:
            raise type_error(f"torch.{name}() takes no arguments ({len(args)} given)")
        return fn()
    function.__name__ = function.__qualname__ = name
    function.__doc__, function.__wrapped__ = fn.__doc__, fn
    return function


# ---------------------------------------------------------------- the tensor constructors' parser (tensor_new.cpp)

_CONSTRUCTORS = {
    "tensor": "tensor(PyObject* data, *, ScalarType dtype=None, Device? device=None, bool pin_memory=False, "
              "bool requires_grad=False)",
    "as_tensor": "as_tensor(PyObject* data, *, ScalarType dtype=None, Device? device=None)",
    "new_tensor": "new_tensor(PyObject* data, *, ScalarType dtype=None, Device? device=None, "
                  "bool requires_grad=False)"}


def constructor(name, fn):
    """torch.tensor / torch.as_tensor (or, name "new_tensor", the method x.new_tensor): PyTorch's parser of the
    data-taking constructors in front of fn (`tensor() takes 1 positional argument but 2 were given`)."""
    fmts = (_CONSTRUCTORS[name],)
    if name == "new_tensor":
        def checked(self, *args, **kwargs):
            _parse(fmts, args, kwargs)
            return fn(self, *args, **kwargs)
    else:
        def checked(*args, **kwargs):
            _parse(fmts, args, kwargs)
            return fn(*args, **kwargs)
    checked.__name__ = checked.__qualname__ = name
    checked.__doc__, checked.__wrapped__ = fn.__doc__, fn
    return checked


_LEGACY_NEW = ("new(*, Device? device=None)", "new(Storage storage)", "new(*, int64_t cdata)|hidden",
               "new(Tensor other)", "new(Tensor other, *, Device? device=None)|hidden",
               "new(SymIntArrayRef size, *, Device? device=None)", "new(PyObject* data, *, Device? device=None)")


def legacy_new(args, kwargs):
    """torch.FloatTensor(...) and the other legacy constructors (legacy_tensor_generic_ctor_new): PyTorch's parser,
    then what the call means: ("empty",), ("other", tensor), ("size", sizes) or ("data", sequence)."""
    sig, bound = _parse(_LEGACY_NEW, args, kwargs, which=True)
    if bound.get("device") is not None:
        kind, _ = parse_device(bound["device"])
        cpu_only(kind, "tensor")
    names = [q.name for q in sig.params]
    if "other" in names:
        if "device" in kwargs:
            raise runtime("Legacy tensor constructor of the form torch.Tensor(tensor, device=device) is not supported.  "
                          "Use torch.tensor(...) or torch.as_tensor(...) instead.")
        return ("other", bound["other"])
    if "size" in names:
        size = bound["size"]
        if not (len(args) == 1 and size is args[0] and type(size).__name__ != "Size"):
            return ("size", tuple(size) if isinstance(size, (tuple, list)) else (size,))
        data = size  # new(sequence) binds to the sizes, but is data (unless a torch.Size)
    elif "data" in names:
        data = bound["data"]
    else:
        if "cdata" in names:
            raise runtime("tensorsh: a legacy constructor from a C pointer (cdata=) is not supported")
        return ("empty",)
    if not isinstance(data, (list, tuple, str, range, Tensor)):
        raise type_error(f"new(): data must be a sequence (got {_type_name(data)})")
    return ("data", data)


def rng_state_bytes(state):
    """Generator.set_state's (and torch.set_rng_state's) checks of the state tensor, then its bytes."""
    from .random import STATE_SIZE
    if not isinstance(state, Tensor):
        raise type_error(f"expected a torch.ByteTensor, but got {_type_name(state)}")
    if state.dtype.name != "uint8":
        raise type_error("RNG state must be a torch.ByteTensor")
    if not state.is_contiguous():
        raise runtime("RNG state must be contiguous")
    if state.numel() != STATE_SIZE:
        raise runtime(f"Expected a CPUGeneratorImplState of size {STATE_SIZE} but found the input RNG state size to "
                      f"be {state.numel()}")
    return bytes(state._np.tobytes())


# ---------------------------------------------------------------- out= of the creation functions

_RESIZED_FIRST = frozenset({"empty", "randn"})  # (their out= is resized before autograd's check: another text)


def with_out(name, fn):
    """torch.<name>(..., out=t) of a creation function: the values are written into t (of t's dtype; a dtype=
    must be t's), refused when t requires grad, as PyTorch refuses it. An out of another shape, which PyTorch
    resizes, is not supported."""
    def function(*args, out=None, **kwargs):
        if out is None:
            return fn(*args, **kwargs)
        from . import autograd, dtypes
        if not isinstance(out, Tensor):
            raise type_error(f"{name}(): argument 'out' must be Tensor, not {_type_name(out)}")
        if out.requires_grad and autograd.is_grad_enabled():
            raise runtime("cannot resize variables that require grad" if name in _RESIZED_FIRST else
                          f"aten::{name}(): functions with out=... arguments don't support automatic differentiation, "
                          "but one of the arguments requires grad.")
        dtype = kwargs.get("dtype")
        if dtype is not None and dtype is not out.dtype:
            raise runtime(f"dtype {dtypes.SCALAR_NAMES[dtype.name]} does not match dtype of out parameter "
                          f"({dtypes.SCALAR_NAMES[out.dtype.name]})")
        kwargs["dtype"] = out.dtype
        result = fn(*args, **kwargs)
        if result.shape != out.shape:
            raise runtime(f"tensorsh: {name}(..., out=) into a tensor of another shape (PyTorch resizes it) is not "
                          "supported")
        out.copy_(result)
        return out
    function.__name__ = function.__qualname__ = getattr(fn, "__name__", name)
    function.__doc__, function.__wrapped__ = fn.__doc__, fn
    return function

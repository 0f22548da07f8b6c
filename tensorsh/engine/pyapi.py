"""What torch decides in Python (torch/_tensor.py, torch/functional.py) or in a hand-written C reader rather than
its argument parser, with its texts: device strings and numbers, Tensor.type's targets, the tensor constructors'
parsers, RNG states, out= of the creation functions, C functions without arguments, and `_parse`, the parser of
the C functions torch's Python-level ops call (split, norm, unflatten, type: their ops are in ops/). What the layers
below need of torch's Python is theirs: backward's gradients and torch.Size's items in tensorimpl, the grad modes as
decorators in autograd, THPUtils_unpackLong in scalars (scripts/argument_sweep.py measures all of them)."""
import re
import numpy as np

from . import creation, dtypes, messages, signatures
from .defaults import FACTORY_DEVICE, cpu_only  # noqa: F401 (cpu_only: pyapi's users read it here)
from .errors import make, runtime, type_error, value_error
from .scalars import unpack_long
from .tensorimpl import Device, Tensor, leaf_or_its_view
from .typenames import tp_name as _type_name

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


_NOTHING = object()


def make_device(type=_NOTHING, index=None):
    """torch.device(str) or torch.device(type, index): PyTorch's parse of the string, an index kept."""
    if isinstance(type, Device):
        return type
    if isinstance(type, int) and not isinstance(type, bool):
        parse_device(type)  # (an accelerator index: a negative one refused first)
    if not isinstance(type, str):
        got = "" if type is _NOTHING else _type_name(type)
        raise type_error(f"device() received an invalid combination of arguments - got ({got}), but "
                         "expected one of:\n * (torch.device device)\n * (str type, int index = -1)\n")
    kind, parsed = parse_device(type)
    if index is not None:
        if parsed is not None:
            raise runtime(f"type (string) must not include an index because index was passed explicitly: {type}")
        if index < 0:
            raise runtime("Device index must not be negative")
        parsed = (index + 128) % 256 - 128  # (c10::DeviceIndex is an int8: 200 is -56, 255 is -1, no index)
        if parsed == -1:
            parsed = None
    return Device.make(kind, parsed)


_WITHOUT_ATEN_CUDA = (
    " without ATen_cuda library. PyTorch splits its backend into two shared libraries: a CPU "
    "library and a CUDA library; this error has occurred because you are trying to use some CUDA functionality, but "
    "the CUDA library has not been loaded by the dynamic linker for some reason.  The CUDA library MUST be loaded, "
    "EVEN IF you don't directly use any symbols from the CUDA library! One common culprit is a lack of "
    "-Wl,--no-as-needed in your link arguments; many dynamic linkers will delete dynamic library dependencies if you "
    "don't depend on any of their symbols.  You can check if this has occurred by using ldd on your binary to see if "
    "there is a dependency on *_cuda.so library.")
CUDA_GENERATOR = "Cannot get CUDA generator" + _WITHOUT_ATEN_CUDA
CUDA_INIT = "Cannot initialize CUDA" + _WITHOUT_ATEN_CUDA  # (a CPU build's CUDA types' first use)


_NO_GENERATOR = {  # at::globalContext().getAcceleratorHooksInterface(kind).getNewGenerator()'s errors in a CPU build
    "cuda": CUDA_GENERATOR, "xpu": "Cannot get XPU generator without ATen_xpu library.",
    "mps": "Cannot execute getNewGenerator() without MPS backend.",
    "mtia": "Cannot execute getNewGenerator() without MTIA backend.",
    "hpu": "Backend doesn`t support getNewGenerator()", "hip": "Backend doesn`t support getNewGenerator()",
    "privateuseone": "Please register PrivateUse1HooksInterface by `RegisterPrivateUse1HooksInterface` first.",
    "xla": "Cannot get XLA generator without torch_xla library. This error has occurred because you are trying to use "
           "some XLA functionality, but the XLA library has not been loaded by the dynamic linker. You must load xla "
           "libraries by `import torch_xla`"}


def generator_device(device, by_name=False):
    """torch.Generator(device): PyTorch's parser (a str, an int, a torch.device or None), then the device's own
    generator (a device type that is no accelerator has none)."""
    if device is not None and (isinstance(device, bool) or not isinstance(device, (int, str, Device))):
        raise type_error(f"Generator(): argument 'device'{'' if by_name else ' (position 1)'} must be torch.device, "
                         f"not {_type_name(device)}")
    kind, _ = parse_device(device)
    if kind != "cpu":
        raise runtime(_NO_GENERATOR.get(kind, f"{kind.upper()} device type not an accelerator."))


def init_device(device):
    """A factory's device= as its binding initializes it before the op: parsed, then refused unless the CPU."""
    cpu_only(parse_device(device)[0], "tensor")


signatures.DEVICE_INIT[0] = init_device


def to_device(device):
    """Tensor.to's device argument: whether it asks for a copy (PyTorch copies to a device written with an index,
    `cpu:0`, which is not the tensor's index-less `cpu`)."""
    kind, index = parse_device(device)
    cpu_only(kind, "tensor")
    return index is not None


# ---------------------------------------------------------------- Tensor.type (torch/csrc/utils/tensor_types.cpp)

def type_target(dtype, legacy, DType):
    """x.type(arg)'s target dtype: a torch.dtype, a legacy tensor type (torch.FloatTensor) or its full name;
    PyTorch's texts for anything else. `legacy`: name -> legacy type (legacy_types.LEGACY)."""
    if isinstance(dtype, DType):
        return dtype
    if isinstance(dtype, str):
        name = dtype
        if name.startswith("torch.cuda."):  # (tensor_types.cpp reads every CUDA type's name first: CUDA starts)
            raise runtime(CUDA_INIT)
    elif isinstance(dtype, type):
        if getattr(dtype, "is_cuda", False) is True:
            raise runtime(CUDA_INIT)  # (torch.cuda.FloatTensor: the copy to a CUDA device starts CUDA)
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


def _parse(fmts, args, kwargs, which=False, unpack=True):
    """Parse as PyTorch parses a C function these Python functions call (torch._VF.split, ...), with its texts;
    returns parameter name -> value, numpy's scalars read as numbers (which: and the signature that took them;
    unpack: see Parser.parse, and False leaves numpy's scalars as they are, data to the legacy constructors)."""
    from .signatures import Parser, numpy_scalars_read
    read = numpy_scalars_read(args, kwargs, lambda a, k: _parse(fmts, a, k, which, unpack)) if unpack else None
    if read is not None:
        return read
    p = _PARSERS.get(fmts)
    if p is None:
        p = _PARSERS[fmts] = Parser(fmts)
    sig, how = p.parse(args, kwargs, unpack)
    bound = sig.bind(args, kwargs, how == 2)
    sig.unpack_numbers(bound)
    sig.unpack_indices(bound)
    return (sig, bound) if which else bound


def _small(v):
    return -2 ** 63 <= v < 2 ** 63


def c_noargs(name, fn, module="torch"):
    """A torch function PyTorch defines in C without arguments (METH_NOARGS): its texts for any argument."""
    def function(*args, **kwargs):
        if kwargs:
            raise type_error(f"{module}.{name}() takes no keyword arguments")
        if args:
            raise type_error(f"{module}.{name}() takes no arguments ({len(args)} given)")
        return fn()
    function.__name__ = function.__qualname__ = name
    function.__doc__, function.__wrapped__ = fn.__doc__, fn
    return function


def c_onearg(name, fn):
    """A torch function PyTorch defines in C with one positional argument (METH_O): its texts for any other call."""
    def function(*args, **kwargs):
        if kwargs:
            raise type_error(f"torch.{name}() takes no keyword arguments")
        if len(args) != 1:
            raise type_error(f"torch.{name}() takes exactly one argument ({len(args)} given)")
        return fn(args[0])
    function.__name__ = function.__qualname__ = name
    function.__doc__, function.__wrapped__ = fn.__doc__, fn
    return function


# ---------------------------------------------------------------- the tensor constructors' parser (tensor_new.cpp)

_CONSTRUCTORS = {
    "tensor": "tensor(PyObject* data, *, ScalarType dtype=None, Device? device=None, bool pin_memory=False, "
              "bool requires_grad=False)",
    "as_tensor": "as_tensor(PyObject* data, *, ScalarType dtype=None, Device? device=None)",
    "asarray": "asarray(PyObject* obj, *, ScalarType? dtype=None, Device? device=None, bool? copy=None, "
               "bool? requires_grad=None)",
    "new_tensor": "new_tensor(PyObject* data, *, ScalarType dtype=None, Device? device=None, "
                  "bool requires_grad=False)"}


def _on_device(device, fn, args, kwargs):
    """fn's tensor, made on the CPU; then the device (its string parsed first) initialized, as internal_new_from_data
    does: a ragged list fails before "Torch not compiled with CUDA enabled". asarray's tensor (or array) is moved by
    Tensor.to from C++, which finds no such backend (no torch.cuda lazy init), or not at all with copy=False."""
    kind, index = parse_device(device)
    if fn.__name__ == "asarray" and kind != "cpu" and isinstance(args[0] if args else kwargs.get("obj"),
                                                                 (Tensor, np.ndarray, np.generic)):
        if kwargs.get("copy") is False:
            raise value_error(f"can't alias tensor from device 'cpu' to '{Device.make(kind, index)}'.")
        if kind != "meta":
            raise runtime(f"PyTorch is not linked with support for {kind} devices")
    out = fn(*args, **kwargs)
    cpu_only(kind, "tensor")
    return out


def constructor(name, fn):
    """torch.tensor / torch.as_tensor (or, name "new_tensor", the method x.new_tensor): PyTorch's parser of the
    data-taking constructors in front of fn (`tensor() takes 1 positional argument but 2 were given`)."""
    fmts = (_CONSTRUCTORS[name],)
    data_name = "obj" if name == "asarray" else "data"

    def parse(args, kwargs):
        """The parser reads the data as a PyObject*, as it is: it is left out of the parse, so that a numpy scalar
        there is not read as a number (a complex64's warning that a double drops its imaginary part)."""
        _parse(fmts, (None,) + args[1:] if args else args,
               dict(kwargs, **{data_name: None}) if data_name in kwargs else kwargs)

    if name == "new_tensor":
        def checked(self, *args, **kwargs):
            parse(args, kwargs)
            if type(kwargs.get("dtype")) is type:  # (dtype=float: the parser reads torch.float64)
                kwargs["dtype"] = dtypes.from_python_type(kwargs["dtype"])
            return _on_device(kwargs.get("device"), fn, (self,) + args, kwargs)
    else:
        def checked(*args, **kwargs):
            parse(args, kwargs)
            if type(kwargs.get("dtype")) is type:
                kwargs["dtype"] = dtypes.from_python_type(kwargs["dtype"])
            if kwargs.get("device") is None and FACTORY_DEVICE:  # (a DeviceContext's: set_default_device, `with
                kwargs["device"] = FACTORY_DEVICE[0]                # torch.device(d)`)
            return _on_device(kwargs.get("device"), fn, args, kwargs)
    checked.__name__ = checked.__qualname__ = name
    checked.__doc__, checked.__wrapped__ = fn.__doc__, fn
    return checked


_LEGACY_NEW = ("new(*, Device? device=None)", "new(Storage storage)", "new(*, int64_t cdata)|hidden",
               "new(Tensor other)", "new(Tensor other, *, Device? device=None)|hidden",
               "new(SymIntArrayRef size, *, Device? device=None)", "new(PyObject* data, *, Device? device=None)")


def legacy_new(args, kwargs):
    """torch.FloatTensor(...) and the other legacy constructors (legacy_tensor_generic_ctor_new): PyTorch's parser,
    then what the call means: ("empty",), ("other", tensor), ("size", sizes), ("storage", storage) or ("data",
    sequence)."""
    sig, bound = _parse(_LEGACY_NEW, args, kwargs, which=True, unpack=False)
    kind = parse_device(bound.get("device"))[0]
    names = [q.name for q in sig.params]
    if "other" in names:
        if "device" in kwargs:
            raise runtime("Legacy tensor constructor of the form torch.Tensor(tensor, device=device) is not supported.  "
                          "Use torch.tensor(...) or torch.as_tensor(...) instead.")
        return ("other", bound["other"])
    if kind != "cpu":  # (check_legacy_ctor_device: these constructors make CPU tensors)
        raise runtime(f"legacy constructor expects device type: cpu but device type: {kind} was passed")
    if "size" in names:
        size = bound["size"]
        if not (len(args) == 1 and size is args[0] and type(size).__qualname__ != "Size"):
            sig.unpack_lists(args, kwargs)
            return ("size", tuple(size) if isinstance(size, (tuple, list)) else (size,))
        data = size  # new(sequence) binds to the sizes, but is data (unless a torch.Size)
    elif "data" in names:
        data = bound["data"]
    else:
        if "cdata" in names:
            raise runtime("tensorsh: a legacy constructor from a C pointer (cdata=) is not supported")
        return ("storage", bound["storage"]) if "storage" in names else ("empty",)
    if not isinstance(data, (str, bytes, Tensor, np.ndarray)) and not creation.is_sequence(data):
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


def _random_fill(name, out, args, kwargs):
    """The in-place fill torch.randn/rand/randint/normal(..., out=t) runs on a t of the requested shape (None for another
    function, shape, or keywords beyond generator): normal_, uniform_ or random_, which draw in t's memory order
    (and, for normal_, by the serial body when t is not contiguous)."""
    if name == "normal" and len(args) == 2 and "size" in kwargs:  # (normal(mean, std, size=...))
        args, kwargs = args + (kwargs["size"],), {k: v for k, v in kwargs.items() if k != "size"}
    if name not in ("randn", "rand", "randint", "normal") or set(kwargs) - {"generator"} or not args:
        return None
    if name == "normal":  # (normal_out of two numbers: out.resize_(size).normal_(mean, std))
        if len(args) != 3 or any(isinstance(a, Tensor) for a in args):
            return None
        (mean, std, size), bounds = args, None
    elif name == "randint":
        if len(args) not in (2, 3) or not all(type(a) is int for a in args[:-1]):
            return None
        size, bounds = args[-1], ((0,) + tuple(args[:-1]))[-2:]
    else:
        size, bounds = (args[0] if len(args) == 1 and isinstance(args[0], (tuple, list)) else args), None
    if not isinstance(size, (tuple, list)) or tuple(size) != tuple(out.shape):
        return None
    generator = kwargs.get("generator")
    if name == "randn" and out.numel() == 0:  # (normal_ of nothing: no kernel, so no dtype check; a new version)
        from .ops.core import written
        return lambda: written(out) or out
    if name == "randn":
        return lambda: out.normal_(generator=generator)
    if name == "normal":
        return lambda: out.normal_(mean, std, generator=generator)
    if name == "rand":
        return lambda: out.uniform_(generator=generator)
    return lambda: out.random_(*bounds, generator=generator)


def _requested_size(name, args, kwargs):
    """(size, sized) of a creation function whose out= kernel resizes out to a size it is given (rand, randn,
    randint, normal of two numbers, zeros, ones, full, randperm): the size, and sized(s) giving the arguments with s
    in its place; (None, None) for another function or a size not of ints (the function's own error then)."""
    if name in ("rand", "randn", "zeros", "ones") and "size" not in kwargs:
        if len(args) == 1 and isinstance(args[0], (tuple, list)):
            size, sized = args[0], lambda s: ((s,), kwargs)
        else:
            size, sized = args, lambda s: (s, kwargs)
    elif name in ("rand", "randn", "zeros", "ones", "full", "randint", "normal") and "size" in kwargs:
        size, sized = kwargs["size"], lambda s: (args, {**kwargs, "size": s})
    elif name == "full" and args:
        size, sized = args[0], lambda s: ((s,) + args[1:], kwargs)
    elif name == "randint" and len(args) in (2, 3):
        size, sized = args[-1], lambda s: (args[:-1] + (s,), kwargs)
    elif name == "normal" and len(args) == 3 and not any(isinstance(a, Tensor) for a in args):
        size, sized = args[2], lambda s: (args[:2] + (s,), kwargs)
    elif name == "randperm" and len(args) == 1:
        size, sized = (args[0],), lambda s: (s, kwargs)
    else:
        return None, None
    if not isinstance(size, (tuple, list)) or not all(type(n) is int for n in size):
        return None, None
    return tuple(size), sized


_FILLED = ("zeros", "ones", "full", "eye")  # creation functions whose out= kernel fills out in place


_RANGES = frozenset({"arange", "range", "linspace", "logspace"})
_RANDOM = frozenset({"rand", "randn", "randint", "randperm", "normal"})


def _resize_out(name, out, result):
    """The creation functions' out= kernels resize out (resize_, no deprecation warning); arange warns of a count it
    did not expect."""
    from .errors import warn
    from .messages import shape_list
    from .ops.geometry_inplace import resize_output
    if name in ("arange", "fft_fftfreq", "fft_rfftfreq") and out.numel():
        warn(f"The number of elements in the out tensor of shape {shape_list(out.shape)} is {out.numel()} which does "
             f"not match the computed number of elements {result.numel()}. Note that this may occur as a result of "
             f"rounding error. The out tensor will be resized to a tensor of shape ({result.numel()},).")
    resize_output(out, tuple(result.shape))


def with_out(name, fn):
    """torch.<name>(..., out=t) of a creation function: the values are written into t (of t's dtype; a dtype=
    must be t's), refused when t requires grad, as PyTorch refuses it; an out of another shape is resized (a range's of
    as many elements keeps its shape)."""
    def function(*args, out=None, **kwargs):
        if out is None:
            return fn(*args, **kwargs)
        if name == "normal" and any(isinstance(a, Tensor) for a in (*args, *kwargs.values())):
            return fn(*args, out=out, **kwargs)  # (its tensor forms' out= is normal_out's, not a creation's)
        from . import autograd
        if not isinstance(out, Tensor):
            raise type_error(f"{name}(): argument 'out' must be Tensor, not {_type_name(out)}")
        if name in _RANDOM:  # (under vmap their out= variant is refused first)
            creation.rng.check_vmap_randomness(out)
        recorded = out.requires_grad and autograd.is_grad_enabled()
        if out.requires_grad and name in _RESIZED_FIRST:  # (resize_'s own check, in any grad mode)
            raise runtime("cannot resize variables that require grad")
        if recorded and leaf_or_its_view(out):  # (a leaf's view: refused too; a non-leaf is written, its history refused)
            raise runtime(f"aten::{name}(): functions with out=... arguments don't support automatic differentiation, "
                          "but one of the arguments requires grad.")
        requires_grad = kwargs.pop("requires_grad", False) if type(kwargs.get("requires_grad")) is bool else False
        return _set_requires_grad(_write_out(name, fn, out, recorded, args, kwargs), requires_grad)
    function.__name__ = function.__qualname__ = getattr(fn, "__name__", name)
    function.__doc__, function.__wrapped__ = fn.__doc__, fn
    return function


def _set_requires_grad(out, requires_grad):
    """The parser's set_requires_grad(requires_grad) on what an out= factory returns: the flag of out itself, False
    by default (a leaf that required grad, written under no_grad, no longer does; a non-leaf keeps its history)."""
    if requires_grad and out.dtype.category < 2:
        raise runtime(messages.CREATE_REQUIRES_GRAD_NON_FLOAT)
    if out._requires_grad != requires_grad and out._grad_fn is None:  # (the flag alone: no view's history asked)
        out.requires_grad_(requires_grad)
    return out


def _write_out(name, fn, out, recorded, args, kwargs):
    """The out= kernel of creation function `name`: out filled in place, or the values made and written into it."""
    kwargs.pop("pin_memory", None)  # (the parser's check_out_type_matches reads dtype and device, not pin_memory)
    dtype, device = kwargs.get("dtype"), kwargs.pop("device", None)
    if dtype is not None and dtype is not out.dtype:
        raise runtime(f"dtype {dtypes.SCALAR_NAMES[dtype.name]} does not match dtype of out parameter "
                      f"({dtypes.SCALAR_NAMES[out.dtype.name]})")
    kind = "cpu" if device is None else parse_device(device)[0]
    if kind != "cpu":
        raise runtime(f"device type {kind} does not match device type of out parameter (cpu)")
    size, sized = _requested_size(name, args, kwargs)
    if size is not None:  # (their out= kernels begin out.resize_(size); the fill's own checks come after)
        if name == "randperm" and size[0] < 0:
            raise runtime(f"n must be non-negative, got{size[0]}")
        if size != out.shape:  # (resize_'s own numel check: an overflowing size raises there)
            from .ops.geometry_inplace import resize_output
            resize_output(out, size)
            if name == "randn":  # (randn_out is composite: its resize_ is autograd's, a version of its own)
                out._version_counter.bump()
        if min(size, default=0) < 0:  # (negative sizes beside a zero: numel 0; the fill of nothing still checks
            args, kwargs = sized(tuple(max(n, 0) for n in size))  # its dtype and bounds, run here on an empty
            if name != "randn":                                    # stand-in of out's dtype; randn's normal_ not)
                _write_out(name, fn, out.new_empty(0), recorded, args, kwargs)
            from .ops.core import written
            written(out)
            return out
    fill = _random_fill(name, out, args, kwargs) if not (out.is_contiguous() and out.numel() or recorded) \
        else None
    if fill is not None:  # (PyTorch fills out in place, in its memory order: normal_/uniform_/random_)
        return fill()
    if not any(isinstance(a, Tensor) for a in args):  # (normal's tensor forms take no dtype)
        kwargs["dtype"] = out.dtype
    result = fn(*args, **kwargs)
    if result.shape != out.shape:
        if name in _RANGES and result.numel() == out.numel():  # (a range's out= of as many elements keeps its
            result = result.reshape(out.shape)  # shape, written in its logical order)
        else:
            _resize_out(name, out, result)
            if name == "empty":  # (the resize is its new version)
                out._version_counter.bump()
    if name == "empty":  # (nothing written: no new version)
        return out
    if name not in _FILLED and any(st == 0 and n > 1 for n, st in zip(out.shape, out._stride)):
        from .ops.core import precheck
        precheck(out, overlap=False)  # (its elements share memory: the filling TensorIterator refuses it)
    if recorded:  # autograd's fallback for an out= kernel: the write recorded as a NotImplemented node
        from .ops.binary import not_implemented_node
        from .ops.core import write_inplace

        def write(arr):
            arr[...] = result._np
        return write_inplace(out, write, lambda: not_implemented_node(name)(out, 0, None))
    if name in _FILLED:  # (zero_/fill_, eye's zero_ and its diagonal: no overlap check, an expanded out taken)
        from .ops.core import write_inplace

        def fill(arr):
            if name == "eye":
                arr[...] = 0
                for i in range(min(arr.shape)):
                    arr[i, i] = 1
            else:
                arr[...] = result._np
        return write_inplace(out, fill, None)
    out.copy_(result)
    return out


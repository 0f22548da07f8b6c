"""The `torch.*` namespace as the language sees it: PyTorch's names mapped to engine objects."""
import functools
import math
from . import autograd, creation, dtypes, errors, kernels, printing, pyapi, random as rng, undo
from . import defaults, messages, namespaces, saved_names, typenames
from . import autocast as autocast_mode
from .namespaces import LazyMember, Namespace
from .ops import constructors, predicates
from .errors import runtime, type_error, value_error
from .scalars import unpack_long
from .legacy_types import CUDA_LEGACY, LEGACY, LEGACY_STORAGES, _LegacyType
from .tensorimpl import CPU, CHANNELS_LAST, CHANNELS_LAST_3D, CONTIGUOUS_FORMAT, PRESERVE_FORMAT, Device, MemoryFormat, grads_tuple
from .ops.registry import FUNCTIONS, surface, surface_all, torch_function
from .tensor import Tensor, Size


def _from(module, attr):
    def load():
        import importlib
        return getattr(importlib.import_module(f"tensorsh.engine.{module}"), attr)
    return LazyMember(load)


def _vmap(func, in_dims=0, out_dims=0, randomness="error", *, chunk_size=None):
    """torch.vmap: torch.func.vmap (func.py, loaded on first use)."""
    return _from("func", "vmap").load()(func, in_dims, out_dims, randomness, chunk_size=chunk_size)


_vmap.__name__ = _vmap.__qualname__ = "vmap"


def _backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, grad_variables=None, inputs=None):
    if grad_variables is not None:
        errors.warn("`grad_variables` is deprecated. Use `grad_tensors` instead.", "FutureWarning")
        if grad_tensors is not None:
            raise runtime("`grad_tensors` and `grad_variables` (deprecated) arguments both passed to `backward()`. "
                          "Please only use `grad_tensors`.")
        grad_tensors = grad_variables
    tensors = [tensors] if isinstance(tensors, Tensor) else list(tensors)
    autograd.backward(tensors, grads_tuple(grad_tensors, len(tensors)), retain_graph, create_graph,
                      inputs)


_backward.__name__ = _backward.__qualname__ = "backward"  # (its TypeErrors name torch.autograd.backward)


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, only_inputs=True,
         allow_unused=None, is_grads_batched=False, materialize_grads=False):
    """torch.autograd.grad's Python (its checks and texts in its order)."""
    if materialize_grads and allow_unused is False:
        raise errors.make("ValueError", "Expected allow_unused to be True or not passed when materialize_grads=True, "
                                        "but got: allow_unused=False.")
    outputs = [outputs] if isinstance(outputs, (Tensor, autograd.GradientEdge)) else list(outputs)
    given = inputs
    inputs = autograd.input_list(inputs, "grad")
    if any(type(o) is autograd.GradientEdge for o in outputs):
        raise errors.make("NotImplementedError", "tensorsh: torch.autograd.grad of a GradientEdge (as an output) is "
                                                 "not supported; give the tensor itself")
    if not only_inputs:
        errors.warn("only_inputs argument is deprecated and is ignored now (defaults to True). To accumulate gradient "
                    "for other parts of the graph, please use torch.autograd.backward.", "FutureWarning")
    grad_outputs = grads_tuple(grad_outputs, len(outputs))
    allow_unused = materialize_grads if allow_unused is None else allow_unused  # (the engine parses it)
    if is_grads_batched:
        result = _batched_grad(outputs, grad_outputs, retain_graph, create_graph, inputs, allow_unused)
    else:
        result = autograd.run_backward(outputs, grad_outputs, retain_graph, create_graph, inputs=inputs,
                                       allow_unused=allow_unused)
    if materialize_grads:
        if any(g is None and type(i) is autograd.GradientEdge for g, i in zip(result, inputs)):
            raise runtime("materialize_grads cannot be used when the given input is a GradientEdge")
        result = tuple(creation.zeros_like(i, requires_grad=create_graph) if g is None else g
                       for g, i in zip(result, inputs))
    return dict(zip(given.keys(), result)) if type(given) is dict else result


def _batched_grad(outputs, grad_outputs, retain_graph, create_graph, inputs, allow_unused):
    """grad(is_grads_batched=True): PyTorch vmaps one backward (`vjp`) over the grad_outputs' first dimension; here
    one backward per batch element, the graph kept for the next, each input's gradients stacked (None stays None).
    The checks are _make_grads' (on each grad_output's first element) and the legacy vmap's, in their order."""
    batched = []
    for out, g in zip(outputs, grad_outputs):
        if isinstance(g, Tensor):
            first = g[0]
            if first._shape != out._shape:
                gi, oi = autograd.mismatch_at(outputs, grad_outputs, out, g)
                raise runtime("If `is_grads_batched=True`, we interpret the first dimension of each grad_output as the "
                              "batch dimension. The sizes of the remaining dimensions are expected to match the shape "
                              f"of corresponding output, but a mismatch was detected: grad_output[{gi}] has a shape of "
                              f"{Size(first._shape[1:])} and output[{oi}] has a shape of {out.shape}. If you only want "
                              "some tensors in `grad_output` to be considered batched, consider using vmap.")
            if (g.dtype.category == 3) != (out.dtype.category == 3):
                raise runtime(messages.GRAD_COMPLEX_MISMATCH.format(*autograd.mismatch_at(outputs, grad_outputs, out, g),
                                                                    g=g.dtype, o=out.dtype))
        elif out.requires_grad:  # the implicit gradient of a one-element output
            if out.numel() != 1:
                raise runtime(messages.IMPLICIT_NON_SCALAR)
            if out.dtype.category == 3:
                raise runtime(messages.IMPLICIT_NON_REAL.format(out.dtype))
            g = creation.ones_like(out)
        batched.append(g)
    for g in batched:
        if not isinstance(g, Tensor):
            raise errors.make("ValueError", f"vmap(vjp, in_dims=0, ...)(<inputs>): Got in_dim=0 for an input but the "
                                            f"input is of type {type(g)}. We cannot vmap over non-Tensor arguments, "
                                            "please use None as the respective in_dim")
        if g.dim() == 0:
            raise errors.make("ValueError", "vmap(vjp, in_dims=0, ...)(<inputs>): Got in_dim=0 for some input, but "
                                            "that input is a Tensor of dimensionality 0 so expected in_dim to satisfy "
                                            "0 <= in_dim < 0.")
    sizes = [g._shape[0] for g in batched]
    if len(set(sizes)) > 1:
        raise errors.make("ValueError", "vmap: Expected all tensors to have the same size in the mapped dimension, "
                                        f"got sizes {sizes} for the mapped dimension")
    keep = create_graph if retain_graph is None else retain_graph
    per_element = [autograd.run_backward(outputs, [g[b] for g in batched], True if b + 1 < sizes[0] else keep,
                                         create_graph, inputs=inputs, allow_unused=allow_unused)
                   for b in range(sizes[0])]
    from .ops.joining import stack
    return tuple(None if grads[0] is None else stack(list(grads)) for grads in zip(*per_element))


def increment_version(tensor):
    """torch.autograd.graph.increment_version: bump the version of a tensor (or of each of several) written in a way
    autograd does not see; an inference tensor has no version to bump."""
    try:
        tensors = iter((tensor,) if isinstance(tensor, Tensor) else tensor)
    except TypeError:
        raise runtime("increment_version expect a Iterable[Tensor] as input") from None
    for t in tensors:  # (each bumped in turn: those before a non-tensor stay bumped)
        if not isinstance(t, Tensor):
            raise runtime("increment_version expects each element of the iterable to be a tensor")
        if not t._version_counter.inference:
            t._version_counter.bump()


def manual_seed(seed):
    return rng.manual_seed(int(seed))


def seed():
    return rng.default_generator.seed()


def initial_seed():
    return rng.default_generator.initial_seed()


class _ThreadSetting:
    """torch.set_num_threads as an undoable change: it decides how large sums are split, so their last bits."""

    @staticmethod
    def _snapshot():
        return kernels.num_threads()

    @staticmethod
    def _restore(n):
        kernels.set_num_threads(n)


def get_num_threads():
    return kernels.num_threads()


def _thread_count(name, args, kwargs):
    """The one argument of torch.set_num_threads / set_num_interop_threads, checked as their C functions read it."""
    if kwargs:
        raise type_error(f"torch.{name}() takes no keyword arguments")
    if len(args) != 1:  # (a C function of one argument, read as a C long)
        raise type_error(f"torch.{name}() takes exactly one argument ({len(args)} given)")
    n, = args
    if type(n) is int:
        unpack_long(n, "long" if abs(n) < 2 ** 63 else "long long")
    if type(n) is not int:
        raise runtime(f"{name} expects an int, but got {type(n).__name__}")
    if n <= 0:
        raise runtime(f"{name} expects a positive integer")
    return n


def set_num_threads(*args, **kwargs):
    n = _thread_count("set_num_threads", args, kwargs)
    undo.touch(_ThreadSetting)
    kernels.set_num_threads(n)


_INTEROP_THREADS = [None]  # set_num_interop_threads' count (once per process: the pool starts with it)


def get_num_interop_threads():
    """The inter-op pool's size: the machine's cores unless set_num_interop_threads chose it."""
    import os
    return _INTEROP_THREADS[0] or os.cpu_count() or 1


def set_num_interop_threads(*args, **kwargs):
    n = _thread_count("set_num_interop_threads", args, kwargs)
    if _INTEROP_THREADS[0] is not None:
        raise runtime("Error: cannot set number of interop threads after parallel work has started or "
                      "set_num_interop_threads called")
    _INTEROP_THREADS[0] = n


def get_rng_state():
    import numpy as np
    data = np.frombuffer(rng.Generator.get_state(rng.default_generator), dtype=np.uint8).copy()
    return Tensor._from_numpy(data, dtypes.uint8)


def from_numpy(*args, **kwargs):
    """torch.from_numpy, a METH_O function: one positional argument, no keywords."""
    if kwargs:
        raise type_error("torch._VariableFunctionsClass.from_numpy() takes no keyword arguments")
    if len(args) != 1:
        raise type_error(f"torch._VariableFunctionsClass.from_numpy() takes exactly one argument ({len(args)} given)")
    from .arrays import from_numpy  # (loaded on first use)
    return from_numpy(args[0])


_FROMBUFFER = ("frombuffer(PyObject* buffer, *, ScalarType dtype, int64_t count=-1, int64_t offset=0, "
               "bool requires_grad=False)",)


def frombuffer(*args, **kwargs):
    """torch.frombuffer behind its hand-written parser (python_torch_functions_manual.cpp), with its texts."""
    from .pyapi import _parse
    bound = _parse(_FROMBUFFER, args, kwargs)
    from .arrays import frombuffer  # (loaded on first use)
    return frombuffer(bound["buffer"], dtype=bound["dtype"], count=bound.get("count", -1),
                      offset=bound.get("offset", 0), requires_grad=bound.get("requires_grad", False))


def save(*args, **kwargs):
    from .serialization import save  # (loaded on first use)
    return save(*args, **kwargs)


def load(*args, **kwargs):
    from .serialization import load  # (loaded on first use)
    return load(*args, **kwargs)


class _GeneratorContextManager:
    """What torch.random.fork_rng() returns (a contextlib.contextmanager's object): the CPU generator's state saved
    on entry and restored on exit (a CPU build has no other device to fork)."""
    __api__ = frozenset()
    __module__ = "contextlib"

    def __init__(self, devices, enabled):
        self._devices, self._enabled, self._state = devices, enabled, None

    def __enter__(self):
        if self._enabled:
            if self._devices:
                raise errors.make("AssertionError", "Torch not compiled with CUDA enabled")
            self._state = get_rng_state()

    def __exit__(self, *exc):
        if self._state is not None:
            set_rng_state(self._state)
        return False

    def __call__(self, func):
        """`@fork_rng()` on a function (contextlib's ContextDecorator): each call runs in a fork of its own."""
        @functools.wraps(func)
        def forked(*args, **kwargs):
            with fork_rng(self._devices, self._enabled):
                return func(*args, **kwargs)
        return forked

    def __repr__(self):
        return f"<contextlib._GeneratorContextManager object at {autograd.address(self)}>"


def fork_rng(devices=None, enabled=True, _caller="fork_rng", _devices_kw="devices", device_type=None):
    """torch.random.fork_rng: a Python function (its argument errors are Python's) returning the context manager."""
    return _GeneratorContextManager(devices, enabled)


def thread_safe_generator():
    """torch.random.thread_safe_generator: a thread worker's generator, else None (the global generator); the
    language's DataLoader has process workers only, so always None."""
    return None


def set_rng_state(new_state):  # (torch/random.py: default_generator.set_state)
    rng.Generator.set_state(rng.default_generator, pyapi.rng_state_bytes(new_state))


_c_method = functools.partial(errors.c_method, "Generator")  # (its argument errors name Generator)


class Generator(rng.Generator):
    __module__ = "torch._C"
    __api__ = frozenset({"manual_seed", "seed", "initial_seed", "get_state", "set_state", "device", "clone_state",
                         "get_offset", "set_offset", "graphsafe_get_state", "graphsafe_set_state"})
    __format__ = errors.c_type_format("torch._C.Generator")

    def __init__(self, *args, **kwargs):
        if len(args) > 1:  # (PyTorch's own parser: `Generator(Device device=None)`)
            raise type_error(f"Generator() takes from 0 to 1 positional arguments but {len(args)} were given")
        for key in kwargs:
            if key != "device" or args:
                raise type_error(f"Generator() got an unexpected keyword argument '{key}'" if key != "device" else
                                 "argument for Generator() given by name ('device') and position (1)")
        pyapi.generator_device(args[0] if args else kwargs.get("device"), by_name=not args)
        rng.Generator.__init__(self, rng.DEFAULT_GENERATOR_SEED)  # torch.Generator() starts from this seed

    manual_seed = _c_method(1)(rng.Generator.manual_seed)
    seed = _c_method(0)(rng.Generator.seed)
    initial_seed = _c_method(0)(rng.Generator.initial_seed)

    @_c_method(0)
    def get_state(self):
        return get_rng_state_of(self)

    @_c_method(1)
    def set_state(self, state):
        rng.Generator.set_state(self, pyapi.rng_state_bytes(state))
        return self

    def __repr__(self):
        return f"<torch._C.Generator object at {autograd.address(self)}>"

    @property
    def device(self):
        return CPU

    @_c_method(0)
    def clone_state(self):
        """A new generator in this one's state (its seed, stream position and cached normal)."""
        return Generator().set_state(self.get_state())

    def __copy__(self):  # (PyTorch's __reduce__ rebuilds a generator from the state: copies never share a stream)
        return self.clone_state()

    def __deepcopy__(self, memo):
        return self.clone_state()

    @_c_method(0)
    def get_offset(self):
        raise runtime("CPU Generator does not use offset")

    @_c_method(1)
    def set_offset(self, offset):
        if type(offset) is bool or not isinstance(offset, int):  # (THPUtils_checkLong before the generator's refusal)
            raise runtime(f"manual_offset expected a long, but got {type(offset).__name__}")
        raise runtime("CPU Generator does not use offset")

    @_c_method(0)
    def graphsafe_get_state(self):
        raise errors.make("NotImplementedError", "graphsafe_get_state is not supported in this Generator")

    @_c_method(1)
    def graphsafe_set_state(self, state):
        if not isinstance(state, rng.Generator):
            raise type_error(f"expected a Generator, but got {type(state).__name__}")
        raise errors.make("NotImplementedError", "graphsafe_set_state is not supported in this Generator")


for _cls in (rng.Generator, Generator):  # (torch.default_generator and those a program makes)
    errors.name_c_type(_cls, "torch._C.Generator")


rng.default_generator.__class__ = Generator  # (what torch.manual_seed returns: torch._C.Generator's methods)


def get_rng_state_of(g):
    import numpy as np
    data = np.frombuffer(rng.Generator.get_state(g), dtype=np.uint8).copy()
    return Tensor._from_numpy(data, dtypes.uint8)


def is_tensor(obj):
    return isinstance(obj, Tensor)


saved_names.install()

class _VariableMeta(type):
    def __instancecheck__(cls, other):  # (every tensor is a Variable, as PyTorch's VariableMeta says)
        return isinstance(other, Tensor)


class _UntypedStorageMeta(type):
    def __instancecheck__(cls, other):  # (every untyped storage: a tensor's, a slice of one, from_numpy's)
        from .storage import Storage
        return isinstance(other, Storage)


class UntypedStorage(metaclass=_UntypedStorageMeta):
    """torch.UntypedStorage(n): n bytes (PyTorch leaves them uninitialised; here zeros), or the bytes of a
    sequence of ints; PyTorch's parser and texts (THPStorage_pynew)."""
    __module__ = "torch.storage"
    __class_api__ = frozenset({"from_buffer"})
    _FORMATS = ("torch.UntypedStorage(*, int64_t allocator=None, Device? device=None)",
                "torch.UntypedStorage(int64_t size, *, int64_t allocator=None, Device? device=None)",
                "torch.UntypedStorage(PyObject* sequence, *, int64_t allocator=None, Device? device=None)")

    def __new__(cls, *args, **kwargs):
        import numpy as np
        from .storage import Storage, check_size
        bound = pyapi._parse(cls._FORMATS, args, kwargs)
        if "sequence" in bound:
            seq = bound["sequence"]
            if not isinstance(seq, (list, tuple, str, bytes)):
                raise runtime(f"torch.UntypedStorage(): Expected a sequence type, but got {type(seq).__name__}")
            for item in seq:
                if isinstance(item, bool) or not isinstance(item, int):
                    raise runtime(f"torch.UntypedStorage(): tried to construct a storage from a sequence "
                                  f"({type(seq).__name__}), but one of the items was of type "
                                  f"{typenames.tp_name(item)} "
                                  f"instead of int")
            return Storage(np.array([b % 256 for b in seq], np.uint8))
        size = bound.get("size", 0)
        if size < 0:
            raise runtime(f"[enforce fail at alloc_cpu.cpp:98] ((ptrdiff_t)nbytes) >= 0. alloc_cpu() seems to have "
                          f"been called with negative number: {size + (1 << 64)}")
        check_size(size)
        return Storage(np.zeros(size, np.uint8))

    @staticmethod
    def from_buffer(buffer, byte_order=None, count=-1, offset=0, dtype=None):
        """UntypedStorage.from_buffer (THPStorage_fromBuffer): a copy of count elements of dtype from the buffer's
        bytes after offset (all that are whole elements when count is negative), each element's bytes reversed
        when byte_order is 'big' (a complex number's parts each); its checks, texts and their order."""
        import numpy as np
        from .storage import Storage
        if dtype is None:
            raise runtime("argument 'dtype' cannot be None")
        try:
            data = memoryview(buffer).cast("B")
        except TypeError:
            raise type_error(f"a bytes-like object is required, not '{typenames.tp_name(buffer)}'") from None
        size, ordered = dtype.itemsize, dtype not in (dtypes.uint8, dtypes.int8)  # (bool's byte is ordered too)
        if ordered and byte_order is None:
            raise runtime("function missing required argument 'byte_order' (pos 2)")
        if ordered and byte_order not in ("big", "little", "native"):
            raise value_error(f"invalid byte_order '{byte_order}' (expected 'big', 'little', or 'native')")
        if offset < 0 or offset > len(data):  # (PyTorch's text names the two the other way round)
            raise value_error(f"offset must be non-negative and no greater than buffer length ({offset}) , but got "
                              f"{len(data)}")
        if count < 0:
            if (len(data) - offset) % size:
                raise value_error(f"buffer size ({len(data)}) must be a multiple of element size ({size})")
            count = (len(data) - offset) // size
        if offset + count * size > len(data):
            raise value_error(f"buffer has only {len(data) - offset} elements after offset {offset}, but specified "
                              f"a size of {count}")
        raw = np.frombuffer(data, np.uint8, count * size, offset).copy()
        if byte_order == "big":  # (this machine is little-endian, as 'native' is)
            part = size // 2 if dtype.category == 3 else size
            raw = raw.reshape(-1, part)[:, ::-1].reshape(-1).copy()
        return Storage(raw)


class _TypedStorageMeta(type):
    def __instancecheck__(cls, other):  # (a tensor's storage(), a legacy storage class's)
        from .storage import TypedStorage as Typed
        return isinstance(other, Typed)


class TypedStorage(metaclass=_TypedStorageMeta):
    """torch.TypedStorage(...) (deprecated, warned once): torch/storage.py's TypedStorage.__init__ forms and texts,
    (), (int size), (Sequence data) of a dtype (the default float type unless given), or (*, wrap_storage, dtype)."""
    __module__ = "torch.storage"
    _HEAD = ("TypedStorage.__init__ received an invalid combination of arguments. Expected one of:\n"
             " * (*, torch.device device, torch.dtype dtype)\n * (int size, *, torch.device device, torch.dtype dtype)\n"
             " * (Sequence data, *, torch.device device, torch.dtype dtype)\n"
             " * (*, UntypedStorage wrap_storage, torch.dtype dtype)\n")

    def __new__(cls, *args, wrap_storage=None, dtype=None, device=None):
        from .storage import Storage, TypedStorage as Typed
        errors.warn_once(messages.TYPED_STORAGE_WARNING)
        head = cls._HEAD
        if wrap_storage is not None:
            if args:
                raise runtime(head + "No positional arguments should be given when using 'wrap_storage'")
            if dtype is None:
                raise runtime(head + "Argument 'dtype' must be specified")
            if not isinstance(dtype, dtypes.DType):
                raise type_error(head + f"Argument 'dtype' must be torch.dtype, not {typenames.class_repr(dtype)}")
            if device is not None:
                raise runtime(head + "Argument 'device' should not be specified when 'wrap_storage' is given")
            if not isinstance(wrap_storage, Storage):
                raise type_error(head + f"Argument 'wrap_storage' must be UntypedStorage, but got "
                                        f"{typenames.class_repr(wrap_storage)}")
            return Typed(wrap_storage, dtype)
        dtype = dtypes.DEFAULT_FLOAT if dtype is None else dtype
        if device is not None and pyapi.parse_device(device)[0] != "cpu":
            raise runtime(f"tensorsh: storages on device {device} are not supported yet")
        if len(args) > 1:
            raise runtime(head + "Too many positional arguments")
        data = args[0] if args else 0
        if isinstance(data, int):
            if data * dtype.itemsize >= 2 ** 63:  # (its byte count is unpacked as a long long)
                raise errors.make("ValueError", messages.LONG_OVERFLOW)
            if data < 0:
                UntypedStorage(data * dtype.itemsize)  # (its allocator's text)
            return Typed(creation.zeros(data, dtype=dtype).untyped_storage(), dtype)  # (torch's: uninitialised)
        if not isinstance(data, (list, tuple, str, bytes, range)):
            raise type_error(head + f"Argument type not recognized: {typenames.class_repr(data)}")
        return Typed(creation.tensor(list(data) if isinstance(data, range) else data, dtype=dtype).untyped_storage(),
                     dtype)


def is_storage(obj):
    from .storage import Storage, TypedStorage
    return isinstance(obj, (Storage, TypedStorage))


class Variable(metaclass=_VariableMeta):
    """torch.autograd.Variable, the legacy constructor (python_legacy_variable.cpp): a detached alias of the data
    (storage and version counter shared), a leaf that requires grad if asked."""
    __module__ = "torch.autograd.variable"

    def __new__(cls, data=None, requires_grad=False, volatile=False, _grad_fn=None, name=None):
        if data is None:
            var = creation.empty(0)
        elif isinstance(data, Tensor):
            var = data.detach()
        else:
            raise type_error(f"Variable data has to be a tensor, but got {type(data).__name__}")
        if volatile:
            errors.warn("volatile was removed and now has no effect. Use `with torch.no_grad():` instead.")
            if requires_grad:
                raise errors.value_error("Variable can't be volatile and require_grad at the same time!")
        if _grad_fn is not None:
            raise runtime("_grad_fn argument to legacy Variable constructor is no longer supported.  Instead, please "
                          "invoke your _grad_fn to produce a variable with it as the _grad_fn.")
        if requires_grad:
            if var.dtype.category < 2:
                raise runtime(messages.CREATE_REQUIRES_GRAD_NON_FLOAT)
            var.requires_grad_(True)
        return var


autograd_ns = Namespace("torch.autograd", {
    "Variable": Variable,
    "grad": grad, "backward": _backward, "no_grad": autograd.no_grad, "enable_grad": autograd.enable_grad,
    "set_grad_enabled": autograd.set_grad_enabled, "inference_mode": autograd.inference_mode,
    "set_detect_anomaly": autograd.set_detect_anomaly, "detect_anomaly": autograd.detect_anomaly,
    "set_multithreading_enabled": autograd.set_multithreading_enabled,
    "is_multithreading_enabled": pyapi.c_noargs("_is_multithreading_enabled", lambda: autograd.MULTITHREADING[0],
                                                "torch._C"),
    "enforce_grad_layout_policy": autograd.enforce_grad_layout_policy,
    "grad_mode": Namespace("torch.autograd.grad_mode", {
        "no_grad": autograd.no_grad, "enable_grad": autograd.enable_grad, "set_grad_enabled": autograd.set_grad_enabled,
        "inference_mode": autograd.inference_mode, "set_multithreading_enabled": autograd.set_multithreading_enabled,
        "enforce_grad_layout_policy": autograd.enforce_grad_layout_policy}),
    "anomaly_mode": Namespace("torch.autograd.anomaly_mode", {
        "detect_anomaly": autograd.detect_anomaly, "set_detect_anomaly": autograd.set_detect_anomaly}),
    "graph": Namespace("torch.autograd.graph", {
        "saved_tensors_hooks": _from("saved_hooks", "saved_tensors_hooks"),
        "save_on_cpu": _from("saved_hooks", "save_on_cpu"),
        "disable_saved_tensors_hooks": _from("saved_hooks", "disable_saved_tensors_hooks"), "Node": autograd.Node,
        "allow_mutation_on_saved_tensors": _from("saved_hooks", "allow_mutation_on_saved_tensors"),
        "register_multi_grad_hook": autograd.register_multi_grad_hook, "increment_version": increment_version,
        "GradientEdge": autograd.GradientEdge, "get_gradient_edge": autograd.get_gradient_edge}),
    # loaded on first use: custom Functions, gradcheck, torch.autograd.functional
    "Function": _from("function", "Function"),
    "function": LazyMember(lambda: Namespace("torch.autograd.function", {
        name: _from("function", name).load() for name in
        ("Function", "FunctionCtx", "once_differentiable", "BackwardCFunction")})),
    "gradcheck": _from("gradcheck", "gradcheck"), "gradgradcheck": _from("gradcheck", "gradgradcheck"),
    "functional": LazyMember(lambda: Namespace("torch.autograd.functional", _from("functional", "NAMESPACE").load())),
    "forward_ad": LazyMember(lambda: Namespace("torch.autograd.forward_ad", _from("forward_ad", "NAMESPACE").load())),
})

class TorchVersion(str):
    """torch.__version__: the version PyTorch's engine reproduces, a str that compares as a version (release
    numbers, then a local part such as +cpu after none), as torch.torch_version.TorchVersion does."""
    __module__ = "torch.torch_version"

    @staticmethod
    def _key(v):
        if isinstance(v, tuple):
            v = ".".join(str(n) for n in v)
        release, _, local = str(v).partition("+")
        numbers = [int(n) for n in release.split(".") if n.isdigit()]
        while numbers and numbers[-1] == 0:
            numbers.pop()
        return tuple(numbers), bool(local)

    def __lt__(self, other):
        return self._key(self) < self._key(other)

    def __le__(self, other):
        return self._key(self) <= self._key(other)

    def __gt__(self, other):
        return self._key(self) > self._key(other)

    def __ge__(self, other):
        return self._key(self) >= self._key(other)

    def __eq__(self, other):
        return self._key(self) == self._key(other)

    __hash__ = str.__hash__


def _no_cuda(*args, **kwargs):
    raise errors.make("AssertionError", "Torch not compiled with CUDA enabled")


NAMESPACE = dict(FUNCTIONS)  # the rows' torch functions (ops/registry.py)
NAMESPACE.update({
    "preserve_format": PRESERVE_FORMAT, "contiguous_format": CONTIGUOUS_FORMAT, "channels_last": CHANNELS_LAST,
    "legacy_contiguous_format": CONTIGUOUS_FORMAT,  # (the same object in PyTorch)
    "channels_last_3d": CHANNELS_LAST_3D, "memory_format": MemoryFormat, "dtype": dtypes.DType,
    "tensor": pyapi.constructor("tensor", creation.tensor),
    "as_tensor": pyapi.constructor("as_tensor", creation.as_tensor),
    "asarray": pyapi.constructor("asarray", creation.asarray), "ones": creation.ones, "zeros": creation.zeros,
    "empty": creation.empty, "full": creation.full, "ones_like": creation.ones_like,
    "zeros_like": creation.zeros_like, "empty_like": creation.empty_like, "full_like": creation.full_like,
    "arange": creation.arange, "linspace": creation.linspace, "logspace": creation.logspace,
    "tril_indices": creation.tril_indices, "triu_indices": creation.triu_indices, "eye": creation.eye, "rand": creation.rand,
    "randn": creation.randn, "randint": creation.randint, "rand_like": creation.rand_like,
    "randn_like": creation.randn_like, "randint_like": creation.randint_like,
    "manual_seed": manual_seed, "seed": seed, "initial_seed": initial_seed, "get_rng_state": get_rng_state,
    "set_rng_state": set_rng_state, "Generator": Generator, "from_numpy": from_numpy, "frombuffer": frombuffer,
    "save": save, "load": load, "__version__": TorchVersion("2.13.0+cpu"),
    "serialization": LazyMember(lambda: Namespace("torch.serialization", _from("serialization", "NAMESPACE").load())),
    "get_num_threads": get_num_threads, "set_num_threads": set_num_threads,
    "get_num_interop_threads": get_num_interop_threads, "set_num_interop_threads": set_num_interop_threads,
    "is_tensor": is_tensor, "is_storage": is_storage, "UntypedStorage": UntypedStorage,
    "TypedStorage": TypedStorage,
    "storage": Namespace("torch.storage", {"UntypedStorage": UntypedStorage, "TypedStorage": TypedStorage}),
    "numel": torch_function("numel", Tensor.numel),
    "detach": torch_function("detach", Tensor.detach),
    "no_grad": autograd.no_grad, "enable_grad": autograd.enable_grad, "is_grad_enabled": autograd.is_grad_enabled,
    "set_grad_enabled": autograd.set_grad_enabled, "autograd": autograd_ns, "Size": Size,
    "func": Namespace("torch.func", {name: _from("func", name) for name in (  # (func.py, loaded on first use)
        "grad", "grad_and_value", "vjp", "jacrev", "hessian", "vmap", "functional_call", "stack_module_state", "jvp",
        "jacfwd", "linearize")}),
    "vmap": _vmap,
    "inference_mode": autograd.inference_mode, "is_inference_mode_enabled": autograd.inference_mode_enabled,
    "is_anomaly_enabled": autograd.is_anomaly_enabled, "set_anomaly_enabled": autograd.set_anomaly_enabled,
    "is_anomaly_check_nan_enabled": autograd.is_anomaly_check_nan_enabled, "is_inference": torch_function("is_inference", Tensor.is_inference),
    "set_printoptions": printing.set_printoptions,
    "float32": dtypes.float32, "float": dtypes.float32, "float64": dtypes.float64, "double": dtypes.float64,
    "int64": dtypes.int64, "long": dtypes.int64, "int32": dtypes.int32, "int": dtypes.int32,
    "bool": dtypes.bool_, "uint8": dtypes.uint8, "float16": dtypes.float16, "half": dtypes.float16,
    "bfloat16": dtypes.bfloat16, "complex64": dtypes.complex64, "cfloat": dtypes.complex64,
    "complex128": dtypes.complex128, "cdouble": dtypes.complex128,
    "int8": dtypes.int8, "int16": dtypes.int16, "short": dtypes.int16,
    **{dt.name: dt for dt in dtypes.UNSUPPORTED}, "chalf": dtypes.complex32,
    "promote_types": dtypes.promote, "can_cast": dtypes.can_cast,   # (argument checks: the signature table's)
    "result_type": lambda tensor, other: dtypes.result_type((tensor, other), tensorless=True),
    "device": Device, "dtype": dtypes.DType,  # (classes: isinstance(x.device, torch.device); a CPU build's torch.cuda:
    # no device, seeding it does nothing)
    "inf": math.inf, "nan": math.nan, "pi": math.pi, "e": math.e, "newaxis": None,
    "cuda": Namespace("torch.cuda", {"is_available": lambda: False, "device_count": lambda: 0,
                                     "manual_seed": lambda seed: None, "manual_seed_all": lambda seed: None,
                                     "empty_cache": lambda: None, "is_initialized": lambda: False,
                                     "memory_allocated": lambda device=None: 0,
                                     "max_memory_allocated": lambda device=None: 0,
                                     "synchronize": _no_cuda, "current_device": _no_cuda, "get_device_name": _no_cuda,
                                     "OutOfMemoryError": errors.python_class("torch.OutOfMemoryError"),
                                     **CUDA_LEGACY,
                                     "amp": Namespace("torch.cuda.amp", {
                                         **autocast_mode.CUDA_AMP,
                                         "GradScaler": _from("grad_scaler", "CUDA_GRAD_SCALER")})}),
    "cpu": Namespace("torch.cpu", {"is_available": lambda: True, "device_count": lambda: 1,
                                   "amp": Namespace("torch.cpu.amp", {
                                       **autocast_mode.CPU_AMP,
                                       "GradScaler": _from("grad_scaler", "CPU_GRAD_SCALER")})}),
    "amp": Namespace("torch.amp", {**autocast_mode.AMP, "GradScaler": _from("grad_scaler", "GradScaler")}),
    "OutOfMemoryError": errors.python_class("torch.OutOfMemoryError"),
    "backends": Namespace("torch.backends", {  # (what a CPU build answers; cudnn's and matmul's flags settable)
        "cudnn": defaults.CudnnModule(),
        "cuda": Namespace("torch.backends.cuda", {"matmul": defaults.MatmulFlags(), "is_built": lambda: False}),
        "mps": Namespace("torch.backends.mps", {"is_available": lambda: False, "is_built": lambda: False}),
        "opt_einsum": Namespace("torch.backends.opt_einsum", {  # (no opt_einsum package: einsum goes left to right)
            "is_available": lambda: False, "get_opt_einsum": lambda: None, "enabled": False, "strategy": None}),
        **{name: Namespace(f"torch.backends.{name}", {"is_available": lambda: True})
           for name in ("mkldnn", "mkl", "openmp")}}),
})


def deepcopy(x, memo=None):
    """copy.deepcopy for every value a program holds: Python's copy protocol (lists, dicts, OrderedDicts, a
    program's own objects, Modules through their __dict__), with the engine's tensor and Parameter copies."""
    import copy
    return copy.deepcopy(x, memo)


NAMESPACE.update(predicates.FUNCTIONS)
NAMESPACE.update(autocast_mode.FUNCTIONS)
NAMESPACE.update(constructors.FUNCTIONS)
NAMESPACE.update({name: getattr(defaults, name) for name in (
    "get_default_dtype", "set_default_dtype", "finfo", "iinfo", "typename", "use_deterministic_algorithms",
    "are_deterministic_algorithms_enabled", "is_deterministic_algorithms_warn_only_enabled",
    "get_deterministic_debug_mode", "set_deterministic_debug_mode", "set_warn_always",
    "is_warn_always_enabled", "set_float32_matmul_precision",
    "get_float32_matmul_precision", "get_default_device", "set_default_device")})
NAMESPACE["strided"], NAMESPACE["layout"] = predicates.STRIDED, predicates.Layout


def set_default_tensor_type(t):
    """torch.set_default_tensor_type (deprecated, warned once): a legacy tensor type (or its dotted name) of a
    floating type sets the default dtype."""
    if isinstance(t, str):
        first, *rest = t.split(".")
        if first != "torch":
            raise errors.make("ModuleNotFoundError", f"No module named '{first}'")
        if rest and rest[0] not in NAMESPACE:
            raise errors.make("AttributeError", f"module 'torch' has no attribute '{rest[0]}'")
        t = NAMESPACE[rest[0]] if rest else NAMESPACE
        for part in rest[1:]:
            t = getattr(t, part)
    defaults.warn_once("torch.set_default_tensor_type() is deprecated as of PyTorch 2.1, please use "
                       "torch.set_default_dtype() and torch.set_default_device() as alternatives.")
    if not isinstance(t, _LegacyType) or t.dtype is None:
        raise type_error("invalid type object: only floating-point types are supported as the default type")
    t.check_available()
    defaults.set_default_dtype(t.dtype)


NAMESPACE["set_default_tensor_type"] = set_default_tensor_type
for _name in ("acosh_", "asinh_", "atanh_", "arccosh_", "arcsinh_", "arctanh_", "detach_", "square_", "xlogy_"):
    NAMESPACE[_name] = torch_function(_name, getattr(Tensor, _name))  # (PyTorch binds these in-place twins too)
NAMESPACE.update(LEGACY)
NAMESPACE.update((cls.__name__, cls) for cls in LEGACY_STORAGES.values())
for _name in ("ones", "zeros", "empty", "full", "rand", "randn", "arange", "range", "linspace", "logspace", "eye",
              "randint", "randperm", "normal"):
    NAMESPACE[_name] = pyapi.with_out(_name, NAMESPACE[_name])  # (their out=: written into, as PyTorch's)
for _name in ("get_default_dtype", "get_num_threads", "get_num_interop_threads", "is_grad_enabled",
              "is_inference_mode_enabled", "is_anomaly_enabled", "is_anomaly_check_nan_enabled", "clear_autocast_cache", "is_autocast_cache_enabled", "is_autocast_cpu_enabled",
              "get_autocast_cpu_dtype", "autocast_increment_nesting", "autocast_decrement_nesting",
              "get_autocast_gpu_dtype"):  # C functions
    # without arguments in PyTorch
    NAMESPACE[_name] = pyapi.c_noargs(_name, NAMESPACE[_name])
for _name in ("set_autocast_cache_enabled", "set_autocast_cpu_dtype", "set_autocast_cpu_enabled",
              "set_autocast_gpu_dtype"):  # (METH_O)
    NAMESPACE[_name] = pyapi.c_onearg(_name, NAMESPACE[_name])
NAMESPACE["special"], NAMESPACE["linalg"] = namespaces.special(NAMESPACE), namespaces.linalg(NAMESPACE)
NAMESPACE["fft"] = namespaces.fft(NAMESPACE)
NAMESPACE["return_types"] = namespaces.return_types()
NAMESPACE["default_generator"] = rng.default_generator
NAMESPACE["random"] = Namespace("torch.random", {  # (torch/random.py)
    "manual_seed": manual_seed, "seed": seed, "initial_seed": initial_seed, "get_rng_state": get_rng_state,
    "set_rng_state": set_rng_state, "fork_rng": fork_rng, "default_generator": rng.default_generator,
    "Generator": Generator, "thread_safe_generator": thread_safe_generator})
NAMESPACE["distributed"] = Namespace("torch.distributed", {  # (built with it, no process group ever made here)
    "is_available": lambda: True, "is_initialized": lambda: False})
surface_all(Tensor, NAMESPACE)  # the names that are no row bound as the rows are (PyTorch's argument parser)
Device.parse = staticmethod(surface("function", "device", pyapi.make_device))  # (torch.device(...): the class, parsed)

def shallow_copy(x):
    """copy.copy: Python's copy protocol (a program's objects and Modules share their attribute values),
    with the engine's tensor and Parameter copies."""
    import copy
    return copy.copy(x)


COPY = Namespace("copy", {"deepcopy": deepcopy, "copy": shallow_copy})


def reset_state():
    """Put the engine's process-wide state where a new process has it: seed, grad mode, node numbering, print
    options, hook handle ids, no dual level open, distributions validated by default and no program's KL
    registered."""
    import sys
    forward_ad = sys.modules.get("tensorsh.engine.forward_ad")
    if forward_ad is not None and forward_ad._LEVEL[0] is not None:
        forward_ad.exit_dual_level()
    rng.default_generator.manual_seed(rng.DEFAULT_GENERATOR_SEED)
    autograd._grad_enabled[0] = True
    autograd._inference_grad[0] = False
    autograd.restart_sequence()
    autograd._HANDLE_IDS[0] = 0
    autograd.set_anomaly_enabled(False)
    autograd.SAVED_HOOKS.clear()
    serialization = sys.modules.get("tensorsh.engine.serialization")
    if serialization is not None:
        serialization.SAFE_GLOBALS.clear()
    saved_hooks = sys.modules.get("tensorsh.engine.saved_hooks")
    if saved_hooks is not None:
        saved_hooks._MUTATION_ALLOWED[0] = False
    from .storage import INFERENCE_MODE
    INFERENCE_MODE[0] = False
    errors.WARNED_ONCE.clear()
    errors.IMPORTED.clear()
    printing.OPTIONS = printing.DEFAULT_OPTIONS
    printing.set_numpy_printoptions(printing.NUMPY_DEFAULT_OPTIONS)
    kernels.set_num_threads(None)
    _INTEROP_THREADS[0] = None
    defaults.reset()
    distributions = sys.modules.get("tensorsh.distributions")
    if distributions is not None:  # (set_default_validate_args and register_kl are process-wide too)
        distributions.Distribution._validate_args = True
        distributions._REGISTERED.clear()
    autocast_mode.reset()
    nn_module = sys.modules.get("tensorsh.nn.module")
    if nn_module is not None:
        nn_module.reset_global_hooks()

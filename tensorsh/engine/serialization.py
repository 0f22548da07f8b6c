"""torch.save / torch.load for what experiments save (tensors, Parameters, state dicts, optimizer states:
nested dicts, OrderedDicts, lists and tuples of tensors, numbers, strings, None). A tensor keeps its dtype, shape,
strides, offset and requires_grad, and tensors that shared a storage share one again after loading, as PyTorch's
do. A whole nn.Module is written as pickle writes it (its class by name, its attributes) and refused by a
weights-only load as PyTorch 2.6+ refuses it. The file is tensorsh's own (a JSON header and the storages' bytes;
nothing is unpickled: a module comes back as its class's __new__ and its attributes, no other code runs) and is
written whole or not at all (a temporary file renamed into place)."""
import collections
import importlib
import io
import json
import os
import pickletools
import sys
import tempfile
import types
import weakref

import numpy as np

from . import dtypes, undo
from .errors import TorchError, make, runtime, warn
from .storage import BFloat16Storage, ConjStorage, Storage, TypedStorage, VersionCounter
from .tensorimpl import Tensor, storage_view

MAGIC = b"tensorsh-save-1\n"


SUBCLASSES = {}  # a Tensor subclass's "module.qualname" -> how a loaded tensor becomes one (its rebuild), as
# nn.Parameter's module registers it (PyTorch pickles a Parameter by torch._utils._rebuild_parameter)
_SUBCLASS_HOMES = {"torch.nn.parameter.Parameter": "tensorsh.nn.parameter"}  # (imported to register, on first load)


PICKLED_BASES = []  # the layers' classes whose objects torch.save writes whole, by class (optimizers, schedulers,
#                     datasets, samplers)


def _module_base():
    """nn.Module, when torch.nn is loaded (before, no module exists)."""
    nn_module = sys.modules.get("tensorsh.nn.module")
    return nn_module.Module if nn_module is not None else None


def _pickled_bases():
    return tuple(b for b in [_module_base(), *PICKLED_BASES] if b is not None)


def _class_name(value):
    """The name ("module.qualname") under which a whole nn.Module's, optimizer's, scheduler's, dataset's or sampler's
    class, or a program's own class, is written, as pickle's GLOBAL names it ("torch.nn.modules.linear.Linear", "torch.optim.adam.Adam", a
    program's "__main__.Net"); None for any other value."""
    cls = type(value)
    if isinstance(value, _pickled_bases()) or cls.__module__ == "__main__" and \
            all(c.__module__ == "__main__" or c in _CONTAINERS for c in cls.__mro__[:-1]):
        return f"{cls.__module__}.{cls.__qualname__}"
    return None


_CONTAINERS = (dict, list, tuple)  # (a program's class may extend one: a Config(dict), a namedtuple; pickle writes
#                                    its class, its __dict__, then its items, or its __getnewargs__ for a tuple)


def _container_items(value, storages, order, memo):
    """What pickle writes of a program's dict, list or tuple subclass beyond its __dict__: its items (SETITEMS,
    APPENDS) or the arguments NEWOBJ calls the class with (a tuple's __getnewargs__: a namedtuple's fields)."""
    if isinstance(value, dict):
        return {"dictitems": [[_encode(k, storages, order, memo), _encode(v, storages, order, memo)]
                              for k, v in value.items()]}
    if isinstance(value, list):
        return {"listitems": [_encode(v, storages, order, memo) for v in value]}
    if isinstance(value, tuple):
        return {"newargs": [_encode(v, storages, order, memo) for v in value.__getnewargs__()]}
    return {}


def _saved_class(name):
    """The class a file names: nn.Module or one of its subclasses of that name, else a program's own class of that
    name, the last made where a program made two (torch.nn loaded first if it is not: a file another run wrote)."""
    for home in ("tensorsh.nn", "tensorsh.optim", "tensorsh.data"):
        importlib.import_module(home)

    def family(cls):
        yield cls
        for sub in cls.__subclasses__():  # (in the order they were made)
            yield from family(sub)
    def every(cls):  # (a program's class not a module: any class under object, `type` by its unbound method)
        yield cls
        for sub in type.__subclasses__(cls):
            yield from every(sub)
    found = None
    for cls in (c for base in _pickled_bases() for c in family(base)):
        if f"{cls.__module__}.{cls.__qualname__}" == name:
            found = cls
    if found is None and name.startswith("__main__."):
        for cls in every(object):
            if cls.__module__ == "__main__" and f"__main__.{cls.__qualname__}" == name:
                found = cls
    return found


def _encode(value, storages, order, memo):
    """value's JSON header. A tensor, dict or list met again is a reference to the first (pickle's memo: what was
    one object is one object again after loading)."""
    cls_name = None if isinstance(value, (Tensor, str, int, float, Storage, TypedStorage)) or \
        type(value) in (dict, list, tuple) else _class_name(value)
    if isinstance(value, (Tensor, dict, list, Storage, TypedStorage)) or cls_name is not None:
        if id(value) in memo:
            return {"ref": memo[id(value)]}
        memo[id(value)] = len(memo)
    if cls_name is not None:  # (its state: its attributes but the shell's undo record)
        if "<locals>" in cls_name:  # (pickle finds a class by its name: one made in a function has none)
            raise make("AttributeError", f"Can't pickle local object '{type(value).__qualname__}'")
        getstate = getattr(type(value), "__getstate__", object.__getstate__)
        if getstate is not object.__getstate__:  # (a program's own: pickle writes what it returns, any value)
            return {"object": cls_name, "getstate": _encode(value.__getstate__(), storages, order, memo)}
        state = {k: v for k, v in getattr(value, "__dict__", {}).items() if k != "_born"}
        return {"object": cls_name, "state": [[k, _encode(v, storages, order, memo)] for k, v in state.items()],
                **_container_items(value, storages, order, memo)}
    if isinstance(value, Tensor):
        value._warn_if_has_hooks()
        storage = value._storage
        conj = type(storage) is ConjStorage  # (conj's view: its memory saved, and the conj bit, as PyTorch's metadata)
        storage = storage.source if conj else storage
        out = {"tensor": _storage_index(storage, value.dtype, storages, order), "offset": value._offset, "shape": list(value._shape),
               "stride": list(value._stride), "dtype": value.dtype.name, "requires_grad": value.requires_grad}
        if conj:
            out["conj"] = True
        cls = type(value)
        if cls is not Tensor and f"{cls.__module__}.{cls.__qualname__}" in _SUBCLASS_HOMES:
            out["subclass"] = f"{cls.__module__}.{cls.__qualname__}"
        return out
    if isinstance(value, (Storage, TypedStorage)):  # (loaded as a TypedStorage, an UntypedStorage's of uint8)
        storage, dt = (value._untyped, value.dtype) if isinstance(value, TypedStorage) else (value, dtypes.uint8)
        return {"storage": _storage_index(storage, dt, storages, order), "dtype": dt.name}
    if value is None or isinstance(value, (bool, int, float, str)) and not isinstance(value, np.generic):
        return {"value": value}
    if isinstance(value, dict) and not isinstance(value, collections.defaultdict):
        kind = "ordered" if isinstance(value, collections.OrderedDict) else \
            "counter" if isinstance(value, collections.Counter) else "dict"  # (the two a weights-only load allows)
        out = {kind: [[_encode(k, storages, order, memo), _encode(v, storages, order, memo)]
                      for k, v in value.items()]}
        if getattr(value, "__dict__", None):  # (pickle's state after the items: a state dict's _metadata)
            out["attrs"] = [[k, _encode(v, storages, order, memo)] for k, v in vars(value).items()]
        return out
    if isinstance(value, (list, tuple)) and type(value) in (list, tuple):
        return {type(value).__name__: [_encode(v, storages, order, memo) for v in value]}
    if isinstance(value, dtypes.DType):
        return {"dtype_value": value.name}
    if isinstance(value, types.FunctionType) and "<" in value.__qualname__:  # (pickle names a function: these have none)
        if "<locals>" in value.__qualname__:
            raise make("AttributeError", f"Can't pickle local object '{value.__qualname__}'")
        raise _PicklingError("_pickle.PicklingError", f"Can't pickle {value!r}: attribute lookup "
                                                      f"{value.__qualname__} on __main__ failed")
    plain = _encode_plain(value, storages, order, memo)
    if plain is not None:
        return plain
    if type(value) is set:  # (a module's _non_persistent_buffers_set)
        return {"set": [_encode(v, storages, order, memo) for v in value]}
    raise make("TypeError", f"tensorsh: torch.save cannot save a {type(value).__name__} (it saves tensors, numbers, "
                            "strings, None, nn modules, optimizers, schedulers, datasets, samplers, a program's own "
                            "objects, and dicts, lists and tuples of them, such as state dicts)")


def _storage_index(storage, dt, storages, order):
    """The storage's place among those the file holds; PyTorch's persistent_id refuses one storage seen as two
    dtypes (tensors, storages: an UntypedStorage is uint8's)."""
    seen = storages.get(id(storage))
    if seen is None:
        seen = storages[id(storage)] = (len(order), dt)
        order.append(storage)
    elif seen[1] is not dt:
        raise runtime("Cannot save multiple tensors or storages that view the same data as different types")
    return seen[0]


_FACTORIES = {"int": int, "float": float, "list": list, "dict": dict, "set": set, "str": str, "tuple": tuple}


def _encode_plain(value, storages, order, memo):
    """The other values pickle writes that a weights-only load allows back (torch.Size, torch.device, torch.layout,
    bytes, complex), and those it refuses by their global's name (frozenset, range, slice, Ellipsis, a deque, a
    defaultdict of a builtin type, numpy's arrays and scalars): a header, or None for a value none of these."""
    from .ops.predicates import Layout
    from .tensorimpl import Device, Size
    kind = type(value)
    if kind is Size:
        return {"torch_size": list(value)}
    if kind is Device:
        return {"device": [value.type, value.index]}
    if kind is Layout:
        return {"layout": "strided"}
    if kind is bytes:
        return {"bytes": value.hex()}
    if kind is complex:
        return {"complex": [value.real, value.imag]}
    if value is Ellipsis:
        return {"object": "Ellipsis", "builtin": []}
    if kind is collections.deque:
        return {"object": "collections.deque", "builtin": [[_encode(v, storages, order, memo) for v in value],
                                                           value.maxlen]}
    if isinstance(value, (np.ndarray, np.generic)):  # (numpy's pickles: by these globals' names)
        array = np.asarray(value)
        if array.dtype.hasobject:
            return None
        return {"object": "numpy._core.multiarray." + ("scalar" if isinstance(value, np.generic) else "_reconstruct"),
                "builtin": [array.dtype.str, list(array.shape), np.ascontiguousarray(array).tobytes().hex()]}
    if kind is frozenset:
        return {"object": "frozenset", "builtin": [_encode(v, storages, order, memo) for v in value]}
    if kind is range:
        return {"object": "range", "builtin": [value.start, value.stop, value.step]}
    if kind is slice:
        return {"object": "slice", "builtin": [_encode(v, storages, order, memo)
                                               for v in (value.start, value.stop, value.step)]}
    if isinstance(value, collections.defaultdict) and (value.default_factory is None or  # (an optimizer's state)
                                            _FACTORIES.get(getattr(value.default_factory, "__name__", None))
                                            is value.default_factory):
        factory = value.default_factory
        return {"object": "collections.defaultdict", "builtin": [
            None if factory is None else factory.__name__,
            [[_encode(k, storages, order, memo), _encode(v, storages, order, memo)] for k, v in value.items()]]}
    return None


def _decode_plain(value, storages, objects):
    """_encode_plain's values back (the builtins only from a load that is not weights-only)."""
    from .ops.predicates import STRIDED
    from .tensorimpl import Device, Size
    if "torch_size" in value:
        return Size(value["torch_size"])
    if "device" in value:
        return Device.make(*value["device"])
    if "layout" in value:
        return STRIDED
    if "bytes" in value:
        return bytes.fromhex(value["bytes"])
    if "complex" in value:
        return complex(*value["complex"])
    name, args = value["object"], value["builtin"]
    if name.startswith("numpy."):
        array = np.frombuffer(bytes.fromhex(args[2]), np.dtype(args[0])).reshape(args[1])
        if name.endswith(".scalar"):
            return array[()]
        from .arrays import ndarray
        return array.copy().view(ndarray)
    if name == "frozenset":
        return frozenset(_decode(v, storages, objects) for v in args)
    if name == "range":
        return range(*args)
    if name == "Ellipsis":
        return Ellipsis
    if name == "collections.deque":
        return collections.deque((_decode(v, storages, objects) for v in args[0]), args[1])
    if name == "slice":
        return slice(*(_decode(v, storages, objects) for v in args))
    out = collections.defaultdict(None if args[0] is None else _FACTORIES[args[0]])
    objects.append(out)  # (memoized as the dict it is)
    for k, v in args[1]:
        out[_decode(k, storages, objects)] = _decode(v, storages, objects)
    return out


_PLAIN_KEYS = ("torch_size", "device", "layout", "bytes", "complex", "builtin")


def _is_file(f):
    """An open file object (an io.BytesIO) rather than a path: what PyTorch writes to and reads from as it is."""
    return not isinstance(f, (str, os.PathLike)) and hasattr(f, "write") and hasattr(f, "read")


def save(obj, f, pickle_module=None, pickle_protocol=2, _use_new_zipfile_serialization=True,
         _disable_byteorder_record=False):
    if not isinstance(f, (str, os.PathLike)) and not _is_file(f):
        raise make("AttributeError", "expected 'f' to be string, path, or a file-like object with a 'write' "
                                     "attribute")
    protocol = _pickle_protocol(pickle_protocol)
    storages, order = {}, []
    header = _encode(obj, storages, order, {})
    blobs, entries, offset = [], [], 0
    for storage in order:
        data = np.ascontiguousarray(storage.data)
        blobs.append(data.tobytes())
        entries.append({"dtype": data.dtype.str, "count": int(data.size), "at": offset,
                        "bfloat16": isinstance(storage, BFloat16Storage)})
        offset += data.nbytes
    head = json.dumps({"storages": entries, "object": header, "protocol": protocol}).encode()
    if _is_file(f):
        f.write(b"".join([MAGIC, head, b"\n"] + blobs))
        return
    path = os.fspath(f)
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise runtime(f"Parent directory {os.path.dirname(path)} does not exist.")
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tensorsh-save-")
    except OSError as e:
        raise make(type(e).__name__, str(e)) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + head + b"\n")
            for blob in blobs:
                out.write(blob)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _decode(value, storages, objects):
    if "ref" in value:
        return objects[value["ref"]]
    if "tensor" in value:
        dt = dtypes.from_name(value["dtype"])
        storage = storages[value["tensor"]]
        if value.get("conj"):
            storage = ConjStorage(storage)
        shape, stride = tuple(value["shape"]), tuple(value["stride"])
        arr = storage_view(storage, dt, shape, stride, value["offset"])
        t = Tensor._make(storage, value["offset"], shape, stride, dt, arr, VersionCounter())  # (each its own)
        t._version_counter.value = 1  # (PyTorch's rebuild sets the storage in: one version)
        if "subclass" in value:
            if value["subclass"] not in SUBCLASSES:
                importlib.import_module(_SUBCLASS_HOMES[value["subclass"]])
            t = SUBCLASSES[value["subclass"]](t, value["requires_grad"])
        elif value["requires_grad"]:
            t.requires_grad_(True)
        objects.append(t)
        return t
    if "value" in value:
        return value["value"]
    if "storage" in value:
        objects.append(TypedStorage(storages[value["storage"]], dtypes.from_name(value["dtype"])))
        return objects[-1]
    if any(k in value for k in _PLAIN_KEYS):
        return _decode_plain(value, storages, objects)
    if "object" in value:  # (pickle's default: the class's __new__, then the state into its __dict__)
        cls = _saved_class(value["object"])
        if cls is None:
            module, _, name = value["object"].rpartition(".")
            raise make("AttributeError", f"Can't get attribute '{name}' on <module '{module}'>")
        objects.append(None)  # (its memo slot: NEWOBJ's arguments come before it, pickle memoizes it after)
        at = len(objects) - 1
        obj = cls.__new__(cls, *(_decode(v, storages, objects) for v in value.get("newargs", ())))
        objects[at] = obj
        if "getstate" in value:
            state = _decode(value["getstate"], storages, objects)
            if getattr(cls, "__setstate__", None) is not None:
                obj.__setstate__(state)
            else:
                vars(obj).update(state)
        elif value["state"]:  # (a namedtuple has no __dict__: its state is None)
            vars(obj).update({k: _decode(v, storages, objects) for k, v in value["state"]})
        for k, v in value.get("dictitems", ()):
            obj[_decode(k, storages, objects)] = _decode(v, storages, objects)
        if "listitems" in value:
            obj.extend(_decode(v, storages, objects) for v in value["listitems"])
        if isinstance(obj, _module_base()):  # (a program's plain object has no such attribute to show)
            vars(obj)["_born"] = undo.epoch  # (made by the running statement: undoing it unmakes it)
        return obj
    if "set" in value:
        return {_decode(v, storages, objects) for v in value["set"]}
    if "dtype_value" in value:
        return dtypes.from_name(value["dtype_value"])
    for kind, build in (("dict", dict), ("ordered", collections.OrderedDict), ("counter", collections.Counter)):
        if kind in value:
            out = build()
            objects.append(out)
            for k, v in value[kind]:
                key = _decode(k, storages, objects)
                out[key] = _decode(v, storages, objects)
            for k, v in value.get("attrs", ()):
                setattr(out, k, _decode(v, storages, objects))
            return out
    if "list" in value:
        out = []
        objects.append(out)
        out.extend(_decode(v, storages, objects) for v in value["list"])
        return out
    return tuple(_decode(v, storages, objects) for v in value["tuple"])


def _check_location(map_location):
    """Where PyTorch's restore of a CPU storage fails: a map_location naming a CUDA device (as a string, a device, or
    the value a dict maps 'cpu' to) on this CPU-only build, or a location it does not know."""
    if isinstance(map_location, dict):
        map_location = map_location.get("cpu")
    if map_location is None or callable(map_location):
        return
    location = str(map_location)
    if location.startswith("cuda"):
        raise runtime("Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. If "
                      "you are running on a CPU-only machine, please use torch.load with "
                      "map_location=torch.device('cpu') to map your storages to the CPU.")
    if location != "cpu":
        raise runtime("don't know how to restore data location of torch.storage.UntypedStorage (tagged with "
                      f"{location})")


_WEIGHTS_ONLY = ("Weights only load failed. This file can still be loaded, to do so you have two options, \x1b[1mdo "
                 "those steps only if you trust the source of the checkpoint\x1b[0m. \n\t(1) In PyTorch 2.6, we changed "
                 "the default value of the `weights_only` argument in `torch.load` from `False` to `True`. Re-running "
                 "`torch.load` with `weights_only` set to `False` will likely succeed, but it can result in arbitrary "
                 "code execution. Do it only if you got the file from a trusted source.\n\t(2) Alternatively, to load "
                 "with `weights_only=True` please check the recommended steps in the following error message.\n\t"
                 "WeightsUnpickler error: Unsupported global: GLOBAL {0} was not an allowed global by default. Please "
                 "use `torch.serialization.add_safe_globals([{0}])` or the `torch.serialization.safe_globals([{0}])` "
                 "context manager to allowlist this global if you trust this class/function.\n\nCheck the "
                 "documentation of torch.load to learn more about types accepted by default with weights_only "
                 "https://pytorch.org/docs/stable/generated/torch.load.html.")
_UNPICKLER_ERROR = ("Weights only load failed. In PyTorch 2.6, we changed the default value of the `weights_only` "
                        "argument in `torch.load` from `False` to `True`. Re-running `torch.load` with `weights_only` "
                        "set to `False` will likely succeed, but it can result in arbitrary code execution. Do it only "
                        "if you got the file from a trusted source.\nPlease file an issue with the following so that "
                        "we can make `weights_only=True` compatible with your use case: WeightsUnpickler error: \n\n"
                        "{}\n\nCheck the documentation of torch.load to learn more about types "
                        "accepted by default with weights_only https://pytorch.org/docs/stable/generated/torch.load.html.")
_UnpicklingError = type("UnpicklingError", (TorchError,), {"__module__": "_pickle"})
_PicklingError = type("PicklingError", (TorchError,), {"__module__": "_pickle"})


SAFE_GLOBALS = []  # torch.serialization.add_safe_globals's classes (a weights-only load lets them through)


def _global_name(obj):
    """The name pickle's GLOBAL gives a class or function ("__main__.Cfg"; a builtin's bare, as "frozenset")."""
    module = getattr(obj, "__module__", None)
    name = getattr(obj, "__qualname__", getattr(obj, "__name__", ""))
    return name if module == "builtins" else f"{module}.{name}"


def _pickle_protocol(protocol):
    """The protocol pickle.Pickler writes with: None its default (4), a negative one its highest (5)."""
    if protocol is None:
        return 4
    if not isinstance(protocol, int):
        raise make("TypeError", f"'{type(protocol).__name__}' object cannot be interpreted as an integer")
    if protocol > 5:
        raise make("ValueError", "pickle protocol must be <= 5")
    return 5 if protocol < 0 else int(protocol)


_GLOBALS = ("tensor", "ordered", "counter", "torch_size", "device", "complex", "dtype_value", "layout")  # (written
# by a GLOBAL and a memo PUT first: the op protocol 0 fails at)


def _first_refused(value, allowed, protocol):
    """What a weights-only load of value's header fails at first, in pickle's order: a class not allowed (its name),
    or an opcode the weights-only unpickler lacks (a number): protocol 0's text opcodes (INT, FLOAT, UNICODE,
    LIST, DICT, PUT), protocol 1's INT of a bool and LONG of an int beyond 32 bits, protocol 3's
    SHORT_BINBYTES/BINBYTES of bytes. None if it loads."""
    if not isinstance(value, dict):
        return None
    if "object" in value and value["object"] not in allowed:  # (protocols 0-1 write an object by copyreg's)
        return "copyreg._reconstructor" if protocol < 2 and "builtin" not in value else value["object"]
    if "object" in value and any(k in value for k in ("newargs", "listitems", "dictitems")):
        return _container_refused(value, allowed, protocol)
    if "value" in value:
        v = value["value"]
        if v is None or protocol >= 2:
            return None
        if isinstance(v, int) and not isinstance(v, bool) and not -2 ** 31 <= v < 2 ** 31:
            return 76
        if isinstance(v, bool) or protocol == 0 and isinstance(v, int):
            return 73
        return None if protocol == 1 else 70 if isinstance(v, float) else 86
    if protocol == 0:
        first = next(iter(value))
        if first in _GLOBALS or first == "bytes":
            return 112
        if first in ("dict", "list"):
            return 100 if first == "dict" else 108
    if protocol == 1 and "tensor" in value:  # (its rebuild's requires_grad, a bool, after the storage and sizes)
        return 73
    if protocol >= 3 and "bytes" in value:
        return 67 if len(value["bytes"]) < 512 else 66
    for v in value.values():
        found = _first_refused(v, allowed, protocol) if isinstance(v, dict) else \
            next((f for f in (_first_refused(e, allowed, protocol) for e in _flat(v)) if f is not None), None)
        if found is not None:
            return found
    return 112 if protocol == 0 and value.get("tuple") else None  # (a tuple is memoized once built, if not empty)


class _Refusal(str):
    """The weights-only unpickler's own words for an op it will not apply (not a global's name)."""


def _container_refused(value, allowed, protocol):
    """An allowlisted program's dict or list subclass: pickle writes NEWOBJ's arguments, then its items and the
    SETITEM(S) / APPEND(S) that the weights-only unpickler applies to a plain dict, OrderedDict, Counter or list
    only (one item a batch: the singular op), then its __dict__ for BUILD."""
    for key in ("newargs", "listitems", "dictitems", "state"):
        items = value.get(key, [])
        found = next((f for f in (_first_refused(e, allowed, protocol) for e in _flat(items)) if f is not None), None)
        if found is not None:
            return found
        got = f"but got <class '{value['object']}'>"
        if key == "listitems" and items:
            return _Refusal(f"Can only {'append to' if len(items) == 1 else 'extend'} lists, {got}")
        if key == "dictitems" and items:
            return _Refusal(f"Can only SETITEM{'' if len(items) == 1 else 'S'} for dict, collections.OrderedDict, "
                            f"collections.Counter, {got}")
    return None


def _flat(items):
    """The headers of a list of them, or of [key, value] pairs, in order."""
    for item in items if isinstance(items, list) else ():
        yield from (item if isinstance(item, list) else [item])


def _framed(value):
    """Protocol 4-5's first op the weights-only unpickler lacks: FRAME, written for a body (after PROTO) of 4 bytes
    or more; an empty list or dict (3 bytes) is memoized by MEMOIZE; None, a bool, an int of one byte or an empty
    tuple need neither."""
    v = value.get("value", ...)
    if v is None or isinstance(v, bool) or isinstance(v, int) and 0 <= v < 256 or value == {"tuple": []}:
        return None
    return 148 if value in ({"list": []}, {"dict": []}) else 149


_READ_TO = weakref.WeakKeyDictionary()  # file object -> (where tensorsh's load of it ended, how far PyTorch's
#                                        reader is into the data descriptor its zip reader stopped at)


def _reread(f, at, weights_only):
    """A further torch.load of a file object without seek(0): PyTorch's zip reader left the position at the data
    descriptor after the last record it read ("PK\x07\x08", then its crc), which pickle reads as op 'P' (PERSID:
    80, not the weights-only unpickler's; 1 byte read), then 'K' with the byte 7, then the key 8 (4 bytes read);
    further, its crc (not modelled: the EOFError of an empty read)."""
    end, offset = at
    if offset > 1:
        return
    _READ_TO[f] = (end, 1 if offset == 0 else 4)
    if weights_only is not False:
        raise _UnpicklingError("_pickle.UnpicklingError", _UNPICKLER_ERROR.format(
            f"Unsupported operand {80 if offset == 0 else 8}"))
    raise _UnpicklingError("_pickle.UnpicklingError", "A load persistent id instruction was encountered,\nbut no "
                           "persistent_load function was specified." if offset == 0 else "invalid load key, '\\x08'.")


def load(f, map_location=None, pickle_module=None, *, weights_only=None, mmap=None, **pickle_load_args):
    if _is_file(f):
        start = f.tell() if hasattr(f, "tell") else None
        content = f.read()
        if not content and start is not None and _READ_TO.get(f, (None,))[0] == start:
            _reread(f, _READ_TO[f], weights_only)
        if not content:  # (a BytesIO read from its end, not seek(0)'d after saving: pickle's "Ran out of input"; the
            raise make("EOFError", "" if weights_only is not False else "Ran out of input")  # weights-only's says none)
        name = "the file object"
    elif not isinstance(f, (str, os.PathLike)):
        raise make("AttributeError", f"'{type(f).__name__}' object has no attribute 'seek'. You can only torch.load "
                                     "from a file that is seekable. Please pre-load the data into a buffer like "
                                     "io.BytesIO and try to load from it instead.")
    else:
        name = os.fspath(f)
        try:
            with open(name, "rb") as file:
                content = file.read()
        except OSError as e:  # (FileNotFoundError and its kin, as PyTorch's open gives them)
            raise make(type(e).__name__, str(e)) from None
    newline = content.find(b"\n", len(MAGIC))
    if not content.startswith(MAGIC) or newline < 0:
        _refuse_foreign(content, weights_only is not False)
        raise runtime(f"tensorsh: {name} is not a file torch.save wrote in tensorsh (PyTorch's own files, "
                      "zip archives of pickles, are not read)")
    header = json.loads(content[len(MAGIC):newline])
    if name == "the file object" and hasattr(f, "tell"):
        try:
            _READ_TO[f] = (f.tell(), 0)
        except TypeError:  # (a file object that takes no weak reference: not followed)
            pass
    if mmap and name == "the file object":  # (PyTorch maps a file by its path: an io.BytesIO has none)
        raise make("ValueError", "f must be a file path in order to use the mmap argument")
    if weights_only is not False:  # (PyTorch 2.6 on: weights_only=True unless False is given)
        _check_weights_only(header)
    elif header.get("protocol") == 0 and header["storages"]:  # (protocol 0 wrote torch's storage ids as strings)
        raise make("AssertionError", "saved_id must be a tuple, got str")
    if header["storages"]:
        _check_location(map_location)
    body = newline + 1
    storages = []
    for entry in header["storages"]:
        data = np.frombuffer(content, np.dtype(entry["dtype"]), entry["count"], body + entry["at"]).copy()
        storages.append(BFloat16Storage(data) if entry.get("bfloat16") else Storage(data))
    return _decode(header["object"], storages, [])


def _check_weights_only(header):
    """The weights-only unpickler's refusals: a protocol other than 2 warned of at its PROTO op (protocols 0-1 have
    none), then protocol 4-5's FRAME, then the first class or opcode it does not allow."""
    protocol = header.get("protocol", 2)
    _warn_protocol(protocol)
    refused = _framed(header["object"]) if protocol >= 4 else None
    if refused is None:
        refused = _first_refused(header["object"], {_global_name(g) for g in SAFE_GLOBALS}, protocol)
    if isinstance(refused, str) and not isinstance(refused, _Refusal):
        raise _UnpicklingError("_pickle.UnpicklingError", _WEIGHTS_ONLY.format(refused))
    if refused is not None:
        raise _UnpicklingError("_pickle.UnpicklingError", _UNPICKLER_ERROR.format(
            refused if isinstance(refused, _Refusal) else f"Unsupported operand {refused}"))


def _warn_protocol(protocol):
    """The weights-only unpickler's warning at a PROTO op of a protocol other than 2."""
    if protocol >= 3:
        warn(f"Detected pickle protocol {protocol} in the checkpoint, which was not the default pickle protocol used "
             "by `torch.load` (2). The weights_only Unpickler might not support all instructions implemented by this "
             "protocol, please file an issue for adding support if you encounter this.",
             site="torch/serialization.py:unpickler.load")


_WEIGHTS_ONLY_OPS = {ord(code) for code, op in pickletools.code2op.items() if op.name in (
    "GLOBAL NEWOBJ REDUCE BUILD APPEND APPENDS SETITEM SETITEMS MARK TUPLE TUPLE1 TUPLE2 TUPLE3 NONE NEWFALSE NEWTRUE "
    "EMPTY_TUPLE EMPTY_LIST EMPTY_DICT EMPTY_SET BININT BININT1 BININT2 BINFLOAT BINUNICODE SHORT_BINSTRING BINPERSID "
    "BINGET LONG_BINGET BINPUT LONG_BINPUT LONG1 PROTO STOP").split()}


def _refuse_foreign(content, weights_only):
    """A file neither tensorsh's nor a zip archive is PyTorch's legacy format to torch.load: its pickled magic number is
    read first, so a weights-only load fails at the first opcode its unpickler lacks, pickle at a byte that is no
    opcode ("invalid load key"), and a whole other pickle is "Invalid magic number". Returns (for tensorsh's own
    refusal) at a zip archive, a global, a truncated pickle, or a real legacy file."""
    if content.startswith(b"PK"):
        return
    stream = io.BytesIO(content)
    at = 0
    memo = set()  # (the indices put so far: a get of another fails, "hello"'s leading BINGET 'h' of index 'e')
    try:
        for op, arg, _ in pickletools.genops(stream):
            if weights_only and op.name == "PROTO":
                _warn_protocol(arg)
            if weights_only and ord(op.code) not in _WEIGHTS_ONLY_OPS:
                raise _UnpicklingError("_pickle.UnpicklingError", _UNPICKLER_ERROR.format(
                    f"Unsupported operand {ord(op.code)}"))
            if op.name in ("PUT", "BINPUT", "LONG_BINPUT", "MEMOIZE"):
                memo.add(len(memo) if op.name == "MEMOIZE" else arg)
            if op.name in ("GET", "BINGET", "LONG_BINGET") and arg not in memo:
                if weights_only:  # (the weights-only unpickler's `self.memo[idx]`: a KeyError torch.load lets out)
                    raise make("KeyError", arg)
                raise _UnpicklingError("_pickle.UnpicklingError", f"Memo value not found at index {arg}")
            if "GLOBAL" in op.name or op.name == "LONG1" and arg == 0x1950a86a20f9469cfc6c:
                return
            at = stream.tell()
    except ValueError:
        key = content[at]
        if chr(key) in pickletools.code2op:  # (its argument cut short)
            return
        if weights_only:
            raise _UnpicklingError("_pickle.UnpicklingError", _UNPICKLER_ERROR.format(
                f"Unsupported operand {key}")) from None
        shown = chr(key) if 0x20 <= key <= 0x7e and chr(key) not in "'\\" else f"\\x{key:02x}"
        raise _UnpicklingError("_pickle.UnpicklingError", f"invalid load key, '{shown}'.") from None
    raise runtime("Invalid magic number; corrupt file?")


def add_safe_globals(safe_globals):
    """torch.serialization.add_safe_globals: classes a weights-only load lets through from now on."""
    SAFE_GLOBALS.extend(safe_globals)


def get_safe_globals():
    return list(SAFE_GLOBALS)


def clear_safe_globals():
    SAFE_GLOBALS.clear()


class safe_globals:
    """with torch.serialization.safe_globals([...]): add_safe_globals inside the block only."""
    __api__ = frozenset()

    def __init__(self, safe_globals):
        self.safe_globals = safe_globals

    def __enter__(self):
        self._before = list(SAFE_GLOBALS)
        SAFE_GLOBALS.extend(self.safe_globals)

    def __exit__(self, *exc):
        SAFE_GLOBALS[:] = self._before
        return False


NAMESPACE = {"save": save, "load": load, "add_safe_globals": add_safe_globals, "get_safe_globals": get_safe_globals,
             "clear_safe_globals": clear_safe_globals, "safe_globals": safe_globals}

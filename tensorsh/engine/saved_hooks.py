"""torch.autograd.graph's saved-tensor hooks (pack when saved, unpack when backward needs it) and the
_raw_saved_* values; loaded on first use."""
import contextlib

from . import autograd
from .autograd import address as _address
from .errors import runtime, type_error


class saved_tensors_hooks:
    """with torch.autograd.graph.saved_tensors_hooks(pack, unpack): what is saved inside goes through pack."""
    __api__ = frozenset()
    __module__ = "torch.autograd.graph"  # (type(h) is <class 'torch.autograd.graph.saved_tensors_hooks'>)

    def __init__(self, pack_hook, unpack_hook):
        self.pack_hook, self.unpack_hook = pack_hook, unpack_hook

    def __enter__(self):
        if autograd.SAVED_HOOKS_DISABLED[0] is not None:
            raise runtime(autograd.SAVED_HOOKS_DISABLED[0])
        autograd.SAVED_HOOKS.append((self.pack_hook, self.unpack_hook))
        return None

    def __exit__(self, *exc):
        autograd.SAVED_HOOKS.pop()
        return False

    def __repr__(self):
        return f"<torch.autograd.graph.{type(self).__name__} object at {_address(self)}>"


class save_on_cpu(saved_tensors_hooks):
    """Saved tensors go to CPU memory: on a CPU-only machine a copy, given back as it was."""
    __module__ = "torch.autograd.graph"

    def __init__(self, pin_memory=False, device_type="cuda"):
        def pack(t):  # PyTorch's tensor.cpu(): the tensor itself when it is on CPU already
            return (t.device, t)

        def unpack(packed):
            return packed[1]
        saved_tensors_hooks.__init__(self, pack, unpack)


@contextlib.contextmanager
def disable_saved_tensors_hooks(error_message):
    """Inside it, registering saved-tensor hooks raises RuntimeError(error_message); entering it while hooks are
    registered raises it at once (SavedTensorDefaultHooks::disable)."""
    prev = autograd.SAVED_HOOKS_DISABLED[0]
    try:
        if autograd.SAVED_HOOKS:
            raise runtime(error_message)
        autograd.SAVED_HOOKS_DISABLED[0] = error_message
        yield
    finally:
        autograd.SAVED_HOOKS_DISABLED[0] = prev


class RawSavedTensor:
    """grad_fn._raw_saved_*: torch._C._autograd.SavedTensor; register_hooks(pack, unpack) packs it now."""
    __api__ = frozenset({"register_hooks"})

    def __init__(self, saved):
        self._saved = saved

    def register_hooks(self, *hooks, **kwargs):
        if kwargs or len(hooks) != 2 or not all(map(callable, hooks)):  # pybind11's overload mismatch
            given = ", ".join(map(repr, (self,) + hooks))
            if kwargs:
                given += "; kwargs: " + ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
            raise type_error("register_hooks(): incompatible function arguments. The following argument types are "
                             "supported:\n    1. (self: torch._C._autograd.SavedTensor, arg0: collections.abc."
                             "Callable, arg1: collections.abc.Callable) -> None\n\nInvoked with: " + given)
        pack_hook, unpack_hook = hooks
        saved = self._saved
        if saved.freed:
            raise runtime("Calling register_hooks on a saved tensor after it has been freed. Saved intermediate "
                          "values of the graph are freed when you call .backward() or autograd.grad(). Specify "
                          "retain_graph=True if you need to backward through the graph a second time or if you "
                          "need to access saved variables after calling backward.")
        if saved.hooks is not None:
            raise runtime("Calling register_hooks on a saved tensor whose hooks have already been set. Hint: only "
                          "one pair of hooks is allowed at a time.")
        if saved.value is None:
            raise runtime("Calling register_hooks on a saved tensor with value None is forbidden")
        if not saved.is_tensor:  # (a Python number, saved by PyTorch as its wrapped 0-dim tensor: hooked as that)
            from .creation import tensor
            from .dtypes import float64
            number = saved.value
            saved.value = tensor(number, dtype=float64) if type(number) is float else tensor(number)
            saved.is_tensor = True
        saved.pack_with(pack_hook, unpack_hook, data_only=True)

    def __repr__(self):
        return f"<torch._C._autograd.SavedTensor object at {_address(self)}>"


# PyTorch's pybind11 class: type(x).__name__ is 'SavedTensor', type(x) <class 'torch._C._autograd.SavedTensor'>
RawSavedTensor.__name__ = RawSavedTensor.__qualname__ = "SavedTensor"
RawSavedTensor.__module__ = "torch._C._autograd"


_MUTATION_ALLOWED = [False]  # inside torch.autograd.graph.allow_mutation_on_saved_tensors


class _AllowMutationOnSavedContext:
    """What `with allow_mutation_on_saved_tensors() as ctx` gives: the tensors saved inside (PyTorch's originals)
    and, for each, its values when it was saved (what backward reads once the tensor was written in place)."""
    __api__ = frozenset({"clear"})
    __module__ = "torch.autograd.graph"

    def __init__(self):
        self.original, self.cloned = {}, {}

    def clear(self):
        self.original.clear()
        self.cloned.clear()

    def __repr__(self):
        return f"<torch.autograd.graph._AllowMutationOnSavedContext object at {_address(self)}>"


class _Handle:
    __slots__ = ("version", "__weakref__")


_OUTSIDE = ("Trying to backward outside of the 'allow_mutation_on_saved_tensors' contextin which the graph was "
            "originally recorded.")  # (PyTorch's two literals join without a space)


class _swap_with_cloned(saved_tensors_hooks):
    """PyTorch's pack/unpack pair of allow_mutation_on_saved_tensors. PyTorch clones a saved tensor just before an
    in-place op writes it; here the values are copied when saved, and backward reads the copy when the tensor's
    version moved since (the original, unwritten, otherwise)."""

    def __init__(self, ctx):
        def pack(tensor):
            handle = _Handle()
            handle.version = tensor._version_counter.value
            ctx.original[handle] = tensor
            ctx.cloned[handle] = tensor.detach().clone()
            return handle

        def unpack(handle):
            if not _MUTATION_ALLOWED[0] or handle not in ctx.original:
                from .errors import make
                raise make("AssertionError", _OUTSIDE)
            original = ctx.original[handle]
            return original if original._version_counter.value == handle.version else ctx.cloned[handle]
        saved_tensors_hooks.__init__(self, pack, unpack)


class _GeneratorContextManager:
    """torch.autograd.graph.allow_mutation_on_saved_tensors(): a contextlib context manager (its type's name)."""
    __api__ = frozenset()
    __module__ = "contextlib"

    def __enter__(self):
        ctx = _AllowMutationOnSavedContext()
        self._hooks = _swap_with_cloned(ctx)
        self._hooks.__enter__()
        if _MUTATION_ALLOWED[0]:  # (PyTorch's finally turns the outer context's mode off as well)
            self._hooks.__exit__(None, None, None)
            _MUTATION_ALLOWED[0] = False
            raise runtime("allow_mutation_on_saved_tensors contexts cannot be nested")
        _MUTATION_ALLOWED[0] = True
        self._ctx = ctx
        return ctx

    def __exit__(self, *exc):
        self._ctx.clear()
        _MUTATION_ALLOWED[0] = False
        self._hooks.__exit__(*exc)
        return False

    def __repr__(self):
        return f"<contextlib._GeneratorContextManager object at {_address(self)}>"


def allow_mutation_on_saved_tensors():
    """with torch.autograd.graph.allow_mutation_on_saved_tensors(): a tensor saved for backward inside may be
    written in place; backward (inside it too) reads it as it was when saved."""
    return _GeneratorContextManager()

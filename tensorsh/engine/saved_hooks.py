"""torch.autograd.graph's saved-tensor hooks (pack when saved, unpack when backward needs it) and the
_raw_saved_* values; loaded on first use."""
from . import autograd
from .autograd import address as _address
from .errors import runtime


class saved_tensors_hooks:
    """with torch.autograd.graph.saved_tensors_hooks(pack, unpack): what is saved inside goes through pack."""
    __api__ = frozenset()

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

    def __init__(self, pin_memory=False, device_type="cuda"):
        def pack(t):  # PyTorch's tensor.cpu(): the tensor itself when it is on CPU already
            return (t.device, t)

        def unpack(packed):
            return packed[1]
        saved_tensors_hooks.__init__(self, pack, unpack)


class disable_saved_tensors_hooks:
    """Inside it, registering saved-tensor hooks raises RuntimeError(error_message)."""
    __api__ = frozenset()

    def __init__(self, error_message):
        self.error_message = error_message

    def __enter__(self):
        self._prev = autograd.SAVED_HOOKS_DISABLED[0]
        autograd.SAVED_HOOKS_DISABLED[0] = self.error_message
        return None

    def __exit__(self, *exc):
        autograd.SAVED_HOOKS_DISABLED[0] = self._prev
        return False

    def __repr__(self):
        return f"<torch.autograd.graph.disable_saved_tensors_hooks object at {_address(self)}>"


class RawSavedTensor:
    """grad_fn._raw_saved_*: torch._C._autograd.SavedTensor; register_hooks(pack, unpack) packs it now."""
    __api__ = frozenset({"register_hooks"})

    def __init__(self, saved):
        self._saved = saved

    def register_hooks(self, pack_hook, unpack_hook):
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
        saved.pack_with(pack_hook, unpack_hook, data_only=True)

    def __repr__(self):
        return f"<torch._C._autograd.SavedTensor object at {_address(self)}>"


RawSavedTensor.__name__ = "SavedTensor"  # (type(x).__name__ as PyTorch's)

"""What a tensor says about itself (device, layout, memory order, truth of one element, shared memory) and
torch's predicates and broadcasting helpers over tensors and shapes."""
from collections.abc import Sequence

import numpy as np

from .. import errors, messages
from ..errors import make, runtime, type_error
from ..storage import NO_ACCELERATOR, Shared
from .core import Tensor, check_broadcast_all, type_name
from .registry import op


class Layout:
    """torch.strided: the only layout of a CPU dense tensor (torch.layout: a program cannot make another)."""
    __api__ = frozenset()
    __format__ = errors.c_type_format("torch.layout")
    __tsh_bases_as_torch__ = True  # (its __mro__ is PyTorch's: (torch.layout, object))
    __module__ = "torch"

    def __new__(cls, *args, **kwargs):
        raise type_error("cannot create 'torch.layout' instances")

    def __repr__(self):
        return "torch.strided"

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


STRIDED = object.__new__(Layout)
errors.name_c_type(Layout, "torch.layout")




def is_cpu(self):
    return True


def layout(self):
    return STRIDED


def get_device(self, *args, **kwargs):
    if args or kwargs:  # (a C method without arguments)
        raise type_error(f"TensorBase.get_device() takes no {'keyword ' if kwargs and not args else ''}arguments"
                         f"{f' ({len(args)} given)' if args else ''}")
    return -1


def is_pinned(self, device=None):
    if device is not None:
        from ..errors import warn
        warn("The argument 'device' of Tensor.is_pinned() is deprecated. Please do not pass this argument.",
             "DeprecationWarning")
        from ..pyapi import make_device
        if isinstance(device, (int, str)):
            make_device(device)  # (PyTorch's parse of it, and its refusal of an index)
    return False


def is_shared(self):
    return self._storage.is_shared()


def share_memory_(self):
    self._storage.share_memory_()
    return self


def dim_order(self, *, ambiguity_check=False):
    """torch/_tensor.py's Tensor.dim_order: the dims outermost first in memory, as
    _prims_common.compute_elementwise_output_logical_to_physical_perm orders them (contiguous or channels_last at
    once; else an insertion sort that skips zero strides and orders equal strides by size); ambiguity_check (True,
    or a list of memory formats the tensor must match exactly one of) refuses a tensor with a size-1 dim or two
    neighbouring dims of one stride, and (True) an order that the comparison does not impose strictly."""
    from ..tensorimpl import CHANNELS_LAST, MemoryFormat
    bad_check = "The ambiguity_check argument must be a bool or a list of memory formats."
    if type(ambiguity_check) is not bool:
        if not isinstance(ambiguity_check, list) or not all(isinstance(f, MemoryFormat) for f in ambiguity_check):
            raise make("TypeError", bad_check)
    shape, strides, ndim = self._shape, self._stride, len(self._shape)
    formats = ambiguity_check if isinstance(ambiguity_check, list) else []
    several = any(a == b for a, b in zip(strides, strides[1:])) or 1 in shape
    if (ambiguity_check if isinstance(ambiguity_check, bool) else True) and several and \
            sum(bool(self.is_contiguous(memory_format=f)) for f in formats) != 1:
        raise runtime("The tensor does not have unique dim order, or cannot map to exact one of the given memory "
                      "formats.")
    if ndim <= 1:
        return tuple(range(ndim))
    contiguous, channels_last = self.is_contiguous(), CHANNELS_LAST.is_contiguous(shape, strides)
    if contiguous != channels_last:
        return tuple(range(ndim)) if contiguous else (0, *range(2, ndim), 1)

    def ge(a, b):
        return b == 0 or a != 0 and (a >= b or a % b == 0)

    def should_swap(a, b):
        sa, sb = strides[a], strides[b]
        if sa == 0 or sb == 0:
            return 0
        if sa == sb:
            return 0 if ge(shape[b], shape[a]) else 1
        return -1 if ge(sb, sa) else 1 if ge(sa, sb) else 0

    from ..kernels import insertion_order
    perm = insertion_order(ndim, should_swap)  # (innermost first, reversed at the end)
    if ambiguity_check and any(should_swap(perm[i], perm[i + 1]) != -1 for i in range(ndim - 1)):
        raise runtime("The tensor does not have unique dim order.")
    return tuple(reversed(perm))


def is_nonzero(self):
    n = int(np.prod(self._shape, dtype=np.int64))
    if n == 0:
        raise runtime(messages.EMPTY_BOOL)
    if n > 1:
        raise runtime(messages.AMBIGUOUS_BOOL)
    return bool(self._np.reshape(-1)[0] != 0)


def is_same_size(self, other):
    return self._shape == other._shape


def _false(self):
    return False


def _no_name(self):
    return None  # (a named tensor's dimension names are not kept: every tensor's name is None)


def volatile(self):
    errors.warn("volatile was removed (Variable.volatile is always False)")
    return False


def dense_dim(self):
    return len(self._shape)  # (a strided tensor's dims are all dense)


def sparse_dim(self):
    return 0


def is_distributed(self):
    return False


op("is_cpu", property(is_cpu))
for _name in ("is_xpu", "is_mps", "is_ipu", "is_xla", "is_vulkan", "is_maia", "is_mtia", "is_sparse_csr"):
    op(_name, property(_false))  # (a CPU strided tensor is of no other device or layout)
op("name", property(_no_name))
op("volatile", property(volatile))
for _method in (dense_dim, sparse_dim, is_distributed):
    op(_method.__name__, _method)
op("layout", property(layout))
op("get_device", get_device, function=True)
is_pinned.__qualname__ = "Tensor.is_pinned"  # (Python's own argument errors name it so)
op("is_pinned", is_pinned)


def pin_memory(self, device=None):
    """A CPU-only build has no pinned-memory allocator: PyTorch's text (after its parse of a device string)."""
    if isinstance(device, (int, str)):
        from ..pyapi import make_device
        make_device(device)
    raise runtime(NO_ACCELERATOR)


op("pin_memory", pin_memory)
is_shared.__qualname__ = "Tensor.is_shared"  # (Python's own argument errors name it so)
op("is_shared", is_shared)
share_memory_.__qualname__ = "Tensor.share_memory_"  # (Python's own argument errors name it so)
op("share_memory_", share_memory_)
dim_order.__qualname__ = "Tensor.dim_order"  # (Python's own argument errors name it so)
op("dim_order", dim_order)
op("is_nonzero", is_nonzero, function=True)
op("is_same_size", is_same_size, function=True)


def _predicate(name):
    def function(input):
        if not isinstance(input, Tensor):
            raise type_error(f"{name}(): argument 'input' (position 1) must be Tensor, not {type_name(input)}")
        return getattr(input, name)()
    function.__name__ = function.__qualname__ = name
    return function


def broadcast_shapes(*shapes):
    """torch.broadcast_shapes (torch._refs._broadcast_shapes): ints and sequences, compared as its Python compares
    them (guard_or_false wants a bool: a numpy int's comparison is none), then made a torch.Size."""
    from ..tensorimpl import Size
    shapes = tuple((x,) if isinstance(x, int) else x for x in shapes if x is not None)
    if not shapes:
        return Size([])
    for shape in shapes:
        if not isinstance(shape, Sequence):
            raise runtime(f"Input shapes should be of type ints, a tuple of ints, or a list of ints, got {shape}")
    common = [1] * max(len(shape) for shape in shapes)
    for arg, shape in enumerate(shapes):
        for i in range(-1, -1 - len(shape), -1):
            if _guard(shape[i] == common[i]):
                continue
            if _guard(common[i] == 1):
                try:
                    negative = shape[i] < 0
                except TypeError as e:
                    raise type_error(str(e)) from None
                if negative:
                    raise make("ValueError", "Attempting to broadcast a dimension with negative length!")
                common[i] = shape[i]
            if not _guard(shape[i] == 1) and not common[i] == shape[i]:
                raise runtime(f"Attempting to broadcast a dimension of length {shape[i]} at {i}! Mismatching "
                              f"argument at index {arg} had {shape}; but expected shape should be broadcastable "
                              f"to {common}")
    return Size(common)


def _guard(cond):
    """torch's guard_or_false of a plain value: a bool, else its assertion."""
    if not isinstance(cond, bool):
        raise make("AssertionError", f"Expected bool, got {_python_class(cond)}")
    return cond


def _python_class(v):
    return "<class 'torch.Tensor'>" if isinstance(v, Tensor) else repr(type(v))


def broadcast_tensors(*tensors):
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise type_error(f"expected Tensor as element {i} in argument 0, but got {type_name(t)}")
    check_broadcast_all(*tensors)
    shape = tuple(np.broadcast_shapes(*(t._shape for t in tensors))) if tensors else ()
    return tuple(t if t._shape == shape else t.expand(shape) for t in tensors)


FUNCTIONS = {name: _predicate(name) for name in ("is_floating_point", "is_complex", "is_signed")}
FUNCTIONS.update(broadcast_shapes=broadcast_shapes, broadcast_tensors=broadcast_tensors)
FUNCTIONS["is_distributed"] = _predicate("is_distributed")


def is_vulkan_available(*args, **kwargs):
    return False  # (PyTorch's builtin ignores any argument, keywords too)


FUNCTIONS["is_vulkan_available"] = is_vulkan_available

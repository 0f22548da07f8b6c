"""The padding modules (torch/nn/modules/padding.py): Reflection/Replication/Circular/Zero/ConstantPad{1,2,3}d,
each F.pad with its mode, its padding as a tuple, and PyTorch's extra_repr."""
from tensorsh.engine.typenames import own_method
from . import functional as F
from .c_functions import ntuple
from .module import Module


_SIZES = {1: 2, 2: 4, 3: 6}  # (_pair, _quadruple, _ntuple(6) of a padding)


class _PadNd(Module):
    __module__ = "torch.nn.modules.padding"
    __tsh_helper__ = True  # (a base of tensorsh's: `ReflectionPad1d.__mro__` leaves it out, as PyTorch's has none)
    __per_class__ = frozenset({"forward", "extra_repr"})  # (_ReflectionPadNd's, _ConstantPadNd's, ... in PyTorch)
    _mode = "constant"

    def forward(self, input):
        return F.pad(input, self.padding, self._mode)

    def extra_repr(self):
        return f"{self.padding}"


class _CircularPadNd(_PadNd):
    __module__ = "torch.nn.modules.padding"
    _mode = "circular"

    def forward(self, input):
        self._check_input_dim(input)
        return F.pad(input, self.padding, "circular")

    def _check_input_dim(self, input):
        k = self._dims
        if input.dim() != k + 1 and input.dim() != k + 2:
            raise F.value_error(f"expected {k + 1}D or {k + 2}D input (got {input.dim()}D input)")


class _ConstantPadNd(Module):
    __module__ = "torch.nn.modules.padding"
    __per_class__ = frozenset({"__init__"})  # (each subclass's own in PyTorch: errors name it)

    def __init__(self, padding, value):
        super().__init__()
        self.value = value
        self.padding = ntuple(padding, _SIZES[self._dims])

    def forward(self, input):
        return F.pad(input, self.padding, "constant", self.value)

    def extra_repr(self):
        return f"padding={self.padding}, value={self.value}"


def _padding_init(self, padding):
    Module.__init__(self)
    self.padding = ntuple(padding, _SIZES[self._dims])


def _zero_init(self, padding):
    _ConstantPadNd.__init__(self, padding, 0.0)


def _make(name, base, dims, **extra):
    body = {"__module__": "torch.nn.modules.padding", "_dims": dims, "__qualname__": name}
    if base is not _ConstantPadNd:
        body["__init__"] = _padding_init
    body.update(extra)
    for method in ("__init__", "extra_repr"):  # (each of PyTorch's defines its own: errors name it)
        if method in body:
            body[method] = own_method(body[method], name, method)
    return type(name, (base,), body)


_REFLECT = type("_ReflectionPadNd", (_PadNd,), {"_mode": "reflect", "__module__": "torch.nn.modules.padding"})
_REPLICATE = type("_ReplicationPadNd", (_PadNd,), {"_mode": "replicate", "__module__": "torch.nn.modules.padding"})

ReflectionPad1d, ReflectionPad2d, ReflectionPad3d = (_make(f"ReflectionPad{k}d", _REFLECT, k) for k in (1, 2, 3))
ReplicationPad1d, ReplicationPad2d, ReplicationPad3d = (_make(f"ReplicationPad{k}d", _REPLICATE, k) for k in (1, 2, 3))
CircularPad1d, CircularPad2d, CircularPad3d = (_make(f"CircularPad{k}d", _CircularPadNd, k) for k in (1, 2, 3))
ConstantPad1d, ConstantPad2d, ConstantPad3d = (_make(f"ConstantPad{k}d", _ConstantPadNd, k) for k in (1, 2, 3))
ZeroPad1d, ZeroPad2d, ZeroPad3d = (
    _make(f"ZeroPad{k}d", base, k, __init__=_zero_init, extra_repr=_PadNd.extra_repr)
    for k, base in ((1, ConstantPad1d), (2, ConstantPad2d), (3, ConstantPad3d)))

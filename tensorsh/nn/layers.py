"""Layers without normalisation or convolution: Identity, Linear, Bilinear, Flatten, Unflatten, Dropout,
Embedding and the activations — PyTorch's constructors, initialisation order, extra_repr and forward."""
import math

from tensorsh.engine import creation
from tensorsh.engine.errors import type_error, warn
from tensorsh.engine.torch_api import NAMESPACE
from . import functional as F, init
from .module import Module
from .parameter import Parameter


def _in(module_name):
    return "torch.nn.modules." + module_name


class Identity(Module):
    __module__ = _in("linear")

    def __init__(self, *args, **kwargs):
        super().__init__()

    def forward(self, input):
        return input


class Linear(Module):
    __module__ = _in("linear")

    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.weight = Parameter(NAMESPACE["empty"]((out_features, in_features), dtype=dtype))
        if bias:
            self.bias = Parameter(NAMESPACE["empty"](out_features, dtype=dtype))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in, _ = init._calculate_fan_in_and_fan_out(self.weight)
            bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
            init.uniform_(self.bias, -bound, bound)

    def forward(self, input):
        if type(self) is Linear:  # (no class of a program's between: `self.weight` can only end in _parameters, whose
            p = self._parameters  # names the instance's __dict__ never holds; read there without the failed lookup
            w, b = p.get("weight", p), p.get("bias", p)  # and __getattr__ Python makes first; p: not there)
            if w is not p and b is not p:
                return F.linear(input, w, b)
        return F.linear(input, self.weight, self.bias)

    def extra_repr(self):
        return f"in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}"


class Bilinear(Module):
    __module__ = _in("linear")

    def __init__(self, in1_features, in2_features, out_features, bias=True, device=None, dtype=None):
        super().__init__()
        self.in1_features = in1_features
        self.in2_features = in2_features
        self.out_features = out_features
        self.weight = Parameter(NAMESPACE["empty"]((out_features, in1_features, in2_features), dtype=dtype))
        if bias:
            self.bias = Parameter(NAMESPACE["empty"](out_features, dtype=dtype))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        bound = 1 / math.sqrt(self.weight.size(1))
        init.uniform_(self.weight, -bound, bound)
        if self.bias is not None:
            init.uniform_(self.bias, -bound, bound)

    def forward(self, input1, input2):
        return F.bilinear(input1, input2, self.weight, self.bias)

    def extra_repr(self):
        return (f"in1_features={self.in1_features}, in2_features={self.in2_features}, "
                f"out_features={self.out_features}, bias={self.bias is not None}")


class Flatten(Module):
    __module__ = _in("flatten")

    def __init__(self, start_dim=1, end_dim=-1):
        super().__init__()
        self.start_dim = start_dim
        self.end_dim = end_dim

    def forward(self, input):
        return input.flatten(self.start_dim, self.end_dim)

    def extra_repr(self):
        return f"start_dim={self.start_dim}, end_dim={self.end_dim}"


class Unflatten(Module):
    __module__ = _in("flatten")

    def __init__(self, dim, unflattened_size):
        super().__init__()
        if not isinstance(unflattened_size, (tuple, list)):  # (_require_tuple_int)
            raise type_error(f"unflattened_size must be a tuple of ints, but found type "
                             f"{type(unflattened_size).__name__}")
        for idx, elem in enumerate(unflattened_size):
            if not isinstance(elem, int):
                raise type_error("unflattened_size must be tuple of ints, but found element of type "
                                 f"{type(elem).__name__} at pos {idx}")
        self.dim = dim
        self.unflattened_size = unflattened_size

    def forward(self, input):
        return input.unflatten(self.dim, self.unflattened_size)

    def extra_repr(self):
        return f"dim={self.dim}, unflattened_size={self.unflattened_size}"


class _DropoutNd(Module):
    __module__ = _in("dropout")
    __per_class__ = frozenset({"forward"})  # (each subclass's own in PyTorch: errors name it)

    def __init__(self, p=0.5, inplace=False):
        super().__init__()
        if p < 0 or p > 1:
            raise F.value_error(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p = p
        self.inplace = inplace

    def extra_repr(self):
        return f"p={self.p}, inplace={self.inplace}"

    def forward(self, input):  # (Dropout, Dropout1d/2d/3d: the class's function of torch.nn.functional)
        return self._function(input, self.p, self.training, self.inplace)


class Dropout(_DropoutNd):
    __module__ = _in("dropout")
    _function = staticmethod(F.dropout)


class Dropout1d(_DropoutNd):
    __module__ = _in("dropout")
    _function = staticmethod(F.dropout1d)


class Dropout2d(_DropoutNd):
    __module__ = _in("dropout")
    _function = staticmethod(F.dropout2d)


class Dropout3d(_DropoutNd):
    __module__ = _in("dropout")
    _function = staticmethod(F.dropout3d)


class Embedding(Module):
    __module__ = _in("sparse")
    __class_api__ = frozenset({"from_pretrained"})
    __api__ = Module.__api__ | {"_fill_padding_idx_with_zero"}  # (custom inits call it after their own)

    def __init__(self, num_embeddings, embedding_dim, padding_idx=None, max_norm=None, norm_type=2.0,
                 scale_grad_by_freq=False, sparse=False, _weight=None, _freeze=False, device=None, dtype=None):
        super().__init__()
        self.num_embeddings = num_embeddings
        self.embedding_dim = embedding_dim
        if padding_idx is not None:
            if padding_idx > 0:
                if padding_idx >= self.num_embeddings:  # (torch's asserts, as plain raises: no rewriting)
                    raise AssertionError("Padding_idx must be within num_embeddings")
            elif padding_idx < 0:
                if padding_idx < -self.num_embeddings:
                    raise AssertionError("Padding_idx must be within num_embeddings")
                padding_idx = self.num_embeddings + padding_idx
        self.padding_idx = padding_idx
        self.max_norm = max_norm
        self.norm_type = norm_type
        self.scale_grad_by_freq = scale_grad_by_freq
        if _weight is None:
            self.weight = Parameter(NAMESPACE["empty"]((num_embeddings, embedding_dim), dtype=dtype),
                                    requires_grad=not _freeze)
            self.reset_parameters()
        else:
            if list(_weight.shape) != [num_embeddings, embedding_dim]:
                raise AssertionError("Shape of weight does not match num_embeddings and embedding_dim")
            self.weight = Parameter(_weight, requires_grad=not _freeze)
        self.sparse = sparse

    @classmethod
    def from_pretrained(cls, embeddings, freeze=True, padding_idx=None, max_norm=None, norm_type=2.0,
                        scale_grad_by_freq=False, sparse=False):
        if embeddings.dim() != 2:
            raise AssertionError("Embeddings parameter is expected to be 2-dimensional")
        rows, cols = embeddings.shape
        return cls(num_embeddings=rows, embedding_dim=cols, _weight=embeddings, _freeze=freeze,
                   padding_idx=padding_idx, max_norm=max_norm, norm_type=norm_type,
                   scale_grad_by_freq=scale_grad_by_freq, sparse=sparse)

    def reset_parameters(self):
        init.normal_(self.weight)
        self._fill_padding_idx_with_zero()

    def _fill_padding_idx_with_zero(self):
        if self.padding_idx is not None:
            from tensorsh.engine import autograd
            with autograd.no_grad():
                self.weight[self.padding_idx].fill_(0)

    def forward(self, input):
        return F.embedding(input, self.weight, self.padding_idx, self.max_norm, self.norm_type,
                           self.scale_grad_by_freq, self.sparse)

    def extra_repr(self):
        s = "{num_embeddings}, {embedding_dim}"
        if self.padding_idx is not None:
            s += ", padding_idx={padding_idx}"
        if self.max_norm is not None:
            s += ", max_norm={max_norm}"
        if self.norm_type != 2:
            s += ", norm_type={norm_type}"
        if self.scale_grad_by_freq is not False:
            s += ", scale_grad_by_freq={scale_grad_by_freq}"
        if self.sparse is not False:
            s += ", sparse=True"
        return s.format(**self.__dict__)


# ------------------------------------------------------------------ activations

def _inplace_str(inplace):
    return ", inplace=True" if inplace else ""


class _InplaceActivation(Module):
    """ReLU and SiLU: an `inplace` flag, shown only when set."""
    __module__ = _in("activation")
    __tsh_helper__ = True  # (a base of tensorsh's: `ReLU.__mro__` leaves it out, as PyTorch's has none)
    __per_class__ = frozenset({"__init__", "forward", "extra_repr"})  # (each subclass's own in PyTorch)

    def __init__(self, inplace=False):
        super().__init__()
        self.inplace = inplace

    def extra_repr(self):
        return "inplace=True" if self.inplace else ""

    def forward(self, input):  # (each class's function of torch.nn.functional)
        return self._function(input, self.inplace)


class ReLU(_InplaceActivation):
    __module__ = _in("activation")

    def forward(self, input):
        return F.relu(input, inplace=self.inplace)


class SELU(_InplaceActivation):
    __module__ = _in("activation")
    _function = staticmethod(F.selu)


class Mish(_InplaceActivation):
    __module__ = _in("activation")
    _function = staticmethod(F.mish)


class Hardswish(_InplaceActivation):
    __module__ = _in("activation")
    _function = staticmethod(F.hardswish)

    extra_repr = Module.extra_repr  # (PyTorch's shows no inplace flag: Module's)


class Hardsigmoid(_InplaceActivation):
    __module__ = _in("activation")
    _function = staticmethod(F.hardsigmoid)

    extra_repr = Module.extra_repr  # (PyTorch's shows no inplace flag: Module's)


class Threshold(Module):
    __module__ = _in("activation")

    def __init__(self, threshold, value, inplace=False):
        super().__init__()
        self.threshold = threshold
        self.value = value
        self.inplace = inplace

    def forward(self, input):
        return F.threshold(input, self.threshold, self.value, self.inplace)

    def extra_repr(self):
        return f"threshold={self.threshold}, value={self.value}{_inplace_str(self.inplace)}"


class _Shrink(Module):
    """Hardshrink and Softshrink: a threshold `lambd`, shown bare."""
    __module__ = _in("activation")
    __tsh_helper__ = True  # (a base of tensorsh's: `ReLU.__mro__` leaves it out, as PyTorch's has none)
    __per_class__ = frozenset({"__init__", "forward", "extra_repr"})  # (each subclass's own in PyTorch)

    def __init__(self, lambd=0.5):
        super().__init__()
        self.lambd = lambd

    def extra_repr(self):
        return str(self.lambd)

    def forward(self, input):
        return self._function(input, self.lambd)


class Hardshrink(_Shrink):
    __module__ = _in("activation")
    _function = staticmethod(F.hardshrink)


class Softshrink(_Shrink):
    __module__ = _in("activation")
    _function = staticmethod(F.softshrink)


class _Elementwise(Module):
    """LogSigmoid, Softsign, Tanhshrink: the class's function of torch.nn.functional, no arguments."""
    __module__ = _in("activation")
    __tsh_helper__ = True  # (a base of tensorsh's: `ReLU.__mro__` leaves it out, as PyTorch's has none)
    __per_class__ = frozenset({"forward"})  # (each subclass's own in PyTorch)

    def forward(self, input):
        return self._function(input)


class LogSigmoid(_Elementwise):
    __module__ = _in("activation")
    _function = staticmethod(F.logsigmoid)


class Softsign(_Elementwise):
    __module__ = _in("activation")
    _function = staticmethod(F.softsign)


class Tanhshrink(_Elementwise):
    __module__ = _in("activation")
    _function = staticmethod(F.tanhshrink)


class _AlongDim(Module):
    """GLU, Softmax, Softmin, LogSoftmax: the class's function of torch.nn.functional along `dim`."""
    __module__ = _in("activation")
    __tsh_helper__ = True  # (a base of tensorsh's: `ReLU.__mro__` leaves it out, as PyTorch's has none)
    __per_class__ = frozenset({"__init__", "forward", "extra_repr"})  # (each subclass's own in PyTorch)

    def __init__(self, dim=None):
        super().__init__()
        self.dim = dim

    def forward(self, input):
        return self._function(input, self.dim)

    def extra_repr(self):
        return f"dim={self.dim}"


class GLU(_AlongDim):
    __module__ = _in("activation")
    _function = staticmethod(F.glu)

    def __init__(self, dim=-1):
        super().__init__(dim)


class PReLU(Module):
    __module__ = _in("activation")

    def __init__(self, num_parameters=1, init=0.25, device=None, dtype=None):
        super().__init__()
        self.num_parameters = num_parameters
        self.init = init
        self.weight = Parameter(NAMESPACE["empty"](num_parameters, dtype=dtype))
        self.reset_parameters()

    def reset_parameters(self):
        init.constant_(self.weight, self.init)

    def forward(self, input):
        return F.prelu(input, self.weight)

    def extra_repr(self):
        return f"num_parameters={self.num_parameters}"


class LeakyReLU(Module):
    __module__ = _in("activation")

    def __init__(self, negative_slope=1e-2, inplace=False):
        super().__init__()
        self.negative_slope = negative_slope
        self.inplace = inplace

    def forward(self, input):
        return F.leaky_relu(input, self.negative_slope, self.inplace)

    def extra_repr(self):
        return f"negative_slope={self.negative_slope}{_inplace_str(self.inplace)}"


class _AlphaActivation(Module):
    """ELU and CELU: an alpha and an inplace flag."""
    __module__ = _in("activation")
    __tsh_helper__ = True  # (a base of tensorsh's: `ReLU.__mro__` leaves it out, as PyTorch's has none)
    __per_class__ = frozenset({"__init__", "forward", "extra_repr"})  # (each subclass's own in PyTorch)

    def __init__(self, alpha=1.0, inplace=False):
        super().__init__()
        self.alpha = alpha
        self.inplace = inplace

    def extra_repr(self):
        return f"alpha={self.alpha}{_inplace_str(self.inplace)}"


class ELU(_AlphaActivation):
    __module__ = _in("activation")

    def forward(self, input):
        return F.elu(input, self.alpha, self.inplace)


class CELU(_AlphaActivation):
    __module__ = _in("activation")

    def forward(self, input):
        return F.celu(input, self.alpha, self.inplace)


class GELU(Module):
    __module__ = _in("activation")

    def __init__(self, approximate="none"):
        super().__init__()
        self.approximate = approximate

    def forward(self, input):
        return F.gelu(input, approximate=self.approximate)

    def extra_repr(self):
        return f"approximate={repr(self.approximate)}"


class SiLU(_InplaceActivation):
    __module__ = _in("activation")
    _function = staticmethod(F.silu)


class Hardtanh(Module):
    __module__ = _in("activation")

    def __init__(self, min_val=-1.0, max_val=1.0, inplace=False, min_value=None, max_value=None):
        super().__init__()
        if min_value is not None:
            warn("keyword argument `min_value` is deprecated and renamed to `min_val`", "FutureWarning")
            min_val = min_value
        if max_value is not None:
            warn("keyword argument `max_value` is deprecated and renamed to `max_val`", "FutureWarning")
            max_val = max_value
        self.min_val = min_val
        self.max_val = max_val
        self.inplace = inplace
        if self.max_val <= self.min_val:
            raise AssertionError(f"max_val ({self.max_val}) must be greater than min_val ({self.min_val})")

    def forward(self, input):
        return F.hardtanh(input, self.min_val, self.max_val, self.inplace)

    def extra_repr(self):
        return f"min_val={self.min_val}, max_val={self.max_val}{_inplace_str(self.inplace)}"



class ReLU6(Hardtanh):
    __module__ = _in("activation")

    def __init__(self, inplace=False):
        super().__init__(0.0, 6.0, inplace)

    def extra_repr(self):
        return "inplace=True" if self.inplace else ""

class Softplus(Module):
    __module__ = _in("activation")

    def __init__(self, beta=1.0, threshold=20.0):
        super().__init__()
        self.beta = beta
        self.threshold = threshold

    def forward(self, input):
        return F.softplus(input, self.beta, self.threshold)

    def extra_repr(self):
        return f"beta={self.beta}, threshold={self.threshold}"


class Sigmoid(Module):
    __module__ = _in("activation")

    def forward(self, input):
        return NAMESPACE["sigmoid"](input)  # (torch.sigmoid(input), as PyTorch's Sigmoid)


class Tanh(Module):
    __module__ = _in("activation")

    def forward(self, input):
        return NAMESPACE["tanh"](input)


class Softmax(_AlongDim):
    __module__ = _in("activation")
    _function = staticmethod(F.softmax)


class Softmin(_AlongDim):
    __module__ = _in("activation")
    _function = staticmethod(F.softmin)


class LogSoftmax(_AlongDim):
    __module__ = _in("activation")
    _function = staticmethod(F.log_softmax)

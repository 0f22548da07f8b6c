"""Lazy modules (torch/nn/modules/lazy.py): UninitializedParameter / UninitializedBuffer until the first call, whose
input gives the shapes; then the parameters are materialized in place (the same objects, so an optimizer built
before keeps them), initialized with the full module's draws, and the module becomes its full class (LazyLinear ->
Linear). LazyLinear, LazyConv1d/2d/3d, LazyConvTranspose1d/2d/3d, LazyBatchNorm1d/2d/3d, LazyInstanceNorm1d/2d/3d."""
import types

from tensorsh.engine import creation, dtypes
from tensorsh.engine.errors import runtime, value_error
from tensorsh.engine.tensor import Tensor
from tensorsh.engine.typenames import own_method
from .conv import BatchNorm1d, BatchNorm2d, Conv1d, Conv2d, Conv3d, ConvTranspose1d, ConvTranspose2d, ConvTranspose3d
from .layers import Linear
from .more_layers import InstanceNorm1d, InstanceNorm2d
from .parameter import Parameter
from .volumetric import BatchNorm3d, InstanceNorm3d

_SHAPE = ("Can't access the shape of an uninitialized parameter or buffer. This error usually happens in "
          "`load_state_dict` when trying to load an uninitialized parameter into an initialized one. Call `forward` "
          "to initialize the parameters before accessing their attributes.")


# The methods UninitializedTensorMixin's __torch_function__ lets through (its _allowed_methods; detach for the lazy
# module's own state-dict saving, which keeps the parameter itself)
_ALLOWED = frozenset({"size", "copy_", "is_complex", "is_floating_point", "half", "float", "double", "char", "short",
                      "int", "long", "cuda", "cpu", "to", "get_device", "materialize", "detach", "share_memory_"})

_SAME_C_METHOD = {"nelement": "numel", "ndimension": "dim"}  # (TensorBase binds them to numel's and dim's C function)


class _Uninitialized:
    """What an uninitialized parameter or buffer refuses (its shape, any other method: PyTorch's
    __torch_function__) and how it becomes a full tensor."""
    __slots__ = ()

    def __getattribute__(self, name):
        value = object.__getattribute__(self, name)
        if name[:1] != "_" and name not in _ALLOWED and isinstance(value, types.MethodType):
            from tensorsh.engine.legacy_types import _descriptor
            name = _SAME_C_METHOD.get(name, name)
            raise value_error(f"Attempted to use an uninitialized parameter in {_descriptor(name)!r}. This error "
                              "happens when you are using a `LazyModule` or explicitly manipulating "
                              f"`torch.nn.parameter.{type(self).__name__}` objects. When using LazyModules Call "
                              "`forward` with a dummy batch to initialize the parameters before calling torch functions")
        return value

    def materialize(self, shape, device=None, dtype=None):
        self.data = creation.empty(shape, dtype=dtype or self.dtype)
        self.__class__ = self.cls_to_become

    @property
    def shape(self):
        raise runtime(_SHAPE)

    def share_memory_(self):
        raise runtime("Can't share memory on an uninitialized parameter or buffer. Call `forward` to initialize the "
                      "parameters before calling `module.share_memory()`.")

    def detach(self):  # (PyTorch lets detach through its __torch_function__: still uninitialized)
        return type(self)(False, None, self.dtype)

    def __repr__(self):
        return f"<{type(self).__name__}>"

    __str__ = __repr__

    def __deepcopy__(self, memo):
        if id(self) in memo:
            return memo[id(self)]
        result = type(self)(self.requires_grad, None, self.dtype)
        memo[id(self)] = result
        return result


class UninitializedParameter(_Uninitialized, Parameter):
    __slots__ = ()
    __module__ = "torch.nn.parameter"
    cls_to_become = Parameter

    def __new__(cls, requires_grad=True, device=None, dtype=None):
        p = Parameter.__new__(Parameter, creation.empty(0, dtype=dtype), requires_grad)
        p.__class__ = cls  # (made a Parameter first: an uninitialized one refuses requires_grad_)
        return p

    def __init__(self, requires_grad=True, device=None, dtype=None):
        pass


class UninitializedBuffer(_Uninitialized, Tensor):
    __slots__ = ()
    __module__ = "torch.nn.parameter"
    cls_to_become = Tensor

    def __new__(cls, requires_grad=False, device=None, dtype=None):
        t = creation.empty(0, dtype=dtype).requires_grad_(requires_grad)
        t.__class__ = cls
        return t

    def __init__(self, requires_grad=False, device=None, dtype=None):
        pass


def _uninitialized(value):
    return isinstance(value, _Uninitialized)


class LazyModuleMixin:
    __module__ = "torch.nn.modules.lazy"
    cls_to_become = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._initialize_hook = self.register_forward_pre_hook(self._infer_parameters, with_kwargs=True)

    def has_uninitialized_params(self):
        return any(_uninitialized(v) for v in list(self._parameters.values()) + list(self._buffers.values()))

    def initialize_parameters(self, *args, **kwargs):
        raise NotImplementedError(f"initialize_parameters is not implemented for {type(self).__name__}")

    def _infer_parameters(self, module, args, kwargs=None):
        module.initialize_parameters(*args, **(kwargs or {}))
        if module.has_uninitialized_params():
            raise runtime(f"module {type(self).__name__} has not been fully initialized")
        module._initialize_hook.remove()
        delattr(module, "_initialize_hook")
        if module.cls_to_become is not None:
            module.__class__ = module.cls_to_become


class LazyLinear(LazyModuleMixin, Linear):
    __module__ = "torch.nn.modules.linear"
    cls_to_become = Linear

    def __init__(self, out_features, bias=True, device=None, dtype=None):
        super().__init__(0, 0, False)
        self.weight = UninitializedParameter(dtype=dtype)
        self.out_features = out_features
        if bias:
            self.bias = UninitializedParameter(dtype=dtype)

    def reset_parameters(self):
        if not self.has_uninitialized_params() and self.in_features != 0:
            super().reset_parameters()

    def initialize_parameters(self, input):
        if self.has_uninitialized_params():
            from tensorsh.engine import autograd
            with autograd.no_grad():
                self.in_features = input.shape[-1]
                self.weight.materialize((self.out_features, self.in_features))
                if self.bias is not None:
                    self.bias.materialize((self.out_features,))
                self.reset_parameters()


class _LazyConvXdMixin(LazyModuleMixin):
    __module__ = "torch.nn.modules.conv"
    def reset_parameters(self):
        if not self.has_uninitialized_params() and self.in_channels != 0:
            super().reset_parameters()

    def initialize_parameters(self, input, *args, **kwargs):
        if self.has_uninitialized_params():
            self.in_channels = self._get_in_channels(input)
            if self.in_channels % self.groups != 0:
                raise value_error("in_channels must be divisible by groups")
            if self.transposed:
                self.weight.materialize((self.in_channels, self.out_channels // self.groups, *self.kernel_size))
            else:
                self.weight.materialize((self.out_channels, self.in_channels // self.groups, *self.kernel_size))
            if self.bias is not None:
                self.bias.materialize((self.out_channels,))
            self.reset_parameters()

    def _get_in_channels(self, input):
        batch = self._dims + 2
        if input.dim() not in (batch - 1, batch):
            raise runtime(f"Expected {batch - 1}D (unbatched) or {batch}D (batched) input to {type(self).__name__}, "
                          f"but got input of size: {input.shape}")
        return input.shape[1] if input.dim() == batch else input.shape[0]

    def _lazy_init(self, bias, dtype):
        self.weight = UninitializedParameter(dtype=dtype)
        if bias:
            self.bias = UninitializedParameter(dtype=dtype)


def _lazy_parameters(self, out_channels, bias, dtype):
    """A lazy convolution's parameters, uninitialized until its first call (the hook that infers them)."""
    self.weight = UninitializedParameter(dtype=dtype)
    self.out_channels = out_channels
    if bias:
        self.bias = UninitializedParameter(dtype=dtype)
    self._initialize_hook = self.register_forward_pre_hook(self._infer_parameters, with_kwargs=True)


def _lazy_class(name, full, __init__):
    return type(name, (_LazyConvXdMixin, full), {"__init__": own_method(__init__, name), "cls_to_become": full,
                                                 "__module__": "torch.nn.modules.conv"})


def _lazy_conv(name, full):
    def __init__(self, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True,
                 padding_mode="zeros", device=None, dtype=None):
        full.__init__(self, 0, 0, kernel_size, stride, padding, dilation, groups, False, padding_mode)
        _lazy_parameters(self, out_channels, bias, dtype)
    return _lazy_class(name, full, __init__)


def _lazy_conv_transpose(name, full):
    def __init__(self, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1, bias=True,
                 dilation=1, padding_mode="zeros", device=None, dtype=None):
        full.__init__(self, 0, 0, kernel_size, stride, padding, output_padding, groups, False, dilation, padding_mode)
        _lazy_parameters(self, out_channels, bias, dtype)
    return _lazy_class(name, full, __init__)


LazyConv1d = _lazy_conv("LazyConv1d", Conv1d)
LazyConv2d = _lazy_conv("LazyConv2d", Conv2d)
LazyConv3d = _lazy_conv("LazyConv3d", Conv3d)
LazyConvTranspose1d = _lazy_conv_transpose("LazyConvTranspose1d", ConvTranspose1d)
LazyConvTranspose2d = _lazy_conv_transpose("LazyConvTranspose2d", ConvTranspose2d)
LazyConvTranspose3d = _lazy_conv_transpose("LazyConvTranspose3d", ConvTranspose3d)


class _LazyNormBase(LazyModuleMixin):
    __module__ = "torch.nn.modules.batchnorm"
    def __init__(self, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True, device=None, dtype=None, *,
                 bias=True):
        super().__init__(0, eps, momentum, False, False, bias=False)
        self.affine = affine
        self.track_running_stats = track_running_stats
        if self.affine:
            self.weight = UninitializedParameter(dtype=dtype)
            if bias:
                self.bias = UninitializedParameter(dtype=dtype)
        if self.track_running_stats:
            self.running_mean = UninitializedBuffer(dtype=dtype)
            self.running_var = UninitializedBuffer(dtype=dtype)
            self.num_batches_tracked = creation.tensor(0, dtype=dtypes.int64)

    def reset_parameters(self):
        if not self.has_uninitialized_params() and self.num_features != 0:
            super().reset_parameters()

    def initialize_parameters(self, input):
        if self.has_uninitialized_params():
            self.num_features = input.shape[1]
            if self.affine:
                self.weight.materialize((self.num_features,))
                if self.bias is not None:
                    self.bias.materialize((self.num_features,))
            if self.track_running_stats:
                self.running_mean.materialize((self.num_features,))
                self.running_var.materialize((self.num_features,))
            self.reset_parameters()


def _lazy_norm(name, full, module):
    """PyTorch's Lazy<Norm> derives from the norm's base (_BatchNorm, _InstanceNorm), not the norm: isinstance(m,
    nn.BatchNorm1d) holds once it is materialized. It defines the norm's own input checks."""
    own = {k: v for k, v in vars(full).items() if k in ("_check_input_dim", "_no_batch_dim")}
    return type(name, (_LazyNormBase, full.__bases__[0]), {**own, "cls_to_become": full,
                                                            "__module__": "torch.nn.modules." + module})


LazyBatchNorm1d = _lazy_norm("LazyBatchNorm1d", BatchNorm1d, "batchnorm")
LazyBatchNorm2d = _lazy_norm("LazyBatchNorm2d", BatchNorm2d, "batchnorm")
LazyBatchNorm3d = _lazy_norm("LazyBatchNorm3d", BatchNorm3d, "batchnorm")
LazyInstanceNorm1d = _lazy_norm("LazyInstanceNorm1d", InstanceNorm1d, "instancenorm")
LazyInstanceNorm2d = _lazy_norm("LazyInstanceNorm2d", InstanceNorm2d, "instancenorm")
LazyInstanceNorm3d = _lazy_norm("LazyInstanceNorm3d", InstanceNorm3d, "instancenorm")

FUNCTIONAL = ()

"""RMSNorm (ATen's rms_norm composite: pow, mean, add_, rsqrt, mul — so its grad_fn chain is PyTorch's),
Softmax2d, PixelUnshuffle, ChannelShuffle, Fold and Unfold with their torch.nn.functional forms."""
from tensorsh.engine import dtypes
from tensorsh.engine.errors import runtime, value_error, warn_once
from tensorsh.engine.tensor import Tensor
from tensorsh.engine.torch_api import NAMESPACE
from . import functional as F, init
from .c_functions import C, ntuple
from .module import Module
from .parameter import Parameter
from tensorsh.engine import creation

channel_shuffle, pixel_unshuffle = NAMESPACE["channel_shuffle"], NAMESPACE["pixel_unshuffle"]  # (torch's: F binds them)


def _in(module_name):
    return "torch.nn.modules." + module_name


_EPSILON = {dtypes.float32: 1.1920928955078125e-07, dtypes.float64: 2.220446049250313e-16}


def rms_norm(input, normalized_shape, weight=None, eps=None):
    C.rms_norm(input, normalized_shape, weight, eps)
    normalized = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    nd = len(normalized)
    if input.dim() < nd:
        raise runtime(f"Input tensor must have at least {nd} dimensions, but got {input.dim()}")
    if tuple(input.shape[input.dim() - nd:]) != normalized:
        raise runtime(f"Given normalized_shape={list(normalized)}, expected input with shape [*"
                      f"{', '.join(map(str, normalized))}], but got input of size{list(input.shape)}")
    if weight is not None and tuple(weight.shape) != normalized:
        raise runtime(f"Expected weight to be of same shape as normalized_shape, but got weight of shape "
                      f"{list(weight.shape)} and normalized_shape = {list(normalized)}")
    if input.dtype.category < 2:  # (the composite's dispatch for eps: floating and complex types)
        raise creation.not_implemented_for("rms_norm", input.dtype)
    if weight is not None and weight.dtype is not input.dtype and input.dtype.category == 2:  # (the fused
        # kernel, for real floating inputs, gives way)
        warn_once(f"Mismatch dtype between input and weight: input dtype = {dtypes.C_NAMES[input.dtype.name]}, "
                  f"weight dtype = {dtypes.C_NAMES[weight.dtype.name]}, Cannot dispatch to fused implementation.",
                  key="rms_norm dtypes")
    upcast = input.float() if input.dtype in (dtypes.float16, dtypes.bfloat16) else input  # (in the op math type)
    if eps is None:
        eps = _EPSILON[dtypes.float64 if upcast.dtype in (dtypes.float64, dtypes.complex128) else dtypes.float32]
    dims = [input.dim() - i - 1 for i in range(nd)]
    rsqrt = F._add_scalar(upcast.pow(2).mean(dims, keepdim=True), eps).rsqrt()  # (ATen's add_(eps): add.Scalar)
    result = upcast.mul(rsqrt)
    return (result.mul(weight) if weight is not None else result).type_as(input)


class RMSNorm(Module):
    __module__ = _in("normalization")

    def __init__(self, normalized_shape, eps=None, elementwise_affine=True, device=None, dtype=None):
        super().__init__()
        if isinstance(normalized_shape, int):
            normalized_shape = (normalized_shape,)
        self.normalized_shape = tuple(normalized_shape)
        self.eps = eps
        self.elementwise_affine = elementwise_affine
        if self.elementwise_affine:
            self.weight = Parameter(NAMESPACE["empty"](self.normalized_shape, dtype=dtype))
        else:
            self.register_parameter("weight", None)
        self.reset_parameters()

    def reset_parameters(self):
        if self.elementwise_affine:
            init.ones_(self.weight)

    def forward(self, x):
        return rms_norm(x, self.normalized_shape, self.weight, self.eps)

    def extra_repr(self):
        return "{normalized_shape}, eps={eps}, elementwise_affine={elementwise_affine}".format(**self.__dict__)


class Softmax2d(Module):
    __module__ = _in("activation")

    def forward(self, input):
        if input.dim() not in (3, 4):
            raise value_error(f"Softmax2d: expected input to be 3D or 4D, got {input.dim()}D instead")
        return F.softmax(input, -3, _stacklevel=5)


class PixelUnshuffle(Module):
    __module__ = _in("pixelshuffle")

    def __init__(self, downscale_factor):
        super().__init__()
        self.downscale_factor = downscale_factor

    def forward(self, input):
        return pixel_unshuffle(input, self.downscale_factor)

    def extra_repr(self):
        return f"downscale_factor={self.downscale_factor}"


class ChannelShuffle(Module):
    __module__ = _in("channelshuffle")

    def __init__(self, groups):
        super().__init__()
        self.groups = groups

    def forward(self, input):
        return channel_shuffle(input, self.groups)

    def extra_repr(self):
        return f"groups={self.groups}"


FUNCTIONAL = ["rms_norm"]  # (F.pixel_unshuffle, F.channel_shuffle: torch's C functions, nn/__init__.py)


def _pair(x):
    return ntuple(x, 2)


def unfold(input, kernel_size, dilation=1, padding=0, stride=1):
    from tensorsh.engine.folding import im2col
    C.im2col(input, _pair(kernel_size), _pair(dilation), _pair(padding), _pair(stride))
    return im2col(input, kernel_size, dilation, padding, stride)


def fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1):
    from tensorsh.engine.folding import col2im
    C.col2im(input, _pair(output_size), _pair(kernel_size), _pair(dilation), _pair(padding), _pair(stride))
    return col2im(input, output_size, kernel_size, dilation, padding, stride)


class Fold(Module):
    __module__ = _in("fold")

    def __init__(self, output_size, kernel_size, dilation=1, padding=0, stride=1):
        super().__init__()
        self.output_size = output_size
        self.kernel_size = kernel_size
        self.dilation = dilation
        self.padding = padding
        self.stride = stride

    def forward(self, input):
        return fold(input, self.output_size, self.kernel_size, self.dilation, self.padding, self.stride)

    def extra_repr(self):
        return ("output_size={output_size}, kernel_size={kernel_size}, dilation={dilation}, padding={padding}, "
                "stride={stride}".format(**self.__dict__))


class Unfold(Module):
    __module__ = _in("fold")

    def __init__(self, kernel_size, dilation=1, padding=0, stride=1):
        super().__init__()
        self.kernel_size = kernel_size
        self.dilation = dilation
        self.padding = padding
        self.stride = stride

    def forward(self, input):
        return unfold(input, self.kernel_size, self.dilation, self.padding, self.stride)

    def extra_repr(self):
        return "kernel_size={kernel_size}, dilation={dilation}, padding={padding}, stride={stride}".format(
            **self.__dict__)


FUNCTIONAL = FUNCTIONAL + ["unfold", "fold"]

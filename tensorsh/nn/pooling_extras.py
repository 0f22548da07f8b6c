"""LPPool1d/2d/3d and LocalResponseNorm (torch/nn/functional.py's composites of the pools), CrossMapLRN2d (its
legacy custom Function), MaxUnpool1d/2d/3d
(engine/pooling.py's max_unpool2d/3d), UpsamplingNearest2d and UpsamplingBilinear2d with F.upsample /
F.upsample_nearest / F.upsample_bilinear (deprecated spellings of interpolate, with their warnings)."""
import math

from tensorsh.engine import pooling as _pool
from tensorsh.engine.errors import type_error, value_error, warn
from tensorsh.engine.function import Function
from tensorsh.engine.tensor import Tensor
from tensorsh.engine.typenames import own_method
from tensorsh.engine.torch_api import NAMESPACE
from . import functional as F
from .c_functions import C, boolean_dispatch, ntuple
from .module import Module
from .more_layers import Upsample, interpolate


def _in(module_name):
    return "torch.nn.modules." + module_name


def _lp_pool(dims):
    """F.lp_pool1d/2d/3d as torch/nn/functional.py writes them: the window's size read first (2-d and 3-d), the
    max pool of |x| for an infinite norm, else the average pool of x ** p (torch's two calls: without a stride,
    padding and ceil_mode by keyword) scaled by the window's size, its p-th root of a sign-kept relu."""
    def lp_pool(input, norm_type, kernel_size, stride=None, ceil_mode=False):
        if dims == 2:  # (torch's `kw, kh = _pair(kernel_size)`: Python's unpacking errors)
            kw, kh = ntuple(kernel_size, 2)
            sizes = (kw, kh)
        elif dims == 3:
            kd, kw, kh = ntuple(kernel_size, 3)
            sizes = (kd, kw, kh)
        else:
            sizes = (kernel_size,)
        max_pool, avg_pool = getattr(F, f"max_pool{dims}d"), getattr(F, f"avg_pool{dims}d")
        if isinstance(norm_type, (int, float)):
            if norm_type == float("inf"):
                return max_pool(input.abs(), kernel_size, stride, 0, 1, ceil_mode)
            if norm_type == -float("inf"):
                return -max_pool(-input.abs(), kernel_size, stride, 0, 1, ceil_mode)
        if stride is not None:
            out = avg_pool(input.pow(norm_type), kernel_size, stride, 0, ceil_mode)
        else:
            out = avg_pool(input.pow(norm_type), kernel_size, padding=0, ceil_mode=ceil_mode)
        return (out.sign() * F.relu(out.abs())).mul(math.prod(sizes)).pow(1.0 / norm_type)
    lp_pool.__name__ = lp_pool.__qualname__ = f"lp_pool{dims}d"
    return lp_pool


lp_pool1d, lp_pool2d, lp_pool3d = _lp_pool(1), _lp_pool(2), _lp_pool(3)


class _LPPoolNd(Module):
    __module__ = "torch.nn.modules.pooling"
    def __init__(self, norm_type, kernel_size, stride=None, ceil_mode=False):
        super().__init__()
        self.norm_type = norm_type
        self.kernel_size = kernel_size
        self.stride = stride
        self.ceil_mode = ceil_mode

    def extra_repr(self):
        return "norm_type={norm_type}, kernel_size={kernel_size}, stride={stride}, ceil_mode={ceil_mode}".format(
            **self.__dict__)


class LPPool1d(_LPPoolNd):
    __module__ = _in("pooling")

    def forward(self, input):
        return lp_pool1d(input, float(self.norm_type), self.kernel_size, self.stride, self.ceil_mode)


class LPPool2d(_LPPoolNd):
    __module__ = _in("pooling")

    def forward(self, input):
        return lp_pool2d(input, float(self.norm_type), self.kernel_size, self.stride, self.ceil_mode)


class LPPool3d(_LPPoolNd):
    __module__ = _in("pooling")

    def forward(self, input):
        return lp_pool3d(input, float(self.norm_type), self.kernel_size, self.stride, self.ceil_mode)


def local_response_norm(input, size, alpha=1e-4, beta=0.75, k=1.0):
    dim = input.dim()
    if dim < 3:
        raise value_error(f"Expected 3D or higher dimensionality                          input (got {dim} dimensions)")
    if input.numel() == 0:
        return input
    div = input.mul(input)
    if dim == 3:
        div = div.unsqueeze(1)
        div = F.pad(div, (0, 0, size // 2, (size - 1) // 2))
        div = F.avg_pool2d(div, (size, 1), stride=1).squeeze(1)
    else:
        sizes = input.size()
        div = div.view(sizes[0], 1, sizes[1], sizes[2], -1)
        div = F.pad(div, (0, 0, 0, 0, size // 2, (size - 1) // 2))
        div = F.avg_pool3d(div, (size, 1, 1), stride=1).squeeze(1)
        div = div.view(sizes)
    div = div.mul(alpha).add(k).pow(beta)
    return input / div


class LocalResponseNorm(Module):
    __module__ = _in("normalization")

    def __init__(self, size, alpha=1e-4, beta=0.75, k=1.0):
        Module.__init__(self)  # (CrossMapLRN2d's too)
        self.size = size
        self.alpha = alpha
        self.beta = beta
        self.k = k

    def forward(self, input):
        return local_response_norm(input, self.size, self.alpha, self.beta, self.k)

    def extra_repr(self):
        return "{size}, alpha={alpha}, beta={beta}, k={k}".format(**self.__dict__)


def _cross_map_lrn2d():
    """torch.nn.modules._functions.CrossMapLRN2d, step for step: each channel's window sum of squares is the
    previous channel's with the next square added and (past `pre_pad`, as PyTorch's loop has it) the one behind
    subtracted; the backward walks each sample's channels with a running sum of grad * output / scale."""
    class CrossMapLRN2d(Function):
        @staticmethod
        def forward(ctx, input, size, alpha=1e-4, beta=0.75, k=1):
            ctx.size, ctx.alpha, ctx.beta, ctx.k = size, alpha, beta, k
            if input.dim() != 4:
                raise value_error(f"CrossMapLRN2d: Expected input to be 4D, got {input.dim()}D instead.")
            channels = input.size(1)
            input_square = input.pow(2)
            scale = ctx.scale = input.new_zeros(input.shape)
            pre_pad = int((size - 1) / 2 + 1)
            for c in range(min(pre_pad, channels)):
                scale.select(1, 0).add_(input_square.select(1, c))
            for c in range(1, channels):
                current = scale.select(1, c)
                current.copy_(scale.select(1, c - 1))
                if c < channels - pre_pad + 1:
                    current.add_(input_square.select(1, c + pre_pad - 1), alpha=1)
                if c > pre_pad:
                    current.add_(input_square.select(1, c - pre_pad), alpha=-1)
            scale.mul_(alpha / size).add_(k)
            output = scale.pow(-beta).mul_(input)
            ctx.save_for_backward(input, output)
            return output

        @staticmethod
        def backward(ctx, grad_output):
            input, output = ctx.saved_tensors
            batch_size, channels, input_height, input_width = input.shape
            padded_ratio = input.new_zeros((channels + ctx.size - 1, input_height, input_width))
            cache_ratio_value = 2 * ctx.alpha * ctx.beta / ctx.size
            inverse_pre_pad = int(ctx.size - (ctx.size - 1) / 2)
            grad_input = ctx.scale.pow(-ctx.beta).mul_(grad_output)
            padded_ratio_center = padded_ratio.narrow(0, inverse_pre_pad, channels)
            for n in range(batch_size):
                padded_ratio_center.copy_(grad_output[n].mul(output[n])).div_(ctx.scale[n])
                accum_ratio = padded_ratio.narrow(0, 0, ctx.size - 1).sum(0)
                for c in range(channels):
                    accum_ratio.add_(padded_ratio[c + ctx.size - 1])
                    grad_input[n][c].addcmul_(input[n][c], accum_ratio, value=-cache_ratio_value)
                    accum_ratio.add_(padded_ratio[c], alpha=-1)
            return grad_input, None, None, None, None
    CrossMapLRN2d.__module__ = "torch.nn.modules._functions"
    return CrossMapLRN2d


_CrossMapLRN2dFunction = _cross_map_lrn2d()


class CrossMapLRN2d(Module):
    __module__ = _in("normalization")

    def __init__(self, size, alpha=1e-4, beta=0.75, k=1):
        LocalResponseNorm.__init__(self, size, alpha, beta, k)

    def forward(self, input):
        return _CrossMapLRN2dFunction.apply(input, self.size, self.alpha, self.beta, self.k)

    extra_repr = own_method(LocalResponseNorm.extra_repr, "CrossMapLRN2d", "extra_repr")


def _unpool_output_size(input, kernel_size, stride, padding, output_size):
    input_size = input.size()
    default_size = [(input_size[-len(kernel_size) + d] - 1) * stride[d] + kernel_size[d] - 2 * padding[d]
                    for d in range(len(kernel_size))]
    if output_size is None:
        ret = default_size
    else:
        if len(output_size) == len(kernel_size) + 2:
            output_size = output_size[2:]
        if len(output_size) != len(kernel_size):
            raise value_error(f"output_size should be a sequence containing {len(kernel_size)} or "
                              f"{len(kernel_size) + 2} elements, but it has a length of '{len(output_size)}'")
        for d in range(len(kernel_size)):
            min_size = default_size[d] - stride[d]
            max_size = default_size[d] + stride[d]
            if not (min_size < output_size[d] < max_size):
                raise value_error(f'invalid output_size "{output_size}" (dim {d} must be between {min_size} and '
                                  f"{max_size})")
        ret = output_size
    for d in range(len(kernel_size)):  # (_check_unpool_output_size: torch._check_value, which takes bools only)
        cond = ret[d] >= 0
        if isinstance(cond, Tensor):
            raise type_error("cond must be a bool, but got a Tensor. For tensor conditions, use "
                             "torch._check_tensor_all() to assert that all elements are true.")
        if not isinstance(cond, bool):
            raise type_error(f"cond must be a bool, but got {type(cond)}")
        if not cond:
            raise value_error(f"max_unpooling: output_size must contain non-negative spatial dimensions, but got "
                              f"output_size[{d}]={ret[d]}")
    return ret


def max_unpool1d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    kernel_size = ntuple(kernel_size, 1)
    stride = ntuple(stride, 1) if stride is not None else kernel_size
    padding = ntuple(padding, 1)
    output_size = list(_unpool_output_size(input, kernel_size, stride, padding, output_size)) + [1]
    return _pool.max_unpool2d(input.unsqueeze(-1), indices.unsqueeze(-1), output_size).squeeze(-1)


def max_unpool2d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    kernel_size = ntuple(kernel_size, 2)
    stride = ntuple(stride, 2) if stride is not None else kernel_size
    padding = ntuple(padding, 2)
    output_size = _unpool_output_size(input, kernel_size, stride, padding, output_size)
    C.max_unpool2d(input, indices, output_size)
    return _pool.max_unpool2d(input, indices, output_size)


def max_unpool3d(input, indices, kernel_size, stride=None, padding=0, output_size=None):
    kernel_size = ntuple(kernel_size, 3)
    stride = ntuple(stride, 3) if stride is not None else kernel_size
    padding = ntuple(padding, 3)
    output_size = _unpool_output_size(input, kernel_size, stride, padding, output_size)
    C.max_unpool3d(input, indices, output_size, stride, padding)
    return _pool.max_unpool3d(input, indices, output_size, stride, padding)


def _fractional_max_pool(dims):
    """F.fractional_max_pool2d/3d(_with_indices) as torch/nn/functional.py writes them: the output size from the
    ratio (of the input's last sizes; the 2-d one refuses a longer ratio), one uniform sample per spatial dim and
    plane drawn when none are given, then torch._C._nn.fractional_max_pool<dims>d."""
    name = f"fractional_max_pool{dims}d"

    def with_indices(input, kernel_size, output_size=None, output_ratio=None, return_indices=False,
                     _random_samples=None):
        if output_size is None and output_ratio is None:
            raise value_error(f"{name} requires specifying either an output_size or an output_ratio")
        if output_size is None:
            if dims == 2 and len(output_ratio) > 2:
                raise value_error(f"{name} requires output_ratio to either be a single Int or tuple of Ints.")
            ratio = ntuple(output_ratio, dims)
            output_size = [int(input.size(d - dims) * ratio[d]) for d in range(dims)]
        if _random_samples is None:
            n_batch = 1 if input.dim() == dims + 1 else input.size(0)
            _random_samples = NAMESPACE["rand"](n_batch, input.size(-dims - 1), dims, dtype=input.dtype)
        getattr(C, name)(input, kernel_size, output_size, _random_samples)
        return getattr(_pool, name)(input, ntuple(kernel_size, dims), ntuple(output_size, dims), _random_samples)

    def without(input, kernel_size, output_size=None, output_ratio=None, return_indices=False, _random_samples=None):
        return with_indices(input, kernel_size, output_size, output_ratio, return_indices, _random_samples)[0]
    with_indices.__name__ = with_indices.__qualname__ = name + "_with_indices"
    without.__name__ = without.__qualname__ = "_" + name
    return with_indices, boolean_dispatch("return_indices", 4, False, with_indices, without, name)


fractional_max_pool2d_with_indices, fractional_max_pool2d = _fractional_max_pool(2)
fractional_max_pool3d_with_indices, fractional_max_pool3d = _fractional_max_pool(3)


class _FractionalMaxPoolNd(Module):
    __module__ = _in("pooling")
    __tsh_helper__ = True  # (a base of tensorsh's: PyTorch's two classes have none)
    __per_class__ = frozenset({"__init__", "forward"})  # (each subclass's own in PyTorch: errors name it)

    def __init__(self, kernel_size, output_size=None, output_ratio=None, return_indices=False, _random_samples=None):
        super().__init__()
        dims = self._dims
        if dims == 3 and (isinstance(kernel_size, int) and kernel_size <= 0 or isinstance(kernel_size, (tuple, list))
                          and not all(k > 0 for k in kernel_size)):
            raise value_error(f"kernel_size must be greater than 0, but got {kernel_size}")
        self.kernel_size = ntuple(kernel_size, dims)
        self.return_indices = return_indices
        self.register_buffer("_random_samples", _random_samples)
        self.output_size = ntuple(output_size, dims) if output_size is not None else None
        self.output_ratio = ntuple(output_ratio, dims) if output_ratio is not None else None
        if output_size is None and output_ratio is None:
            raise value_error(f"{type(self).__name__} requires specifying either an output size, or a pooling ratio")
        if output_size is not None and output_ratio is not None:
            raise value_error("only one of output_size and output_ratio may be specified")
        if self.output_ratio is not None and not all(0 < r < 1 for r in self.output_ratio[:dims]):
            raise value_error(f"output_ratio must be between 0 and 1 (got {output_ratio})")

    def forward(self, input):
        pool = fractional_max_pool2d if self._dims == 2 else fractional_max_pool3d
        return pool(input, self.kernel_size, self.output_size, self.output_ratio, self.return_indices,
                    _random_samples=self._random_samples)


class FractionalMaxPool2d(_FractionalMaxPoolNd):
    __module__ = _in("pooling")
    _dims = 2


class FractionalMaxPool3d(_FractionalMaxPoolNd):
    __module__ = _in("pooling")
    _dims = 3


class _MaxUnpoolNd(Module):
    __module__ = "torch.nn.modules.pooling"
    _dims = 2
    __per_class__ = frozenset({"__init__", "forward"})  # (each subclass's own in PyTorch: errors name it)

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__()
        self.kernel_size = ntuple(kernel_size, self._dims)
        self.stride = ntuple(stride if stride is not None else kernel_size, self._dims)
        self.padding = ntuple(padding, self._dims)

    def extra_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class MaxUnpool1d(_MaxUnpoolNd):
    __module__ = _in("pooling")
    _dims = 1

    def forward(self, input, indices, output_size=None):
        return max_unpool1d(input, indices, self.kernel_size, self.stride, self.padding, output_size)


class MaxUnpool2d(_MaxUnpoolNd):
    __module__ = _in("pooling")

    def forward(self, input, indices, output_size=None):
        return max_unpool2d(input, indices, self.kernel_size, self.stride, self.padding, output_size)


class MaxUnpool3d(_MaxUnpoolNd):
    __module__ = _in("pooling")
    _dims = 3

    def forward(self, input, indices, output_size=None):
        return max_unpool3d(input, indices, self.kernel_size, self.stride, self.padding, output_size)


class UpsamplingNearest2d(Upsample):
    __module__ = _in("upsampling")

    def __init__(self, size=None, scale_factor=None):
        super().__init__(size, scale_factor, mode="nearest")


class UpsamplingBilinear2d(Upsample):
    __module__ = _in("upsampling")

    def __init__(self, size=None, scale_factor=None):
        super().__init__(size, scale_factor, mode="bilinear", align_corners=True)


def upsample(input, size=None, scale_factor=None, mode="nearest", align_corners=None):
    warn("`nn.functional.upsample` is deprecated. Use `nn.functional.interpolate` instead.")
    return interpolate(input, size, scale_factor, mode, align_corners)


def upsample_nearest(input, size=None, scale_factor=None):
    warn("`nn.functional.upsample_nearest` is deprecated. Use `nn.functional.interpolate` instead.")
    return interpolate(input, size, scale_factor, mode="nearest")


def upsample_bilinear(input, size=None, scale_factor=None):
    warn("`nn.functional.upsample_bilinear` is deprecated. Use `nn.functional.interpolate` instead.")
    return interpolate(input, size, scale_factor, mode="bilinear", align_corners=True)


FUNCTIONAL = ("lp_pool1d lp_pool2d lp_pool3d local_response_norm max_unpool1d max_unpool2d max_unpool3d "
              "fractional_max_pool2d fractional_max_pool2d_with_indices fractional_max_pool3d "
              "fractional_max_pool3d_with_indices upsample upsample_nearest "
              "upsample_bilinear").split()

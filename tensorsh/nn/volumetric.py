"""The 3-d (volumetric) layers: BatchNorm3d, InstanceNorm3d (the engine's N-d normalization kernels), MaxPool3d,
AvgPool3d, AdaptiveAvgPool3d, AdaptiveMaxPool3d (engine/pooling.py; their torch.nn.functional forms are functional.py's)."""
from tensorsh.engine import pooling as _pool
from tensorsh.engine.errors import value_error
from .conv import _AvgPoolNd, _BatchNorm, _MaxPoolNd, _AdaptiveAvgPoolNd
from . import functional as F
from .more_layers import _AdaptiveMaxPoolNd, _InstanceNorm


def _in(module_name):
    return "torch.nn.modules." + module_name


class BatchNorm3d(_BatchNorm):
    __module__ = _in("batchnorm")

    def _check_input_dim(self, input):
        if input.dim() != 5:
            raise value_error(f"expected 5D input (got {input.dim()}D input)")


class InstanceNorm3d(_InstanceNorm):
    __module__ = _in("instancenorm")
    _no_batch_dim = 4

    def _check_input_dim(self, input):
        if input.dim() not in (4, 5):
            raise value_error(f"expected 4D or 5D input (got {input.dim()}D input)")


def max_pool3d_impl(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    return _pool.max_pool3d(input, kernel_size, stride, padding, dilation, ceil_mode, return_indices)


def adaptive_max_pool3d_impl(input, output_size, return_indices=False):
    size = F._list_with_default(output_size, input.size())
    out, idx = _pool.adaptive_max_pool3d(input, (size,) * 3 if isinstance(size, int) else tuple(size))
    return (out, idx) if return_indices else out


class MaxPool3d(_MaxPoolNd):
    __module__ = _in("pooling")

    def forward(self, input):
        return F.max_pool3d(input, self.kernel_size, self.stride, self.padding, self.dilation, ceil_mode=self.ceil_mode,
                          return_indices=self.return_indices)


class AvgPool3d(_AvgPoolNd):
    __module__ = _in("pooling")

    def forward(self, input):
        return F.avg_pool3d(input, self.kernel_size, self.stride, self.padding, self.ceil_mode, self.count_include_pad,
                          self.divisor_override)


class AdaptiveAvgPool3d(_AdaptiveAvgPoolNd):
    __module__ = _in("pooling")

    def forward(self, input):
        return F.adaptive_avg_pool3d(input, self.output_size)


class AdaptiveMaxPool3d(_AdaptiveMaxPoolNd):
    __module__ = _in("pooling")

    def forward(self, input):
        return F.adaptive_max_pool3d(input, self.output_size, self.return_indices)


FUNCTIONAL = ()  # (the 3-d poolings of torch.nn.functional are functional.py's, beside the 1-d and 2-d ones)

"""The 3-d (volumetric) layers: BatchNorm3d, InstanceNorm3d (the engine's N-d normalization kernels), MaxPool3d,
AvgPool3d, AdaptiveAvgPool3d, AdaptiveMaxPool3d (engine/pooling.py) with their torch.nn.functional forms, and
F.max_pool{1,2,3}d_with_indices / adaptive_max_pool{1,2,3}d_with_indices."""
from tensorsh.engine import pooling as _pool
from tensorsh.engine.errors import value_error
from .conv import AvgPool2d, _BatchNorm, _MaxPoolNd, _AdaptiveAvgPoolNd
from .functional import adaptive_output_size, max_pool2d
from .more_layers import _AdaptiveMaxPoolNd, _InstanceNorm, adaptive_max_pool1d, adaptive_max_pool2d, max_pool1d


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


def max_pool3d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    return _pool.max_pool3d(input, kernel_size, stride, padding, dilation, ceil_mode, return_indices)


def avg_pool3d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=None):
    return _pool.avg_pool3d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)


def adaptive_avg_pool3d(input, output_size):
    return _pool.adaptive_avg_pool3d(input, adaptive_output_size(output_size, input, 3, "adaptive_avg_pool3d: "
                                                                                        "output_size must be 3"))


def adaptive_max_pool3d(input, output_size, return_indices=False):
    out, idx = _pool.adaptive_max_pool3d(input, adaptive_output_size(
        output_size, input, 3, "adaptive_max_pool3d(): internal error: output_size.size() must be 3"))
    return (out, idx) if return_indices else out


def max_pool1d_with_indices(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                            return_indices=False):
    return max_pool1d(input, kernel_size, stride, padding, dilation, ceil_mode, True)


def max_pool2d_with_indices(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                            return_indices=False):
    return max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode, True)


def max_pool3d_with_indices(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                            return_indices=False):
    return max_pool3d(input, kernel_size, stride, padding, dilation, ceil_mode, True)


def adaptive_max_pool1d_with_indices(input, output_size, return_indices=False):
    return adaptive_max_pool1d(input, output_size, True)


def adaptive_max_pool2d_with_indices(input, output_size, return_indices=False):
    return adaptive_max_pool2d(input, output_size, True)


def adaptive_max_pool3d_with_indices(input, output_size, return_indices=False):
    return adaptive_max_pool3d(input, output_size, True)


class MaxPool3d(_MaxPoolNd):
    __module__ = _in("pooling")

    def forward(self, input):
        return max_pool3d(input, self.kernel_size, self.stride, self.padding, self.dilation, ceil_mode=self.ceil_mode,
                          return_indices=self.return_indices)


class AvgPool3d(AvgPool2d):
    __module__ = _in("pooling")

    def forward(self, input):
        return avg_pool3d(input, self.kernel_size, self.stride, self.padding, self.ceil_mode, self.count_include_pad,
                          self.divisor_override)


class AdaptiveAvgPool3d(_AdaptiveAvgPoolNd):
    __module__ = _in("pooling")

    def forward(self, input):
        return adaptive_avg_pool3d(input, self.output_size)


class AdaptiveMaxPool3d(_AdaptiveMaxPoolNd):
    __module__ = _in("pooling")

    def forward(self, input):
        return adaptive_max_pool3d(input, self.output_size, self.return_indices)


FUNCTIONAL = ("max_pool3d avg_pool3d adaptive_avg_pool3d adaptive_max_pool3d max_pool1d_with_indices "
              "max_pool2d_with_indices max_pool3d_with_indices adaptive_max_pool1d_with_indices "
              "adaptive_max_pool2d_with_indices adaptive_max_pool3d_with_indices").split()

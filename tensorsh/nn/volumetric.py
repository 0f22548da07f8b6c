"""The 3-d (volumetric) layers: BatchNorm3d and InstanceNorm3d over the engine's N-d normalization kernels."""
from tensorsh.engine.errors import value_error
from .conv import _BatchNorm
from .more_layers import _InstanceNorm


class BatchNorm3d(_BatchNorm):
    __module__ = "torch.nn.modules.batchnorm"

    def _check_input_dim(self, input):
        if input.dim() != 5:
            raise value_error(f"expected 5D input (got {input.dim()}D input)")


class InstanceNorm3d(_InstanceNorm):
    __module__ = "torch.nn.modules.instancenorm"
    _no_batch_dim = 4

    def _check_input_dim(self, input):
        if input.dim() not in (4, 5):
            raise value_error(f"expected 4D or 5D input (got {input.dim()}D input)")


FUNCTIONAL = ()

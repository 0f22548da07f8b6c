"""The Tensor a program sees: tensorimpl's data with every op installed on it, whatever imports it first."""
from .tensorimpl import (CPU, IN_CUSTOM_FUNCTION, IN_INFERENCE_MODE, Device, Size, Tensor, ViewInfo,  # noqa: F401
                         _contiguous_strides, _shape_list, no_grad_view_origin)
from . import functions, fused, interop, noise, ordering, pointwise, selection, strided  # noqa: F401 (they install ops)

"""The Tensor a program sees: tensorimpl's data with every op of the registry installed on it (so importing this
module, or anything that imports it, gives the whole Tensor, whatever was imported first)."""
from .tensorimpl import (CPU, IN_CUSTOM_FUNCTION, IN_INFERENCE_MODE, IN_MULTI_OUTPUT, Device, Size, Tensor, ViewInfo,  # noqa: F401
                         _contiguous_strides, _shape_list, no_grad_view_origin)
from .ops import copies, joining, unary, comparison, binary, reductions, views, linalg, indexing, softmax  # noqa: F401 (their rows)
from .ops import constructors, predicates  # noqa: F401 (their rows)
from .ops import lazy, registry  # noqa: F401 (lazy: the rows of ops loaded on first use)

# what the language may read on a tensor besides the rows' methods: Tensor's own properties and methods
ATTRIBUTES = {
    "shape", "size", "dim", "ndim", "ndimension", "numel", "nelement", "stride", "storage_offset",
    "element_size", "itemsize", "nbytes", "untyped_storage", "data_ptr", "const_data_ptr", "device",
    "is_cuda", "is_floating_point", "is_signed",
    "is_contiguous", "is_complex", "is_conj", "is_neg", "is_sparse", "is_quantized", "is_meta", "is_mkldnn",
    "is_nested",
    "_version", "_base", "_is_view", "grad_fn", "requires_grad", "requires_grad_", "is_leaf", "output_nr",
    "grad", "grad_dtype", "retains_grad", "retain_grad", "register_hook", "register_post_accumulate_grad_hook", "detach",
    "detach_", "data", "backward", "item", "tolist", "dtype", "random_", "storage", "is_inference", "_is_zerotensor",
}
registry.install(Tensor, ATTRIBUTES)
Tensor.__settable__ = frozenset({"grad", "requires_grad", "data", "grad_dtype", "real", "imag"})  # what a program may assign
# TensorBase's attributes without a setter in PyTorch ("attribute 'shape' of 'torch._C.TensorBase' objects is not
# writable" on assignment or del); any other name a program sets is its own, kept in the tensor's __dict__
Tensor.__readonly__ = frozenset({
    "H", "T", "mH", "mT", "_base", "_cdata", "_has_symbolic_sizes_strides", "_python_dispatch", "_version", "device",
    "dtype", "grad_fn", "is_cpu", "is_cuda", "is_ipu", "is_leaf", "is_maia", "is_meta", "is_mkldnn", "is_mps", "is_mtia",
    "is_nested", "is_quantized", "is_sparse", "is_sparse_csr", "is_vulkan", "is_xla", "is_xpu", "itemsize", "layout",
    "name", "nbytes", "ndim", "output_nr", "retains_grad", "shape"})
Tensor.__array_priority__ = 1000  # (numpy's operators defer to a tensor's reflected ones, as to PyTorch's)

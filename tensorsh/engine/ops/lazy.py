"""The rows of ops whose modules load on first use (selection, pointwise, ordering, strided, fused, interop and
the engine ops under torch.nn): start-up stays short, and a program that never calls them never imports them."""
from ..errors import type_error
from .core import Tensor, type_name
from .registry import Lazy, op

# masks, gathers and scatters, clamp_min/max, flips, repeats, triangles, amax/amin (selection.py)
op("masked_fill", Lazy("selection", "masked_fill"), function=True, edges=True)
op("masked_fill_", Lazy("selection", "masked_fill_inplace"), edges=True)
op("masked_select", Lazy("selection", "masked_select"), function=True, edges=True)
op("masked_scatter", Lazy("selection", "masked_scatter"), edges=True)
op("clamp_min", Lazy("selection", "clamp_min"), function=True, edges=True)
op("clamp_min_", Lazy("selection", "clamp_min_inplace"), edges=True)
op("clamp_max", Lazy("selection", "clamp_max"), function=True, edges=True)
op("clamp_max_", Lazy("selection", "clamp_max_inplace"), edges=True)
op("flip", Lazy("selection", "flip"), function=True, edges=True)
op("roll", Lazy("selection", "roll"), function=True, edges=True)
op("repeat", Lazy("selection", "repeat"), edges=True)
op("tril", Lazy("selection", "tril"), function=True, edges=True)
op("tril_", Lazy("selection", "tril_inplace"), edges=True)
op("triu", Lazy("selection", "triu"), function=True, edges=True)
op("triu_", Lazy("selection", "triu_inplace"), edges=True)
op("gather", Lazy("selection", "gather"), function=True, edges=True)
op("scatter_add", Lazy("selection", "scatter_add"), function=True, edges=True)
op("index_select", Lazy("selection", "index_select"), function=True, edges=True)
op("index_add", Lazy("selection", "index_add"), function=True, edges=True)
op("amax", Lazy("selection", "amax"), function=True, edges=True)
op("amin", Lazy("selection", "amin"), function=True, edges=True)
op("cpu", Lazy("selection", "cpu"), edges=True)
op("type_as", Lazy("selection", "type_as"), edges=True)
op("outer", Lazy("selection", "outer"), aliases=("ger",), function=True, edges=True)
op("swapaxes", Lazy("selection", "swapaxes"), aliases=("swapdims",), function=True, edges=True)
op("unflatten", Lazy("pyapi", "unflatten"), function=True, edges=True)
op("tile", Lazy("selection", "tile"), function=True, edges=True)
op("diag", Lazy("selection", "diag"), function=True, edges=True)
op("index_fill", Lazy("selection", "index_fill"), function=True, edges=True)
op("index_fill_", Lazy("selection", "index_fill_inplace"), edges=True)
op("index_copy", Lazy("selection", "index_copy"), function=True, edges=True)
op("index_copy_", Lazy("selection", "index_copy_inplace"), edges=True)
op("scatter", Lazy("selection", "scatter"), function=True, edges=True)
op("scatter_", Lazy("selection", "scatter_inplace"), edges=True)

# more elementwise ops (pointwise.py)
op("atan2", Lazy("pointwise", "atan2"), aliases=("arctan2",), function=True, edges=True)
op("fmod", Lazy("pointwise", "fmod"), function=True, edges=True)
op("isinf", Lazy("pointwise", "isinf"), function=True, edges=True)
op("isfinite", Lazy("pointwise", "isfinite"), function=True, edges=True)
op("isposinf", Lazy("pointwise", "isposinf"), function=True, edges=True)
op("isneginf", Lazy("pointwise", "isneginf"), function=True, edges=True)
op("logical_xor", Lazy("pointwise", "logical_xor"), function=True, edges=True)
op("hypot", Lazy("pointwise", "hypot"), function=True, edges=True)
op("xlogy", Lazy("pointwise", "xlogy"), function=Lazy("pointwise", "xlogy"), edges=True)  # torch.xlogy also takes a number first
op("nan_to_num", Lazy("pointwise", "nan_to_num"), function=True, edges=True)
op("sgn", Lazy("pointwise", "sgn"), function=True, edges=True)
op("signbit", Lazy("pointwise", "signbit"), function=True, edges=True)

# sorting and reductions beyond sum/mean (ordering.py)
op("logsumexp", Lazy("ordering", "logsumexp"), function=True, edges=True)
op("trace", Lazy("ordering", "trace"), function=True, edges=True)
op("count_nonzero", Lazy("ordering", "count_nonzero"), function=True)  # (not differentiable: no edges to build)
op("nonzero", Lazy("ordering", "nonzero"), function=True)
op("sort", Lazy("ordering", "sort"), function=True, edges=True)
op("argsort", Lazy("ordering", "argsort"), function=True, edges=True)
op("sum_to_size", Lazy("ordering", "sum_to_size"), edges=True)

# views made from strides alone (strided.py)
op("as_strided", Lazy("strided", "as_strided"), function=True, edges=True)
op("diagonal", Lazy("strided", "diagonal"), function=True, edges=True)
op("unfold", Lazy("strided", "unfold"), edges=True)
op("movedim", Lazy("strided", "movedim"), aliases=("moveaxis",), function=True, edges=True)
op("broadcast_to", Lazy("strided", "broadcast_to"), function=True, edges=True)

# fused multiply-adds (fused.py)
op("addcmul", Lazy("fused", "addcmul"), function=True, edges=True)
op("addcdiv", Lazy("fused", "addcdiv"), function=True, edges=True)
op("lerp", Lazy("fused", "lerp"), function=True, edges=True)
op("addcmul_", Lazy("fused", "addcmul_inplace"), edges=True)
op("addcdiv_", Lazy("fused", "addcdiv_inplace"), edges=True)
op("lerp_", Lazy("fused", "lerp_inplace"), edges=True)

# NumPy interop and devices (interop.py)
op("numpy", Lazy("interop", "numpy"))
op("half", Lazy("interop", "half"))
op("cuda", Lazy("interop", "cuda"))
op("to", Lazy("interop", "to_device"))


def _nn_op(module, name, adapt=None):
    """torch.<name> for an op of the nn layers' engine files, imported on first call."""
    first = "weight" if name == "embedding" else "input"
    lazy = Lazy(module, name)

    def function(*args, **kwargs):
        value = args[0] if args else kwargs.get(first)
        if not isinstance(value, Tensor):
            raise type_error(f"{name}(): argument '{first}' (position 1) must be Tensor, not {type_name(value)}")
        fn = lazy.fn or lazy.load()
        return fn(*args, **kwargs) if adapt is None else adapt(fn, *args, **kwargs)
    function.__name__ = name
    return function


def _conv(dims):
    def adapt(fn, input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
        return fn(input, weight, bias, stride, padding, dilation, groups, dims, f"conv{dims}d")
    return adapt


def _layer_norm(fn, input, normalized_shape, weight=None, bias=None, eps=1e-5, cudnn_enable=True):
    return fn(input, normalized_shape, weight, bias, eps)


def _embedding(fn, weight, indices, padding_idx=-1, scale_grad_by_freq=False, sparse=False):
    return fn(weight, indices, padding_idx, scale_grad_by_freq)



def _function(name, fn):
    op(name, fn, method=False, function=fn)


_function("addmm", _nn_op("linear", "addmm"))
_function("conv1d", _nn_op("convolution", "convolution", _conv(1)))
_function("conv2d", _nn_op("convolution", "convolution", _conv(2)))
_function("dropout", _nn_op("noise", "dropout"))
_function("layer_norm", _nn_op("normalization", "layer_norm", _layer_norm))
_function("embedding", _nn_op("convolution", "embedding", _embedding))
_function("constant_pad_nd", _nn_op("convolution", "constant_pad_nd"))
_function("max_pool2d", _nn_op("convolution", "max_pool2d"))

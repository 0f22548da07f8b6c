"""The rows of ops whose modules load on first use (ops/gather_scatter.py, rearrange.py, sorting.py, ternary.py,
interop and the engine ops under torch.nn): start-up stays short, and a program that never calls them never imports
them."""
from ..errors import type_error
from .core import Tensor, type_name
from . import binary
from .registry import Lazy, op, operator, torch_function

# gathers and scatters along an index or a mask (ops/gather_scatter.py)
op("masked_fill", Lazy("ops.gather_scatter", "masked_fill"), function=True, edges=True)
op("masked_fill_", Lazy("ops.gather_scatter", "masked_fill_inplace"), edges=True)
op("masked_select", Lazy("ops.gather_scatter", "masked_select"), function=True, edges=True)
op("masked_scatter", Lazy("ops.gather_scatter", "masked_scatter"), function=True, edges=True)
op("gather", Lazy("ops.gather_scatter", "gather"), function=True, edges=True)
op("scatter_add", Lazy("ops.gather_scatter", "scatter_add"), function=True, edges=True)
op("index_select", Lazy("ops.gather_scatter", "index_select"), function=True, edges=True)
op("index_add", Lazy("ops.gather_scatter", "index_add"), function=True, edges=True)
op("index_fill", Lazy("ops.gather_scatter", "index_fill"), function=True, edges=True)
op("index_fill_", Lazy("ops.gather_scatter", "index_fill_inplace"), edges=True)
op("index_copy", Lazy("ops.gather_scatter", "index_copy"), function=True, edges=True)
op("index_copy_", Lazy("ops.gather_scatter", "index_copy_inplace"), edges=True)
op("scatter", Lazy("ops.gather_scatter", "scatter"), function=True, edges=True)
op("scatter_", Lazy("ops.gather_scatter", "scatter_inplace"), edges=True)
op("index_add_", Lazy("ops.gather_scatter", "index_add_inplace"), edges=True)
op("scatter_add_", Lazy("ops.gather_scatter", "scatter_add_inplace"), edges=True)
op("masked_scatter_", Lazy("ops.gather_scatter", "masked_scatter_inplace"), edges=True)
op("index_reduce", Lazy("ops.gather_scatter", "index_reduce"), function=True, edges=True)
op("index_reduce_", Lazy("ops.gather_scatter", "index_reduce_inplace"), edges=True)

# flips, rolls, repeats, triangles (ops/rearrange.py)
op("flip", Lazy("ops.rearrange", "flip"), function=True, edges=True)
op("roll", Lazy("ops.rearrange", "roll"), function=True, edges=True)
op("repeat", Lazy("ops.rearrange", "repeat"), edges=True)
op("tril", Lazy("ops.rearrange", "tril"), function=True, edges=True)
op("tril_", Lazy("ops.rearrange", "tril_inplace"), edges=True)
op("triu", Lazy("ops.rearrange", "triu"), function=True, edges=True)
op("triu_", Lazy("ops.rearrange", "triu_inplace"), edges=True)
op("tile", Lazy("ops.rearrange", "tile"), function=True, edges=True)
op("diag", Lazy("ops.rearrange", "diag"), function=True, edges=True)

# sorting (ops/sorting.py)
op("nonzero", Lazy("ops.sorting", "nonzero"), function=True)
op("nonzero_static", Lazy("ops.sorting", "nonzero_static"), function=True)
op("sort", Lazy("ops.sorting", "sort"), function=True, edges=True)
op("argsort", Lazy("ops.sorting", "argsort"), function=True, edges=True)

# pointwise ops of three operands (ops/ternary.py)
op("addcmul", Lazy("ops.ternary", "addcmul"), function=True, edges=True)
op("addcdiv", Lazy("ops.ternary", "addcdiv"), function=True, edges=True)
op("lerp", Lazy("ops.ternary", "lerp"), function=True, edges=True)
op("addcmul_", Lazy("ops.ternary", "addcmul_inplace"), edges=True)
op("addcdiv_", Lazy("ops.ternary", "addcdiv_inplace"), edges=True)
op("lerp_", Lazy("ops.ternary", "lerp_inplace"), edges=True)

# NumPy interop and devices (interop.py)
op("numpy", Lazy("interop", "numpy"))
op("__array__", Lazy("interop", "array"))  # (numpy's protocol: an array operand's ufuncs read a tensor as numpy())
op("__array_wrap__", Lazy("interop", "array_wrap"))
op("half", Lazy("interop", "half"))
op("bfloat16", Lazy("interop", "bfloat16"))
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


def _conv(dims, transposed=False):
    """torch.conv<dims>d / torch.conv_transpose<dims>d: convolution.py's one op, its arguments in torch's order."""
    if transposed:
        def adapt(fn, input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
            return fn(input, weight, bias, stride, padding, dilation, groups, dims, f"conv_transpose{dims}d", True,
                      output_padding)
    else:
        def adapt(fn, input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
            return fn(input, weight, bias, stride, padding, dilation, groups, dims, f"conv{dims}d")
    return adapt


def _layer_norm(fn, input, normalized_shape, weight=None, bias=None, eps=1e-5, cudnn_enable=True):
    return fn(input, normalized_shape, weight, bias, eps)


def _embedding(fn, weight, indices, padding_idx=-1, scale_grad_by_freq=False, sparse=False):
    return fn(weight, indices, padding_idx, scale_grad_by_freq, sparse)


def _function(name, fn):
    op(name, fn, method=False, function=fn)


op("addmm", Lazy("ops.scaled_products", "addmm_method"), function=_nn_op("linear", "addmm"), edges=True)
for _dims in (1, 2, 3):
    _function(f"conv{_dims}d", _nn_op("convolution", "convolution", _conv(_dims)))
    _function(f"conv_transpose{_dims}d", _nn_op("convolution", "convolution", _conv(_dims, True)))
_function("dropout", _nn_op("sampling", "dropout"))
_function("native_dropout", _nn_op("sampling", "native_dropout"))
_function("layer_norm", _nn_op("normalization", "layer_norm", _layer_norm))
_function("native_layer_norm", _nn_op("normalization", "native_layer_norm"))
_function("embedding", _nn_op("convolution", "embedding", _embedding))
_function("embedding_renorm_", _nn_op("convolution", "embedding_renorm_"))
_function("ctc_loss", Lazy("ctc_loss", "ctc_loss"))
_function("constant_pad_nd", _nn_op("convolution", "constant_pad_nd"))
_function("max_pool2d", _nn_op("pooling", "max_pool2d"))

# random draws (sampling.py): the in-place fills, permutations, normal samples around tensors, coin flips
op("normal_", Lazy("sampling", "normal_inplace"))
op("uniform_", Lazy("sampling", "uniform_inplace"))
op("random_", Lazy("sampling", "random_inplace"))
op("bernoulli_", Lazy("sampling", "bernoulli_inplace"))
op("exponential_", Lazy("sampling", "exponential_inplace"))
op("multinomial", Lazy("sampling", "multinomial"), function=True)
op("bernoulli", Lazy("sampling", "bernoulli"), function=Lazy("sampling", "bernoulli"))
for _name in ("randperm", "normal", "poisson", "_standard_gamma", "_standard_gamma_grad", "_sample_dirichlet",
              "_dirichlet_grad", "binomial"):  # (torch functions only; sampling.py names them without the underscore)
    _function(_name, Lazy("sampling", _name.lstrip("_")))

# in-place changes of geometry (ops/geometry_inplace.py)
op("unsqueeze_", Lazy("ops.geometry_inplace", "unsqueeze_inplace"))
op("squeeze_", Lazy("ops.geometry_inplace", "squeeze_inplace"))
op("transpose_", Lazy("ops.geometry_inplace", "transpose_inplace"), aliases=("swapaxes_", "swapdims_"))
op("t_", Lazy("ops.geometry_inplace", "t_inplace"))
op("as_strided_", Lazy("ops.geometry_inplace", "as_strided_inplace"), function=True)
op("set_", Lazy("ops.geometry_inplace", "set_inplace"))

# inverse, determinant, solve (ops/solvers.py; torch.linalg's names are in namespaces.py)
# (their autograd kernels, linalg_inv_ex, linalg_lu_factor_ex ..., collect the edges before the kernels' checks)
op("inverse", Lazy("ops.solvers", "inv"), function=True, edges=True)
op("det", Lazy("ops.solvers", "det"), function=True, edges=True)
op("logdet", Lazy("ops.solvers", "logdet"), function=True)  # (composite: its checks, then slogdet's edges)
op("slogdet", Lazy("ops.solvers", "slogdet"), function=True, edges=True)
op("is_set_to", Lazy("ops.geometry_inplace", "is_set_to"))

# decompositions (ops/decompositions.py; torch.linalg's names are in namespaces.py)
op("cholesky", Lazy("ops.decompositions", "cholesky_legacy"), function=True, edges=True)
op("cholesky_solve", Lazy("ops.decompositions", "cholesky_solve"), function=True, edges=True)
op("cholesky_inverse", Lazy("ops.decompositions", "cholesky_inverse"), function=True, edges=True)
op("qr", Lazy("ops.decompositions", "qr_legacy"), function=True)  # (composite: its warning, then the edges)
op("geqrf", Lazy("ops.decompositions", "geqrf"), function=True, edges=True)
op("orgqr", Lazy("ops.decompositions", "orgqr"), function=True, edges=True)
op("svd", Lazy("ops.decompositions", "svd_legacy"), function=True)
op("triangular_solve", Lazy("ops.decompositions", "triangular_solve"), function=True, edges=True)
op("matrix_power", Lazy("ops.decompositions", "matrix_power"), function=True)
op("lu_solve", Lazy("ops.lu", "lu_solve_legacy"), function=True)
_lu = Lazy("ops.lu", "lu_legacy")


def _lu_with_info(A, pivot, get_infos):
    """torch._lu_with_info's parse (input a tensor, pivot a bool), then lu.py's legacy lu."""
    if not isinstance(A, Tensor):
        raise type_error(f"_lu_with_info(): argument 'input' (position 1) must be Tensor, not {type_name(A)}")
    if type(pivot) is not bool:
        raise type_error(f"_lu_with_info(): argument 'pivot' must be bool, not {type_name(pivot)}")
    return (_lu.fn or _lu.load())(A, pivot, get_infos)


def _lu_method(self, pivot=True, get_infos=False):
    return _lu_with_info(self, pivot, not not get_infos)  # (check_errors=(not get_infos) is read first)


def _lu_no_infos(A, pivot=True, get_infos=False, out=None):
    return _lu_with_info(A, pivot, not not get_infos)


_lu_method.__qualname__ = "Tensor.lu"  # (torch/_tensor.py's Tensor.lu and functional.py's torch.lu: Python functions,
_lu_no_infos.python_name = True        # whose own argument errors name them so)
op("lu", _lu_method, function=_lu_no_infos)
_function("lu_unpack", Lazy("ops.lu", "lu_unpack"))
_function("pairwise_distance", Lazy("ops.distances", "pairwise_distance"))
_function("pixel_shuffle", _nn_op("shuffles", "pixel_shuffle"))  # (nn.functional's are these C functions)
_function("pixel_unshuffle", _nn_op("shuffles", "pixel_unshuffle"))
_function("channel_shuffle", _nn_op("shuffles", "channel_shuffle"))
for _name in ("chain_matmul", "nuclear_norm", "frobenius_norm"):
    _function(_name, Lazy("ops.matrix_functions", _name))
_function("cosine_similarity", Lazy("ops.distances", "cosine_similarity"))
_function("affine_grid_generator", Lazy("ops.grids", "affine_grid_generator"))
_function("grid_sampler", _nn_op("grid_sample", "grid_sampler"))
_function("grid_sampler_2d", _nn_op("grid_sample", "grid_sampler_2d"))
for _name in ("hann_window", "hamming_window", "blackman_window", "bartlett_window", "kaiser_window"):
    _function(_name, Lazy("ops.windows", _name))
op("pinverse", Lazy("ops.matrix_functions", "pinverse"), function=True, edges=True)
op("matrix_exp", Lazy("ops.matrix_functions", "matrix_exp"), function=True, edges=True)


# ------------------------------------------------------------------ issue 16's ops, each module loaded on first use

def _lazy(module, name, attr=None, function=True, edges=True, **kw):
    op(name, Lazy("ops." + module, attr or name), function=function, edges=edges, **kw)


# python_apply.py
_lazy("python_apply", "apply_", function=False)
_lazy("python_apply", "map_", function=False)
_lazy("python_apply", "map2_", function=False)

# cumulative.py
_lazy("cumulative", "cumprod", inplace="cumprod_")
_lazy("cumulative", "cumprod_", "cumprod_inplace", function=False)
_lazy("cumulative", "cumsum_", "cumsum_inplace", function=False)
_lazy("cumulative", "cummax")
_lazy("cumulative", "cummin")
_lazy("cumulative", "logcumsumexp")

# special.py
for _name in ("erf", "erfc", "erfinv", "lgamma", "digamma"):
    _lazy("special", _name, inplace=_name + "_")
    _lazy("special", _name + "_", _name + "_inplace", function=_name in ("erf", "erfc"))
_lazy("special", "copysign", inplace="copysign_")
_lazy("special", "copysign_", "copysign_inplace", function=False)
_lazy("special", "float_power", function=Lazy("ops.special", "float_power"), inplace="float_power_")
_lazy("special", "float_power_", "float_power_inplace", function=False)
for _name in ("logaddexp", "logaddexp2", "dist", "nansum", "nanmean"):
    _lazy("special", _name)
_lazy("special", "polygamma", "polygamma_method", function=Lazy("ops.special", "polygamma"), inplace="polygamma_")
_lazy("special", "polygamma_", "polygamma_inplace", function=False)
_lazy("special", "mvlgamma", inplace="mvlgamma_")
_lazy("special", "mvlgamma_", "mvlgamma_inplace", function=False)

# igamma.py: the regularized incomplete gamma functions (torch.special.gammainc / gammaincc)
for _name in ("igamma", "igammac"):
    _lazy("igamma", _name, _name + "_method", function=Lazy("ops.igamma", _name), inplace=_name + "_")
    _lazy("igamma", _name + "_", _name + "_inplace", function=False)

# real_complex.py: the complex-number API on real tensors (Tensor.real/imag/mH/H are properties)
op("resolve_neg", Lazy("ops.real_complex", "resolve_neg"), function=True)
for _name in ("conj", "conj_physical", "resolve_conj"):
    op(_name, Lazy("ops.real_complex", _name), function=True)
for _name in ("view_as_real", "view_as_complex", "polar", "complex"):  # (torch functions only)
    op(_name, Lazy("ops.real_complex", _name + "_" * (_name == "complex")), method=False, function=True)
op("conj_physical_", Lazy("ops.real_complex", "conj_physical_inplace"), function=True)
op("isreal", Lazy("ops.real_complex", "isreal"), function=True)
op("angle", Lazy("ops.real_complex", "angle"), function=True, edges=True)
op("adjoint", Lazy("ops.real_complex", "adjoint"), function=True, view=True)  # (composite: its dim check first)


def _lazy_property(attr):
    """Tensor.real/imag: read as a view of the part, assigned (`t.real = v`) as a copy_ into it."""
    lazy, setter = Lazy("ops.real_complex", attr), Lazy("ops.real_complex", "set_" + attr)
    return property(lambda self: (lazy.fn or lazy.load())(self),
                    lambda self, value: (setter.fn or setter.load())(self, value))


def _lazy_function(name, attr):
    lazy = Lazy("ops.real_complex", attr)
    return torch_function(name, lambda input: (lazy.fn or lazy.load())(input))


op("real", _lazy_property("real"), function=_lazy_function("real", "real"))
op("imag", _lazy_property("imag"), function=_lazy_function("imag", "imag"))
_function("is_conj", torch_function("is_conj", lambda input: input.is_conj()))
_function("is_neg", torch_function("is_neg", lambda input: input.is_neg()))
op("mH", _lazy_property("matrix_H"), view=True)
op("H", _lazy_property("H"), view=True)

# bessel.py: the modified Bessel functions (torch.special's i0e, i1, i1e are no Tensor methods)
_lazy("bessel", "i0", inplace="i0_")
_lazy("bessel", "i0_", "i0_inplace")

# bitwise.py: the methods and torch functions of bitwise_and/or/xor(_); their operators are binary.py's own
# functions (loaded at start-up: `a & b` costs no import)
for _name in ("bitwise_and", "bitwise_or", "bitwise_xor"):
    _lazy("bitwise", _name, function=Lazy("ops.bitwise", _name + "_function"), inplace=_name + "_")
    _lazy("bitwise", _name + "_", _name + "_inplace", function=False)
    _short = _name[8:]
    operator(f"__{_short}__", getattr(binary, _name), edges=True)  # (a stale no-grad view fails before the dtype)
    operator(f"__r{_short}__", getattr(binary, _name), edges=True)
    operator(f"__i{_short}__", getattr(binary, _name + "_inplace"))
_lazy("bitwise", "bitwise_not", inplace="bitwise_not_")
_lazy("bitwise", "bitwise_not_", "bitwise_not_inplace", function=False)
_lazy("bitwise", "bitwise_left_shift", function=Lazy("ops.bitwise", "bitwise_left_shift_function"), inplace="bitwise_left_shift_")
_lazy("bitwise", "bitwise_left_shift_", "lshift_inplace", function=False)
_lazy("bitwise", "bitwise_right_shift", function=Lazy("ops.bitwise", "bitwise_right_shift_function"),
      inplace="bitwise_right_shift_")
_lazy("bitwise", "bitwise_right_shift_", "rshift_inplace", function=False)
for _dunder, _attr in (("__lshift__", "lshift"), ("__rlshift__", "rlshift"), ("__ilshift__", "lshift_inplace"),
                       ("__rshift__", "rshift"), ("__rrshift__", "rrshift"), ("__irshift__", "rshift_inplace")):
    operator(_dunder, Lazy("ops.bitwise", _attr), edges=not _dunder.startswith("__i"))
for _name in ("logical_and", "logical_or", "logical_xor"):
    _lazy("bitwise", _name + "_", _name + "_inplace", function=False)
_lazy("bitwise", "logical_not_", "logical_not_inplace", function=False)

# splitting.py
for _name in ("tensor_split", "hsplit", "vsplit", "dsplit", "unsafe_split", "unsafe_chunk", "unsafe_split_with_sizes"):
    _lazy("splitting", _name)

# order_statistics.py, counting.py
for _name in ("topk", "kthvalue", "median", "nanmedian", "mode"):
    _lazy("order_statistics", _name)
_lazy("counting", "bincount")
_lazy("counting", "unique", function=Lazy("ops.counting", "unique_function"), edges=False)

# einsum.py
_lazy("einsum", "einsum", method=False, function=Lazy("ops.einsum", "einsum"))

# composites.py
for _name in ("diff", "take_along_dim", "rad2deg", "deg2rad", "fmax", "fmin"):
    _lazy("composites", _name)
for _name in ("flipud", "fliplr", "argwhere"):  # (composites: their own checks, then flip's edges; nonzero has none)
    _lazy("composites", _name, edges=False)
_lazy("composites", "repeat_interleave", function=Lazy("ops.composites", "repeat_interleave"))
for _name in ("atleast_1d", "atleast_2d", "atleast_3d", "meshgrid", "hstack", "vstack", "dstack", "column_stack",
              "row_stack"):
    _lazy("composites", _name, method=False, function=Lazy("ops.composites", _name))

# multi_reductions.py
_lazy("multi_reductions", "aminmax")
_lazy("multi_reductions", "var_mean", method=False, function=Lazy("ops.multi_reductions", "var_mean"))
_lazy("multi_reductions", "std_mean", method=False, function=Lazy("ops.multi_reductions", "std_mean"))

# numeric.py
for _name in ("gcd", "lcm", "heaviside", "nextafter"):
    _lazy("numeric", _name, inplace=_name + "_")
    _lazy("numeric", _name + "_", _name + "_inplace", function=_name in ("gcd", "lcm"))
_lazy("special", "logit", inplace="logit_")
_lazy("special", "logit_", "logit_inplace")
_lazy("special", "sinc", inplace="sinc_")
_lazy("special", "sinc_", "sinc_inplace")
_lazy("gather_scatter", "take")

# products.py
_lazy("products", "kron")
_lazy("products", "cross")
for _name in ("tensordot", "block_diag", "cartesian_prod", "combinations"):
    _lazy("products", _name, method=False, function=Lazy("ops.products", _name))
_lazy("rearrange", "rot90")
_lazy("rearrange", "fill_diagonal_", "fill_diagonal_inplace", function=False)

# searching.py
_lazy("searching", "histc", edges=False)  # (no derivative: autograd's wrapper collects nothing)
_lazy("searching", "histogram")
for _name in ("isin", "searchsorted", "bucketize"):
    _lazy("searching", _name, method=False, function=Lazy("ops.searching", _name))
_lazy("gather_scatter", "scatter_reduce")
_lazy("gather_scatter", "scatter_reduce_", "scatter_reduce_inplace", function=False)

# distances.py
_lazy("distances", "cdist", method=False, function=Lazy("ops.distances", "cdist"))
_lazy("products", "inner")
_lazy("products", "vdot")
_lazy("composites", "ravel")
_lazy("composites", "msort")
_lazy("composites", "rad2deg_", "rad2deg_inplace")
_lazy("composites", "deg2rad_", "deg2rad_inplace")

# batched.py
_lazy("batched", "baddbmm", inplace="baddbmm_")
_lazy("batched", "baddbmm_", "baddbmm_inplace", function=False)
_lazy("batched", "addbmm", inplace="addbmm_")
_lazy("batched", "addbmm_", "addbmm_inplace", function=False)

# resizing in place (ops/geometry_inplace.py)
op("resize_", Lazy("ops.geometry_inplace", "resize_inplace"))
op("resize", Lazy("legacy_resize", "resize"))
op("resize_as", Lazy("legacy_resize", "resize_as"))
op("resize_as_", Lazy("ops.geometry_inplace", "resize_as_inplace"), function=True)
op("storage_type", Lazy("legacy_types", "storage_type"))

# writes at flat indices (ops/flat_put.py)
op("put_", Lazy("ops.flat_put", "put_inplace"), edges=True)
op("put", Lazy("ops.flat_put", "put"), function=True, edges=True)

# the copying twins of the views (ops/view_copies.py)
for _name in ("slice_scatter", "select_scatter", "diagonal_scatter", "as_strided_scatter"):
    op(_name, Lazy("ops.view_copies", _name), function=True, edges=True)
op("narrow_copy", Lazy("ops.view_copies", "narrow_copy"), function=True, edges=True)
op("split_with_sizes", Lazy("ops.view_copies", "split_with_sizes"), function=True)
for _name in ("view_copy", "transpose_copy", "t_copy", "permute_copy", "expand_copy", "select_copy", "slice_copy",
              "diagonal_copy", "alias_copy", "squeeze_copy", "unsqueeze_copy", "unfold_copy", "as_strided_copy",
              "split_copy", "split_with_sizes_copy", "unbind_copy", "detach_copy", "view_as_real_copy",
              "view_as_complex_copy"):
    op(_name, Lazy("ops.view_copies", _name), method=False, function=Lazy("ops.view_copies", _name))

# beta * input + alpha * product (ops/scaled_products.py)
op("addmm_", Lazy("ops.scaled_products", "addmm_inplace"), edges=True)
op("addmv", Lazy("ops.scaled_products", "addmv"), function=True, edges=True)
op("addmv_", Lazy("ops.scaled_products", "addmv_inplace"), function=True, edges=True)
op("addr", Lazy("ops.scaled_products", "addr"), function=True, edges=True)
op("addr_", Lazy("ops.scaled_products", "addr_inplace"), edges=True)

# the activations torch binds beside torch.nn.functional's (activation.py)
op("hardshrink", Lazy("activation", "hardshrink"), function=True, edges=True)
op("prelu", Lazy("activation", "prelu"), function=True)  # (composite: its checks, then _prelu_kernel's edges)
_function("threshold", _nn_op("activation", "threshold"))
_function("threshold_", _nn_op("activation", "threshold", lambda fn, input, threshold, value:
                                                          fn(input, threshold, value, True)))
_function("selu", _nn_op("activation", "selu", lambda fn, input: fn(input)))
_function("selu_", _nn_op("activation", "selu", lambda fn, input: fn(input, True)))
_function("celu", _nn_op("activation", "celu", lambda fn, input, alpha=1.0: fn(input, alpha)))
_function("celu_", _nn_op("activation", "celu", lambda fn, input, alpha=1.0: fn(input, alpha, True)))

# smaller numeric helpers (ops/numeric_extras.py)
for _name in ("diag_embed", "diagflat", "frexp", "ldexp"):
    op(_name, Lazy("ops.numeric_extras", _name), function=True, edges=True)
op("unique_consecutive", Lazy("ops.numeric_extras", "unique_consecutive"),
   function=Lazy("ops.numeric_extras", "unique_consecutive_function"))  # (no derivative: no edges)
op("ldexp_", Lazy("ops.numeric_extras", "ldexp_inplace"), function=True, edges=True)
for _name in ("rsub", "vander", "trapezoid", "trapz", "cumulative_trapezoid", "unravel_index"):
    op(_name, Lazy("ops.numeric_extras", _name), method=False, function=Lazy("ops.numeric_extras", _name))

# more in-place random fills (random_fills.py)
op("log_normal_", Lazy("random_fills", "log_normal_inplace"))
op("geometric_", Lazy("random_fills", "geometric_inplace"))
op("cauchy_", Lazy("random_fills", "cauchy_inplace"))

# quantiles, covariance, renorm (ops/statistics.py)
for _name in ("cov", "corrcoef", "renorm"):
    op(_name, Lazy("ops.statistics", _name), function=True, edges=True)
for _name in ("quantile", "nanquantile"):  # (composites: their checks, then sort's edges)
    op(_name, Lazy("ops.statistics", _name), function=True)
op("renorm_", Lazy("ops.statistics", "renorm_inplace"), edges=True)

# the linear-algebra functions PyTorch removed, which raise its pointer to torch.linalg (ops/removed.py)
for _name, _function_attr in (("solve", "solve"), ("lstsq", "lstsq"), ("eig", "eig"), ("symeig", "_symeig")):
    op(_name, Lazy("ops.removed", _name + "_method"), function=Lazy("ops.removed", _function_attr))
_function("matrix_rank", Lazy("ops.removed", "matrix_rank"))
_function("gradient", Lazy("ops.gradient", "gradient"))
# (torch/functional.py's stft, then ATen's; the methods are torch/_tensor.py's)
op("stft", Lazy("ops.spectral", "tensor_stft"), function=Lazy("ops.spectral", "stft"))
op("istft", Lazy("ops.spectral", "tensor_istft"), function=Lazy("ops.spectral", "istft"))
_function("segment_reduce", Lazy("ops.segment_reduce", "segment_reduce"))
_function("histogramdd", Lazy("ops.searching", "histogramdd"))
for _name in ("svd_lowrank", "pca_lowrank"):  # (torch/_lowrank.py's Python functions)
    _function(_name, Lazy("ops.lowrank", _name))

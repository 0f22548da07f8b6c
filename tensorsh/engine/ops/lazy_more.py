"""The rows of the ops added for issue 16's fidelity work (ops/cumulative, special, bitwise, splitting, sorting_more,
arith_more, einsum, shape_more, comparison_more), each module loaded on first use as lazy.py's are. A few rows
here replace functions.py's rows of the same name (bitwise_and/or/xor(_), isclose) or its pow row's torch function."""
from .. import functions
from .registry import ROWS, Lazy, op, operator


def _lazy(module, name, attr=None, function=True, **kw):
    op(name, Lazy("ops." + module, attr or name), function=function, edges=True, **kw)


# cumulative.py
_lazy("cumulative", "cumprod", inplace="cumprod_")
_lazy("cumulative", "cumprod_", "cumprod_inplace", function=False)
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

# bitwise.py: these rows replace functions.py's operator-only rows of bitwise_and/or/xor(_) (PyTorch also spells
# them as methods and torch functions); the operators stay functions.py's own functions
for _name in ("bitwise_and", "bitwise_or", "bitwise_xor"):
    _lazy("bitwise", _name, function=Lazy("ops.bitwise", _name), inplace=_name + "_")
    _lazy("bitwise", _name + "_", _name + "_inplace", function=False)
    _short = _name[8:]
    operator(f"__{_short}__", getattr(functions, _name))
    operator(f"__r{_short}__", getattr(functions, _name))
    operator(f"__i{_short}__", getattr(functions, _name + "_inplace"))
_lazy("bitwise", "bitwise_not", inplace="bitwise_not_")
_lazy("bitwise", "bitwise_not_", "bitwise_not_inplace", function=False)
_lazy("bitwise", "bitwise_left_shift", function=Lazy("ops.bitwise", "bitwise_left_shift"), inplace="bitwise_left_shift_")
_lazy("bitwise", "bitwise_left_shift_", "lshift_inplace", function=False)
_lazy("bitwise", "bitwise_right_shift", function=Lazy("ops.bitwise", "bitwise_right_shift"),
      inplace="bitwise_right_shift_")
_lazy("bitwise", "bitwise_right_shift_", "rshift_inplace", function=False)
for _dunder, _attr in (("__lshift__", "lshift"), ("__rlshift__", "rlshift"), ("__ilshift__", "lshift_inplace"),
                       ("__rshift__", "rshift"), ("__rrshift__", "rrshift"), ("__irshift__", "rshift_inplace")):
    operator(_dunder, Lazy("ops.bitwise", _attr))
for _name in ("logical_and", "logical_or", "logical_xor"):
    _lazy("bitwise", _name + "_", _name + "_inplace", function=False)
_lazy("bitwise", "logical_not_", "logical_not_inplace", function=False)

# splitting.py
for _name in ("tensor_split", "hsplit", "vsplit", "dsplit", "unsafe_split", "unsafe_chunk", "unsafe_split_with_sizes"):
    _lazy("splitting", _name)

# sorting_more.py
for _name in ("topk", "kthvalue", "median", "nanmedian", "mode", "unique", "bincount", "diff"):
    _lazy("sorting_more", _name)
_lazy("sorting_more", "repeat_interleave", function=Lazy("ops.sorting_more", "repeat_interleave"))
for _name in ("meshgrid", "hstack", "vstack", "dstack", "column_stack", "row_stack"):
    _lazy("sorting_more", _name, method=False, function=Lazy("ops.sorting_more", _name))

# arith_more.py (torch.pow's function now takes a number base: pow.Scalar)
ROWS["pow"].function = Lazy("ops.arith_more", "pow_function")
_lazy("arith_more", "remainder_", "remainder_inplace", function=False)
_lazy("arith_more", "fmod_", "fmod_inplace", function=False)
_lazy("arith_more", "floor_divide_", "floor_divide_inplace", function=False)

# einsum.py
_lazy("einsum", "einsum", method=False, function=Lazy("ops.einsum", "einsum"))

# shape_more.py
for _name in ("atleast_1d", "atleast_2d", "atleast_3d"):
    _lazy("shape_more", _name, method=False, function=Lazy("ops.shape_more", _name))
for _name in ("flipud", "fliplr", "argwhere", "take_along_dim", "rad2deg", "deg2rad", "fmax", "fmin"):
    _lazy("shape_more", _name)

# comparison_more.py (this row replaces functions.py's isclose)
_lazy("comparison_more", "isclose")

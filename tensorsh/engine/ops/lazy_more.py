"""The rows of the ops added for issue 16's fidelity work (cumulative, special, bitwise, splitting, sorting_more,
einsum), each module loaded on first use as lazy.py's are."""
from .registry import Lazy, op


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

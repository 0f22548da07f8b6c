"""Reductions with two results from one node: aminmax (AminmaxBackward0), var_mean and std_mean (VarMeanBackward0,
StdMeanBackward0), their values as PyTorch's CPU kernels compute them (var_mean's Welford steps in double)."""
import numpy as np

from .. import autograd, dtypes, kernels
from ..autograd import Node, edge_of
from ..errors import index_error, runtime
from ..saved_names import as_given, given
from .core import attach_outputs, fresh, return_type
from .reductions import check_dof, reduce_dims, var_backward
from .scalar_arith import div_scalar, mul_scalar


Aminmax = return_type("aminmax", ("min", "max"))


def _restore(t, dims, keepdim, shape):
    """A reduced tensor brought back to its input's rank by a reshape (PyTorch's restore_reduced_dims: ViewBackward0
    under create_graph, a 0-dim input's too)."""
    if keepdim:
        return t
    return t.reshape([1 if dims is None or d in dims else n for d, n in enumerate(shape)])


def _spread(g, dims, keepdim, shape):
    """sum_backward: the reduced dims given unsqueezed in order, then expanded (no dims given: expanded at once)."""
    if not keepdim and shape and dims:
        for d in sorted(dims):
            g = g.unsqueeze(d)
    return g.expand(shape)


class AminmaxBackward0(Node):
    """Each gradient shared evenly by the elements equal to its extreme (PyTorch's scale_grad_by_count)."""
    __slots__ = ("dims", "keepdim")
    n_outputs = 2
    saved_names = ("self", "min", "max")
    saved_values = {"dim": lambda n: n.__dict__.get("dim_given"), "keepdim": "keepdim"}  # (None: no dim given)

    def __init__(self, x, dims, keepdim):
        Node.__init__(self, (edge_of(x),))
        self.dims, self.keepdim = dims, keepdim

    def backward(self, grads):
        x, lo, hi = self.unpack()
        total = None
        for g, extreme in zip(grads, (lo, hi)):
            if g is None:
                continue
            g, extreme = (_restore(t, self.dims, self.keepdim, x._shape) for t in (g, extreme))
            mask = extreme == x
            count = mask.sum(list(self.dims), keepdim=True) if self.dims is not None else mask.sum()
            part = (g / count) * mask
            total = part if total is None else total + part
        return (total,)


def aminmax(self, *, dim=None, keepdim=False):
    if dim is None:
        if self.numel() == 0:
            raise runtime("aminmax(): cannot compute aminmax over an empty dimension as the operation has no "
                          "identity.")
        dims, axes = None, None
    else:
        d = self._wrap_dim(dim)
        if self._shape and self._shape[d] == 0:
            raise index_error(f"aminmax: Expected reduction dim {dim} to have non-zero size.")
        dims = (d,) if self._shape else ()
        axes = dims
    keep = keepdim and bool(self._shape)
    if self.numel() == 0:
        shape = [1 if i in axes else s for i, s in enumerate(self._shape)] if keep else \
            [s for i, s in enumerate(self._shape) if i not in axes]  # (an empty input has a dim given)
        lo = hi = np.empty(shape, self.dtype.np)
    else:
        lo = np.amin(self._np, axis=axes, keepdims=keep)
        hi = np.amax(self._np, axis=axes, keepdims=keep)
    outs = Aminmax(fresh(np.require(v, self.dtype.np, "C"), self.dtype) for v in (lo, hi))
    if autograd._grad_enabled[0] and self.requires_grad:
        node = AminmaxBackward0(self, dims, keep)
        attach_outputs(node if dim is None else given(node, dim=dim), outs, self, 2)
    return outs


def _welford(x, axes, correction, keepdim):
    """(var, mean) in double as PyTorch's WelfordOps walk them: each output's elements one after another."""
    if x.ndim == 0:
        x = x.reshape(1)
        axes = (0,)
    axes = tuple(range(x.ndim)) if axes is None else axes
    flat = kernels.reduced_rows(x, axes).astype(np.float64)
    m = flat.shape[-1]
    with np.errstate(all="ignore"):
        if m <= 1 << 18:  # (beyond, Welford in Python would crawl)
            mean, m2 = kernels.welford(flat)
        else:  # (long rows: two passes, equal to Welford's steps but for the last bits)
            mean = flat.mean(axis=-1)
            dev = flat - mean[..., None]
            m2 = np.sum(dev * dev, axis=-1)
        if m == 0:
            mean = m2 = np.full(flat.shape[:-1], np.nan)
        var = m2 / np.float64(max(0, m - correction))
    if keepdim:
        shape = [1 if d in axes else x.shape[d] for d in range(x.ndim)]
        var, mean = var.reshape(shape), mean.reshape(shape)
    return var, mean


class VarMeanBackward0(Node):
    """var_backward of the first gradient plus mean's (the gradient spread evenly) of the second."""
    __slots__ = ("dims", "correction", "keepdim")
    n_outputs = 2
    take_sqrt = False
    saved_names = ("self",)
    saved_values = {"correction": as_given("correction"), "dim": as_given("dims"), "keepdim": "keepdim"}

    def __init__(self, x, dims, correction, keepdim):
        Node.__init__(self, (edge_of(x),))
        self.dims, self.correction, self.keepdim = dims, correction, keepdim

    def backward(self, grads):
        saved = self.unpack()
        x = saved[0]
        gv, gm = grads
        dims = self.dims if self.dims is not None else tuple(range(x.dim()))
        n = 1
        for d in dims:
            n *= x._shape[d]
        total = None
        if gv is not None:
            if self.take_sqrt:
                result = saved[1]
                gv = gv / mul_scalar(result, 2)  # (std_backward's result * 2: mul.Scalar)
                gv = gv.masked_fill(result == 0, 0)
            total = var_backward(gv, x, self.dims, self.correction, self.keepdim, self.__dict__.get("rnumel"))
        if gm is not None:
            part = div_scalar(_spread(gm, self.dims, self.keepdim, x._shape), n)  # (mean_backward's
            # sum_backward(...) / n: a Scalar, DivBackward1)
            total = part if total is None else total + part
        return (total,)


class StdMeanBackward0(VarMeanBackward0):
    __slots__ = ()
    take_sqrt = True
    saved_names = ("self", "result0")
    saved_values = VarMeanBackward0.saved_values


def _var_mean(name, node_cls):
    def fn(self, dim=None, unbiased=None, keepdim=False, *, correction=None):
        if dim.__class__ is bool:  # (var_mean(x, False): the overload whose one argument is unbiased)
            dim, unbiased = None, dim
        if self.dtype.category < 2:
            raise runtime(f"{name} only support floating point and complex dtypes")
        given_correction = correction if correction is not None else None if dim is None and unbiased is None else \
            (0 if unbiased is False else 1)  # (as var's: see reductions.variance_reduction)
        unbiased = True if unbiased is None else unbiased
        if correction is None:
            correction = 1 if unbiased else 0
        dims = reduce_dims(self, dim, empty_is_all=True)
        axes = tuple(range(self.dim())) if dims is None else dims
        check_dof(self, name, axes, correction)
        kept = keepdim and bool(self._shape)
        if self.dtype.category == 3:  # (ATen's: each part's var and mean, the variances added in the real dtype)
            real = self.dtype.to_real()
            (vr, mr), (vi, mi) = (_welford(np.asarray(p, order="C"), axes, correction, kept)
                                  for p in (self._np.real, self._np.imag))
            var, mean = vr.astype(real.np) + vi.astype(real.np), np.empty(np.shape(mr), self.dtype.np)
            mean.real, mean.imag = mr, mi
            dts = (real, self.dtype)
        else:
            var, mean = _welford(self._np, axes, correction, kept)
            dts = (self.dtype, self.dtype)
        if node_cls.take_sqrt:  # (a complex tensor's: at::sqrt_out of the sum, as std's)
            with np.errstate(invalid="ignore"):
                var = kernels.sqrt(np.asarray(var)) if self.dtype.category == 3 else np.sqrt(var)
        # (WelfordOps projects its double results into the dtype as c10 converts: a c10::Half from a float)
        outs = tuple(fresh(np.require(dtypes.cast(v, dt), dt.np, "C"), dt) for v, dt in zip((var, mean), dts))
        if autograd._grad_enabled[0] and self.requires_grad:
            node = given(node_cls(self, dims, correction, keepdim), dims=(dim,) if isinstance(dim, int) else dim,
                         correction=given_correction)
            if isinstance(dim, (list, tuple)) and not len(dim):  # (var_backward's _safe_size of no dims)
                node.__dict__["rnumel"] = 1
            attach_outputs(node, outs, self, int(node_cls.take_sqrt))
        return outs
    fn.__name__ = name
    return fn


var_mean = _var_mean("var_mean", VarMeanBackward0)
std_mean = _var_mean("std_mean", StdMeanBackward0)

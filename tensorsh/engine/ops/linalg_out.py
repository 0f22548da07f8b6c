"""out= of torch.linalg's functions, as ATen's kernels write it (measured against PyTorch 2.13): each row says which
op refuses autograd on out= (its name in the message), or that the function is composite and copies its result with
its graph (CopyBackwards); and how out's dtype is checked: a structured kernel's exact dtype, before anything is
computed, or a castable one after (with the function's own words). Then out is resized (the deprecation warning when
it had elements) and written, one version each."""
from .. import autograd, dtypes, signatures
from ..errors import runtime, type_error
from ..tensorimpl import Tensor, leaf_or_its_view
from .core import NotImplementedNode, rebase_history, type_name
from .out_dtypes import warn_resized

_C, _S = dtypes.C_NAMES, dtypes.SCALAR_NAMES
COPIED = None  # (a composite function: no refusal, its result copied with its graph)
FALLBACK = "fallback"  # (no autograd kernel: PyTorch's NotImplemented fallback, as the view copies' out=)
SCALAR_TYPE = "scalar type"  # (out resized first, then its exact dtype: the kernel's own check)

# name -> (the op refusing autograd on out=, or COPIED; None: out's exact dtype, else the castable check's words)
LINALG_OUT = {
    "linalg_inv": ("linalg_inv_ex", None), "linalg_inv_ex": ("linalg_inv_ex", None),
    "linalg_det": ("_linalg_det", None), "linalg_cholesky": ("linalg_cholesky_ex", None),
    "linalg_cholesky_ex": ("linalg_cholesky_ex", None), "linalg_svdvals": ("_linalg_svd", None),
    "linalg_svd": ("_linalg_svd", None), "linalg_eigvalsh": ("_linalg_eigh", None), "linalg_eigh": ("_linalg_eigh", None),
    "linalg_solve": ("_linalg_solve_ex", None), "linalg_solve_ex": ("_linalg_solve_ex", None),
    "linalg_qr": ("linalg_qr", None), "linalg_slogdet": ("_linalg_slogdet", None), "linalg_lu": ("linalg_lu", None),
    "linalg_lu_factor": ("linalg_lu_factor_ex", None), "linalg_lu_factor_ex": ("linalg_lu_factor_ex", None),
    "linalg_pinv": ("linalg_pinv", ("linalg.pinv", "result")),
    "linalg_matrix_power": ("matmul", ("matrix_power", "result")),
    "linalg_householder_product": ("linalg_householder_product", ("torch.linalg.householder_product", "result")),
    "linalg_eig": ("linalg_eig", ("torch.linalg.eig", "eigenvalues")),
    "linalg_cond": (COPIED, ("linalg.cond", "result")), "linalg_tensorinv": (COPIED, ("tensorinv", "result")),
    "linalg_tensorsolve": (COPIED, ("tensorsolve", "result")),
    "linalg_matrix_rank": (COPIED, ("linalg.matrix_rank", "result")),
    "linalg_eigvals": (FALLBACK, ("torch.linalg.eigvals", "eigenvalues")),
    "linalg_lstsq": ("linalg_lstsq", ("torch.linalg.lstsq", "solution")),
    "linalg_solve_triangular": ("linalg_solve_triangular", SCALAR_TYPE),
    "linalg_lu_solve": ("linalg_lu_solve", None),
    "linalg_ldl_factor": ("linalg_ldl_factor_ex", None), "linalg_ldl_factor_ex": ("linalg_ldl_factor_ex", None),
    "linalg_ldl_solve": ("linalg_ldl_solve", None),
}
signatures.NAMESPACE_OUT_WRITTEN.update(LINALG_OUT)


def write_linalg_out(name, fn, args, kwargs, out_type):
    """torch.linalg.<name>(..., out=) by its row of LINALG_OUT; out_type(cls) makes torch.return_types.<name>_out
    of the result's type (copies.write_out's maker)."""
    from .geometry_inplace import resize_output
    refuser, castable = LINALG_OUT[name]
    kwargs = dict(kwargs)
    out = kwargs.pop("out")
    outs = tuple(out) if isinstance(out, (tuple, list)) else (out,)
    for o in outs:
        if not isinstance(o, Tensor):
            raise type_error(f"{name}(): argument 'out' must be {'tuple of Tensors' if len(outs) > 1 else 'Tensor'}, "
                             f"not {type_name(o)}")
    inputs = [a for a in (*args, *kwargs.values()) if isinstance(a, Tensor)]
    grad = autograd.is_grad_enabled() and any(t.requires_grad for t in (*inputs, *outs))
    unimplemented = None
    if refuser is FALLBACK:  # (only an out that is (a view of) a leaf is refused; else a NotImplemented node)
        if grad and any(o.requires_grad and leaf_or_its_view(o) for o in outs):
            raise runtime(f"aten::{name}(): functions with out=... arguments don't support automatic differentiation, "
                          f"but one of the arguments requires grad.")
        unimplemented = NotImplementedNode(name, *inputs, *outs) if grad else None
    elif grad and refuser is not COPIED:
        raise runtime(f"{refuser}(): functions with out=... arguments don't support automatic differentiation, but "
                      f"one of the arguments requires grad.")
    if refuser is COPIED:
        result = fn(*args, **kwargs)
    else:
        with autograd.no_grad():
            result = fn(*args, **kwargs)
    results = tuple(result) if isinstance(result, tuple) else (result,)
    for r, o in zip(results, outs):
        if castable is SCALAR_TYPE:
            break
        if castable is None and o.dtype is not r.dtype:  # (the structured kernel's set_output)
            raise runtime(f"Expected out tensor to have dtype {_C[r.dtype.name]}, but got {_C[o.dtype.name]} instead")
        if castable is not None and not dtypes.can_cast(r.dtype, o.dtype):
            label, what = castable
            raise runtime(f"{label}: Expected {what} to be safely castable from {_S[r.dtype.name]} dtype, but got "
                          f"{what} with dtype {_S[o.dtype.name]}")
        if castable is not None:
            break  # (the other outputs of eig: checked as the first)
    for r, o in zip(results, outs):
        if tuple(o._shape) != tuple(r._shape):
            warn_resized(o, r._shape)
            resize_output(o, r._shape)
        if castable is SCALAR_TYPE and o.dtype is not r.dtype:
            raise runtime(f"expected scalar type {_S[r.dtype.name]} but found {_S[o.dtype.name]}")
        if refuser is COPIED:
            o.copy_(r)
        else:
            with autograd.no_grad():
                o.copy_(r)
        if unimplemented is not None:
            rebase_history(o, unimplemented)
    return outs[0] if not isinstance(result, tuple) else out_type(type(result))(outs)

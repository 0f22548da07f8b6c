"""torch.svd_lowrank and torch.pca_lowrank (torch/_lowrank.py, dense inputs): Halko et al.'s randomized range finder
with torch.randn's draws, linalg.qr's and linalg.svd's factors, as torch's Python composes them."""
from .. import creation
from ..errors import value_error


def _floating(A):
    from .. import dtypes
    return A.dtype if A.dtype.is_floating_point else dtypes.float32


def _qr(X):
    from .decompositions import qr
    return qr(X)[0]


def get_approximate_basis(A, q, niter=2, M=None):
    niter = 2 if niter is None else niter
    from ..torch_api import NAMESPACE  # (torch.randn behind its parser: a q of another type fails as PyTorch's)
    R = NAMESPACE["randn"](A.shape[-1], q, dtype=_floating(A))
    X = A.matmul(R)
    if M is not None:
        X = X - M.matmul(R)
    Q = _qr(X)
    for _ in range(niter):
        X = A.mH.matmul(Q)
        if M is not None:
            X = X - M.mH.matmul(Q)
        Q = _qr(X)
        X = A.matmul(Q)
        if M is not None:
            X = X - M.matmul(Q)
        Q = _qr(X)
    return Q


def _svd_lowrank(A, q=6, niter=2, M=None):
    from .decompositions import svd
    q = 6 if q is None else q
    m, n = A.shape[-2:]
    if M is not None:
        M = M.broadcast_to(A.size())
    if m < n:
        A = A.mH
        if M is not None:
            M = M.mH
    Q = get_approximate_basis(A, q, niter=niter, M=M)
    B = Q.mH.matmul(A)
    if M is not None:
        B = B - Q.mH.matmul(M)
    U, S, Vh = svd(B, full_matrices=False)
    V = Vh.mH
    U = Q.matmul(U)
    if m < n:
        U, V = V, U
    return U, S, V


def _shape_of(A):
    """A.shape as torch/_lowrank.py reads it first (Python's AttributeError for what is no tensor)."""
    from ..errors import make
    from ..tensorimpl import Tensor
    if not isinstance(A, Tensor):
        raise make("AttributeError", f"'{type(A).__name__}' object has no attribute 'shape'")
    return A.shape


def svd_lowrank(A, q=6, niter=2, M=None):
    _shape_of(A)
    return _svd_lowrank(A, q=q, niter=niter, M=M)


def pca_lowrank(A, q=None, center=True, niter=2):
    m, n = _shape_of(A)[-2:]
    if q is None:
        q = min(6, m, n)
    elif not (q >= 0 and q <= min(m, n)):
        raise value_error(f"q(={q}) must be non-negative integer and not greater than min(m, n)={min(m, n)}")
    if not (niter >= 0):
        raise value_error(f"niter(={niter}) must be non-negative integer")
    if not center:
        return _svd_lowrank(A, q, niter=niter, M=None)
    C = A.mean(dim=(-2,), keepdim=True)
    return _svd_lowrank(A - C, q, niter=niter, M=None)

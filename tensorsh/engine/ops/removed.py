"""The linear-algebra functions PyTorch removed in 1.9 that torch still binds (torch/_linalg_utils.py): each raises
its RuntimeError pointing at torch.linalg's replacement, as torch.<name> and as the Tensor method (torch/_tensor.py),
with Python's own arity errors (torch.symeig's function is named _symeig)."""
from ..errors import runtime


def matrix_rank(input, tol=None, symmetric=False, *, out=None):
    raise runtime(
        "This function was deprecated since version 1.9 and is now removed.\n"
        "Please use the `torch.linalg.matrix_rank` function instead. "
        "The parameter 'symmetric' was renamed in `torch.linalg.matrix_rank()` to 'hermitian'."
    )


def solve(input, A, *, out=None):
    raise runtime(
        "This function was deprecated since version 1.9 and is now removed. "
        "`torch.solve` is deprecated in favor of `torch.linalg.solve`. "
        "`torch.linalg.solve` has its arguments reversed and does not return the LU factorization.\n\n"
        "To get the LU factorization see `torch.lu`, which can be used with `torch.lu_solve` or `torch.lu_unpack`.\n"
        "X = torch.solve(B, A).solution "
        "should be replaced with:\n"
        "X = torch.linalg.solve(A, B)"
    )


def lstsq(input, A, *, out=None):
    raise runtime(
        "This function was deprecated since version 1.9 and is now removed. "
        "`torch.lstsq` is deprecated in favor of `torch.linalg.lstsq`.\n"
        "`torch.linalg.lstsq` has reversed arguments and does not return the QR decomposition in "
        "the returned tuple (although it returns other information about the problem).\n\n"
        "To get the QR decomposition consider using `torch.linalg.qr`.\n\n"
        "The returned solution in `torch.lstsq` stored the residuals of the solution in the "
        "last m - n columns of the returned value whenever m > n. In torch.linalg.lstsq, "
        "the residuals are in the field 'residuals' of the returned named tuple.\n\n"
        "The unpacking of the solution, as in\n"
        "X, _ = torch.lstsq(B, A).solution[:A.size(1)]\n"
        "should be replaced with:\n"
        "X = torch.linalg.lstsq(A, B).solution"
    )


def _symeig(input, eigenvectors=False, upper=True, *, out=None):
    raise runtime(
        "This function was deprecated since version 1.9 and is now removed. "
        "The default behavior has changed from using the upper triangular portion of the matrix by default "
        "to using the lower triangular portion.\n\n"
        "L, _ = torch.symeig(A, upper=upper) "
        "should be replaced with:\n"
        "L = torch.linalg.eigvalsh(A, UPLO='U' if upper else 'L')\n\n"
        "and\n\n"
        "L, V = torch.symeig(A, eigenvectors=True) "
        "should be replaced with:\n"
        "L, V = torch.linalg.eigh(A, UPLO='U' if upper else 'L')"
    )


def eig(self, eigenvectors=False, *, e=None, v=None):
    raise runtime(
        "This function was deprecated since version 1.9 and is now removed. "
        "`torch.linalg.eig` returns complex tensors of dtype `cfloat` or `cdouble` rather than real tensors "
        "mimicking complex tensors.\n\n"
        "L, _ = torch.eig(A) "
        "should be replaced with:\n"
        "L_complex = torch.linalg.eigvals(A)\n\n"
        "and\n\n"
        "L, V = torch.eig(A, eigenvectors=True) "
        "should be replaced with:\n"
        "L_complex, V_complex = torch.linalg.eig(A)"
    )


def solve_method(self, other):
    return solve(self, other)


def lstsq_method(self, other):
    return lstsq(self, other)


def eig_method(self, eigenvectors=False):
    return eig(self, eigenvectors=eigenvectors)


def symeig_method(self, eigenvectors=False):
    return _symeig(self, eigenvectors=eigenvectors)


for _f, _name in ((solve_method, "solve"), (lstsq_method, "lstsq"), (eig_method, "eig"), (symeig_method, "symeig")):
    _f.__name__, _f.__qualname__ = _name, "Tensor." + _name  # (torch/_tensor.py's methods: Python's errors name them)
_symeig.python_name = True  # (torch.symeig is torch/_linalg_utils.py's _symeig)

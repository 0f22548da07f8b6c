"""torch.linalg's decompositions (cholesky, qr, eigh, svd, triangular solves, matrix_power, vecdot) and their torch./Tensor
spellings: values, named tuples, grad_fn names and saved values, gradients (double backward included), batches,
partial factors of matrices that are not positive-definite, deprecation warnings and PyTorch's errors."""
import pytest

from same_as_torch import same_as_torch

CHOLESKY = """
A = torch.tensor([[4., 2., 0.6], [2., 5., 1.], [0.6, 1., 3.]], dtype=torch.float64, requires_grad=True)
L = torch.linalg.cholesky(A)
print(L, L.stride(), L.grad_fn._saved_upper, L.grad_fn._saved_L)
g, = torch.autograd.grad((L ** 3).sum(), A, create_graph=True)
print(g)
print(torch.autograd.grad(g.sum(), A))
U = torch.linalg.cholesky(A, upper=True)
U.sum().backward()
print(U, A.grad)
print(torch.linalg.cholesky_ex(torch.tensor([[[1., 0.], [0., 1.]], [[1., 2.], [2., 1.]]])))
print(torch.linalg.cholesky_ex(torch.tensor([[-1., 2.], [2., 1.]])))
print(torch.cholesky(A), A.cholesky(upper=True))
B = torch.tensor([[1., 2.], [0.5, -1.], [3., 0.]], dtype=torch.float64, requires_grad=True)
Lc = L.detach().requires_grad_()
X = torch.cholesky_solve(B, Lc)
print(X, X.grad_fn._saved_upper)
(X * X).sum().backward()
print(B.grad, Lc.grad)
Lc.grad = None
print(torch.cholesky_solve(B, U.detach(), upper=True), B.cholesky_solve(Lc))
Ci = torch.cholesky_inverse(Lc)
print(Ci, Lc.cholesky_inverse(upper=False).stride())
Ci.sum().backward()
print(Lc.grad)
S = torch.linalg.solve_triangular(Lc, B, upper=False)
print(S, S.grad_fn, S.grad_fn._saved_left, S.grad_fn._saved_unitriangular)
S.sum().backward()
print(B.grad)
print(torch.linalg.solve_triangular(U.detach(), B.T, upper=True, left=False))
print(torch.linalg.solve_triangular(Lc, B, upper=False, unitriangular=True))
r = torch.triangular_solve(B, Lc, upper=False)
print(r)
r.solution.sum().backward()
print(r.cloned_coefficient.grad_fn, Lc.grad)
"""

QR_EIGH_SVD = """
A = torch.tensor([[2., -1., 0.5], [1., 3., -2.], [0., 1., 1.], [4., 0., -1.]], requires_grad=True)
Q, R = torch.linalg.qr(A)
print(Q, R, Q.stride(), Q.grad_fn, Q.grad_fn._saved_mode)
(Q.sum() + (R * R).sum()).backward()
print(A.grad)
A.grad = None
print(torch.linalg.qr(A, mode='complete'), torch.linalg.qr(A.T))
Qr, Rr = torch.linalg.qr(A, mode='r')
print(Qr, Rr)
print(torch.qr(A), A.qr(some=False).Q.shape)
Q2, R2 = torch.linalg.qr(A.T)
(Q2.sum() + R2.sum()).backward()
print(A.grad)
A.grad = None
S = torch.tensor([[2., 1., 0.], [1., 3., 1.], [0., 1., 4.]], dtype=torch.float64, requires_grad=True)
w, V = torch.linalg.eigh(S)
print(w, V, V.stride(), w.grad_fn)
(w.sum() + (V ** 3).sum()).backward()
print(S.grad)
S.grad = None
print(torch.linalg.eigh(S, UPLO='U'), torch.linalg.eigvalsh(S))
torch.linalg.eigvalsh(S).pow(2).sum().backward()
print(S.grad)
S.grad = None
M = torch.tensor([[3., 1., 1.], [-1., 3., 1.], [0.5, -2., 2.]], dtype=torch.float64, requires_grad=True)
U, s, Vh = torch.linalg.svd(M, full_matrices=False)
print(U, s, Vh, U.stride(), Vh.stride(), s.grad_fn._saved_full_matrices, s.grad_fn._saved_S_sym_argsize_minus_1)
(U.sum() + s.sum() + (Vh ** 3).sum()).backward()
print(M.grad)
M.grad = None
print(torch.linalg.svd(M).Vh.shape, torch.linalg.svdvals(M), torch.linalg.svdvals(M.T))
torch.linalg.svdvals(M).sum().backward()
print(M.grad)
print(torch.svd(M), M.svd(compute_uv=False))
print(torch.linalg.svd(torch.tensor([[[1., 2.], [3., 4.]], [[0., 1.], [1., 0.]]])).S)
"""

POWERS = """
A = torch.tensor([[1., 0.5], [-0.25, 2.]], requires_grad=True)
for n in (0, 1, 2, 3, 5, -1, -3):
    P = torch.linalg.matrix_power(A, n)
    print(n, P, P.grad_fn)
print(torch.matrix_power(A, 4), A.matrix_power(2))
torch.linalg.matrix_power(A, 6).sum().backward()
print(A.grad)
print(torch.linalg.matrix_power(torch.ones(2, 3, 3), 2))
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
v = torch.linalg.vecdot(x, torch.tensor([1., 0., -1.]))
print(v, torch.linalg.vecdot(x, x, dim=0))
"""

RANDOM = """
torch.manual_seed(3)
for n in (1, 2, 3, 5, 8):
    for dt in (torch.float32, torch.float64):
        a = torch.randn(2, n, n, dtype=dt)
        s = a @ a.mT + n * torch.eye(n, dtype=dt)
        L = torch.linalg.cholesky(s)
        print(L, torch.linalg.eigvalsh(a), torch.linalg.svdvals(a), torch.linalg.qr(a).R)
        if n <= 3:
            print(torch.cholesky_solve(a, L), torch.linalg.solve_triangular(L, a, upper=False))
"""

LU = """
A = torch.tensor([[1., 2., 3.], [4., -5., 6.5], [7., 8., 1.]], requires_grad=True)
r = torch.linalg.lu_factor(A)
print(r, r.LU.stride(), r.LU.grad_fn._saved_pivot)
print(torch.linalg.lu_factor_ex(A))
(r.LU ** 2).sum().backward()
print(A.grad)
A.grad = None
P, L, U = torch.linalg.lu(A)
print(P, L, U, L.grad_fn, L.stride(), P.grad_fn)
(L.sum() + (U ** 2).sum()).backward()
print(A.grad)
A.grad = None
u = torch.lu_unpack(*torch.linalg.lu_factor(A))
print(u, u.L.grad_fn._saved_LU_data_sym_argsize_minus_2)
(u.L.sum() + u.U.sum()).backward()
print(A.grad)
A.grad = None
B = torch.tensor([[1., 2.], [0.5, -1.], [3., 0.]], requires_grad=True)
for left in (True, False):
    for adjoint in (False, True):
        LU, piv = torch.linalg.lu_factor(A)
        X = torch.linalg.lu_solve(LU, piv, B if left else B.T, left=left, adjoint=adjoint)
        (X ** 2).sum().backward()
        print(X, X.grad_fn._saved_left, X.grad_fn._saved_adjoint, A.grad, B.grad)
        A.grad = None
        B.grad = None
print(torch.lu_solve(B, LU, piv), B.lu_solve(LU, piv))
W = torch.tensor([[2., 1., 0.5, 3.], [1., 4., 1., -1.], [0., 1., 3., 2.]], requires_grad=True)
for M in (W, W.T):
    P, L, U = torch.linalg.lu(M)
    print(P, L, U)
    (L.sum() + (U ** 2).sum()).backward()
    print(W.grad)
    W.grad = None
    LU, piv = torch.linalg.lu_factor(M)
    print(LU, piv)
    (LU ** 2).sum().backward()
    print(W.grad)
    W.grad = None
    u = torch.lu_unpack(*torch.linalg.lu_factor(M))
    (u.L.sum() + (u.U ** 2).sum()).backward()
    print(W.grad)
    W.grad = None
print(torch.linalg.lu_factor_ex(torch.tensor([[[1., 2.], [2., 4.]], [[0., 1.], [1., 0.]]])))
torch.manual_seed(0)
for n in range(1, 9):
    for dt in (torch.float32, torch.float64):
        a = torch.randn(2, n, n, dtype=dt)
        print(torch.linalg.lu_factor(a), torch.linalg.lu(a.mT).L.tolist())
"""

COMPOSITES = """A = torch.tensor([[2., 1., 0.5], [1., 3., -1.], [0.5, -1., 4.]], requires_grad=True)
B = torch.tensor([[1., 2.], [0.5, -1.], [3., 0.]], requires_grad=True)
v = torch.tensor([1., -1., 2.], requires_grad=True)
r = torch.linalg.multi_dot([A, A, B])
print(r)
r.sum().backward()
print(A.grad, B.grad)
print(torch.linalg.multi_dot([v, A, B]), torch.linalg.multi_dot([v, A, v]), torch.linalg.multi_dot([A, B, B.T, A, v]))
P = torch.linalg.pinv(B)
print(P, P.grad_fn, torch.pinverse(B), B.pinverse())
(P ** 2).sum().backward()
print(B.grad)
B.grad = None
P = torch.linalg.pinv(B.T)
(P ** 2).sum().backward()
print(P, B.grad)
print(torch.linalg.pinv(A, hermitian=True), torch.linalg.pinv(torch.ones(2, 3)))
print(torch.linalg.matrix_rank(A), torch.linalg.matrix_rank(torch.ones(3, 3)), torch.linalg.matrix_rank(torch.ones(3, 3), atol=0.5), torch.linalg.matrix_rank(torch.ones(3, 3), hermitian=True))
for o in ('fro', 'nuc', 2, -2, 1, float('inf')):
    n = torch.linalg.matrix_norm(A, o)
    print(o, n, torch.linalg.norm(A, o))
n = torch.linalg.matrix_norm(A, 'nuc')
n.backward()
print(A.grad)
A.grad = None
print(torch.linalg.matrix_norm(torch.ones(2, 3, 4), 2, dim=(0, 2), keepdim=True).shape, torch.linalg.matrix_norm(torch.ones(2, 3, 4), 'nuc', dim=(2, 0)).shape, torch.linalg.matrix_norm(torch.ones(2, 3, 4), 'nuc', dim=(2, 0), keepdim=True))
for p in (None, 2, -2, 1, -1, float('inf'), 'fro', 'nuc'):
    print(p, torch.linalg.cond(A, p))
print(torch.linalg.cond(torch.tensor([[1., 2.], [2., 4.]]), 1))
E = torch.linalg.matrix_exp(A)
print(E, torch.matrix_exp(B @ B.T / 10), A.matrix_exp(), torch.linalg.matrix_exp(torch.tensor([[0.5]])))
E.sum().backward()
print(A.grad)
A.grad = None
M = torch.tensor([[1., 2.], [3., 4.], [5., 7.]], requires_grad=True)
y = torch.tensor([[1.], [2.], [2.]], requires_grad=True)
s = torch.linalg.lstsq(M, y)
print(s)
s.solution.sum().backward()
print(M.grad, y.grad)
print(torch.linalg.lstsq(M, torch.tensor([1., 2., 2.])))
"""

ERRORS = [
    "torch.linalg.cholesky(torch.tensor([[1., 2.], [2., 1.]]))",
    "torch.linalg.cholesky(torch.stack([torch.eye(2), torch.tensor([[1., 2.], [2., 1.]])]))",
    "torch.linalg.cholesky(torch.ones(2, 3))",
    "torch.linalg.cholesky(torch.ones(2, 2, dtype=torch.long))",
    "torch.linalg.cholesky(torch.ones(3))",
    "torch.linalg.cholesky_ex(torch.tensor([[1., 2.], [2., 1.]]), check_errors=True)",
    "torch.cholesky(torch.tensor([[1., 2.], [2., 1.]]))",
    "torch.cholesky(torch.ones(2, 2, dtype=torch.long))",
    "torch.cholesky_solve(torch.ones(2, 3), torch.eye(3))",
    "torch.cholesky_solve(torch.eye(2, dtype=torch.float64), torch.eye(2))",
    "torch.cholesky_solve(torch.ones(3), torch.eye(3))",
    "torch.cholesky_solve(torch.eye(2), torch.ones(3))",
    "torch.cholesky_solve(torch.eye(2), torch.ones(2, 3))",
    "torch.cholesky_solve(torch.ones(2, 2, 1), torch.eye(2).expand(3, 2, 2))",
    "torch.cholesky_inverse(torch.ones(2, 3))",
    "torch.cholesky_inverse(torch.ones(3))",
    "torch.cholesky_inverse(torch.ones(2, 2, dtype=torch.long))",
    "torch.linalg.qr(torch.ones(3))",
    "torch.linalg.qr(torch.ones(2, 2, dtype=torch.long))",
    "torch.linalg.qr(torch.ones(2, 3), mode='x')",
    "torch.linalg.qr(torch.ones(3, 3, requires_grad=True), mode='r')[1].sum().backward()",
    "torch.linalg.qr(torch.randn(3, 2, requires_grad=True), mode='complete')[0].sum().backward()",
    "torch.linalg.eigh(torch.ones(2, 3))",
    "torch.linalg.eigh(torch.ones(2, 2, dtype=torch.long))",
    "torch.linalg.eigh(torch.eye(2), UPLO='X')",
    "torch.linalg.eigvalsh(torch.ones(3))",
    "torch.linalg.eigh(torch.eye(2, dtype=torch.float16))",
    "torch.linalg.svd(torch.ones(3))",
    "torch.linalg.svd(torch.ones(2, 2, dtype=torch.long))",
    "torch.linalg.svdvals(torch.ones(2, 2, dtype=torch.long))",
    "torch.svd(torch.ones(3))",
    "torch.linalg.matrix_power(torch.ones(2, 3), 2)",
    "torch.linalg.matrix_power(torch.ones(3), 2)",
    "torch.linalg.matrix_power(torch.ones(2, 2, dtype=torch.long), -1)",
    "torch.linalg.matrix_power(torch.zeros(2, 2), -1)",
    "torch.linalg.solve_triangular(torch.ones(2, 3), torch.ones(2, 3), upper=True)",
    "torch.linalg.solve_triangular(torch.eye(2), torch.eye(3), upper=True)",
    "torch.linalg.solve_triangular(torch.eye(2), torch.ones(3), upper=True)",
    "torch.linalg.solve_triangular(torch.ones(3), torch.eye(2), upper=True)",
    "torch.linalg.solve_triangular(torch.eye(2, dtype=torch.long), torch.eye(2, dtype=torch.long), upper=True)",
    "torch.triangular_solve(torch.ones(3), torch.eye(3))",
    "torch.linalg.vecdot(torch.ones(3), torch.ones(2, 2))",
    "torch.linalg.lu_factor(torch.ones(3))",
    "torch.linalg.lu_factor(torch.zeros(2, 2))",
    "torch.linalg.lu_factor(torch.stack([torch.eye(2), torch.zeros(2, 2)]))",
    "torch.linalg.lu_factor(torch.ones(2, 2, dtype=torch.long))",
    "torch.linalg.lu_factor(torch.eye(2), pivot=False)",
    "torch.linalg.lu_factor_ex(torch.zeros(2, 2), check_errors=True)",
    "torch.linalg.lu(torch.eye(2), pivot=False)",
    "torch.linalg.lu_solve(torch.eye(2), torch.ones(2, dtype=torch.int64), torch.ones(2, 1))",
    "torch.linalg.lu_solve(torch.eye(2), torch.ones(2, dtype=torch.int32), torch.ones(3, 1))",
    "torch.lu_unpack(torch.eye(2), torch.ones(2))",
    "torch.linalg.lu_solve(torch.ones(3), torch.ones(3, dtype=torch.int32), torch.ones(3, 1))",
    "torch.linalg.lu_solve(torch.ones(2, 3), torch.ones(2, dtype=torch.int32), torch.ones(2, 1))",
    "torch.linalg.lu_solve(torch.eye(2), torch.ones(2, dtype=torch.int32), torch.ones(2))",
    "torch.ones(3, 3).lu_solve(torch.ones(3, 3), torch.ones(3, 3))",
    "torch.linalg.lu_solve(torch.eye(2), torch.ones(2, requires_grad=True), torch.ones(2, 1))",
    "torch.linalg.lstsq(torch.ones(3), torch.ones(3))",
    "torch.linalg.lstsq(torch.ones(3, 2), torch.ones(3, 1, dtype=torch.float64))",
    "torch.linalg.lstsq(torch.ones(3, 2), torch.ones(4, 1))",
    "torch.linalg.lstsq(torch.ones(3, 2), torch.ones(4))",
    "torch.linalg.lstsq(torch.ones(3, 2), torch.ones(3, 1), driver='x')",
    "torch.linalg.lstsq(torch.ones(3, 2, dtype=torch.long), torch.ones(3, 1, dtype=torch.long))",
    "torch.linalg.matrix_exp(torch.ones(2, 3))",
    "torch.linalg.matrix_exp(torch.ones(2, 2, dtype=torch.long))",
    "torch.linalg.matrix_rank(torch.ones(3))",
    "torch.linalg.matrix_rank(torch.ones(2, 2, dtype=torch.long))",
    "torch.linalg.multi_dot([torch.ones(2, 2), torch.ones(2, 2, dtype=torch.float64)])",
    "torch.linalg.multi_dot([torch.ones(2, 2)])",
    "torch.linalg.multi_dot([torch.ones(2, 2), torch.ones(2, 2, 2)])",
    "torch.linalg.multi_dot([torch.ones(2, 2), torch.ones(3, 2)])",
    "torch.linalg.multi_dot([torch.ones(2, 2), torch.ones(3), torch.ones(2, 2)])",
    "torch.linalg.cond(torch.ones(2, 3), 1)",
    "torch.linalg.cond(torch.ones(3))",
    "torch.linalg.pinv(torch.ones(3))",
    "torch.linalg.pinv(torch.ones(2, 2, dtype=torch.long))",
    "torch.linalg.matrix_norm(torch.ones(2, 2), 3)",
]


@pytest.mark.parametrize("program", [CHOLESKY, QR_EIGH_SVD, POWERS, LU, COMPOSITES],
                         ids=["cholesky", "qr_eigh_svd", "powers", "lu", "composites"])
def test_decompositions_as_torch(program):
    same_as_torch(program)


def test_printed_values_of_random_factorizations_as_torch():
    same_as_torch(RANDOM)


@pytest.mark.parametrize("call", ERRORS)
def test_decomposition_errors_as_torch(call):
    same_as_torch(call)

"""Classes of difference found by the twenty-seventh round's held-out programs on torch.linalg, torch.fft and complex
tensors (held27g, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"cholesky_inverse_of_a_factor_with_a_zero_diagonal_element_raises_potris_singular_error": """
for L in [torch.tensor([[1., 0.], [2., 0.]]), torch.tensor([[0., 0.], [2., 1.]]), torch.zeros(2, 2),
          torch.tensor([[1., 0.], [2., 0.]]).expand(3, 2, 2), torch.tensor([[2., 1.], [0., 0.]]),
          torch.tensor([[1., 0.], [2., 0.]], dtype=torch.complex128), torch.tensor([[1., 0.], [2., float('nan')]]),
          torch.tensor([[-1., 0.], [2., 3.]]), torch.zeros(0, 0), torch.eye(2).repeat(2, 3, 1, 1).index_put((torch.tensor([1]), torch.tensor([2])), torch.zeros(2, 2))]:
    for up in [False, True]:
        try:
            print(up, torch.cholesky_inverse(L, upper=up))
        except Exception as e:
            print(up, 'error:', e)  # (the in-process engine qualifies _LinAlgError's name: the message only)
""",
"a_dot_of_two_conjugate_views_is_the_conjugate_of_their_bases_dot": """
z = torch.tensor([1 + 1j, -2 + 0.5j])
w = torch.tensor([2 - 1j, 1 + 1j])
c, d = z.conj(), w.conj()
for a, b in [(c, c), (c, z), (z, c), (c, d), (z, w)]:
    print(torch.dot(a, b), torch.vdot(a, b), a @ b, torch.inner(a, b), a.dot(b))
print(torch.dot(torch.tensor([1 + 0j]).conj(), torch.tensor([1 + 0j]).conj()))
zz = torch.tensor([1 + 1j, -2 + 0.5j], requires_grad=True)
r = torch.dot(zz.conj(), zz.conj())
print(r)
r.real.backward()
print(zz.grad)
""",
"linalg_norm_names_dim_in_its_dim_length_message_whatever_the_order": """
x = torch.arange(24.).reshape(2, 3, 4)
for o in [None, 2, 1, float('inf'), 0, 'fro', 'nuc']:
    for d in [(0, 1, 2), (), None]:
        try:
            print(o, d, torch.linalg.norm(x, o, d))
        except Exception as e:
            print(o, d, type(e).__name__, e)
""",
"linalg_cond_checks_its_order_before_squareness_and_returns_zeros_for_an_empty_matrix": """
for A in [torch.eye(2), torch.ones(2, 3), torch.ones(3), torch.ones(0, 0), torch.ones(2, 0, 0), torch.ones(0, 3),
          torch.zeros(2, 0, 0, dtype=torch.complex64)]:
    for p in [None, 3, 0.5, 0, float('nan'), 1e20, -3, 123456789, 1.0000001, True, 1, -1, 1.0, -1.0, 2, -2,
              float('inf'), -float('inf'), 'fro', 'nuc', 'abc']:
        try:
            r = torch.linalg.cond(A, p)
            print(p, r, r.dtype)
        except Exception as e:
            print(p, type(e).__name__, e)
""",
"the_abs_var_std_norm_of_a_0_dim_complex_tensor_are_0_dim_and_carry_a_gradient_through_det": """
for dt in [torch.complex64, torch.complex128]:
    z = torch.tensor(3 + 4j, dtype=dt)
    for r in [z.abs(), torch.abs(z), z.var(), z.std(), z.norm(), torch.linalg.vector_norm(z), z.abs().sum(),
              torch.tensor([[3 - 4j]], dtype=dt)[0, 0].abs(), torch.tensor([1j, 2], dtype=dt).abs()]:
        print(dt, r.shape, r.dim(), r)
A = torch.tensor([[1 + 1j, 2], [0, 3 - 1j]], dtype=torch.complex128, requires_grad=True)
d = torch.linalg.det(A)
d.abs().backward()
print(d, A.grad.abs())
w = torch.tensor(1 - 1j, requires_grad=True)
y = (w * 2).abs()
y.backward()
print(y, y.shape, w.grad)
""",
"matrix_exp_of_half_and_bfloat16_reads_its_double_coefficients_as_16_bit_values": """
for dt in [torch.float16, torch.bfloat16]:
    for A in [torch.eye(2), torch.zeros(2, 2), torch.tensor([[0., 1.], [-1., 0.]]), torch.tensor([[0.1]]),
              torch.tensor([[0.5, 0.], [0., 0.01]]), torch.eye(3) * 0.2, torch.eye(2) * 1e-4, torch.eye(2) * 0.02,
              torch.tensor([[3., 1.], [0., 2.]])]:
        print(dt, torch.linalg.matrix_exp(A.to(dt)).flatten().tolist())
    x = torch.tensor([[0.3, -0.2, 0.1], [0.05, 0.1, -0.4], [0.2, 0.0, 0.25]])
    for s in [1e-3, 0.02, 0.2, 1.0, 4.0]:
        print(dt, s, torch.linalg.matrix_exp(torch.stack([x * s, x * -s]).to(dt)).flatten().tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round27_held27g_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

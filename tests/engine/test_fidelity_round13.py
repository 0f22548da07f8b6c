"""Classes of difference found in the thirteenth round (issue 16), one differential program each, run in torch and
in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"index_fill_restrides_self_over_its_storage_before_it_checks_an_index": """
v1 = torch.arange(4, dtype=torch.float64)
for view, dim, idx in [(v1[4:].reshape(0, 1), 0, [0, 1]), (v1[2:2].reshape(0, 1), 0, [0, 1]),
                       (v1[:0].reshape(0, 1), 0, [0]), (torch.arange(6.).reshape(2, 3)[:, 1:1], 1, [0]),
                       (torch.zeros(0, 2), 1, [5]), (torch.zeros(0, 2), 0, [5]), (torch.zeros(()), 0, [1])]:
    try:
        print(view.index_fill_(dim, torch.tensor(idx), 9.).shape)
    except Exception as e:
        print(type(e).__name__, e)
    print(v1, v1._version)
for shape, dim, idx in [((0, 1), 0, [0]), ((0, 3), -1, [0]), ((2, 0), -1, [1]), ((0, 2, 3), 0, [0, 0]),
                        ((0,), 0, 0), ((), 0, 0), ((0, 3), 0, [])]:
    for value in (1.5, torch.tensor(2.)):
        x = torch.zeros(shape, requires_grad=True)
        try:
            r = x.index_fill(dim, torch.tensor(idx), value)
            print(r.shape, r.grad_fn)
        except Exception as e:
            print(type(e).__name__, e)
""",
"a_fused_multiply_add_of_negative_zeros_keeps_the_sign_in_float64": """
for dt in (torch.float64, torch.float32):
    z = torch.full((5,), -0.0, dtype=dt)
    o = torch.tensor([-0.0, 0.0, 2.0, -3.0, -0.0], dtype=dt)
    a = torch.tensor([[-0.0, -2.0, -4.0, 1., 2., 3.]], dtype=dt)
    print(torch.add(a, a[:, :1], alpha=2).tolist(), torch.sub(a, a[:, :1].abs(), alpha=2).tolist())
    print(torch.add(a, -0.0, alpha=2).tolist(), torch.add(a.t(), a.t()[:1], alpha=2).tolist()[0])
    print(torch.addcmul(z, z, o, value=2).tolist(), torch.addcmul(z, o, o, value=-1).tolist())
    print(torch.lerp(z, o, 0.5).tolist(), torch.lerp(z, z, o).tolist())
    print(torch.add(z, o, alpha=3).tolist(), torch.sub(z, z, alpha=2).tolist(), torch.add(z.reshape(5, 1), z, alpha=2)[0].tolist())
    w = z.clone(); w.add_(z, alpha=2); print(w.tolist())
""",
"kron_of_non_contiguous_operands_views_them_as_they_are_laid_out": """
a = torch.tensor([[1.5, -2.0, 0.0], [3.25, -0.5, 4.0]], dtype=torch.float64)
for x, y in [(a.t(), a.t().clone()), (a, a.t()), (a.t(), a), (a[:, ::2], torch.ones(2, 2, dtype=torch.float64)),
             (a.t(), torch.tensor([1., 2.], dtype=torch.float64)), (torch.arange(3.), a.t()), (a.t()[None], a),
             (a.expand(2, 2, 3), a.t()), (a.contiguous(), a.t().clone())]:
    try:
        r = torch.kron(x, y)
        print(r, r.stride())
    except Exception as e:
        print(type(e).__name__, e)
w = a.t().clone().requires_grad_()
r = torch.kron(w, torch.ones(2, 2, dtype=torch.float64)[:, :1])
print(r.grad_fn, r.is_contiguous())
r.sum().backward()
print(w.grad)
""",
"a_bool_after_the_first_element_of_an_int_list_is_an_int": """
x = torch.ones(2, 3)
for f in [lambda: x.permute(0, True), lambda: x.permute((1, False)), lambda: x.view(True, 6), lambda: x.view((3, True, 2)),
          lambda: x.sum((0, True)), lambda: x.sum(True), lambda: x.squeeze((0, True)), lambda: x.flip((0, True)), lambda: x.flip(True),
          lambda: x.new_zeros(2, True), lambda: x.new_ones((True, 2)), lambda: torch.ones((2, True)), lambda: x.count_nonzero((0, True)),
          lambda: x.roll((1, True), (0, 1)), lambda: x.norm(dim=(0, True)), lambda: x.view(-1, True), lambda: x.logsumexp((True,)),
          lambda: x.view(3, torch.tensor(2)), lambda: x.tile((True, 2)), lambda: x.repeat(1, True), lambda: x.amax((0, True)),
          lambda: x.std(True), lambda: x.var(False), lambda: torch.std_mean(x, False), lambda: x.view(3, 2.0)]:
    try:
        r = f()
        print(r.shape if isinstance(r, torch.Tensor) else r)
    except Exception as e:
        print(type(e).__name__, e)
""",
"var_mean_and_std_mean_save_their_arguments_as_var_does": """
x = torch.tensor([[1., 2., 4.], [0.5, -1., 3.]], requires_grad=True)
for f in [lambda: torch.std_mean(x, 0), lambda: torch.var_mean(x, (0, 1), keepdim=True), lambda: torch.var_mean(x, -1, correction=2),
          lambda: torch.std_mean(x), lambda: torch.var_mean(x, True), lambda: torch.std_mean(x, unbiased=False)]:
    s, m = f()
    print(s, m, s.grad_fn._saved_correction, s.grad_fn._saved_dim, s.grad_fn._saved_keepdim, s.grad_fn._saved_self.shape)
    if hasattr(s.grad_fn, '_saved_result0'):
        print(s.grad_fn._saved_result0)
print([f().grad_fn._saved_correction for f in (lambda: x.var(unbiased=True), lambda: x.var(), lambda: x.var(None, True),
                                               lambda: x.std(0, False), lambda: x.std(0), lambda: x.std(unbiased=False),
                                               lambda: x.std(True), lambda: x.var(correction=0))])
""",
"the_method_sweep_edges_zero_dim_empty_bool_and_checks_in_pytorchs_order": """
z = torch.tensor(2.5)
b = torch.tensor([[True, False, True], [False, False, True]])
f = torch.tensor([[1.5, -2.0, 0.0], [3.25, -0.5, 4.0]])
e = torch.zeros(0, 3)
g = f.clone().requires_grad_()
cases = [lambda: z.topk(1), lambda: z.topk(0), lambda: z.topk(2), lambda: b.cross(b, dim=1), lambda: torch.cross(z, z),
         lambda: torch.cross(z, z, dim=0), lambda: torch.cross(torch.ones(2), torch.ones(2)), lambda: torch.linalg.cross(b, b.int()),
         lambda: torch.linalg.cross(torch.ones(1, 2, dtype=torch.int8), torch.ones(1, 2)),
         lambda: torch.linalg.cross(torch.ones(3, dtype=torch.int8), torch.ones(3)),
         lambda: f.masked_fill(f.bfloat16(), 1.), lambda: f.masked_fill_(f.half(), 1.), lambda: f.masked_fill(f.to(torch.int8), 1.),
         lambda: z.size(0), lambda: z.stride(-2), lambda: z.size(-1), lambda: z.flatten(1), lambda: z.flatten(-1, 0),
         lambda: z.frexp(), lambda: torch.ones(2).gather(0, torch.zeros(0)), lambda: torch.ones(2).scatter(0, torch.zeros(0), 1.),
         lambda: torch.ones(2).gather(0, torch.zeros(1)), lambda: e.take_along_dim(torch.zeros(0, 3)), lambda: z.cummax(1),
         lambda: z.cummin(-1), lambda: e.nanmedian(0), lambda: b.mvlgamma(1), lambda: b.mvlgamma_(2),
         lambda: f.long().ldexp_(f.long()), lambda: f.ldexp_(f.double()), lambda: f.new(-1), lambda: f.new_zeros(2, -1),
         lambda: f.new_ones((2, 3)), lambda: g.sub_(b), lambda: g.polygamma_(-1), lambda: g.diff(0), lambda: g.diff(n=0, dim=0, prepend=g)]
for i, c in enumerate(cases):
    try:
        r = c()
        print(i, r, r._version if isinstance(r, torch.Tensor) else '')
    except Exception as ex:
        print(i, type(ex).__name__, ex)
x = torch.tensor([1.5, 3., -0.0, 1e-40], requires_grad=True)
m, ex = x.frexp()
print(m, ex, m.grad_fn, ex.requires_grad, m.grad_fn._saved_exponent)
m.sum().backward()
print(x.grad)
""",
"a_norm_without_an_identity_refuses_an_empty_tensor_and_p_may_be_a_0_dim_tensor": """
e = torch.zeros(0, 3)
for f in [lambda: e.norm(-1), lambda: e.norm(float('-inf')), lambda: e.norm(float('inf')), lambda: e.norm(-0.5),
          lambda: torch.linalg.vector_norm(e, -2), lambda: e.norm(-1, dim=1), lambda: e.norm(-1, dim=0),
          lambda: torch.ones(3).norm(torch.tensor(2.)), lambda: torch.linalg.vector_norm(torch.ones(3), torch.tensor(3.)),
          lambda: e.norm(0), lambda: e.norm(2), lambda: e.norm(-1.0), lambda: e.norm(float('inf'), dim=(0, 1)),
          lambda: torch.zeros(2, 0).norm(float('inf'), dim=-1), lambda: torch.zeros(2, 0).norm(-1, dim=(1, 0))]:
    try:
        print(f())
    except Exception as ex:
        print(type(ex).__name__, ex)
""",
"zero_dim_squeeze_checks_its_dims_and_in_place_checks_come_first": """
z = torch.tensor(2.5)
g = torch.ones(2, requires_grad=True)
for f in [lambda: z.squeeze(1), lambda: z.squeeze(-1), lambda: z.squeeze((1,)), lambda: z.squeeze_(-2), lambda: z.squeeze((0, -1)),
          lambda: torch.ones(2, 3, dtype=torch.bfloat16).expand(3), lambda: torch.ones(2, 3).sum_to_size(0, True),
          lambda: torch.ones(2, 3).sum_to_size(1, True), lambda: g.mvlgamma_(0), lambda: torch.ones(2, dtype=torch.bool).mvlgamma_(1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"a_0_dim_tensor_indexed_by_an_int_in_an_assignment_and_its_product_with_keepdim": """
z = torch.tensor(1.5)
def attempt(f):
    try:
        f()
        print(z)
    except Exception as e:
        print(type(e).__name__, e)
def a(): z[0] = z
def b(): z[0] = torch.tensor([2.])
def c(): z[1] = torch.tensor(2.)
def d(): z[-1] = torch.tensor(2.)
def e(): z[0] = 2.0
def f(): z[...] = torch.tensor(4.)
for fn in (a, b, c, d, e, f):
    attempt(fn)
for dt in (torch.float16, torch.float32, torch.bfloat16, torch.int64, torch.bool):
    x = torch.tensor(3, dtype=dt)
    print(x.prod(0, keepdim=True), x.prod(-1, True).shape, x.sum(0, keepdim=True).shape)
g = torch.tensor(2.5, requires_grad=True)
r = g.prod(0, keepdim=True)
print(r, r.grad_fn._saved_keepdim, r.grad_fn._saved_dim)
r.backward()
print(g.grad, torch.tensor(2., dtype=torch.float16).norm().prod(0, keepdim=True).lerp(torch.tensor(1.), torch.tensor(-2.5)).dtype)
""",
"as_strided_backward_ends_in_the_bases_geometry_recorded_under_create_graph": """
v1 = torch.tensor([[[0.25, 0.0, 1.0], [0.5, -2.4664, 1.0]]], requires_grad=True)
v2 = v1.view(-1)
with torch.no_grad():
    v1.add_(1)
print(v2.grad_fn.name())
g, = torch.autograd.grad((v2 * v2).sum(), v1, create_graph=True)
print(g, g._base is None, g.grad_fn.next_functions[0][0].name(), g.grad_fn._saved_size, g.grad_fn._saved_stride,
      g.grad_fn._saved_storage_offset)
g.sum().backward()
print(v1.grad)
w = torch.ones(2, 3, requires_grad=True)
u = w.t()
with torch.no_grad():
    w.mul_(2)
g2, = torch.autograd.grad((u * u).sum(), w, create_graph=True)
print(g2, g2.stride())
(u * 3).sum().backward()
print(w.grad, w.grad._base is None)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round13_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found in round 21 on reductions, sorting/searching and torch.special (held21e), one
differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"out_resized_takes_the_iterator_layout": """
x = torch.tensor([[3., 1., 2.], [9., 8., 7.]]).t() / 10
x3 = torch.arange(24.).reshape(2, 3, 4).permute(2, 0, 1)
for f in (lambda o: torch.exp(x, out=o), lambda o: torch.add(x3, x3[:1], out=o), lambda o: torch.special.entr(x, out=o),
          lambda o: torch.special.xlogy(x, 2., out=o), lambda o: torch.special.i0e(x3, out=o),
          lambda o: torch.polygamma(1, x, out=o), lambda o: torch.special.bessel_j0(x, out=o),
          lambda o: torch.special.chebyshev_polynomial_t(x, 2, out=o), lambda o: torch.sort(x3, 1, out=(o, torch.empty(0, dtype=torch.long))),
          lambda o: torch.msort(x, out=o), lambda o: torch.cumsum(x, 0, out=o), lambda o: torch.special.ndtr(x, out=o),
          lambda o: torch.special.multigammaln(x + 3, 2, out=o), lambda o: torch.slice_scatter(x, x[:1], 0, 0, 1, out=o),
          lambda o: torch.clamp(x, 0.2, out=o)):
    for o in (torch.empty(0), torch.empty(2)):
        f(o)
        print(o.shape, o.stride())
""",
"special_bessel_and_polynomials_lay_out_as_the_iterator": """
x = torch.tensor([[3., 1., 2.], [9., 8., 7.]]).t() / 10
for f in (torch.special.bessel_j0, torch.special.modified_bessel_k1, torch.special.spherical_bessel_j0, torch.special.airy_ai,
          lambda t: torch.special.hermite_polynomial_h(t, 3), lambda t: torch.special.legendre_polynomial_p(0.5, t.long()),
          lambda t: torch.special.laguerre_polynomial_l(t[:1], t[:, :1])):
    r = f(x)
    print(r.shape, r.stride())
""",
"complex_input_refusals_of_the_special_functions": """
c = torch.tensor([1 + 1j, -0.5 + 2j, 0j])
for f in (torch.special.entr, torch.special.erfc, torch.erfc, torch.special.ndtri, torch.special.i0e, torch.special.i1,
          torch.special.i1e, lambda t: t.erfc_()):
    try:
        print(f(c))
    except Exception as e:
        print(type(e).__name__, e)
""",
"complex_sinc_and_its_gradient": """
torch.manual_seed(0)
for dt in (torch.complex64, torch.complex128):
    z = (torch.randn(400, dtype=dt) * 4).requires_grad_()
    y = torch.sinc(torch.cat([z, torch.zeros(1, dtype=dt)]))
    print([str(v) for v in y.tolist()][:5], torch.view_as_real(y.detach()).sum().item())
    y.backward(torch.randn(401, dtype=dt))
    print(z.grad[:6])  # (its last bits are complex division's: vectorized in PyTorch)
x = torch.tensor([0.25, 0., -1.5], requires_grad=True)
g, = torch.autograd.grad(torch.sinc(x).sum(), x, create_graph=True)
print(g, g.grad_fn)
""",
"real_sinc_gradient_multiplies_by_the_quotient": """
torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    z = torch.randn(2000, dtype=dt).requires_grad_()
    torch.sinc(z).backward(torch.randn(2000, dtype=dt))
    print([repr(v) for v in z.grad.tolist()[:8]], z.grad.sum().item())
""",
"complex_refusals_come_after_the_ops_argument_checks": """
c = torch.tensor([1 + 1j, -0.5 + 2j, 0j])
m = torch.ones(2, 3, dtype=torch.complex64)
for f in (lambda: torch.softmax(c, 1), lambda: torch.log_softmax(m, 0), lambda: torch.softmax(m, 1),
          lambda: torch.softmax(c, 0, dtype=torch.float32), lambda: torch.softmax(c.real, 0, dtype=torch.complex64),
          lambda: torch.mvlgamma(c, 0), lambda: torch.mvlgamma(c, 2), lambda: torch.kthvalue(c, 4), lambda: torch.kthvalue(c, 1, 3),
          lambda: torch.clamp(c), lambda: torch.clamp(c, min=1), lambda: torch.mode(c, 3), lambda: torch.cummin(m, -3),
          lambda: torch.topk(c, 5), lambda: torch.sort(c, 2), lambda: torch.max(c, 2), lambda: torch.argmax(c, 2),
          lambda: torch.amax(torch.tensor([], dtype=torch.complex64)), lambda: torch.unique(c, dim=3),
          lambda: torch.unique_consecutive(c), lambda: torch.unique_consecutive(c, dim=0), lambda: torch.unique_consecutive(c, dim=-1),
          lambda: torch.nansum(c, 3), lambda: torch.logcumsumexp(c, 3), lambda: torch.histc(c, -1), lambda: torch.polygamma(-1, c)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"complex_cov_conjugates_and_corrcoef_clips_each_part": """
c = torch.tensor([1 + 1j, -0.5 + 2j, 0j])
m = torch.tensor([[1 + 1j, -0.5 + 2j, 0j, 3-1j], [2j, 1, -1, 0.5+0.5j], [0, 1j, 2, 3]])
print(torch.cov(c), torch.corrcoef(c))
print(torch.cov(m), torch.corrcoef(m), torch.corrcoef(m.to(torch.complex128)))
""",
"xlogy_logs_by_the_c_library_and_logit_by_torch_log": """
torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    x = torch.randn(64, 129, dtype=dt) * 2
    for r in (torch.xlogy(x, x.abs() + 0.5), torch.special.entr(x.abs()), torch.logit(torch.sigmoid(x)),
              torch.logit(torch.sigmoid(x * 3), 0.01), torch.logit(torch.sigmoid(x.t()[:, :77]))):
        print([repr(v) for v in r.reshape(-1)[::7].tolist()])
""",
"trigamma_fuses_its_series_multiply_adds": """
torch.manual_seed(0)
for dt, bits in ((torch.float32, torch.int32), (torch.float64, torch.int64)):
    x = torch.cat([torch.rand(50000, dtype=dt) * 20 + 0.5, torch.rand(2000, dtype=dt) * 40 - 20])
    print(torch.polygamma(1, x).view(bits).sum())  # (every bit of every value)
    y = x.clone().requires_grad_()
    torch.digamma(y).sum().backward()
    print(y.grad.view(bits).sum())
""",
"renorm_backward_is_factor_times_grad_less_the_norms_gradient": """
torch.manual_seed(0)
for dt in (torch.float32, torch.float64, torch.float16, torch.bfloat16):
    for p in (2, 3, 1.5, 1, 0.5):
        x = (torch.randn(7, 33, dtype=dt) * 2).requires_grad_()
        x.renorm(p, 0, 1).backward(torch.randn(7, 33, dtype=dt))
        print(dt, p, [repr(v) for v in x.grad.reshape(-1).tolist()])
x = (torch.randn(3, 4) * 2).requires_grad_()
gx, = torch.autograd.grad(x.renorm(2, 1, 0.5).sum(), x, create_graph=True)
print(gx, gx.grad_fn, gx.grad_fn.next_functions)
""",
"reduced_float_renorm_and_i1_backward": """
torch.manual_seed(0)
for dt in (torch.float16, torch.bfloat16, torch.float32):
    x = (torch.randn(64, 129) * 2).to(dt)
    for p in (2, 3, float('inf')):
        r, r2 = x.renorm(p, 0, 5), x.t().renorm(p, 1, 0.5)
        print(dt, p, r.float().sum().item(), r2.float().sum().item(), r2.stride())
    for f in (torch.special.i1, torch.special.i1e):
        y = torch.tensor([0.5, 1.5], dtype=dt, requires_grad=True)
        try:
            f(y).sum().backward()
            print(y.grad)
        except Exception as e:
            print(type(e).__name__, e)
print(torch.renorm(torch.randn(4, 6).t(), 2, 1, 0.5, out=torch.empty(0)).stride())
""",
"reduced_float_prod_multiplies_in_vector_lanes": """
torch.manual_seed(0)
for dt in (torch.float16, torch.bfloat16):
    x = ((torch.randn(64, 129) * 2).to(dt)) / 4 + 1
    for r in (x.prod(1), x.prod(0), x.t().prod(0), x.prod(), x[:8, :9].prod(), x[:, :70].prod(1, keepdim=True),
              x.reshape(-1)[:5000].prod(), torch.prod(torch.arange(1, 40).reshape(3, 13), 1, dtype=dt)):
        print(dt, r.float().view(-1)[:6].tolist(), r.float().sum().item())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round21_held21e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Issue 16's missing torch functions (held-out programs call them): values, dtypes, grad_fn names, gradients,
versions and messages the same as torch's."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"inplace_comparisons_cumsum_clip": """
x = torch.tensor([1., 2., 3.], requires_grad=True)
y = x * 1
print(y.eq_(2), y._version)
y = x * 1; w = torch.tensor([2., 2., 2.], requires_grad=True); z = y.lt_(w); print(z)
z.sum().backward(); print(x.grad, w.grad)
for s in ["torch.tensor([1, 2, 3]).eq_(2.5)", "torch.tensor([1, 2, 3]).ge_(torch.tensor([2.5]))", "torch.tensor([True, False]).lt_(1)",
          "x.eq_(1)", "torch.ones(3).eq_(torch.ones(2))", "torch.ones(1).eq_(torch.ones(2))", "torch.ones(2, dtype=torch.half).gt_(0.5)",
          "torch.ones(3).greater_(0)", "torch.ones(3).less_equal_(0)", "torch.ones(3).not_equal_(1)", "torch.greater(torch.ones(2), 0)", "torch.less(torch.ones(2), 2)",
          "torch.tensor(2.).ne_(torch.tensor([2., 3.]))", "torch.ones(2).le_(torch.tensor(3))",
          "torch.clip_(torch.tensor([1., 5.]), 2, 3)", "torch.tensor([1., 5.]).clip_(max=2)", "torch.clamp_(torch.tensor([1., 5.]), 2)",
          "torch.tensor([1, 5]).clip_(0.5)",
          "torch.ones(3).cumsum_(0)", "torch.ones(3, dtype=torch.int32).cumsum_(0)", "torch.ones(3, dtype=torch.int32).cumsum_(0, dtype=torch.float)",
          "torch.ones(3, dtype=torch.int32).cumsum_(0, dtype=torch.int64)", "torch.ones(3, dtype=torch.int32).cumprod_(0, dtype=torch.float)",
          "torch.ones(3).cumsum_(0, dtype=torch.float64)", "torch.tensor([True, False]).cumsum_(0)", "torch.tensor(3.).cumsum_(0)",
          "torch.ones(2, 3).cumsum_(1)", "torch.ones(2, 3).cumsum_(-1)", "torch.ones(2, 3).cumsum_(2)", "torch.ones(0).cumsum_(0)"]:
    try:
        r = eval(s); print(s, r, r.dtype, r._version)
    except Exception as e: print(s, type(e).__name__, e)
y = x * 1; y.cumsum_(0); print(y, y._version); y.sum().backward(); print(x.grad)
x.grad = None
y = x * 1; y.clip_(1.5, 2.5); print(y); y.sum().backward(); print(x.grad)
y = x * 1; y.gt_(1.5); y.sum().backward(create_graph=True); print(x.grad)
""",
"multi_output_reductions": """
x = torch.tensor([[1., 2., 4.], [3., 0., 5.]], requires_grad=True)
r = torch.std_mean(x, 1); print(r, type(r).__name__)
(r[0].sum() + r[1].sum() * 2).backward(); print(x.grad)
x.grad = None; r = torch.var_mean(x, 0, correction=0, keepdim=True); print(r); r[0].sum().backward(); print(x.grad)
x.grad = None; r = torch.var_mean(x); r[1].backward(); print(x.grad)
x.grad = None; r = torch.std_mean(x, dim=(0, 1), keepdim=True); (r[0] * r[1]).sum().backward(); print(r, x.grad)
a = torch.aminmax(x, dim=1); print(a, type(a).__name__, a.min, a.max)
print(torch.aminmax(x), x.aminmax(dim=0, keepdim=True), x.aminmax(dim=-1))
x.grad = None; a = torch.aminmax(x); (a.min + a.max).backward(); print(x.grad)
y = torch.tensor([1., 3., 3., 1.], requires_grad=True); a = torch.aminmax(y); a.max.backward(); print(y.grad)
y.grad = None; mn, mx = y.aminmax(dim=0); (mn * 3 + mx).backward(); print(y.grad)
y.grad = None; v, m = torch.var_mean(y); v.backward(create_graph=True); print(y.grad)
for s in ['torch.std_mean(torch.tensor([1,2]))','torch.var_mean(torch.tensor([1.]))','torch.aminmax(torch.tensor([]))','torch.aminmax(torch.ones(0,3),dim=1)','torch.aminmax(torch.ones(0,3),dim=0)','torch.aminmax(torch.tensor([True,False]))','torch.aminmax(torch.tensor(3))','torch.aminmax(torch.tensor(3),dim=0)','torch.aminmax(torch.tensor(3),dim=0,keepdim=True)','torch.var_mean(torch.ones(2,3),dim=(0,1))','torch.var_mean(torch.ones(2,3),[0],False)','torch.std_mean(torch.ones(2,3),unbiased=False)','x.aminmax(dim=5)','torch.std_mean(torch.ones(3,dtype=torch.half))','torch.var_mean(torch.tensor(2.))','torch.aminmax(torch.tensor([float("nan"),1.]))',
          'torch.var_mean(torch.ones(0, 3), 0)', 'torch.var_mean(torch.ones(0, 3))', 'torch.aminmax(torch.ones(2, 3), dim=1, keepdim=True)', 'torch.aminmax(torch.ones(2, 3), keepdim=True)',
          'torch.var_mean(torch.ones(3), 2)', 'torch.aminmax(torch.tensor([1, 5, 2], dtype=torch.int32))', 'torch.std_mean(torch.tensor(3.), 0, keepdim=True)', 'torch.var_mean(torch.ones(2, 2), (0, 0))',
          'torch.aminmax(x, 0)', 'torch.var_mean(x, correction=2)', 'torch.std_mean(x, 1, True, True)']:
  try: print(s, eval(s))
  except Exception as e: print(s, type(e).__name__, e)
torch.manual_seed(0)
for shape, dims in [((7, 5), 1), ((7, 5), 0), ((50,), None), ((4, 3, 6), (0, 2)), ((300,), 0)]:
    for dt in (torch.float32, torch.float64):
        z = torch.randn(*shape, dtype=dt) * 3 + 1
        a, b = torch.var_mean(z, dims) if dims is not None else torch.var_mean(z)
        c, d = torch.std_mean(z, dims) if dims is not None else torch.std_mean(z)
        print(a.tolist(), b.tolist(), c.tolist(), d.tolist())
""",
"numeric_pairs": """
x = torch.tensor([-1., 0., 2.], requires_grad=True); v = torch.tensor([0.5, 0.5, 0.5])
r = torch.heaviside(x, v); print(r, len(r.grad_fn.next_functions), r.grad_fn.name())
try: r.sum().backward()
except Exception as e: print(type(e).__name__, e)
for s in ['torch.heaviside(torch.tensor([1,0,-2]), torch.tensor([5]))','torch.heaviside(torch.tensor([1,0,-2]), torch.tensor([5.]))','torch.heaviside(torch.tensor([1.,0.]), torch.tensor(0.5, dtype=torch.float64))','torch.heaviside(torch.tensor([1.,0.]), 0.5)','torch.tensor([1.,0.]).heaviside_(torch.tensor([2.]))',
 'torch.heaviside(torch.tensor([True,False]), torch.tensor([True]))','torch.heaviside(torch.tensor([float("nan"), -0.]), torch.tensor([3.]))', 'torch.tensor([1., 0.]).heaviside(torch.tensor([[2.], [3.]]))',
 'torch.nextafter(torch.tensor([1.,2.]), torch.tensor([2.,0.])).tolist()','torch.nextafter(torch.tensor([1,2]), torch.tensor([2,0]))','torch.nextafter(torch.tensor([1.,2.]), torch.tensor([2.,0.],dtype=torch.float64))','torch.nextafter(torch.tensor([1.,2.]), 3.)','torch.tensor([1.,2.]).nextafter_(torch.tensor(3.)).tolist()', 'torch.nextafter(torch.tensor([1.,2.],dtype=torch.float64), torch.tensor([2.,0.])).tolist()', 'torch.nextafter(torch.tensor([1.,2.],dtype=torch.half), torch.tensor([2.,0.],dtype=torch.half))',
 'torch.tensor([1, 2]).nextafter_(torch.tensor([2., 3.]))', 'torch.tensor([1., 2.]).nextafter_(torch.tensor([2., 3.], dtype=torch.float64))',
 'torch.gcd(torch.tensor([4,6,0,-4]), torch.tensor([6,9,0,6]))','torch.lcm(torch.tensor([4,6,0,-4]), torch.tensor([6,9,0,6]))','torch.gcd(torch.tensor([4.]), torch.tensor([6.]))','torch.gcd(torch.tensor([4]), torch.tensor([6],dtype=torch.int32))','torch.gcd(torch.tensor([4],dtype=torch.int32), torch.tensor([6],dtype=torch.int32))','torch.gcd(torch.tensor([4]), 6)','torch.tensor([4,8]).gcd_(torch.tensor([6]))','torch.tensor([4,8]).lcm_(torch.tensor([6]))','torch.gcd(torch.tensor([True]), torch.tensor([True]))','torch.tensor([4,8],dtype=torch.int32).gcd_(torch.tensor([6]))','torch.gcd(torch.tensor([4,8],dtype=torch.uint8), torch.tensor([6],dtype=torch.uint8))','torch.lcm(torch.tensor([-4,8]), torch.tensor([-6]))',
 'torch.gcd_(torch.tensor([4, 8]), torch.tensor([6]))', 'torch.tensor(4).gcd(torch.tensor([6, 10]))', 'torch.tensor([4]).gcd_(torch.tensor([6, 10]))', 'torch.gcd(torch.tensor([], dtype=torch.int64), torch.tensor([3]))']:
  try: print(s, eval(s))
  except Exception as e: print(s, type(e).__name__, e)
x = torch.tensor([1., 2.], requires_grad=True); y = torch.tensor([3., 0.], requires_grad=True)
r = torch.nextafter(x, y); print(r); r.sum().backward(); print(x.grad, y.grad)
z = x * 1; z.nextafter_(y); print(z.grad_fn, z._version); z.sum().backward(); print(x.grad, y.grad)
z = x * 1; z.heaviside_(y.detach()); print(z.grad_fn, z._version)
""",
"logit_sinc": """
x = torch.tensor([0.2, 0.5, 1.0, 0., -0.5, 1.5], requires_grad=True)
r = torch.logit(x); print(r); r.sum().backward(); print(x.grad)
x.grad = None; r = torch.logit(x, 0.25); print(r); r.sum().backward(); print(x.grad)
x.grad = None; r = torch.logit(x, eps=-1.); r.sum().backward(); print(x.grad)
print(torch.logit(torch.tensor([0, 1, 2])), torch.logit(torch.tensor([True])), torch.logit(torch.tensor([0.3], dtype=torch.half)))
y = x * 1; y.logit_(0.1); print(y, y._version)
y = x * 1; torch.logit_(y); print(y, y._version); y.sum().backward()
for s in ["torch.tensor([1, 2]).logit_()", "torch.logit(torch.tensor(0.25, dtype=torch.float64)).item()", "x.t() if False else torch.ones(2, 3).t().logit().stride()", "torch.logit(torch.ones(0))",
          "torch.sinc(torch.tensor([0, 1, 2]))", "torch.sinc(torch.tensor(0.25, dtype=torch.float64)).item()", "torch.tensor([1, 2]).sinc_()", "torch.sinc(torch.tensor([0.3, 0.], dtype=torch.half))"]:
    try: print(s, eval(s))
    except Exception as e: print(s, type(e).__name__, e)
x = torch.tensor([0., 0.5, -1.5, 2.], requires_grad=True)
r = torch.sinc(x); print(r); r.sum().backward(); print(x.grad)
x.grad = None; r = x.sinc(); g, = torch.autograd.grad(r.sum(), x, create_graph=True); print(g); g.sum().backward(); print(x.grad)
y = x * 2; y.sinc_(); print(y, y._version)
torch.manual_seed(0)
z = torch.rand(3000)
print(torch.sinc((z - 0.5) * 10).sum().item(), torch.sinc(z[:300].double() * 7).tolist())
""",
"half_logit_sinc_entr": """
torch.manual_seed(0)
h = torch.rand(300).half()
print(torch.logit(h).tolist() == torch.logit(h).tolist(), torch.logit(h, 0.1).tolist()== torch.logit(h, 0.1).tolist(), torch.sinc(h * 4).tolist() == torch.sinc(h * 4).tolist())
print(torch.logit(h).sum(), torch.sinc(h * 4).sum(), torch.special.entr(h).sum(), torch.special.entr(h.float()).sum(), torch.special.entr(h.double()).sum())
print(torch.logit(h[:5]), torch.logit(h[:5], 0.25), torch.sinc(h[:5]))
""",
"special_linalg_namespaces": """
x = torch.tensor([0., 0.5, -1.5, 2.], requires_grad=True)
r = torch.special.entr(x); print(r); r.sum().backward(); print(x.grad)
r = torch.special.ndtr(x); print(r, r.grad_fn.next_functions[0][0].next_functions)
print(torch.special.entr(torch.tensor([0, 1, 2])), torch.special.ndtr(torch.tensor([0, 1])))
print(torch.special.logit(x), torch.special.expit(x), torch.special.exp2(x), torch.special.gammaln(x), torch.special.psi(x), torch.special.round(x), torch.special.round(x, decimals=1))
print(torch.special.erf(x), torch.special.erfc(x), torch.special.erfinv(x / 4), torch.special.log1p(x), torch.special.expm1(x), torch.special.digamma(x + 1))
print(torch.special.softmax(x, 0), torch.special.log_softmax(x, dim=0), torch.special.logsumexp(x, 0), torch.special.xlogy(x, x), torch.special.sinc(x))
for s in ["torch.special.expit(1)", "torch.special.entr(2.)", "torch.special.softmax(x, 0, dtype=torch.float64)"]:
    try: print(s, eval(s))
    except Exception as e: print(s, type(e).__name__, e)
A = torch.tensor([[1., -2., 3.], [4., 5., -6.]], requires_grad=True)
for s in ['torch.linalg.norm(A)','torch.linalg.norm(A, 1)','torch.linalg.norm(A, float("inf"))','torch.linalg.norm(A, -1)','torch.linalg.norm(A, "fro")','torch.linalg.norm(A, dim=1)','torch.linalg.norm(A, 3, dim=1)','torch.linalg.norm(A, dim=(0,1), keepdim=True)','torch.linalg.norm(A[0], 1)','torch.linalg.norm(A, 3)','torch.linalg.norm(A.reshape(1,2,3), 1)','torch.linalg.norm(A.reshape(1,2,3), "fro")','torch.linalg.norm(A.reshape(1,2,3))','torch.linalg.norm(A, dim=(0,1,1))','torch.linalg.norm(A, 1, dim=(0,0))','torch.linalg.matrix_norm(A)','torch.linalg.matrix_norm(A, 1)','torch.linalg.matrix_norm(A, -float("inf"), keepdim=True)','torch.linalg.matrix_norm(A[0])','torch.linalg.matrix_norm(A, 3)','torch.linalg.matrix_norm(A, "abc")','torch.linalg.vector_norm(A)','torch.linalg.vector_norm(A, 1, 0)','torch.linalg.vector_norm(A, dim=(0,1))','torch.linalg.vector_norm(torch.tensor([1,2]))','torch.linalg.norm(torch.tensor([3,4]))','torch.linalg.matrix_norm(A, 1, dim=(1,0))','torch.linalg.matrix_norm(A, 1, dim=(1,1))',
          'torch.linalg.matrix_norm(A.reshape(2, 1, 3), 1, dim=(0, 2))', 'torch.linalg.matrix_norm(A.reshape(2, 1, 3), float("inf"), dim=(2, 0), keepdim=True)', 'torch.linalg.vector_norm(A, float("inf"))', 'torch.linalg.vector_norm(A, 0)', 'torch.linalg.norm(A, -2.5, 1)']:
  try: r = eval(s); print(s, r, r.grad_fn.next_functions[0][0].name() if r.grad_fn else None)
  except Exception as e: print(s, type(e).__name__, e)
r = torch.linalg.norm(A, 1) + torch.linalg.matrix_norm(A, float("inf")) + torch.linalg.vector_norm(A, 3, 1).sum(); r.backward(); print(A.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

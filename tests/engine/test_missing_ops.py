"""Issue 16's missing torch functions (held-out programs call them): values, dtypes, grad_fn names, gradients,
versions and messages the same as torch's."""
import pytest

from same_as_torch import same_as_torch

CHAIN = """
def chain(f, d=4):
    if f is None or d == 0: return 'None' if f is None else '..'
    return f.name() + '(' + ','.join(chain(n[0], d - 1) for n in f.next_functions) + ')'
"""  # (a grad_fn's chain of node names, d levels deep, for the programs below)

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
r = torch.std_mean(x, 1); print(r, type(r).__qualname__)
(r[0].sum() + r[1].sum() * 2).backward(); print(x.grad)
x.grad = None; r = torch.var_mean(x, 0, correction=0, keepdim=True); print(r); r[0].sum().backward(); print(x.grad)
x.grad = None; r = torch.var_mean(x); r[1].backward(); print(x.grad)
x.grad = None; r = torch.std_mean(x, dim=(0, 1), keepdim=True); (r[0] * r[1]).sum().backward(); print(r, x.grad)
a = torch.aminmax(x, dim=1); print(a, type(a).__qualname__, a.min, a.max)
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
"take_indices_logspace": """
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
def tr(s):
    try:
        r = eval(s)
        print(s, '->', r, r.dtype, r.stride(), r.grad_fn)
    except Exception as e: print(s, '!!', type(e).__name__, e)
for s in ['torch.take(x, torch.tensor([0,5,-1]))','x.take(torch.tensor([[0],[3]]))','torch.take(x, torch.tensor([6]))','torch.take(x, torch.tensor([-7]))','torch.take(x, torch.tensor([1.]))','torch.take(x, torch.tensor([],dtype=torch.long))','torch.take(torch.ones(0), torch.tensor([0]))','torch.take(x, torch.tensor(2))','torch.take(torch.tensor(5.), torch.tensor([0,0]))','torch.take(x, torch.tensor([0],dtype=torch.int32))', 'torch.take(x.t(), torch.tensor([1, 2]))', 'torch.take(x, [1])', 'torch.take(torch.ones(0), torch.tensor([], dtype=torch.long))',
'torch.tril_indices(3,3)','torch.triu_indices(3,4,1)','torch.tril_indices(4,3,-1)','torch.triu_indices(3,3,-5)','torch.tril_indices(0,3)','torch.tril_indices(3,3,dtype=torch.int32)','torch.tril_indices(-1,3)','torch.triu_indices(3,-2)','torch.tril_indices(3,3,dtype=torch.float)','torch.triu_indices(2,2,offset=5)', 'torch.tril_indices(3, 3, dtype=torch.int16)', 'torch.triu_indices(3, 0)', 'torch.tril_indices(2, 5, 2)',
'torch.logspace(0,2,3)','torch.logspace(0,1,5,base=2)','torch.logspace(0,2,3,dtype=torch.int64)','torch.logspace(-1,1,4)','torch.logspace(0,3,1)','torch.logspace(0,3,0)','torch.logspace(0,1,-1)','torch.logspace(0,1,5,requires_grad=True)','torch.logspace(torch.tensor(0.),2,3)', 'torch.logspace(0, 2, 4, dtype=torch.half)', 'torch.logspace(1, 3, 5, base=2, dtype=torch.int32)', 'torch.logspace(0, 1, 3, dtype=torch.int64, requires_grad=True)', 'torch.logspace(2.5, 0.1, 6, base=3.3)']:
    tr(s)
print(torch.logspace(-1,1,4).tolist(), torch.logspace(0.5,3.3,7,dtype=torch.float64).tolist(), torch.logspace(0,2,steps=3,base=10.5).tolist(), torch.logspace(-3, 7, 33).tolist(), torch.logspace(0.1, 2.9, 11, base=1.7, dtype=torch.float64).tolist())
r = torch.take(x, torch.tensor([[0, 5], [0, -6]])); r.sum().backward(); print(x.grad)
x.grad = None; r = x.take(torch.tensor([1, 1, 4])); (r * torch.tensor([1., 2., 3.])).sum().backward(); print(x.grad)
""",
"products_cross_blocks": """
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
v = torch.tensor([1., 2., 3.], requires_grad=True)
def tr(s):
    try:
        r = eval(s)
        if isinstance(r, torch.Tensor): print(s, '->', r, r.dtype, r.stride(), r._version, chain(r.grad_fn, 2))
        else: print(s, '->', r)
    except Exception as e: print(s, '!!', type(e).__name__, e)
for s in ['torch.kron(x, v)','torch.kron(v, v)','torch.kron(x, x)','torch.kron(torch.tensor([1,2]), torch.tensor([[1],[3]]))','torch.kron(torch.tensor(2.), v)','x.kron(torch.tensor([1,2]))', 'torch.kron(x, 2)',
'torch.cross(x, x+1, dim=1)','torch.linalg.cross(x, x.flip(0))','torch.cross(torch.ones(3,3), torch.ones(3,3), dim=0)','torch.linalg.cross(torch.ones(3,2), torch.ones(3,2))','torch.cross(torch.ones(3,3), torch.ones(1,3),dim=1)','torch.cross(torch.tensor([1,2,3]), torch.tensor([3,2,1]), dim=0)','torch.cross(torch.tensor([1,2,3]), torch.tensor([3.,2,1]), dim=0)','torch.linalg.cross(torch.ones(3), torch.ones(3), dim=1)','torch.cross(torch.ones(3), torch.ones(4), dim=0)','torch.cross(torch.ones(3,3),torch.ones(3,3),dim=2)', 'torch.linalg.cross(torch.ones(2, 3), torch.ones(3, 3))', 'torch.linalg.cross(torch.ones(3), torch.ones(2, 3))',
'torch.block_diag(x, v)','torch.block_diag(x, torch.tensor(5.))','torch.block_diag()','torch.block_diag(torch.tensor([1,2]), torch.tensor([[1.]]))','torch.block_diag(torch.ones(2,2,2))','torch.block_diag(torch.ones(0,2), v)', 'torch.block_diag(x, 3)',
'torch.cartesian_prod(v, v)','torch.cartesian_prod(v)','torch.cartesian_prod(v, torch.tensor([1,2]))','torch.cartesian_prod(v, v, v).shape','torch.cartesian_prod(x)',
'torch.combinations(v)','torch.combinations(v, 3)','torch.combinations(v, with_replacement=True)','torch.combinations(v, 0)','torch.combinations(v, 4)','torch.combinations(x)','torch.combinations(torch.tensor([1,2,3]), 2)','torch.combinations(v,-1)',
'torch.tensordot(x, x, 1)','torch.tensordot(x, x.t(), 1)','torch.tensordot(x, x, ([0],[0]))','torch.tensordot(x, x, dims=2)','torch.tensordot(x, v, dims=([1],[0]))','torch.tensordot(x, x, 0).shape','torch.tensordot(x, torch.ones(3, dtype=torch.float64), ([1],[0]))','torch.tensordot(x, v, ([0],[0]))','torch.tensordot(x, x, -1)','torch.tensordot(x,x,[[0,1],[0,1]])', 'torch.tensordot(x, torch.ones(1, 4), ([1], [0]))', 'torch.tensordot(torch.arange(24.).reshape(2, 3, 4), torch.arange(60.).reshape(4, 3, 5), ([1, 2], [1, 0]))', 'torch.tensordot(torch.tensor([1, 2]), torch.tensor([3, 4]), 1)']:
    tr(s)
r = torch.kron(x, v); r.sum().backward(); print(x.grad, v.grad)
x.grad = v.grad = None
r = torch.cross(x, x.flip(0) * v, dim=1); (r * torch.arange(6.).reshape(2, 3)).sum().backward(); print(x.grad, v.grad)
x.grad = v.grad = None
r = torch.block_diag(x, v, torch.tensor(2.)); (r * torch.arange(24.).reshape(4, 6)).sum().backward(); print(x.grad, v.grad)
x.grad = v.grad = None
r = torch.cartesian_prod(v, v * 2); (r * torch.arange(18.).reshape(9, 2)).sum().backward(); print(v.grad)
v.grad = None
r = torch.combinations(v, 2, True); (r * torch.arange(12.).reshape(6, 2)).sum().backward(); print(v.grad)
r = torch.tensordot(x, x, ([0], [0])); r.sum().backward(); print(x.grad)
""",
"rot90_fill_diagonal": """
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
v = torch.tensor([1., 2., 3.], requires_grad=True)
def tr(s):
    try:
        r = eval(s)
        if isinstance(r, torch.Tensor): print(s, '->', r, r.dtype, r.stride(), r._version, r.grad_fn, r._base is not None)
        else: print(s, '->', r)
    except Exception as e: print(s, '!!', type(e).__name__, e)
for s in ['torch.rot90(x)','torch.rot90(x,2)','torch.rot90(x,-1)','torch.rot90(x,3,[1,0])','torch.rot90(x,4)','torch.rot90(x,1,[0,0])','torch.rot90(v)','torch.rot90(x,1,[0])','torch.rot90(x,5,[0,2])','x.rot90(1,(1,-2))', 'torch.rot90(torch.arange(24).reshape(2, 3, 4), 1, [2, 0])', 'torch.rot90(x, 1, [0, -2])',
          '(x*1).fill_diagonal_(0)','torch.zeros(3,5).fill_diagonal_(1)','torch.zeros(7,3).fill_diagonal_(2, wrap=True)','torch.zeros(7,3).fill_diagonal_(2)','torch.zeros(3,3,3).fill_diagonal_(1)','torch.zeros(3,2,3).fill_diagonal_(1)','torch.zeros(3).fill_diagonal_(1)','x.fill_diagonal_(1)','torch.zeros(2,2,dtype=torch.long).fill_diagonal_(1.5)','torch.zeros(2,2).fill_diagonal_(torch.tensor(3.))','torch.zeros(2,2).t().fill_diagonal_(1)','torch.zeros(2,2).fill_diagonal_(True)','torch.zeros(0,0).fill_diagonal_(1)', 'torch.zeros(4, 6)[:, 1:].fill_diagonal_(5)', 'torch.zeros(5, 2).fill_diagonal_(1, True)']:
    tr(s)
r = torch.rot90(x, 1); (r * torch.arange(6.).reshape(3, 2)).sum().backward(); print(x.grad)
x.grad = None; r = torch.rot90(x, 2, [1, 0]); g, = torch.autograd.grad((r * r).sum(), x, create_graph=True); print(g); g.sum().backward(); print(x.grad)
y = x * 1; y.fill_diagonal_(-1.); y.sum().backward(); print(x.grad, y._version, y.grad_fn)
a = torch.zeros(3, 3); d = a.diagonal(); a.fill_diagonal_(4); print(d, d._version, a._version)
print(torch.cross(v, v * 2), v.cross(torch.tensor([[1., 0., 0.]])), torch.cross(torch.ones(3, 3), torch.ones(3, 3)))
""",
"searching_histc": """
def tr(s):
    try:
        r = eval(s)
        if isinstance(r, torch.Tensor): print(s, '->', r, r.dtype, r.stride(), r.grad_fn)
        else: print(s, '->', r)
    except Exception as e: print(s, '!!', type(e).__name__, e)
b = torch.tensor([1., 3., 5., 7.])
for s in ['torch.isin(torch.tensor([1,2,3]), torch.tensor([2,5]))','torch.isin(torch.tensor([1.,2.]), torch.tensor([2]))','torch.isin(torch.tensor([[1,2],[3,4]]), torch.tensor([4,1]), invert=True)','torch.isin(torch.tensor([1,2]), 2)','torch.isin(2, torch.tensor([1,2]))','torch.isin(torch.tensor([1,2]), torch.tensor([2]), assume_unique=True)','torch.isin(torch.tensor([float("nan")]), torch.tensor([float("nan")]))','torch.isin(torch.tensor([True]), torch.tensor([1]))','torch.isin(torch.tensor([1.5]), torch.tensor([1.5],dtype=torch.float64))','torch.isin(torch.tensor(3), torch.tensor([3]))', 'torch.isin(torch.tensor([1, 2]), torch.tensor([1.5, 2.]))', 'torch.isin(torch.ones(0), torch.ones(2))',
'torch.searchsorted(b, torch.tensor([0.,3.,4.,8.]))','torch.searchsorted(b, torch.tensor([3.,5.]), right=True)','torch.searchsorted(b, torch.tensor([3.]), side="right")','torch.searchsorted(b, 4.)','torch.searchsorted(b, torch.tensor([[3.],[6.]]))','torch.searchsorted(torch.tensor([[1,3],[2,4]]), torch.tensor([[2],[3]]))','torch.searchsorted(b, torch.tensor([3.]), out_int32=True)','torch.searchsorted(b, torch.tensor([3]))','torch.searchsorted(torch.tensor([3,1,2]), torch.tensor([2]))','torch.searchsorted(b, torch.tensor([3.]), sorter=torch.tensor([0,1,2,3]))','torch.searchsorted(torch.tensor([[1,3],[2,4]]), torch.tensor([2]))','torch.searchsorted(b, torch.tensor(3.))','torch.searchsorted(b, torch.tensor([3.]), side="left", right=True)','torch.searchsorted(b, torch.tensor([3.]), side="x")', 'torch.searchsorted(torch.tensor([5., 1., 3.]), torch.tensor([2., 4.]), sorter=torch.tensor([1, 2, 0]))', 'torch.searchsorted(b, torch.tensor([3.]), side="right", right=True)', 'torch.searchsorted(torch.tensor([[1.]]), torch.tensor(3.))',
'torch.bucketize(torch.tensor([0.,3.,4.,8.]), b)','torch.bucketize(torch.tensor([3.,5.]), b, right=True)','torch.bucketize(4., b)','torch.bucketize(torch.tensor([[3],[6]]), b)','torch.bucketize(torch.tensor([3.]), b, out_int32=True)','torch.bucketize(torch.tensor([3.]), torch.tensor([[1.,2.]]))','torch.bucketize(torch.tensor(3.), b)',
'torch.histc(torch.tensor([1.,2.,1.]), bins=4, min=0, max=3)','torch.histc(torch.tensor([1.,2.,1.]))','torch.histc(torch.tensor([1,2,1]))','torch.histc(torch.tensor([1.,2.,1.],dtype=torch.float64), 3)','torch.histc(torch.tensor([1.,2.,1.]), bins=-1)','torch.histc(torch.tensor([1.,2.,1.]), 3, 5, 1)','torch.histc(torch.tensor([]), 3)','torch.histc(torch.tensor([2.,2.]), 3)','torch.histc(torch.tensor([0.,1.,float("nan")]), 2)','torch.tensor([1.,5.,3.]).histc(2)','torch.histc(torch.tensor([1.,2.,1.],requires_grad=True), 4)','torch.histc(torch.tensor([0.1,0.2,0.3,0.7,0.9999,1.0]),3,0,1)','torch.histc(torch.tensor([1.,float("inf")]),3)', 'torch.histc(torch.tensor([-1., 0.5, 2., 3.]), 4, 0, 2)']:
    tr(s)
torch.manual_seed(0)
z = torch.randn(1000)
print(torch.histc(z, 7).tolist(), torch.histc(z.double(), 13, -1, 1.5).tolist(), torch.histc(z, 10, -0.3, 0.7).tolist())
""",
"tensordot_python_checks": """
x = torch.ones(2, 3)
for s in ['torch.tensordot(1, x, ([0],[0]))','torch.tensordot(x, 1, ([0],[0]))','torch.tensordot(x, x, 3)','torch.tensordot(x, x, 1.5)','torch.tensordot(x, x, ([0],[0],[1]))','torch.tensordot(x, x, torch.tensor(-1))','torch.tensordot(x, x, torch.tensor([[0],[0],[1]]))', 'torch.tensordot(x, x, ([0,1],[0]))','torch.gcd_(torch.ones(2, requires_grad=True), torch.ones(2))','torch.gcd_(torch.ones(2), torch.ones(2))',
          'torch.tensordot(0, 1)', 'torch.tensordot(2, 3, 4)', 'torch.tensordot((2, 2), 1.5)', 'torch.tensordot(x, x, torch.tensor([[0], [0]]))', 'torch.tensordot(x, x.t(), torch.tensor(1))', 'torch.ones(2, requires_grad=True).lcm_(torch.ones(2))']:
    try: print(s, eval(s))
    except Exception as e: print(s, type(e).__name__, e)
""",
"validate_outputs_scatter_add": """
z = torch.zeros(3, requires_grad=True)
s = torch.ones(2, requires_grad=True)
r = z.scatter_add(0, torch.tensor([0]), s)
print(r)
try: r.sum().backward()
except Exception as e: print(type(e).__name__, e)
print(z.grad, s.grad)
z2 = torch.zeros(3, requires_grad=True)
r = z2.scatter_add(0, torch.tensor([0]), s.detach())
r.sum().backward(); print(z2.grad)
s2 = s * 1
r = torch.zeros(3).scatter_add(0, torch.tensor([0]), s2)
try: r.sum().backward()
except Exception as e: print(type(e).__name__, e)
y = torch.zeros(3, requires_grad=True) * 1
y.scatter_add_(0, torch.tensor([1]), s2)
try: y.sum().backward()
except Exception as e: print(type(e).__name__, e)
print(s.grad)
""",
"scatter_reduce": """
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
src = torch.tensor([[10., 20., 30.], [40., 50., 60.]], requires_grad=True)
idx = torch.tensor([[0, 1, 0], [0, 0, 1]])
for red in ['sum', 'prod', 'mean', 'amax', 'amin']:
    for inc in [True, False]:
        x.grad = None; src.grad = None
        r = x.scatter_reduce(0, idx, src, red, include_self=inc); print(red, inc, r)
        (r * torch.arange(6.).reshape(2, 3)).sum().backward(); print(x.grad, src.grad)
y = x * 1; y.scatter_reduce_(1, idx, src, 'amax'); print(y, y._version, y.grad_fn)
y.sum().backward(); print(x.grad, src.grad)
for s in ['x.scatter_reduce(0, idx, src, "max")', 'x.scatter_reduce(0, idx, src, "min")', 'x.scatter_reduce(0, idx.float(), src, "sum")','x.scatter_reduce(0, idx, src.double(), "sum")','torch.scatter_reduce(x, 0, idx, src, reduce="sum")','torch.tensor([1,2,3]).scatter_reduce(0, torch.tensor([0,0,1]), torch.tensor([5,6,7]), "mean")','torch.tensor([1,2,3]).scatter_reduce(0, torch.tensor([0,0,1]), torch.tensor([5,6,7]), "mean", include_self=False)','x.scatter_reduce(0, torch.tensor([[2]]), src, "sum")','x.scatter_reduce(0, idx, src)','x.scatter_reduce(2, idx, src,"sum")', 'torch.ones(3).scatter_reduce(0, torch.tensor([0,0]), torch.tensor([2.,float("nan")]), "amax")',
          'x.scatter_reduce(0, torch.tensor([[0]]), x, "foo")', 'x.scatter_reduce(0, torch.tensor([[0]],dtype=torch.int32), x, "sum")', 'x.scatter_reduce(0, torch.tensor([0]), x, "sum")', 'x.scatter_reduce(0, torch.tensor([[0,0,0,0]]), x, "sum")', 'torch.tensor([1, 5, 2]).scatter_reduce(0, torch.tensor([0, 0]), torch.tensor([7, 3]), "amin", include_self=False)', 'torch.zeros(3).scatter_reduce_(0, torch.tensor([2, 2]), torch.tensor([1.5, 2.5]), "prod", include_self=False)', 'x.scatter_reduce_(0, idx, src, "sum")']:
    try: print(s, eval(s))
    except Exception as e: print(s, type(e).__name__, e)
z = torch.tensor([0., 2., 3.], requires_grad=True); s = torch.tensor([0., 5.], requires_grad=True)
r = z.scatter_reduce(0, torch.tensor([0, 1]), s, "prod"); r.sum().backward(); print(r, z.grad, s.grad)
""",
"cdist": """
torch.manual_seed(0)
a = torch.randn(4, 3, requires_grad=True); b = torch.randn(5, 3, requires_grad=True)
for p in [2.0, 1.0, 0.0, 3.0, float('inf'), 1.5]:
    r = torch.cdist(a, b, p=p); print(p, r, r.shape, r.stride())
    a.grad = b.grad = None
    (r * torch.arange(20.).reshape(4, 5)).sum().backward(); print(a.grad, b.grad)
for s in ['torch.cdist(a, b, p=-1)','torch.cdist(a, torch.randn(5,4))','torch.cdist(torch.randn(3), b)','torch.cdist(torch.randint(0,3,(2,3)), torch.randint(0,3,(2,3)))','torch.cdist(a.unsqueeze(0), b.unsqueeze(0)).shape','torch.cdist(a,b,compute_mode="donot_use_mm_for_euclid_dist").grad_fn', 'torch.cdist(torch.randn(30,3), torch.randn(30,3)).grad_fn', 'torch.cdist(torch.randn(30,3,requires_grad=True), torch.randn(30,3)).grad_fn', 'torch.cdist(a.double(), b.double())', 'torch.cdist(torch.randn(2, 3, 2), torch.randn(1, 4, 2))']:
    try: print(s, eval(s))
    except Exception as e: print(s, type(e).__name__, e)
x = torch.randn(30, 4, requires_grad=True); y = torch.randn(27, 4)
r = torch.cdist(x, y); print(r[:3, :4], r.grad_fn, r.grad_fn.next_functions)
r.sum().backward(); print(x.grad[:3])
x = torch.randn(30, 4, requires_grad=True); y = torch.randn(27, 4)
r = torch.cdist(x, y); print(r._version, r._base is None, torch.cdist(x[:3], y[:3])._version)
torch.manual_seed(1)
a = torch.randn(6, 5); b = torch.randn(7, 5)
print(torch.cdist(a, b, p=1).tolist(), torch.cdist(a, b, p=0).tolist(), torch.cdist(a, b, p=float('inf')).tolist())
print(torch.cdist(a.double(), b.double()), torch.cdist(a, b))
""",
"inplace_twins_aliases_hyperbolic": """
x = torch.tensor([[1., 2., 4.], [3., 0., 5.]], requires_grad=True)
v = torch.tensor([1., 2., 3.], requires_grad=True)
for s in ['x.nan_to_num_(0.)', 'torch.nan_to_num_(x * 1)', 'torch.nan_to_num_(x / 0, posinf=1.)', 'torch.frac_(x * 1.5)', 'torch.trunc_(x * 1.5)', 'torch.fix_(x * 1.5)', 'x.fix_()', 'torch.absolute(x - 3)', 'x.absolute_()', 'torch.negative(x)', 'torch.negative_(x * 1)', 'torch.positive(x)', 'torch.positive(torch.tensor([True]))', 'x.positive() is x',
          'torch.arcsinh(x)', 'torch.arccosh(x + 1)', 'torch.arctanh(x / 10)', 'torch.asinh(x)', 'torch.acosh(x + 1)', 'torch.atanh(x / 10)', 'torch.acosh(x)', 'torch.atanh(x)', 'torch.asinh(torch.tensor([1, 2]))', '(x * 1).arcsinh_()', 'torch.tensor([1, 2]).asinh_()', 'torch.arcsin_(x / 10)', 'torch.arctan_(x * 1)', 'torch.abs_(x - 3)', 'torch.sin_(x * 1)', 'torch.sqrt_(x * 1)', 'torch.log1p_(x * 1)', 'x.detach().expm1_()', 'torch.reciprocal_(x + 1)', 'torch.rsqrt_(x + 1)', '(x - 2).sign_()', '(x - 2).sgn_()', 'torch.tensor([-1, 0, 2]).sign_()', 'torch.clamp_min_(x * 1, 2)', 'torch.clamp_max_(x * 1, 2)', 'torch.round_(x / 3)', 'torch.ceil_(x / 3)',
          'x.ravel()', 'torch.ravel(x)', 'x.t().ravel()', 'torch.inner(v, v)', 'torch.inner(x, v)', 'torch.inner(x, x).sum()', 'torch.inner(torch.tensor(2.), x)', 'torch.inner(x, torch.ones(2))', 'torch.vdot(v, v)', 'torch.vdot(torch.tensor([1, 2]), torch.tensor([3, 4]))', 'torch.vdot(v, x)', 'torch.msort(x)', 'x.msort()', 'torch.deg2rad_(x * 1)', '(x * 1).rad2deg_()', 'torch.tensor([1, 2]).rad2deg_()', 'torch.tensor([1, 2]).nan_to_num_()']:
    try:
        r = eval(s)
        print(s, r, chain(r.grad_fn, 3) if isinstance(r, torch.Tensor) else '', getattr(r, '_version', ''))
    except Exception as e: print(s, type(e).__name__, e)
y = x * 1; y.arctanh_(); print(y)
y = x / 10; y.atanh_(); y.sum().backward(); print(x.grad)
x.grad = None; (torch.asinh(x) + torch.acosh(x + 1) + x.sgn() + torch.inner(x, x).sum() + torch.vdot(v, v)).sum().backward(); print(x.grad, v.grad)
x.grad = None; y = x * 1; y.nan_to_num_(); y.sgn_(); print(y.grad_fn, y._version); y.sum().backward(); print(x.grad)
""",
"asinh_acosh_bits": """
torch.manual_seed(0)
x = torch.randn(300)
print(torch.asinh(x).tolist(), torch.acosh(x.abs() + 1).tolist(), torch.asinh(x.double()).tolist(), torch.arccosh(x.half().abs() + 1).tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(CHAIN + PROGRAMS[name])

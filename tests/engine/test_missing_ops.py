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
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

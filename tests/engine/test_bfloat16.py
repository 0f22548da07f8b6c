"""torch.bfloat16 (held in float32 arrays, rounded to bfloat16 after each op): differential programs, printed text,
errors and warnings as torch's: creation, conversions, arithmetic with PyTorch's scalar rules, promotion, reductions
(float sums with each thread's partial rounded), matmul, autograd, printing, storage sizes, errors."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"creation": """
bf = torch.bfloat16
for v in ([1.1, 3.14159, 1e10, 1e-10, -2.5, 0.0], [1.00390625 + 1e-12, 1.00390625, 65535.0, 3e38], [float('nan'), float('inf'), -float('inf')], 7, [[1, 2], [3, 4]], [True, False], [1e-40, 9.2e-41]):
    t = torch.tensor(v, dtype=bf)
    print(t, t.dtype, t.shape, t.element_size(), t.is_floating_point(), t.tolist())
print(torch.zeros(2, 3, dtype=bf), torch.ones(3, dtype=torch.bfloat16), torch.full((2,), 1.1, dtype=bf), torch.arange(5, dtype=bf), torch.arange(0, 1, 0.1, dtype=bf))
print(torch.linspace(0, 1, 7, dtype=bf), torch.eye(2, dtype=bf), torch.empty(0, dtype=bf), torch.zeros(2, 0, dtype=bf))
print(torch.tensor(2.5, dtype=bf).item(), torch.tensor([1.1], dtype=bf).item(), torch.tensor([300.7], dtype=bf)[0].item())
for f in (lambda: torch.full((2,), 1e39, dtype=bf), lambda: torch.full((2,), 3.39e38, dtype=bf), lambda: torch.tensor([1.0], dtype=bf).numpy(), lambda: torch.zeros(2, dtype=bf).fill_(1e39)):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(torch.zeros_like(torch.ones(2, dtype=bf)), torch.ones(2).new_ones(3, dtype=bf), torch.ones(2, dtype=bf).new_tensor([1.1, 2.2]))
print(torch.randn(4, dtype=bf).dtype)
""",
"conversion": """
bf = torch.bfloat16
x = torch.tensor([1.1, -2.7, 300.5, 0.1, 1e-3, 65504.0, 1e20, -0.0])
for src in (x, x.double(), x.half(), torch.tensor([1, -2, 300, 16777217, 2**24 + 2**16 + 1]), torch.tensor([True, False]), torch.tensor([1, 255], dtype=torch.uint8)):
    b = src.to(bf)
    print(b, b.bfloat16() is b, src.bfloat16())
    for dt in (torch.float16, torch.float32, torch.float64, torch.int64, torch.int32, torch.int16, torch.int8, torch.uint8, torch.bool):
        print(dt, b.to(dt))
print(x.to(bf).float().tolist(), x.to(bf).double().tolist(), x.to(torch.bfloat16).type(torch.float64))
y = x.to(bf)
print(y.to(bf) is y, y.to(torch.float32).to(bf), y.type_as(torch.zeros(1, dtype=torch.int32)), torch.zeros(2).type_as(y))
print(torch.tensor([1.7, -1.7, 2.5], dtype=bf).long(), torch.tensor([1.7, -1.7, 300.0], dtype=bf).byte())
""",
"meta": """
bf = torch.bfloat16
x = torch.ones(2, dtype=bf)
print(bf, str(bf), repr(bf), bf.is_floating_point, bf.itemsize, bf.is_signed, x.dtype == torch.bfloat16, x.type(), x.type(torch.float32).dtype, x.to(dtype=torch.float64).dtype)
print(torch.float16 == bf, torch.tensor([1.5]).type(torch.bfloat16), x.is_signed())
for f in (lambda: torch.ones(2, dtype=bf) + torch.ones(3, dtype=bf), lambda: torch.ones(2, 2, dtype=bf) @ torch.ones(2, 2),
          lambda: torch.ones(2, dtype=torch.long).add_(torch.ones(2, dtype=bf)), lambda: torch.ones(2, dtype=bf).bitwise_and(torch.ones(2, dtype=bf)), lambda: torch.zeros(2, dtype=bf, requires_grad=True).add_(1),
          lambda: torch.ones(2, dtype=bf).index_add_(0, torch.tensor([0]), torch.ones(1)), lambda: torch.mm(torch.ones(2, 2, dtype=bf), torch.ones(2, 2, dtype=torch.float16))):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"linspace": """
bf = torch.bfloat16
for (a, b, n) in ((0, 1, 7), (-3, 5, 11), (0.1, 2.7, 30), (0, 100, 101), (1, 2, 2), (5, 5, 1), (-1, 1, 64)):
    print(torch.linspace(a, b, n, dtype=bf), torch.arange(a, b, (b - a) / 9 if b != a else 1, dtype=bf))
print(torch.arange(0, 300, 7, dtype=bf), torch.arange(250, 270, dtype=bf))
""",
"random": """
bf = torch.bfloat16
for n in (3, 5, 16, 17, 40, 100):
    torch.manual_seed(0)
    print(torch.randn(n, dtype=bf).sum(), torch.rand(n, dtype=bf).sum(), torch.randint(0, 10, (n,), dtype=bf).sum(), torch.empty(n, dtype=bf).uniform_(-2, 3).sum(), torch.empty(n, dtype=bf).normal_(1.5, 0.3).sum())
torch.manual_seed(0)
print(torch.rand(100000, dtype=bf).max(), torch.randn(2, 3, dtype=bf), torch.randn_like(torch.zeros(4, dtype=bf)), torch.rand_like(torch.zeros(20, dtype=bf))[:3])
""",
"arith": """
bf = torch.bfloat16
torch.manual_seed(0)
x = torch.randn(200).to(bf); y = torch.randn(200).to(bf); p = y.abs() + 0.25
def show(*ts): print(*[t.float().sum().item() if t.dtype != torch.bool else t.sum().item() for t in ts], *[t.dtype for t in ts])
show(x + y, x - y, x * y, x / y, x ** 2, p ** 0.5, p.pow(1.1), 2 ** x, x.neg(), -x, x.abs(), torch.maximum(x, y), torch.minimum(x, y))
for s in (1.1, 0.3, 3.14159, 7, -2):
    show(x + s, x - s, s - x, x * s, x / s, s / p, p ** s, x % s, torch.fmod(x, s), x > s, x == s, x <= s, x.clamp(min=s), x.clamp(max=s), torch.where(x > 0, x, s), x.masked_fill(x > 0, s))
    z = x.clone(); z += s; w = x.clone(); w *= s; v = x.clone(); v /= s; u = x.clone(); u.sub_(s); show(z, w, v, u)
for f in ("exp", "log", "sin", "cos", "tanh", "sigmoid", "sqrt", "reciprocal", "log1p", "expm1", "atan", "floor", "ceil", "round", "trunc", "frac", "sign", "relu", "erf", "log2", "exp2", "sinh", "cosh", "square", "asinh"):
    a = p if f in ("log", "sqrt", "log1p", "log2") else x
    r = getattr(a, f)()
    print(f, r[:6], r.float().sum().item())
print(torch.atan2(x, y)[:5], torch.hypot(x, y)[:5], torch.lerp(x, y, 0.3)[:5], torch.addcmul(x, x, y, value=0.5)[:5], torch.addcdiv(x, x, p, value=2)[:5])
print(x[:5] * torch.tensor(1.1), x[:5] + torch.tensor(1.1), x[:5] + torch.tensor(1.1, dtype=torch.float64), x[:5] * torch.tensor([1.1]))
""",
"promotion": """
bf = torch.bfloat16
a = torch.tensor([1.5, 2.25], dtype=bf)
for dt in (torch.float16, torch.float32, torch.float64, torch.int64, torch.int32, torch.int8, torch.uint8, torch.bool):
    o = torch.ones(2, dtype=dt)
    print(dt, (a + o).dtype, (o + a).dtype, (a + o[0]).dtype, (a[0] + o).dtype, (a[0] + o[0]).dtype, torch.promote_types(bf, dt), torch.result_type(a, o), a + o, a * o)
print((a + 1).dtype, (a + 1.5).dtype, (a + True).dtype, (torch.tensor([1, 2]) + a).dtype, (torch.tensor([1, 2]) * 1.5).dtype)
print(torch.can_cast(bf, torch.float16), torch.can_cast(torch.float64, bf), torch.can_cast(bf, torch.int32))
h = torch.tensor([1.1, 2.2], dtype=torch.float16)
print(a + h, (a + h).dtype, a * h, torch.cat([a, h]) if False else '')
i = torch.tensor([1, 2]); i2 = i.clone()
try: i += a
except Exception as e: print(type(e).__name__, e)
a2 = a.clone(); a2 += torch.tensor([1.1, 2.2]); print(a2)
a3 = a.clone(); a3 += torch.tensor([1.1, 2.2], dtype=torch.float64); print(a3)
a4 = a.clone(); a4.mul_(torch.tensor([1.1, 2.2], dtype=torch.float16)); print(a4)
""",
"reductions": """
bf = torch.bfloat16
torch.manual_seed(0)
for n in (5, 17, 100, 1000, 5000):
    x = torch.randn(n).to(bf)
    print(n, x.sum(), x.mean(), x.prod() if n < 20 else '', x.max(), x.min(), x.argmax(), x.abs().sum(), x.cumsum(0)[-3:], x.std() if n < 200 else '', x.var() if n < 200 else '', x.norm() if n < 200 else '')
m = torch.randn(30, 40).to(bf)
print(m.sum(0)[:6], m.sum(1)[:6], m.mean(0)[:6], m.mean(1)[:6], m.amax(1)[:4], m.max(0)[0][:4], m.sum(), m.sum(dtype=torch.float32), m.sum().dtype)
print(m.softmax(1)[0, :6], m.log_softmax(0)[:2, 0], m.t().sum(1)[:5], m.cumsum(1)[0, -4:], m.cumprod(1)[0, :4])
print(torch.tensor([1.1, 2.2, 3.3], dtype=bf).sum(), torch.tensor([1, 2, 3], dtype=bf).mean(), torch.tensor([True, False]).sum())
""",
"big_reductions": """
bf = torch.bfloat16
torch.manual_seed(1)
m = torch.randn(100, 300).to(bf)
print(m.sum(), m.mean(), m.sum(0)[:8], m.sum(1)[:8], m.mean(1)[:8], m.t().sum(0)[:5], m.t().contiguous().sum(1)[:5], m[:, ::2].sum(1)[:4], m.sum((0, 1)), m.norm(), m.var(), m.std(1)[:4])
print(m.cumsum(0)[-1, :5], m.cumsum(1)[:3, -1], m.softmax(0)[0, :5], m.log_softmax(1)[0, :5], m.logsumexp(1)[:5], m.abs().max(), m.amin(1)[:4])
v = torch.randn(70000).to(bf)
print(v.sum(), v.mean(), (v * v).sum(), (v * v).mean(), v[:40000].sum(), v[:65536].abs().sum(), v.view(100, 700).sum(0)[:4], v.view(700, 100).sum(0)[:4])
""",
"matmul": """
bf = torch.bfloat16
torch.manual_seed(0)
for (n, k, m) in ((2, 3, 4), (8, 16, 8), (5, 64, 7), (3, 300, 2)):
    a = torch.randn(n, k).to(bf); b = torch.randn(k, m).to(bf)
    print((a @ b)[0], a.mm(b).dtype, torch.matmul(a, b)[-1, -1], a[0] @ b[:, 0], torch.mv(a, b[:, 0])[:3], (a @ b.t().contiguous().t())[0, :3])
    print(torch.addmm(torch.ones(m).to(bf), a, b)[0], torch.dot(a[0], a[0]), torch.bmm(a.unsqueeze(0), b.unsqueeze(0))[0, 0])
try: torch.ones(2, 2, dtype=bf) @ torch.ones(2, 2)
except Exception as e: print(type(e).__name__, e)
""",
"autograd": """
bf = torch.bfloat16
w = torch.tensor([0.5, 1.5, -2.25], dtype=bf, requires_grad=True)
x = torch.tensor([1.1, 2.2, 3.3], dtype=bf)
y = (w * x).sum(); y.backward(); print(y, w.grad, w.grad.dtype)
w.grad = None
z = (w.exp() * x + w ** 2).mean(); z.backward(); print(z, w.grad)
v = torch.tensor([0.3, 0.7], requires_grad=True)
u = v.to(bf); print(u); (u * 3.3).sum().backward(); print(v.grad, v.grad.dtype)
q = torch.tensor([0.3, 0.7], dtype=bf, requires_grad=True)
r = q.float() * 1.1; r.sum().backward(); print(q.grad)
lin = torch.tensor([[0.1, 0.2], [0.3, 0.4]], dtype=bf, requires_grad=True)
o = (lin @ torch.tensor([1.5, -0.5], dtype=bf)).tanh().sum(); o.backward(); print(o, lin.grad)
try: torch.tensor([1.0], dtype=bf, requires_grad=True).backward(torch.ones(1))
except Exception as e: print(type(e).__name__, e)
k = torch.tensor([1.0, 2.0], dtype=bf, requires_grad=True)
try: k.grad = torch.ones(2)
except Exception as e: print(type(e).__name__, e)
print(k.sigmoid(), k.softmax(0), k.sum().grad_fn)
""",
"broadcast_backward": """
bf = torch.bfloat16
torch.manual_seed(2)
w = torch.randn(1, 50).to(bf).requires_grad_()
b = torch.randn(50).to(bf).requires_grad_()
x = torch.randn(40, 50).to(bf)
y = (x * w + b).tanh()
loss = (y ** 2).mean()
loss.backward()
print(loss, w.grad[0, :6], b.grad[:6], w.grad.dtype)
""",
"nn_bf16": """
nn = torch.nn
torch.manual_seed(0)
lin = nn.Linear(8, 4).bfloat16()
x = torch.randn(5, 8).to(torch.bfloat16)
out = lin(x)
print(out, lin.weight.dtype)
loss = out.pow(2).mean()
loss.backward()
print(loss, lin.weight.grad[0], lin.bias.grad)
""",
"mixed_precision": """
torch.manual_seed(0)
w = torch.randn(16, 16, requires_grad=True)
x = torch.randn(4, 16)
y = x.bfloat16() @ w.bfloat16()
print(y.dtype, y[0, :4])
loss = y.float().pow(2).mean()
loss.backward()
print(loss, w.grad[0, :4], w.grad.dtype)
a = torch.tensor([1.0, 2.0, 3.0]).bfloat16()
print(a + torch.tensor(1e-3), a.half() + a, (a.half() + a).dtype, a.double() + a, torch.tensor(0.1, dtype=torch.bfloat16) * 3)
print(torch.tensor([256.0, 257.0, 258.0], dtype=torch.bfloat16), torch.tensor([1.0], dtype=torch.bfloat16) + 0.001, torch.tensor(1.0, dtype=torch.bfloat16) + torch.tensor(2**-8, dtype=torch.bfloat16))
""",
"storage": """
bf = torch.bfloat16
x = torch.arange(6, dtype=bf).reshape(2, 3)
s = x.untyped_storage()
print(s.nbytes(), len(s), s.size(), x.element_size(), x[1].data_ptr() - x.data_ptr(), x[:, 1:].storage_offset(), x.t().stride(), x[1, 2].data_ptr() - x.data_ptr())
print(s.tolist()[:8])
print(torch.tensor([1.5, -2.0], dtype=bf).untyped_storage().tolist(), torch.tensor([float('nan')], dtype=bf).untyped_storage().tolist())
v = x.view(-1)[2:]
v[0] = 1.1
print(x, x.untyped_storage().data_ptr() == v.untyped_storage().data_ptr(), v._version, x._version)
x[0] += 0.3
print(x, x.float().untyped_storage().nbytes(), x.half().untyped_storage().nbytes())
y = x.t().contiguous(); print(y.stride(), y.untyped_storage().nbytes())
t = x.storage(); print(t.size(), t.nbytes(), t.element_size(), t.dtype)
print(x.clone().untyped_storage().nbytes(), x.detach().data_ptr() == x.data_ptr(), torch.empty(4, dtype=bf).untyped_storage().nbytes())
import copy
c = copy.deepcopy(x); print(c, c.untyped_storage().nbytes())
""",
"sweep": """
bf = torch.bfloat16
torch.manual_seed(0)
x = torch.randn(3, 4).to(bf); y = torch.randn(3, 4).to(bf); p = x.abs() + 0.5
F = torch.nn.functional
ops = {
 "clone": lambda: x.clone(), "t": lambda: x.t(), "view": lambda: x.view(12), "reshape": lambda: x.reshape(4, 3), "contig": lambda: x.t().contiguous(),
 "cat": lambda: torch.cat([x, y]), "cat_mixed": lambda: torch.cat([x, y.float()]), "stack": lambda: torch.stack([x, y]), "where": lambda: torch.where(x > 0, x, y),
 "index": lambda: x[[0, 2]], "mask": lambda: x[x > 0], "gather": lambda: x.gather(1, torch.tensor([[0], [1], [2]])), "sort": lambda: x.sort(1), "topk": lambda: x.topk(2),
 "argsort": lambda: x.argsort(), "flip": lambda: x.flip(0), "roll": lambda: x.roll(1), "tril": lambda: x.tril(), "cumsum": lambda: x.cumsum(1), "cumprod": lambda: x.cumprod(1),
 "softmax": lambda: x.softmax(-1), "log_softmax": lambda: x.log_softmax(0), "relu": lambda: F.relu(x), "gelu": lambda: F.gelu(x), "silu": lambda: F.silu(x), "leaky": lambda: F.leaky_relu(x, 0.1),
 "elu": lambda: F.elu(x), "softplus": lambda: F.softplus(x), "hardtanh": lambda: F.hardtanh(x), "sigmoid": lambda: torch.sigmoid(x), "tanh": lambda: torch.tanh(x),
 "mse": lambda: F.mse_loss(x, y), "l1": lambda: F.l1_loss(x, y), "linear": lambda: F.linear(x, y), "linear_b": lambda: F.linear(x, y, torch.ones(3, dtype=bf)),
 "dropout_eval": lambda: F.dropout(x, training=False), "norm": lambda: x.norm(), "var": lambda: x.var(1), "std": lambda: x.std(), "max_dim": lambda: x.max(1), "min": lambda: x.min(),
 "median": lambda: x.median(), "mode": lambda: x.mode(1), "any": lambda: x.any(), "all": lambda: (x != 0).all(), "nonzero": lambda: x.nonzero()[:3], "eq": lambda: x.eq(y), "equal": lambda: torch.equal(x, x.clone()),
 "allclose": lambda: torch.allclose(x, y), "isclose": lambda: torch.isclose(x, y + 0.001), "clamp_t": lambda: x.clamp(torch.zeros(4, dtype=bf), torch.ones(4, dtype=bf)), "sum_keep": lambda: x.sum(1, keepdim=True),
 "mean_dtype": lambda: x.mean(dtype=torch.float32), "sum_dtype": lambda: x.sum(dtype=torch.float64), "logsumexp": lambda: x.logsumexp(1), "amax": lambda: x.amax(0), "argmin": lambda: x.argmin(),
 "einsum": lambda: torch.einsum('ij,kj->ik', x, y), "outer": lambda: torch.outer(x[0], y[0]), "expand_add": lambda: x + y[0], "masked_fill": lambda: x.masked_fill(x > 0, 1.1),
 "index_add": lambda: x.index_add(0, torch.tensor([0, 0]), y[:2]), "scatter_add": lambda: torch.zeros(3, 4, dtype=bf).scatter_add(0, torch.tensor([[0, 1, 2, 0]]), y[:1]),
 "lerp": lambda: torch.lerp(x, y, 0.25), "addcmul": lambda: torch.addcmul(x, x, y, value=0.1), "square": lambda: x.square(), "sqrt": lambda: p.sqrt(),
 "exp_": lambda: x.clone().exp_(), "mul_t_": lambda: x.clone().mul_(y), "add_t_": lambda: x.clone().add_(y, alpha=2), "copy_": lambda: torch.zeros(3, 4, dtype=bf).copy_(torch.randn(3, 4)),
 "copy_to_f": lambda: torch.zeros(3, 4).copy_(x), "setitem": lambda: (lambda z: (z.__setitem__((0, 1), 1.1), z)[1])(x.clone()), "setitem_t": lambda: (lambda z: (z.__setitem__(0, torch.tensor([1.1, 2.2, 3.3, 4.4])), z)[1])(x.clone()),
 "fill_": lambda: x.clone().fill_(0.3), "zero_": lambda: x.clone().zero_(), "item": lambda: x[0, 0].item(), "tolist": lambda: x[0].tolist(), "float": lambda: float(x[0, 0]), "int": lambda: int(p[0, 0] * 10),
 "bool": lambda: bool(x[0, 0]), "repeat": lambda: x[0].repeat(2), "unique": lambda: torch.tensor([1.1, 1.1, 2.0], dtype=bf).unique(), "bincount_w": lambda: torch.bincount(torch.tensor([0, 1, 1]), weights=torch.tensor([0.5, 1.1, 2.2], dtype=bf)),
 "histc": lambda: x.histc(4), "diff": lambda: x.diff(), "trace": lambda: x[:, :3].trace(), "dist": lambda: x.dist(y), "normalize": lambda: F.normalize(x),
 "layer_norm": lambda: F.layer_norm(x, (4,)),
 "bce": lambda: F.binary_cross_entropy(torch.sigmoid(x), torch.sigmoid(y)), "bce_logits": lambda: F.binary_cross_entropy_with_logits(x, torch.sigmoid(y)), "erfinv": lambda: (x / 4).erfinv(),
 "nan_to_num": lambda: torch.tensor([float('nan'), float('inf')], dtype=bf).nan_to_num(), "isnan": lambda: torch.tensor([float('nan'), 1.0], dtype=bf).isnan(), "clamp_scalar_": lambda: x.clone().clamp_(-0.3, 0.3),
 "div_floor": lambda: torch.div(x, 0.3, rounding_mode='floor'), "div_trunc": lambda: torch.div(x, y, rounding_mode='trunc'), "floor_divide": lambda: x // 0.7, "remainder_t": lambda: x % y,
 "pow_t": lambda: p ** y, "sign": lambda: x.sign(), "heaviside": lambda: torch.heaviside(x, y), "bmm": lambda: torch.bmm(x.unsqueeze(0), y.t().unsqueeze(0)), "matmul_3d": lambda: x.unsqueeze(0).expand(2, 3, 4) @ y.t(),
 "int_tensor_mul": lambda: torch.tensor([1, 2, 3]) * torch.tensor(1.1, dtype=bf), "bool_add": lambda: torch.tensor([True, False]) + torch.tensor([1.1, 2.2], dtype=bf),
}
for name, f in ops.items():
    try:
        r = f()
        print(name, r)
    except Exception as e:
        print(name, type(e).__name__, e)
""",
"histc_logit": """
bf = torch.bfloat16
for seed in range(6):
    torch.manual_seed(seed)
    x = (torch.randn(200) * 3).to(bf)
    print(x.histc(), x.histc(7), x.histc(13, -2, 2.5), x.logit()[:5], (x.sigmoid()).logit(0.01)[:5], x.sigmoid().logit_()[:3])
""",
"add_and_sub_with_alpha": """
bf = torch.bfloat16
torch.manual_seed(0)
for n in (5, 31, 32, 100, 1000, 3000):
    x = (torch.randn(n) * 3).to(bf); y = (torch.randn(n) * 3).to(bf)
    for s in (1.1, 3.14159, 0.1, 7, 2.5, -0.3, 2):
        a, b, c = torch.add(x, y, alpha=s), torch.sub(x, y, alpha=s), x.clone().add_(y, alpha=s)
        print(n, s, a.float().sum().item(), b.float().sum().item(), c.float().sum().item(), a[-3:], torch.add(x.view(-1, 1), y[:1], alpha=s)[-2:, 0])
m = (torch.randn(6, 40) * 3).to(bf); k = (torch.randn(6, 40) * 3).to(bf)
print(torch.add(m, k, alpha=1.1)[:, -3:], torch.add(m.t(), k.t(), alpha=1.1)[-3:, 0])
""",
"legacy_types_construction_and_mixed_operands": """
bf = torch.bfloat16
x = torch.tensor([1.1, 2.5, -3.7])
for f in (lambda: x.type('torch.BFloat16Tensor'), lambda: x.bfloat16().type(), lambda: torch.tensor([torch.tensor(1.1, dtype=bf), torch.tensor(2.2, dtype=bf)]),
          lambda: torch.tensor(torch.tensor([1.1], dtype=bf)), lambda: torch.as_tensor([1.1, 2.2], dtype=bf), lambda: x.to(bf, copy=True),
          lambda: torch.tensor([1.1], dtype=bf).new_zeros(2), lambda: torch.empty_like(x, dtype=bf).shape, lambda: torch.zeros(2, 3, dtype=bf).t().clone().stride(),
          lambda: x.bfloat16().clone(memory_format=torch.contiguous_format), lambda: torch.full((2,), True, dtype=bf), lambda: torch.tensor(2**100, dtype=bf),
          lambda: x.bfloat16().expand(2, 3).contiguous(), lambda: x.bfloat16()[None].expand(2, 3).sum(0), lambda: x.bfloat16().unsqueeze(1) * x.bfloat16(),
          lambda: torch.where(x > 0, x.bfloat16(), torch.tensor(0.1)), lambda: torch.where(x > 0, x.bfloat16(), 0.1), lambda: torch.cat([x.bfloat16(), torch.tensor([1, 2])]),
          lambda: torch.stack([x.bfloat16(), x.half()]), lambda: x.bfloat16().max(torch.tensor(0.3)), lambda: x.bfloat16().clamp(0.1, 1.3), lambda: x.bfloat16().masked_fill(x > 0, torch.tensor(0.1)),
          lambda: x.bfloat16().sort(descending=True), lambda: x.bfloat16().sum().item(), lambda: f"{x.bfloat16()[0].item():.6f}", lambda: x.bfloat16().mean(dtype=torch.float64),
          lambda: x.bfloat16().pow(torch.tensor(2)), lambda: 2 ** x.bfloat16(), lambda: x.bfloat16() ** torch.tensor([1.1, 2.2, 3.3]), lambda: x.bfloat16().float_power(2)):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
y = x.bfloat16().requires_grad_()
z = y.to(torch.float64) * 3.3
z.sum().backward()
print(y.grad, z)
w = torch.tensor([0.1, 0.2], dtype=bf, requires_grad=True)
w2 = w * 1.0
w2[0] = 5.5
w2.sum().backward()
print(w.grad, w2)
print(torch.BFloat16Tensor([1.1, 2.2]), torch.BFloat16Tensor(2).dtype, isinstance(x.bfloat16(), torch.BFloat16Tensor), isinstance(x, torch.BFloat16Tensor))
""",
# every method that takes no argument, on a bfloat16 tensor
"zero_argument_methods": """
names = ['abs', 'abs_', 'absolute', 'absolute_', 'acos', 'acos_', 'acosh', 'acosh_', 'add', 'add_', 'addcdiv',
         'addcdiv_', 'addcmul', 'addcmul_', 'all', 'allclose', 'amax', 'amin', 'aminmax', 'any', 'arccos', 'arccos_',
         'arccosh', 'arccosh_', 'arcsin', 'arcsin_', 'arcsinh', 'arcsinh_', 'arctan', 'arctan2', 'arctan_',
         'arctanh', 'arctanh_', 'argmax', 'argmin', 'argsort', 'argwhere', 'as_strided', 'asin', 'asin_', 'asinh',
         'asinh_', 'atan', 'atan2', 'atan_', 'atanh', 'atanh_', 'bincount', 'bitwise_and', 'bitwise_and_',
         'bitwise_left_shift', 'bitwise_left_shift_', 'bitwise_not', 'bitwise_not_', 'bitwise_or', 'bitwise_or_',
         'bitwise_right_shift', 'bitwise_right_shift_', 'bitwise_xor', 'bitwise_xor_', 'bmm', 'broadcast_to', 'ceil',
         'ceil_', 'chunk', 'clamp', 'clamp_', 'clamp_max', 'clamp_max_', 'clamp_min', 'clamp_min_', 'clip', 'clip_',
         'copy_', 'copysign', 'copysign_', 'cos', 'cos_', 'cosh', 'cosh_', 'count_nonzero', 'cross', 'cummax',
         'cummin', 'cumprod', 'cumprod_', 'cumsum', 'cumsum_', 'deg2rad', 'deg2rad_', 'diag', 'diagonal', 'diff',
         'digamma', 'digamma_', 'dist', 'div', 'div_', 'divide', 'dot', 'dsplit', 'eq', 'eq_', 'equal', 'erf',
         'erf_', 'erfc', 'erfc_', 'erfinv', 'erfinv_', 'exp', 'exp2', 'exp2_', 'exp_', 'expand', 'expand_as',
         'expm1', 'expm1_', 'fill_', 'fill_diagonal_', 'fix', 'fix_', 'flatten', 'flip', 'fliplr', 'flipud',
         'float_power', 'float_power_', 'floor', 'floor_', 'floor_divide', 'floor_divide_', 'fmax', 'fmin', 'fmod',
         'fmod_', 'frac', 'frac_', 'gather', 'gcd', 'gcd_', 'ge', 'ge_', 'ger', 'greater', 'greater_',
         'greater_equal', 'greater_equal_', 'gt', 'gt_', 'heaviside', 'heaviside_', 'histc', 'hsplit', 'hypot',
         'index_add', 'index_add_', 'index_copy', 'index_copy_', 'index_fill', 'index_fill_', 'index_put_',
         'index_select', 'inner', 'is_complex', 'is_conj', 'is_contiguous', 'is_floating_point', 'is_inference',
         'is_mkldnn', 'is_neg', 'is_signed', 'isclose', 'isfinite', 'isinf', 'isnan', 'isneginf', 'isposinf', 'kron',
         'kthvalue', 'lcm', 'lcm_', 'le', 'le_', 'lerp', 'lerp_', 'less', 'less_', 'less_equal', 'less_equal_',
         'lgamma', 'lgamma_', 'log', 'log10', 'log10_', 'log1p', 'log1p_', 'log2', 'log2_', 'log_', 'log_softmax',
         'logaddexp', 'logaddexp2', 'logcumsumexp', 'logical_and', 'logical_and_', 'logical_not', 'logical_not_',
         'logical_or', 'logical_or_', 'logical_xor', 'logical_xor_', 'logit', 'logit_', 'logsumexp', 'lt', 'lt_',
         'masked_fill', 'masked_fill_', 'masked_scatter', 'masked_scatter_', 'masked_select', 'matmul', 'max',
         'maximum', 'mean', 'median', 'min', 'minimum', 'mm', 'mode', 'moveaxis', 'movedim', 'msort', 'mul', 'mul_',
         'multiply', 'mv', 'nan_to_num', 'nan_to_num_', 'nanmean', 'nanmedian', 'nansum', 'narrow', 'ne', 'ne_',
         'neg', 'neg_', 'negative', 'negative_', 'new_full', 'new_ones', 'new_tensor', 'new_zeros', 'nextafter',
         'nextafter_', 'nonzero', 'norm', 'not_equal', 'not_equal_', 'outer', 'permute', 'positive', 'pow', 'pow_',
         'prod', 'rad2deg', 'rad2deg_', 'ravel', 'reciprocal', 'reciprocal_', 'relu', 'relu_', 'remainder',
         'remainder_', 'repeat', 'repeat_interleave', 'reshape', 'reshape_as', 'retains_grad', 'roll', 'rot90',
         'round', 'round_', 'rsqrt', 'rsqrt_', 'scatter', 'scatter_', 'scatter_add', 'scatter_add_', 'scatter_reduce',
         'scatter_reduce_', 'select', 'sgn', 'sgn_', 'sigmoid', 'sigmoid_', 'sign', 'sign_', 'signbit', 'sin',
         'sin_', 'sinc', 'sinc_', 'sinh', 'sinh_', 'softmax', 'sort', 'split', 'sqrt', 'sqrt_', 'square', 'squeeze',
         'squeeze_', 'std', 'sub', 'sub_', 'subtract', 'sum', 'sum_to_size', 'swapaxes', 'swapaxes_', 'swapdims',
         'swapdims_', 't', 't_', 'take', 'take_along_dim', 'tan', 'tan_', 'tanh', 'tanh_', 'tensor_split', 'tile',
         'to', 'topk', 'trace', 'transpose', 'transpose_', 'tril', 'tril_', 'triu', 'triu_', 'true_divide', 'trunc',
         'trunc_', 'type_as', 'unbind', 'unflatten', 'unfold', 'unique', 'unsafe_chunk', 'unsafe_split',
         'unsafe_split_with_sizes', 'unsqueeze', 'unsqueeze_', 'var', 'vdot', 'view', 'view_as', 'vsplit', 'where',
         'xlogy']
torch.manual_seed(0)
base = (torch.randn(3, 4) * 2).to(torch.bfloat16)
for n in names:
    x = base.clone()
    try:
        r = getattr(x, n)
        r = r() if callable(r) else r
    except Exception as e:
        r = type(e).__name__
    if isinstance(r, tuple) and hasattr(r, 'values'): r = tuple(r)
    print(n, r if not isinstance(r, (list, tuple)) else [getattr(v, 'dtype', v) for v in r], x if n.endswith('_') else '')
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_bfloat16_program_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])


OPTIMIZERS = """
import torch
import torch.nn as nn
torch.manual_seed(0)
x = torch.randn(5, 8).to(torch.bfloat16)
for make in (lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9), lambda p: torch.optim.Adam(p, lr=0.01),
             lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.1)):
    lin = nn.Linear(8, 4).bfloat16()
    opt = make(lin.parameters())
    for _ in range(3):
        opt.zero_grad()
        loss = lin(x).pow(2).mean()
        loss.backward()
        opt.step()
        print(loss, lin.bias, lin.weight[0, :3], lin.weight.grad.dtype)
"""


def test_bfloat16_optimizers_step_as_torch():
    """SGD with momentum, Adam and AdamW on bfloat16 parameters, from the language, as torch steps them."""
    torch = pytest.importorskip("torch")
    import contextlib
    import io
    from tensorsh.lang.session import Session
    out = []
    assert Session(write=out.append, write_err=out.append).run(OPTIMIZERS, "t.tsh") is None
    want = io.StringIO()
    with contextlib.redirect_stdout(want):
        exec(OPTIMIZERS, {"torch": torch})
    assert "".join(out) == want.getvalue()

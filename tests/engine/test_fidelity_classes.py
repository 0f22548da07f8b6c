"""Classes of differences found by random programs (issue 16 and the program generator), each run in torch and in
the engine: printed text, error lines and warnings must be the same."""
import pytest

from same_as_torch import same_as_torch

TRY = "def attempt(f):\n    try:\n        print(f())\n    except Exception as e:\n        print(type(e).__name__, e)\n"

PROGRAMS = {
"copy_of_a_number": """
t = torch.zeros(3)
t.copy_(3.0)
print(t, t._version)
t.copy_(2)
i = torch.zeros(2, dtype=torch.int64)
i.copy_(2.7)
b = torch.zeros(2, dtype=torch.bool)
b.copy_(True)
print(t, i, b)
g = torch.zeros(3, requires_grad=True).clone()
g.copy_(1.5)
print(g)
torch.zeros(3, requires_grad=True).copy_(3.0)
""",
"grad_takes_the_leafs_dtype": """
b = torch.ones(1, 3, dtype=torch.float64, requires_grad=True)
b.backward(torch.ones(1, 3))
print(b.grad)
c = torch.ones(2, dtype=torch.float64, requires_grad=True)
(c * 2).backward(torch.ones(2))
print(c.grad, c.grad.dtype)
""",
"whole_leaf_written_through_an_index": TRY + """
b = torch.ones(3, requires_grad=True)
def w1(): b[0:] = 2.5
def w2(): b[...] = torch.zeros(3)
def w3(): b[:] = b + 1
def w4(): b[1:] = 0.
for w in (w1, w2, w3, w4):
    attempt(w)
a = torch.ones(2, 3, requires_grad=True)
for idx in [slice(None), slice(0, None), Ellipsis, (Ellipsis, slice(None)), (slice(None), slice(0, 5)), None, 0,
            (slice(None), 0), (slice(-3, None),)]:
    x = a * 2
    x[idx] = 5.
    print(idx, x.grad_fn.name(), x._version)
print(a[0:].grad_fn.name(), a[:].grad_fn.name(), a[...].grad_fn.name(), a[:, 0:].grad_fn.name(), a[:, -3:].grad_fn.name())
""",
"inplace_result_type_casting": TRY + """
for init in ["torch.tensor([1, 2, 3])", "torch.tensor([True, False, True])", "torch.tensor([1., 2., 3.])",
             "torch.tensor([1, 2, 3], dtype=torch.uint8)"]:
    for op in ["clamp_(0.5)", "clamp_(0, 1)", "clamp_min_(0.5)", "clamp_max_(0.5)", "add_(0.5)", "sub_(0.5)",
               "mul_(0.5)", "div_(2)", "pow_(0.5)", "exp_()", "neg_()", "relu_()", "floor_()", "sigmoid_()",
               "sub_(torch.tensor([True, False, True]))", "masked_fill_(torch.tensor([True, False, True]), 0.5)"]:
        attempt(lambda: eval(init + "." + op))
    for aug in ["+= 0.5", "-= 0.5", "*= 0.5", "/= 2", "**= 0.5", "%= 0.5", "//= 0.5", "-= True", "&= 1", "|= True",
                "^= True", "-= torch.tensor([True, False, True])", "%= 2", "//= 2"]:
        x = eval(init)
        def go():
            global x
            exec("x " + aug, globals())
            return x
        attempt(go)
""",
"bool_and_integer_messages": TRY + """
b = torch.tensor([True, False])
i = torch.tensor([[1, 2], [3, 4]])
for f in [lambda: b.neg_(), lambda: -b, lambda: b - b, lambda: b - True, lambda: 1 - b, lambda: b.relu(),
          lambda: torch.relu(b), lambda: torch.softmax(b, 0), lambda: torch.softmax(i, 0), lambda: torch.softmax(i, 1),
          lambda: i.log_softmax(0), lambda: torch.softmax(i, 0, dtype=torch.float32), lambda: torch.ones(2).sub_(b),
          lambda: ~torch.ones(2), lambda: torch.tensor([1.5]) & 1, lambda: torch.tensor([3]) & True, lambda: b ^ True,
          lambda: b.sign(), lambda: 7 // torch.tensor([2, 0]), lambda: torch.tensor([5, 6]) % torch.tensor([2, 4])]:
    attempt(f)
""",
"prod_backward_with_zeros": """
x = torch.tensor([1., 0., 0., 2.], requires_grad=True)
x.prod().backward()
print(x.grad)
x.grad = None
x.prod().backward(create_graph=True)
print(x.grad)
y = torch.tensor([[1., 0.], [0., 2.], [3., 4.]], requires_grad=True)
g, = torch.autograd.grad(y.prod(), y, create_graph=True)
print(g)
g, = torch.autograd.grad(y.prod(1).sum(), y, create_graph=True)
print(g)
g.sum().backward()
print(y.grad)
""",
"no_grad_views_of_a_leaf": TRY + """
import copy
a = torch.ones(3, requires_grad=True)
with torch.no_grad():
    v = a[1:]
d = copy.deepcopy(v)
print(d, d.requires_grad, d.is_leaf, v.requires_grad, v.is_leaf, v.grad_fn)
attempt(lambda: v.backward())
attempt(lambda: v.sum().backward())
""",
"view_grad_fn_after_a_detached_base_is_written": """
a = torch.ones(3, requires_grad=True)
b = a * 2
v = b[1:]
w = b.view(3)
b.detach_()
print(v.grad_fn.name(), v.requires_grad)
b.mul_(2)
print(v.grad_fn.name(), w.grad_fn.name(), v.requires_grad, v.grad_fn.next_functions)
x = torch.ones(3)
u = x[1:]
x.mul_(2)
print(u.grad_fn, u.requires_grad)
""",
"requires_grad_setter": TRY + """
a = torch.ones(3, requires_grad=True)
b = a * 2
def s1(): b.requires_grad = True
def s2(): b.requires_grad = False
def s3(): torch.ones(3, dtype=torch.int64).requires_grad = True
attempt(s1)
attempt(s2)
attempt(s3)
attempt(lambda: torch.ones(3, dtype=torch.int64).requires_grad_())
attempt(lambda: torch.tensor([1, 2], requires_grad=True))
i = torch.ones(2, dtype=torch.int64)
i.requires_grad = False
print(i.requires_grad)
""",
"hooks_that_change_a_gradient": TRY + """
def shrink(g):
    return g[:2]
a = torch.ones(3, requires_grad=True)
a.register_hook(lambda g: g.sum())
attempt(lambda: (a * 2).sum().backward())
c = torch.ones(3, requires_grad=True)
d = c * 2
d.register_hook(shrink)
attempt(lambda: d.sum().backward())
e = torch.ones(3, requires_grad=True)
e.register_hook(lambda g: g.double())
attempt(lambda: (e * 2).sum().backward())
""",
"scalars_of_grad_tensors_warn_once": """
a = torch.tensor(1., requires_grad=True)
b = torch.tensor(2., requires_grad=True)
print(torch.tensor([a, b]))
print(torch.tensor([a * 2]), float(a), int(b), a.item())
""",
"gradient_versions": """
w = torch.ones(3, requires_grad=True)
for i in range(4):
    (w * w).sum().backward()
    print(w.grad._version)
    w.grad.zero_()
print(w.grad._version)
for make in [lambda x: x.sum(), lambda x: (x * 2).sum(), lambda x: x.mean(), lambda x: x.expand(2, 3).sum(),
             lambda x: (x + x).sum(), lambda x: x[1:].sum()]:
    x = torch.ones(3, requires_grad=True)
    make(x).backward()
    print(x.grad._version, x.grad)
x = torch.ones(3, requires_grad=True)
g = torch.ones(3)
x.backward(g)
print(x.grad._version, x.grad is g)
y = torch.ones(3, requires_grad=True)
g = torch.ones(3)
y.view(3).backward(g)
print(y.grad._version, y.grad.data_ptr() == g.data_ptr())
""",
"one_offs": TRY + """
x = torch.zeros(3, dtype=torch.int64)
y = torch.ones(2, requires_grad=True)
x[1:] = y * 2
print(x, x.requires_grad)
s = torch.tensor(3., requires_grad=True)
print(s.masked_fill(s > 0, 1.), s.masked_fill(torch.tensor(True), 2.).shape)
for t in [torch.ones(1, 3).expand(2, 3), torch.ones(3, 1).expand(3, 4), torch.ones(4, 3).t(), torch.ones(2, 3)[:, ::2],
          torch.ones(3, 4).t()[::2], torch.ones(3).expand(2, 2, 3).transpose(0, 2), torch.ones(2, 1).t()]:
    print(t.clone().stride(), t.clone(memory_format=torch.preserve_format).stride(),
          t.clone(memory_format=torch.contiguous_format).stride(), t.contiguous().stride())
print(torch.preserve_format, torch.contiguous_format)
for f in ["zeros", "ones", "empty", "rand", "randn"]:
    attempt(lambda: getattr(torch, f)())
print(torch.zeros(()), torch.ones([]).shape)
for v in [torch.linspace(0, 1, 4), torch.linspace(-1, 1, 8), torch.linspace(-2, 1, 16),
          torch.linspace(0, 1, 4, dtype=torch.float64)]:
    print((v @ v).item(), v.dot(v.flip(0) * 0.7).item())
a = torch.ones(2, 3)
def w(): a[..., None][1] = torch.ones(1, 2)
attempt(w)
""",
"indexing_and_views_of_empty_and_0_dim": TRY + """
x = torch.tensor(2., requires_grad=True)
y = x[x > 0]
print(y, x[x < 0], x[torch.tensor(True)])
y.sum().backward()
print(x.grad)
z = torch.tensor(2.)
z[z > 0] = 3
print(z)
print(torch.ones(2, 3)[torch.tensor(True)].shape, torch.ones(2, 3)[0, torch.tensor(True)].shape)
print(torch.ones(0).split(1), torch.ones(0, 2).split(2), torch.ones(0).chunk(2), torch.ones(3, 0).split(2, 1))
m = torch.tensor([[True, False], [True, True]])
print(m.any(dim=(0, -1)), m.all(dim=(0,)), m.any((1,)))
print(torch.tensor([[True, False]]).sgn(), torch.tensor([1., -2.], requires_grad=True).norm(dtype=torch.float64))
x = torch.tensor([1.5, 2.], requires_grad=True).clone()
x //= 2
y = torch.tensor([1.5, 2.], requires_grad=True).clone()
y %= torch.tensor([1., 1.])
print(x.grad_fn, y.grad_fn)
print(torch.ones(3).T, torch.tensor(2.).T, torch.ones(2, 3, 1).T.shape, torch.ones(2).T)
e = torch.tensor([1., -2.])
print(e.where(e > 0, 0.), e.where(e > 0, torch.tensor(5.)))
""",
"binary_ops_record_their_nodes": TRY + """
a = torch.tensor([1.5, 2.], requires_grad=True)
b = torch.tensor([1., 3.], requires_grad=True)
print(a.remainder(b).grad_fn, a.remainder(2).grad_fn, torch.div(a, b, rounding_mode='floor').grad_fn,
      (a // 2).grad_fn, (2 % a).grad_fn, (2 // a).grad_fn, torch.maximum(a, b).grad_fn, a.minimum(a).grad_fn)
torch.maximum(a, b).sum().backward()
print(a.grad, b.grad)
c = torch.tensor([2., 2.], requires_grad=True)
d = torch.tensor([2., 1.], requires_grad=True)
torch.minimum(c, d).sum().backward()
print(c.grad, d.grad)
x = torch.tensor([1.5, 2.7], requires_grad=True)
y = torch.tensor([1., 2.], requires_grad=True)
(x % y).sum().backward()
print(x.grad, y.grad)
attempt(lambda: (x // 2).sum().backward())
attempt(lambda: (2 % x).sum().backward())
""",
"empty_tensors_run_no_kernel": TRY + """
print(torch.rand(0).logsumexp(0), torch.rand(2, 0).logsumexp(1), torch.rand(0, 2).logsumexp(1))
print(torch.rand(0).softmax(0), torch.rand(0, 3).log_softmax(1), torch.zeros(0, dtype=torch.int64).softmax(0))
print(torch.zeros(0, 3).norm(dim=-1), torch.zeros(3, 0).norm(dim=-1), torch.zeros(0).norm())
x = torch.zeros(0, 2, requires_grad=True)
y = x.softmax(-1)
y.sum().backward()
print(y, x.grad)
attempt(lambda: torch.ones(0)[torch.tensor([0])])
for f in [lambda: torch.hypot(torch.rand(0), torch.rand(0) > 1), lambda: torch.hypot(torch.ones(2), torch.tensor([True, False])),
          lambda: torch.hypot(torch.tensor([1, 2]), torch.tensor([1, 2])), lambda: torch.zeros(0, dtype=torch.bool).floor()]:
    attempt(f)
attempt(lambda: torch.ones(0)[0])
""",
"setitem_copies_as_copy_to": TRY + """
x = torch.ones(2)
x[:] = x
print(x._version)
a = torch.ones(2, requires_grad=True).clone()
a[:] = a
print(a.grad_fn, a._version)
c = torch.ones(2, 3, requires_grad=True).clone()
c[:] = torch.tensor(5., requires_grad=True)
print(c.grad_fn)
v = torch.empty(1, 2, 3).fill_(-2)
v[:] = v
print(v)
attempt(lambda: True @ v)
""",
"operand_types_and_integer_powers": TRY + """
attempt(lambda: torch.tensor([-2, -1, 0, 1, 2, 3]) ** torch.tensor([-1, -2, -3, -1, -1, -2]))
u = torch.tensor([3, 250], dtype=torch.uint8)
u -= -2
print(u, torch.tensor([3], dtype=torch.uint8) - 5, torch.tensor([3], dtype=torch.uint8) + 300,
      torch.tensor([3], dtype=torch.uint8) > -1)
x = torch.tensor([[-2, -3, -1], [4, -1, 2]])
x **= x
print(x)
for f in [lambda: torch.tensor(2.).mT, lambda: torch.ones(2).mT, lambda: torch.ones(2).logical_and(1),
          lambda: torch.ones(2).logical_or(True), lambda: torch.ones(2).logical_xor(1.5),
          lambda: torch.tensor(7) // torch.tensor(2), lambda: torch.tensor(7) ** torch.tensor(-1)]:
    attempt(f)
y = torch.ones(2, requires_grad=True)
(y * 2).sum().backward(create_graph=True)
(y * 2).sum().backward(create_graph=True)
attempt(lambda: torch.randn(3, 2).sum().backward(create_graph=True))
""",
"split_chunk_unbind_are_one_multi_output_node": TRY + """
a = torch.arange(6.).requires_grad_().clone()
p = a.split(2)
print([x.grad_fn.name() for x in p], [x.output_nr for x in p], p[0]._base is a, p[0]._is_view())
attempt(lambda: p[0].mul_(2))
a.mul_(2)
attempt(lambda: p[1].grad_fn)
attempt(lambda: p[1] * 2)
print(p[1]._version, [x.grad_fn.name() for x in a.chunk(4)], a.split([2, 4])[1].grad_fn.name())
attempt(lambda: a.view(2, 3).unbind(1)[0].t().add_(1))
y = torch.arange(6.)
q = y.split(2)
attempt(lambda: q[0].mul_(torch.ones(2, requires_grad=True)))
print(q[1].grad_fn)
w = torch.arange(6.).requires_grad_()
attempt(lambda: w.split(2)[0].mul_(2))
s = w.split([1, 5])
(s[1] ** 2).sum().backward(create_graph=True)
print(w.grad, w.grad.grad_fn.next_functions[1][0].name())
a = torch.arange(6.).requires_grad_().clone()
for f in [lambda: torch.tensor(1.).unbind(), lambda: torch.tensor(1.).split(1), lambda: torch.tensor(1.).chunk(1),
          lambda: a.split([2, 3]), lambda: a.split(0), lambda: a.chunk(0), lambda: a.split(-1), lambda: a.unbind(1),
          lambda: a.split([7, -1]), lambda: torch.zeros(0).split(0), lambda: torch.zeros(0, 2).chunk(2),
          lambda: torch.zeros(2, 0).chunk(3, 1), lambda: torch.zeros(3, 0).unbind(1), lambda: a.split(2, 1)]:
    attempt(f)
x = torch.ones(2, 3, requires_grad=True)
p = x.unbind()
q = p[0].split(2)
print(q[1].grad_fn.next_functions[0][0].name(), q[1].grad_fn.next_functions[0][1])
q[1].retain_grad()
(q[1] * 5).sum().backward(retain_graph=True)
print(x.grad, q[1].grad, q[0].grad)
print(torch.autograd.grad(p[1].sum(), x))
r = x.t().split(1)
print(r[1], r[1].stride(), r[1].is_contiguous())
h = p[1].register_hook(lambda g: g * 10)
(p[0] + p[1]).sum().backward()
print(x.grad)
print(copy.deepcopy(p[0]))
c = p[0].clone(); print(c.grad_fn)
with torch.no_grad():
    s = x.split(1)
print(s[0].requires_grad, s[0].grad_fn)
s[0].detach().mul_(0)
print(x)
""",
"a_dim_given_twice_in_a_reduction": TRY + """
x = torch.tensor([1., 2.])
for op in ["amin", "amax", "sum", "mean", "std", "var", "logsumexp", "norm", "count_nonzero", "all", "any"]:
    attempt(lambda: getattr(x, op)(dim=(0, -1)))
    attempt(lambda: getattr(torch.ones(2, 2), op)(dim=(0, -2)))
    attempt(lambda: getattr(torch.tensor(3.), op)(dim=(0, -1)))
    attempt(lambda: getattr(torch.tensor(3.), op)(dim=(0,)))
""",
"data_set_to_a_non_tensor": TRY + """
x = torch.ones(3)
def setdata(v):
    x.data = v
for v in [False, 1.5, 2, [1., 2.], None, torch.zeros(2, dtype=torch.int64)]:
    attempt(lambda: setdata(v))
print(x, x._version)
""",
"list_indices_and_index_put_shapes": TRY + """
z = torch.zeros(0, 3)
x = torch.arange(3.)
print(z[[]].shape, x[[]], torch.zeros(2, 3)[:, []].shape, x[[0.5, 1.7]], x[[True, False, True]], x[[1, True]])
y = torch.arange(3.)
y[[]] = 5.
y[[0.2, 2.9]] = 7.
print(y)
m = torch.arange(6.).view(2, 3)
def s1(): m[m > 2] = torch.ones(12)
def s2(): m[m > 2] = torch.ones(2)
def s3(): m[torch.tensor([0, 1])] = torch.ones(3, 3)
def s4(): m[0] = torch.ones(2)
def s5(): m[:, 0] = torch.ones(3)
def s6(): m[m > 2] = torch.ones(1, 3)
for f in [s1, s2, s3, s4, s5, s6]:
    attempt(f)
print(m)
m = torch.arange(6.).view(2, 3).requires_grad_().clone()
v = torch.ones(1, 3, requires_grad=True)
m[m > 2] = v * 2
m.sum().backward()
print(v.grad, m.grad_fn)
w = torch.ones(1, 1, 2, requires_grad=True)
n = torch.zeros(3, 2).requires_grad_().clone()
n[[0, 2]] = w
(n * torch.arange(6.).view(3, 2)).sum().backward()
print(w.grad, n)
""",
"alpha_checked_against_the_result_type": TRY + """
for a in [False, True, 0, 2, 0.5]:
    for t in [torch.ones(2), torch.ones(2, dtype=torch.int64), torch.tensor([True, False])]:
        attempt(lambda: t.add(t, alpha=a))
        attempt(lambda: t.sub(t, alpha=a))
        attempt(lambda: torch.add(t, 1, alpha=a))
        attempt(lambda: t.clone().add_(t, alpha=a))
        attempt(lambda: t.clone().sub_(1, alpha=a))
    attempt(lambda: torch.ones(2, dtype=torch.int64).add_(torch.ones(2), alpha=a))
    attempt(lambda: torch.ones(2, requires_grad=True).add_(1, alpha=a))
""",
"numbers_written_into_integer_tensors_wrap_or_overflow": TRY + """
u = torch.tensor([1, 2], dtype=torch.uint8)
i = torch.tensor([1, 2], dtype=torch.int32)
l = torch.tensor([1, 2])
for t, vals in [(u, [-2, -128, -129, 255, 256, 300, -1.5, 255.5, 256.0, -255, True]),
                (i, [2**31 - 1, 2**31, -2**31 - 1, 1e10, -7.9]), (l, [2**63 - 1, -2**63, 1e19, float("inf"), float("nan")])]:
    for v in vals:
        def f():
            t[0] = v
            return t
        attempt(f)
        attempt(lambda: t.clone().fill_(v))
        attempt(lambda: torch.full((1,), v, dtype=t.dtype))
        attempt(lambda: t.clone().masked_fill_(torch.tensor([True, False]), v))
        attempt(lambda: t.clone().index_fill_(0, torch.tensor([0]), v))
attempt(lambda: torch.zeros(1).fill_(1e40))
attempt(lambda: torch.zeros(1, dtype=torch.float16).fill_(1e6))
attempt(lambda: torch.zeros(1, dtype=torch.float64).fill_(1e300))
attempt(lambda: torch.zeros(1, dtype=torch.bool).fill_(-7))
attempt(lambda: torch.zeros(1, dtype=torch.uint8).clamp_(-3))
attempt(lambda: torch.zeros(1, dtype=torch.uint8).add_(-3))
attempt(lambda: torch.zeros(1, dtype=torch.uint8) + 300)
attempt(lambda: torch.zeros(1, dtype=torch.uint8) * -300)
attempt(lambda: torch.zeros(1, dtype=torch.uint8).scatter_(0, torch.tensor([0]), -3))
u = torch.tensor([0, 5, 200], dtype=torch.uint8)
for a in [(-3,), (300,), (None, -3), (2, 250), (-300,), (1.5,), (-1.5,)]:
    attempt(lambda: u.clamp(*a))
    attempt(lambda: u.clone().clamp_(*a))
i = torch.tensor([0, 5], dtype=torch.int32)
attempt(lambda: i.clamp(2**31))
attempt(lambda: i.clamp(-2**31 - 5))
attempt(lambda: torch.zeros(1, dtype=torch.uint8).clamp_min_(-3))
attempt(lambda: torch.zeros(1, dtype=torch.uint8).clamp_max_(-3))
""",
"inplace_output_shape_checked_before_its_type": TRY + """
big = torch.tensor([[-2.5, 2.1, 0.5]])
for t in ["torch.tensor([1, 0, 1], dtype=torch.uint8)", "torch.tensor([1, 0, 1])", "torch.tensor([True, False, True])"]:
    for op in ["pow_", "add_", "sub_", "mul_", "div_", "clamp_min_", "clamp_max_",
               "copy_", "maximum"]:
        attempt(lambda: getattr(eval(t), op)(big))
    attempt(lambda: eval(t).add_(big, alpha=2))
    for aug in ["+=", "-=", "*=", "/=", "%=", "//=", "**="]:
        def go():
            x = eval(t)
            exec("x " + aug + " big")
        attempt(go)
""",
"float16_var_and_std": TRY + """
h = torch.tensor(1.5, dtype=torch.float16)
attempt(lambda: h.var(-1, keepdim=True))
x = torch.tensor([[1.5, 2.5, 4.], [0.25, -1., 3.]], dtype=torch.float16)
for f in ["var()", "std(0)", "var(1, keepdim=True)", "std(correction=0)", "mean()", "sum()", "norm()", "prod()",
          "cumsum(0)", "var(dim=(0, 1))"]:
    attempt(lambda: eval("x." + f))
""",
"number_operands_of_scalar_overloads_have_no_edge": TRY + """
x = torch.tensor([0.5, 2.], requires_grad=True)
for f in ["x.xlogy(0)", "torch.xlogy(2, x)", "x.xlogy(x)", "x.xlogy(torch.tensor(3.))", "x.remainder(2)", "x % 2", "2 % x",
          "x.fmod(2)", "x.fmod(x)", "x % x", "x.floor_divide(2)", "x // x", "2 // x", "x.div(2)", "x * 2"]:
    y = eval(f)
    print(f, y.grad_fn, y.grad_fn.name(), [n[0].name() if n[0] else None for n in y.grad_fn.next_functions])
    x.grad = None
    attempt(lambda: y.sum().backward())
    print(x.grad)
y = x.xlogy(0.5)
print(torch.autograd.grad(y.sum(), x, create_graph=True))
z = torch.xlogy(3., x)
(g,) = torch.autograd.grad(z.sum(), x, create_graph=True)
print(g, g.grad_fn)
w = x.clone()
w %= 2
print(w.grad_fn, w.grad_fn.next_functions)
""",
"integer_tensor_to_a_negative_number": TRY + """
e = torch.tensor([], dtype=torch.int64)
i = torch.tensor([2, 3])
u = torch.tensor([2, 3], dtype=torch.uint8)
b = torch.tensor([True, False])
for f in [lambda: e ** -1, lambda: i ** -1, lambda: i ** -2, lambda: i.pow(-1), lambda: i ** 0, lambda: u ** -1, lambda: b ** -1,
          lambda: i ** True, lambda: i ** False, lambda: torch.tensor(2) ** -1, lambda: i ** torch.tensor(-1),
          lambda: i ** torch.tensor([-1, 2]), lambda: e ** torch.tensor([], dtype=torch.int64), lambda: e.pow_(e),
          lambda: e.pow_(-1), lambda: i.clone().pow_(-1), lambda: 2 ** torch.tensor([-1]), lambda: torch.tensor([1, -1]) ** -1,
          lambda: i ** -1.0]:
    attempt(f)
x = torch.tensor([1, 2])
def aug():
    global x
    x **= -1
attempt(aug)
print(2 ** torch.tensor([-1, 0, 2]), -1 ** torch.tensor([-3, -2]), (-1) ** torch.tensor([-3, -2]), 1 ** torch.tensor([-5]), True ** torch.tensor([-1, 2]), 2 ** torch.tensor(-2), 2 ** torch.tensor([True, False]))
""",
"lerp_operands_of_another_dtype": TRY + """
f = torch.ones(2); d = torch.ones(2, dtype=torch.float64); i = torch.ones(2, dtype=torch.int64); b = torch.tensor([True, False])
for g in [lambda: f.lerp(d, 0.5), lambda: f.lerp(f, d), lambda: f.lerp(f, torch.tensor(0.5, dtype=torch.float64)),
          lambda: b.lerp(f, 0.5), lambda: i.lerp(i, 0.5), lambda: i.lerp(i, i), lambda: f.lerp(i, f), lambda: f.lerp(f, 2),
          lambda: f.lerp(f, True), lambda: torch.lerp(f, f, f > 0), lambda: f.clone().lerp_(d, 0.5),
          lambda: i.clone().lerp_(f, 0.5), lambda: torch.zeros(0, dtype=torch.int64).lerp(torch.zeros(0, dtype=torch.int64), 0.5),
          lambda: torch.tensor([True, False]).lerp(torch.tensor([True, True]), 0.5), lambda: f.lerp(torch.tensor([True, True]), 0.5),
          lambda: torch.ones(2, dtype=torch.float16).lerp(f, 0.5), lambda: torch.ones(2, dtype=torch.uint8).lerp(f, 0.5)]:
    attempt(g)
""",
"elementwise_results_laid_out_as_tensor_iterator": """
x = torch.arange(6.).view(2, 3).requires_grad_()
for f in ["x.t().exp()", "x.t().neg()", "x.t().abs()", "x.t().sigmoid()", "x.t() * 2", "x.t() + x.t()", "x.t().clone()",
          "x.t().relu()", "x.t().float()", "x.t().double()", "x.t().sqrt()", "x.t().pow(2)", "x.t().tanh()", "x.t().sin()",
          "x.t().floor()", "x.t().sign()", "x.t().clamp(0, 1)", "x.t().round()", "x.t().square()", "x.t().reciprocal()",
          "x.t().log1p()", "x.t().frac()", "x.t().isnan()", "x.t().logical_not()", "x.t().nan_to_num()", "x.t() > 1",
          "x.permute(1, 0).exp()", "x.t()[1:].exp()", "x.t()[::2].exp()", "x.t().expand(2, 3, 2).exp()", "x.t().long()",
          "x.t().masked_fill(x.t() > 1, 0)", "x.t().where(x.t() > 1, 0.)", "x.t().contiguous()", "-x.t()", "abs(x.t())",
          "x.t().detach().exp_()", "x.t().to(torch.float64)", "x.t().trunc()", "x.t().exp2()", "x.t().rsqrt()", "x.t().sgn()",
          "x.t().signbit()", "x.t().cos()", "x.t().atan()", "x.t().lerp(x.t(), 0.5)", "x.t() / 3", "x.t() ** 2",
          "x.t() @ x", "x.t().softmax(0)", "x.t().cumsum(0)", "x.t().tril()", "x.t().flip(0)", "x.t().roll(1)"]:
    y = eval(f)
    print(f, y.stride(), y.is_contiguous())
z = torch.ones(2, 3, 4).permute(2, 0, 1)
print(z.exp().stride(), (z + 1).stride(), (z + torch.ones(4, 2, 3)).stride(), z.clone().stride())
w = torch.ones(3, 2, requires_grad=True)
w.t().exp().sum().backward()
print(w.grad.stride(), w.grad._version)
v = torch.ones(2, 3, requires_grad=True)
(v.t() * 2).sum().backward()
print(v.grad.stride(), v.grad._version)
u = torch.ones(3, 2).t().requires_grad_()
(u.exp() * 2).sum().backward()
print(u.grad.stride(), u.grad._version)
a = torch.arange(6.).view(2, 3)
b = torch.arange(24.).view(2, 3, 4)
c = b.permute(2, 0, 1)
ops = {"a": a, "at": a.t(), "a1": a[:, :1], "row": torch.ones(3), "col": torch.ones(2, 1), "b": b, "c": c,
       "bt": b.transpose(0, 1), "bs": b[:, ::2], "e": a.t().expand(2, 3, 2), "one": torch.ones(1, 3).t(),
       "s": torch.tensor(2.), "u": torch.ones(3, 1, 2).transpose(0, 2)}
for x in ops:
    for y in ops:
        try:
            r = ops[x] * ops[y]
        except Exception:
            continue
        print(x, y, tuple(r.shape), r.stride(), (ops[x] + 1).stride(), ops[x].exp().stride(), torch.where(ops[x] > 0, ops[x], ops[y]).stride())
w = torch.ones(3, 1, 2).transpose(0, 2).requires_grad_()
(w * 2).sum().backward()
print(w.grad.stride(), w.grad._version)
v = torch.ones(2, 3)[:, ::2].requires_grad_()
(v * 2).sum().backward()
print(v.grad.stride(), v.grad._version)
q = torch.ones(1, 3).t().requires_grad_()
(q.exp()).sum().backward()
print(q.grad.stride(), q.grad._version)
""",
"argmax_argmin_and_max_of_empty_and_stale_views": TRY + """
v1 = torch.tensor([[1.5], [0.337]], requires_grad=True)
with torch.no_grad():
    v2 = v1.reshape(-1)
with torch.no_grad():
    v2 *= 2
for f in ["v2.argmin(-1)", "v2.argmax(0)", "v2.argmax()", "v2.argsort()", "v2.sort()[1]", "v2.max(0)[1]", "v2 > 1",
          "v2.isnan()", "v2.nonzero()", "v2.count_nonzero()", "v2.eq(v2)", "v2.sign()", "v2.all()", "v2.int()", "v2 * 2"]:
    attempt(lambda: eval(f))
e = torch.zeros(0)
for f in ["e.argmax()", "e.argmin()", "e.argmax(0)", "torch.zeros(0, 3).argmax(1)", "torch.zeros(0, 3).argmax(0)",
          "torch.zeros(2, 0).argmin(1, keepdim=True)", "e.max()", "e.min()", "e.amax()", "torch.zeros(0, 3).max(1)",
          "torch.zeros(3, 0).max(1)", "torch.tensor(2.).argmax()", "torch.tensor(2.).argmax(0)", "torch.tensor(2.).argmin(-1, True)"]:
    attempt(lambda: eval(f))
""",
"floor_divide_inplace_records_its_own_overload": """
for form in ['m', 'op', 'num']:
    x = torch.tensor([1.5, -2.0], requires_grad=True)
    y = x * 1
    if form == 'm': y.floor_divide_(torch.tensor([2.0, 2.0]))
    elif form == 'op': y //= 2
    else: y.floor_divide_(2)
    print(y, y.grad_fn.name())
    try:
        y.sum().backward()
    except Exception as e:
        print(e)
z = torch.floor_divide(torch.tensor([3.0], requires_grad=True), 2)
print(z.grad_fn.name())
try:
    z.sum().backward()
except Exception as e:
    print(e)
""",
"layer_norm_checks_normalized_shape_weight_and_bias": """
F = torch.nn.functional
x = torch.randn(2, 3)
for args in [((),), ([],), ((3,), torch.ones(2)), ((3,), None, torch.ones(4)), ((2, 3),), ((4,),), (3,), ((0,),)]:
    try:
        print(F.layer_norm(x, *args).shape)
    except Exception as e:
        print(type(e).__name__, e)
try:
    print(F.layer_norm(torch.randn(2, 0), (0,)))
except Exception as e:
    print(type(e).__name__, e)
""",
"inplace_op_reads_an_aliased_operand_as_its_loop_goes": """
for n in [2, 5, 17, 40, 70]:
    for dt in [torch.float32, torch.float64, torch.int64]:
        c = torch.arange(3 * n, dtype=dt).reshape(3, n) + 1
        c.add_(c[:, 0:1])
        print(n, dt, c.sum().item(), c[:, -3:].tolist())
        d = torch.arange(3 * n, dtype=dt).reshape(3, n) + 1
        d.mul_(d[:, 1:2], ) if dt != torch.int64 else d.sub_(d[:, 1:2], alpha=2)
        print(d[:, :4].tolist(), d[:, -2:].tolist())
        e = torch.arange(4 * n, dtype=dt).reshape(4, n) + 1
        e[1:].sub_(e[:-1, :1])
        print(e.sum().item())
        f = torch.arange(2 * n, dtype=dt) + 1
        f[1:].add_(f[::2][: (2 * n - 1 + 0)][:1])
        print(f.tolist()[-4:])
        g = torch.arange(n, dtype=dt).reshape(1, n) + 1
        g = g.expand(2, n).clone()
        g.add_(g[:, ::2].repeat_interleave(2, dim=1)[:, :n] if False else g[:, 0:1], alpha=3)
        print(g.tolist()[1][-3:])
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
y = x * 1
y.div_(y[:, :1])
print(y, y.grad_fn)
y.sum().backward()
print(x.grad)
t = torch.ones(4, 4)
t.add_(t[:, 1:2])
t += t[:, 3:4]
t.mul_(t.t()[:, :1] if False else t[:, :1])
print(t)
""",
"inplace_op_on_a_view_of_its_own_operand": """
v1 = torch.tensor([[-0.5, -0.75], [-0.9662, 0.25], [2.6707, 0.5]])
v2 = v1.unsafe_split(1, -1)[0]
v1.div_(v2)
print(v1)
a = torch.tensor([[-0.5, -0.75], [-0.9662, 0.25], [2.6707, 0.5]])
b = a[:, :1]
try:
    a.div_(b)
except RuntimeError as e:
    print(e)
print(a)
c = torch.arange(6.).reshape(3, 2)
c.add_(c[:, 0:1])
print(c)
d = torch.arange(6.).reshape(3, 2)
d.mul_(d[0])
print(d)
""",
"products_with_four_inputs_by_a_transposed_matrix": """
torch.manual_seed(0)
for (m, n) in [(2, 16), (4, 4), (8, 4), (64, 4), (1, 4), (4, 1), (2, 2), (3, 5), (16, 16), (4, 16), (5, 4), (4, 8),
               (4, 12), (3, 13), (2, 7), (9, 11)]:
    A = torch.randn(m, 4); B = torch.randn(4, n); C = torch.randn(n, 4); bias = torch.randn(n)
    At = A.t().contiguous().t()
    for r in [A @ B, A @ C.t(), torch.addmm(bias, A, C.t()), At @ B, At @ C.t(), torch.nn.functional.linear(A, C, bias)]:
        print(r.flatten().tolist())
for (i, o, b) in [(4, 4, 4), (4, 8, 2), (3, 4, 5), (4, 1, 7), (2, 4, 4), (4, 4, 1), (4, 16, 8), (4, 3, 16)]:
    lin = torch.nn.Linear(i, o)
    x = torch.randn(b, i, requires_grad=True)
    y = lin(x)
    (y * torch.randn(b, o)).sum().backward()
    print(y.flatten().tolist(), x.grad.flatten().tolist(), lin.weight.grad.flatten().tolist(), lin.bias.grad.tolist())
""",
"nll_loss_target_size_checks_by_rank": """
F = torch.nn.functional
cases = [((1, 2, 3), (1,)), ((1, 2, 3), (1, 4)), ((2, 2, 3, 4), (2, 3)), ((2, 2, 3, 4), (2, 3, 5)), ((2, 2, 3, 4, 5), (2, 3, 4)), ((2, 2, 3, 4, 5), (2, 3, 4, 6)), ((2, 3, 4), (2, 4, 1))]
for s, t in cases:
    for f in [lambda x, y: F.nll_loss(x, y), lambda x, y: F.cross_entropy(x, y), lambda x, y: F.cross_entropy(x, y, label_smoothing=0.1)]:
        try:
            print(f(torch.randn(*s), torch.zeros(*t, dtype=torch.long)))
        except Exception as e:
            print(type(e).__name__, e)
""",
"clamp_of_bool_by_a_number_has_no_kernel": """
for t in [torch.tensor([], dtype=torch.bool), torch.tensor([True, False])]:
    for f in [lambda: t.clamp(min=True), lambda: t.clamp(max=False), lambda: t.clamp(False, True), lambda: t.clamp_min(True), lambda: t.clamp_max(True), lambda: t.clone().clamp_(min=True), lambda: t.clone().clamp_(False, True), lambda: t.clip(max=True), lambda: torch.clamp(t, min=True)]:
        try:
            print(f())
        except Exception as e:
            print(type(e).__name__, e)
""",
"advanced_index_assignment_keeps_the_value_dtype": """
cases = []
x = torch.tensor([1, 2, 3], dtype=torch.int32)
for key in ['mask', 'idx', 'slice', 'int', 'emptymask']:
    for v in [torch.tensor([0.5]), torch.tensor(0.5), torch.tensor([7], dtype=torch.int64), torch.tensor([], dtype=torch.float32), 2.5]:
        y = x.clone()
        k = {'mask': y > 1, 'idx': torch.tensor([0]), 'slice': slice(0, 1), 'int': 0, 'emptymask': y > 5}[key]
        try:
            y[k] = v
            print(key, y)
        except Exception as e:
            print(key, type(e).__name__, e)
""",
"sign_of_nan_is_zero": """
x = torch.tensor([float('nan'), 1., -2., 0., -0.], requires_grad=True)
print(x.sign(), torch.sign(x.double()), x.sgn(), torch.tensor(float('nan')).sign(), x.half().sign())
print(x.sign().untyped_storage().tolist())
z = torch.tensor([float('nan'), -3., 0.]); z.sign_(); print(z)
w = torch.tensor([[float('nan'), -3.]]).t().contiguous(); w.sgn_(); print(w)
x.sign().sum().backward(); print(x.grad)
""",
"nan_bits_of_out_of_domain_inputs": """
for dt in [torch.float32, torch.float64]:
    n = torch.tensor([-2., 2., -1.5, float('-inf'), float('inf'), -0.5, -5., 3., float('nan'), 0.], dtype=dt)
    for op in ['asin', 'acos', 'log', 'log2', 'log10', 'log1p', 'sqrt', 'rsqrt'] if dt == torch.float32 else ['asin', 'acos', 'log', 'log2', 'log10', 'sqrt', 'rsqrt']:
        print(dt, op, getattr(n, op)().untyped_storage().tolist())
        m = n.clone()
        getattr(m, op + "_")() if op not in ('log1p', 'rsqrt') else None
        print(m.untyped_storage().tolist())
    print(torch.tensor([-2., 2., -0.5, 0.5] * 10, dtype=dt).asin().untyped_storage().tolist())
    nans = torch.tensor([float('nan'), -float('nan'), 2., -2.] * 10, dtype=dt)  # (NaN inputs keep their sign)
    for op in ['asin', 'acos', 'log', 'log2', 'log10', 'log1p', 'sqrt', 'rsqrt']:
        print(op, getattr(nans, op)().untyped_storage().tolist()[:32])
x = torch.tensor([-2., 0.5], requires_grad=True)
y = x.asin()
y.sum().backward()
print(y, x.grad, x.grad.untyped_storage().tolist())
print(torch.tensor(-3.).sqrt().untyped_storage().tolist(), torch.tensor([-1, 4]).sqrt().untyped_storage().tolist())
""",
"bitwise_ops_with_a_float": TRY + """
for init in ["torch.tensor([1, 2])", "torch.tensor([True, False])", "torch.tensor([1., 2.])", "torch.tensor([1, 2], dtype=torch.uint8)"]:
    for aug in ["|= 1.5", "&= 2.", "^= 0.5", "|= True", "&= 1", "|= torch.ones(2)", "^= torch.ones(3)", "&= torch.tensor(2.)"]:
        def go():
            x = eval(init)
            exec("x " + aug)
            return x
        attempt(go)
    for op in ["| 1.5", "& 2.0", "^ 1.", "| torch.ones(2)"]:
        attempt(lambda: eval(init + " " + op))
        attempt(lambda: eval(op.split(" ", 1)[1] + " " + op[0] + " " + init))
""",
"bool_scalar_indices_and_0_dim_index_messages": TRY + """
x = torch.ones(2, 3, requires_grad=True)
for f in ['x[torch.tensor(True)]', 'x[torch.tensor(False)]', 'x[torch.tensor(True), 0]', 'x[..., torch.tensor(True)]', 'torch.tensor(2.)[torch.tensor(True)]']:
    y = eval(f); print(f, y.shape, y.stride(), y.grad_fn, y._is_view())
for f in ['x[True]', 'x[False]', 'x[True, 0]', 'x[0, True]', 'x[..., True]', 'x[True, True]', 'x[None, True]',
          'torch.tensor(2.)[True]', 'torch.tensor(2., requires_grad=True)[False]', 'x[True][0, 1]']:
    y = eval(f); print(f, y.shape, y.stride(), y.grad_fn, y._is_view())
y = x[True]
y.sum().backward()
print(x.grad)
z = torch.tensor(2.)
for f in ["z[0]", "z[-1]", "z[1]", "z[5]", "z[1:]", "z[None]", "z[...]", "z[()]", "z[torch.tensor(0)]", "z[True]", "z[False]",
          "z[z > 0]", "z[0, 0]"]:
    attempt(lambda: eval(f))
def s1(): z[0] = 1.
def s1b(): z[-1] = 1.
def s2(): z[...] = 3.
def s4(): z[None] = 4.
def s5(): z[z > 0] = 5.
def s6(): z[True] = 6.
def s7(): z[False] = 7.
for s in [s1, s1b, s2, s4, s5, s6, s7]:
    attempt(s)
print(z)
w = torch.zeros(2, 3)
w[True] = 1.
w[False] = 2.

print(w)
""",
"clamp_with_tensor_bounds": """
a = torch.tensor([-1., 0.5, 2.], requires_grad=True)
lo = torch.tensor([0., 0., 0.], requires_grad=True)
hi = torch.tensor(1., requires_grad=True)
for y in [a.clamp(lo), a.clamp(lo, hi), a.clamp(max=hi), a.clamp(torch.zeros(3)), torch.zeros(3).clamp(lo), a.detach().clamp(lo, hi)]:
    print(y, y.grad_fn.name(), [(n[0].name() if n[0] else None) for n in y.grad_fn.next_functions])
y = a.clamp(lo, hi); y.sum().backward(); print(a.grad, lo.grad, hi.grad)
a.grad = None; lo.grad = None
y = a.clamp(lo); (y * torch.tensor([1., 2., 3.])).sum().backward(); print(a.grad, lo.grad)
a.grad = None
y = a.clamp(min=torch.tensor([0., 0.5, 3.])); y.sum().backward(); print(a.grad)
x = torch.tensor([1., 1.], requires_grad=True)
y = x.clamp(x); y.sum().backward(); print(x.grad)
m = torch.tensor([[0.2], [0.7]], requires_grad=True)
y = a.clamp(max=m); y.sum().backward(); print(y, m.grad)
print(torch.clamp(a, torch.tensor(2.), torch.tensor(1.)))
""",
"float16_softmax_over_the_last_dim": """
torch.manual_seed(0)
for shape in [(3,), (2, 3), (4, 5), (3, 40), (2, 3, 4)]:
    x = (torch.randn(*shape) * 3).half()
    print(x.softmax(-1), torch.softmax(x, -1, dtype=torch.float32), torch.softmax(x, len(shape) - 1))
print(torch.tensor([1.5, 2.5, 4.], dtype=torch.float16).softmax(0), torch.tensor(2., dtype=torch.float16).softmax(0))
""",
"where_broadcast_errors_and_inplace_pow_of_tensors": TRY + """
e = torch.zeros(0)
torch.manual_seed(0)
m = torch.randn(3, 2)
for f in [lambda: torch.where(e > 0, e, m), lambda: torch.where(m > 0, e, m), lambda: torch.where(m > 0, m, torch.ones(3)),
          lambda: torch.where(torch.ones(4) > 0, m, 1.), lambda: torch.where(torch.ones(2, 1, 1) > 0, m, torch.ones(1, 2))]:
    attempt(f)
v2 = torch.tensor([[0.0, 1.0, 0.5], [-0.4381, 1.6343, 2.0]], dtype=torch.float64, requires_grad=True)
v4 = v2.atan()
v4.pow_(torch.ones_like(v4) * 2)
v4.backward(torch.ones(v4.shape))
print(v2.grad, v4.grad_fn)
x = torch.tensor([1.5, 2.], requires_grad=True)
y = x * 1
ex = torch.tensor([2., 3.], requires_grad=True)
y.pow_(ex)
y.sum().backward()
print(x.grad, ex.grad)
""",
"norms_of_zeros_half_and_keepdim": """
v1 = torch.tensor([2.0, -0.5, 0.0], dtype=torch.float64)
print(v1.norm(-1), v1.norm(-1, keepdim=True), v1.norm(-2), v1.norm(0.5), v1.norm(3), torch.tensor([0., 0.], dtype=torch.float64).norm(-1))
print(torch.tensor([1e200, 1e200], dtype=torch.float64).norm(3), torch.tensor([float('nan'), 1.], dtype=torch.float64).norm(3))
print(torch.tensor([2.0, -0.5, 0.0]).norm(-1), torch.tensor([[2.0, -0.5, 0.0]]).norm(-1, keepdim=True))
h = torch.tensor([[1.5, -2.2338, -0.1387], [-0.3978, 3.0, 2.0]], dtype=torch.float16)
print(h.norm(-2, keepdim=True), h.norm(keepdim=True), h.norm(2, dim=1), h.norm(), h.norm(1), h.norm(0.5, keepdim=True))
print(torch.tensor([[3., 4.]]).norm(keepdim=True), torch.tensor([[3., 4.]], dtype=torch.float64).norm(2, keepdim=True), torch.tensor(2.).norm(keepdim=True))
""",
"any_all_of_uint8_argmax_of_bool_expand_type_names": TRY + """
u = torch.tensor([[1, 0], [0, 0]], dtype=torch.uint8)
b = torch.tensor([[False], [True]])
for f in [lambda: u.any(), lambda: u.all(), lambda: u.any(0), lambda: u.all(1, keepdim=True), lambda: torch.tensor([], dtype=torch.uint8).any(-1, keepdim=True),
          lambda: u.float().any(), lambda: torch.tensor([1, 2]).all(0), lambda: b.argmax(0), lambda: b.argmax(), lambda: b.argmin(1),
          lambda: torch.zeros(0, dtype=torch.bool).argmax(), lambda: torch.ones(3, 2, dtype=torch.float64).expand(0),
          lambda: torch.ones(3, 2, dtype=torch.int64).expand(2), lambda: torch.ones(3, 2, dtype=torch.bool).expand(2),
          lambda: torch.ones(3, dtype=torch.uint8).expand(()), lambda: torch.ones(3, dtype=torch.float16).expand(())]:
    attempt(f)
""",
"matmul_bmm_mv_size_messages": TRY + """
for f in [lambda: torch.ones(2,2,3) @ torch.ones(2,2,3), lambda: torch.ones(3,2,2,3) @ torch.ones(2,2,3), lambda: torch.ones(2,1,3) @ torch.ones(4,2,3),
          lambda: torch.ones(2,3) @ torch.ones(5,2,3), lambda: torch.ones(3) @ torch.ones(2,2,3), lambda: torch.ones(2,3) @ torch.ones(2,2,2),
          lambda: torch.ones(2,2,3) @ torch.ones(3,2,4), lambda: torch.bmm(torch.ones(2,2,3), torch.ones(2,2,3)),
          lambda: torch.bmm(torch.ones(2,2,3), torch.ones(3,3,3)), lambda: torch.bmm(torch.ones(2,3), torch.ones(3,3,3)),
          lambda: torch.ones(1,2,3) @ torch.ones(1,2,3), lambda: torch.ones(2,2,3) @ torch.ones(2,3), lambda: torch.ones(2,3) @ torch.ones(2,2,3),
          lambda: torch.ones(2,2,3) @ torch.ones(2), lambda: torch.ones(3) @ torch.ones(2,2,3), lambda: torch.ones(3).mv(torch.ones(3)),
          lambda: torch.ones(3).mv(torch.ones(2, 3)), lambda: torch.ones(2,3).mv(torch.ones(2)), lambda: torch.ones(2,3).mv(torch.ones(3)),
          lambda: torch.ones(2, 2, 3) @ torch.ones(2, 3, 1), lambda: torch.ones(2, 1, 2, 3) @ torch.ones(3, 3, 2)]:
    attempt(f)
""",
"norm_keepdim_of_every_order": """
v = torch.tensor([[-0.5], [0.]], dtype=torch.float64, requires_grad=True)
for p in [0, 1, 2, 3, float('inf'), -float('inf'), 0.5]:
    r = v.norm(p, keepdim=True)
    print(p, r, r.shape, v.norm(p), v.norm(p, dim=0, keepdim=True), torch.tensor(3.).norm(p, keepdim=True))
""",
"fill_from_a_view_of_itself": TRY + """
v2 = torch.tensor(3)
v2[..., None] = v2
print(v2)
x = torch.arange(4.)
x.fill_(x[2])
print(x)
y = torch.arange(4.)
y[1:].fill_(y[0])
print(y)
z = torch.arange(4.)
z[:2] = z[3]
print(z, z._version)
w = torch.arange(4.).requires_grad_().clone()
w.fill_(w[1])
print(w, w.grad_fn)
attempt(lambda: torch.arange(4.).expand(2, 4).fill_(torch.tensor(1.)))
""",
"index_errors_name_the_index_position_and_empty_expanded_writes": TRY + """
v = torch.tensor([])
w = torch.zeros(2, 0)
def s(t, idx):
    t[idx] = 1.
for f in [lambda: v[..., 0], lambda: s(v, (Ellipsis, 0)), lambda: v[0], lambda: s(v, 0), lambda: w[..., 0], lambda: s(w, (Ellipsis, 0)),
          lambda: w[:, 0], lambda: s(w, (slice(None), 0)), lambda: s(w, (0, 0)), lambda: s(torch.zeros(3), (Ellipsis, 5)),
          lambda: s(torch.zeros(3, 2), (Ellipsis, 5)), lambda: torch.zeros(3)[..., 5], lambda: s(torch.zeros(3, 2), (1, Ellipsis, 5)),
          lambda: s(torch.zeros(3, 2), (None, Ellipsis, 5)), lambda: torch.zeros(3, 2)[None, 5], lambda: torch.zeros(3, 2)[1, None, 7],
          lambda: torch.zeros(3, 2)[-4], lambda: torch.zeros(3, 2)[:, -3]]:
    attempt(f)
e = torch.zeros(0, 3).expand(2, 0, 3)
e.index_copy_(0, torch.tensor([0]), e[:1])
e.mul_(2)
e.fill_(1.)
print(e.shape)
attempt(lambda: torch.zeros(1, 3).expand(2, 1, 3).mul_(2))
""",
"float16_and_0_dim_sigmoid": """
print(torch.tensor(0.5, dtype=torch.float16).sigmoid(), torch.tensor([[0.5]], dtype=torch.float16).sigmoid(), torch.tensor(0.5, dtype=torch.float64).sigmoid())
print(torch.tensor(-1.5, dtype=torch.float16).sigmoid(), torch.tensor([0.25, -3.], dtype=torch.float16).sigmoid(), torch.tensor(2.).sigmoid())
""",
"clamp_tensor_bounds_that_do_not_broadcast": TRY + """
for f in [lambda: torch.zeros(0).clamp(torch.ones(3)), lambda: torch.zeros(3).clamp(torch.ones(2)), lambda: torch.zeros(3).clamp(max=torch.ones(2, 1)),
          lambda: torch.zeros(2, 3).clamp(torch.ones(3), torch.ones(4)), lambda: torch.zeros(3).clamp(torch.ones(1), torch.ones(3))]:
    attempt(f)
""",
}


@pytest.mark.parametrize("name", PROGRAMS)
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

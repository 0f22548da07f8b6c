"""Classes of difference found by the held-out programs on storages, views and copy semantics of round 21
(held21a), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"view_dtype_to_a_larger_element_checks_size_and_offset_before_the_last_stride": """
x = torch.arange(48, dtype=torch.int16)
for c in [x.view(4, 12).t(), x.view(4, 12)[:, ::2], x[1:].as_strided((2, 4), (3, 2)), x.as_strided((2, 3), (4, 2), 2),
          x.as_strided((2, 4), (3, 2)), x.as_strided((3, 2), (5, 1))]:
    for dt in [torch.int32, torch.int64, torch.int8, torch.float16]:
        try:
            v = c.view(dt)
            print(dt, v.shape, v.stride(), v.storage_offset())
        except Exception as e:
            print(type(e).__name__, e)
""",
"set_to_a_tensor_that_requires_grad_records_not_implemented": """
a = torch.arange(4.).requires_grad_()
b = torch.ones(2)
print(b.set_(a) is b, b.requires_grad, b.is_leaf, b._version, b.grad_fn.name(), len(b.grad_fn.next_functions), b)
print(b.grad_fn.next_functions[0], type(b.grad_fn.next_functions[1][0]).__name__)
for f in [lambda: b.sum().backward(), lambda: (a * 1).set_(torch.zeros(3)).grad_fn.next_functions[1],
          lambda: len((a * 1).set_(a.untyped_storage()).grad_fn.next_functions), lambda: torch.zeros(2).set_(a, 1, (2,), (1,)).requires_grad,
          lambda: len((a * 1).set_(a, 0, (2,), (1,)).grad_fn.next_functions), lambda: torch.zeros(2, dtype=torch.int64).set_(torch.arange(3)).requires_grad]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
with torch.no_grad():
    print(torch.ones(2).set_(a).grad_fn)
base = torch.zeros(4)
v = base[1:]
v.set_(a)
print(base.grad_fn.name(), v.grad_fn.name(), base.requires_grad, v.shape)
try:
    v.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
""",
"a_released_copyslices_drops_its_fn_and_the_views_old_grad_fn": """
a = torch.tensor([-1., 2., -3., 4.], requires_grad=True)
def twice(view, first, second, hold=False, retain=False):
    b = a.clone()
    v = view(b)
    first(v)
    g = v.grad_fn if hold else None  # (held: the saved output names it)
    second(v)
    try:
        b.sum().backward(retain_graph=retain)
    except Exception as e:
        print(e)
twice(lambda b: b.view(2, 2), torch.relu_, lambda v: v.mul_(3))
twice(lambda b: b[::2], torch.tanh_, lambda v: v.__setitem__(0, 0.5))
twice(lambda b: b.view(2, 2), torch.relu_, lambda v: v.mul_(3), hold=True)
twice(lambda b: b[1:], torch.exp_, lambda v: v.mul_(2), retain=True)
""",
"autograd_grad_through_copyslices_marks_the_inner_fns_view_edge_needed": """
x = torch.tensor([1., 2., 3.], requires_grad=True)
w = torch.tensor([0.5, -1., 2.], requires_grad=True)
ops = [lambda v, o: v.mul_(o), lambda v, o: v.addcmul_(o, o), lambda v, o: v.lerp_(o, 0.3), lambda v, o: v.copy_(o * v),
       lambda v, o: v.atan2_(o), lambda v, o: v.index_add_(0, torch.tensor([1, 0]), o * v), lambda v, o: v.sub_(o, alpha=2)]
for i, op in enumerate(ops):
    for inputs in [[x], [w], [x, w]]:
        y = x * 1
        op(y[1:], w[1:] * 1)
        print(i, torch.autograd.grad((y * y).sum(), inputs))
    y = x.clone()
    op(y.view(3)[1:], w[1:])
    (y * y).sum().backward(inputs=[x])
    print(i, x.grad)
    x.grad = None
y = x.clone()
y[1:].mul_(x[1:])
g, = torch.autograd.grad(y.sum(), x, create_graph=True)
g.sum().backward()
print(g, x.grad)
""",
"a_wrong_gradient_shape_inside_copyslices_is_named_by_copyslices": """
x = torch.tensor([1., 2., 3.], requires_grad=True)
w = torch.tensor([0.5, -1., 2.], requires_grad=True)
for f in [lambda v, o: v.scatter_(0, torch.tensor([1]), o * v), lambda v, o: v.scatter_add_(0, torch.tensor([1]), o * v)]:
    y = x * 1
    f(y[1:], w[1:] * 1)
    try:
        torch.autograd.grad((y * y).sum(), [x, w])
    except Exception as e:
        print(type(e).__name__, e)
    y = x * 1
    f(y, w * 1)
    try:
        y.sum().backward()
    except Exception as e:
        print(type(e).__name__, e)
class Bad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        ctx.mark_dirty(a)
        return a.add_(b)
    @staticmethod
    def backward(ctx, g):
        return g, g[:1]
for inputs in [[x], [w], [x, w]]:
    for view in [True, False]:
        y = x * 1 if view else x[1:] * 1
        Bad.apply(y[1:] if view else y, w[1:])
        try:
            print(torch.autograd.grad((y * y).sum(), inputs))
        except Exception as e:
            print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round21_held21a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

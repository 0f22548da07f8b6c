"""Classes of difference found in the fourteenth round (issue 16), one differential program each, run in torch and
in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"in_place_integer_division_checks_the_cast_before_the_kernel_does": """
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for mk in [lambda: torch.tensor([True, False]), lambda: torch.tensor([1, 2], dtype=torch.uint8), lambda: torch.tensor([1, 2])]:
    for other in [0, torch.tensor(0), torch.tensor([0, 0]), 2, 0.0, True, False, torch.tensor([0, 0, 0])]:
        for op in ["floor_divide_", "remainder_", "fmod_", "pow_"]:
            t(lambda: getattr(mk(), op)(other))
        t(lambda: mk().div_(other, rounding_mode='floor'))
        t(lambda: mk().div_(other, rounding_mode='trunc'))
        def aug():
            x = mk()
            x //= other
            return x
        t(aug)
""",
"unique_consecutive_dispatches_on_positional_flags_as_torch_functional_does": """
x = torch.tensor([1, 1, 2])
y = torch.tensor([[1, 1], [1, 1], [2, 3]])
for args, kw in [((False, True), {}), ((True, True), {}), ((True, False), {}), ((False, False, 0), {}), ((True,), {}),
                 ((False, True, 0), {}), ((True, True, 0), {}), ((), {"return_counts": True}), ((True,), {"return_counts": True}),
                 ((False,), {"return_counts": True, "dim": 0}), ((), {"dim": 0, "return_inverse": True}),
                 ((torch.tensor(True),), {}), ((torch.tensor(False),), {}), ((1,), {}), ((), {"return_counts": torch.tensor(True)})]:
    for t in (x, y):
        for f in (torch.unique_consecutive, torch.Tensor.unique_consecutive, torch.unique, torch.Tensor.unique):
            try:
                print(f(t, *args, **kw))
            except Exception as e:
                print(type(e).__name__, e)
for f in [lambda: torch.unique_consecutive(1), lambda: torch.unique_consecutive(), lambda: torch.unique_consecutive(x, 1, 2, 3, 4),
          lambda: torch.unique_consecutive(x, foo=1), lambda: torch.unique_consecutive(input=x), lambda: torch.unique_consecutive(x, dim=1.5),
          lambda: torch.unique_consecutive(x, torch.tensor([True, False])), lambda: torch.unique_consecutive([1, 2])]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"slicing_a_0_dim_tensor_by_slice_scatter_or_slice_copy_names_slice": """
z = torch.tensor(1.)
for f in [lambda: torch.slice_scatter(z, z), lambda: torch.slice_scatter(z, z, 0, 0, 1), lambda: torch.slice_copy(z),
          lambda: torch.slice_scatter(torch.zeros(3), torch.ones(1), 0, 1, 2)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"weighted_losses_check_the_weight_size_before_computing_the_loss": """
x = torch.tensor([2], dtype=torch.uint8)
t = torch.tensor([0.5, 1.5])
for fn in (torch.nn.functional.huber_loss, torch.nn.functional.mse_loss, torch.nn.functional.l1_loss):
    for w in (t, torch.ones(1), torch.ones(2, 2)):
        try:
            print(fn(x.float(), t, weight=w), fn(x, t, weight=w))
        except Exception as e:
            print(type(e).__name__, e)
""",
"grad_dtype_casts_a_leafs_gradients_and_checks_what_is_assigned": """
def t(f):
    try:
        r = f()
        print(r)
    except Exception as e:
        print(type(e).__name__, e)
x = torch.ones(2, requires_grad=True)
x.grad_dtype = torch.float64
t(lambda: x.grad_dtype)
x.register_hook(lambda g: print("hook", g.dtype))
(x * 2).sum().backward()
print(x.grad, x.grad.dtype)
(x * 2).sum().backward()
print(x.grad)
def setg():
    x.grad = torch.ones(2)
t(setg)
print(x.grad)
def setg2():
    x.grad = torch.ones(2, dtype=torch.float64)
t(setg2)
def s0():
    x.grad_dtype = torch.float16
t(s0)
x.grad = None
x.grad_dtype = torch.float16
t(lambda: x.grad)
(x * 2).sum().backward()
print(x.grad)
z = torch.ones(2)
t(lambda: z.grad_dtype)
def s3():
    z.grad_dtype = torch.float64
t(s3)
print(z.grad_dtype)
def s4():
    x.grad_dtype = torch.int64
t(s4)
def s5():
    x.grad_dtype = "float"
t(s5)
w = torch.ones(3, requires_grad=True)
w.grad_dtype = None
print(w.grad_dtype)
(w.double() * 2).sum().backward()
print(w.grad)
v = torch.ones(3, requires_grad=True)
v.grad_dtype = None
torch.autograd.backward([v], [torch.ones(3, dtype=torch.float64)])
print(v.grad)
u = torch.ones(3, requires_grad=True)
t(lambda: torch.autograd.backward([u], [torch.ones(3, dtype=torch.float64)]))
print(u.grad)
nl = x * 1
t(lambda: nl.grad_dtype)
print(torch.ones(2, dtype=torch.int64).grad_dtype)
p = torch.nn.Parameter(torch.ones(2))
print(p.grad_dtype)
d = x.detach()
print(d.grad_dtype)
""",
"grad_dtype_none_keeps_any_gradient_and_an_integer_one_fails_in_the_engine": """
def t(f):
    try:
        r = f()
        print(r)
    except Exception as e:
        print(type(e).__name__, e)
x = torch.ones(2, requires_grad=True)
def a():
    x.grad = torch.ones(2, dtype=torch.float64)
t(a)
h = torch.ones(2, dtype=torch.float16, requires_grad=True)
def b():
    h.grad = torch.ones(2, dtype=torch.bfloat16)
t(b)
def c():
    h.grad = torch.ones(2, dtype=torch.int64)
t(c)
def d():
    h.grad = torch.ones(3, dtype=torch.float16)
t(d)
h.grad_dtype = None
def e():
    h.grad = torch.ones(2, dtype=torch.float64)
t(e)
print(h.grad)
def f():
    h.grad = torch.ones(3, dtype=torch.float64)
t(f)
h.grad = None
h.grad_dtype = torch.int32
print(h.grad_dtype)
t(lambda: (h * 2).sum().backward())
print(h.grad)
g = torch.ones(2, requires_grad=True)
g.grad_dtype = torch.bfloat16
(g * 1.1).sum().backward()
print(g.grad)
(g * 1.1).sum().backward()
print(g.grad)
k = torch.ones(2, requires_grad=True)
k.grad_dtype = torch.float64
gg, = torch.autograd.grad((k * 2).sum(), k)
print(gg.dtype)
k2 = torch.ones(2, requires_grad=True)
k2.grad_dtype = torch.float64
q = k2 * 3
k2.grad_dtype = torch.float16
q.sum().backward()
print(k2.grad)
""",
"grad_dtype_gradients_are_stolen_and_deep_copies_check_them": """
import copy
x = torch.ones(2, requires_grad=True)
x.grad_dtype = torch.float64
(x * 2).sum().backward()
print(x.grad._version, x.grad.stride())
y = torch.ones(2, 3, requires_grad=True)
y.grad_dtype = None
y.backward(torch.ones(3, 2, dtype=torch.float64).t())
print(y.grad, y.grad._version, y.grad.stride())
z = torch.ones(2, 3, requires_grad=True)
z.grad_dtype = torch.float64
z.backward(torch.ones(3, 2).t())
print(z.grad, z.grad._version, z.grad.stride())
try:
    copy.deepcopy(z)
except Exception as e:
    print(type(e).__name__, e)
print(z.detach().grad_dtype)
z.grad = None
print(copy.deepcopy(z).grad_dtype)
""",
"histogram_of_a_bin_count_has_no_half_kernel_and_of_edges_names_histogram_cpu": """
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for dt in (torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.int64, torch.int32, torch.uint8, torch.bool):
    x = torch.tensor([0, 1, 1, 3]).to(dt)
    t(lambda: torch.histc(x, bins=4))
    t(lambda: torch.histc(x, bins=3, min=0, max=3))
    t(lambda: torch.histogram(x, bins=3))
    t(lambda: torch.histogram(x, bins=torch.tensor([0., 1., 2.]).to(dt)))
    t(lambda: torch.bincount(x))
    t(lambda: torch.bucketize(x, torch.tensor([0, 2]).to(dt)))
t(lambda: torch.histc(torch.tensor([]), bins=3))
t(lambda: torch.histc(torch.tensor([1., 2.]), bins=0))
t(lambda: torch.histc(torch.tensor([1., 2.]), bins=2, min=3, max=1))
t(lambda: torch.histc(torch.tensor([1., float('nan')]), bins=2))
t(lambda: torch.histc(torch.tensor([1., float('inf')]), bins=2))
t(lambda: torch.histogram(torch.tensor([1., 2.]), bins=2, range=(0., 4.), weight=torch.tensor([0.5, 2.]), density=True))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round14_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the nineteenth round's held-out programs on autograd core (held19b), one
differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"make_grads_checks_complex_against_real_and_names_indices_as_list_index_does": """
x = torch.ones(2, requires_grad=True)
c = torch.ones(2, dtype=torch.complex64, requires_grad=True)
z = torch.zeros((), requires_grad=True)
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
t(lambda: (x * 2).backward(torch.ones(2, dtype=torch.complex64)))
t(lambda: (c * 2).backward(torch.ones(2)))
t(lambda: torch.autograd.backward([(x * 2).sum(), x * 3], [torch.tensor(1.), torch.ones(3)]))
t(lambda: torch.autograd.backward([x * 3, x * 2], [torch.ones(2), torch.ones(1)]))
t(lambda: torch.autograd.backward([x * 3, x * 2], [torch.ones(2), torch.zeros(1)]))
t(lambda: torch.autograd.grad([z * 3, z * 2], z, [torch.tensor(1.), torch.tensor(1j)]))
t(lambda: torch.autograd.grad([z * 3, z * 2], z, [torch.tensor(2.), torch.tensor(2j)]))
t(lambda: torch.autograd.grad([(x * 2).sum(), x * 3], x, [None, torch.ones(2, dtype=torch.complex64)]))
t(lambda: torch.autograd.grad([x * 3], x, [torch.ones(2, 2, dtype=torch.complex64)], is_grads_batched=True))
t(lambda: torch.autograd.grad([x * 3, x * 2], x, [torch.ones(2, 2), torch.ones(2, 3)], is_grads_batched=True))
t(lambda: torch.autograd.grad([(c * 3).sum()], c, [None], is_grads_batched=True))
""",
"create_graph_accumulation_clones_obeying_the_layout_contract": """
for mk in [lambda: torch.ones(2, 3).t().requires_grad_(), lambda: torch.ones(3).expand(2, 3).requires_grad_(),
           lambda: torch.ones(2, 3, 4, 5).to(memory_format=torch.channels_last).requires_grad_(),
           lambda: torch.ones(1, 3).t().requires_grad_()]:
    q = mk()
    (q * q).sum().backward(create_graph=True)
    print(q.grad.stride(), q.grad.grad_fn.name(), q.grad._version)
    (q * q).sum().backward(create_graph=True)
    print(q.grad.stride(), q.grad.grad_fn.name(), q.grad._version)
    q.grad = None
    (q * 2).backward(torch.ones_like(q), create_graph=True)
    print(q.grad.stride(), q.grad.grad_fn, q.grad._version)
""",
"autograd_backward_is_named_backward_in_its_type_errors": """
x = torch.ones(2, requires_grad=True)
try:
    torch.autograd.backward((x * 2).sum(), foo=1)
except TypeError as e:
    print(e)
""",
"a_retained_gradient_is_a_contiguous_clone": """
x = torch.ones(2, 3, requires_grad=True)
y = x.t()
y.retain_grad()
(y * y).sum().backward(create_graph=True)
print(y.grad.stride(), y.grad.grad_fn.name(), y.grad._version, y.grad.requires_grad)
z = x * 2
z.retain_grad()
z.backward(torch.ones(3, 2).t())
print(z.grad.stride(), z.grad._version, z.grad.grad_fn)
e = x[:, ::2]
e.backward(torch.ones(2, 4)[:, ::2], inputs=[e])
print(e.grad.stride())
""",
"complex_view_gradients_are_ops_with_history": """
c = torch.tensor([1 + 2j, -3 + 0.5j], requires_grad=True)
c.conj().backward(torch.tensor([1j, 2.0 + 0j]))
print(c.grad, c.grad.is_conj())
for name, op in [("conj", lambda z: z.conj()), ("real", lambda z: z.real), ("imag", lambda z: z.imag),
                 ("view_as_real", lambda z: torch.view_as_real(z))]:
    out = op(c)
    gout = (torch.ones_like(out) if not out.is_complex() else torch.full_like(out, 1 + 1j)).requires_grad_()
    g, = torch.autograd.grad(out, c, gout, create_graph=True)
    print(name, g, g.is_conj())
    print(torch.autograd.grad(g.abs().sum(), gout))
""",
"complex_unary_gradients_under_create_graph_have_history": """
c = torch.tensor([1 + 2j, -3 + 0.5j, 0j], requires_grad=True)
for op in [lambda z: z.angle(), lambda z: z.exp(), lambda z: z.sin(), lambda z: z.log(), lambda z: z.sqrt(), lambda z: 1 / z,
           lambda z: z.rsqrt(), lambda z: z.tan(), lambda z: z.expm1(), lambda z: z.cosh(), lambda z: z.sinh(), lambda z: z.cos()]:
    out = op(c[:2])
    loss = out.real.sum() + out.imag.sum() * 2 if out.is_complex() else out.sum()
    g, = torch.autograd.grad(loss, c, create_graph=True)
    h, = torch.autograd.grad((g.real ** 2).sum() + g.imag.sum(), c)
    print(g.grad_fn.name(), g, h)
""",
"a_hook_changing_the_dtype_names_types_as_options_to_string": """
for src in [torch.float32, torch.complex64]:
    for dt in [torch.float16, torch.bfloat16, torch.complex128, torch.bool, torch.int8, torch.float64]:
        v = torch.ones(2, dtype=src, requires_grad=True)
        v.register_hook(lambda g: torch.ones(2, dtype=dt))
        try:
            (v * 2).sum().abs().backward()
        except Exception as e:
            print(type(e).__name__, e)
""",
"run_backwards_flags_are_parsed_as_unsigned_bytes": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
x = torch.ones(2, requires_grad=True)
for v in ["a", None, 1.0, -1, 256, 2, torch.tensor(True), torch.tensor(1.5), [1], 0]:
    t(lambda: torch.autograd.grad((x * 2).sum(), x, retain_graph=v))
    t(lambda: torch.autograd.grad((x * 2).sum(), x, create_graph=v))
    t(lambda: torch.autograd.grad((x * 2).sum(), x, allow_unused=v))
    t(lambda: (x * 2).sum().backward(retain_graph=v))
    t(lambda: torch.autograd.backward((x * 2).sum(), retain_graph=v, create_graph=False))
print(x.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round19_held19b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the twenty-fifth round's held-out programs on reductions and special functions
(held25e, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

NAMES = """
def names(t, depth=5):
    out = []
    def rec(fn, d):
        if fn is not None and d:
            out.append(type(fn).__name__)
            for nf, _ in fn.next_functions:
                rec(nf, d - 1)
    rec(t.grad_fn, depth)
    return out
"""  # (the names of a gradient's nodes, a few levels down)

PROGRAMS = {
"gradients_built_in_place_carry_the_versions_of_their_writes": """
fs = {'max': lambda x: x.max(), 'median': lambda x: x.median(), 'maxd': lambda x: x.max(1)[0],
      'mink': lambda x: x.min(0, True)[0], 'sort': lambda x: x.sort(1)[0], 'msort': torch.msort,
      'topk': lambda x: x.topk(1)[0], 'kth': lambda x: x.kthvalue(1)[0], 'mode': lambda x: x.mode(1)[0],
      'nanmedian': lambda x: x.nanmedian(0)[0], 'quantile': lambda x: x.quantile(0.3, 1),
      'cummax': lambda x: x.cummax(1)[0], 'cummin': lambda x: x.cummin(0)[0],
      'gather': lambda x: x.gather(-1, torch.zeros(x.shape[:-1] + (1,), dtype=torch.long)) if x.dim() else x,
      'index_select': lambda x: x.index_select(-1, torch.tensor([0, 0])) if x.dim() else x,
      'maximum': lambda x: torch.maximum(x, x.detach().flip(-1)), 'minimum': lambda x: torch.minimum(x, 1.5)}
for name, f in fs.items():
    for vals in ([[1., 3., 2.], [4., 1., 1.]], [2.], 2.):
        x = torch.tensor(vals, requires_grad=True)
        f(x).sum().backward()
        y = f(x)
        g, = torch.autograd.grad(y, x, torch.ones_like(y).requires_grad_(), create_graph=True)
        print(name, x.dim(), x.grad._version, x.grad.tolist(), g._version, type(g.grad_fn).__name__)
""",
"cumprod_double_backward_with_zeros_copies_rows_into_zeros": """
for vals, d in [([[2., 0., 3.], [1., 4., 0.]], 1), ([[2., 0., 3.], [1., 4., 0.]], 0), ([0., 0., 5., 2.], 0)]:
    x = torch.tensor(vals, dtype=torch.float64, requires_grad=True)
    g, = torch.autograd.grad(x.cumprod(d).sum(), x, create_graph=True)
    print(g, g._version, g.grad_fn.next_functions[1][0].next_functions[0][0])
    print(torch.autograd.grad(g.pow(2).sum(), x)[0])
""",
"prod_double_backward_with_zeros_is_the_cumprods_of_the_shifted_input": """
g0 = torch.Generator().manual_seed(0)
for dt in [torch.float32, torch.float64]:
    for shape, zeros, args in [((5,), [1], ()), ((3, 4), [2], (0,)), ((3, 4), [0, 5], (-1, True)),
                               ((1,), [0], ()), ((2, 1), [0], (1,)), ((2, 3), [0, 1], ())]:
        x = torch.randn(shape, generator=g0, dtype=dt) * 1.7
        x.view(-1)[zeros] = 0
        x.requires_grad_()
        g, = torch.autograd.grad(x.prod(*args).sum(), x, create_graph=True)
        fn = g.grad_fn
        names = [type(fn).__name__] + [type(n).__name__ for n, _ in fn.next_functions if n] if fn else None
        print(dt, shape, args, g.tolist(), names)
        if fn is not None:
            print(torch.autograd.grad(g.sin().sum(), x)[0].tolist())
        x.grad = None
        x.prod(*args).sum().backward()
        print(x.grad.tolist(), x.grad._version)
""",
"formulas_multiply_by_a_scalar_overloads_number_with_mul_scalar": NAMES + """
b = torch.tensor([1.5, 3., 2.], requires_grad=True)
for f in [torch.special.xlogy, torch.xlogy, torch.special.xlog1py, torch.special.zeta]:
    y = f(2.5, b)
    g, = torch.autograd.grad(y, b, torch.ones_like(y).requires_grad_(), create_graph=True)
    print(g, names(g))
x = torch.tensor([[1., 3., 3.], [2., 2., 0.]], requires_grad=True)
for f in [torch.var_mean, torch.std_mean]:
    for kw in [{}, {'dim': 1}, {'dim': 0, 'keepdim': True, 'correction': 0}]:
        v, m = f(x, **kw)
        g, = torch.autograd.grad(v.sum() + m.sum(), x, create_graph=True)
        print(g, names(g))
        g, = torch.autograd.grad(m.sum(), x, create_graph=True)
        print(g, names(g))
""",
"trapezoid_evaluates_its_end_points_before_the_sum": """
for shape, kw in [((2, 3), {}), ((4,), {'dx': 0.5}), ((3, 2), {'dim': 0}), ((2, 1), {})]:
    y = torch.arange(1., 1. + torch.Size(shape).numel()).reshape(shape).requires_grad_()
    torch.trapezoid(y, **kw).sum().backward()
    out = torch.trapezoid(y, **kw)
    g, = torch.autograd.grad(out, y, torch.ones_like(out).requires_grad_(), create_graph=True)
    print(y.grad, y.grad._version, g.grad_fn, [type(n).__name__ for n, _ in g.grad_fn.next_functions])
""",
"reduced_dims_come_back_as_the_formulas_restore_them": NAMES + """
x = torch.tensor([[1., -3., 3.], [2., 2., 0.]], requires_grad=True)
for f in [lambda x: x.aminmax()[0], lambda x: sum(x.aminmax()), lambda x: x.aminmax(dim=1)[1],
          lambda x: x[0, 0].aminmax()[0], lambda x: x.aminmax(dim=0, keepdim=True)[1],
          lambda x: x.nanmean(), lambda x: x.nansum([]), lambda x: x.nansum((1, 0)), lambda x: x.nanmean(1),
          lambda x: torch.std_mean(x)[0], lambda x: torch.std_mean(x, 1)[0], lambda x: torch.var_mean(x)[1],
          lambda x: x.norm(dim=()), lambda x: x.norm(3, ()), lambda x: torch.linalg.vector_norm(x, 1, ()),
          lambda x: x.norm(float('inf'), (), True), lambda x: x.quantile(0.3, 1), lambda x: x.quantile(0.5)]:
    y = f(x)
    g, = torch.autograd.grad(y, x, torch.ones_like(y).requires_grad_(), create_graph=True)
    print(g, names(g))
""",
"squeeze_in_place_gives_its_gradient_back_by_unsqueeze": """
for dim in [None, 0, -1, 1, (0, 1), (2, -3)]:
    x = torch.ones(1, 3, 1, requires_grad=True)
    y = x * 2
    z = y.squeeze_() if dim is None else y.squeeze_(dim)
    g, = torch.autograd.grad(z, x, torch.ones_like(z).requires_grad_(), create_graph=True)
    print(z.shape, y.grad_fn, g.grad_fn.next_functions[0][0], g.grad_fn.next_functions[0][0].next_functions)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round25_held25e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

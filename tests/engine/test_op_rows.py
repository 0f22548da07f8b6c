"""The op rows' flags say what the ops do: a row marked view=True gives an output that shares its input's storage
(in the engine and in torch alike), and every family row is bound under each of its spellings."""
import pytest

from tensorsh.engine.ops.registry import ROWS
from tensorsh.engine.torch_api import NAMESPACE
from tensorsh.engine.tensor import Tensor

# a call of each op marked view=True on a (2, 3) tensor x
VIEW_CALLS = {
    "view": lambda x: x.view(3, 2), "view_as": lambda x: x.view_as(x), "t": lambda x: x.t(),
    "transpose": lambda x: x.transpose(0, 1), "permute": lambda x: x.permute(1, 0), "unsqueeze": lambda x: x.unsqueeze(0),
    "squeeze": lambda x: x.squeeze(), "expand": lambda x: x.expand(4, 2, 3), "expand_as": lambda x: x.expand_as(x),
    "select": lambda x: x.select(0, 1), "narrow": lambda x: x.narrow(1, 0, 2), "unbind": lambda x: x.unbind(0)[1],
    "chunk": lambda x: x.chunk(2, 1)[1], "split": lambda x: x.split(1, 0)[1], "_slice": lambda x: x[:, 1:],
    "T": lambda x: x.T, "mT": lambda x: x.mT, "swapaxes": lambda x: x.swapaxes(0, 1),
    "unflatten": lambda x: x.unflatten(1, (3, 1)), "as_strided": lambda x: x.as_strided((2, 2), (1, 2)),
    "diagonal": lambda x: x.diagonal(), "unfold": lambda x: x.unfold(1, 2, 1), "movedim": lambda x: x.movedim(0, 1),
    "broadcast_to": lambda x: x.broadcast_to((4, 2, 3)),
    "adjoint": lambda x: x.adjoint(), "mH": lambda x: x.mH, "H": lambda x: x.H,
}


def test_every_view_row_has_a_call():
    assert {name for name, row in ROWS.items() if row.view} == set(VIEW_CALLS)


@pytest.mark.parametrize("name", sorted(VIEW_CALLS))
def test_view_rows_share_storage(name):
    x = NAMESPACE["zeros"](2, 3)
    out = VIEW_CALLS[name](x)
    assert out._is_view() and out._base is x and out.untyped_storage().data_ptr() == x.untyped_storage().data_ptr()
    torch = pytest.importorskip("torch")
    t = torch.zeros(2, 3)
    assert VIEW_CALLS[name](t)._is_view()


def test_comparison_family_rows():
    x, y = NAMESPACE["tensor"]([1.0, 2.0, 3.0]), NAMESPACE["tensor"]([2.0, 2.0, 2.0])
    for name, dunder, expected in (("eq", "__eq__", [False, True, False]), ("ne", "__ne__", [True, False, True]),
                                   ("lt", "__lt__", [True, False, False]), ("le", "__le__", [True, True, False]),
                                   ("gt", "__gt__", [False, False, True]), ("ge", "__ge__", [False, True, True])):
        assert ROWS[name].operators == (dunder,) and ROWS[name].function is True
        for result in (getattr(x, name)(y), NAMESPACE[name](x, y), getattr(Tensor, dunder)(x, y)):
            assert result.tolist() == expected and result.grad_fn is None


def test_binary_family_rows():
    """Each binary row is bound under its spellings, with its in-place twin where it has one."""
    for name, spellings, operators, twin in (
            ("add", ("add",), ("__add__", "__radd__"), ("add_", "__iadd__")),
            ("sub", ("sub",), ("__sub__",), ("sub_", "__isub__")), ("subtract", ("subtract",), (), None),
            ("mul", ("mul", "multiply"), ("__mul__", "__rmul__"), ("mul_", "__imul__")),
            ("div", ("div", "divide", "true_divide"), ("__truediv__",), ("div_", "__itruediv__")),
            ("remainder", ("remainder",), ("__mod__",), None), ("atan2", ("atan2", "arctan2"), (), None),
            ("fmod", ("fmod",), (), None), ("hypot", ("hypot",), (), None), ("maximum", ("maximum",), (), None),
            ("pow", ("pow",), ("__pow__",), None), ("xlogy", ("xlogy",), (), None),
            ("floor_divide", ("floor_divide",), ("__floordiv__",), None)):
        row = ROWS[name]
        assert (row.name,) + row.aliases == spellings and row.operators == operators and row.function
        assert all(name in NAMESPACE and hasattr(Tensor, name) for name in spellings)
        if twin:
            assert row.inplace == twin[0] and ROWS[twin[0]].operators == (twin[1],)
    for dunder in ("__rpow__", "__rmod__", "__rfloordiv__"):  # (number <op> tensor: the row's number overload)
        assert ROWS[dunder].operators == (dunder,)


# what a binary row's node saves follows from its formulas as PyTorch's codegen derives it: an input read by one
# formula only is saved when that formula's input wants a gradient; the in-place forms save self's recorded clone
SAVED_PROGRAM = """
a = torch.tensor([[1.0, -2.0], [3.0, 0.5]], requires_grad=True)
b = torch.tensor([[2.0, 4.0], [-8.0, 1.5]], requires_grad=True)
n = torch.tensor([[2.0, 4.0], [-8.0, 1.5]])
for f in (torch.mul, torch.div, torch.atan2, torch.hypot, torch.fmod, torch.remainder, torch.maximum, torch.sub):
    for x, y in ((a, b), (a, n), (n, b)):
        z = f(x, y)
        print(z.grad_fn.name(), [(k, getattr(z.grad_fn, k)) for k in ("_saved_self", "_saved_other", "_saved_result",
                                                                          "_saved_alpha") if hasattr(z.grad_fn, k)])
    w = torch.ones(2, 2, requires_grad=True)
    gs = torch.autograd.grad(f(a, b), (a, b), w, create_graph=True)
    print(gs, [g.grad_fn.name() for g in gs if g.grad_fn is not None])
    print(torch.autograd.grad(gs[0].sum() + gs[1].sum(), (a, b, w), allow_unused=True))
x = a * 1
x %= b
print(x.grad_fn.name(), x.grad_fn._saved_self, x.grad_fn._saved_other)
x.sum().backward()
print(a.grad, b.grad, torch.fmod(a, 1.5).grad_fn.name(), torch.remainder(a, 1.5).grad_fn.next_functions)
print(a.mean([]), a.sum([]), a.mean(1).grad_fn._saved_self_sym_numel, a.mean(1).grad_fn._saved_self_sym_sizes)
"""


def test_binary_rows_save_as_torch():
    from same_as_torch import same_as_torch
    same_as_torch(SAVED_PROGRAM)


# pow's three overloads, xlogy's three, floor_divide and the reflected operators as rows of the binary family:
# values, grad_fn, what each node saves (numbers as PyTorch's Scalars), first and second order gradients
OVERLOADS_PROGRAM = """
a = torch.tensor([[1.0, -2.0], [0.0, 0.5]], requires_grad=True)
b = torch.tensor([[2.0, 0.0], [-1.0, 1.5]], requires_grad=True)
calls = (lambda x, y: x ** y, lambda x, y: x ** 2.5, lambda x, y: x ** 0, lambda x, y: 2.0 ** y,
         lambda x, y: torch.pow(0, y), lambda x, y: torch.pow(-2, y), lambda x, y: torch.pow(x, 3),
         lambda x, y: x.square(), lambda x, y: torch.xlogy(x, y), lambda x, y: torch.xlogy(2, y),
         lambda x, y: torch.xlogy(x, 3.0), lambda x, y: torch.xlogy(x, -1.0), lambda x, y: 3 - x, lambda x, y: 3 / y,
         lambda x, y: x.pow(y.t()), lambda x, y: torch.xlogy(x.t(), y))
for f in calls:
    z = f(a, b)
    g = z.grad_fn
    print(z, z.stride(), g.name(), [(k, getattr(g, k)) for k in ("_saved_self", "_saved_other", "_saved_exponent",
                                                                "_saved_result", "_saved_alpha") if hasattr(g, k)])
    w = torch.ones(2, 2, requires_grad=True)
    gs = torch.autograd.grad(z, (a, b), w, create_graph=True, allow_unused=True)
    print(gs, [h.grad_fn.name() for h in gs if h is not None and h.grad_fn is not None])
    used = [h for h in gs if h is not None and h.grad_fn is not None]
    if used:
        print(torch.autograd.grad(sum(h.sum() for h in used), (a, b, w), allow_unused=True))
for f in (lambda x, y: torch.floor_divide(x, y), lambda x, y: 3 // x, lambda x, y: 3 % x, lambda x, y: x // 2):
    z = f(a, b)
    print(z, z.grad_fn.name(), len(z.grad_fn.next_functions))
    try:
        z.sum().backward()
    except Exception as e:
        print(e)
c = a.detach().clone().requires_grad_()
for e in (2.5, b):
    x = c * 1
    x.pow_(e)
    print(x, x.grad_fn.name(), x.grad_fn._saved_self, x.grad_fn._saved_exponent)
    print(torch.autograd.grad(x.sum(), c, create_graph=True))
i = torch.tensor([[2, -3], [4, 1]])
print(i ** torch.tensor([[-1, 2], [0, 3]]), 2 ** i, i // 2, 7 // i, 7 % i, torch.xlogy(i, 2), i.t() ** i)
for f in (lambda: i ** -1, lambda: i // 0, lambda: 3 % torch.tensor([0]), lambda: torch.xlogy(a, torch.ones(3))):
    try:
        print(f())
    except Exception as e:
        print(e)
"""


def test_overloads_as_torch():
    from same_as_torch import same_as_torch
    same_as_torch(OVERLOADS_PROGRAM)

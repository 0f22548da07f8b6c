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

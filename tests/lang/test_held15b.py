"""Classes of difference found by round 15's held-out programs on autograd, views, storages and copy semantics
(held15b), one differential program each, run in torch and in the language."""
import pytest

from same_as_torch import run_in_torch
from test_torch_programs import language_warnings, run_in_language, torch_warnings

pytest.importorskip("torch")

PROGRAMS = {
"legacy_constructor_of_a_tensor_is_an_alias_of_it": """
x = torch.tensor([1., 2.], requires_grad=True)
y = torch.Tensor(x)
print(y is x, y.data_ptr() == x.data_ptr(), y._base is x, y.requires_grad, y.grad_fn.name(), y._version, y.is_leaf)
x2 = torch.arange(3.)
y2 = torch.Tensor(x2)
print(y2._base is x2, y2._is_view())
y2[0] = 7
print(x2, x2._version, y2._version)
w = torch.Tensor(x2[1:])
print(w._base is x2, w.storage_offset())
print(torch.FloatTensor(x2) is x2, torch.FloatTensor(x2)._base is x2)
d = torch.tensor([1., 2.], dtype=torch.float64)
print(torch.Tensor(d).dtype, torch.Tensor(d) is d, torch.Tensor(d)._base is d)
print(torch.LongTensor(torch.tensor([1, 2])))
with torch.no_grad():
    print(torch.Tensor(x).grad_fn, torch.Tensor(x).requires_grad)
try:
    torch.DoubleTensor(x2)
except TypeError as e:
    print(e)
""",
"mark_dirty_of_a_tensor_not_an_input_warns_pythons_text_once": """
def make(k):
    class H(torch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            y = x * k
            ctx.mark_dirty(y)
            return y
        @staticmethod
        def backward(ctx, g):
            return g * k
    return H
x = torch.ones(2, requires_grad=True)
y = make(2).apply(x)
z = make(3).apply(x * 1)
print(y.grad_fn.name(), z._version)
(y + z).sum().backward()
print(x.grad)
""",
"allow_mutation_on_saved_tensors_reads_what_was_saved": """
x = torch.tensor([1., 2.], requires_grad=True)
with torch.autograd.graph.allow_mutation_on_saved_tensors() as ctx:
    print(type(ctx).__name__)
    a = x.exp()
    b = a * a
    a.zero_()
    c = x * 1
    d = c.sin()
    c.add_(1)
    (b.sum() + d.sum()).backward()
    print(x.grad, a)
    try:
        with torch.autograd.graph.allow_mutation_on_saved_tensors():
            pass
    except RuntimeError as e:
        print(e)
    e = (x * x).sum()
    try:
        e.backward()
    except AssertionError as err:
        print(err)
with torch.autograd.graph.allow_mutation_on_saved_tensors():
    y = x * 1
    z = y.sin()
    y.mul_(3)
try:
    z.sum().backward()
except AssertionError as err:
    print(type(err).__name__, err)
with torch.autograd.graph.allow_mutation_on_saved_tensors():
    y = x.tanh()
    y.add_(1)
    y.sum().backward()
print(x.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_held15b_class_prints_as_torch(name):
    """The printed text and the warnings, as torch gives them."""
    got, stderr = run_in_language(PROGRAMS[name])
    src = "import copy\n" + PROGRAMS[name]
    assert (got, language_warnings(stderr)) == (run_in_torch(src)[0], torch_warnings(src))

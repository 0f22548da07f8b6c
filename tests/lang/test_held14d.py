"""Classes of difference found by the fourteenth round's held-out programs about the Python around tensors
(held14d): one differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch, run_in_language

pytest.importorskip("torch")

PROGRAMS = {
"a_name_unbound_after_except_as_or_del_is_not_the_shorthand_torch_name": """
try:
    torch.ones(2) @ torch.ones(3)
except RuntimeError as e:
    print(type(e).__name__)
try:
    print(e)
except NameError as err:
    print(err)
pi = 3
del pi
try:
    pi
except NameError as err:
    print(err)
def f():
    global ones
    ones = 1
    del ones
    try:
        return ones
    except NameError as err:
        return str(err)
print(f(), torch.ones(1))
class A:
    try:
        1 / 0
    except ZeroDivisionError as e:
        pass
    try:
        e
    except NameError as err:
        print("class:", err)
e = 5
print(e)
print(e)
""",
"tensor_methods_taken_from_the_class_are_method_descriptors": """
print(torch.Tensor.abs, torch.FloatTensor.sum)
print(type(torch.Tensor.abs).__name__, torch.Tensor.abs.__name__, torch.Tensor.abs.__qualname__)
print(torch.Tensor.abs is torch.Tensor.abs, torch.Tensor.item is torch.LongTensor.item)
print(list(map(torch.Tensor.item, [torch.tensor(1), torch.tensor(2.5)])), torch.Tensor.add(torch.ones(1), 2, alpha=3))
for call in (lambda: torch.Tensor.abs(), lambda: torch.Tensor.add(x=1), lambda: torch.Tensor.size(),
             lambda: torch.Tensor.abs(5), lambda: torch.Tensor.add(None, 2), lambda: torch.Tensor.sum('a'),
             lambda: torch.Tensor.item([1.0]), lambda: torch.Tensor.abs(torch.ones(1), 2),
             lambda: torch.Tensor.backward()):
    try:
        call()
    except TypeError as err:
        print(err)
""",
"calling_an_unhashable_callable_object": """
class Affine:
    def __init__(self, w):
        self.w = w
    def __call__(self, x):
        return x * self.w
    def __eq__(self, other):
        return isinstance(other, Affine) and torch.equal(self.w, other.w)
a = Affine(torch.tensor(2.0))
print(a(torch.arange(3.0)), a(range(2)) if False else a(torch.tensor(1)), a == Affine(torch.tensor(2.0)))
print(list(map(a, [torch.tensor(1.5)])), a(x=torch.ones(1)))
try:
    hash(a)
except TypeError as err:
    print(err)
""",
"a_numpy_array_indexes_a_tensor_as_the_tensor_made_of_it": """
import numpy as np
t = torch.arange(12).reshape(3, 4)
for ix in (np.array([0, 2]), np.array([[0, 1], [2, 0]]), np.array([1], dtype=np.int32), np.array([True, False, True]),
           np.array([0.7]), np.array(1), (np.array([0, 1]), np.array([1, 2])), (slice(None), np.array([3])),
           np.array([], dtype=np.int64), np.array([5]), np.int32(1), np.bool_(True), np.float64(1.0)):
    try:
        print(t[ix])
    except IndexError as err:
        print(err)
u = torch.zeros(5, requires_grad=True).clone()
u[np.array([1, 3])] = 7
u[np.array([True, False, False, False, True])] = -1
print(u, u[np.array(2)].grad_fn.name())
""",
"numpy_scalars_named_as_numpy_names_them_in_the_parsers_messages": """
import numpy as np
for call in (lambda: torch.ones(2).view(np.float64(2)), lambda: torch.zeros(np.float32(2)),
             lambda: torch.ones(2).sum(np.float64(0)), lambda: torch.ones(3).reshape(np.int64(3)),
             lambda: torch.ones(2).add(np.array([1.0])), lambda: torch.ones(2).unsqueeze(np.float32(0)),
             lambda: torch.ones(2).repeat(np.bool_(True)), lambda: torch.ones(3).narrow(0, np.float64(0), 1),
             lambda: torch.ones(2).view(np.int64(2), 1.5), lambda: torch.zeros((np.int64(2), np.float64(1.0)))):
    try:
        print(call())
    except TypeError as err:
        print(err)
""",
"numpy_names_a_tensor_experiment_uses": """
import numpy as np
a = torch.tensor([1.0, 2.0]).numpy()
np.testing.assert_allclose(a, [1.0, 2.0])
print(isinstance(a.sum(), np.floating), isinstance(a.sum(), np.integer), isinstance(np.int64(1), np.number))
print(np.median(a), np.all(a > 0), np.any(a > 5), np.argwhere(a > 1), np.bincount(np.array([0, 2, 2])))
print(torch.from_numpy(np.triu(np.ones((2, 2)))), torch.from_numpy(np.logical_and(a > 0, a < 2)))
try:
    np.testing.assert_array_equal(a, np.array([1.0, 2.5]))
except AssertionError as err:
    print(err)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])


def test_a_name_unbound_after_except_as_is_a_name_error_without_a_suggestion_of_itself():
    out, _ = run_in_language("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    pass\nprint(e)\n")
    assert out.splitlines()[-1] == "NameError: name 'e' is not defined"
    assert "did you mean 'e'" not in out

"""Classes of difference found by the fourteenth round's held-out programs about the Python around tensors
(held14d): one differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch, run_in_language

pytest.importorskip("torch")

PROGRAMS = {
"a_calls_argument_errors_name_the_function_as_cpython_does": """
cases = [lambda: torch.add(**{"input": 1}, input=2), lambda: print(**[1]), lambda: torch.ones(2).add(**5),
         lambda: torch.zeros(*None), lambda: torch.ones(1).view(*3), lambda: len(*None), lambda: [*1],
         lambda: torch.ones(1).sum(axis=0, **{"keepdim": True}), lambda: torch.relu(**{"input": 1}, input=2)]
for c in cases:
    try:
        print(c())
    except TypeError as err:
        print(err)
""",
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
"a_tensors_dunders_and_class_read_by_name": """
t = torch.tensor([1.0, 2.0, 3.0])
print(t.__class__.__name__, type(t).__name__, t.__class__, getattr(t, "__class__") is torch.Tensor)
print(reversed(t), reversed(torch.tensor(3.0)), list(reversed(torch.arange(3))))
print(t.__len__(), t.__repr__(), t.__getitem__(1), t.__add__(1), t.__radd__(1), t.__eq__(t), t.__format__(""))
print(t.__str__() == str(t), t.__dict__, t.__module__, torch.nn.Parameter(t).__module__, hasattr(t, "__module__"))
class A:
    pass
print(A().__class__ is A, A.__module__ == A().__module__, [].__class__, (1).__class__.__name__, torch.float32.__class__)
u = torch.zeros(2)
u.__setitem__(0, 5)
u.__iadd__(1)
print(u, u._version, u.__bool__ if False else u.__contains__(6.0))
""",
"pythons_own_refusal_to_set_or_delete_a_property_is_the_programs_attribute_error": """
class Meter:
    def __init__(self):
        self.total = torch.zeros(())
    @property
    def avg(self):
        return self.total
    @property
    def b(self):
        return 2
    @b.setter
    def b(self, v):
        raise AttributeError("custom")
m = Meter()
def remove(o):
    del o.avg
for f in (lambda: setattr(m, "avg", 3), lambda: delattr(m, "avg"), lambda: setattr(m, "b", 1), lambda: remove(m)):
    try:
        f()
    except AttributeError as err:
        print(err)
m.avg = 3
""",
"operator_statistics_json_and_functools_members": """
import operator, statistics, json
from functools import partial, lru_cache, reduce
pairs = [("b", torch.tensor(2.0)), ("a", torch.tensor(3.0)), ("c", torch.tensor(1.0))]
print(sorted(pairs, key=operator.itemgetter(1)), sorted(pairs, key=operator.itemgetter(0))[0])
print(operator.attrgetter("shape")(torch.ones(2, 3)), operator.attrgetter("dtype", "ndim")(torch.ones(2)))
print(operator.methodcaller("sum", dim=0)(torch.ones(2, 2)), reduce(operator.mul, torch.tensor([1, 2, 3, 4])))
print(operator.matmul(torch.eye(2), torch.ones(2)), list(map(operator.neg, [torch.tensor(1)])))
losses = [torch.tensor(v).item() for v in (0.5, 0.25, 0.75)]
print(statistics.mean(losses), statistics.stdev(losses), statistics.median(losses))
print(json.dumps({"w": torch.tensor([1.5, 2.0]).tolist(), "n": 2}), json.loads('{"a": [1, 2]}')["a"])
p = partial(torch.full, (2,))
print(p(3.0), p.args, p.func is torch.full)
@lru_cache(maxsize=None)
def basis(n):
    return torch.eye(n)
print(basis(2) is basis(2), basis.cache_info(), basis.cache_info().hits)
try:
    json.dumps({"t": torch.tensor(1.0)})
except TypeError as err:
    print(err)
try:
    operator.attrgetter("_version.x")(torch.ones(1))
except AttributeError as err:
    print(err)
statistics.mean([])
""",
"pythons_messages_name_pytorchs_types_as_pytorch_has_them": """
x = torch.ones(2, 3, requires_grad=True)
cases = [lambda: x.shape.foo, lambda: torch.float32.foo, lambda: x.device.foo, lambda: x.size + 1, lambda: 2 * x.size,
         lambda: x.shape(), lambda: x.size[0], lambda: x.dtype(), lambda: x.device(), lambda: x.numpy.T,
         lambda: x.backward[0], lambda: x.sum[0], lambda: len(x.size), lambda: x.size < 3, lambda: -x.size,
         lambda: x.size.foo, lambda: torch.finfo(torch.float32)(), lambda: list(x.size), lambda: x.shape * x.shape,
         lambda: int(x.size), lambda: float(x.mean), lambda: x.mean + x.mean, lambda: round(x.size),
         lambda: getattr(x, "size")[0], lambda: torch.iinfo(torch.int8)()]
for f in cases:
    try:
        f()
    except (TypeError, AttributeError) as err:
        print(type(err).__name__, err)
s, d = x.shape, x.device
print(type(s), type(s).__name__, type(d), type(d).__name__, type(torch.finfo(torch.float32)).__name__)
f = x.abs
print(f(), type(f).__name__, f.__name__, f.__qualname__, f == x.abs, f is x.abs, callable(f), x.size(1))
print(list(map(x.add, [1, 2]))[1].grad_fn.name(), getattr(x, "sum")(), type(x.backward).__name__, {x.abs: 1}[x.abs])
y = torch.arange(3)
try:
    del y[0]
except TypeError as err:
    print(err)
x.size[0]
""",
"torch_functions_read_as_values_are_builtins": """
import torch.nn.functional as F, functools
print(type(torch.relu).__name__, torch.relu.__name__, torch.relu.__qualname__, torch.relu is torch.relu, type(F.relu).__name__)
print(type(torch.tensor).__name__, type(torch.split).__name__, type(torch.no_grad).__name__, type(torch.manual_seed).__name__)
fs = [torch.relu, torch.sigmoid, torch.exp]
print([f(torch.tensor([-1.0, 1.0])) for f in fs], list(map(torch.neg, [torch.tensor(1)])))
print(getattr(torch, "add")(torch.ones(1), 1), type(getattr(torch, "add")).__name__)
for f in (lambda: torch.relu[0], lambda: torch.relu.foo, lambda: torch.ones + 1, lambda: len(torch.cat)):
    try:
        f()
    except (TypeError, AttributeError) as err:
        print(err)
print({torch.relu: "relu"}[torch.relu], torch.relu == torch.relu, callable(torch.relu))
p = functools.partial(torch.full, (2,))
print(p(1.0), p.func is torch.full)
""",
"a_module_subclass_repr_is_what_str_and_print_show": """
import torch.nn as nn
class M(nn.Module):
    def __repr__(self):
        return "M!"
class L(nn.ModuleList):
    def __repr__(self):
        return "L!"
class N(nn.Module):
    def __str__(self):
        return "N-str"
m = M()
print(m)
print(repr(m), str(m), f"{m}", [m], L([m]), str(L()))
n = N()
print(n, repr(n), [n])
print(nn.Sequential(m))
""",
"an_uncaught_exception_of_the_programs_class_says_its_text_with_the_state_it_left": """
class ModelError(Exception):
    def __init__(self, msg, tensor=None):
        super().__init__(msg)
        self.tensor = tensor
    def __str__(self):
        base = super().__str__()
        return f"{base} (shape={tuple(self.tensor.shape)})" if self.tensor is not None else base
class NaNError(ModelError):
    pass
try:
    raise NaNError("nan detected", torch.tensor([1.0, float("nan")]))
except ModelError as err:
    print(type(err).__name__, "|", err, "|", err.args, "|", repr(err), err.tensor)
raise NaNError("final", torch.zeros(2, 2))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])


def test_an_exception_whose_str_fails_is_pythons_placeholder():
    out, _ = run_in_language("class E(Exception):\n    def __str__(self):\n        return 1 / 0\nraise E('x')\n")
    assert out.splitlines()[-1] == "E: <exception str() failed>"


def test_a_programs_function_is_named_by_its_module_and_qualname_in_call_errors():
    src = ("def f(x=0, **k):\n    return x\nclass A:\n    def m(self, **k):\n        pass\n"
           "for c in (lambda: f(**{'x': 1}, x=2), lambda: f(**1), lambda: A().m(**{'a': 1}, a=2), lambda: A.m(**3),\n"
           "          lambda: f(*1), lambda: (lambda **k: 0)(**{'a': 1}, a=1)):\n"
           "    try:\n        c()\n    except TypeError as err:\n        print(err)\n")
    out, _ = run_in_language(src)
    assert out.splitlines() == [
        "__main__.f() got multiple values for keyword argument 'x'",
        "__main__.f() argument after ** must be a mapping, not int",
        "__main__.A.m() got multiple values for keyword argument 'a'",
        "__main__.A.m() argument after ** must be a mapping, not int",
        "__main__.f() argument after * must be an iterable, not int",
        "__main__.<lambda>.<locals>.<lambda>() got multiple values for keyword argument 'a'"]


def test_a_name_unbound_after_except_as_is_a_name_error_without_a_suggestion_of_itself():
    out, _ = run_in_language("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    pass\nprint(e)\n")
    assert out.splitlines()[-1] == "NameError: name 'e' is not defined"
    assert "did you mean 'e'" not in out

"""Classes of difference found by the thirty-second round's held-out programs on the Python around tensors (held32a,
issue 16) that show in the language only: one differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"objects_own_slots_are_called_past_a_programs_class_hooks": """
class Frozen:
    def __init__(self, w):
        object.__setattr__(self, "w", w)
        object.__setattr__(self, "_n", 2)
    def __setattr__(self, name, value):
        raise AttributeError(f"{name} is frozen")
    def __repr__(self):
        return "Frozen" + object.__repr__(self).split(" object at")[0].split(".")[-1].lstrip("<")
    def __str__(self):
        return "S:" + object.__str__(self)
    def __eq__(self, other):
        return object.__eq__(self, other)
    __hash__ = object.__hash__
f = Frozen(torch.ones(2))
print(f.w, f._n, repr(f), str(f), f == f, f == 1, hash(f) == hash(f))
print(object.__getattribute__(f, "w"), object.__repr__(torch.ones(1))[:22])
print(object.__repr__(torch.nn.Linear(1, 1))[:40], object.__format__(f, ""))
try:
    f.w = 3
except AttributeError as e:
    print(e)
object.__delattr__(f, "_n")
print(hasattr(f, "_n"))
for bad in [lambda: object.__format__(f, "x"), lambda: object.__format__(f, 3), lambda: object.__setattr__(f, 3, 1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
""",
"numpy_print_options_shape_how_a_tensors_numpy_array_prints": """
import numpy as np
saved = np.get_printoptions()
x = torch.tensor([[1e-5, 123.456789], [3.0, -0.5]])
a = x.numpy()
np.set_printoptions(suppress=True, precision=4)
print(a, x, np.get_printoptions()["precision"])
with np.printoptions(precision=1, floatmode="fixed"):
    print(a, repr(a))
print(np.array2string(a, separator=", "), np.array_str(a[0]), np.array_repr(a[1]))
print(np.format_float_positional(np.float32(x[0, 1].item())), np.format_float_scientific(x[0, 0].item(), precision=2))
np.set_printoptions(threshold=3, edgeitems=1, linewidth=20)
print(torch.arange(10).numpy(), torch.arange(10), np.arange(12.))
np.set_printoptions(formatter={"float": lambda v: f"<{v:.1f}>"})
print(a)
try:
    torch.tensor(np.array([1.5], dtype=np.longdouble))
except TypeError as e:
    print(e)
np.set_printoptions(**saved)
print(a)
""",
"a_class_declares_its_instances_attributes_in_slots": """
class P:
    __slots__ = ("x", "_y")
    def __init__(self, x):
        self.x = x
        self._y = x * 2
    def norm(self):
        return (self.x ** 2).sum().sqrt()
p = P(torch.tensor([3., 4.]))
print(p.x, p._y, p.norm(), P.__slots__, hasattr(p, "__dict__"))
try:
    p.z = 1
except AttributeError as e:
    print("AE", e)
class Q:
    __slots__ = "v"
q = Q()
try:
    q.v
except AttributeError as e:
    print("AE", e)
q.v = torch.ones(1)
print(q.v, getattr(q, "v"), hasattr(q, "w"))
del q.v
print(hasattr(q, "v"))
class R(P):
    pass
r = R(torch.zeros(1))
r.extra = 5
print(r.extra, r.x)
try:
    class S:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("VE", e)
try:
    class T:
        __slots__ = (1,)
except TypeError as e:
    print("TE", e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

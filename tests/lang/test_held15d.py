"""Classes of difference found by the fifteenth round's held-out programs about the Python around tensors and
printing (held15d): one differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"a_with_blocks_exit_sees_an_engine_error_as_pythons_runtime_error": """
import contextlib
class M:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print(t is RuntimeError, isinstance(v, RuntimeError), issubclass(t, Exception), v)
        return True
with M():
    torch.zeros(2).view(3)
with contextlib.suppress(RuntimeError):
    torch.ones(2) + torch.ones(3)
with contextlib.suppress(IndexError):
    torch.ones(2)[5]
def gen():
    with contextlib.suppress(RuntimeError):
        yield 1
        torch.ones(2).view(5)
    yield 2
print(list(gen()))
try:
    with contextlib.suppress(IndexError):
        torch.ones(2).view(5)
except RuntimeError as e:
    print("not suppressed:", e)
""",
"contextlib_heapq_bisect_and_string_are_importable": """
from contextlib import contextmanager, nullcontext, ExitStack
import heapq, bisect, string
@contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield torch.tensor(1)
    except RuntimeError as e:
        print("caught in cm:", e)
    finally:
        print("</" + name + ">")
with tag("a") as t:
    print(t + 1)
with tag("b"):
    torch.ones(2, 2) @ torch.ones(3)
with nullcontext(torch.ones(1)) as t:
    print(t)
with ExitStack() as st:
    st.callback(print, "callback")
    st.enter_context(tag("c"))
    print("body")
h = []
for v in [5.0, 1.0, 3.0]:
    heapq.heappush(h, (v, torch.tensor(v)))
print(heapq.heappop(h), heapq.nlargest(2, torch.tensor([4, 9, 1])), heapq.nsmallest(1, torch.tensor([5, 2, 8])))
print(bisect.bisect_left([1, 3, 5], torch.tensor(3)), bisect.bisect_right([0.1, 0.5], torch.tensor(0.5)))
vocab = {c: i for i, c in enumerate(string.ascii_lowercase[:4])}
print(torch.tensor([vocab[c] for c in "abcd"]), len(string.punctuation), string.digits)
""",
"pprint_writes_a_programs_containers_of_tensors_where_print_writes": """
import pprint, io
from pprint import pprint as pp
import torch.nn as nn
torch.manual_seed(0)
pp({"w": torch.ones(2), "b": [torch.zeros(1), 3], "name": "layer"})
pprint.pprint(nn.Linear(3, 2).state_dict())
pprint.pp({"z": 1, "a": torch.eye(2)})
pprint.pprint({"z": 1, "a": [1] * 30}, width=40, compact=True)
s = io.StringIO()
pprint.pprint({"k": torch.tensor([1.5, 2.5])}, stream=s)
print(repr(s.getvalue()), pprint.pformat([torch.arange(3)] * 2))
pprint.pprint({"cfg": {"lr": 0.1, "shapes": [torch.Size([3])], "long_name_here": "x" * 50}})
class C:
    def __repr__(self):
        return "C<" + str(torch.tensor(1)) + ">"
pp([C(), {"n": C()}], depth=1)
""",
"issubclass_of_torch_tensor_answers_as_pytorchs_metaclass": """
import torch.nn as nn
class T:
    pass
print(issubclass(nn.Parameter, torch.Tensor), issubclass(nn.Buffer, torch.Tensor), issubclass(T, torch.Tensor))
print(issubclass(nn.Parameter, (int, torch.Tensor)), issubclass(torch.Tensor, torch.Tensor), issubclass(int, torch.Tensor))
print(issubclass(nn.Parameter, torch.FloatTensor), issubclass(torch.Tensor, torch.FloatTensor),
      issubclass(torch.FloatTensor, torch.Tensor), issubclass(torch.FloatTensor, torch.FloatTensor))
print(issubclass(type(nn.Parameter(torch.ones(1))), torch.Tensor), issubclass(nn.Linear, torch.Tensor))
try:
    issubclass(torch.ones(1), torch.Tensor)
except TypeError as e:
    print(e)
""",
"str_translate_maketrans_and_methods_read_from_pythons_types": """
print(list(map(str.upper, ["a", "b"])), sorted(["b", "A"], key=str.lower), dict.keys({1: 2}), float.is_integer(2.0))
print(str.join(",", map(str, torch.tensor([1, 2]).tolist())), int.bit_length(5), set.union({1}, {2}))
print(dict.fromkeys(["w", "b"], torch.zeros(1)), {}.fromkeys("ab"))
text = "hello world"
print(text.translate(str.maketrans("lo", "01")), "ab".maketrans({"a": "x"}), str.upper("q"), "Ab".istitle(), "é".isascii(), "a\\n".isprintable())
print(text.translate({ord("h"): None}), str(torch.tensor([1.5])).translate(str.maketrans("", "", "[]")))
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print(e)
try:
    str.nosuch
except AttributeError as e:
    print(e)
""",
"a_programs_class_gets_new_attributes_loses_them_with_del_and_may_define_init_subclass": """
class A:
    z = 0
class B(A): pass
A.x = 1
print(A.x)
def f():
    A.y = torch.tensor(2)
f()
print(A.y, B.y)
del A.y
print(hasattr(A, "y"), hasattr(B, "y"))
B.z = 3
del B.z
print(B.z)
for cls, name in ((B, "z"), (A, "nope")):
    try:
        delattr(cls, name)
    except AttributeError as e:
        print(e)
def deco(cls):
    cls.tag = "decorated"
    return cls
@deco
class C:
    pass
print(C.tag, C().tag)
C.tag = torch.zeros(1)
C().tag.add_(1)
print(C.tag)
del C.tag
try:
    C().tag
except AttributeError as e:
    print(e)
class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append(cls.__name__)
        cls.scale = torch.tensor(len(Base.registry))
class X(Base):
    pass
class Y(X):
    pass
print(Base.registry, X.scale, Y.scale, hasattr(Base, "scale"))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])


def test_a_failed_statement_takes_back_a_class_attribute_it_added_or_deleted():
    import io
    from tensorsh.lang.session import Session
    out = io.StringIO()
    session = Session(write=out.write, write_err=lambda t: None)
    assert session.run("class A:\n    x = 1\nclass B(A):\n    pass\n", "a.tsh") is None
    error = session.run("def f():\n    A.y = 2\n    del A.x\n    B.x = 3\n    1 / 0\nf()\n", "b.tsh")
    assert error is not None and error.last_line() == "ZeroDivisionError: division by zero"
    assert session.run("print(hasattr(A, 'y'), A.x, B.x, 'x' in vars(B) if False else B.__name__)\n", "c.tsh") is None
    assert out.getvalue() == "False 1 1 B\n"

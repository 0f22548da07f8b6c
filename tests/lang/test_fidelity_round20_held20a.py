"""Classes of difference found by the twentieth round's held-out programs about the Python around tensors and
printing (held20a): one differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch, run_in_language

pytest.importorskip("torch")

PROGRAMS = {
"pytorchs_c_types_are_named_by_their_tp_name_in_pythons_messages": """
r = torch.ones(2, 2).max(0)
g = torch.Generator()
for f in [lambda: r.value, lambda: g(), lambda: g + 1, lambda: len(g), lambda: torch.strided(), lambda: torch.strided[0],
          lambda: torch.channels_last.foo, lambda: torch.tensor(torch.strided), lambda: torch.ones(2).add(r),
          lambda: torch.ones(2, dtype=torch.strided), lambda: float(g), lambda: "{:5}".format(r)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(type(r).__name__, type(g).__name__, type(torch.strided).__name__, type(torch.channels_last).__name__)
print(type(r), type(g), type(torch.strided), torch.typename(g))
""",
"an_object_with_index_is_an_int_where_the_parser_reads_ints": """
class I:
    def __init__(self, n): self.n = n
    def __index__(self): return self.n
x = torch.arange(6.)
print(torch.zeros(I(2), 3).shape, torch.zeros((I(2), 3)).shape, torch.ones([I(1)]).shape, x.view(I(3), -1).shape)
print(x.view(3, I(2)).shape, x.narrow(0, I(1), I(2)), x.new_zeros(I(2)), x.expand(I(2), 6).shape, x.select(0, I(4)))
print(x.view(2, 3).sum((I(1),)), x.view(2, 3).flip(I(0)), torch.full((I(2),), 7), x.repeat(I(2)).shape)
for f in [lambda: x.sum(I(0)), lambda: x.view(2, 3).mean(dim=I(1)), lambda: x.roll(I(1)), lambda: x.roll(I(1), I(0)),
          lambda: x.roll(I(1), 0), lambda: x.unsqueeze(I(0)), lambda: x.view(2, 3).transpose(I(0), 1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"torch_tensor_reads_any_python_sequence": """
import collections
class S:
    def __init__(self, items): self.items = items
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
class N:
    def __getitem__(self, i): return 1
print(torch.tensor(S([1.5, 2])), torch.tensor([S([1, 2]), S([3, 4])]), torch.tensor(S([S([1]), [2]])))
print(torch.as_tensor(S([True])), torch.tensor(S([1, 2]), dtype=torch.float16), torch.tensor(S([])))
print(torch.Tensor(S([1, 2])), torch.LongTensor(S([3])), torch.ones(1).new_tensor(S([4])), torch.asarray(S([5])))
print(torch.tensor(collections.deque([1, 2])), torch.tensor((S([1]), S([2]))))
for f in [lambda: torch.tensor(N()), lambda: torch.tensor([S([1]), S([1, 2])]), lambda: torch.tensor({"a": 1}),
          lambda: torch.tensor(S([[1], 2]))]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"cached_property_total_ordering_textwrap_and_numbers": """
import functools
import numbers
import textwrap
class Stats:
    def __init__(self, x): self.x = x
    @functools.cached_property
    def mean(self):
        print("computing")
        return self.x.mean()
s = Stats(torch.arange(4.))
print(s.mean, s.mean)
del s.mean
print(s.mean)
@functools.total_ordering
class Loss:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return bool(self.v == o.v)
    def __lt__(self, o): return bool(self.v < o.v)
print(Loss(torch.tensor(1.)) >= Loss(torch.tensor(2.)), sorted([Loss(torch.tensor(3.)), Loss(torch.tensor(1.))])[0].v)
print(textwrap.indent(str(torch.eye(2)), "  "))
print(textwrap.shorten(str(torch.arange(30)), width=30), textwrap.wrap("a b c", 3), textwrap.dedent("  x"))
print(isinstance(torch.tensor(1), numbers.Number), isinstance(torch.tensor(1).item(), numbers.Integral))
""",
"warn_with_a_stacklevel_points_at_the_caller": """  # (past the outermost frame, 'sys:1': the harness's own)
import warnings
import sys
def check(x):
    warnings.warn("nan found", FutureWarning, stacklevel=2)
    return x
def outer(x):
    return check(x)
warnings.simplefilter("always")
with warnings.catch_warnings(record=True) as w:
    check(torch.ones(1))
    outer(torch.ones(1))
    warnings.warn("here", PendingDeprecationWarning)
print([(str(r.message), r.category.__name__) for r in w], w[1].lineno - w[0].lineno, w[2].lineno - w[0].lineno)
print(sys.float_info.epsilon, sys.float_info.dig)
""",
"types_simple_namespace_as_a_config_object": """
import copy
from types import SimpleNamespace
cfg = SimpleNamespace(lr=0.1, w=torch.tensor([1., 2.]), steps=3)
cfg.momentum = 0.9
cfg.lr *= 2
del cfg.steps
print(cfg, type(cfg).__name__, type(cfg), vars(cfg), SimpleNamespace(a=1) == SimpleNamespace(a=1))
c = copy.deepcopy(cfg)
c.w.add_(1)
print(cfg.w, c)
for f in [lambda: cfg.nope, lambda: SimpleNamespace(1), lambda: {cfg},
          lambda: SimpleNamespace(t=torch.ones(2)) == SimpleNamespace(t=torch.ones(2))]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"a_methods_bare_class_is_its_class": """
class A:
    def f(self): return __class__
class B(A):
    pass
print(A().f().__name__, B().f().__name__, B().f() is A)
""",
}


def test_torchs_docstrings_are_refused_a_programs_are_read():
    """The engine's functions and classes carry its own docstrings (or none): tensorsh refuses to show them as
    PyTorch's (`torch.add.__doc__` printed a line of tensorsh's internals, `nn.Linear.__doc__` None)."""
    src = ('def f():\n    """my doc"""\nclass M(torch.nn.Module):\n    """mod doc"""\nprint(f.__doc__, M().__doc__)\n'
           'for o in [torch.add, torch.ones(1).add, torch.nn.Linear, torch.nn.functional.relu]:\n'
           '    try: print(o.__doc__)\n    except RuntimeError as e: print(e)\n')
    out, _ = run_in_language(src)
    assert out == "my doc mod doc\n" + "tensorsh: the docstrings of torch's functions and classes are not available\n" * 4


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

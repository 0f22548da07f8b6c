"""Classes of difference found by the twelfth round's held-out programs about the Python around tensors (issue 16):
one differential program each, run in torch and in the language."""
import subprocess
import sys

import pytest

from test_torch_programs import assert_prints_as_torch, run_in_language

pytest.importorskip("torch")

PROGRAMS = {
"torchs_type_objects_are_classes_with_torchs_names": """
x = torch.ones(2)
print(isinstance(x.dtype, torch.dtype), isinstance(x.device, torch.device), isinstance(x.layout, torch.layout))
print(isinstance(3, torch.dtype), isinstance('cpu', torch.device), isinstance(torch.float16, (torch.dtype, int)))
print(type(x.dtype), type(x.device), type(x.layout), torch.dtype, torch.device, torch.layout)
print(type(x.dtype).__name__, type(torch.finfo(torch.float32)), type(torch.iinfo(torch.int8)))
print(type(torch.Generator()), type(torch.manual_seed(0)), isinstance(torch.manual_seed(0), torch.Generator))
print(type(torch.no_grad()), type(torch.enable_grad()), type(torch.inference_mode()), type(torch.set_grad_enabled(True)))
print(torch.device('cpu'), repr(torch.device('cpu', 0)), torch.device(type='cpu') == x.device, torch.device(x.device))
print(torch.inf, -torch.inf, torch.nan, torch.pi, torch.e, torch.newaxis, x[torch.newaxis].shape)
for make in (lambda: torch.dtype(), lambda: torch.layout(), lambda: torch.device(), lambda: torch.device(3.5),
             lambda: torch.device('cpu:0', 1), lambda: torch.device('cpu', -1), lambda: torch.device('cpu', 1.5),
             lambda: torch.device(None), lambda: torch.device('cpu', 200), lambda: torch.device('cpu', 255)):
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)
print(copy.deepcopy([x.device, x.dtype, x.layout]), copy.copy(x.device) == x.device)
for dt in [torch.float32, torch.bfloat16, torch.int64, torch.uint8, torch.bool]:
    print(dt, dt.is_floating_point, dt.is_signed, dt.itemsize, dt.is_complex, dt.to_real())
""",
"the_truth_of_an_empty_tensor_says_it_has_no_values": """
e = torch.zeros(0, 3)
for f in (lambda: bool(e), lambda: not torch.tensor([]), lambda: e and 1, lambda: 1 if e else 2, lambda: e.is_nonzero(),
          lambda: bool(torch.ones(2)), lambda: torch.ones(2, 0).is_nonzero()):
    try:
        print(f())
    except Exception as ex:
        print(type(ex).__name__, ex)
try:
    while torch.tensor([]):
        break
except RuntimeError as ex:
    print(ex)
assert torch.tensor([])
""",
"a_with_statement_takes_several_context_managers": """
class Ctx:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name, torch.is_grad_enabled())
        return self.name
    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind.__name__ if kind else None)
        return self.swallow
x = torch.ones(2, requires_grad=True)
with torch.no_grad(), Ctx("a") as a, Ctx("b") as b:
    y = x * 2
    print(a, b, y.requires_grad)
print(torch.is_grad_enabled(), y.requires_grad)
with Ctx("outer", swallow=True), Ctx("inner"):
    torch.ones(2) @ torch.ones(3)
with torch.enable_grad(), torch.no_grad():
    print((x * 2).requires_grad)
with Ctx("c"), torch.inference_mode():
    print(torch.is_inference_mode_enabled(), (x + 1).is_inference())
""",
"collections_namedtuple_makes_a_programs_own_tuple_class": """
import collections
from collections import namedtuple
Batch = namedtuple("Batch", "x y")
b = Batch(torch.ones(2), y=torch.tensor([0, 1]))
print(b, b[0], b.y, len(b), isinstance(b, tuple))
x, y = b
print(x + 1, y * 2, b._fields, b._asdict(), b._replace(y=None))
print(Batch, type(b), type(b).__name__)
Out = collections.namedtuple("Out", ["loss", "acc"], defaults=[None])
print(Out(torch.tensor(0.5)), [Out(torch.tensor(i * 1.0), i) for i in range(2)])
for f in (lambda: Batch(1), lambda: b.z, lambda: setattr(b, "x", 3), lambda: b.count(b.x)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
""",
"print_writes_the_arguments_before_one_whose_str_fails": """
class Bad:
    def __repr__(self):
        raise ValueError("no repr")
for bad in [dict(precision="a"), dict(precision=2.5)]:
    torch.set_printoptions(**bad)
    try:
        print(bad, "x", torch.tensor([1.23456, 200.5]), "never")
    except Exception as e:
        print(type(e).__name__, e)
    torch.set_printoptions(profile="default")
for args in [(Bad(),), (1, Bad()), (torch.ones(1), [Bad()], 2)]:
    try:
        print(*args, sep=" | ", end="!\\n")
    except ValueError as e:
        print("ValueError", e)
""",
"str_format_fields_index_tensors_and_other_objects_as_the_language_does": """
x = torch.arange(6).reshape(2, 3)
print("{0[1]} {0[1][2]} {1[a]} {2[0]} {0.shape[1]}".format(x, {"a": x.shape}, x.shape))
print("{t[0]:.2f}".format_map({"t": torch.tensor([1.23456])}), "{0[0]}".format(torch.nn.Sequential(torch.nn.ReLU())))
for fmt, arg in (("{0[0]}", 5), ("{0[9]}", x), ("{0[-1]}", x)):
    try:
        print(fmt.format(arg))
    except Exception as e:
        print(type(e).__name__, e)
""",
"torch_testing_assert_close_says_what_pytorchs_says": """
from torch.testing import assert_close
def check(*args, **kwargs):
    try:
        assert_close(*args, **kwargs)
        print("close")
    except Exception as e:
        print(type(e).__name__ + ":", e)
a = torch.tensor([1.0, 2.0, 3.0])
check(a, a + 1e-7)
check(a, a + 1e-3)
check(a, a * 1.1, rtol=0.2, atol=0.0)
check(a, a * 1.1, rtol=0.2)
check(a, torch.tensor([1.0, 2.0, 3.5]), msg=lambda m: "Header\\n\\n" + m)
check(torch.tensor([1, 2, 3]), torch.tensor([1, 2, 4]))
check(torch.tensor([1, 2, 3]), torch.tensor([1, 2, 3.0]))
check(torch.tensor([1, 2, 3]), torch.tensor([1, 2, 3.5]), check_dtype=False)
check(torch.tensor([True, False]), torch.tensor([True, True]))
check(torch.tensor(0.0), torch.tensor(1e-3))
check(torch.tensor(float('nan')), torch.tensor(float('nan')), equal_nan=True)
check(torch.tensor([float('inf'), 1.0]), torch.tensor([-float('inf'), 1.0]))
check(torch.zeros(2, 3), torch.zeros(3, 2))
check(torch.zeros(2, 3), torch.zeros(2, 3).t().contiguous().t(), check_stride=True)
check(torch.zeros(2, 3, dtype=torch.float16), torch.full((2, 3), 1e-3, dtype=torch.float16))
check(torch.arange(20.).reshape(4, 5), torch.arange(20.).reshape(4, 5) * 1.01)
check(1.0, 1.1)
check(1, 1.0, check_dtype=True)
check(True, False)
check(None, 0)
check([a, 1.0], [a, 2.0])
check([a], [a, a])
check({"w": a, "b": torch.zeros(1)}, {"w": a + 1, "b": torch.zeros(1)})
check({"w": a}, {"v": a})
check((a, (a, [a])), (a, (a, [a * 2])))
check(a, [1.0, 2.0, 3.0])
check([1.0, 2.0], [1.0, 2.5])
check(a, "abc")
check(a, a, rtol=1e-3)
check(torch.nn.Parameter(a.clone()), a, allow_subclasses=False)
check(torch.tensor([1, 2], dtype=torch.uint8), torch.tensor([2, 1], dtype=torch.uint8))
check(torch.tensor([1.0, 0.0]), torch.tensor([0.0, 0.0]))
torch.testing.assert_allclose(a, a + 1e-6)
torch.testing.assert_allclose(a, a + 1)
""",
"seeding_boilerplate_sets_torch_backends_flags_and_asks_torch_cuda": """
import random
def set_seed(seed=42):
    random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False
set_seed()
print(torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark, torch.backends.cudnn.enabled)
print(torch.backends.cudnn.is_available(), torch.backends.cudnn.version(), torch.backends.mps.is_available())
torch.backends.cuda.matmul.allow_tf32 = True
print(torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32, torch.backends.mkldnn.is_available())
device = "cuda" if torch.cuda.is_available() else ("mps" if torch.backends.mps.is_available() else "cpu")
print(device, torch.rand(2))
torch.cuda.empty_cache()
print(torch.cuda.memory_allocated(), torch.cuda.is_initialized())
for f in (torch.cuda.synchronize, torch.cuda.current_device, torch.cuda.get_device_name):
    try:
        f()
    except AssertionError as e:
        print("AssertionError", e)
try:
    torch.ones(2) @ torch.ones(3)
except torch.cuda.OutOfMemoryError:
    print("oom")
except RuntimeError as e:
    print("rt", e)
print(issubclass(torch.OutOfMemoryError, RuntimeError), torch.OutOfMemoryError, torch.cuda.OutOfMemoryError is torch.OutOfMemoryError)
""",
"itertools_and_functools_partial_and_reduce_around_tensors": """
import itertools
from functools import partial, reduce
from itertools import product
for a, b in product([torch.tensor(1), torch.tensor(2)], repeat=2):
    print(a * b, end=" ")
print()
for lr, wd in itertools.product([0.1, 0.01], [0.0, 1e-4]):
    print(f"lr={lr} wd={wd}")
print(list(itertools.combinations(torch.arange(4).tolist(), 2)))
print(list(itertools.chain([torch.ones(1)], [torch.zeros(1)])))
print(list(itertools.accumulate(torch.arange(5).tolist())))
print(reduce(torch.add, [torch.ones(2), torch.ones(2), torch.ones(2)]))
print(reduce(lambda a, b: a @ b, [torch.eye(2) * 2] * 3))
clamp01 = partial(torch.clamp, min=0.0, max=1.0)
print(clamp01(torch.tensor([-1.0, 0.5, 2.0])))
relu6 = partial(torch.nn.functional.hardtanh, min_val=0.0, max_val=6.0)
print(relu6(torch.tensor([-1.0, 3.0, 7.0])))
print(list(itertools.islice(itertools.cycle(torch.arange(3)), 5)))
for i, chunk in itertools.groupby(torch.tensor([1, 1, 2, 2, 2, 3]).tolist()):
    print(i, len(list(chunk)))
print(list(itertools.pairwise(torch.linspace(0, 1, 4).tolist())))
print(list(itertools.zip_longest([1, 2], [torch.tensor(3)], fillvalue=None)))
""",
"pythons_number_types_are_dtypes_where_pytorch_takes_one": """
import torch.nn as nn
import torch.nn.functional as F
x = torch.tensor([1.5, 2.5])
for f in [lambda: nn.Linear(2, 2, dtype=float).weight.dtype, lambda: torch.set_default_dtype(float), lambda: torch.get_default_dtype(),
          lambda: torch.set_default_dtype(torch.float32), lambda: F.softmax(x, 0, dtype=float), lambda: x.sum(dtype=int),
          lambda: x.prod(dtype=float), lambda: torch.sum(x, dtype=float), lambda: x.type(torch.float64).to(bool),
          lambda: torch.full_like(x, 2, dtype=int), lambda: torch.rand(2, dtype=float).dtype, lambda: torch.ones(2, 2, dtype=int),
          lambda: x.to(torch.ones(1), float) if False else x.to("cpu", float), lambda: x.to(device="cpu", dtype=int),
          lambda: torch.as_tensor(x, dtype=int), lambda: torch.tensor(3, dtype=bool), lambda: torch.zeros(2, dtype=float).dtype == torch.double,
          lambda: nn.Parameter(torch.ones(1, dtype=float)), lambda: x.new_ones(2, dtype=bool), lambda: torch.arange(0, 1, 0.25, dtype=float),
          lambda: x.view(float) if False else x.double().view(int), lambda: x.to(float, copy=True), lambda: x.float().to(float).to(int).to(bool),
          lambda: torch.cat([x, x]).to(dtype=float), lambda: x.mean(dtype=int), lambda: torch.empty_like(x, dtype=float).shape,
          lambda: torch.randn(2, dtype=int)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, str(e).split("\\n")[0])
for f in [lambda: torch.zeros(2, dtype=float), lambda: torch.tensor([1.5], dtype=int), lambda: torch.ones(2, dtype=bool),
          lambda: torch.arange(3, dtype=float), lambda: x.to(int), lambda: x.to(dtype=float), lambda: x.cumsum(0, dtype=float),
          lambda: torch.as_tensor([1, 2], dtype=float), lambda: x.new_zeros(2, dtype=int), lambda: torch.zeros_like(x, dtype=int),
          lambda: torch.linspace(0, 1, 3, dtype=float), lambda: torch.eye(2, dtype=bool), lambda: x.new_tensor([2], dtype=float),
          lambda: torch.finfo(float), lambda: torch.finfo(int), lambda: torch.iinfo(int), lambda: torch.iinfo(bool),
          lambda: torch.promote_types(int, bool), lambda: torch.can_cast(float, int), lambda: x.type(int),
          lambda: torch.zeros(2, dtype=str), lambda: torch.zeros(2, dtype="float32"), lambda: x.double().view(int)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, str(e).split("\\n")[0])
""",
"typing_namedtuple_classes_read_their_annotations": """
from typing import NamedTuple, Optional
class Out(NamedTuple):
    loss: torch.Tensor
    acc: float = 0.0
    extra: Optional[int] = None
    def describe(self):
        return f"loss={self.loss.item():.3f} acc={self.acc}"
o = Out(torch.tensor(0.5))
print(o, o.loss, o._replace(acc=1.0), o.describe())
print(Out._fields, len(o), o[0], isinstance(o, tuple), type(o).__name__)
l, a, e = o
print(l * 2, a, e)
try:
    Out()
except TypeError as err:
    print(err)
class Plain:
    x: int = 3
    y: float
print(Plain.x, Plain().x)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])


# Programs that end in a misspelt name: Python 3.11's last traceback line ends with its suggestion
# (". Did you mean: 'value'?"), which a program's own str(e) does not show, so torch runs as a script here.
MISSPELT = {
"a_global_from_inside_a_function": "lr = 0.1\ndef train(epochs):\n    return epochs * l_r\ntrain(2)\n",
"a_local_of_the_function": "def f(values):\n    total = 0\n    for v in valuse:\n        total += v\n    return total\nf([1])\n",
"a_builtin": "print(lenn([1]))\n",
"an_imported_module": "x = troch.ones(2)\n",
"nothing_close": "print(undefined_thing)\n",
"a_tensor_method": "x = torch.ones(2)\nx.unsqeeze(0)\n",
"a_tensor_method_too_far": "x = torch.ones(2)\nx.szie()\n",
"a_torch_function": "torch.onse(2)\n",
"a_functional": "import torch.nn.functional as F\nF.sofmax(torch.ones(2), 0)\n",
"a_layer_of_a_module": "import torch.nn as nn\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
                       "        self.linear = nn.Linear(2, 1)\n    def forward(self, x):\n        return self.linaer(x)\n"
                       "Net()(torch.ones(2))\n",
"a_parameter": "m = torch.nn.Linear(1, 1)\nprint(m.weights)\n",
"an_optimizer_method": "m = torch.nn.Linear(1, 1)\nopt = torch.optim.SGD(m.parameters(), lr=0.1)\nopt.zero_gard()\n",
"a_list_method": "x = [1, 2]\nx.apend(3)\n",
"a_programs_class": "class A:\n    def __init__(self):\n        self.weight = torch.ones(1)\nprint(A().weigth)\n",
"none_where_a_grad_was_expected": "x = torch.ones(2, requires_grad=True)\nx.grad.zero_()\n",
}


_LAST_LINES = """
import contextlib, io, json, sys
import torch
out = {}
for name, src in json.loads(sys.stdin.read()).items():
    err = io.StringIO()
    try:
        exec(compile(src, "prog.py", "exec"), {"__name__": "__main__", "torch": torch})
    except Exception:
        with contextlib.redirect_stderr(err):
            sys.__excepthook__(*sys.exc_info())   # (Python's own display: the suggestion is its C code's)
    out[name] = err.getvalue().strip().splitlines()[-1]
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def torch_last_lines():
    """Each MISSPELT program's last traceback line as Python prints it, from one torch process."""
    import json
    run = subprocess.run([sys.executable, "-c", _LAST_LINES], input=json.dumps(MISSPELT), capture_output=True,
                         text=True, timeout=300)
    return json.loads(run.stdout)


@pytest.mark.parametrize("name", sorted(MISSPELT))
def test_a_misspelt_names_last_line_ends_with_pythons_suggestion(name, torch_last_lines):
    got, _ = run_in_language(MISSPELT[name])
    assert got.splitlines()[-1] == torch_last_lines[name]


def test_an_internal_the_language_refuses_gets_no_suggestion():
    """`tuple.__base__` is there in Python (no error, so no hint): the language's refusal suggests nothing."""
    got, _ = run_in_language("print(().__class__.__base__)\n")
    assert got.splitlines()[-1] == "AttributeError: type object 'tuple' has no attribute '__base__'"

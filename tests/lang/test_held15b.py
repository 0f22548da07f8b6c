"""Classes of difference found by round 15's held-out programs on autograd, views, storages and copy semantics
(held15b), one differential program each, run in torch and in the language."""
import subprocess
import sys

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
"save_and_load_of_sizes_devices_bytes_and_the_builtins_pickle_names": """
import io
import collections
dd = collections.defaultdict(list)
dd["a"].append(torch.ones(1))
import numpy as np
vals = [frozenset([1, 2]), range(1, 7, 2), slice(None, 3), dd, collections.defaultdict(None, {"k": 1}),
        {"s": torch.Size([]), "d": torch.device("cpu"), "b": b"\x00\xff"}, np.arange(6).reshape(2, 3).T,
        np.float64(1.5), np.int32(-3), np.array(2.0, dtype=np.float32), np.array([True, False])]
for v in vals:
    b = io.BytesIO()
    torch.save([torch.zeros(1), v], b)
    b.seek(0)
    r = torch.load(b, weights_only=False)[1]
    print(type(r).__name__, r, getattr(r, "dtype", None))
    b.seek(0)
    try:
        print(torch.load(b)[1])
    except Exception as e:
        print(type(e).__name__, str(e).split("WeightsUnpickler error: ")[1].split(" was")[0])
x = torch.zeros(2, 3)
b = io.BytesIO()
torch.save({"shape": x.shape, "layout": x.layout, "dev": x.device, "sizes": [x[0].shape]}, b)
b.seek(0)
print(torch.load(b, weights_only=True))
""",
"mmap_load_needs_a_file_path": """
import io
b = io.BytesIO()
x = torch.arange(4.).view(2, 2)
torch.save({"x": x, "xt": x.t()}, b)
for kw in [{"mmap": False}, {"mmap": None}, {"mmap": True}, {"mmap": True, "weights_only": False}]:
    b.seek(0)
    try:
        print(torch.load(b, **kw)["xt"].stride())
    except ValueError as e:
        print(e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_held15b_class_prints_as_torch(name):
    """The printed text and the warnings, as torch gives them."""
    got, stderr = run_in_language(PROGRAMS[name])
    src = "import copy\n" + PROGRAMS[name]
    assert (got, language_warnings(stderr)) == (run_in_torch(src)[0], torch_warnings(src))


SCRIPTS = {  # (pickle finds a program's class by its module's name: torch runs these as scripts, in __main__)
"save_and_load_of_a_programs_own_objects": """
import io
class Cfg:
    lr = 0.1
    def __init__(self, n):
        self.n = n
        self.w = torch.arange(3.)
        self.view = self.w[1:]
    def total(self):
        return self.w.sum() + self.n
class Sub(Cfg):
    pass
buf = io.BytesIO()
c = Sub(4)
torch.save([c, {"cfg": c}, (1, c.w)], buf)
buf.seek(0)
l = torch.load(buf, weights_only=False)
print(type(l[0]).__name__, l[0].n, l[0].total(), l[0].lr, l[1]["cfg"] is l[0], l[2][1] is l[0].w)
l[0].w[1] = 50
print(l[0].view, sorted(vars(l[0])), isinstance(l[0], Cfg), l[0] is c)
def make():
    class Local:
        pass
    return Local()
try:
    torch.save(make(), io.BytesIO())
except AttributeError as e:
    print(e)
buf.seek(0)
try:
    torch.load(buf)
except Exception as e:
    print(type(e).__name__, str(e).split("WeightsUnpickler error: ")[1].split(" was")[0])
""",
"safe_globals_let_a_weights_only_load_through": """
import io
from torch.serialization import add_safe_globals, safe_globals
class Cfg:
    def __init__(self):
        self.k = 2
b = io.BytesIO()
torch.save({"c": Cfg(), "w": torch.ones(2), "r": range(3)}, b)
for allowed in ([Cfg], [range], [Cfg, range]):
    b.seek(0)
    with safe_globals(allowed):
        try:
            d = torch.load(b)
            print(d["c"].k, d["w"], d["r"])
        except Exception as e:
            print(type(e).__name__, str(e).split("WeightsUnpickler error: ")[1].split(" was")[0])
print(Cfg in torch.serialization.get_safe_globals())
add_safe_globals([Cfg, range])
b.seek(0)
print(torch.load(b)["c"].k, Cfg in torch.serialization.get_safe_globals())
torch.serialization.clear_safe_globals()
b.seek(0)
try:
    torch.load(b)
except Exception as e:
    print(type(e).__name__)
""",
"getstate_and_setstate_of_a_programs_class_and_a_dataclass": """
import io
from dataclasses import dataclass
@dataclass
class Cfg:
    lr: float = 0.1
    steps: int = 3
class S:
    def __init__(self):
        self.a = 1
        self.cache = torch.ones(2)
    def __getstate__(self):
        print("getstate")
        d = dict(self.__dict__)
        del d["cache"]
        return d
    def __setstate__(self, st):
        print("setstate", sorted(st))
        self.__dict__.update(st)
        self.cache = None
class T:
    def __init__(self):
        self.w = torch.arange(3.)
    def __getstate__(self):
        return {"w2": self.w * 2}
b = io.BytesIO()
torch.save({"cfg": Cfg(lr=0.5), "s": S(), "t": T()}, b)
b.seek(0)
d = torch.load(b, weights_only=False)
print(d["cfg"], d["s"].a, d["s"].cache, vars(d["t"]))
b.seek(0)
try:
    torch.load(b)
except Exception as e:
    print(str(e).split("WeightsUnpickler error: ")[1].split(" was")[0])
""",
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_held15b_script_prints_as_torch(name, tmp_path):
    script = tmp_path / "prog.py"
    script.write_text("import torch\nimport copy\n" + SCRIPTS[name])
    want = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    got, stderr = run_in_language(SCRIPTS[name])
    assert (got, stderr) == (want.stdout, "")

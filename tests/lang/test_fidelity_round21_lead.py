"""Classes of difference found in the twenty-first round (issue 16) that only the language shows: one differential
program each, run in torch and in the language."""
import subprocess
import sys

import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"weakref_and_gc_show_when_a_tensor_a_module_or_an_optimizer_is_freed": """
import weakref, gc
torch.manual_seed(0)
x = torch.randn(3, requires_grad=True)
y = x * 2
s = y.sum()
r = weakref.ref(y)
del y
print(r() is None)
s.backward()
print(x.grad)
for name, f in [("data", lambda: x.data), ("T", lambda: x.T), ("detach", lambda: x.detach()), ("self", lambda: x)]:
    v = f()
    w = weakref.ref(v)
    del v
    print(name, w() is None)
m = torch.nn.Linear(2, 1)
opt = torch.optim.Adam(m.parameters())
rm, ro = weakref.ref(m), weakref.ref(opt)
del m
print(rm() is None)
del opt
gc.collect()
print(rm() is None, ro() is None)
t = torch.arange(4.)
v = t[1:]
rt = weakref.ref(t)
del t
print(rt() is None, v._base)
fin = weakref.finalize(torch.ones(1), print, "finalized")
print(fin.alive)
a = torch.ones(1)
d = weakref.WeakValueDictionary()
d["k"] = a
print(list(d.keys()), d.get("k"), "k" in d, len(d.valuerefs()))
ws = weakref.WeakSet([a])
ws.add(a)
print(len(ws), a in ws)
wk = weakref.WeakKeyDictionary({a: 1})
print(wk[a], list(wk.items()))
fin3 = weakref.finalize(a, print, "a gone")
fin3.atexit = False
print(fin3.peek()[1:], fin3.alive)
del a
print(len(d), len(ws), len(wk), isinstance(r, weakref.ref), gc.isenabled())
""",
"a_handled_exception_does_not_keep_the_statements_values_alive": """
import weakref
x = torch.ones(3, requires_grad=True)
y = x * 2
for o in (torch.float32, 1):
    try:
        weakref.ref(o)
    except TypeError as e:
        print(e)
r = weakref.ref(y)
del y
print(r() is None)
""",
"weak_references_to_what_pytorchs_c_objects_refuse_or_allow": """
import weakref
class F(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2
    @staticmethod
    def backward(ctx, g):
        return g
x = torch.ones(2, requires_grad=True)
objs = {"custom_node": F.apply(x).grad_fn, "mul": (x * 2).grad_fn, "accumulate": (x * 1).grad_fn.next_functions[0][0],
        "finfo": torch.finfo(torch.float32), "iinfo": torch.iinfo(torch.int8), "layout": torch.strided,
        "memory_format": torch.contiguous_format, "dtype": torch.float32, "size": torch.Size([2]),
        "device": torch.device("cpu"), "ret": x.max(0), "handle": x.register_hook(lambda g: g),
        "param": torch.nn.Parameter(torch.ones(1)), "fn": torch.add, "relu": torch.nn.functional.relu,
        "gelu": torch.nn.functional.gelu, "print": print, "storage": x.untyped_storage(), "gen": torch.default_generator}
for k, o in objs.items():
    try:
        r = weakref.ref(o)
        print(k, "ok", r() is o)
    except TypeError as e:
        print(k, "TypeError", e)
print(weakref.ref(x.add)())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])


# traceback's text names the program's file and shows its lines: both run the same file, as scripts
TRACEBACKS = """
import torch, traceback, sys
x = torch.ones(2, 3)
try:
    y = x.view(4)
except RuntimeError:
    traceback.print_exc(file=sys.stdout)
def f(t):
    return t @ t
def g(t):
    z = f(t) + 1
    return z
try:
    g(x)
except RuntimeError as e:
    print(traceback.format_exc())
    print(traceback.format_exception_only(type(e), e), "".join(traceback.format_exception(e)))
try:
    try:
        (x * 2)[5]
    except IndexError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError:
    traceback.print_exc(file=sys.stdout)
try:
    try:
        x + torch.ones(4)
    except RuntimeError:
        {}["k"]
except KeyError as e:
    traceback.print_exception(type(e), e, e.__traceback__, file=sys.stdout)
h = lambda t: t.sum(dim=5)
try:
    h(x)
except IndexError:
    traceback.print_exc(file=sys.stdout, limit=1)
print(traceback.format_exc(), ValueError("never raised").__traceback__)
def rec(n):
    return torch.ones(2).view(3) if n == 0 else rec(n - 1)
try:
    rec(6)
except RuntimeError:
    traceback.print_exc(file=sys.stdout)
class A:
    def m(self, t):
        return [v.view(3) for v in t]
try:
    A().m([torch.ones(2)])
except RuntimeError as err:
    saved = err
print("".join(traceback.format_exception(saved)))
try:
    y = (torch.ones(2)
         + torch.ones(3))
except RuntimeError:
    traceback.print_exc(file=sys.stdout)
try:
    assert torch.ones(1).sum() > 2, "too small"
except AssertionError:
    traceback.print_exc(file=sys.stdout)
try:
    a = torch.ones(2, requires_grad=True)
    b = (a * a).sum()
    b.backward()
    b.backward()
except RuntimeError:
    traceback.print_exc()
"""


def test_traceback_prints_pythons_text_for_a_caught_error(tmp_path):
    """CPython's frames, carets and chains, the program's own frames (those above never pass through torch's Python
    code, whose frames the engine does not have); print_exc's last line on stderr is the error's."""
    prog = tmp_path / "prog.py"
    prog.write_text(TRACEBACKS)
    want = subprocess.run([sys.executable, str(prog)], capture_output=True, text=True)
    got = subprocess.run([sys.executable, "-m", "tensorsh", "run", str(prog)], capture_output=True, text=True)
    assert got.stdout == want.stdout and got.returncode == want.returncode == 0
    assert got.stderr.splitlines()[-1] == want.stderr.splitlines()[-1]
    assert got.stderr.splitlines()[:3] == want.stderr.splitlines()[:3]

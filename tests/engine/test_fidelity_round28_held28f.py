"""Classes of difference found by the twenty-eighth round's held-out programs on training loops, optimizers,
schedulers, torch.utils.data and save/load (held28f, issue 16), one differential program each, run in torch and in
the engine."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Programs whose classes pickle must find by name in __main__: run as scripts, by torch and by `tensorsh run`.
SCRIPTS = {
"a_programs_dict_list_or_tuple_subclass_saves_whole_and_weights_only_refuses_its_class_or_its_items": """
import io, collections
P = collections.namedtuple('P', ['x', 'y'])
class C(dict):
    pass
class L(list):
    pass
class T(tuple):
    pass
def show(e):
    m = str(e)
    print(type(e).__name__, m[m.find('error:'):][:150].replace('\\n', '|'))
t = torch.arange(3.)
c = C(a=t, b=[1, 2]); c.extra = t
l = L([t, t[1:], 3]); l.name = 'lst'
objs = {'p': P(t, P(1, 2)), 'c': c, 'l': l, 't': T([t, 4]), 'again': c, 'pl': [P(x=1, y=t)], 'e': C(), 'el': L()}
buf = io.BytesIO()
torch.save(objs, buf)
buf.seek(0)
try:
    torch.load(buf)
except Exception as e:
    show(e)
buf.seek(0)
r = torch.load(buf, weights_only=False)
print(r)
print(type(r['p']).__name__, type(r['p'].y).__name__, r['p'].x is r['c']['a'], r['again'] is r['c'])
print(r['c'].extra is r['c']['a'], r['l'].name, type(r['l']).__name__, type(r['t']).__name__, type(r['e']).__name__)
r['c']['a'][0] = 9
print(r['l'][1], r['pl'][0].y)
class Obj:
    pass
torch.serialization.add_safe_globals([P, C, L, T, Obj])
c3 = C(); c3.v = 3
l3 = L(); l3.q = t
o = Obj(); o.w = C(a=1)
for obj in [P(1, t), T([t, 2]), C(z=1), C(a=1, b=2), c3, L([1]), L([1, 2]), l3, [P(1, 2), C(k=Obj())],
            {'x': L([C(), Obj()])}, o, L([collections.deque([1])]), T([C(a=1)]), P(x=L([1, 2]), y=3)]:
    buf = io.BytesIO()
    torch.save(obj, buf)
    buf.seek(0)
    try:
        r = torch.load(buf)
        print('ok', r, type(r).__name__, getattr(r, '__dict__', None))
    except Exception as e:
        show(e)
torch.serialization.clear_safe_globals()
""",
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_fidelity_round28_held28f_class_prints_as_torch(name, tmp_path):
    pytest.importorskip("torch")
    prog = tmp_path / "prog.py"
    prog.write_text("import torch\n" + SCRIPTS[name])
    want = subprocess.run([sys.executable, str(prog)], capture_output=True, text=True, timeout=300)
    got = subprocess.run([sys.executable, "-m", "tensorsh", "run", str(prog)], capture_output=True, text=True,
                         timeout=300, cwd=ROOT)
    assert want.returncode == 0, want.stderr
    assert (got.stdout, got.returncode) == (want.stdout, 0)

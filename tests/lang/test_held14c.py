"""Classes of difference found by the fourteenth round's held-out programs on storages, views, indexing and copies
(held14c): out= sharing memory with an input (TensorIterator's overlap check and the ops that check otherwise; the
matrix products' zeroed or copied out read back row by row; the vector-matrix product's [1, n] out), put_/clamp_/
index_reduce_'s overlap checks, masked_scatter_ from a source in its own memory, index_fill's index of more than one
dim, index_put's own (ATen) texts, and torch.save/torch.load of whole modules. Each program runs as a script under torch (a child process: a program's
class is pickled by its name in __main__) and in the language; stdout and the final error line must be the same."""
import os
import subprocess
import sys
import tempfile

import pytest

from test_fidelity_round5 import TRY as PRELUDE  # (t(name, f): f's result printed, or its error)
from test_torch_programs import ADDRESS, run_in_language

pytest.importorskip("torch")


def run_torch_script(src):
    """stdout of src run by Python under torch, then the last line of stderr when it failed."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "prog.py")
        with open(path, "w") as f:
            f.write("import torch\nimport copy\n" + src)
        p = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=300, cwd=d)
    text = p.stdout
    if p.returncode:
        text += p.stderr.strip().splitlines()[-1] + "\n"
    return ADDRESS.sub(" object", text)


TRY = PRELUDE + """
def ok(f):
    return lambda: [f(), "ok"][1]
def fresh():
    return torch.arange(1., 13.)
"""

PROGRAMS = {
"out_partly_sharing_an_input_is_refused_before_dtype_checks_unless_the_op_does_not_check": TRY + """
L = torch.empty(3, dtype=torch.long)
I = torch.tensor([0, 1, 2])
cases = {
    "add": lambda y: torch.add(y[:3], 1, out=y[1:4]),
    "add other": lambda y: torch.add(torch.ones(3), y[:3], out=y[1:4]),
    "add same": lambda y: torch.add(y[:3], 1, out=y[:3]),
    "add 0-dim input": lambda y: torch.add(y[1], y[:3], out=y[:3]),
    "add broadcast": lambda y: torch.add(y[:1], torch.ones(3), out=y[:3]),
    "add expanded": lambda y: torch.add(y[:1].expand(3), torch.ones(3), out=y[:3]),
    "add transposed": lambda y: torch.add(y[:6].view(2, 3).t(), 1, out=y[:6].view(3, 2)),
    "add resized": lambda y: torch.add(y[:3], 1, out=y[2:4]),
    "bitwise float": lambda y: torch.bitwise_and(y[:3], y[2:5], out=y[1:4]),
    "exp": lambda y: torch.exp(y[:3], out=y[1:4]),
    "clamp": lambda y: torch.clamp(y[:3], 0, 1, out=y[1:4]),
    "where": lambda y: torch.where(y[:3] > 1, y[:3], y[3:6], out=y[1:4]),
    "lerp": lambda y: torch.lerp(y[:3], y[1:4], 0.5, out=y[1:4]),
    "cumsum": lambda y: torch.cumsum(y[:3], 0, out=y[1:4]),
    "cumsum same": lambda y: torch.cumsum(y[:3], 0, out=y[:3]),
    "sort": lambda y: torch.sort(y[:3], out=(y[1:4], L)),
    "topk same": lambda y: torch.topk(y[:3], 3, out=(y[:3], L)),
    "max dim": lambda y: torch.max(y[:3].view(3, 1), 1, out=(y[1:4], L)),
    "max dim kept same": lambda y: torch.max(y[:3].view(3, 1), 1, out=(y[:3], L)),
    "median dim kept same": lambda y: torch.median(y[:3].view(3, 1), 1, out=(y[:3], L)),
    "kthvalue same": lambda y: torch.kthvalue(y[:3].view(3, 1), 1, 1, out=(y[:3], L)),
    "index_select same": lambda y: torch.index_select(y[:3], 0, I, out=y[:3]),
    "gather same": lambda y: torch.gather(y[:3], 0, I, out=y[:3]),
    "take same": lambda y: torch.take(y[:3], I, out=y[:3]),
    "scatter self same": lambda y: torch.scatter(y[:3], 0, I, y[3:6], out=y[:3]),
    "scatter src same": lambda y: torch.scatter(torch.zeros(3), 0, I, y[:3], out=y[:3]),
    "index_add src same": lambda y: torch.index_add(torch.zeros(3), 0, I, y[:3], out=y[:3]),
    "addmm self": lambda y: torch.addmm(y[:4].view(2, 2), torch.eye(2), torch.eye(2), out=y[1:5].view(2, 2)),
    "addmm mat1": lambda y: torch.addmm(torch.zeros(2, 2), y[:4].view(2, 2), torch.eye(2), out=y[1:5].view(2, 2)),
    "outer": lambda y: torch.outer(torch.ones(2), y[:2], out=y[1:5].view(2, 2)),
    "sum (no check)": lambda y: torch.sum(y[:3].view(3, 1), 1, out=y[1:4]),
    "mm (no check)": lambda y: torch.mm(y[:4].view(2, 2), torch.eye(2), out=y[1:5].view(2, 2)),
    "tril (no check)": lambda y: torch.tril(y[:4].view(2, 2), out=y[1:5].view(2, 2)),
    "softmax (no check)": lambda y: torch.softmax(y[:3].view(3, 1), 1, out=y[1:4]),
    "max full (no check)": lambda y: torch.max(y[:3], out=y[1]),
}
for name, f in cases.items():
    t(name, ok(lambda: f(fresh())))
y = fresh()
try:
    torch.add(y[:-1], y[1:], out=y[1:])
except RuntimeError as e:
    print(e)
print(y, y._version)
""",
"in_place_writes_check_their_sources_overlap": TRY + """
t("put_ partial", ok(lambda: fresh()[:3].put_(torch.tensor([0, 1, 2]), fresh()[1:4])))
t("put_ source in self", ok(lambda: (lambda y: y.put_(torch.tensor([0, 1, 2]), y[1:4]))(fresh())))
t("put_ source is self", ok(lambda: (lambda y: y[:3].put_(torch.tensor([0, 1, 2]), y[:3]))(fresh())))
t("put_ expanded", ok(lambda: torch.zeros(1).expand(3).put_(torch.tensor([0]), torch.tensor([1.]))))
t("put_ bad index after overlap", ok(lambda: (lambda y: y.put_(torch.tensor([99]), y[1:2]))(fresh())))
t("put fresh copy", ok(lambda: (lambda y: y.put(torch.tensor([0]), y[1:2]))(fresh())))
t("clamp_ min tensor", ok(lambda: (lambda y: y[:3].clamp_(min=y[1:4]))(fresh())))
t("clamp_ max tensor same", ok(lambda: (lambda y: y[:3].clamp_(max=y[:3]))(fresh())))
t("index_reduce_", ok(lambda: (lambda y: y[:3].index_reduce_(0, torch.tensor([0, 1, 2]), y[1:4], "prod"))(fresh())))
y = fresh()
y[:3].index_reduce_(0, torch.tensor([0, 1, 2]), y[6:9], "amax")
print(y)
""",
"masked_scatter_from_its_own_memory_reads_each_source_element_as_left": """
y = torch.arange(1., 7.)
print(y[:3].masked_scatter_(y[:3] > 1, y[:3]), y)
y = torch.arange(1., 7.)
print(y[1:4].masked_scatter_(y[:3] > 1, y[:3]), y)
w = torch.arange(6.).view(2, 3)
print(w.masked_scatter_(torch.tensor([[True], [True]]), w.t()), w)
a = torch.arange(6.).view(2, 3)
print(a[:, :2].masked_scatter_(torch.tensor([True, True]), a.view(-1)[1:5]), a)
b = torch.arange(6.)
print(b[::2].masked_scatter_(b[::2] > 0, b[1:]), b)
c = torch.arange(4.)
try:
    c.masked_scatter_(c > 0, c[:1])
except RuntimeError as e:
    print(e, c)
""",
"index_fill_refuses_an_index_of_more_than_one_dim": TRY + """
x = torch.arange(6.).reshape(2, 3)
t("fill_ 2-d", ok(lambda: x.clone().index_fill_(0, torch.tensor([[0]]), 1.)))
t("fill_ 2-d tensor value", ok(lambda: x.clone().index_fill_(0, torch.tensor([[0]]), torch.tensor(1.))))
t("fill 2-d", ok(lambda: x.index_fill(1, torch.tensor([[0, 1]]), -1.)))
t("fill empty 2-d", ok(lambda: x.index_fill(1, torch.zeros(0, 2, dtype=torch.long), -1.)))
t("fill 2-d float index", ok(lambda: x.index_fill(0, torch.tensor([[0.]]), 1.)))
t("fill 2-d bad dim", ok(lambda: x.index_fill(2, torch.tensor([[0]]), 1.)))
print(x.index_fill(1, torch.tensor(2), -1.), x.index_fill(0, torch.tensor([1]), 7.))
t("copy_ 2-d", ok(lambda: x.clone().index_copy_(0, torch.tensor([[0]]), torch.ones(1, 3))))
""",
"index_put_takes_tensors_only_and_counts_them_as_aten_does": TRY + """
x = torch.arange(6).view(2, 3)
i = torch.tensor([0])
t("three", ok(lambda: x.index_put_((i, i, i), torch.tensor(1))))
t("three out of place", ok(lambda: x.index_put((i, i, i), torch.tensor(1))))
t("four as list", ok(lambda: torch.index_put_(x, [i] * 4, torch.tensor(1))))
t("three masks", ok(lambda: x.index_put_((torch.tensor([True]),) * 3, torch.tensor(1))))
t("0-dim", ok(lambda: torch.tensor(1).index_put_((i,), torch.tensor(3))))
t("None", ok(lambda: x.index_put_((i, None, i), torch.tensor(1))))
t("int", ok(lambda: x.index_put_((0,), torch.tensor(1))))
t("mask 3-d", ok(lambda: x.index_put_((torch.ones(1, 1, 1, dtype=torch.bool),), torch.tensor(1))))
t("mask too deep", ok(lambda: x.index_put_((torch.ones(2, 3, 1, dtype=torch.bool),), torch.tensor(1))))
t("mask wrong size", ok(lambda: x.index_put_((torch.ones(2, 4, dtype=torch.bool),), torch.tensor(1))))
t("mask after index", ok(lambda: x.index_put_((i, torch.ones(3, 2, dtype=torch.bool)), torch.tensor(1))))
t("python too many", ok(lambda: x[i, i, i]))
print(x.index_put_((torch.tensor([1, 0]), torch.tensor([True, False, True])), torch.tensor(-1)))
""",
"matrix_products_into_an_input_zero_or_copy_first_then_write_row_by_row": """
A = torch.arange(4.).view(2, 2) + 1
v = torch.tensor([1., 2.])
a = A.clone()
print(torch.mm(a, torch.eye(2), out=a), a._version)
b = A.clone()
print(torch.mm(A, b.t(), out=b))
c = A.clone()
print(torch.matmul(c, c, out=c))
d = (torch.arange(6.) + 1).view(3, 2)
torch.mm(d[:2], A, out=d[1:])
print(d)
e = A.clone()
torch.addmm(torch.ones(2, 2), A, e, alpha=2, out=e)
print(e)
f = A.clone()
torch.addmm(f, f, A, out=f)
print(f)
g = A.clone()
torch.addmm(torch.zeros(2, 2), g, A, beta=0, out=g)
print(g)
x = v.clone()
print(torch.mv(A, x, out=x), torch.addmv(torch.ones(2), A, v.clone(), out=v.clone()))
y = torch.arange(6.)
torch.addmv(y[3:5], A, y[:2], out=y[1:3])
print(y)
z = torch.arange(8.).view(2, 2, 2)
torch.matmul(z, A, out=z)
print(z)
w = torch.arange(8.).view(2, 2, 2)
torch.matmul(A, w, out=w)
print(w)
u = torch.tensor([1., 2.])
print(torch.dot(u, u, out=u[0]), u)
for o in (torch.empty(1, 2), torch.empty(0), torch.empty(3), v.clone()):
    r = torch.matmul(v, A, out=o) if o.numel() != 2 else torch.matmul(o, A, out=o)
    print(r, o.shape, o._version)
""",
"whole_modules_are_saved_by_class_name_and_refused_by_a_weights_only_load": """
import io
torch.manual_seed(0)
class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(2, 2)
        self.bn = torch.nn.BatchNorm1d(2)
        self.k = 3
        self.names = ["a", (1, 2.5)]
        self.register_buffer("steps", torch.zeros(1))
        self.register_buffer("scratch", torch.ones(1), persistent=False)
    def forward(self, x):
        return self.bn(self.fc(x)) * self.k
n = Net()
n.eval()
n.tied = n.fc
buf = io.BytesIO()
torch.save({"model": n, "epoch": 4}, buf)
buf.seek(0)
d = torch.load(buf, weights_only=False)
m = d["model"]
print(type(m).__name__, m.training, m.k, m.names, d["epoch"], m.tied is m.fc)
print(m)
print(torch.equal(m.fc.weight, n.fc.weight), m.fc.weight is n.fc.weight, type(m.fc.weight).__name__)
print(m.fc.weight.requires_grad, m.fc.weight._version, list(m.state_dict().keys()))
x = torch.randn(3, 2)
print(torch.equal(m(x), n(x)))
m.fc.weight.data.fill_(0)
print(n.fc.weight.abs().sum() > 0)
s = torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.ReLU())
b2 = io.BytesIO()
torch.save(s, b2)
b2.seek(0)
s2 = torch.load(b2, weights_only=False)
print(s2, s2[0].bias.grad, s2[0].weight.is_leaf)
for f in (b2, buf):
    f.seek(0)
    try:
        torch.load(f)
    except Exception as e:
        print(type(e).__name__, str(e).splitlines()[3])
def make():
    class Local(torch.nn.Module):
        pass
    return Local()
torch.save(make(), io.BytesIO())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_held14c_class_prints_as_torch(name):
    got, _ = run_in_language(PROGRAMS[name])
    assert got == run_torch_script(PROGRAMS[name])

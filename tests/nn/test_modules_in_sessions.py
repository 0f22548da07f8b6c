"""torch.nn through the language: a failed statement takes back what it did to a Module (attributes, registries,
parameters' values and versions, hooks, running statistics); show and graph name parameters by module path."""
from tensorsh.lang.session import Session


def run_session(src):
    out = []
    session = Session(write=out.append, write_err=out.append)
    for chunk in src.split("\n---\n"):  # each chunk a separate run: an error ends only its own chunk
        err = session.run(chunk, "t.tsh")
        if err is not None:
            out.append(f"! {err.kind}\n")
    return "".join(out)


def test_a_failed_statement_takes_back_module_changes():
    out = run_session("""import torch
import torch.nn as nn
torch.manual_seed(0)
net = nn.Linear(2, 2)
w0 = net.weight.clone()
---
with torch.no_grad():
    net.weight.fill_(1.)
    net.child = nn.ReLU()
    net.register_buffer('steps', torch.zeros(1))
    net.tag = 'x'
    net.register_forward_hook(lambda m, a, o: print('hook'))
    net.bias = None
    net.train(False)
    1 / 0
---
print(net, net.training, net.weight._version, torch.equal(net.weight, w0))
print([n for n, _ in net.named_parameters()], [n for n, _ in net.named_buffers()], hasattr(net, 'tag'), net.bias.shape)
print(net(torch.ones(1, 2)).shape)
""")
    assert out == ("! ZeroDivisionError\n"
                   "Linear(in_features=2, out_features=2, bias=True) True 1 True\n"
                   "['weight', 'bias'] [] False torch.Size([2])\n"
                   "torch.Size([1, 2])\n")


def test_a_failed_load_state_dict_copies_nothing():
    out = run_session("""import torch
import torch.nn as nn
a = nn.Linear(2, 1)
b = nn.Linear(2, 1)
sd = a.state_dict()
sd.pop('bias')
---
b.load_state_dict(sd)
---
print(b.weight._version, torch.equal(b.weight, a.weight))
""")
    assert out.splitlines()[0] == "! RuntimeError"
    assert out.splitlines()[1] == "1 False"


def test_batch_norm_running_stats_roll_back():
    out = run_session("""import torch
import torch.nn as nn
bn = nn.BatchNorm1d(2)
---
y = bn(torch.tensor([[1., 2.], [3., 5.]])) + undefined
---
print(bn.running_mean, bn.num_batches_tracked)
""")
    assert out == "! NameError\ntensor([0., 0.]) tensor(0)\n"


def test_show_names_parameters_by_module_path_and_state_dict_shares_storage():
    from tensorsh.render import Renderer
    out = []
    session = Session(write=out.append, write_err=out.append, renderer=Renderer(plain=True, width=160))
    err = session.run("""import torch
import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
best = model.state_dict()
show(model, best)
graph(model(torch.ones(1, 2)).sum())
""", "t.tsh")
    assert err is None
    text = "".join(out)
    assert "S1  4 × float32 = 16 bytes, shared by model.0.weight, best['0.weight']" in text
    assert "AccumulateGrad → model.0.weight (2, 2) float32" in text
    assert "AccumulateGrad → model.0.bias (2,) float32" in text


def test_explain_follows_parameters_by_module_path():
    from tensorsh.render.explain import attach
    out = []
    session = Session(write=out.append, write_err=out.append)
    assert session.run("import torch\nimport torch.nn as nn\nm = nn.Linear(2, 1)\no = nn.Linear(2, 1)\n"
                       "m(torch.ones(1, 2)).sum().backward()\n", "t.tsh") is None
    attach(session)
    out.clear()
    assert session.run("m.zero_grad()\nm.load_state_dict(o.state_dict())\n", "t.tsh") is None
    text = "".join(out)
    assert "# m.weight.grad cleared (None)" in text
    assert "# in place: version counter of m.weight went v1 → v2" in text


def test_a_program_subclass_exposes_its_own_methods():
    import tensorsh.nn as nn
    from tensorsh.engine import creation
    from tensorsh.lang.compiler import load_attr

    def forward(self, x):
        return self.fc(x) * 2

    def scale(self):
        return 2

    def init(self):
        nn.Module.__init__(self)
        self.fc = nn.layers.Linear(2, 1)
    Net = type("Net", (nn.Module,), {"__init__": init, "forward": forward, "scale": scale,
                                     "__module__": "tensorsh.lang.compiler"})
    net = Net()
    assert load_attr(net, "scale")() == 2
    assert load_attr(net, "fc") is net.fc
    assert net(creation.ones(3, 2)).shape == (3, 1)
    assert repr(net) == "Net(\n  (fc): Linear(in_features=2, out_features=1, bias=True)\n)"

"""graph(y, "g.dot") draws what torchviz's make_dot(y, params=<the program's named tensors>) draws: the same nodes
(labels, colours) joined by the same edges. tensorsh always adds the saved tensors (orange, as torchviz's
show_saved=True, but named by variable and marked stale); those are left out of the comparison."""
import re
from collections import Counter

import pytest

from tensorsh.lang.session import Session
from tensorsh.render import default_renderer

torch = pytest.importorskip("torch")
torchviz = pytest.importorskip("torchviz")
pytestmark = pytest.mark.filterwarnings("ignore:distutils Version classes:DeprecationWarning")  # torchviz 0.0.3

NODE = re.compile(r'\t(\w+) \[label=("(?:[^"\\]|\\.)*"|\w+)(?: fillcolor=(\w+))?\]')
EDGE = re.compile(r'\t(\w+) -> (\w+)(?: \[([^\]]*)\])?')

PROGRAMS = {
    "chain": "x = torch.tensor([1., 2.], requires_grad=True)\ny = (x * 2).exp().sum()\n",
    "two_leaves_shared_node": "a = torch.ones(2, 3, requires_grad=True)\nb = torch.full((3,), 2., requires_grad=True)\n"
                              "h = a * b\ny = (h + h.sin()).mean()\n",
    "leaf_output": "y = torch.ones(3, requires_grad=True)\n",
    "no_grad_output": "x = torch.ones(3)\ny = x * 2\n",
    "view_output": "x = torch.arange(6., requires_grad=True)\ny = (x * 2).view(2, 3)[1]\n",
    "view_of_a_named_tensor": "x = torch.ones(2, 3, requires_grad=True)\nh = x * 2\ny = h.t()[0]\n",
    "view_of_a_leaf": "x = torch.ones(4, requires_grad=True)\ny = x[1:]\n",
    "large_graph_resized": "xs = [torch.ones(2, requires_grad=True) for _ in range(40)]\ny = xs[0]\n"
                           "for t in xs[1:]:\n    y = y + t\n",
    "inplace_on_view": "x = torch.ones(4, requires_grad=True)\nz = x.clone()\nz[1:3].mul_(3)\ny = z.pow(2).sum()\n",
    "matmul_broadcast": "w = torch.ones(3, 2, requires_grad=True)\nx = torch.ones(4, 3)\n"
                        "y = torch.relu(x @ w + torch.zeros(2, requires_grad=True)).sum(0)\n",
}


def structure(dot, without_saved=False):
    """Nodes as (label, colour) and edges as (label -> label, attributes), ids forgotten; the graph's size."""
    nodes = {}
    for ident, label, colour in NODE.findall(dot):
        label = label[1:-1].replace("\\n", "\n") if label.startswith('"') else label
        nodes[ident] = (label, colour)
    saved = {i for i, (_, colour) in nodes.items() if colour == "orange"} if without_saved else set()
    edges = Counter((nodes[a], nodes[b], attrs) for a, b, attrs in EDGE.findall(dot)
                    if not {a, b} & saved)
    size = re.search(r'graph \[size="([^"]*)"\]', dot).group(1)  # from the number of rows: compared without saved
    return Counter(n for i, n in nodes.items() if i not in saved), edges, size


def torchviz_dot(src):
    names = {"torch": torch}
    exec(src, names)
    params = {k: v for k, v in names.items() if torch.is_tensor(v)}
    return torchviz.make_dot(names["y"], params=params).source


def tensorsh_dot(src, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = []
    session = Session(write=out.append, write_err=out.append, renderer=default_renderer(), options={"plain": True})
    assert session.run("import torch\n" + src + 'graph(y, "g.dot")\n') is None, out
    return (tmp_path / "g.dot").read_text()


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_nodes_and_edges_as_torchviz(name, tmp_path, monkeypatch):
    src = PROGRAMS[name]
    want = torchviz_dot(src)
    got = tensorsh_dot(src, tmp_path, monkeypatch)
    nodes, edges, size = structure(got, without_saved=True)
    assert (nodes, edges) == structure(want)[:2]
    if "fillcolor=orange" not in got:
        assert size == structure(want)[2]

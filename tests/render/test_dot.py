"""graph(y, "g.dot"): Graphviz DOT in torchviz's conventions, deterministic ids, written atomically."""
import os
import shutil

import pytest

from tensorsh.lang.session import Session
from tensorsh.render import default_renderer

DOT = """\
digraph {
\tgraph [size="12,12"]
\tnode [align=left fontname=monospace fontsize=10 height=0.2 ranksep=0.1 shape=box style=filled]
\tn1 [label="y\\n ()" fillcolor=darkolivegreen1]
\tn2 [label=SumBackward0]
\tn3 [label=ExpBackward0]
\tn4 [label="result\\n (2)" fillcolor=orange]
\tn4 -> n3 [dir=none]
\tn5 [label=MulBackward0]
\tn7 [label="x\\n (2)" fillcolor=lightblue]
\tn7 -> n6
\tn6 [label=AccumulateGrad]
\tn6 -> n5
\tn5 -> n3
\tn3 -> n2
\tn2 -> n1
}
"""


def _session(out):
    return Session(write=out.append, write_err=out.append, renderer=default_renderer(), options={"plain": True})


def test_dot_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = []
    assert _session(out).run('x = tensor([1., 2.], grad)\ny = (x * 2).exp().sum()\ngraph(y, "g.dot")') is None
    assert out == []                      # a script prints only what it prints
    assert (tmp_path / "g.dot").read_text() == DOT
    assert [p.name for p in tmp_path.iterdir()] == ["g.dot"]   # no temporary file left behind


def test_stale_saved_tensor_is_labelled(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _session([]).run('a = tensor([1., 2.], grad)\nb = a.exp()\nc = b.sum()\nb.add_(1)\n'
                            'graph(c, "g.dot")') is None
    assert 'label="b (stale: v0 -> v1)\\n (2)" fillcolor=orange' in (tmp_path / "g.dot").read_text()


def test_svg_without_dot_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))
    err = _session([]).run('x = tensor([1.], grad)\ngraph(x * 2, "g.svg")')
    assert err is not None and err.kind == "RuntimeError" and "'dot' program" in err.message
    assert not (tmp_path / "g.svg").exists()


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot not installed")
def test_svg_with_dot(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _session([]).run('x = tensor([1.], grad)\ngraph(x * 2, "g.svg")') is None
    assert "<svg" in (tmp_path / "g.svg").read_text()


def test_bad_paths_are_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    err = _session([]).run('x = tensor([1.], grad)\ngraph(x, "../g.dot")')
    assert err is not None and err.kind == "ValueError"
    assert os.listdir(tmp_path) == []

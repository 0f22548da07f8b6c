"""Graphviz DOT text of a backward graph, in torchviz's conventions (leaves light blue, saved orange, root green)."""
import os
import shutil
import subprocess

from tensorsh.render.common import name_of
from tensorsh.render.graph import _children, _saved_of

HEADER = ('digraph {{\n\tgraph [size="{size},{size}"]\n'
          '\tnode [align=left fontname=monospace fontsize=10 height=0.2 ranksep=0.1 shape=box style=filled]\n')


def _size(t):
    return "(" + ", ".join(str(s) for s in t._shape) + ")"   # torchviz's size_to_str


def _quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def dot_source(session, tensor):
    """Deterministic DOT: node ids n1, n2, ... in walk order (never addresses)."""
    ids, lines = {}, []

    def ident(obj):
        key = id(obj)
        if key not in ids:
            ids[key] = f"n{len(ids) + 1}"
        return ids[key]

    seen, tensors = set(), set()

    def visit(node):
        if id(node) in seen:
            return ident(node)
        seen.add(id(node))
        nid = ident(node)
        if hasattr(node, "variable"):
            var = node.variable
            tensors.add(id(var))
            vid = ident(var)
            name = name_of(session, var) or ""
            lines.append(f"\t{vid} [label={_quote(name + chr(10) + ' ' + _size(var))} fillcolor=lightblue]")
            lines.append(f"\t{vid} -> {nid}")
            lines.append(f"\t{nid} [label={node.name_}]")
            return nid
        lines.append(f"\t{nid} [label={node.name_}]")
        for s in _saved_of(node):
            if not s.is_tensor:
                continue
            sid = ident(s)
            if s.freed or s.value is None:
                label, size = ("result" if s.is_output else "saved") + " (freed)", ""
            else:
                state = f" (stale: v{s.version} -> v{s.current_version})" if s.stale else ""
                label = (name_of(session, s.tensor) or ("result" if s.is_output else "saved")) + state
                size = chr(10) + " " + _size(s.value)
            lines.append(f"\t{sid} [label={_quote(label + size)} fillcolor=orange]")
            lines.append(f"\t{sid} -> {nid} [dir=none]")
        for child in _children(node):
            cid = visit(child)
            lines.append(f"\t{cid} -> {nid}")
        return nid

    def add_tensor(t, colour):
        """torchviz's add_base_tensor: the tensor, its grad_fn's graph, and a view's base joined by a dotted edge."""
        if id(t) in tensors:
            return
        tensors.add(id(t))
        tid = ident(t)
        lines.append(f"\t{tid} [label={_quote((name_of(session, t) or '') + chr(10) + ' ' + _size(t))} fillcolor={colour}]")
        if t.grad_fn is not None:
            lines.append(f"\t{visit(t.grad_fn)} -> {tid}")
        if t._base is not None:
            add_tensor(t._base, "darkolivegreen3")
            lines.append(f"\t{ident(t._base)} -> {tid} [style=dotted]")

    add_tensor(tensor, "darkolivegreen1")
    size = max(12, len(lines) * 0.15)  # torchviz's resize_graph: 0.15 per statement, at least 12
    return HEADER.format(size=size) + "\n".join(lines) + "\n}\n"


def svg_of(source):
    dot = shutil.which("dot")
    if dot is None:
        from tensorsh.engine.errors import TorchError
        raise TorchError("RuntimeError", "graph(y, 'g.svg') needs Graphviz's 'dot' program, which is not installed "
                                         "(write 'g.dot' instead, or install graphviz)")
    r = subprocess.run([dot, "-Tsvg"], input=source.encode(), capture_output=True, timeout=30)
    if r.returncode != 0:
        from tensorsh.engine.errors import TorchError
        raise TorchError("RuntimeError", "dot failed: " + r.stderr.decode(errors="replace").strip())
    return r.stdout



"""Graphviz DOT text of a backward graph, in torchviz's conventions (leaves light blue, saved orange, root green)."""
import os
import shutil
import subprocess

from tensorsh.render.common import children, name_of, saved_of

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
        for s in saved_of(node):
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
        for child in children(node):
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




NO_DOT = "failed to execute PosixPath('dot'), make sure the Graphviz executables are on your systems' PATH"
FORMATS = ("pdf", "svg", "png")


class Digraph:
    """What `make_dot(y)` returns, as torchviz returns graphviz's Digraph: `source` (the DOT text), `save()` (the
    DOT file), `render()` (the DOT file, and the drawing in `format` — pdf as graphviz's default, svg or png — by
    Graphviz's `dot`, with graphviz's error where it is not installed). Files are plain names in the current folder
    (as graph(y, 'g.dot')): a program writes nowhere else."""
    __api__ = frozenset({"source", "format", "save", "render", "pipe"})
    __settable__ = frozenset({"format"})
    _tsh_no_echo = True          # the shell drew the graph already; its address would say nothing

    def __init__(self, source):
        self._source = source
        self._format = "pdf"

    @property
    def source(self):
        return self._source

    @property
    def format(self):
        return self._format

    @format.setter
    def format(self, value):
        if value not in FORMATS:
            raise ValueError(f"unknown format: {value!r} (tensorsh renders {', '.join(FORMATS)})")
        self._format = value

    def __str__(self):
        return self._source

    def __repr__(self):
        return f"<graphviz.graphs.Digraph object at {id(self):#x}>"

    def save(self, filename=None, directory=None):
        path = _plain_name(filename or "Digraph.gv", directory)
        from tensorsh.fileio import write_atomic
        write_atomic(path, self._source.encode())
        return path

    def pipe(self, format=None, encoding=None):
        data = _run_dot(self._source, self._checked(format))
        return data.decode(encoding) if encoding else data

    def render(self, filename=None, directory=None, view=False, cleanup=False, format=None, outfile=None):
        if view:
            raise ValueError("tensorsh does not open viewers: render(view=True) is not supported")
        if outfile is not None:
            raise ValueError("tensorsh writes the drawing next to the DOT file: render(outfile=...) is not supported")
        fmt = self._checked(format)
        path = self.save(filename, directory)
        from tensorsh.fileio import write_atomic
        out = f"{path}.{fmt}"
        write_atomic(out, _run_dot(self._source, fmt))
        if cleanup:
            os.remove(path)
        return out

    def _checked(self, format):
        if format is not None and format not in FORMATS:
            raise ValueError(f"unknown format: {format!r} (tensorsh renders {', '.join(FORMATS)})")
        return format or self._format


def _plain_name(name, directory):
    if directory not in (None, "", ".") or not isinstance(name, str) or os.path.basename(name) != name \
            or name.startswith(".") or not name:
        raise ValueError(f"make_dot(...) writes only a plain file name in the current directory, not {name!r}")
    return name


def _run_dot(source, fmt):
    dot = shutil.which("dot")
    if dot is None:
        from tensorsh.engine.errors import TorchError
        raise TorchError("ExecutableNotFound", NO_DOT)
    r = subprocess.run([dot, f"-T{fmt}"], input=source.encode(), capture_output=True, timeout=30)
    if r.returncode != 0:
        from tensorsh.engine.errors import TorchError
        raise TorchError("CalledProcessError", "dot failed: " + r.stderr.decode(errors="replace").strip())
    return r.stdout

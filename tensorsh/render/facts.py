"""The facts why/history/compare stand on, read from engine state: where things were made, storage logs, graphs."""
import os
import re

from tensorsh.engine import autograd, undo
from tensorsh.render.common import is_tensor, variables_of

KINDS_OF_ALIAS = ("view", "detach", "data")


def where(loc):
    """file:line:col of a statement (the file's base name: answers read the same wherever the file lives)."""
    if loc is None:
        return "?"
    return f"{os.path.basename(loc.filename)}:{loc.line}:{_span(loc)[0] + 1}"


def _span(loc):
    """The statement's columns on its first line (0-based, end excluded); a node that starts inside an opening
    parenthesis (`(x * 2).sum()`) is widened to it."""
    line = loc.source_line.rstrip("\n")
    start, end = loc.col - 1, loc.end_col - 1 if loc.end_line == loc.line else len(line)
    while start > 0 and line[start:end].count(")") > line[start:end].count("("):
        start -= 1
    return start, end


def text(loc):
    """The statement's own source text (its first line, for a block)."""
    if loc is None:
        return ""
    line = loc.source_line.rstrip("\n")
    start, end = _span(loc)
    return line[start:end].strip() or line.strip()


def at(loc):
    """`statement` at file:line:col."""
    return f"`{text(loc)}` at {where(loc)}" if loc is not None else "(where: unknown)"


def names_of(session, t):
    """Variables bound to exactly this tensor object."""
    return [k for k, v in variables_of(session).items() if v is t]


def name(session, t, fallback="it"):
    found = names_of(session, t) if t is not None else []
    return found[0] if found else fallback


def events(storage):
    """The storage's log without what rolled-back statements noted."""
    return [e for e in (storage.log or ()) if e[0] == "elided" or not undo.is_undone(e[2])]


def event_tensor(e):
    return e[3]() if e[3] is not None else None


def created(t):
    """(how, location) t itself came to be: its node's statement, the alias event that made it, or its storage's."""
    fn = t._grad_fn
    for e in events(t._storage):
        if e[0] in KINDS_OF_ALIAS and event_tensor(e) is t:
            return e[0], e[1], e[4]
    if fn is not None and t._view is None:
        return "op", fn.loc, fn.name_
    return "storage", t._storage.loc, None


def sharers(session, t):
    """(name, tensor) of the other variables over t's storage."""
    return [(k, v) for k, v in variables_of(session).items()
            if is_tensor(v) and v is not t and v._storage is t._storage]


def in_block(loc, blocks_kind=False):
    """The grad-mode block (with torch.no_grad(): ...) whose lines hold loc, latest first: (loc, name, mode)."""
    if loc is None:
        return None
    for bloc, name_, mode, epoch, last in reversed(autograd.MODE_BLOCKS):
        if bloc is None or undo.is_undone(epoch) or bloc.filename != loc.filename:
            continue
        end = last.end_line if last is not None else bloc.end_line
        if bloc.line < loc.line <= end and loc.col > bloc.col:
            return bloc, name_, mode
    return None


def graph_nodes(fn):
    """Every node reachable from fn (fn included), by a walk over next_functions."""
    if fn is None:
        return []
    seen, stack, order = {fn}, [fn], []
    while stack:
        n = stack.pop()
        order.append(n)
        for nxt, _ in n.next_functions:
            if nxt is not None and nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return order


def leaves(nodes):
    return [n.variable for n in nodes if isinstance(n, autograd.AccumulateGrad)]


def accumulator(t):
    acc = t._grad_accumulator() if t._grad_accumulator is not None else None
    return acc


def backwards():
    """(loc, epoch, root nodes still alive, retain_graph, with inputs=) of the backward calls that still hold."""
    out = []
    for loc, epoch, roots, retain, inputs, reached in autograd.BACKWARDS:
        if not undo.is_undone(epoch):
            alive = [r() for r in roots if r() is not None]
            out.append((loc, epoch, alive, retain, inputs, [r() for r in reached if r() is not None],
                        len(alive) == len(roots)))
    return out


def reaches(roots, t, reached=()):
    """Whether a graph from these root nodes reaches leaf t (or t was among the leaves a backward reached)."""
    if any(v is t for v in reached):
        return True
    for n in graph_nodes_many(roots):
        if isinstance(n, autograd.AccumulateGrad) and n.variable is t:
            return True
    return False


def graph_nodes_many(roots):
    seen, out = set(), []
    for r in roots:
        for n in graph_nodes(r):
            if n not in seen:
                seen.add(n)
                out.append(n)
    return out


def mentions(loc, names):
    """Whether the statement's text uses one of these names (as a whole word)."""
    src = text(loc)
    return any(re.search(r"(?<![\w.])" + re.escape(n) + r"\b", src) for n in names)


def later(a_epoch, a_loc, b_epoch, b_loc):
    """Whether event a came after event b (statements: by epoch, then by place within one statement)."""
    if a_epoch != b_epoch:
        return a_epoch > b_epoch
    return (a_loc.line, a_loc.col) > (b_loc.line, b_loc.col) if a_loc and b_loc else False

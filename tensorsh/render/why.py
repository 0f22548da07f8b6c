"""why(expr): the cause of a state a user did not expect, in plain words, naming the statements (file:line:col)."""
from tensorsh.engine import autograd, undo
from tensorsh.render import facts as F
from tensorsh.render.common import compact_value, render_lines, shape_text, is_tensor


class Answer:
    """A headline and its supporting lines (each a fact, with the statement it comes from)."""

    def __init__(self, asked):
        self.head, self.lines = f"why({asked}):", []

    def say(self, text):
        self.head += " " + text

    def add(self, text):
        self.lines.append(text)


def why_text(session, asked, trial, plain=True, width=80):
    """One answer per argument of why(); trial(fn) runs fn and takes back everything it changed."""
    out = []
    for a in asked:
        ans = Answer(a.text)
        _answer(session, a, ans, trial)
        out.append(render_lines(ans.head, ans.lines, plain, width))
    return "".join(out)


def _answer(session, a, ans, trial):
    if a.kind == "backward":
        base, err = trial(a.base)
        if err is not None:
            return ans.say(f"{a.text} cannot be asked about: evaluating it raises {err[0]}: {err[1]}")
        return _why_backward(session, a, base, ans, trial)
    if a.kind == "attr" and a.attr in ("grad", "requires_grad", "is_leaf", "grad_fn"):
        base, err = trial(a.base)
        if err is None and is_tensor(base):
            value, err = trial(a.value)
            if err is not None:
                return ans.say(f"{a.text} raises {err[0]}: {err[1]}")
            who = F.name(session, base, a.base_text)
            if a.attr == "grad":
                return _why_grad(session, base, who, value, ans)
            if a.attr == "requires_grad":
                return _why_requires_grad(session, base, who, value, ans)
            return _account(session, base, who, ans, head=f"{a.text} is {_short(value)}.")
    value, err = trial(a.value)
    if err is not None:
        return ans.say(f"{a.text} raises {err[0]}: {err[1]}")
    if is_tensor(value):
        return _account(session, value, F.name(session, value, a.text), ans)
    ans.say(f"{a.text} is {_short(value)}, not a tensor: why() explains tensors, their .grad, .requires_grad "
            "and backward calls.")


def _short(v):
    if is_tensor(v):
        return compact_value(v, 40)
    if hasattr(v, "name") and callable(getattr(v, "name")):
        try:
            return f"<{v.name()}>"
        except Exception:
            pass
    return repr(v)


# ---------------------------------------------------------------- x.grad

def _why_grad(session, t, who, grad, ans):
    if grad is not None:
        ans.say(f"{who}.grad holds {compact_value(grad, 40)}.")
        runs = _fills(t)
        if t._grad_fn is not None:
            ans.add(f"{who} is not a leaf: {who}.retain_grad() keeps the gradient each backward passes through it")
        elif runs:
            ans.add("it was accumulated by backward " + ", ".join(F.at(e[1]) for e in runs)
                    + (" (each backward adds to .grad)" if len(runs) > 1 else ""))
        return
    if t._grad_fn is not None:
        kind, loc, op = F.created(t)
        if t._retains_grad():
            ans.say(f"{who}.grad is None: {who} is not a leaf, and no backward has reached it since "
                    f"{who}.retain_grad().")
            return _not_reached(session, t, who, ans)
        ans.say(f"{who}.grad is None because {who} is not a leaf: it was made by {t._grad_fn.name()}"
                f"{' (a view)' if t._view is not None else ''} at {F.where(loc)} `{F.text(loc)}`.")
        ans.add("backward() stores .grad only in leaves (tensors made with requires_grad=True, not by an op)")
        roots = [n for n in F.graph_nodes(t._grad_fn)]
        names = [F.name(session, v, None) for v in F.leaves(roots)]
        names = [n for n in names if n]
        if names:
            ans.add(f"its leaves are {', '.join(names)}: their .grad is filled")
        ans.add(f"call {who}.retain_grad() before backward to keep {who}'s own gradient")
        return
    if not t._requires_grad:
        ans.say(f"{who}.grad is None because {who} does not require grad.")
        return _no_grad_cause(session, t, who, ans)
    cleared = _last_cleared(t)
    runs = F.backwards()
    if cleared is not None and not (runs and F.later(runs[-1][1], runs[-1][0], cleared[2], cleared[1])):
        ans.say(f"{who}.grad is None because it was set to None at {F.where(cleared[1])} `{F.text(cleared[1])}`.")
        fills = [e for e in F.events(t._storage) if e[0] == "grad+" and F.event_tensor(e) is t]
        if fills:
            ans.add(f"backward {F.at(fills[-1][1])} had filled it before; no backward has reached {who} since")
        return
    if not runs:
        ans.say(f"{who}.grad is None because no backward has run yet: {who} is a leaf that requires grad, "
                "and backward() will fill its .grad.")
        return
    if runs[-1][4] and F.reaches(runs[-1][2], t, runs[-1][5]):
        ans.say(f"{who}.grad is None: the last backward {F.at(runs[-1][0])} was given inputs= without {who}.")
        return
    ans.say(f"{who}.grad is None because the last backward did not reach {who}.")
    if cleared is not None:
        ans.add(f"({who}.grad was set to None before it, at {F.where(cleared[1])} `{F.text(cleared[1])}`)")
    _not_reached(session, t, who, ans)


def _fills(t):
    """The backward calls that accumulated into t.grad since it was last set to None."""
    out = []
    for e in F.events(t._storage):
        if F.event_tensor(e) is t:
            if e[0] == "grad=None":
                out = []
            elif e[0] == "grad+":
                out.append(e)
    return out


def _last_cleared(t):
    last = None
    for e in F.events(t._storage):
        if e[0] == "grad=None" and F.event_tensor(e) is t:
            last = e
    return last


def _not_reached(session, t, who, ans):
    loc, epoch, roots, retain, inputs, reached, whole = F.backwards()[-1]
    nodes = F.graph_nodes_many(roots)
    leaves = list({id(v): v for v in F.leaves(nodes) + reached}.values())
    leaf_names = [n for n in (F.name(session, v, None) for v in leaves) if n]
    ans.add(f"the last backward was {F.at(loc)}; its graph reaches "
            + (", ".join(leaf_names) if leaf_names else "no named leaf"))
    stmts = {id(n.loc): n.loc for n in nodes if n.loc is not None
             and not isinstance(n, autograd.AccumulateGrad)}  # (accumulators: made when first used)
    if not whole and loc is not None:  # the graph of a temporary is gone: its statement was the backward's
        stmts[id(loc)] = loc
    stmts = list(stmts.values())
    cuts = _cuts(session, t, who, nodes, stmts)
    if cuts:
        ans.add(f"the path from {who} to that backward was cut:")
        for c in cuts:
            ans.add("  " + c)
        if t._grad_fn is None:
            ans.add(f"use {who} itself (not a detached copy, no torch.no_grad(), no integer op) where the loss "
                    f"should depend on {who}")
    else:
        ans.add(f"none of the statements that built that graph uses {who}: the loss does not depend on {who}"
                if whole or loc is not None else f"nothing noted cut {who} from that graph")


def _downstream(session, t):
    """Named tensors whose graph leads back to t (t's results), with t itself."""
    out = [(F.name(session, t, None), t)]
    target = t._grad_fn if t._grad_fn is not None else F.accumulator(t)
    if target is None:
        return out
    for k, v in F.variables_of(session).items():
        if is_tensor(v) and v is not t and v._grad_fn is not None and target in F.graph_nodes(v._grad_fn):
            out.append((k, v))
    return out


def _cuts(session, t, who, nodes, stmts):
    """Where a value computed from t lost its history on its way into the graph: detach()/.data, an op under
    no_grad, an op giving integers. Only cuts whose result the graph's statements use are named."""
    down = _downstream(session, t)
    down_names = [k for k, _ in down if k]
    graph_locs = {id(l) for l in stmts}
    found = []
    for k, v in down:
        for e in F.events(v._storage):
            if e[0] not in ("detach", "data") or e[1] is None:
                continue
            res = F.event_tensor(e)
            res_names = F.names_of(session, res) if res is not None else []
            used = id(e[1]) in graph_locs or any(F.mentions(l, res_names) for l in stmts)
            if used:
                how = "detach()" if e[0] == "detach" else ".data"
                found.append(f"{how} at {F.where(e[1])} `{F.text(e[1])}`"
                             + (f" made {', '.join(res_names)}: {k}'s values without its history" if res_names
                                else f": {k}'s values without its history"))
    for n, v in F.variables_of(session).items():
        if not is_tensor(v) or v._grad_fn is not None or v._requires_grad or any(v is d for _, d in down):
            continue
        kind, loc, _ = F.created(v)
        if kind in ("detach", "data") or loc is None or not F.mentions(loc, down_names):
            continue
        if not any(F.mentions(l, [n]) for l in stmts):
            continue
        block = F.in_block(loc)
        if not v.dtype.is_floating_point:
            found.append(f"{n} = an op giving {v.dtype.name} at {F.where(loc)} `{F.text(loc)}`: integer results "
                         "carry no gradient")
        elif block is not None and not block[2]:
            found.append(f"{n} was computed at {F.where(loc)} `{F.text(loc)}` inside `{F.text(block[0])}` at "
                         f"{F.where(block[0])}: no history is recorded there")
    return found


# ---------------------------------------------------------------- requires_grad

def _why_requires_grad(session, t, who, value, ans):
    if value:
        fn = t.grad_fn
        if fn is None:
            kind, loc, _ = F.created(t)
            ans.say(f"{who}.requires_grad is True: {who} is a leaf made with requires_grad=True "
                    f"({F.where(loc)} `{F.text(loc)}`), so backward fills {who}.grad.")
        else:
            kind, loc, _ = F.created(t)
            ans.say(f"{who}.requires_grad is True: {who} was made by {fn.name()} at {F.where(loc)} `{F.text(loc)}` "
                    "from inputs that require grad.")
        return
    ans.say(f"{who}.requires_grad is False.")
    _no_grad_cause(session, t, who, ans)


def _no_grad_cause(session, t, who, ans):
    """Why a tensor without history does not require grad: the latest cause that holds."""
    for e in reversed(F.events(t._storage)):
        if F.event_tensor(e) is not t:
            continue
        if e[0] == "requires_grad" and not e[4]:
            return ans.add(f"{who}.requires_grad_(False) turned it off at {F.where(e[1])} `{F.text(e[1])}`")
        if e[0] == "detach_":
            return ans.add(f"{who}.detach_() at {F.where(e[1])} `{F.text(e[1])}` cut {who} from its history"
                           + (f" ({e[4]})" if e[4] else ""))
    kind, loc, extra = F.created(t)
    if kind in ("detach", "data"):
        how = "detach()" if kind == "detach" else ".data"
        src = [k for k, v in F.sharers(session, t) if v.requires_grad]
        return ans.add(f"{who} was made by {how} at {F.where(loc)} `{F.text(loc)}`: it shares "
                       f"{'the storage of ' + ', '.join(src) if src else 'a storage'} but has no history and does "
                       "not require grad")
    if not t.dtype.is_floating_point:
        return ans.add(f"{who} has dtype {t.dtype}: only floating-point tensors can require grad, and ops giving "
                       f"integers or bools record no history ({who} was made at {F.where(loc)} `{F.text(loc)}`)")
    if loc is not None and loc is undo.location():  # a temporary of the why() statement itself
        return _inputs_without_grad(session, loc, who, ans)
    block = F.in_block(loc)
    if block is not None and not block[2]:
        return ans.add(f"{who} was made at {F.where(loc)} `{F.text(loc)}` inside `{F.text(block[0])}` "
                       f"({F.where(block[0])}): nothing made there records history or requires grad")
    if kind == "view":
        return ans.add(f"{who} is a view ({extra}) made at {F.where(loc)} `{F.text(loc)}` of a tensor that "
                       "did not require grad then")
    ans.add(f"{who} was created at {F.where(loc)} `{F.text(loc)}` without requires_grad=True, and none of "
            f"what it was computed from required grad")
    ans.add(f"make it a leaf that requires grad with requires_grad=True at creation, or {who}.requires_grad_()")


def _inputs_without_grad(session, loc, who, ans):
    """A value computed inside why(...) itself: it requires no grad because none of the tensors it uses do."""
    used = [(k, v) for k, v in F.variables_of(session).items() if is_tensor(v) and F.mentions(loc, [k])]
    ans.add(f"{who} is computed from {', '.join(k for k, _ in used) or 'tensors'}, none of which requires grad")
    for k, v in used:
        if not v.requires_grad:
            sub = Answer("")
            _no_grad_cause(session, v, k, sub)
            for line in sub.lines:
                ans.add("  " + line)


# ---------------------------------------------------------------- backward, without running it

def _why_backward(session, a, loss, ans, trial):
    if not is_tensor(loss):
        return ans.say(f"{a.text}: {_short(loss)} is not a tensor.")
    who = F.name(session, loss, a.base_text or "the loss")
    nodes = F.graph_nodes(loss.grad_fn) if loss.grad_fn is not None else []
    problems = _graph_problems(session, nodes)
    before = {id(v): (v, v._grad) for v in F.leaves(nodes)}
    snapshot = {id(v): (None if v._grad is None else v._grad._np.copy()) for v in F.leaves(nodes)}
    outcome, err = trial(a.value, keep=lambda: _changed(before, snapshot))
    if err is not None:
        ans.say(f"{a.text} would fail (nothing was changed: it was tried and taken back).")
        ans.add(f"{err[0]}: {err[1]}")
        if loss.grad_fn is None and not loss._requires_grad:
            ans.add(f"{who} has no grad_fn and does not require grad:")
            sub = Answer("")
            _no_grad_cause(session, loss, who, sub)
            for line in sub.lines:
                ans.add("  " + line)
            return
        if loss.numel() != 1 and "implicitly" in err[1]:
            ans.add(f"{who} has shape {shape_text(loss)}: backward() needs a gradient of that shape for a "
                    f"non-scalar (e.g. {who}.sum().backward() or {who}.backward(torch.ones_like({who})))")
            return
        for p in problems:
            ans.add(p)
        return
    reached = outcome or []
    ans.say(f"{a.text} would succeed (it was tried and taken back: nothing changed).")
    names = [F.name(session, v, None) for v in reached]
    named = [n for n in names if n]
    if reached:
        ans.add(f"it would accumulate into the .grad of {', '.join(named) if named else 'unnamed leaves'}"
                + (f" and {len(names) - len(named)} unnamed leaves" if named and len(named) < len(names) else ""))
    else:
        ans.add("it would change no leaf's .grad")
    if "retain_graph" not in a.text and "retain" not in a.text:
        ans.add(f"it frees the graph's saved tensors: a second backward through {who}'s graph would fail "
                "(retain_graph=True keeps them)")


def _changed(before, snapshot):
    import numpy as np
    out = []
    for key, (v, g) in before.items():
        old = snapshot[key]
        g = v._grad
        if g is None:
            continue
        if old is None or old.shape != g._np.shape or not np.array_equal(old, g._np, equal_nan=True):
            out.append(v)
    return out


def _graph_problems(session, nodes):
    """What in a graph would stop backward: saved values modified in place since, graphs already freed."""
    out, stale = [], {}
    freed_by = None
    for node in sorted(nodes, key=lambda n: -n.seq):  # (latest first: backward meets them in this order)
        for s in node.saved:
            if s.value is None and not s.freed:
                continue
            if s.freed:
                if freed_by is None:
                    freed_by = _freeing_backward(node)
                    out.append(f"{node.name()} (made at {F.where(node.loc)} `{F.text(node.loc)}`) has freed its "
                               "saved tensors: " + (f"backward {F.at(freed_by[0])} ran through this graph without "
                                                    "retain_graph=True" if freed_by else "an earlier backward freed them"))
                continue
            if s.is_tensor and s.stale:
                value = s.value
                counter = value._version_counter
                blame = (counter.history or {}).get(s.version + 1)
                held = s.tensor
                nm = F.name(session, held, None) if held is not None else None
                write = _write_event(value._storage, counter, s.version + 1)
                through = ""
                if write is not None:
                    wt = F.event_tensor(write)
                    wn = F.name(session, wt, None) if wt is not None else None
                    through = f" through {wn}" if wn else ""
                key = (node.name(), id(node.loc), id(blame))
                if key in stale:  # the same statement's node again: a loop made one per pass
                    stale[key][1] += 1
                    continue
                stale[key] = [len(out), 1]
                out.append(f"{node.name()} (made at {F.where(node.loc)} `{F.text(node.loc)}`) saved "
                           f"{nm or 'a tensor'} at version {s.version}; it was modified in place at "
                           f"{F.where(blame)} `{F.text(blame)}`{through} (now version {s.current_version})")
    for i, n in stale.values():
        if n > 1:
            out[i] += f"; so did {n - 1} more {'node' if n == 2 else 'nodes'} made by the same statements (a loop)"
    return out


def _write_event(storage, counter, version):
    for e in F.events(storage):
        if e[0] == "write" and e[4][1] == version:
            t = F.event_tensor(e)
            if t is None or t._version_counter is counter:
                return e
    return None


def _freeing_backward(node):
    for b in reversed(F.backwards()):
        if not b[3] and node in F.graph_nodes_many(b[2]):
            return b
    return None


# ---------------------------------------------------------------- any other tensor

def _account(session, t, who, ans, head=None):
    kind, loc, extra = F.created(t)
    fn = t.grad_fn
    ans.say(head or f"{who} is {compact_value(t, 40)}, {shape_text(t)} {t.dtype.name}.")
    if fn is not None:
        ans.add(f"not a leaf: made by {fn.name()} at {F.where(loc)} `{F.text(loc)}`")
        names = [F.name(session, v, None) for v in F.leaves(F.graph_nodes(fn))]
        names = [n for n in names if n]
        if names:
            ans.add(f"its graph reaches the leaves {', '.join(names)}")
    elif t.requires_grad:
        ans.add(f"a leaf that requires grad, made at {F.where(loc)} `{F.text(loc)}`")
    else:
        ans.add(f"a leaf that does not require grad, made at {F.where(loc)} `{F.text(loc)}`"
                + (f" by {'detach()' if kind == 'detach' else '.data'}" if kind in ("detach", "data") else ""))
    sh = F.sharers(session, t)
    if sh:
        same = [k for k, v in sh if v._version_counter is t._version_counter]
        other = [k for k, v in sh if v._version_counter is not t._version_counter]
        ans.add(f"shares its storage with {', '.join(k for k, _ in sh)}"
                + (f"; version counter shared with {', '.join(same)}" if same else "")
                + (f"; {', '.join(other)} {'counts its' if len(other) == 1 else 'count their'} versions separately (.data)"
                   if other else ""))
    ans.add(f"version {t._version_counter.value}")
    writes = [e for e in F.events(t._storage) if e[0] == "write" and e[1] is not None]
    if writes:
        ans.add("its storage was written (latest first):")
        for e in reversed(writes[-8:]):
            wt = F.event_tensor(e)
            wn = F.name(session, wt, None) if wt is not None else None
            before, after, _ = e[4]
            ans.add(f"  {F.where(e[1])} `{F.text(e[1])}`" + (f" through {wn}" if wn else "")
                    + f" (version {before} -> {after})")
        if len(writes) > 8:
            ans.add(f"  ... {len(writes) - 8} earlier writes: history({who}) lists them all")
    elif t._version_counter.value == 0:
        ans.add("its storage was never written in place")

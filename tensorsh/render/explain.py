"""Explain mode: after each statement, say in plain words what changed in storages, versions, graph and grads.

The session calls observers after each successful statement; the state after one statement is the
"before" of the next (a failed statement is rolled back, so that snapshot stays true).
"""
from tensorsh.render.common import children, compact_value, is_tensor, module_tensors, saved_of, shape_text, storage_label

NODE_CAP = 5000


def _nodes(roots):
    """Every graph node reachable from roots, in walk order (capped)."""
    seen, order, stack = set(), [], list(reversed(roots))
    while stack and len(order) < NODE_CAP:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        order.append(node)
        stack.extend(reversed(children(node)))
    return order


class Snapshot:
    """A cheap picture of the session's tensors: identities, storages, versions, grads, graph nodes."""

    def __init__(self, session):
        self.vars = {}
        for name, t in _tensors(session):
            g = t._grad
            self.vars[name] = (t, t._storage, t._version_counter, t._version_counter.value, g,
                               None if g is None or g._np.size > 1000 else g._np.copy(), t._grad_fn,
                               t._requires_grad)
        self.storages = {v[1].id for v in self.vars.values()}
        self.nodes = _nodes([v[6] for v in self.vars.values()])
        self.node_ids = {id(n) for n in self.nodes}
        self.stale = {id(s) for n in self.nodes for s in saved_of(n) if s.is_tensor and not s.freed and s.stale}
        self.freed = {id(s) for n in self.nodes for s in saved_of(n) if s.freed}


def _tensors(session):
    """(name, tensor) for the session's tensors and its modules' parameters and buffers (`model.fc.weight`), so
    load_state_dict's copies, zero_grad and in-place activations are explained like any tensor's changes."""
    for name, v in session.variables.items():
        if is_tensor(v):
            yield name, v
        else:
            for path, t in module_tensors(v):
                yield f"{name}.{path}", t


def _lookup(session, name):
    """The tensor a snapshot name stands for now (a variable, or a module's parameter by path), or None."""
    v = session.variables.get(name)
    if v is not None or "." not in name:
        return v
    head, _, path = name.partition(".")
    return dict(module_tensors(session.variables.get(head))).get(path)


def _name(session, t, fallback=None):
    for k, v in _tensors(session):
        if v is t:
            return k
    return fallback or f"a {shape_text(t)} tensor"


def _describe_saved(session, s):
    if s.freed:
        return f"a freed tensor (v{s.version})"
    if not s.is_tensor:
        return None if s.value is None else repr(s.value)
    return f"{_name(session, s.tensor, 'its output' if s.is_output else None)} (v{s.version})"


def _node_words(session, node):
    if hasattr(node, "variable"):
        return None
    saved = [d for d in (_describe_saved(session, s) for s in saved_of(node)) if d is not None]
    saves = "saves " + ", ".join(saved) if saved else "saves nothing"
    return f"{node.name_} ({saves})"


def explain(session, before, after):
    """Lines describing what changed between two snapshots."""
    lines = []
    for name, entry in after.vars.items():
        t = entry[0]
        old = before.vars.get(name)
        if old is not None and old[0] is t:
            continue
        label = storage_label(session, t._storage)
        sharers = [k for k, v in after.vars.items() if k != name and v[1] is t._storage]
        if t._storage.id in before.storages or sharers:
            other = sharers[0] if sharers else "an earlier tensor"
            counter = "and its version counter" if any(after.vars[k][2] is t._version_counter for k in sharers) \
                else "but has its own version counter"
            text = f"{name}: shares storage {label} with {other} {counter} (no copy)"
        else:
            st = t._storage
            text = f"{name}: new storage {label} ({st.data.size} \u00d7 {st.dtype_name}, {st.nbytes()} bytes)"
        fn = t.grad_fn
        if fn is not None:
            text += f"; made by {fn.name_}, not a leaf"
        elif t.requires_grad:
            text += f"; a leaf that requires grad (backward fills {name}.grad)"
        lines.append(text)
    for name in before.vars:
        if _lookup(session, name) is None:
            lines.append(f"{name}: deleted")
    new_nodes = [n for n in after.nodes if id(n) not in before.node_ids]
    words = [w for w in (_node_words(session, n) for n in new_nodes) if w]
    if words:
        lines.append("graph: new node" + ("s " if len(words) > 1 else " ") + "; ".join(words))
    moved = {}
    for name, entry in before.vars.items():
        t, counter, value = entry[0], entry[2], entry[3]
        if counter.value != value and _lookup(session, name) is t:
            moved.setdefault(id(counter), [counter, value, []])[2].append(name)
    for counter, value, names in moved.values():
        lines.append(f"in place: version counter of {', '.join(names)} went v{value} \u2192 v{counter.value}")
    for node in after.nodes:
        for s in saved_of(node):
            if s.is_tensor and not s.freed and s.stale and id(s) not in before.stale and id(node) in before.node_ids:
                lines.append(f"warning: {node.name_} saved {_name(session, s.tensor, 'a tensor')} at v{s.version}; "
                             f"it is now v{s.current_version} \u2014 backward through it will fail")
    freed = [n.name_ for n in after.nodes
             if any(s.is_tensor and s.freed and id(s) not in before.freed for s in saved_of(n))]
    if freed:
        lines.append("backward freed the saved tensors of " + ", ".join(freed)
                     + " (another backward through them needs retain_graph=True)")
    for name, entry in after.vars.items():
        old = before.vars.get(name)
        if old is None or old[0] is not entry[0]:
            continue
        t, g = entry[0], entry[4]
        if old[6] is not entry[6] and entry[6] is not None:
            if getattr(entry[6], "_dirty_outputs", None):  # a custom Function's ctx.mark_dirty
                lines.append(f"{name}: modified in place by the custom Function {entry[6]._forward_cls.__name__}, "
                             f"which said so with ctx.mark_dirty: its version went up and its grad_fn is now "
                             f"{entry[6].name_}, so backward goes through the Function's backward")
            else:
                lines.append(f"{name}: grad_fn is now {entry[6].name_} (the in-place op joined its history)")
        if old[7] != entry[7]:
            lines.append(f"{name}: requires_grad is now {entry[7]}")
        if g is None and old[4] is not None:
            lines.append(f"{name}.grad cleared (None)")
        elif g is not None and old[4] is None:
            lines.append(f"{name}.grad written: {compact_value(g, 40)}")
        elif g is not None and (g is not old[4] or (old[5] is not None and entry[5] is not None
                                                     and (old[5].shape != entry[5].shape
                                                          or not (old[5] == entry[5]).all()))):
            lines.append(f"{name}.grad accumulated: now {compact_value(g, 40)}")
    return lines


class Explainer:
    """An observer: keeps the last snapshot and writes what the next statement changed."""

    def __init__(self, session, prefix="  # "):
        self.prefix = prefix
        self.enabled = True
        self.write = None           # where notes go; None: the session's output (a shell may collect them)
        self.last = Snapshot(session)

    def __call__(self, session, statement):
        after = Snapshot(session)
        if self.enabled:
            lines = explain(session, self.last, after)
            if lines:
                (self.write or session.write)("".join(self.prefix + line + "\n" for line in lines))
        self.last = after


def attach(session):
    """Turn explain mode on for a session (idempotent); returns the observer."""
    for obs in session.observers:
        if isinstance(obs, Explainer):
            obs.enabled = True
            obs.last = Snapshot(session)
            return obs
    obs = Explainer(session)
    session.observers.append(obs)
    return obs


def detach(session):
    session.observers[:] = [o for o in session.observers if not isinstance(o, Explainer)]

"""show(...): a table of tensors grouped by storage, then each storage with the elements each view covers; an
optimizer as its parameters with their versions, grads and state buffers."""
from tensorsh.render.common import (storage_label, label_storages, compact_value, shape_text, grad_fn_name,
                                    covered_range, covered_elements, expand_modules, name_of, render)

MAP_LIMIT = 48   # storages up to this many elements get an element map


def _autograd(t):
    fn = grad_fn_name(t)
    if fn is not None:
        return fn
    return "leaf, requires_grad" if t.requires_grad else "leaf"


def _version(t):
    # an inference tensor (made under inference_mode, unlike no_grad) has no version counter at all
    return "none (inference)" if t._version_counter.inference else str(t._version_counter.value)


def _grad(t):
    g = t._grad
    return "None" if g is None else compact_value(g, 24)


def rows(session, items):
    """One dict per tensor, grouped by storage in order of first appearance."""
    label_storages(session, [t._storage for _, t in items])     # new ones numbered oldest first
    out = []
    for name, t in items:
        out.append({
            "name": name, "tensor": t, "value": compact_value(t, 44), "shape": shape_text(t),
            "dtype": t.dtype.name, "storage": storage_label(session, t._storage), "offset": str(t._offset),
            "stride": shape_text(type("S", (), {"_shape": t._stride})), "version": _version(t),
            "autograd": _autograd(t), "grad": _grad(t),
        })
    order = {}
    for r in out:
        order.setdefault(r["storage"], len(order))
    out.sort(key=lambda r: order[r["storage"]])
    return out


def _new_table(plain):
    from rich import box
    from rich.table import Table
    return Table(box=box.SIMPLE_HEAD if plain else box.ROUNDED, pad_edge=not plain, show_edge=not plain,
                 collapse_padding=plain, header_style=None if plain else "bold")


def _add_columns(table, columns, plain):
    for title, key, style in columns:
        table.add_column(title, style=None if plain else style, no_wrap=key not in ("value", "grad"),
                         overflow="fold")


VALUE_COLUMNS = (("name", "name", "bold cyan"), ("value", "value", None), ("grad", "grad", None))
LAYOUT_COLUMNS = (("name", "name", "bold cyan"), ("shape", "shape", None), ("dtype", "dtype", "dim"),
                  ("storage", "storage", "magenta"), ("offset", "offset", None), ("stride", "stride", None),
                  ("ver", "version", "yellow"), ("autograd", "autograd", "green"))


def _tables(data, plain):
    values = _new_table(plain)
    _add_columns(values, VALUE_COLUMNS, plain)
    for r in data:
        values.add_row(*(r[k] for _, k, _ in VALUE_COLUMNS))
    layout = _new_table(plain)
    _add_columns(layout, LAYOUT_COLUMNS, plain)
    for i, r in enumerate(data):
        last_of_group = i + 1 < len(data) and data[i + 1]["storage"] != r["storage"]
        layout.add_row(*(r[k] for _, k, _ in LAYOUT_COLUMNS), end_section=last_of_group)
    return values, layout


def storage_lines(session, items):
    """Text lines describing each storage: size, who shares it, version counters, element maps."""
    groups = {}
    for name, t in items:
        groups.setdefault(storage_label(session, t._storage), []).append((name, t))
    lines = []
    for label, members in groups.items():
        st = members[0][1]._storage
        n = st.data.size
        names = ", ".join(name for name, _ in members)
        head = f"{label}  {n} \u00d7 {st.dtype_name} = {st.nbytes()} bytes"
        head += f", shared by {names}" if len(members) > 1 else f", used by {names}"
        counters = {}
        for name, t in members:
            counters.setdefault(id(t._version_counter), []).append((name, t._version_counter.value))
        lines.append(head)
        if len(counters) > 1:
            head = "    separate version counters: " + "; ".join(
                ", ".join(nm for nm, _ in group) + f" at v{group[0][1]}" for group in counters.values())
        elif len(members) > 1:
            head = f"    one version counter, at v{members[0][1]._version_counter.value}"
        else:
            head = None
        if head:
            lines.append(head)
        width = max(len(name) for name, _ in members)
        for name, t in members:
            rng = covered_range(t)
            where = "no elements" if rng is None else (
                f"element {rng[0]}" if rng[0] == rng[1] else f"elements {rng[0]}..{rng[1]}")
            cells = covered_elements(t) if n <= MAP_LIMIT else None
            if cells is not None:
                bar = "".join("\u2588" if i in cells else "\u00b7" for i in range(n))
                if len(cells) < (rng[1] - rng[0] + 1 if rng else 0):
                    where += " (strided)"
                lines.append(f"    {name:<{width}}  [{bar}]  {where}")
            else:
                lines.append(f"    {name:<{width}}  {where}")
    return lines


def _is_optimizer(obj):
    return hasattr(obj, "param_groups") and hasattr(obj, "state") and hasattr(obj, "zero_grad")


def _state_text(value):
    """One state entry: a tensor's version and values (a 0-dim one, `step`, as its number), else its repr."""
    if isinstance(value, (list, tuple)):  # LBFGS's history: list the tensors it holds, briefly
        shown = [v for v in value if v is not None]
        items = ", ".join(_state_text(v) for v in shown[:2]) + (", ..." if len(shown) > 2 else "")
        return f"[{items}]" + (f" ({len(shown)} of {len(value)} set)" if len(shown) < len(value) else
                                f" ({len(value)})" if len(value) > 2 else "")
    if not hasattr(value, "_storage"):
        return repr(value)
    if not value._shape:
        return f"{value.item():g}"
    return f"v{value._version_counter.value} {compact_value(value, 30)}"


OPTIMIZER_COLUMNS = (("group", "group", "dim"), ("param", "param", "bold cyan"), ("shape", "shape", None),
                     ("ver", "version", "yellow"), ("grad", "grad", None), ("state", "state", None))


def optimizer_table(session, name, opt, plain):
    """Each parameter of each group: its version (step() bumps it), its grad, and its state buffers."""
    from rich.text import Text
    table = _new_table(plain)
    _add_columns(table, OPTIMIZER_COLUMNS, plain)
    index = 0
    for g, group in enumerate(opt.param_groups):
        for p in group["params"]:
            state = opt.state.get(p, {})
            entries = [f"{k}: {_state_text(v)}" for k, v in state.items()] or ["(none yet)"]
            table.add_row(str(g), name_of(session, p) or f"params[{index}]", shape_text(p),
                          str(p._version_counter.value), _grad(p), Text("\n".join(entries)))  # (Text: no markup)
            index += 1
    groups = "; ".join(f"group {g}: lr={group.get('lr')}" for g, group in enumerate(opt.param_groups))
    return [Text(f"{name}: {type(opt).__name__}, {groups}"), table]


def show_text(session, items, plain=True, width=80):
    optimizers = [(name, o) for name, o in items if _is_optimizer(o)]
    items = [(name, t) for name, t in expand_modules(items) if hasattr(t, "_storage")]
    if not items and not optimizers:
        return "(no tensors to show)\n"
    from rich.text import Text
    parts = []
    if items:
        data = rows(session, items)
        values, layout = _tables(data, plain)
        lines = storage_lines(session, [(r["name"], r["tensor"]) for r in data])
        parts = [values, Text(""), layout, Text(""), Text("\n".join(lines))]
    for name, opt in optimizers:
        parts += ([Text("")] if parts else []) + optimizer_table(session, name, opt, plain)
    return render(parts, plain, width)

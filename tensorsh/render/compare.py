"""compare(a, b, ...): tensors side by side — storage, version counter, layout, autograd — differences marked."""
from tensorsh.render import facts as F
from tensorsh.render.common import compact_value, render, shape_text, storage_label, tensor_variables


def _graph_of(session, t):
    """Variables whose autograd graph contains t (its node, or its leaf accumulator)."""
    target = t._grad_fn if t._grad_fn is not None else F.accumulator(t)
    if target is None:
        return "-"
    names = [k for k, v in tensor_variables(session)
             if v is not t and v._grad_fn is not None and target in F.graph_nodes(v._grad_fn)]
    return ", ".join(names) or "-"


def _base(session, t):
    b = t._base
    if b is None:
        return "None"
    return F.name(session, b, "a tensor")


def rows(session, items):
    """(property, [cell per argument]) in the order a reader asks."""
    counters = {}
    cells = {k: [] for k in ("value", "shape/dtype", "storage", "shares storage with", "version counter",
                             "data_ptr", "offset/stride", "requires_grad", "is_leaf", "grad_fn", "_base", "grad",
                             "in the graph of")}
    for i, (text, t) in enumerate(items):
        others = [o for j, (o, u) in enumerate(items) if j != i and u._storage is t._storage]
        others += [k for k, v in tensor_variables(session)
                   if v._storage is t._storage and v is not t and k not in others and k != text]
        label = counters.setdefault(id(t._version_counter), f"C{len(counters) + 1}")
        with_ = [k for k, v in tensor_variables(session) if v._version_counter is t._version_counter and v is not t]
        fn = t.grad_fn
        cells["value"].append(compact_value(t, 24))
        cells["shape/dtype"].append(f"{shape_text(t)} {t.dtype.name}")
        cells["storage"].append(storage_label(session, t._storage))
        cells["shares storage with"].append(", ".join(others) or "-")
        cells["version counter"].append(f"{label} at v{t._version_counter.value}"
                                        + (f" (with {', '.join(with_)})" if with_ else ""))
        # data_ptr() as the storage's start plus bytes: equal exactly when PyTorch's are, and the same every run
        cells["data_ptr"].append(f"{storage_label(session, t._storage)}+{t._offset * t.dtype.itemsize}B"
                                 if t.numel() else "0")
        cells["offset/stride"].append(f"{t._offset} / {shape_text(type('S', (), {'_shape': t._stride}))}")
        cells["requires_grad"].append(str(t.requires_grad))
        cells["is_leaf"].append(str(fn is None))
        cells["grad_fn"].append(fn.name() if fn is not None else "None")
        cells["_base"].append(_base(session, t))
        cells["grad"].append("None" if t._grad is None else compact_value(t._grad, 20))
        cells["in the graph of"].append(_graph_of(session, t))
    return list(cells.items())


def compare_text(session, items, plain=True, width=80):
    from rich import box
    from rich.table import Table
    from rich.text import Text
    table = Table(box=box.SIMPLE_HEAD if plain else box.ROUNDED, pad_edge=not plain, show_edge=not plain,
                  collapse_padding=plain, header_style=None if plain else "bold")
    table.add_column("", style=None if plain else "bold cyan", no_wrap=True)
    for text, _ in items:
        table.add_column(text, overflow="fold")
    differ = 0
    for prop, values in rows(session, items):
        same = len(set(values)) == 1
        differ += not same
        label = prop if same or not plain else prop + " *"
        style = None if plain or same else "bold yellow"
        table.add_row(label, *[Text(v, style=style) for v in values])
    note = Text("* differs between the arguments" if plain else "differences in yellow", style=None if plain else "dim")
    # plain text is never folded: a table as wide as its cells (columns headed by source text stay whole)
    wide = width if not plain else max(width, 200)
    return render([table, note], plain, wide) if differ else render([table], plain, wide)

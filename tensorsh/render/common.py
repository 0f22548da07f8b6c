"""Shared helpers for the views: stable storage labels, variable names, compact values, a rich console."""
import io
import re
import weakref

_labels = weakref.WeakKeyDictionary()   # session -> {storage id: "S1"}
_global_labels = {}                     # when there is no session (tests on bare tensors)


def storage_label(session, storage):
    """S1, S2, ... in order of creation, never an address: when a storage first needs a label, every unlabelled
    storage of the session's tensor variables gets one too, oldest first (so `show(y)` before `show(x)` still calls
    x's older storage S1); a label once given stays."""
    try:
        table = _labels.setdefault(session, {}) if session is not None else _global_labels
    except TypeError:
        table = _global_labels
    label = table.get(storage.id)
    if label is None:
        label_storages(session, [storage], table)
        label = table[storage.id]
    return label


def label_storages(session, storages, table=None):
    """Give the storages (and the session's variables') labels in creation order, those that have none."""
    if table is None:
        try:
            table = _labels.setdefault(session, {}) if session is not None else _global_labels
        except TypeError:
            table = _global_labels
    new = {st.id for st in storages if st.id not in table}
    if not new:
        return
    new.update(t._storage.id for _, t in tensor_variables(session) if t._storage.id not in table)
    for sid in sorted(new):               # storage ids count up from one as storages are made
        table[sid] = f"S{len(table) + 1}"


def variables_of(session):
    return getattr(session, "variables", {}) if session is not None else {}


def is_tensor(v):
    from tensorsh.engine.tensor import Tensor
    return isinstance(v, Tensor)


def tensor_variables(session):
    return [(k, v) for k, v in variables_of(session).items() if is_tensor(v)]


def name_of(session, tensor):
    """The first variable bound to exactly this tensor object, else a Module's parameter or buffer by its path
    (`model.fc1.weight`), or None."""
    variables = variables_of(session)
    for k, v in variables.items():
        if v is tensor:
            return k
    for k, v in variables.items():
        for path, t in module_tensors(v):
            if t is tensor:
                return f"{k}.{path}"
    return None


def is_module(v):
    """A torch.nn Module (told by its registries, so rendering never imports the nn package)."""
    d = getattr(v, "__dict__", None)
    return isinstance(d, dict) and "_parameters" in d and "_modules" in d and hasattr(type(v), "named_parameters")


def module_tensors(v):
    """(path, tensor) for a Module's parameters then buffers, in PyTorch's order; nothing for other values."""
    if not is_module(v):
        return []
    return list(v.named_parameters()) + list(v.named_buffers())


def expand_modules(items):
    """show(model): a Module stands for its parameters and buffers, named `model.path`; a dict (a state_dict)
    for its tensor values, named `sd['key']`."""
    out = []
    for name, v in items:
        if is_module(v):
            out.extend((f"{name}.{path}", t) for path, t in module_tensors(v))
        elif isinstance(v, dict):
            out.extend((f"{name}[{k!r}]", t) for k, t in v.items() if is_tensor(t))
        else:
            out.append((name, v))
    return out


def shape_text(t):
    return "(" + ", ".join(str(s) for s in t._shape) + ("," if len(t._shape) == 1 else "") + ")"


def saved_of(node):
    """What a graph node saved, as SavedValue facts (custom Functions describe theirs with saved_info)."""
    info = getattr(node, "saved_info", None)
    return tuple(info()) if info is not None else tuple(getattr(node, "saved", ()))


def children(node):
    """The nodes a graph node passes gradients to, in next_functions order."""
    return [fn for fn, _ in getattr(node, "next_functions", ()) if fn is not None]


def compact_value(t, limit=30):
    """PyTorch's printed numbers on one line, cut to `limit` characters."""
    from tensorsh.engine.printing import tensor_repr
    text = tensor_repr(t._np, t.dtype.name)
    text = text[len("tensor("):-1] if text.startswith("tensor(") else text
    text = re.sub(r",\s*dtype=torch\.\w+$", "", text)
    text = re.sub(r"\s+", " ", text.replace("\n", " ")).replace("[ ", "[")
    if len(text) > limit:
        text = text[:limit - 1] + "\u2026"
    return text


def grad_fn_name(t):
    fn = t.grad_fn
    return fn.name() if fn is not None else None


def covered_range(t):
    """(first, last) storage element a tensor can touch, or None when it has no elements."""
    if any(s == 0 for s in t._shape):
        return None
    lo = hi = t._offset
    for size, stride in zip(t._shape, t._stride):
        if stride >= 0:
            hi += (size - 1) * stride
        else:
            lo += (size - 1) * stride
    return lo, hi


def covered_elements(t, cap=4096):
    """The set of storage element indices a tensor covers (for small tensors), else None."""
    import numpy as np
    n = 1
    for s in t._shape:
        n *= s
    if n > cap:
        return None
    idx = np.full(tuple(t._shape), t._offset, dtype=np.int64) if t._shape else np.array(t._offset)
    for d, (size, stride) in enumerate(zip(t._shape, t._stride)):
        shape = [1] * len(t._shape)
        shape[d] = size
        idx = idx + (np.arange(size) * stride).reshape(shape)
    return set(int(i) for i in np.ravel(idx))


def console(plain, width):
    """A rich Console writing into a string: plain = no colour, fixed width, no terminal codes."""
    from rich.console import Console
    buf = io.StringIO()
    if plain:
        c = Console(file=buf, width=width or 80, color_system=None, force_terminal=False, no_color=True,
                    highlight=False, emoji=False, legacy_windows=False, soft_wrap=False)
    else:
        c = Console(file=buf, width=width, force_terminal=True, highlight=False, emoji=False)
    return c, buf


def render(renderables, plain, width):
    c, buf = console(plain, width)
    for r in renderables:
        c.print(r)
    text = buf.getvalue()
    if plain:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text


def render_lines(head, lines, plain, width, indent="  "):
    """A headline and its indented lines: plain text as is (never wrapped: answers stay greppable), or rich
    colour with the headline in bold and `code` spans highlighted, wrapped by the terminal."""
    if plain:
        return "\n".join([head] + [indent + line for line in lines]) + "\n"
    from rich.text import Text
    body = Text(head, style="bold")
    for line in lines:
        body.append("\n" + indent)
        for i, part in enumerate(line.split("`")):
            body.append(part, style="cyan" if i % 2 else None)
    c, buf = console(False, width)
    c.print(body, soft_wrap=True)
    return buf.getvalue()

"""graph(y): the backward graph behind a tensor as a tree (PyTorch's node names), or Graphviz DOT / SVG."""
from tensorsh.render.common import children, compact_value, name_of, render, saved_of, shape_text


def _label_saved(session, saved):
    """How a saved value reads: the variable it is, or its shape, with the version it was saved at."""
    if saved.freed:
        if not saved.is_tensor:  # a Python number PyTorch keeps as a tensor, and frees with the rest
            return "saved value: freed by backward (retain_graph=True keeps it)"
        t = saved.tensor
        name = name_of(session, t) if t is not None else None
        what = name or ("result" if saved.is_output else "tensor")
        return f"saved {what} (v{saved.version}): freed by backward (retain_graph=True keeps it)"
    if not saved.is_tensor:
        return f"saved {saved.value!r}" if saved.value is not None else None
    t = saved.tensor
    name = name_of(session, t)
    what = name if name else ("result" if saved.is_output else f"tensor {shape_text(t)} {t.dtype.name}")
    if saved.stale:
        return (f"saved {what}: STALE \u2014 saved at v{saved.version}, now v{saved.current_version}"
                " \u2014 backward will fail")
    return f"saved {what} (v{saved.version})"


def _shared_nodes(root):
    """Nodes reachable along more than one path: drawn once, referenced afterwards."""
    seen, shared, stack = set(), set(), [root]
    while stack:
        node = stack.pop()
        for child in children(node):
            if id(child) in seen:
                shared.add(id(child))
            else:
                seen.add(id(child))
                stack.append(child)
    return shared


def _leaf_text(session, node):
    var = node.variable
    name = name_of(session, var)
    shape = f"{shape_text(var)} {var.dtype.name}"
    return f"{node.name_} \u2192 {name} {shape}" if name else f"{node.name_} \u2192 unnamed leaf {shape}"


def tree_lines(session, tensor):
    """The tree as (depth, text, kind) triples; kind styles it: node, leaf, saved, stale, ref."""
    root = tensor.grad_fn
    if root is None:
        name = name_of(session, tensor) or "this tensor"
        if tensor.requires_grad:
            return [(0, f"{name} is a leaf (AccumulateGrad collects its .grad); it has no graph behind it", "leaf")]
        return [(0, f"{name} has no graph: requires_grad=False", "node")]
    shared, numbers, out = _shared_nodes(root), {}, []

    def visit(node, depth):
        key = id(node)
        if key in numbers:
            out.append((depth, f"{node.name_} [{numbers[key]}] (shown above)", "ref"))
            return
        tag = ""
        if key in shared:
            numbers[key] = len(numbers) + 1
            tag = f" [{numbers[key]}]"
        if hasattr(node, "variable"):
            out.append((depth, _leaf_text(session, node) + tag, "leaf"))
            return
        inner = getattr(node, "fn", None)
        wraps = f" (in-place {inner.name_} on a view)" if inner is not None and hasattr(inner, "name_") else ""
        out.append((depth, node.name_ + tag + wraps, "node"))
        for s in saved_of(node):
            text = _label_saved(session, s)
            if text:
                out.append((depth + 1, text, "stale" if s.freed or (s.is_tensor and s.stale) else "saved"))
        for child in children(node):
            visit(child, depth + 1)

    visit(root, 0)
    return out


STYLES = {"node": "bold", "leaf": "cyan", "saved": "dark_orange", "stale": "bold red", "ref": "dim"}


def graph_text(session, tensor, plain=True, width=80):
    from rich.tree import Tree
    from rich.text import Text
    lines = tree_lines(session, tensor)
    name = name_of(session, tensor)
    title = f"{name} = {compact_value(tensor, 40)}" if name else compact_value(tensor, 40)
    top = Tree(Text(title, style="" if plain else "bold green"), guide_style="" if plain else "dim")
    stack = [(-1, top)]
    for depth, text, kind in lines:
        while stack[-1][0] >= depth:
            stack.pop()
        branch = stack[-1][1].add(Text(text, style="" if plain else STYLES[kind]))
        stack.append((depth, branch))
    return render([top], plain, width)


def write_graph_file(session, tensor, path):
    """g.dot: Graphviz text; g.svg: rendered by the `dot` program. Written atomically."""
    from tensorsh.fileio import write_atomic
    from tensorsh.render.dot import dot_source, svg_of
    source = dot_source(session, tensor)
    if path.endswith(".svg"):
        write_atomic(path, svg_of(source))
    else:
        write_atomic(path, source.encode())

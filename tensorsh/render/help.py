"""Texts for the shell's :help — the language, builtins and tensor methods, in PyTorch's terms."""

LANGUAGE = """\
tensorsh runs a small language for PyTorch experiments; every value, error and warning is what
PyTorch 2.13 prints. Both spellings work:
  x = tensor([1., 2.], grad)        x = torch.tensor([1., 2.], requires_grad=True)
  backward(y)  backward(y, retain)  y.backward()  y.backward(retain_graph=True)
  with no_grad:                     with torch.no_grad():
  grad(y, x)                        torch.autograd.grad(y, x)
  deepcopy(x)                       copy.deepcopy(x)
Statements: assignment, x[0] = 2., x += 1, print(...), with/for blocks (end with an empty line).
Views of state PyTorch hides:
  show(x, y)    a table: storage (S1, S2...), offset, strides, version counter, grad_fn, grad
  graph(y)      the backward graph: node names, leaves, saved tensors and their versions
  graph(y, "g.dot")   Graphviz DOT (g.svg when the dot program is installed)
Shell: Tab completes, Ctrl-R searches history, Ctrl-C cancels a line, Ctrl-D leaves.
Answers PyTorch cannot give (naming the statements responsible, file:line:col):
  why(x.grad)   why a .grad is None (or what filled it); why(t.requires_grad), why(y) (who wrote it)
  why(loss.backward())   would it fail, and why, without running it (nothing changes)
  history(t)    every write to t's storage and every view or alias of it; history() for all
  compare(x.detach(), x.data, x.clone())   side by side: storage, version counter, autograd
Topics: :help show, :help graph, :help why, :help history, :help compare, :help backward, :help detach,
:help <any tensor method>
"""

# answers: an example each, shown as written (real output of tensorsh)
EXAMPLES = {
    "why": """why(expr) answers, in plain words and with the statements responsible (file:line:col), the questions
PyTorch leaves open. It never changes state: a backward asked about is tried and taken back.
  why(x.grad)            None because x is not a leaf / does not require grad (since when) / was not
                         reached by the last backward (cut by detach(), .data, no_grad, an integer op)
                         / was set to None (which line); or which backward filled it
  why(t.requires_grad)   created without it, under no_grad, detached, integer dtype ...
  why(y)                 what y is: leaf or not, storage shared with whom, version, writes (latest first)
  why(loss.backward())   would it fail (a saved tensor modified at which line, a graph freed by which
                         backward, a non-scalar) or which leaves' .grad it would fill
Example:
  x = tensor([1., 2.], grad)
  w = tensor([3., 4.], grad)
  y = x.detach()
  loss = (y * w).sum()
  loss.backward()
  why(x.grad)
  why(x.grad): x.grad is None because the last backward did not reach x.
    the last backward was `loss.backward()` at <stdin>:5:1; its graph reaches w
    the path from x to that backward was cut:
      detach() at <stdin>:3:1 `y = x.detach()` made y: x's values without its history
    use x itself (not a detached copy, no torch.no_grad(), no integer op) where the loss should depend on x
""",
    "history": """history(t) lists the timeline of t's storage: its creation, every in-place write (statement, the tensor
it went through, version before -> after), every view or alias taken (detach(), .data, slices ...).
history() merges the timelines of every tensor variable's storage. Long timelines are summarised.
Example:
  x = tensor([1., 2.], grad)
  y = x.detach()
  y.add_(1)
  history(x)
  history(x): storage S1 (2 x float32), used by x, y; version 1
    <stdin>:1:1  created   `x = tensor([1., 2.], grad)`
    <stdin>:2:1  alias     `y = x.detach()` detach() -> y: shares storage and version counter, no history
    <stdin>:3:1  write     `y.add_(1)` through y, version 0 -> 1
""",
    "compare": """compare(a, b, ...) sets tensors side by side, one column per argument headed by its source text: value,
storage (and who shares it), version counter (C1, C2 ...: shared or not), data_ptr, offset/stride,
requires_grad, is_leaf, grad_fn, _base, grad, and in which variable's graph it is. Rows that differ are
marked * in plain text and yellow on a terminal.
Example:
  x = tensor([1., 2.], grad)
  compare(x.detach(), x.data, x.clone())
                         x.detach()         x.data          x.clone()
  ────────────────────────────────────────────────────────────────────────
  storage *              S1                 S1              S2
  shares storage with *  x.data, x          x.detach(), x   -
  version counter *      C1 at v0 (with x)  C2 at v0        C3 at v0
  requires_grad *        False              False           True
  grad_fn *              None               None            CloneBackward0
  ...
""",
}

TOPICS = {
    "show": "show(x, y, ...) draws a table of tensors (all tensor variables when empty): value, shape, dtype, "
            "which storage (S1, S2, ... tensors sharing one are grouped), offset, strides, version counter, "
            "autograd role and grad; then each storage with the elements each view covers.",
    "graph": "graph(y) draws the backward graph behind y, as PyTorch names its nodes (MulBackward0, ...); leaves "
             "are AccumulateGrad with the variable's name; saved tensors show the version they were saved at and "
             "are marked STALE when an in-place op changed them since (backward will then fail). graph(y, 'g.dot') "
             "writes Graphviz DOT like torchviz's make_dot.",
    "tensor": "tensor(data, grad) = torch.tensor(data, requires_grad=True): a new tensor copying data, "
              "float32 by default for floats, int64 for ints.",
    "backward": "backward(y) = y.backward(): computes gradients of y (a scalar, or pass a gradient: backward(y, "
                "ones(3))) and accumulates them into the .grad of leaves that require grad. The graph's saved "
                "tensors are freed unless retain (retain_graph=True).",
    "grad": "grad(y, x) = torch.autograd.grad(y, x): returns the gradients as a tuple instead of accumulating into "
            ".grad. In a creation call, a bare `grad` means requires_grad=True. x.grad is the accumulated gradient.",
    "detach": "x.detach(): a new tensor sharing x's storage AND its version counter, cut from the graph "
              "(requires_grad=False). In-place changes through it are seen by x and by backward's version check.",
    "data": "x.data: like detach() but with its own version counter, so in-place changes through it escape "
            "autograd's version check (silently wrong gradients are possible).",
    "clone": "x.clone(): a copy in a new storage that stays in the graph (CloneBackward0).",
    "view": "x.view(shape): the same storage with new shape/strides (no copy); fails if strides do not allow it.",
    "reshape": "x.reshape(shape): a view when the strides allow it, otherwise a copy.",
    "contiguous": "x.contiguous(): x itself when already contiguous, otherwise a copy in a new storage.",
    "no_grad": "with no_grad: (torch.no_grad()) — operations inside record no graph; results do not require grad.",
    "retain_grad": "y.retain_grad(): keep .grad for a non-leaf tensor after backward.",
    "register_hook": "x.register_hook(lambda g: g * 2): a function run on the gradient of x during backward; "
                     "what it returns replaces the gradient.",
    "_version": "x._version: the version counter, shared by x's views; every in-place op bumps it. Backward checks "
                "that saved tensors still have the version they were saved at.",
    "deepcopy": "deepcopy(x) = copy.deepcopy(x): a new leaf with its own storage; an error for non-leaf tensors "
                "that require grad.",
}


def help_text(topic, meta=None):
    topic = (topic or "").strip().lstrip(".")
    if not topic:
        lines = [LANGUAGE, "Commands:"]
        for cmd, what in (meta or {}).items():
            lines.append(f"  {cmd:<9} {what}")
        return "\n".join(lines) + "\n"
    if topic.startswith(":") and meta and topic in meta:
        return f"{topic} {meta[topic]}\n"
    if topic in EXAMPLES:
        return EXAMPLES[topic]
    if topic in TOPICS:
        import textwrap
        return textwrap.fill(TOPICS[topic], 80) + "\n"
    from tensorsh.engine.tensor import Tensor
    from tensorsh.engine.torch_api import NAMESPACE
    if topic.endswith("_") and topic[:-1] in Tensor.__api__ and topic in Tensor.__api__:
        return (f"x.{topic}(...) is the in-place form of x.{topic[:-1]}(...): it writes into x's storage and bumps "
                "its version counter (seen by every view); on a leaf that requires grad it is an error.\n")
    if topic in Tensor.__api__:
        return f"Tensor.{short_signature(Tensor, topic)} \u2014 as torch.Tensor.{topic} in PyTorch.\n"
    if topic in NAMESPACE:
        return f"torch.{topic} \u2014 as in PyTorch (also a bare builtin: {topic}(...)).\n"
    return f"no help for '{topic}'; try :help, :help show, :help graph, or a tensor method name\n"


def short_signature(cls, name):
    """`add_(other, alpha=1)` for a method, `attribute` for a property: the completion menu's meta."""
    import inspect
    attr = inspect.getattr_static(cls, name, None)
    if isinstance(attr, property):
        return "attribute"
    fn = getattr(cls, name, None)
    if not callable(fn):
        return "attribute"
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return f"{name}(...)"
    params = [p for p in sig.parameters.values() if p.name != "self"]
    text = ", ".join(str(p).replace(" ", "") for p in params)
    if len(text) > 40:
        text = text[:39] + "\u2026"
    return f"{name}({text})"

"""why(expr): the one builtin that sees its argument before it runs, so it can answer without changing state."""
from tensorsh.lang import ast as A


class Asked:
    """One argument of why(): its source text and closures for it and its parts, bound to the running frame.
    kind: "attr" (x.grad: base = x, attr = "grad"), "backward" (loss.backward(...) / backward(loss): base =
    loss) or "value"."""
    __slots__ = ("text", "node", "kind", "attr", "_value", "_base", "_frame", "base_text")

    def __init__(self, text, node, kind, attr, value, base, frame, base_text=None):
        self.text, self.node, self.kind, self.attr = text, node, kind, attr
        self._value, self._base, self._frame = value, base, frame
        self.base_text = base_text  # the source text of the part asked about (x of x.grad, loss of backward(loss))

    def value(self):
        return self._value(self._frame)

    def base(self):
        return self._base(self._frame)


def asks(node):
    return isinstance(node.func, A.Name) and node.func.id == "why" and not node.keywords and all(
        not isinstance(a, A.Starred) for a in node.args)


def compile_why(compiler, node, func, call):
    """The call site `why(...)`: when the name means the builtin, hand the session closures, not values."""
    from tensorsh.lang.builtins import WHY
    parts = [_parts(compiler, a) for a in node.args]
    texts = tuple(compiler.source.text_of(a) for a in node.args)
    special = compiler.hooks.special_call

    def ask(frame):
        if func(frame) is not WHY:
            return call(frame)
        asked = [Asked(text, a, kind, attr, value, base, frame, base_text)
                 for text, a, (kind, attr, value, base, base_text) in zip(texts, node.args, parts)]
        return special(WHY, asked, {}, texts, node)
    return ask


def _parts(compiler, node):
    value, text = compiler.expr(node), compiler.source.text_of
    if isinstance(node, A.Attribute):
        return "attr", node.attr, value, compiler.expr(node.value), text(node.value)
    if isinstance(node, A.Call):
        f = node.func
        if isinstance(f, A.Attribute) and f.attr == "backward":
            return "backward", None, value, compiler.expr(f.value), text(f.value)
        if isinstance(f, A.Name) and f.id == "backward" and node.args and not isinstance(node.args[0], A.Starred):
            return "backward", None, value, compiler.expr(node.args[0]), text(node.args[0])
    return "value", None, value, None, None


def trial(session, fn, keep=None):
    """Run fn() with its output and warnings hidden, then take back everything it changed (the undo journal):
    (value, None), or (keep() when given, None), or (None, (kind, message)) if it raised."""
    from tensorsh.engine import undo
    from tensorsh.engine.errors import set_warning_sink
    saved = session._write, session._warnings, undo.location(), dict(session.variables)  # (session._loc reads undo's)
    session._write, session._warnings = (lambda text: None), []
    sink = set_warning_sink(lambda *a: None)
    journal, outer = undo.begin()
    try:
        value = fn()
        return (keep() if keep is not None else value), None
    except Exception as e:
        kind = getattr(e, "kind", None) or type(e).__name__
        message = getattr(e, "message", None)
        return None, (kind, message if isinstance(message, str) else str(e))
    finally:
        journal.rollback()
        undo.end(journal, outer)
        set_warning_sink(sink)
        session._write, session._warnings, location, variables = saved
        undo.set_location(location)
        session.variables.clear()
        session.variables.update(variables)


def answer(session, fn, args, kwargs, texts):
    """why / history / compare: checked arguments, then the renderer's text."""
    name = fn.name
    if kwargs:
        raise TypeError(f"{name}() got an unexpected keyword argument '{next(iter(kwargs))}'")
    renderer = session._renderer()
    if name == "why":
        if not args:
            raise TypeError("why() takes at least 1 argument (0 given): why(x.grad), why(t.requires_grad), "
                            "why(y), why(loss.backward())")
        asked = [a if isinstance(a, Asked) else Asked(t, None, "value", None, (lambda _, v=a: v), None, None)
                 for t, a in zip(texts, args)]  # (why reached by another name: its arguments already ran)
        return renderer.why(session, asked, lambda f, keep=None: trial(session, f, keep))
    from tensorsh.engine.tensor import Tensor
    for text, a in zip(texts, args):
        if not isinstance(a, Tensor):
            raise TypeError(f"{name}() takes tensors, and {text} is a '{type(a).__name__}'")
    if name == "history":
        if len(args) > 1:
            raise TypeError(f"history() takes at most 1 argument ({len(args)} given)")
        return renderer.history(session, args[0] if args else None, texts[0] if texts else None)
    if len(args) < 2:
        raise TypeError(f"compare() takes at least 2 tensors ({len(args)} given)")
    return renderer.compare(session, list(zip(texts, args)))

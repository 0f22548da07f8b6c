"""The traceback module a program imports: CPython's own text for an exception the program caught (its frames,
carets and chain), its frames the program's own: the calls an error passed through, as the language records them.
Frames of torch's Python code between them (a Module's __call__, backward's) are not the engine's to show."""
import os

from tensorsh.lang.compiler import TracebackOf, python_exception

_SENTINEL = object()


def exception_name(cls):
    """A class's name as Python's traceback ends with it: qualified by its module unless builtins or the program's
    (`dataclasses.FrozenInstanceError: cannot assign to field 'a'`)."""
    kind = getattr(cls, "_tsh_kind", None)
    if kind is not None:
        return kind
    module = cls.__module__
    if module in ("builtins", "__main__") or module.startswith("tensorsh"):
        return cls.__name__
    if module.startswith("numpy"):  # (the engine's numpy underneath: its error by the Python class it derives from)
        return next(c.__name__ for c in cls.__mro__ if c.__module__ == "builtins")
    return f"{module}.{cls.__qualname__}"


def _framed(node):
    """(node, its frame's name) for each frame node's position stands for: a comprehension that ran at once is a
    frame of its own, called where the comprehension is."""
    code = getattr(node, "_code", "<module>")
    if isinstance(code, tuple):
        name, comprehension = code
        return [*_framed(comprehension), (node, name)]
    return [(node, code)]


def _frame(node, name):
    import traceback as _py  # (only when a program asks: start-up does not pay for it)
    src = node._src
    first, last = src.line(node.line), src.line(node.end_line)
    filename = src.filename if src.filename.startswith("<") else os.path.abspath(src.filename)
    return _py.FrameSummary(filename, node.line, name, lookup_line=False,
                            line=first + "\n", end_lineno=node.end_line, colno=len(first[:node.col - 1].encode()),
                            end_colno=len(last[:node.end_col - 1].encode()))


def frames(exc, limit=None):
    """exc's frames, the outermost (where it was caught) first."""
    node = getattr(exc, "_tsh_node", None)
    if node is None or getattr(node, "_src", None) is None:
        return []
    nodes = [*reversed(getattr(exc, "_tsh_calls", None) or ()), node]
    found = [_frame(*f) for n in nodes if getattr(n, "_src", None) is not None for f in _framed(n)]
    if limit is not None:
        found = found[:limit] if limit >= 0 else found[limit:]
    return found


def format_exception_only(exc, /, value=_SENTINEL):
    if value is not _SENTINEL:
        exc = value
    if exc is None:
        return ["NoneType: None\n"]
    name = exception_name(type(exc))
    text = str(exc)
    lines = [f"{name}: {text}\n" if text else f"{name}\n"]
    notes = getattr(exc, "__notes__", None)
    if isinstance(notes, (list, tuple)):
        lines.extend(f"{n}\n" for n in notes)
    return lines


def format_exception(exc, /, value=_SENTINEL, tb=_SENTINEL, limit=None, chain=True):
    if value is not _SENTINEL:
        exc = value
    if isinstance(tb, TracebackOf) and tb.exception is not exc:  # (another's traceback given: its frames)
        return _lines(exc, limit, False, set(), tb.exception)
    return _lines(exc, limit, chain, set())


def _lines(exc, limit, chain, seen, frames_of=None):
    if exc is None:
        return ["NoneType: None\n"]
    seen.add(id(exc))
    out = []
    if chain:
        cause, context = exc.__cause__, exc.__context__
        if cause is not None:
            cause = python_exception(cause)
            if id(cause) not in seen:
                out += _lines(cause, limit, chain, seen)
                out.append("\nThe above exception was the direct cause of the following exception:\n\n")
        elif context is not None and not exc.__suppress_context__:
            context = python_exception(context)
            if id(context) not in seen:
                out += _lines(context, limit, chain, seen)
                out.append("\nDuring handling of the above exception, another exception occurred:\n\n")
    stack = frames(exc if frames_of is None else frames_of, limit)
    if stack:
        out.append("Traceback (most recent call last):\n")
        out += _format(stack)
    return out + format_exception_only(exc)


def _format(stack):
    import traceback as _py
    return _py.StackSummary.from_list(stack).format()


def format_tb(tb, limit=None):
    return _format(frames(tb.exception, limit)) if isinstance(tb, TracebackOf) else []


def module(stderr, handling):
    """The traceback namespace's members; stderr: where print_* write by default; handling(): the exception the
    innermost running `except` block handles, or None."""
    def write(lines, file):
        (stderr if file is None else file).write("".join(lines))

    def print_exception(exc, /, value=_SENTINEL, tb=_SENTINEL, limit=None, file=None, chain=True):
        write(format_exception(exc, value, tb, limit, chain), file)

    def format_exc(limit=None, chain=True):
        return "".join(_lines(handling(), limit, chain, set()))

    def print_exc(limit=None, file=None, chain=True):
        write(_lines(handling(), limit, chain, set()), file)

    def print_tb(tb, limit=None, file=None):
        write(format_tb(tb, limit), file)

    return {"print_exception": print_exception, "format_exception": format_exception, "format_exc": format_exc,
            "print_exc": print_exc, "format_exception_only": format_exception_only, "format_tb": format_tb,
            "print_tb": print_tb}

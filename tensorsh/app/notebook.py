"""Notebook cells over the shell's Session: what the Jupyter kernel and the `%%tensorsh` magic share.

A front end gives three callbacks (stream text, a display bundle, the cell's result) and runs cells, each
returning its error or None; nothing here imports Jupyter. Every view the session's renderer draws (show,
graph, and any view added later) becomes a display bundle: its plain text as `text/plain`, its colour
rendering as rich's HTML, and a graph also as SVG when Graphviz's `dot` is on the PATH.
"""
import html
import re
import secrets
import shutil

from tensorsh.app.shell import Shell, completions, summary, _entry, _indent_after

WIDTH = 80          # the plain text, as a terminal or a golden file has it
HTML_WIDTH = 120    # the drawn tables: their rounded boxes and padding need room an 80-column terminal lacks
PRE = ("<pre style=\"font-family:Menlo,'DejaVu Sans Mono',consolas,'Courier New',monospace;"
       "line-height:1.1;margin:0;white-space:pre\">{code}</pre>")


def html_of(ansi_text, width=HTML_WIDTH):
    """Terminal colour text (rich's own rendering) as an HTML <pre> with inline styles."""
    import io
    from rich.console import Console
    from rich.text import Text
    console = Console(record=True, file=io.StringIO(), width=width, force_terminal=True, color_system="truecolor",
                      highlight=False, emoji=False)
    console.print(Text.from_ansi(ansi_text.rstrip("\n")), soft_wrap=True)
    return console.export_html(inline_styles=True, code_format=PRE)


class DisplayRenderer:
    """Stands in for the session's renderer: any view method it is asked for runs on a plain and a colour
    renderer; the bundle waits in `views` and the session's output gets a marker where the view stood, so a
    view lands between the prints around it."""

    def __init__(self):
        from tensorsh.render import Renderer
        self.plain_renderer = Renderer(plain=True)
        self.colour_renderer = Renderer(plain=False)
        self.views = []
        nonce = secrets.token_hex(8)        # a program cannot print a marker it does not know
        self.marker = f"\x00tsh-view-{nonce}-{{}}\x00"
        self.markers = re.compile(f"\x00tsh-view-{nonce}-(\\d+)\x00\n?")

    def __getattr__(self, name):
        method = getattr(self.plain_renderer, name)
        if name.startswith("_") or not callable(method):
            return method

        def view(session, *args, **kwargs):
            text = method(session, *args, **kwargs)
            if not isinstance(text, str) or not text:
                return text            # a view written to a file says nothing
            options = session.options
            width, options["width"] = options.get("width"), HTML_WIDTH    # renderers take the session's width
            try:
                colour = getattr(self.colour_renderer, name)(session, *args, **kwargs)
            finally:
                options["width"] = width
            bundle = {"text/plain": text.rstrip("\n"), "text/html": html_of(colour)}
            if name == "graph" and shutil.which("dot"):
                svg = _svg(session, args[0])
                if svg:     # front ends show text/html first: the picture goes beside the tree there too
                    bundle["image/svg+xml"] = svg
                    bundle["text/html"] = ("<div style=\"display:flex;flex-wrap:wrap;gap:2em;align-items:flex-start\">"
                                           f"{bundle['text/html']}{svg[svg.find('<svg'):]}</div>")
            self.views.append(bundle)
            return self.marker.format(len(self.views) - 1)
        return view


def _svg(session, tensor):
    from tensorsh.render.dot import dot_source, svg_of
    try:
        return svg_of(dot_source(session, tensor)).decode()
    except Exception:          # a failing `dot` costs the picture, not the cell: the HTML tree is there
        return None


class NotebookShell(Shell):
    """The shell's session and meta commands (`:reset`, `:explain on`, ...), cell by cell.

    `out(name, text)` gets stream text ("stdout"/"stderr"), `display(bundle)` a view or explain notes,
    `result(bundle)` the value of a cell's last bare expression."""

    def __init__(self, out, display, result, width=WIDTH):
        super().__init__(write=lambda text: out("stdout", text), write_err=lambda text: out("stderr", text),
                         plain=True, width=width)
        self.out, self.display, self.result = out, display, result
        self.renderer = DisplayRenderer()

    def _new_session(self):
        session = super()._new_session()
        session.renderer = self.renderer
        return session

    def run_cell(self, code, filename):
        """Run a cell: leading `:` lines are meta commands, the rest one program. Returns None or the UserError.

        A failed cell leaves the session as it was before the cell: the statements before the failing one
        are undone too (their output stays shown), so running the fixed cell again starts from the same state."""
        lines = code.split("\n")
        total = len(lines)
        while lines and (lines[0].strip().startswith(":") or not lines[0].strip()):
            line = lines.pop(0).strip()
            if line and not self.meta(line):
                self.out("stderr", f"{line} leaves nothing in a notebook: restart or shut down the kernel instead\n")
        code = "\n".join(lines)
        if not code.strip():
            return None
        from tensorsh.engine import undo
        from tensorsh.lang.errors import UserError
        session = self.session
        try:
            # the meta lines stay as blank lines: errors name the cell's own line numbers
            statements = session.compile("\n" * (total - len(lines)) + code, filename)
        except UserError as e:
            return e
        except KeyboardInterrupt:
            return interrupted(filename)
        before = dict(session.variables)
        journal, outer = undo.begin()
        error = None
        try:
            for i, stmt in enumerate(statements):
                result = session.execute(stmt)
                self._emit(result)
                self.transcript.append(_entry(stmt, result, ""))     # for :save
                if result.error is not None:
                    error = result.error
                    break
                if i == len(statements) - 1 and result.value is not None \
                        and not getattr(type(result.value), "_tsh_no_echo", False):  # (make_dot's Digraph: drawn)
                    self.result(self.bundle_of(result.value))
        except KeyboardInterrupt:      # between two statements: nothing located to blame
            error = interrupted(filename)
        finally:
            if error is not None:
                journal.rollback()
            undo.end(journal, outer)
        if error is not None:
            session.variables.clear()
            session.variables.update(before)
            if self._explainer is not None:
                from tensorsh.render.explain import Snapshot
                self._explainer.last = Snapshot(session)
        return error

    def _emit(self, result):
        for w in result.warnings:
            self.out("stderr", f"{w}\n")
        self.stream_with_views(result.output)
        if self._pending:
            notes = "".join(self._pending)
            self._pending.clear()
            self.display({"text/plain": notes.rstrip("\n"),
                          "text/html": html_of(f"\x1b[2m{notes.rstrip(chr(10))}\x1b[0m")})

    def stream_with_views(self, text):
        """Output text with the views' markers replaced by display bundles, in order."""
        pos = 0
        views = self.renderer.views
        for m in self.renderer.markers.finditer(text):
            if m.start() > pos:
                self.out("stdout", text[pos:m.start()])
            self.display(views[int(m.group(1))])
            pos = m.end()
        if pos < len(text):
            self.out("stdout", text[pos:])
        views.clear()

    def bundle_of(self, value):
        """A value's text/plain (its repr, as PyTorch prints it), and for a tensor an HTML line more about it."""
        text = repr(value)
        bundle = {"text/plain": text}
        if hasattr(value, "_storage"):
            bundle["text/html"] = (f"<pre style=\"margin:0\">{html.escape(text)}</pre>"
                                   f"<div style=\"opacity:0.65;font-family:monospace;font-size:90%\">"
                                   f"{html.escape(_about(value))}</div>")
        return bundle

    # ---- what the front ends ask between cells ----
    def complete(self, code, cursor_pos):
        """(matches, start, end, metadata) for the text before the cursor."""
        text = code[:cursor_pos]
        found = list(completions(self, text))
        back = found[0][1] if found else 0
        return [name for name, _, _ in found], cursor_pos - back, cursor_pos, {
            "_jupyter_types_experimental": [{"text": name, "start": cursor_pos - n, "end": cursor_pos,
                                             "type": _kind(meta), "signature": meta if "(" in meta else ""}
                                            for name, n, meta in found]}

    def inspect(self, code, cursor_pos):
        """Shift-Tab's text for the name at (or the call around) the cursor, or None."""
        word = _word_at(code, cursor_pos)
        if not word:
            return None
        return describe(self.session, word)

    def is_complete(self, code):
        """('complete' | 'incomplete' | 'invalid', indent) as `jupyter console` asks before running."""
        if not code.strip() or code.lstrip().startswith(":"):
            return "complete", ""
        state = self.compile_state(code)
        if state == "error":
            return "invalid", ""
        if self.should_run(code):
            return "complete", ""
        return "incomplete", _indent_after(code.rstrip("\n").split("\n")[-1])


def interrupted(filename):
    from tensorsh.lang.errors import UserError
    return UserError("KeyboardInterrupt", "", filename, detail="interrupted (Ctrl-C) while running this cell")


def _about(t):
    """shape, dtype, version, autograd role: what the repr leaves out (no storage label: naming a storage here
    would renumber the S1, S2 ... of the next show())."""
    from tensorsh.render.common import shape_text
    fn = t.grad_fn
    role = f"grad_fn={fn.name()}" if fn is not None else ("leaf, requires_grad" if t.requires_grad else "leaf")
    return (f"{shape_text(t)} {t.dtype.name} \u00b7 offset {t._offset} \u00b7 v{t._version_counter.value} \u00b7 {role}"
            + (" \u00b7 has .grad" if t._grad is not None else ""))


def _kind(meta):
    return {"variable": "instance", "builtin": "function", "keyword": "keyword", "module": "module",
            "torch": "function", "attribute": "property"}.get(meta, "function" if "(" in meta else "text")


def _word_at(code, pos):
    """The dotted name under the cursor, or the one whose call the cursor is inside."""
    left, right = code[:pos], code[pos:]
    word = re.search(r"[A-Za-z_][\w.]*$", left)
    tail = re.match(r"\w*", right).group(0)
    if word:
        return (word.group(0) + tail).rstrip(".")
    depth = 0
    for i in range(len(left) - 1, -1, -1):      # inside a call: the name before its open bracket
        c = left[i]
        if c in ")]":
            depth += 1
        elif c in "([":
            if depth == 0:
                m = re.search(r"[A-Za-z_][\w.]*$", left[:i])
                return m.group(0) if m and c == "(" else None
            depth -= 1
    return None


def describe(session, word):
    """`torch.Tensor.add_(other, alpha=1)` and a line of help, for a method, torch function, builtin or variable."""
    from tensorsh.engine.tensor import Tensor
    from tensorsh.engine.torch_api import NAMESPACE
    from tensorsh.render.help import help_text, short_signature
    owner, _, name = word.rpartition(".")
    if not owner:
        if name in session.variables:
            value = session.variables[name]
            return f"{name}: tensor {_about(value)}" if hasattr(value, "_storage") else f"{name}: {summary(value)}"
        if name not in session.builtins:
            return None
        head = f"torch.{_signature(NAMESPACE[name], name)}" if name in NAMESPACE else name
        return f"{head}\n{help_text(name).strip()}"
    if owner == "torch" and owner not in session.variables:
        return f"torch.{_signature(NAMESPACE[name], name)}\n{help_text(name).strip()}" if name in NAMESPACE else None
    value = session.variables.get(owner)
    cls = type(value) if value is not None and not isinstance(value, Tensor) and hasattr(value, "__api__") else Tensor
    if value is None and owner.split(".")[0] in ("torch", "copy", "torchviz"):
        return None        # torch.nn.X and the like: no signatures of their own yet
    if name not in getattr(cls, "__api__", ()):
        return None
    sig = short_signature(cls, name)
    head = f"torch.Tensor.{sig}" if cls is Tensor else f"{type(value).__name__}.{sig}"
    return f"{head}\n{help_text(name).strip() if cls is Tensor else ''}".rstrip("\n")


def _signature(fn, name):
    import inspect
    try:
        sig = str(inspect.signature(fn))
    except (TypeError, ValueError):
        return f"{name}(...)"
    return name + ("(...)" if sig == "(*args, **kwargs)" else sig)

"""The interactive shell: a prompt_toolkit loop over one Session (console separate from interpreter, as in codeop).

Start-up matters (issue 7): only prompt_toolkit is imported before the first prompt; the engine and the
language load in a background thread while the user types, and rich only when something renders.
"""
import os
import re
import sys
import threading

PROMPT = "tsh> "
CONTINUATION = "...  "
KEYWORDS = ("with", "for", "in", "lambda", "import", "from", "as", "is", "not", "and", "or", "del", "assert",
            "True", "False", "None", "def", "class", "if", "elif", "else", "while", "try", "except", "finally",
            "return", "raise", "break", "continue", "pass", "global", "nonlocal")
META = {
    ":help": "[topic]  the language, a builtin or a tensor method, in PyTorch terms",
    ":vars": "every variable with a one-line summary",
    ":reset": "forget every variable (a fresh session)",
    ":load": "FILE  run a .tsh file into this session",
    ":save": "FILE  write this session as a .tsh golden file, with #> output and #! errors",
    ":explain": "on|off  after each statement, say what changed",
    ":timeit": "STATEMENT  time a statement (it really runs, many times)",
    ":undo": "[N]  take back the last statement (or N): values, storages, versions, grads, graphs, variables, "
             "the random generator (the last 100 are kept, holding at most 256 MB of arrays)",
    ":redo": "[N]  run again what :undo took back (until a new statement runs)",
    ":quit": "leave the shell (Ctrl-D too)",
}
UNDONE = ("the statement was undone as a whole (every iteration of a loop): variables, tensors, versions and "
          "grads are as they were before it")
_PROMPT_RE = re.compile(r"^(>>> ?|tsh> ?|\.\.\. ?|In \[\d+\]: |\s*\.\.\.: )")


def banner():
    from tensorsh import __version__
    return f"tensorsh {__version__} \u2014 PyTorch storage and autograd experiments. :help for help, Ctrl-D to leave."


def history_path():
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return os.path.join(base, "tensorsh", "history")


def clean_paste(text):
    """A pasted snippet without its REPL prompts, its `#>`/`#!` expectation lines and the output lines."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    prompted = any(_PROMPT_RE.match(line) for line in lines)
    ours = any(line.startswith("tsh>") for line in lines)   # our continuation prompt is one column wider
    out = []
    for line in lines:
        if line.lstrip().startswith(("#>", "#!")):
            continue
        m = _PROMPT_RE.match(line)
        if m:
            rest = line[m.end():]
            if ours and m.group(0) == "... " and rest.startswith(" "):
                rest = rest[1:]
            out.append(rest)
        elif not prompted or not line.strip():
            out.append(line)
    return "\n".join(out)


def _indent_after(line):
    indent = line[:len(line) - len(line.lstrip())]
    return indent + "    " if line.rstrip().endswith(":") else indent


class Shell:
    """Meta commands, statement running, transcript for :save; independent of the terminal (tests drive it)."""

    def __init__(self, write=None, write_err=None, plain=True, explain=False, width=80, guard=False):
        self.guard = guard          # cap the address space (the command's shell; not a test's)
        self.write = write or _stdout_write
        self.write_err = write_err or self.write
        self.plain = plain
        self.width = width
        self.explain = explain
        self.transcript = []        # (source, output, error_lines) of each statement run
        self._session = None
        self._explainer = None
        self._loader = None
        self._pending = []          # explain lines, printed after the statement's own output
        self._lines_typed = 0       # <stdin> is numbered as one stream: errors and notes name distinct lines

    # ---- the language, loaded lazily (in the background while the first prompt shows) ----
    def preload(self):
        self._loader = threading.Thread(target=self._import_language, daemon=True)
        self._loader.start()

    @staticmethod
    def _import_language():
        try:
            import tensorsh.lang.session  # noqa: F401
            import tensorsh.engine.torch_api  # noqa: F401
        except Exception:
            pass

    @property
    def session(self):
        if self._session is None:
            if self._loader is not None:
                self._loader.join()
            self._session = self._new_session()
            if self.guard:
                from tensorsh.engine.storage import guard_address_space
                guard_address_space()
        return self._session

    def _new_session(self):
        from tensorsh.lang.session import Session
        self._renderer = _recording_renderer()
        session = Session(write=self.write, write_err=self.write_err, renderer=self._renderer,
                          options={"plain": self.plain, "explain": self.explain, "width": self.width})
        self._explainer = None
        if self.explain:
            self._attach_explain(session)
        self._attach_steps(session)
        return session

    def _attach_steps(self, session):
        """Keep the journals of the last statements for :undo; storage labels S1, S2 ... go back with them."""
        from tensorsh.lang.steps import Steps
        from tensorsh.render import common
        session.steps = Steps(session)
        session.steps.extras.append((lambda: dict(common._labels.get(session, {})),
                                     lambda labels: common._labels.__setitem__(session, dict(labels))))
        self._redo_transcript = {}

    def _attach_explain(self, session):
        from tensorsh.render import explain
        obs = explain.attach(session)
        obs.write = self._pending.append
        self._explainer = obs

    # ---- deciding whether a buffer is ready to run (codeop's three outcomes) ----
    def compile_state(self, text):
        """'complete', 'incomplete' (ask for more) or 'error' (run it to report the error)."""
        from tensorsh.lang.errors import UserError
        try:
            self.session.compile(text, "<check>")
        except UserError as e:
            return "incomplete" if getattr(e, "incomplete", False) else "error"
        except Exception:
            return "error"
        return "complete"

    def should_run(self, text):
        """Enter runs the buffer, or opens a new line (an open bracket, a block header, inside a block)."""
        if not text.strip() or text.lstrip().startswith(":"):
            return True
        lines = text.split("\n")
        if len(lines) > 1 and not lines[-1].strip():
            return True
        last = lines[-1]
        if last[:1] in (" ", "\t") or last.rstrip().endswith(":"):
            return False            # inside a block (def, class, if, try, ...): a blank line ends it
        return self.compile_state(text) != "incomplete"

    # ---- running ----
    def handle(self, text):
        """Run one accepted buffer: a meta command or statements. Returns False to leave the shell."""
        stripped = text.strip()
        if not stripped:
            return True
        if stripped.startswith(":"):
            return self.meta(stripped)
        first_line = self._lines_typed + 1
        self._lines_typed += text.rstrip("\n").count("\n") + 1
        self.run_source(text, "<stdin>", first_line=first_line)
        return True

    def run_source(self, text, filename, record=True, echo=True, first_line=1):
        from tensorsh.lang.errors import UserError, format_error
        session = self.session
        try:
            # blank lines put this input where it stands in the stream: its line numbers are the stream's
            statements = session.compile("\n" * (first_line - 1) + text, filename)
        except UserError as e:
            self.write_err(format_error(e))
            if record:
                self.transcript.append(Entry(text.rstrip("\n"), left_out=f"{e.kind}, left out"))
            return False
        for stmt in statements:
            self._renderer.drawn.clear()
            result = session.execute(stmt)
            value = result.value
            echoed = repr(value) + "\n" if echo and value is not None and \
                not getattr(type(value), "_tsh_no_echo", False) else ""     # (make_dot's Digraph: drawn already)
            for w in result.warnings:
                self.write_err(f"{w}\n")
            if result.output or echoed:
                self.write(result.output + echoed)
            self._flush_explain()
            if result.error is not None:
                if result.error.kind == "KeyboardInterrupt":
                    from tensorsh.lang.errors import Note
                    result.error.notes.append(Note(UNDONE))
                self.write_err(format_error(result.error))
            steps = session.steps
            if record and result.error is None and steps is not None and steps.kept and steps.kept[-1].stmt is stmt:
                steps.kept[-1].note = len(self.transcript)   # where :undo cuts the transcript (:save)
            if record:
                self.transcript.append(_entry(stmt, result, echoed, self._renderer.drawn))
            if result.error is not None:
                return False
        return True

    def _flush_explain(self):
        if self._pending:
            text = "".join(self._pending)
            self._pending.clear()
            self.write(text if self.plain else f"\x1b[2m{text.rstrip(chr(10))}\x1b[0m\n")   # dim in colour

    # ---- meta commands ----
    def meta(self, line):
        cmd, _, arg = line.partition(" ")
        arg = arg.strip()
        handler = {":help": self.cmd_help, ":vars": self.cmd_vars, ":reset": self.cmd_reset, ":load": self.cmd_load,
                   ":save": self.cmd_save, ":explain": self.cmd_explain, ":timeit": self.cmd_timeit,
                   ":undo": self.cmd_undo, ":redo": self.cmd_redo,
                   ":quit": None, ":q": None, ":exit": None}
        if cmd not in handler:
            import difflib
            close = difflib.get_close_matches(cmd, list(META), n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            self.write_err(f"unknown command {cmd}{hint}; :help lists them\n")
            return True
        if handler[cmd] is None:
            return False
        handler[cmd](arg)
        return True

    def cmd_help(self, topic):
        from tensorsh.render.help import help_text
        self.write(help_text(topic, META))

    def cmd_vars(self, _arg):
        variables = self.session.variables
        if not variables:
            self.write("(no variables)\n")
            return
        width = max(len(k) for k in variables)
        for name, value in variables.items():
            self.write(f"{name:<{width}}  {summary(value, self.session)}\n")

    def cmd_reset(self, _arg):
        from tensorsh.engine.torch_api import reset_state
        reset_state()  # a fresh session also gets a fresh seed, grad mode and print options
        self._session = self._new_session()
        self.transcript.clear()
        self.write("session reset: no variables\n")

    def cmd_load(self, path):
        if not path:
            self.write_err(":load needs a FILE\n")
            return
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            self.write_err(f"cannot open '{path}': {e.strerror}\n")
            return
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            self.write_err(f"'{path}' is not UTF-8 text\n")
            return
        self.run_source(text, path, echo=False)

    def cmd_save(self, path):
        if not path:
            self.write_err(":save needs a FILE (e.g. :save session.tsh)\n")
            return
        from tensorsh.fileio import write_atomic
        try:
            write_atomic(path, golden_text(self.transcript).encode())
        except OSError as e:
            self.write_err(f"cannot write '{path}': {e.strerror}\n")
            return
        self.write(f"saved {len(self.transcript)} statements to {path}\n")

    def cmd_explain(self, arg):
        if arg not in ("on", "off"):
            self.write(f"explain is {'on' if self.explain else 'off'} (:explain on|off)\n")
            return
        self.explain = arg == "on"
        session = self.session
        session.options["explain"] = self.explain
        if self.explain:
            self._attach_explain(session)
        else:
            from tensorsh.render import explain
            explain.detach(session)
            self._explainer = None
        self.write(f"explain {arg}\n")

    def cmd_undo(self, arg, redo=False):
        name = ":redo" if redo else ":undo"
        if arg and not arg.isdigit():
            self.write_err(f"{name} takes a number of statements (e.g. {name} 2)\n")
            return
        steps = self.session.steps
        n = int(arg) if arg else 1
        done = steps.redo(n) if redo else steps.undo(n)
        if not done:
            self.write(f"nothing to {name[1:]}" + ("" if redo else f" (the last {steps.keep} statements are kept)")
                       + "\n")
            return
        for step in done:
            if step.note is not None:
                if redo:
                    self.transcript[step.note:step.note] = self._redo_transcript.pop(id(step), [])
                else:
                    self._redo_transcript[id(step)] = self.transcript[step.note:]
                    del self.transcript[step.note:]
            st = step.stmt
            text = st.source.split("\n")[0] + (" ..." if "\n" in st.source else "")
            self.write(f"{'redid' if redo else 'undid'} {text}  ({st.filename}:{st.line})\n")

    def cmd_redo(self, arg):
        self.cmd_undo(arg, redo=True)

    def cmd_timeit(self, code):
        from tensorsh.lang.errors import UserError, format_error
        from tensorsh.app.timing import timeit, describe
        if not code:
            self.write_err(":timeit needs a STATEMENT\n")
            return
        session = self.session
        try:
            statements = session.compile(code, "<timeit>")
        except UserError as e:
            self.write_err(format_error(e))
            return
        failure = []
        observers, session.observers = session.observers, []

        def once():
            for stmt in statements:
                r = session.execute(stmt)
                if r.error is not None:
                    failure.append(r.error)
                    raise _Stop
        try:
            result = timeit(once)
        except _Stop:
            self.write_err(format_error(failure[0]))
            return
        finally:
            session.observers = observers
        self.write(describe(result) + "\n")


class _Stop(Exception):
    pass


def summary(value, session=None):
    """One line about a value: a tensor's shape, dtype, storage, version and autograd role."""
    if hasattr(value, "_storage"):
        from tensorsh.render.common import storage_label, shape_text
        fn = value.grad_fn
        role = f"grad_fn={fn.name()}" if fn is not None else ("leaf, requires_grad" if value.requires_grad
                                                               else "leaf")
        grad = "" if value._grad is None else ", has .grad"
        return (f"tensor {shape_text(value)} {value.dtype.name}  storage {storage_label(session, value._storage)} "
                f"offset {value._offset}  v{value._version_counter.value}  {role}{grad}")
    text = repr(value).replace("\n", " ")
    return f"{type(value).__name__}: {text[:60] + ('...' if len(text) > 60 else '')}"


class Entry:
    """One statement of the session as a golden file states it: the source a file runs (an echoed expression
    becomes a print of the same text) and its expectation lines; `left_out` (a syntax error, an interrupted
    statement) is written as a comment, since a file cannot run it (and it changed nothing)."""

    def __init__(self, source, lines=(), left_out=None):
        self.source, self.lines, self.left_out = source, list(lines), left_out


_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _entry(stmt, result, echoed, drawn=()):
    """A run statement -> Entry. A script does not echo, so an echoed expression is saved as the print that shows
    the same text: print(x) where str is repr, print((a, b)) for a tuple, else print(repr(x)). show/graph output is
    the plain width-80 drawing `tensorsh test` makes (never colour codes); an object address is not reproducible,
    so its line is a wildcard (`#> ...`, or a `#!` line stated up to it)."""
    from tensorsh.app.golden import Outcome
    error = result.error
    if error is not None and error.kind == "KeyboardInterrupt":
        return Entry(stmt.source, left_out="interrupted (Ctrl-C) and undone, left out")
    source, output = stmt.source, result.output
    for shown, plain in drawn:
        output = output.replace(shown, plain, 1)
    output = _ANSI.sub("", output)
    if echoed:
        value = result.value
        if str(value) != repr(value):
            source = f"print(repr({source}))"
        elif isinstance(value, tuple):
            source = f"print(({source}))"
        else:
            source = f"print({source})"
        output += echoed
    outcome = Outcome(output, list(result.warnings), None if error is None else error.last_line())
    lines = []
    for line in outcome.lines():
        m = _ADDRESS.search(line)
        if m is None:
            lines.append(line)
        elif line.startswith("#>"):
            if not lines or lines[-1] != "#> ...":
                lines.append("#> ...")
        else:
            lines.append(line[:m.start()].rstrip() + "...")
    return Entry(source, lines)


def golden_text(transcript):
    """The session as a .tsh file: each statement, then its warnings (#!), output (#>) and error (#!)."""
    out = []
    for entry in transcript:
        if entry.left_out:
            out += [f"# ({entry.left_out}) {line}" for line in entry.source.split("\n")]
            continue
        out.append(entry.source)
        out += entry.lines
    return "\n".join(out) + ("\n" if out else "")


def _recording_renderer():
    """The session's renderer, which also keeps, for :save, the plain width-80 drawing of each show/graph (what
    `tensorsh test` draws) next to what the shell showed."""
    from tensorsh.render import Renderer

    class Recording(Renderer):
        def __init__(self):
            super().__init__(plain=None, width=80)
            self.drawn = []

        def show(self, session, items):
            text = super().show(session, items)
            if text:
                from tensorsh.render.show import show_text
                self.drawn.append((text, show_text(session, items, plain=True, width=80)))
            return text

        def graph(self, session, tensor, path=None):
            text = super().graph(session, tensor, path)
            if text:
                from tensorsh.render.graph import graph_text
                self.drawn.append((text, graph_text(session, tensor, plain=True, width=80)))
            return text
    return Recording()


def _stdout_write(text):
    sys.stdout.write(text)
    sys.stdout.flush()


# ---------------------------------------------------------------- the terminal front end

def completions(shell, text, signature=None):
    """What Tab offers for the text before the cursor: (name, how many characters it replaces, meta) for meta
    commands, variables, builtins, keywords, and methods/attributes after `.` with short signatures. Pure: the
    terminal's completer and the Jupyter kernel both ask it."""
    signature = signature or _signature
    if text.lstrip().startswith(":"):
        word = text.lstrip()
        if " " not in word:
            for cmd, what in META.items():
                if cmd.startswith(word):
                    yield cmd, len(word), what
        return
    m = re.search(r"([A-Za-z_][\w.]*)\.(\w*)$", text)
    if m:
        owner, prefix = m.group(1), m.group(2)
        for name, meta in attributes(shell.session, owner, signature):
            if name.startswith(prefix) and (prefix.startswith("_") or not name.startswith("_")):
                yield name, len(prefix), meta
        return
    m = re.search(r"[A-Za-z_]\w*$", text)
    if not m:
        return
    prefix = m.group(0)
    session = shell.session
    seen = set()
    for group, meta in ((session.variables, "variable"), (session.builtins, "builtin"), (KEYWORDS, "keyword"),
                        (("torch", "copy"), "module")):
        for name in group:
            if name.startswith(prefix) and name not in seen and not name.startswith("_"):
                seen.add(name)
                yield name, len(prefix), meta


def attributes(session, owner, signature=None):
    """(name, meta) of what `owner.` offers: torch's members, or a value's readable attributes."""
    from tensorsh.engine.tensor import Tensor
    signature = signature or _signature
    if owner in ("torch", "torch.autograd") and owner not in session.variables:
        mod = session.modules.get(owner)
        names = sorted(getattr(mod, "__api__", ()) or getattr(mod, "_members", {}))
        return [(n, "torch") for n in names]
    value = session.variables.get(owner, None)
    if value is not None and not isinstance(value, Tensor) and not hasattr(value, "__api__"):
        from tensorsh.lang.compiler import attribute_names    # a program's own objects, dicts, strings
        return [(n, "attribute") for n in attribute_names(value) if not n.startswith("__")]
    cls = type(value) if value is not None and not isinstance(value, Tensor) and hasattr(value, "__api__") \
        else Tensor
    api = sorted(getattr(value, "__api__", None) or Tensor.__api__) if cls is not Tensor else sorted(Tensor.__api__)
    return [(n, signature(cls, n)) for n in api]


def _signature(cls, name):
    from tensorsh.render.help import short_signature
    return short_signature(cls, name)


class ShellCompleter:
    """prompt_toolkit's view of `completions`, with each signature computed once."""

    def __init__(self, shell):
        self.shell = shell
        self._meta = {}

    def get_completions(self, document, complete_event):
        from prompt_toolkit.completion import Completion
        for name, back, meta in completions(self.shell, document.text_before_cursor, self.signature):
            yield Completion(name, -back, display_meta=meta)

    def signature(self, cls, name):
        key = (cls, name)
        if key not in self._meta:
            self._meta[key] = _signature(cls, name)
        return self._meta[key]


def _completer(shell):
    from prompt_toolkit.completion import Completer

    class _C(ShellCompleter, Completer):
        pass
    return _C(shell)


def key_bindings(shell):
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys
    from prompt_toolkit.filters import has_focus, is_searching
    from prompt_toolkit.enums import DEFAULT_BUFFER
    kb = KeyBindings()
    editing = has_focus(DEFAULT_BUFFER) & ~is_searching   # Ctrl-R search keeps its own Enter

    @kb.add("enter", filter=editing)
    def _enter(event):
        buf = event.current_buffer
        if buf.complete_state:
            buf.complete_state = None
            return
        text = buf.document.text
        at_end = not buf.document.text_after_cursor.strip() or "\n" not in text   # e.g. after Ctrl-R
        if at_end and shell.should_run(text):
            buf.validate_and_handle()
        else:
            buf.insert_text("\n" + _indent_after(buf.document.current_line_before_cursor))

    @kb.add("c-j", filter=editing)
    def _line_feed(event):
        """A terminal sends Enter as \\r; a pasted Windows line end (\\r\\n, outside bracketed paste) adds \\n, which
        prompt_toolkit would take as a second Enter (a doubled `...` line, or a block ended early): skip it."""
        previous = event.previous_key_sequence
        if previous and previous[-1].key in ("c-m", Keys.ControlM) or not event.current_buffer.text:
            return
        _enter(event)

    @kb.add("escape", "enter", filter=editing)
    def _newline(event):
        event.current_buffer.insert_text("\n")

    @kb.add(Keys.BracketedPaste, filter=editing)
    def _paste(event):
        event.current_buffer.insert_text(clean_paste(event.data))

    @kb.add("tab", filter=editing & _at_line_start())
    def _indent(event):
        event.current_buffer.insert_text("    ")

    return kb


def _at_line_start():
    from prompt_toolkit.filters import Condition
    from prompt_toolkit.application.current import get_app
    return Condition(lambda: not get_app().current_buffer.document.current_line_before_cursor.strip())


class _LazyLexer:
    """Highlighting through Pygments, imported on the first keystroke rather than at start-up."""

    def __new__(cls):
        from prompt_toolkit.lexers import Lexer

        class Lazy(Lexer):
            def __init__(self):
                self._inner = None

            def lex_document(self, document):
                if self._inner is None:
                    if not document.text:
                        return lambda i: []
                    from prompt_toolkit.lexers import PygmentsLexer
                    from tensorsh.render.lexer import TensorshLexer
                    self._inner = PygmentsLexer(TensorshLexer)
                return self._inner.lex_document(document)
        return Lazy()


def make_prompt_session(shell, input=None, output=None, history=None):
    from prompt_toolkit import PromptSession
    from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
    from prompt_toolkit.history import FileHistory, InMemoryHistory
    if history is None:
        path = history_path()
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            history = FileHistory(path)
        except OSError:
            history = InMemoryHistory()
    return PromptSession(
        PROMPT, multiline=True, prompt_continuation=lambda width, line, wrap: CONTINUATION,
        lexer=_LazyLexer() if not shell.plain else None, completer=_completer(shell), complete_while_typing=False,
        auto_suggest=AutoSuggestFromHistory(), history=history, enable_history_search=False,
        key_bindings=key_bindings(shell), input=input, output=output, include_default_pygments_style=False,
        style=_style() if not shell.plain else None, color_depth=None if not shell.plain else _mono())


def _style():
    """The highlighting colours (tensorsh.render.style), loaded when the prompt first draws."""
    from prompt_toolkit.styles import DynamicStyle
    loaded = []

    def get():
        if not loaded:
            from tensorsh.render.style import prompt_toolkit_style
            loaded.append(prompt_toolkit_style())
        return loaded[0]
    return DynamicStyle(get)


def _mono():
    from prompt_toolkit.output.color_depth import ColorDepth
    return ColorDepth.MONOCHROME


def loop(shell, prompt_session):
    """Read, run, repeat: Ctrl-C cancels the line, Ctrl-D (or :quit) ends. Returns the exit status."""
    while True:
        try:
            text = prompt_session.prompt()
        except KeyboardInterrupt:
            shell.write("KeyboardInterrupt\n")
            continue
        except EOFError:
            return 0
        _settle_cpr(prompt_session)
        try:
            if not shell.handle(text):
                return 0
        except KeyboardInterrupt:
            shell.write("KeyboardInterrupt\n")


def _settle_cpr(prompt_session):
    """A terminal that answers cursor-position requests does so within a whole typed line (the prompt even waits
    for it); still no answer means none will come, so stop asking instead of waiting a second after every line."""
    try:
        from prompt_toolkit.renderer import CPR_Support
        renderer = prompt_session.app.renderer
        if renderer.cpr_support == CPR_Support.UNKNOWN:
            renderer.cpr_support = CPR_Support.NOT_SUPPORTED
    except (ImportError, AttributeError):
        pass


def _parse(argv):
    if isinstance(argv, dict):
        return dict(argv)
    opts = {}
    for a in (sys.argv[1:] if argv is None else argv):
        if a == "--plain":
            opts["plain"] = True
        elif a == "--explain":
            opts["explain"] = True
    return opts


def main(argv=None):
    opts = _parse(argv)
    plain = bool(opts.get("plain")) or bool(os.environ.get("NO_COLOR")) or not sys.stdout.isatty()
    width = 80
    if not plain:
        import shutil
        width = shutil.get_terminal_size((80, 24)).columns
    shell = Shell(plain=plain, explain=bool(opts.get("explain")), width=width, guard=True,
                  write_err=lambda text: (sys.stdout.flush(), sys.stderr.write(text), sys.stderr.flush()))
    if not sys.stdin.isatty():
        return _run_piped(shell)
    prompt_session = make_prompt_session(shell)
    shell.write(banner() + "\n")
    shell.preload()
    return loop(shell, prompt_session)


def _run_piped(shell):
    """stdin is not a terminal: read everything and run it like a file, echoing expressions as a shell does."""
    text = sys.stdin.read()
    ok = shell.run_source(text, "<stdin>")
    return 0 if ok else 1

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
    ":quit": "leave the shell (Ctrl-D too)",
}
_PROMPT_RE = re.compile(r"^(>>> ?|tsh> ?|\.\.\. ?|In \[\d+\]: |\s*\.\.\.: )")


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

    def __init__(self, write=None, write_err=None, plain=True, explain=False, width=80):
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
        return self._session

    def _new_session(self):
        from tensorsh.lang.session import Session
        from tensorsh.render import default_renderer
        session = Session(write=self.write, write_err=self.write_err, renderer=default_renderer(),
                          options={"plain": self.plain, "explain": self.explain, "width": self.width})
        self._explainer = None
        if self.explain:
            self._attach_explain(session)
        return session

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
                self.transcript.append((text.rstrip("\n"), [], "", e.last_line()))
            return False
        for stmt in statements:
            result = session.execute(stmt)
            echoed = repr(result.value) + "\n" if echo and result.value is not None else ""
            for w in result.warnings:
                self.write_err(f"{w}\n")
            if result.output or echoed:
                self.write(result.output + echoed)
            self._flush_explain()
            if result.error is not None:
                self.write_err(format_error(result.error))
            if record:
                self.transcript.append(_entry(stmt, result, echoed))
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


def _entry(stmt, result, echoed):
    """(source, warnings, output, error) as a golden file states them; a script does not echo, so an echoed
    expression is saved as print(...) when print shows the same text."""
    source, output = stmt.source, result.output
    if echoed:
        if str(result.value) == repr(result.value) and "\n" not in source:
            source, output = f"print({source})", output + echoed
    return source, list(result.warnings), output, result.error.last_line() if result.error is not None else None


def golden_text(transcript):
    """The session as a .tsh file: each statement, then its warnings (#!), output (#>) and error (#!)."""
    out = []
    for source, warnings, output, error in transcript:
        out.append(source)
        for w in warnings:
            out.extend(f"#! {line}" for line in w.split("\n"))
        for line in output.split("\n")[:-1] if output else []:
            out.append(f"#> {line}" if line else "#>")
        if error is not None:
            out.extend(f"#! {line}" for line in error.split("\n"))
    return "\n".join(out) + ("\n" if out else "")


def _stdout_write(text):
    sys.stdout.write(text)
    sys.stdout.flush()


# ---------------------------------------------------------------- the terminal front end

class ShellCompleter:
    """Variables, builtins, keywords; tensor methods and attributes after `.` with short signatures."""

    def __init__(self, shell):
        self.shell = shell
        self._meta = {}

    def get_completions(self, document, complete_event):
        from prompt_toolkit.completion import Completion
        text = document.text_before_cursor
        if text.lstrip().startswith(":"):
            word = text.lstrip()
            if " " not in word:
                for cmd, what in META.items():
                    if cmd.startswith(word):
                        yield Completion(cmd, -len(word), display_meta=what)
            return
        m = re.search(r"([A-Za-z_][\w.]*)\.(\w*)$", text)
        if m:
            owner, prefix = m.group(1), m.group(2)
            for name, meta in self.attributes(owner):
                if name.startswith(prefix) and (prefix.startswith("_") or not name.startswith("_")):
                    yield Completion(name, -len(prefix), display_meta=meta)
            return
        m = re.search(r"[A-Za-z_]\w*$", text)
        if not m:
            return
        prefix = m.group(0)
        session = self.shell.session
        seen = set()
        for group, meta in ((session.variables, "variable"), (session.builtins, "builtin"), (KEYWORDS, "keyword"),
                            (("torch", "copy"), "module")):
            for name in group:
                if name.startswith(prefix) and name not in seen and not name.startswith("_"):
                    seen.add(name)
                    yield Completion(name, -len(prefix), display_meta=meta)

    def attributes(self, owner):
        from tensorsh.engine.tensor import Tensor
        session = self.shell.session
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
        return [(n, self.signature(cls, n)) for n in api]

    def signature(self, cls, name):
        key = (cls, name)
        if key not in self._meta:
            from tensorsh.render.help import short_signature
            self._meta[key] = short_signature(cls, name)
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
        color_depth=None if not shell.plain else _mono())


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
    shell = Shell(plain=plain, explain=bool(opts.get("explain")), width=width,
                  write_err=lambda text: (sys.stdout.flush(), sys.stderr.write(text), sys.stderr.flush()))
    if not sys.stdin.isatty():
        return _run_piped(shell)
    prompt_session = make_prompt_session(shell)
    from tensorsh import __version__
    shell.write(f"tensorsh {__version__} \u2014 PyTorch storage and autograd experiments. "
                ":help for help, Ctrl-D to leave.\n")
    shell.preload()
    return loop(shell, prompt_session)


def _run_piped(shell):
    """stdin is not a terminal: read everything and run it like a file, echoing expressions as a shell does."""
    text = sys.stdin.read()
    ok = shell.run_source(text, "<stdin>")
    return 0 if ok else 1

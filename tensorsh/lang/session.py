"""A Session: variables, options and the one entry point every front end uses to run source text.

    session = Session(write=sys.stdout.write, write_err=sys.stderr.write)
    error = session.run(text, "exp.tsh")             # a whole program; stops at the first error
    for stmt in session.compile(text, "exp.tsh"):     # or statement by statement (shell, golden runner)
        result = session.execute(stmt)               # Result(output, error, warnings, value)

A statement commits only when it succeeds: on an error the engine's undo journal rolls back every
storage, version counter, grad and graph it touched, and the variables are restored.
"""
import sys

from tensorsh.lang import ast as A
from tensorsh.lang import builtins as B
from tensorsh.lang import compiler as C
from tensorsh.lang.compiler import Compiler, Lazy, Limit, Location, NoAttribute
from tensorsh.lang.errors import UserError, InternalError, Note
from tensorsh.lang.parser import Source, parse
from tensorsh.lang.tracebacks import exception_name

from tensorsh.engine import undo as _undo
from tensorsh.engine import errors as engine_errors
from tensorsh.engine.tensorimpl import PRINTED_IN_VMAP
from tensorsh.engine.errors import FILTERS_CHANGED, TorchError, library_site, set_warning_sink, triggered_internally

PYTHON_ERRORS = (TypeError, ValueError, ArithmeticError, LookupError, MemoryError, StopIteration, AssertionError,
                 NoAttribute, RuntimeError, NameError, ImportError, UnicodeError, Warning)
SUPPORTED_IMPORTS = ("torch (and torch.nn, torch.optim, torch.nn.functional, ...), copy, math, random, time, "
                     "collections, itertools, functools, operator, statistics, json (dumps, loads), dataclasses, "
                     "abc, typing, warnings, io (BytesIO), heapq, bisect, string, contextlib, pprint, "
                     "numpy (arrays and their sharing with tensors), from torchviz import make_dot")
MAX_CALL_NOTES = 6          # a longer chain of calls shows its first calls and how often the last one repeats


class Statement:
    """One top-level statement (a `with`/`for` block is one statement): where it is, its text, its closure."""

    __slots__ = ("filename", "line", "end_line", "col", "end_col", "source", "node", "run", "is_expression")

    def __init__(self, filename, line, end_line, col, end_col, source, node, run, is_expression=False):
        self.filename, self.line, self.end_line, self.col, self.end_col = filename, line, end_line, col, end_col
        self.source, self.node, self.run, self.is_expression = source, node, run, is_expression

    def __repr__(self):
        return (f"Statement(filename={self.filename!r}, line={self.line}, end_line={self.end_line}, col={self.col}, "
                f"end_col={self.end_col}, source={self.source!r}, is_expression={self.is_expression})")


class Result:
    """What running one statement gave: its output, its error (or None), warnings ("UserWarning: <message>")
    and an expression statement's value (for echo)."""

    __slots__ = ("output", "error", "warnings", "value")

    def __init__(self, output="", error=None, warnings=None, value=None):
        self.output, self.error, self.value = output, error, value
        self.warnings = [] if warnings is None else warnings

    def __repr__(self):
        return f"Result(output={self.output!r}, error={self.error!r}, warnings={self.warnings!r}, value={self.value!r})"

    def __eq__(self, other):
        if other.__class__ is not Result:
            return NotImplemented
        return (self.output, self.error, self.warnings, self.value) == (other.output, other.error, other.warnings,
                                                                         other.value)

    __hash__ = None


class Session:
    """Variables, options and output sinks of one running program or shell."""

    def __init__(self, write=None, write_err=None, renderer=None, options=None):
        self._write = write or sys.stdout.write
        self._write_err = write_err or sys.stderr.write
        self.renderer = renderer
        self.options = {"plain": True, "explain": False, "width": 80}
        self.options.update(options or {})
        self.variables = {}
        C.IMPORTED.clear()          # (the imports a new program's NameError suggestions read)
        self.observers = []
        self.steps = None           # a tensorsh.lang.steps.Steps keeps successful statements' journals (:undo)
        self.builtins, self.modules = B.build(self._print)
        self.unbound_names = set()  # shorthand builtins whose global the program unbound (see unbind_global)
        self.warning_filters = None  # a pywarnings.WarningFilters once the program imports warnings
        self.modules["warnings"] = Lazy(self._warnings_module)
        self.results = [None]
        self.interrupts = 0         # Ctrl-Cs caught by the program's own `except` in this statement
        self._sources = {}
        self._warned = set()
        self._filters_changed = FILTERS_CHANGED[0]
        self._warnings = None       # list while execute() collects warnings
        self._warning_sink = self._on_warning  # (one bound method, not one per statement)

    def unbind_global(self, name):
        """The program unbound its global (or class attribute) `name`: Python now looks in its own builtins
        only, so a shell shorthand of that name (`e` is torch.e) is no longer found (a NameError, as in Python)."""
        if name in self.builtins and name not in B.PYTHON_NAMES:
            self.unbound_names.add(name)

    def script_name(self):
        """What Python's sys.argv[0] is: the script's path as it was run (`-c` for a command line)."""
        loc = self._loc
        return "-c" if loc is None or loc.filename.startswith("<") else loc.filename

    # ---- output ----
    def write(self, text):
        """Every byte a program prints goes through here (held back while a vmapped function's elements run: the
        engine shows what PyTorch's one run over the batch prints)."""
        if PRINTED_IN_VMAP[0] is not None:
            PRINTED_IN_VMAP[0].write(text, self._write)
        else:
            self._write(text)

    def _print(self, *args, sep=" ", end="\n", file=None, flush=False, **unknown):
        if unknown:
            raise TypeError(f"'{next(iter(unknown))}' is an invalid keyword argument for print()")
        if sep is None:
            sep = " "
        if end is None:
            end = "\n"
        if not isinstance(sep, str):
            raise TypeError(f"sep must be None or a string, not {type(sep).__name__}")
        if not isinstance(end, str):
            raise TypeError(f"end must be None or a string, not {type(end).__name__}")
        write = self.write if file is None else C.load_attr(file, "write")  # (any object with a write method)
        parts = []
        for a in args:
            try:
                parts.append(str(a))
            except BaseException:  # (Python's print has written the arguments before it, and a separator)
                if parts:
                    write(sep.join(parts) + sep)
                raise
        write(sep.join(parts) + end)
        if flush and file is not None:
            C.load_attr(file, "flush")()

    def write_err(self, text):
        """What a program writes to sys.stderr."""
        self._write_err(text)

    def _on_warning(self, category, message, site=None):
        loc = self._loc
        shown = message  # (the shell's and golden files' text: without the path of PyTorch's build machine)
        message = triggered_internally(message, category)  # (a warning of PyTorch's C++, as its Python sees it)
        if site is None:
            site = library_site(loc)
        key = (category, message, site) if site is not None else \
            (category, message, loc.filename if loc else "", loc.line if loc else 0)
        if self._filters_changed != FILTERS_CHANGED[0]:  # (a library's import changed Python's filters)
            self._filters_changed = FILTERS_CHANGED[0]
            self._warned.clear()
        filters = self.warning_filters
        action = "default"
        if filters is not None:  # (the program imported warnings)
            if filters.mutated:  # (Python shows each location's warning again once the filters change)
                self._warned.clear()
                filters.mutated = False
            action = filters.action(category, message)
            if action == "ignore":
                return
            if action == "error":  # (the warning raised as its exception, where it was given)
                raise filters.category(category)(message)
            if action == "once":
                key = (category, message)
        if action != "always":
            if key in self._warned:
                return
            self._warned.add(key)
        if filters is not None and filters.records is not None:
            filters.record(category, message, loc.filename if loc else "", loc.line if loc else 0)
            return
        category = getattr(category, "__name__", category)  # (a program's Warning class: printed by its name)
        if self._warnings is not None:
            self._warnings.append(f"{category}: {shown}")
        elif loc is not None:
            line = loc.source_line.strip()
            self._write_err(f"{loc.filename}:{loc.line}: {category}: {message}\n" + (f"  {line}\n" if line else ""))
        else:
            self._write_err(f"{category}: {message}\n")

    def _warnings_module(self):
        from tensorsh.lang import pywarnings
        self.warning_filters = pywarnings.WarningFilters()
        return pywarnings.namespace(self.warning_filters)

    # ---- hooks the compiled code calls ----
    @property
    def _loc(self):
        return _undo.location()   # set by the compiled code as each statement starts (blame, warnings, Ctrl-C)

    enter_statement = staticmethod(_undo.set_location)  # the engine's blame notes name this statement

    def module(self, dotted, node):
        mod = self.modules.get(dotted)
        if mod is None:
            source = self._sources.get(self._loc.filename) if self._loc else None
            err = UserError("ModuleNotFoundError", f"No module named '{dotted}'", notes=[
                Note(f"tensorsh supports only: {SUPPORTED_IMPORTS}")], detail=f"cannot import '{dotted}' in tensorsh")
            _place(err, source, node)
            raise err
        if type(mod) is Lazy:
            mod = self.modules[dotted] = mod.load()
        return mod

    def special_call(self, fn, args, kwargs, texts, node):
        value = None
        if fn is B.WHY or fn is B.HISTORY or fn is B.COMPARE:  # answers: tensorsh.lang.questions
            from tensorsh.lang.questions import answer
            text = answer(self, fn, args, kwargs, texts)
        elif fn is B.SHOW:
            if kwargs:
                raise TypeError(f"show() got an unexpected keyword argument '{next(iter(kwargs))}'")
            if args:
                items = list(zip(texts, args))
            else:
                items = [(k, v) for k, v in self.variables.items() if _is_tensor(v)]
            text = self._renderer().show(self, items)
        else:
            path = kwargs.pop("filename", None)
            if kwargs:
                raise TypeError(f"graph() got an unexpected keyword argument '{next(iter(kwargs))}'")
            if len(args) not in (1, 2):
                raise TypeError(f"graph() takes 1 or 2 arguments ({len(args)} given)")
            if len(args) == 2:
                path = args[1]
            if path is not None:
                _check_path(path)
            renderer = self._renderer()
            text = renderer.graph(self, args[0], path)
            if path is None and hasattr(renderer, "digraph") and hasattr(args[0], "grad_fn"):
                value = renderer.digraph(self, args[0])   # torchviz's Digraph: .source, .save(), .render()
        if text:
            self.write(text if text.endswith("\n") else text + "\n")
        return value

    def _renderer(self):
        # the front end that made this session chooses how state is drawn (the language knows no rich)
        if self.renderer is None:
            raise Limit("RuntimeError", "show() and graph() need a renderer, and this session was given none")
        return self.renderer

    # ---- compiling ----
    def compile(self, source, filename="<input>"):
        """Parse and compile source text into statements; raises UserError on a syntax error."""
        src = Source(source, filename)
        self._sources[filename] = src
        nodes = parse(src)
        compiler = Compiler(src, self.variables, self.builtins, self)
        out = []
        for node in nodes:
            run = compiler.statement(node)
            last = _last_statement(node)
            end_line, end_col = last.end_line, last.end_col
            if isinstance(node, A.BLOCKS):
                text = "\n".join(src.lines[node.line - 1:end_line])
            else:
                text = src.text_of(node)
            out.append(Statement(filename, node.line, end_line, node.col, end_col, text, node, run,
                                 isinstance(node, A.ExprStmt)))
        for line, message in compiler.syntax_warnings:
            self._write_err(f"{filename}:{line}: SyntaxWarning: {message}\n  {src.line(line).strip()}\n")
        return out

    # ---- running ----
    def execute(self, statement, echo=False):
        """Run one statement, capturing its output and warnings; never raises for program errors."""
        chunks, warnings = [], []
        saved = self._write, self._warnings
        self._write, self._warnings = chunks.append, warnings
        try:
            error = self._run(statement)
        finally:
            self._write, self._warnings = saved
        value = self.results[0] if statement.is_expression and error is None else None
        if echo and value is not None and not getattr(type(value), "_tsh_no_echo", False):   # (a drawn graph)
            chunks.append(repr(value) + "\n")
        return Result("".join(chunks) if chunks else "", error, warnings, value)

    def run(self, source, filename="<input>"):
        """Run a whole program, writing its output as it goes. Returns the first UserError, or None."""
        try:
            statements = self.compile(source, filename)
        except UserError as e:
            return e
        except RecursionError as e:    # a compiler bug: deep input is caught by its depth limit
            return _internal(e)
        for stmt in statements:
            error = self._run(stmt)
            if error is not None:
                return error
        return None

    def _run(self, stmt):
        variables = self.variables
        snapshot = variables.copy()
        self.results[0] = None
        self.interrupts = 0
        del C.HANDLING[:]
        if sys.getrecursionlimit() < RECURSION_LIMIT:
            sys.setrecursionlimit(RECURSION_LIMIT)
        previous_sink = set_warning_sink(self._warning_sink)
        if self.steps is not None:
            self.steps.begin()
        journal, outer = _undo.begin()
        try:
            try:
                stmt.run(None)
            except BaseException as e:
                text = _own_text(e)
                journal.rollback()
                if text is not None:  # (after: taking the statement back restores the exception's own dict too)
                    e._tsh_text = text
                raise
            finally:
                _undo.end(journal, outer)
        except (Exception, KeyboardInterrupt) as e:
            variables.clear()
            variables.update(snapshot)
            return self._user_error(e, stmt)
        finally:
            set_warning_sink(previous_sink)
        if self.steps is not None and outer is None:
            self.steps.commit(journal, snapshot, stmt)
        del snapshot, journal  # (a traceback the program keeps holds this frame: not the old values too)
        if self.observers:
            for observer in self.observers:
                observer(self, stmt)
        return None

    def _user_error(self, e, stmt):
        """Turn any exception from running stmt into the one user-facing error type."""
        if isinstance(e, UserError) and not getattr(e, "_tsh_calls", None):
            return e
        source = self._sources.get(stmt.filename)
        node = getattr(e, "_tsh_node", None)
        if isinstance(e, KeyboardInterrupt) and self._loc is not None:
            node = self._loc            # the statement that was running
        elif node is None:
            node = stmt.node
        origin = getattr(e, "_tsh_error", None)
        if isinstance(e, UserError) or origin is not None:
            err = origin if origin is not None else e
            suggestion = err.suggestion
            err = UserError(err.kind, err.message, err.filename, err.line, err.col, err.end_col, err.source_line,
                            notes=err.notes, detail=err.detail, end_line=err.end_line)
            err.suggestion, node = suggestion, None
        elif isinstance(e, KeyboardInterrupt):
            err = UserError("KeyboardInterrupt", "", detail="interrupted (Ctrl-C) while running this statement")
        elif isinstance(e, TorchError) or getattr(e, "blame", None) is not None:
            notes = []
            blame = getattr(e, "blame", None)
            if isinstance(blame, Location):
                notes.append(Note("this statement modified, in place, a tensor that backward needed",
                                  blame.filename, blame.line, blame.col,
                                  blame.end_col if blame.end_line == blame.line else len(blame.source_line) + 1,
                                  blame.source_line))
            kind = e.kind if isinstance(e, TorchError) else type(e).__name__
            err = UserError(kind, str(e), notes=notes)
        elif isinstance(e, Limit):
            err = UserError(e.kind, e.message, detail="this would use too much time or memory")
        elif isinstance(e, RecursionError):
            text = str(e)
            err = UserError("RecursionError", text if "while getting the repr" in text else
                            "maximum recursion depth exceeded")
        elif isinstance(e, PYTHON_ERRORS) or type(e) in C.USER_CLASSES or _raised_by_program(e) or \
                type(e) is engine_errors.AttributeError or type(e) is _frozen_instance_error():
            kind = "AttributeError" if isinstance(e, NoAttribute) else exception_name(type(e))
            err = UserError(kind, getattr(e, "_tsh_text", None) or str(e))
            for note in getattr(e, "_tsh_notes", None) or ():
                err.notes.append(note)
        else:
            err = _internal(e)
        if node is not None:
            _place(err, getattr(node, "_src", None) or source, node)
        err.notes.extend(_call_notes(getattr(e, "_tsh_calls", None) or (), source))
        return err
RECURSION_LIMIT = 8_000      # Python frames: about a thousand nested calls of the program's functions


def _own_text(e):
    """The text of an exception of the program's own class (its __str__, reading its attributes), said before the
    failed statement is taken back, as Python prints it with the program's state as the error left it."""
    if any(c in C.USER_CLASSES for c in type(e).__mro__):
        try:
            return str(e)
        except BaseException:  # noqa: BLE001 - its __str__ failing: Python's traceback says so
            return "<exception str() failed>"
    return None


def _frozen_instance_error():
    """A frozen @dataclass's refusal to assign (an AttributeError, yet the program's error, not tensorsh's)."""
    dataclasses = sys.modules.get("dataclasses")
    return dataclasses.FrozenInstanceError if dataclasses is not None else None


def _raised_by_program(e):
    """An exception of a Python class the program raised itself (`raise Exception(...)`), not a tensorsh bug."""
    return type(e).__module__ == "builtins" and getattr(e, "_tsh_node", None) is not None and \
        not isinstance(e, (AttributeError, SystemExit))


def _last_statement(node):
    """The last statement inside a block statement (where its text ends)."""
    while isinstance(node, A.BLOCKS):
        if isinstance(node, A.Try):
            tail = node.finalbody or node.orelse or (node.handlers[-1].body if node.handlers else node.body)
        elif isinstance(node, (A.If, A.For, A.While)) and node.orelse:
            tail = node.orelse
        else:
            tail = node.body
        if not tail:
            return node
        node = tail[-1]
    return node


def _call_notes(calls, source):
    """One located note per call an error passed through (innermost first); long repeats summarised."""
    notes, i = [], 0
    while i < len(calls):
        node = calls[i]
        j = i
        while j + 1 < len(calls) and calls[j + 1] is node:
            j += 1
        run = j - i + 1
        for _ in range(min(run, 3)):
            src = getattr(node, "_src", None) or source
            if src is not None:
                notes.append(Note("called from here", src.filename, node.line, node.col,
                                  node.end_col if node.end_line == node.line else len(src.line(node.line)) + 1,
                                  src.line(node.line)))
        if run > 3:
            notes.append(Note(f"[the call above repeated {run - 3} more times]"))
        i = j + 1
    if len(notes) > 40:
        notes = notes[:20] + [Note(f"[{len(notes) - 40} more calls]")] + notes[-20:]
    return notes


def _internal(e):
    import traceback    # only for an internal error's report: start-up does not pay for it
    return InternalError(e, traceback_text="".join(traceback.format_exception(type(e), e, e.__traceback__)))


def _place(err, source, node):
    if source is None or node is None:
        return
    err.filename = source.filename
    err.line, err.col, err.end_line, err.end_col = node.line, node.col, node.end_line, node.end_col
    err.source_line = source.line(node.line)


def _is_tensor(v):
    try:
        from tensorsh.engine.tensor import Tensor
    except ImportError:
        return False
    return isinstance(v, Tensor)


def _check_path(path):
    import os
    if not isinstance(path, str) or os.path.basename(path) != path or not path.endswith((".dot", ".svg")) \
            or path.startswith("."):
        raise ValueError(f"graph() writes only a plain file name ending in .dot or .svg in the current directory, not {path!r}")

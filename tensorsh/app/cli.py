"""The `tensorsh` command: run a file or -c code, or dispatch to the shell, `test` and `export`.

Imports stay lazy: `run --plain` loads the engine and the language, never prompt_toolkit or rich.
Exit codes: 0 success, 1 an error in the program, 2 a usage error.
"""
import os
import sys

USAGE = """\
usage: tensorsh [--plain] [--explain] [--keep-going | --transcript] FILE.tsh
       tensorsh run [--plain] [--explain] [--keep-going | --transcript] FILE.tsh
       tensorsh -c CODE
       tensorsh test [PATHS...] [--update]
       tensorsh export FILE.tsh
       tensorsh kernel install [--user | --sys-prefix | --prefix P] | uninstall
       tensorsh                      (the interactive shell)
"""
HELP = USAGE + """
A shell and small language for PyTorch storage and autograd experiments.

options:
  -c CODE       run CODE as a program
  --plain       plain, colourless, deterministic output (also when output is not a terminal, or NO_COLOR is set)
  --explain     after each statement, say what changed (storages, versions, graph, grads)
  -k, --keep-going
                report a failing statement (rolled back) and go on with the next; exit 1 if one failed
  -t, --transcript
                a guided tour: each statement as a shell shows it (its comment, the prompt, the code), then
                what it prints, warns or raises; implies --keep-going
  --version     print the version and exit
  -h, --help    show this help and exit

commands:
  tensorsh test [PATHS...] [-k EXPR] [-x] [--update [--force]] [--check] [--against-torch]
                run .tsh files as golden tests (their #> / #! lines are the expected output)
  tensorsh export FILE.tsh [-o OUT.py]
                write the same experiment as a runnable PyTorch script
  tensorsh kernel install [--user | --sys-prefix | --prefix P], tensorsh kernel uninstall
                the Jupyter kernel "tensorsh" (needs pip install 'tensorsh[jupyter]')
"""


RUN_HELP = """\
usage: tensorsh run [--plain] [--explain] [--keep-going | --transcript] FILE.tsh

Run a tensorsh program; it prints only what it prints (warnings and errors go to stderr).

options:
  --plain           plain, colourless, deterministic output
  --explain         after each statement, say what changed (storages, versions, graph, grads)
  -k, --keep-going  report a failing statement (rolled back) and go on with the next
  -t, --transcript  show each statement as a shell session would (comment, prompt, code), then its output,
                    warnings and errors, all on stdout in order (the guided tour: run -t examples/tour.tsh)
  -h, --help        show this help and exit

Exit status: 0 success, 1 an error in the program (with --keep-going: in any statement), 2 a usage error.
"""


def _usage_error(message):
    sys.stderr.write(f"tensorsh: error: {message}\n{USAGE}")
    return 2


def _decode(data, filename):
    """UTF-8 bytes -> text, or a located UserError for invalid UTF-8."""
    from tensorsh.lang.errors import UserError
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        line_start = data.rfind(b"\n", 0, e.start) + 1
        col = len(data[line_start:e.start].decode("utf-8", "replace")) + 1
        line_end = data.find(b"\n", e.start)
        shown = data[line_start:line_end if line_end >= 0 else len(data)].decode("utf-8", "replace")
        byte = data[e.start]
        return None, UserError(
            "SyntaxError",
            f"Non-UTF-8 code starting with '\\x{byte:02x}' in file {filename} on line {line}, but no encoding declared; "
            "see https://peps.python.org/pep-0263/ for details",
            filename, line, col, col + 1, shown, detail=f"the file is not valid UTF-8 (byte 0x{byte:02x})")


def _plain(opts):
    return opts.get("plain") or bool(os.environ.get("NO_COLOR")) or not sys.stdout.isatty()


def run_source(text, filename, opts):
    """Run a program as a script: output to stdout, warnings and the error report to stderr."""
    from tensorsh.lang.errors import format_error
    from tensorsh.lang.session import Session
    tune_gc()
    from tensorsh.render import default_renderer
    session = Session(write=sys.stdout.write, write_err=sys.stderr.write, renderer=default_renderer(),
                      options={"plain": _plain(opts), "explain": opts.get("explain", False)})
    from tensorsh.engine.storage import guard_address_space
    guard_address_space()
    if opts.get("explain"):
        _attach_explain(session)
    try:
        if opts.get("keep_going") or opts.get("transcript"):
            return _run_keep_going(session, text, filename, transcript=bool(opts.get("transcript")))
        error = session.run(text, filename)
    except KeyboardInterrupt:  # between statements
        sys.stdout.flush()
        sys.stderr.write("KeyboardInterrupt\n")
        return 1
    sys.stdout.flush()
    if error is not None:
        sys.stderr.write(format_error(error))
        return 1
    return 0


def _run_keep_going(session, text, filename, transcript=False):
    """--keep-going: a failing statement is reported (and rolled back) and the program goes on, as in a
    golden test; warnings are reported as a plain run reports them; exit status 1 if a statement failed.
    --transcript: the same, shown as a shell session (see Transcript)."""
    from tensorsh.lang.errors import UserError, format_error
    try:
        statements = session.compile(text, filename)
    except UserError as e:
        sys.stderr.write(format_error(e))
        return 1
    failed = False
    show = Transcript(text, _plain_opts(session)) if transcript else None
    for statement in statements:
        if show is not None:
            show.before(statement)
        result = session.execute(statement, echo=show is not None)
        failed |= result.error is not None
        if show is not None:
            show.after(result)
            continue
        if result.warnings:
            sys.stdout.flush()
            first = statement.source.split("\n")[0]
            for w in result.warnings:
                sys.stderr.write(f"{statement.filename}:{statement.line}: {w}\n  {first.strip()}\n")
            sys.stderr.flush()
        sys.stdout.write(result.output)
        if result.error is not None:
            sys.stdout.flush()
            sys.stderr.write(format_error(result.error))
            sys.stderr.flush()
    if show is not None:
        show.end()
    sys.stdout.flush()
    return 1 if failed else 0


def _plain_opts(session):
    return session.options.get("plain", True)


class Transcript:
    """A program shown as a shell session, for a guided tour: the comments before a statement (the explanation),
    the statement after the prompt (continuation lines after `...`), then its warnings, output and error report
    on stdout, in order. Expectation lines (#> / #!) are not shown: the real output is."""

    def __init__(self, text, plain):
        self.lines = text.split("\n")
        self.plain = plain
        self.done = 0               # source lines already shown
        self.shown_line = 0
        self.blank = False          # a blank line in the source, shown before the next thing shown
        self.wrote = False

    def _style(self, code, text):
        return text if self.plain else f"\x1b[{code}m{text}\x1b[0m"

    def before(self, st):
        from tensorsh.app.shell import PROMPT, CONTINUATION
        out = []
        if st.line > self.shown_line:
            for line in self.lines[self.done:st.line - 1]:
                stripped = line.strip()
                if stripped.startswith(("#>", "#!")):
                    continue
                if not stripped:
                    self.blank = self.wrote or bool(out)
                    continue
                if self.blank:
                    out.append("")
                    self.blank = False
                out.append(self._style("2;3", line))
            if self.blank:
                out.append("")
                self.blank = False
            for i, line in enumerate(self.lines[st.line - 1:st.end_line]):
                out.append(self._style("1;32", PROMPT if i == 0 else CONTINUATION) + line)
            self.shown_line = st.end_line
            self.done = st.end_line
        if out:
            sys.stdout.write("\n".join(out) + "\n")
            self.wrote = True

    def after(self, result):
        from tensorsh.lang.errors import format_error
        for w in result.warnings:
            sys.stdout.write(self._style("33", w) + "\n")
        sys.stdout.write(result.output)
        if result.error is not None:
            report = format_error(result.error).rstrip("\n")
            sys.stdout.write(self._style("31", report) + "\n")
        sys.stdout.flush()

    def end(self):
        rest = [line for line in self.lines[self.done:] if line.strip() and not line.strip().startswith(("#>", "#!"))]
        if rest:
            sys.stdout.write("\n".join(self._style("2;3", line) for line in rest) + "\n")


def _attach_explain(session):
    from tensorsh.render import explain
    explain.attach(session)


def tune_gc():
    """Every op allocates a few tracked objects (tensor, storage, node); with the long-lived objects of
    start-up frozen out of the collector's view and a high first threshold, small ops stop paying for
    collections (issue 7). Graphs hold no cycles, so nothing waits for the collector to be freed and a young
    generation of a million objects costs no memory: what dies goes at once (a 10,000-op graph no longer gets
    walked by a collection midway, -0.7 us per op forward+backward)."""
    import gc
    gc.freeze()
    gc.set_threshold(1_000_000, 50, 100)


def _run_file(path, opts):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        sys.stderr.write(f"tensorsh: cannot open '{path}': {e.strerror}\n")
        return 2
    text, error = _decode(data, path)
    if error is not None:
        from tensorsh.lang.errors import format_error
        sys.stderr.write(format_error(error))
        return 1
    return run_source(text, path, opts)


def _parse_run_args(args):
    opts, rest = {}, []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--plain":
            opts["plain"] = True
        elif a == "--explain":
            opts["explain"] = True
        elif a in ("-k", "--keep-going"):
            opts["keep_going"] = True
        elif a in ("-t", "--transcript"):
            opts["transcript"] = True
        elif a in ("-h", "--help"):
            opts["help"] = True
        elif a == "-c":
            if i + 1 >= len(args):
                return None, None, "argument -c: expected one argument"
            opts["code"] = args[i + 1]
            i += 1
        elif a == "--":
            rest.extend(args[i + 1:])
            break
        elif a.startswith("-") and a != "-":
            return None, None, f"unrecognized argument: {a}"
        else:
            rest.append(a)
        i += 1
    return opts, rest, None


def main(argv=None):
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        return _main(args)
    except KeyboardInterrupt:
        sys.stderr.write("KeyboardInterrupt\n")
        return 1
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 1


def _main(args):
    if args[:1] in (["-h"], ["--help"]):
        sys.stdout.write(HELP)
        return 0
    if args[:1] == ["--version"]:
        from tensorsh import __version__
        sys.stdout.write(f"tensorsh {__version__}\n")
        return 0
    if args[:1] == ["test"]:
        golden = _front_end("golden", "tensorsh test")
        return golden.main(args[1:], guard=True) if golden else 2
    if args[:1] == ["export"]:
        export = _front_end("export", "tensorsh export")
        return export.main(args[1:]) if export else 2
    if args[:1] == ["kernel"]:
        kernelspec = _front_end("kernelspec", "tensorsh kernel")
        return kernelspec.main(args[1:]) if kernelspec else 2
    if args[:1] == ["run"]:
        opts, rest, problem = _parse_run_args(args[1:])
        if problem:
            return _usage_error(problem)
        if opts.get("help"):
            sys.stdout.write(RUN_HELP)
            return 0
        if "code" in opts:
            return _usage_error("'run' takes a FILE, not -c")
        if len(rest) != 1:
            return _usage_error("'run' takes exactly one FILE")
        return _run_file(rest[0], opts)
    opts, rest, problem = _parse_run_args(args)
    if problem:
        return _usage_error(problem)
    if "code" in opts:
        if rest:
            return _usage_error("-c takes no FILE")
        return run_source(opts["code"], "<string>", opts)
    if len(rest) > 1:
        return _usage_error("too many arguments")
    if rest:
        return _run_file(rest[0], opts)
    shell = _front_end("shell", "the interactive shell")
    return shell.main(opts) if shell else 2


def _front_end(name, what):
    """Import tensorsh.app.<name> lazily (it may pull in prompt_toolkit or rich); None if it is absent."""
    import importlib
    try:
        return importlib.import_module(f"tensorsh.app.{name}")
    except ImportError as e:
        if e.name != f"tensorsh.app.{name}":
            raise
        sys.stderr.write(f"tensorsh: {what} is not available in this build; "
                         "run a file with 'tensorsh FILE.tsh' or code with 'tensorsh -c CODE'\n")
        return None


if __name__ == "__main__":
    raise SystemExit(main())

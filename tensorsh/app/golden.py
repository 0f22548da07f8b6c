"""Golden-output tests: run `.tsh` files, check each statement against its `#>`/`#!` lines, report or --update.

A statement's *block* is the run of expectation lines right after it: `#> text` for a printed line
(`#>` alone for an empty one, `#> ...` for any run of printed lines) and `#! Kind: message` for an
error or warning, in the order warnings, output, error. Statements sharing a line (`a = 1; print(a)`)
share one block. Both tensorsh (in process, one fresh Session per file) and PyTorch (through
`tensorsh export`, with --against-torch) produce the same per-block lines, so one comparison serves both.
"""
import difflib
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field

from tensorsh.app.goldenfile import (Block, Outcome, find_blocks, is_expectation, normalize, output_lines,
                                     raised_lines, read_source, timeout_report)
from tensorsh.fileio import write_atomic

WILDCARD = "#> ..."
WIDTH = 80
TIMEOUT = 60.0          # seconds a statement may run (TENSORSH_TEST_TIMEOUT, --timeout; 0: no limit)
NO_TESTS = 5            # the exit status when nothing was tested, as pytest's
USAGE = """\
usage: tensorsh test [PATHS...] [-k EXPR] [-x] [--update [--force]] [--check] [--against-torch] [--timeout S]
"""
HELP = USAGE + """
Run golden-output tests: each statement of a .tsh file is checked against the `#>` (output) and
`#!` (error or warning) lines that follow it. PATHS are files or folders (default: the current folder).

options:
  -k EXPR          only files whose path contains EXPR
  -x               stop at the first failing file
  --update         rewrite the expectations in place (refused when CI is set, unless --force);
                   with --against-torch, PyTorch's output is written
  --force          allow --update when CI is set
  --check          also fail on expectation lines no statement can produce (inside blocks, `#> ...`
                   under a statement that prints nothing)
  --against-torch  check the expectations against real PyTorch (runs `tensorsh export` with Python)
  --timeout S      fail a statement that runs longer than S seconds (default 60, or TENSORSH_TEST_TIMEOUT;
                   0: no limit); with --against-torch, a whole PyTorch script gets that long per statement
  -h, --help       show this help and exit

A file found in a folder is a test when it has expectation lines (a file named on the command line always
is); a line `# tensorsh: requires avx2` skips a file whose expectations hold only with PyTorch's AVX2 kernels
where PyTorch would not use them (ATEN_CPU_CAPABILITY=default, or a CPU without AVX2).
Exit status: 0 all passed, 1 a file failed, 2 a usage error, 5 no tests found.
"""
REQUIRES = "# tensorsh: requires "


def default_timeout():
    value = os.environ.get("TENSORSH_TEST_TIMEOUT")
    try:
        return float(value) if value else TIMEOUT
    except ValueError:
        return TIMEOUT


def missing_requirement(lines):
    """Why this file cannot be checked on this machine (a `# tensorsh: requires ...` line), or None."""
    for line in lines:
        if line.startswith(REQUIRES):
            for need in line[len(REQUIRES):].split():
                if need == "avx2" and not _pytorch_uses_avx2():
                    return ("requires PyTorch's AVX2 kernels, which it does not use here "
                            f"(ATEN_CPU_CAPABILITY={os.environ.get('ATEN_CPU_CAPABILITY') or 'unset'}, "
                            f"CPU with{'' if _cpu_has_avx2() else 'out'} AVX2)")
    return None


def _pytorch_uses_avx2():
    capability = os.environ.get("ATEN_CPU_CAPABILITY", "").lower()
    return capability not in ("default",) and _cpu_has_avx2()


def _cpu_has_avx2():
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("flags"):
                    return " avx2 " in line + " "
    except OSError:
        pass
    return False




def same(e, a):
    """An expected line matches an actual one: equal, or a `#!` line ending in `...` that starts it (a long
    error or warning stated by its beginning)."""
    return e == a or (e.startswith("#! ") and e.endswith("...") and len(e) > 6 and a.startswith("#! ")
                      and a.startswith(e[:-3]))


def align(expected, actual):
    """Match expected lines (with `#> ...` wildcards) to actual ones.

    Returns (cost, new): cost 0 means they match; `new` is the smallest edit of `expected` that
    matches `actual`, keeping exact lines and wildcards that still fit (what --update writes).
    """
    if WILDCARD not in expected:
        if len(expected) == len(actual) and all(map(same, expected, actual)):
            return 0, list(expected)
        return 1, list(actual)
    n, m = len(expected), len(actual)
    INF = float("inf")
    cost = [[INF] * (m + 1) for _ in range(n + 1)]
    move = [[None] * (m + 1) for _ in range(n + 1)]
    cost[n][m] = 0
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            if i == n and j == m:
                continue
            best, how = INF, None
            e = expected[i] if i < n else None
            a = actual[j] if j < m else None
            if e == WILDCARD:
                if a is not None and a.startswith("#>") and cost[i][j + 1] < best:
                    best, how = cost[i][j + 1], "eat"
                if cost[i + 1][j] < best:
                    best, how = cost[i + 1][j], "skip"
            elif e is not None and a is not None and same(e, a) and cost[i + 1][j + 1] < best:
                best, how = cost[i + 1][j + 1], "same"
            if a is not None and cost[i][j + 1] + 1 < best:
                best, how = cost[i][j + 1] + 1, "insert"
            if e is not None and e != WILDCARD and cost[i + 1][j] + 1 < best:
                best, how = cost[i + 1][j] + 1, "delete"
            cost[i][j], move[i][j] = best, how
    new, i, j = [], 0, 0
    while (i, j) != (n, m):
        how = move[i][j]
        if how == "eat":
            j += 1
        elif how == "skip":
            new.append(WILDCARD)
            i += 1
        elif how == "same":
            new.append(expected[i])
            i, j = i + 1, j + 1
        elif how == "insert":
            new.append(actual[j])
            j += 1
        else:
            i += 1
    return cost[0][0], new


# ---------------------------------------------------------------- running one file
@dataclass
class FileResult:
    path: str
    blocks: list = field(default_factory=list)
    orphans: list = field(default_factory=list)
    problem: str = None      # a file-level failure (unreadable, syntax error, no torch output)
    lines: list = None       # the file's lines (for --update)
    seconds: float = 0.0
    skipped: str = None      # why the file was not checked (a `# tensorsh: requires` line not met)

    @property
    def failed_blocks(self):
        return [b for b in self.blocks if not b.ok]

    @property
    def ok(self):
        return self.problem is None and not self.failed_blocks and not self.orphans


class TimedOut(Exception):
    """A statement ran past the time limit: carries the located report."""


class _Alarm(KeyboardInterrupt):
    """Raised into a running statement by the timer; the session rolls the statement back as for Ctrl-C."""


class statement_timer:
    """Interrupts the statement running when `seconds` pass (SIGALRM: main thread, POSIX only; else no limit)."""

    def __init__(self, seconds):
        self.seconds = seconds if seconds and hasattr(signal, "setitimer") and \
            threading.current_thread() is threading.main_thread() else 0
        self.fired = False

    def __enter__(self):
        if self.seconds:
            self._old = signal.signal(signal.SIGALRM, self._fire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def _fire(self, signum, frame):
        self.fired = True
        raise _Alarm

    def __exit__(self, *exc):
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._old)
        return False


def _fresh_engine():
    """Each file starts from the engine state of a new process (seed, grad mode, print options)."""
    from tensorsh.engine.torch_api import reset_state
    reset_state()


def compile_file(text, path):
    """(session, statements) or raises UserError for a syntax error."""
    from tensorsh.lang.session import Session
    from tensorsh.render import default_renderer
    session = Session(write=lambda s: None, write_err=lambda s: None, renderer=default_renderer(),
                      options={"plain": True, "width": WIDTH, "explain": False})
    return session, session.compile(text, path)


def tensorsh_outcomes(session, statements, timeout=None):
    """Run the statements in the session: one Outcome each; raises TimedOut for a statement past the limit."""
    outcomes = []
    timeout = default_timeout() if timeout is None else timeout
    for st in statements:
        with statement_timer(timeout) as timer:
            result = session.execute(st)
        err = result.error
        if err is not None and err.kind == "KeyboardInterrupt":
            if timer.fired:
                raise TimedOut(timeout_report(st, timeout))
            raise KeyboardInterrupt
        outcomes.append(Outcome(result.output, list(result.warnings), None if err is None else err.last_line()))
    return outcomes


def check_text(text, path, outcomes_for=None, check=False, timeout=None):
    """Run one file's text and compare; `outcomes_for(statements)` gives the outcomes (default: tensorsh)."""
    from tensorsh.lang.errors import UserError, format_error
    result = FileResult(path, lines=text.split("\n"))
    result.skipped = missing_requirement(result.lines)
    if result.skipped:
        return result
    t0 = time.perf_counter()
    _fresh_engine()
    try:
        session, statements = compile_file(text, path)
    except UserError as e:
        result.problem = format_error(e).rstrip("\n")
        return result
    result.blocks, result.orphans = find_blocks(result.lines, statements)
    if outcomes_for is None:
        try:
            outcomes = tensorsh_outcomes(session, statements, timeout)
        except TimedOut as e:
            result.problem = str(e)
            return result
    else:
        outcomes = outcomes_for(statements)
        if isinstance(outcomes, str):
            result.problem = outcomes
            return result
    by_line = {}
    for st, oc in zip(statements, outcomes):
        by_line.setdefault(_block_of(result.blocks, st), []).append(oc)
    for b in result.blocks:
        ocs = by_line.get(id(b), [])
        if any(oc.unknown for oc in ocs):
            b.actual, b.new, b.ok = b.expected, b.expected, True
            continue
        b.actual = [line for oc in ocs for line in oc.lines()]
        cost, b.new = align(b.expected, b.actual)
        b.ok = cost == 0
        if check and b.ok and b.expected and not b.actual:
            b.ok = False          # `#> ...` under a statement that prints nothing
            b.new = []
    result.seconds = time.perf_counter() - t0
    return result


def _block_of(blocks, st):
    for b in blocks:
        if b.first_line <= st.line <= b.line:
            return id(b)
    return None


def check_file(path, check=False, outcomes_for=None, timeout=None):
    text, problem = read_source(path)
    if problem:
        return FileResult(path, problem=problem)
    if path.endswith(".ipynb") and not any(is_expectation(line) for line in text.split("\n")):
        return FileResult(path, problem="nothing to check: no `#>`/`#!` lines in the notebook's code cells "
                                        "(tensorsh test checks the expectations written inside the cells)")
    return check_text(text, path, outcomes_for, check, timeout)


def has_expectations(path):
    """A file found in a folder is a golden test only when it states some output (scripts/bench_data's are not)."""
    text, problem = read_source(path)
    return problem is not None or any(is_expectation(line) for line in text.split("\n"))


# ---------------------------------------------------------------- --update
def updated_text(result):
    """The file's text with every block replaced by its updated expectations, orphans removed."""
    lines = result.lines
    replace = {b.start: b for b in result.blocks}
    drop = {n - 1 for n in result.orphans}
    out, i = [], 0
    while i <= len(lines):
        b = replace.get(i)
        if b is not None:
            indent = _indent_of(lines[b.start]) if b.stop > b.start else ""
            out += [indent + x for x in (b.expected if b.ok else b.new)]
            i = b.stop
            if b.stop > b.start and i >= len(lines):
                break
        if i >= len(lines):
            break
        if i not in drop:
            out.append(lines[i])
        i += 1
    return "\n".join(out)


def _indent_of(line):
    return line[:len(line) - len(line.lstrip())]


def update_file(result):
    """Rewrite the file if anything changed; True when it was written."""
    if result.problem is not None or result.lines is None:
        return False
    if result.path.endswith(".ipynb"):
        sys.stderr.write(f"tensorsh test: --update does not rewrite notebooks; {result.path} is left as it was\n")
        return False
    text = updated_text(result)
    if text == "\n".join(result.lines):
        return False
    write_atomic(result.path, text)
    return True


# ---------------------------------------------------------------- reporting
class Colours:
    def __init__(self, on):
        self.on = on

    def __call__(self, code, text):
        return f"\x1b[{code}m{text}\x1b[0m" if self.on else text


def report(result, colour=Colours(False)):
    """A failing file's report: `file:line`, the statement, and a unified diff of expected vs actual."""
    out = []
    if result.problem is not None:
        out.append(colour("1;31", f"FAILED {result.path}"))
        out.append(result.problem)
        return "\n".join(out) + "\n"
    for b in result.failed_blocks:
        out.append(colour("1;31", f"FAILED {result.path}:{b.line}") + f": {_short(b.source)}")
        if b.expected and b.expected == b.new:
            out.append("  `#> ...` under a statement that prints nothing (--check)")
            continue
        diff = difflib.unified_diff(b.expected, b.new, "expected", "actual", n=3, lineterm="")
        for line in diff:
            if line.startswith("@@"):
                continue
            if line.startswith("+") and not line.startswith("+++"):
                line = colour("32", line)
            elif line.startswith("-") and not line.startswith("---"):
                line = colour("31", line)
            out.append("  " + line)
    for n in result.orphans:
        out.append(colour("1;31", f"FAILED {result.path}:{n}") +
                   ": expectation line not directly after a top-level statement (inside a block?); "
                   "put it after the whole block")
    return "\n".join(out) + "\n"


def _short(source):
    first = source.strip().split("\n")[0]
    more = "\n" in source.strip()
    return (first[:70] + "...") if len(first) > 70 or more else first


class Progress:
    """A one-line progress bar on a terminal's stderr (only when there are many files)."""

    def __init__(self, total, stream):
        self.total, self.stream = total, stream
        self.on = total >= 20 and stream.isatty()
        self.failed = 0

    def step(self, done, ok):
        if not self.on:
            return
        self.failed += not ok
        width = 30
        fill = width * done // self.total
        self.stream.write(f"\r[{'#' * fill}{'.' * (width - fill)}] {done}/{self.total}"
                          + (f"  {self.failed} failed" if self.failed else ""))
        self.stream.flush()

    def clear(self):
        if self.on:
            self.stream.write("\r" + " " * 60 + "\r")
            self.stream.flush()


# ---------------------------------------------------------------- finding files, main
def find_files(paths, keyword=None):
    """All `.tsh` files under the paths that are tests (sorted, hidden folders skipped), filtered by -k; a file
    named explicitly is always a test (--update fills in a new one)."""
    found = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("__pycache__", "node_modules"))
                found += [os.path.join(root, f) for f in sorted(files) if f.endswith(".tsh")
                          and has_expectations(os.path.join(root, f))]
        else:
            found.append(p)
    if keyword:
        found = [f for f in found if keyword in f]
    return found


def parse_args(argv):
    opts = {"paths": [], "k": None, "x": False, "update": False, "force": False, "check": False,
            "torch": False, "quiet": False, "timeout": default_timeout()}
    flags = {"-x": "x", "--exitfirst": "x", "--update": "update", "--force": "force", "--check": "check",
             "--against-torch": "torch", "-q": "quiet", "--quiet": "quiet"}     # -q: accepted, output is terse anyway
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-h", "--help"):
            return None, "help"
        if a in flags:
            opts[flags[a]] = True
        elif a == "-k":
            if i + 1 >= len(argv):
                return None, "argument -k: expected one argument"
            opts["k"] = argv[i + 1]
            i += 1
        elif a.startswith("-k") and len(a) > 2:
            opts["k"] = a[2:]
        elif a == "--timeout" or a.startswith("--timeout="):
            value = a.partition("=")[2] if "=" in a else (argv[i + 1] if i + 1 < len(argv) else None)
            i += "=" not in a
            try:
                opts["timeout"] = float(value)
                if opts["timeout"] < 0:
                    raise ValueError
            except (TypeError, ValueError):
                return None, "argument --timeout: expected a number of seconds (0: no limit)"
        elif a == "--":
            opts["paths"] += argv[i + 1:]
            break
        elif a.startswith("-"):
            return None, f"unrecognized argument: {a}"
        else:
            opts["paths"].append(a)
        i += 1
    return opts, None


def main(argv, guard=False):
    """`tensorsh test`: exit 0 when every file passed, 1 when one failed, 2 on a usage error, 5 when nothing was
    tested. guard: cap the address space, as the command does (not when called inside a test run)."""
    opts, problem = parse_args(list(argv))
    if problem == "help":
        sys.stdout.write(HELP)
        return 0
    if problem:
        sys.stderr.write(f"tensorsh test: error: {problem}\n{USAGE}")
        return 2
    if opts["update"] and os.environ.get("CI") and not opts["force"]:
        sys.stderr.write("tensorsh test: --update refused because CI is set (add --force to rewrite files anyway)\n")
        return 2
    paths = opts["paths"] or ["."]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        sys.stderr.write(f"tensorsh test: error: no such file or folder: {missing[0]}\n")
        return 2
    files = find_files(paths, opts["k"])
    if not files:
        sys.stdout.write(f"no tests found in {' '.join(paths)} (golden tests are .tsh files with #> or #! lines)\n")
        return NO_TESTS
    if guard:                 # the command's own process (PyTorch's child process gets the cap lifted)
        from tensorsh.engine.storage import guard_address_space
        guard_address_space()
    outcomes_for = None
    if opts["torch"]:
        from tensorsh.app.against_torch import TorchRunner
        runner = TorchRunner(files, statement_timeout=opts["timeout"])
        outcomes_for = runner.outcomes_for
    colour = Colours(sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    progress = Progress(len(files), sys.stderr)
    passed = failed = updated = 0
    skipped = []
    for n, path in enumerate(files, 1):
        run_torch = None if outcomes_for is None else (lambda sts, p=path: outcomes_for(p, sts))
        result = check_file(path, opts["check"], run_torch, opts["timeout"])
        if opts["torch"] and runner.import_error:
            progress.clear()
            sys.stderr.write(f"tensorsh test: --against-torch: {runner.import_error}\n")
            return 2
        if opts["update"] and not result.ok and update_file(result):
            updated += 1          # with --against-torch: PyTorch's own output becomes the expectation
            result = check_file(path, opts["check"], run_torch, opts["timeout"])
        if result.skipped:
            skipped.append((path, result.skipped))
        elif result.ok:
            passed += 1
        else:
            failed += 1
            progress.clear()
            sys.stdout.write(report(result, colour))
            sys.stdout.flush()
        progress.step(n, result.ok)
        if failed and opts["x"]:
            break
    progress.clear()
    for path, why in skipped:
        sys.stdout.write(f"SKIPPED {path}: {why}\n")
    if updated:
        sys.stdout.write(f"updated {updated} file{'s' if updated != 1 else ''}\n")
    sys.stdout.write(f"{passed} passed, {failed} failed" + (f", {len(skipped)} skipped" if skipped else "") + "\n")
    if failed:
        return 1
    return 0 if passed or skipped else NO_TESTS

"""`--against-torch`: run the marked exports of many .tsh files in one Python process with real PyTorch and
collect each statement's outcome, for the golden runner to compare with its expectations."""
import os
import subprocess
import sys
import tempfile

from tensorsh.app.export import MARK, export_source
from tensorsh.app.goldenfile import Outcome, read_source, timeout_report

DRIVER = r"""
import os, signal, sys, warnings
MARK = "\x1e"
try:
    import torch
except BaseException as e:
    sys.stdout.write(MARK + "I" + type(e).__name__ + ": " + str(e) + MARK)
    raise SystemExit(1)
LIMIT = float(os.environ.get("TSH_STATEMENT_TIMEOUT") or 0)
current = [0]


class StatementTimeout(BaseException):
    pass


def tick(i):
    current[0] = i
    if LIMIT:
        signal.setitimer(signal.ITIMER_REAL, LIMIT)


def alarm(signum, frame):
    raise StatementTimeout


signal.signal(signal.SIGALRM, alarm)
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        code = f.read()
    sys.stdout.write(MARK + "F" + path + MARK)
    torch.manual_seed(67280421310721)
    torch.set_grad_enabled(True)
    with warnings.catch_warnings():
        try:
            exec(compile(code, path, "exec"), {"__name__": "__main__", "_tick": tick})
        except StatementTimeout:
            sys.stdout.write(MARK + "T" + str(current[0]) + MARK)
        except BaseException as e:
            sys.stdout.write(MARK + "X" + type(e).__name__ + ": " + str(e) + MARK)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    sys.stdout.flush()
"""


def _uncapped():
    """In PyTorch's child process: lift the address-space cap tensorsh's command set on itself (torch maps more)."""
    try:
        import resource
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
    except (ImportError, ValueError, OSError):
        pass


class TorchRunner:
    """Runs the marked exports of many files in one Python process with torch; per-statement outcomes."""

    def __init__(self, files, timeout=900, statement_timeout=0):
        self.files = list(files)
        self.timeout = timeout
        self.statement_timeout = statement_timeout
        self.results = None
        self.import_error = None      # torch cannot be imported by this Python: why

    def _run_all(self):
        from tensorsh.lang.errors import UserError
        self.results = {}
        with tempfile.TemporaryDirectory(prefix="tsh-torch-") as tmp:
            scripts = {}
            for i, path in enumerate(self.files):
                text, problem = read_source(path)     # a .tsh file or a notebook of tensorsh cells
                if problem is not None:
                    continue
                try:
                    code = export_source(text, path, marked=True)
                except UserError:
                    continue
                script = os.path.join(tmp, f"f{i}.py")
                with open(script, "w", encoding="utf-8") as f:
                    f.write(code)
                scripts[script] = path
            if not scripts:
                return
            env = dict(os.environ, PYTHONIOENCODING="utf-8", TSH_STATEMENT_TIMEOUT=str(self.statement_timeout or 0))
            proc = subprocess.run([sys.executable, "-c", DRIVER, *scripts], capture_output=True, text=True,
                                  encoding="utf-8", errors="replace", timeout=self.timeout, env=env,
                                  preexec_fn=_uncapped if os.name == "posix" else None)
        self._parse(proc.stdout, scripts, proc.stderr)

    def _parse(self, stdout, scripts, stderr):
        parts = stdout.split(MARK)
        current, outcomes = None, None
        for k, part in enumerate(parts):
            if k % 2 == 0:              # printed text
                if part and outcomes:
                    outcomes[-1].output += part
                continue
            tag, payload = part[:1], part[1:]
            if tag == "F":
                current = scripts.get(payload, payload)
                outcomes = self.results[current] = []
            elif tag in ("S", "U"):
                outcomes.append(Outcome(unknown=tag == "U"))
            elif tag == "W" and outcomes:
                outcomes[-1].warnings.append(payload)
            elif tag == "E" and outcomes:
                outcomes[-1].error = payload
            elif tag == "X":
                self.results[current] = f"the PyTorch script stopped: {payload}\n{stderr[-2000:]}"
            elif tag == "T":
                self.results[current] = ("timeout", int(payload))
            elif tag == "I":
                self.import_error = f"torch cannot be imported by {sys.executable}: {payload}"

    def outcomes_for(self, path, statements):
        if self.results is None:
            self._run_all()
        got = self.results.get(path)
        if self.import_error:
            return self.import_error
        if isinstance(got, tuple):
            return timeout_report(statements[got[1]], self.statement_timeout)
        if got is None:
            return f"PyTorch produced no output for {path}"
        if isinstance(got, list) and len(got) != len(statements):
            return f"PyTorch ran {len(got)} of {len(statements)} statements"
        return got

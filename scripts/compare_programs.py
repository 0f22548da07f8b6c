"""Run PyTorch program files under torch and under `tensorsh run` and say which print the same: stdout byte for
byte, the error (type, message) and the warnings (category, message). Not part of CI; used for held-out-style
programs. Usage: python scripts/compare_programs.py [-v] prog1.py prog2.py ...  (exit status 1 if any differs)"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ERROR_LINE = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Interrupt|Exit|Iteration)|StopIteration): ?")
WARNING_LINE = re.compile(r"^\S.*?:\d+: ([A-Za-z_]\w*Warning): (.*)$")
TRIGGERED = re.compile(r" \(Triggered internally at [^)]*\.\)")
ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def outcome(argv, path, timeout):
    """(stdout, error lines, warnings) of one run; the error is the exception's lines after the traceback."""
    try:
        done = subprocess.run(argv + [os.path.basename(path)], capture_output=True, text=True, timeout=timeout,
                              cwd=os.path.dirname(os.path.abspath(path)) or ".",
                              env={**os.environ, "PYTHONPATH": ROOT})  # (this checkout's tensorsh, not an installed one)
    except subprocess.TimeoutExpired:
        return "", ["timeout"], []
    lines = done.stderr.splitlines()
    warnings = [f"{m.group(1)}: {TRIGGERED.sub('', m.group(2))}" for m in map(WARNING_LINE.match, lines) if m]
    error = []
    if done.returncode:
        starts = [i for i, line in enumerate(lines) if ERROR_LINE.match(line)]
        error = [TRIGGERED.sub("", line) for line in lines[starts[-1]:]] if starts else lines[-1:]
    return ADDRESS.sub(" at 0x", done.stdout), [ADDRESS.sub(" at 0x", e) for e in error], warnings


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("-v", "--verbose", action="store_true", help="show both outputs of each program that differs")
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()
    same = 0
    for path in args.files:
        want = outcome([sys.executable], path, args.timeout)
        got = outcome([sys.executable, "-m", "tensorsh", "run"], path, args.timeout)
        if got == want:
            same += 1
            continue
        parts = [name for name, g, w in zip(("stdout", "error", "warnings"), got, want) if g != w]
        print(f"DIFF {path}: {', '.join(parts)}")
        if args.verbose:
            for name, g, w in zip(("stdout", "error", "warnings"), got, want):
                if g != w:
                    print(f"--- torch {name}:\n{w if isinstance(w, str) else chr(10).join(w)}")
                    print(f"--- tensorsh {name}:\n{g if isinstance(g, str) else chr(10).join(g)}")
    print(f"{same}/{len(args.files)} the same")
    return 0 if same == len(args.files) else 1


if __name__ == "__main__":
    sys.exit(main())

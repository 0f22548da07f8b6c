"""Torch's side of the differential tests in a child process: a zygote imports torch once and forks a fresh
child per request, so each program meets a new torch (warn-once state included) and a torch crash is reported,
not fatal."""
import atexit
import json
import os
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


class TorchCrashed(Exception):
    """torch's child died (a segfault, an abort or a timeout): the program tells nothing about tensorsh."""


def _send(stream, obj):
    data = json.dumps(obj).encode()
    stream.write(struct.pack("<I", len(data)) + data)
    stream.flush()


def _receive(stream):
    head = stream.read(4)
    if len(head) < 4:
        raise EOFError
    (n,) = struct.unpack("<I", head)
    return json.loads(stream.read(n))


_ZYGOTE = None


def _zygote():
    global _ZYGOTE
    if _ZYGOTE is None or _ZYGOTE.poll() is not None:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([HERE] + sys.path))
        _ZYGOTE = subprocess.Popen([sys.executable, "-u", os.path.join(HERE, "torch_zygote.py")],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        atexit.register(_stop)
    return _ZYGOTE


def _stop():
    if _ZYGOTE is not None and _ZYGOTE.poll() is None:
        _ZYGOTE.stdin.close()
        try:
            _ZYGOTE.wait(timeout=10)
        except subprocess.TimeoutExpired:  # (a loaded machine: the zygote is told to go; no need to wait)
            _ZYGOTE.kill()


def call(task, **args):
    """Run task (a name in TASKS) with args in a fresh child of the zygote; its result, or TorchCrashed."""
    z = _zygote()
    _send(z.stdin, {"task": task, "args": args})
    reply = _receive(z.stdout)
    if "crash" in reply:
        raise TorchCrashed(reply["crash"])
    return reply["result"]


# ---- inside the zygote ----

def run_program(src):
    """The program's printed text (its error line last, if it raises) and its warnings, in torch."""
    import contextlib
    import copy
    import io
    import warnings

    import torch
    out = io.StringIO()
    with contextlib.redirect_stdout(out), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            exec(src, {"torch": torch, "copy": copy})
        except Exception as e:  # noqa: BLE001 - the error line is part of the output compared
            cls = type(e)  # (named as Python's traceback names it: torch._C._LinAlgError, RuntimeError)
            name = cls.__qualname__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"
            print(f"{name}: {e}")
    warns = [str(w.message).split(" (Triggered internally")[0] for w in caught]
    return out.getvalue(), warns


def generate_program(seed, **options):
    import program_generator
    return program_generator.generate(seed, **options)


TASKS = {"run": run_program, "generate": generate_program}


def _child(request, fd):
    import signal
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)  # fd 1 is the zygote's reply pipe: nothing torch prints from C++ may reach it
    signal.alarm(60)  # a program that hangs torch counts as a crash
    try:
        reply = {"result": TASKS[request["task"]](**request["args"])}
    except BaseException as e:  # noqa: BLE001 - reported to the parent, which decides
        reply = {"crash": f"{type(e).__name__}: {e}"}
    with os.fdopen(fd, "wb") as w:
        _send(w, reply)
    os._exit(0)


def serve():
    os.nice(10)  # a test process's helper: other processes (a CLI test's timed subprocess) go first
    import torch  # noqa: F401 - imported once, inherited by every child
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            request = _receive(stdin)
        except EOFError:
            return
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(r)
            _child(request, w)
        os.close(w)
        with os.fdopen(r, "rb") as reader:
            try:
                reply = _receive(reader)
            except EOFError:
                reply = None
        _, status = os.waitpid(pid, 0)
        if reply is None:
            reply = {"crash": f"torch's child ended with status {status}"}
        _send(stdout, reply)


if __name__ == "__main__":
    serve()

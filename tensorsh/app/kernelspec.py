"""`tensorsh kernel install|uninstall`: the kernelspec that lets Jupyter start tensorsh's kernel."""
import json
import os
import shutil
import sys
import tempfile

NAME = "tensorsh"
USAGE = ("usage: tensorsh kernel install [--user | --sys-prefix | --prefix PREFIX]\n"
         "       tensorsh kernel uninstall [--user | --sys-prefix | --prefix PREFIX]\n")
MISSING = "tensorsh kernel needs the Jupyter extra: pip install 'tensorsh[jupyter]' (ipykernel)\n"


def spec():
    """kernel.json: this Python runs the kernel module; Jupyter interrupts it with SIGINT."""
    return {"argv": [sys.executable, "-m", "tensorsh.app.kernel", "-f", "{connection_file}"],
            "display_name": "tensorsh", "language": "tensorsh", "interrupt_mode": "signal",
            "metadata": {"debugger": False}}


def install(user=False, prefix=None):
    """Write the kernelspec; returns the folder it went to."""
    from jupyter_client.kernelspec import KernelSpecManager
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "kernel.json"), "w") as f:
            json.dump(spec(), f, indent=1)
        return KernelSpecManager().install_kernel_spec(tmp, NAME, user=user, prefix=prefix)


def uninstall(user=False, prefix=None):
    """Remove the `tensorsh` kernelspec from that place, or (neither given) from every place Jupyter finds one;
    returns the folders removed."""
    from jupyter_client.kernelspec import KernelSpecManager
    ksm = KernelSpecManager()
    if user or prefix:
        folder = ksm.user_kernel_dir if user else os.path.join(prefix, "share", "jupyter", "kernels")
        places = [os.path.join(folder, NAME)] if os.path.isdir(os.path.join(folder, NAME)) else []
        for path in places:
            shutil.rmtree(path)
        return places
    places = []
    while NAME in ksm.find_kernel_specs():     # one place at a time: a user's spec hides the system's
        places.append(ksm.find_kernel_specs()[NAME])
        shutil.rmtree(places[-1])
    return places


def _where(rest):
    """(user, prefix) from the options, or a problem."""
    if not rest:
        return False, None, None
    if rest == ["--user"]:
        return True, None, None
    if rest == ["--sys-prefix"]:
        return False, sys.prefix, None
    if len(rest) == 2 and rest[0] == "--prefix":
        return False, rest[1], None
    return False, None, f"unrecognized arguments: {' '.join(rest)}"


def main(args):
    if args[:1] in (["-h"], ["--help"]):
        sys.stdout.write(USAGE)
        return 0
    try:
        import ipykernel  # noqa: F401
        import jupyter_client  # noqa: F401
    except ImportError:
        sys.stderr.write(MISSING)
        return 2
    command = args[:1]
    user, prefix, problem = _where(args[1:])
    if problem or command not in (["install"], ["uninstall"]):
        sys.stderr.write(f"tensorsh kernel: error: {problem or 'expected install or uninstall'}\n{USAGE}")
        return 2
    if command == ["install"]:
        try:
            path = install(user=user, prefix=prefix)
        except OSError as e:
            sys.stderr.write(f"tensorsh kernel: cannot install the kernelspec: {e}\n"
                             "(try --user, or --sys-prefix in a virtual environment)\n")
            return 1
        sys.stdout.write(f"installed kernelspec {NAME} in {path}\n")
        return 0
    try:
        removed = uninstall(user=user, prefix=prefix)
    except OSError as e:
        sys.stderr.write(f"tensorsh kernel: cannot remove the kernelspec: {e}\n")
        return 1
    for path in removed:
        sys.stdout.write(f"removed kernelspec {NAME} from {path}\n")
    if not removed:
        sys.stdout.write(f"no kernelspec {NAME} was found to remove\n")
    return 0

"""Writing files so that a crash or an error never leaves one half-written (shared by every layer)."""
import os
import tempfile


def write_atomic(path, data):
    """Write text or bytes via a temporary file in the same folder and os.replace, keeping the file's mode."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".tsh-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        try:
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        except OSError:  # a new file keeps mkstemp's private mode... made readable below
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise

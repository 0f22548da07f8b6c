"""pytest plugin: every `.tsh` file is one test item, checked as `tensorsh test` checks it.

Registered as the `pytest11` entry point `tensorsh`. Options: `--tsh-update` rewrites stale
expectations in place (as `tensorsh test --update`; refused when CI is set), and the ini setting
`tsh_paths` (glob patterns relative to the rootdir) narrows which `.tsh` files are collected.
Items hold only their path, so they pickle and run under pytest-xdist.
"""
import fnmatch
import os

import pytest


def pytest_addoption(parser):
    group = parser.getgroup("tensorsh", "tensorsh golden files (.tsh)")
    group.addoption("--tsh-update", action="store_true", default=False,
                    help="rewrite the expectations of failing .tsh files in place (as `tensorsh test --update`)")
    group.addoption("--tsh-check", action="store_true", default=False,
                    help="also fail on expectation lines no statement can produce (as `tensorsh test --check`)")
    group.addoption("--tsh-timeout", type=float, default=None,
                    help="seconds a statement of a .tsh file may run (default 60, or TENSORSH_TEST_TIMEOUT; 0: none)")
    parser.addini("tsh_paths", type="linelist", default=[],
                  help="glob patterns (relative to the rootdir) of the .tsh files to collect; default: all")


def pytest_configure(config):
    if config.getoption("tsh_update") and os.environ.get("CI") and not os.environ.get("TSH_FORCE_UPDATE"):
        raise pytest.UsageError("--tsh-update is refused when CI is set (set TSH_FORCE_UPDATE=1 to force)")


def pytest_collect_file(file_path, parent):
    if file_path.suffix != ".tsh":
        return None
    patterns = parent.config.getini("tsh_paths")
    if patterns:
        rel = _relative(file_path, parent.config.rootpath)
        if not any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(rel, p.rstrip("/") + "/*") for p in patterns):
            return None
    return TshFile.from_parent(parent, path=file_path)


def _relative(path, root):
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


class TshFile(pytest.File):
    def collect(self):
        yield TshItem.from_parent(self, name=self.path.name)


class TshFailure(Exception):
    """Carries the report text of a failing file."""


class TshItem(pytest.Item):
    def runtest(self):
        from tensorsh.app import golden
        path = _relative(self.path, self.config.invocation_params.dir)
        check = self.config.getoption("tsh_check")
        timeout = self.config.getoption("tsh_timeout")
        result = golden.check_file(path if os.path.exists(path) else str(self.path), check, timeout=timeout)
        if result.skipped:
            pytest.skip(result.skipped)
        if not result.ok and self.config.getoption("tsh_update"):
            if golden.update_file(result):
                result = golden.check_file(result.path, check, timeout=timeout)
        if not result.ok:
            failed = result.failed_blocks
            self._line = failed[0].line if failed else (result.orphans[0] if result.orphans else 0)
            raise TshFailure(golden.report(result))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, TshFailure):
            return str(excinfo.value).rstrip("\n")
        return super().repr_failure(excinfo)

    def reportinfo(self):
        line = getattr(self, "_line", 0)
        return self.path, max(line - 1, 0), f"{self.path.name}" + (f":{line}" if line else "")

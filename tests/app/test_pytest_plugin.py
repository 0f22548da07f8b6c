"""The pytest plugin: a folder of .tsh files runs as pytest items (pass, fail with the diff, -k, --tsh-update, tsh_paths)."""
import importlib.util
import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLED = any(ep.name == "tensorsh" for ep in entry_points(group="pytest11"))


def pytest_run(folder, *args, env=None):
    """pytest in `folder` as a user would run it (the plugin loaded as installed, or with -p in a checkout)."""
    plugin = [] if INSTALLED else ["-p", "tensorsh.app.pytest_plugin"]
    environ = {k: v for k, v in os.environ.items() if k != "CI"}
    environ.update(env or {}, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *plugin, "-q", *args],
                          cwd=folder, capture_output=True, text=True, env=environ, timeout=300)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "good.tsh").write_text("x = tensor([1.], grad)\ny = x.detach()\ny[0] = 2\nprint(x)\n"
                                       "#> tensor([2.], requires_grad=True)\n")
    (tmp_path / "bad.tsh").write_text("# a stale expectation\nprint(ones(2))\n#> tensor([1., 2.])\n")
    return tmp_path


def test_reports_passed_and_failed_items_with_the_diff(folder):
    proc = pytest_run(folder)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "1 failed, 1 passed" in proc.stdout
    assert "FAILED bad.tsh:2: print(ones(2))" in proc.stdout
    assert "-#> tensor([1., 2.])" in proc.stdout and "+#> tensor([1., 1.])" in proc.stdout
    assert "Traceback" not in proc.stdout


def test_k_selects_by_name(folder):
    proc = pytest_run(folder, "-k", "good")
    assert proc.returncode == 0 and "1 passed, 1 deselected" in proc.stdout


def test_tsh_update_fixes_the_file(folder):
    proc = pytest_run(folder, "--tsh-update")
    assert proc.returncode == 0, proc.stdout
    assert (folder / "bad.tsh").read_text() == "# a stale expectation\nprint(ones(2))\n#> tensor([1., 1.])\n"
    assert pytest_run(folder).returncode == 0


def test_tsh_update_refused_under_ci(folder):
    proc = pytest_run(folder, "--tsh-update", env={"CI": "1"})
    assert proc.returncode != 0 and "CI" in proc.stderr
    assert "#> tensor([1., 2.])" in (folder / "bad.tsh").read_text()


def test_tsh_paths_narrows_collection(folder):
    (folder / "pytest.ini").write_text("[pytest]\ntsh_paths =\n    good*.tsh\n")
    proc = pytest_run(folder)
    assert proc.returncode == 0 and "1 passed" in proc.stdout


def test_items_hold_only_a_path():
    from tensorsh.app import pytest_plugin
    assert not any(isinstance(v, type) and v.__name__ == "Session" for v in vars(pytest_plugin).values())


@pytest.mark.skipif(importlib.util.find_spec("xdist") is None, reason="pytest-xdist is not installed")
def test_xdist(folder):
    proc = pytest_run(folder, "-n", "2")
    assert "1 failed, 1 passed" in proc.stdout

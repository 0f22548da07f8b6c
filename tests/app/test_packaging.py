"""A real, non-editable install finds the grammar inside the package and runs `tensorsh -c`.

Slow-ish (it builds a wheel into a fresh virtual environment), but in the default run: the grammar
living outside the package directory is exactly the kind of thing that breaks only once installed.
"""
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def venv(tmp_path_factory):
    base = tmp_path_factory.mktemp("pkg")
    src = base / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", "build", "*.egg-info", "__pycache__",
                                                              ".venv", ".hypothesis", "tests", "examples"))
    if not (src / "README.md").exists():   # written by another engineer; pyproject.toml needs one
        (src / "README.md").write_text("tensorsh\n")
    env_dir = base / "venv"
    # --without-pip: the system pip and setuptools (new enough to build wheels without `wheel`) do the install
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(env_dir)], check=True)
    py = env_dir / "bin" / "python"
    r = subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", str(src)],
                       capture_output=True, text=True, cwd=base)
    if r.returncode != 0:
        pytest.fail("pip install failed:\n" + r.stdout + r.stderr)
    return env_dir


def clean_env():
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["NO_COLOR"] = "1"
    return env


def test_installed_package_ships_the_grammar(venv, tmp_path):
    code = ("import importlib.resources, tensorsh\n"
            "p = importlib.resources.files('tensorsh.grammar').joinpath('tensorsh.lark')\n"
            "print(tensorsh.__file__)\nprint(p.read_text(encoding='utf-8'), end='')")
    r = subprocess.run([str(venv / "bin" / "python"), "-c", code], capture_output=True, text=True,
                       cwd=tmp_path, env=clean_env())
    assert r.returncode == 0, r.stderr
    location, grammar = r.stdout.split("\n", 1)
    assert str(venv) in location           # the installed copy, not the source tree
    assert grammar == (ROOT / "grammar" / "tensorsh.lark").read_text(encoding="utf-8")


def test_installed_console_script_runs(venv, tmp_path):
    r = subprocess.run([str(venv / "bin" / "tensorsh"), "-c", "print(1)"], capture_output=True, text=True,
                       cwd=tmp_path, env=clean_env())
    assert (r.returncode, r.stdout, r.stderr) == (0, "1\n", "")

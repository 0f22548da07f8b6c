"""Layers import downward only: the engine loads neither lark nor rich; `-c --plain` loads no rich/prompt_toolkit."""
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def modules_after(code):
    r = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint(' '.join(sorted(sys.modules)))"],
                       capture_output=True, text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert r.returncode == 0, r.stderr
    return set(r.stdout.split()[-1:] and r.stdout.splitlines()[-1].split())


def test_engine_loads_neither_lark_nor_rich():
    mods = modules_after("import tensorsh.engine.torch_api")
    assert not {m for m in mods if m.split(".")[0] in ("lark", "rich", "prompt_toolkit", "torch")}


def test_language_does_not_load_lark_rich_or_prompt_toolkit():
    mods = modules_after("from tensorsh.lang.session import Session\nSession(write=lambda t: None).run('x = 1')")
    assert not {m for m in mods if m.split(".")[0] in ("lark", "rich", "prompt_toolkit", "torch")}


def test_plain_c_loads_neither_rich_nor_prompt_toolkit():
    mods = modules_after("import sys\nfrom tensorsh.app.cli import main\n"
                         "rc = main(['--plain', '-c', 'x = ones(2)\\ny = (x * 2).sum()'])\nassert rc == 0")
    assert not {m for m in mods if m.split(".")[0] in ("lark", "rich", "prompt_toolkit", "torch")}


def test_torch_nn_optim_and_utils_data_load_on_first_use_only():
    start = modules_after("from tensorsh.lang.session import Session\nSession(write=lambda t: None).run('x = 1')")
    assert not {m for m in start if m.split(".")[:2] in (["tensorsh", "nn"], ["tensorsh", "optim"],
                                                         ["tensorsh", "data"])}
    used = modules_after("from tensorsh.lang.session import Session\n"
                         "Session(write=lambda t: None).run('from torch.utils.data import DataLoader')")
    assert "tensorsh.data" in used and not {m for m in used if m.split(".")[0] in ("lark", "rich", "torch")}


def test_utils_data_sits_above_the_engine_only():
    mods = modules_after("import tensorsh.data")
    assert not {m for m in mods if m.split(".")[:2] in (["tensorsh", "lang"], ["tensorsh", "render"],
                                                        ["tensorsh", "app"])}

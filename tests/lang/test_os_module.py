"""`import os` for the files a checkpoint program uses (os.path, remove, makedirs, listdir): Python's own functions,
so their values and errors are Python's, compared with torch's run of the same program."""
import pytest

from test_torch_programs import assert_prints_as_torch, run_in_language

pytest.importorskip("torch")

PROGRAM = """
import torch, os
import os.path
from os.path import join
d = {root!r}
os.makedirs(d, exist_ok=True)
p = join(d, 'm.pt')
torch.save({{'w': torch.arange(3)}}, p)
print(os.path.exists(p), os.path.isfile(p), os.path.isdir(d), os.path.basename(p), os.path.splitext(p)[1],
      os.listdir(d), os.path.getsize(p) > 0, os.sep)
print(torch.load(p)['w'])
os.remove(p)
print(os.path.exists(p), os.path is os.path)
os.rmdir(d)
try:
    os.remove(p)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
"""


def test_a_checkpoint_programs_files_through_os(tmp_path):
    assert_prints_as_torch(PROGRAM.format(root=str(tmp_path / "ckpt")))


def test_os_offers_only_the_file_functions():
    out, _ = run_in_language("import os\nprint(os.system)\n")
    assert out.startswith("AttributeError: module 'os' has no attribute 'system'")

"""torch.save / torch.load: what experiments save comes back as PyTorch gives it back (dtypes, strides, offsets,
requires_grad, storages shared again, version 1, state dicts of modules and optimizers); the file is written whole
or not at all, and loading runs no code."""
import os

import pytest

from same_as_torch import same_as_torch
from tensorsh.engine.errors import TorchError
from tensorsh.engine.torch_api import NAMESPACE

save, load, ones = NAMESPACE["save"], NAMESPACE["load"], NAMESPACE["ones"]


def test_tensors_and_containers_come_back_as_torch_gives_them(tmp_path):
    path = str(tmp_path / "t.pt")
    same_as_torch(f"""
x = torch.ones(3, requires_grad=True)
y = x * 2
b = torch.arange(6, dtype=torch.int32).view(2, 3).t()
torch.save({{'a': y, 'b': [x, x[1:]], 3: (1.5, None, 'z'), 'c': b, 'h': torch.tensor([1.5]).half()}}, {path!r})
d = torch.load({path!r})
print(d, d['b'][1]._base, d['b'][1].storage_offset(), [t._version for t in d['b']])
print(d['b'][0].untyped_storage().data_ptr() == d['b'][1].untyped_storage().data_ptr())
d['b'][0].data.add_(1)
print(d['b'][1], d['c'].stride(), d['c'].is_contiguous(), d['h'].dtype, d['a'].is_leaf)
""")


def test_module_and_optimizer_state_round_trip(tmp_path):
    path = str(tmp_path / "ck.pt")
    same_as_torch(f"""
torch.manual_seed(0)
m = torch.nn.Linear(2, 2)
opt = torch.optim.Adam(m.parameters(), lr=0.1)
m(torch.ones(1, 2)).sum().backward()
opt.step()
torch.save({{"model": m.state_dict(), "opt": opt.state_dict(), "epoch": 3}}, {path!r})
ck = torch.load({path!r}, weights_only=True)
m2 = torch.nn.Linear(2, 2)
print(m2.load_state_dict(ck["model"]), m2.weight, ck["epoch"], list(ck["model"].keys()))
opt2 = torch.optim.Adam(m2.parameters(), lr=0.5)
opt2.load_state_dict(ck["opt"])
print(opt2.state_dict()["param_groups"][0]["lr"], opt2.state[m2.weight]["exp_avg"], opt2.state[m2.weight]["step"])
""")


def test_a_missing_file_is_pythons_error(tmp_path):
    same_as_torch(f"torch.load({str(tmp_path / 'nope.pt')!r})")


def test_a_missing_directory_is_refused_as_torch_refuses_it(tmp_path):
    same_as_torch(f"torch.save(torch.ones(1), {str(tmp_path / 'nodir' / 'x.pt')!r})")


def test_a_failed_save_leaves_the_file_as_it_was(tmp_path):
    path = tmp_path / "keep.pt"
    save({"w": ones(2)}, str(path))
    before = path.read_bytes()
    with pytest.raises(TorchError, match="cannot save a function"):
        save({"w": ones(3), "f": test_a_failed_save_leaves_the_file_as_it_was}, str(path))
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["keep.pt"]
    assert load(str(path))["w"].tolist() == [1.0, 1.0]


def test_a_file_tensorsh_did_not_write_is_refused(tmp_path):
    path = tmp_path / "other.pt"
    path.write_bytes(b"PK\x03\x04 a zip")
    with pytest.raises(TorchError, match="is not a file torch.save wrote in tensorsh"):
        load(str(path))

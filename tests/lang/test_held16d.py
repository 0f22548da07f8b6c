"""Classes of difference found by the sixteenth round's held-out programs about the Python around tensors, numpy
interop and printing (held16d): one differential program each, run in torch and in the language."""
import subprocess
import sys

import pytest

from test_torch_programs import assert_prints_as_torch, language_warnings, run_in_language

pytest.importorskip("torch")

PROGRAMS = {
"a_tensors_hash_is_its_id": """
a = torch.tensor(1)
p = torch.nn.Parameter(torch.ones(2))
print(hash(a) == id(a), hash(p) == id(p), a.__hash__() == id(a), hash(torch.Size([2])) == hash((2,)), hash(3))
""",
"a_read_only_array_is_aliased_and_written_through": """
import warnings
import numpy as np
warnings.simplefilter("ignore")
r = np.arange(4.)
r.setflags(write=False)
print(r.flags.writeable, r.flags["WRITEABLE"], r.flags.owndata, np.zeros(2).flags.owndata, r.reshape(2, 2).flags.owndata)
t = torch.from_numpy(r)
t.add_(1)
print(r, t.numpy().flags.writeable, torch.as_tensor(r).data_ptr() == t.data_ptr())
try:
    r[0] = 5
except ValueError as e:
    print(e)
r.flags.writeable = True
r[0] = 9
print(t)
b = np.broadcast_to(np.arange(3.), (2, 3))
tb = torch.from_numpy(b)
tb[0, 0] = 7
print(b.flags.writeable, tb, tb.stride())
for f in [lambda: torch.asarray(r, dtype=torch.float32, copy=False), lambda: torch.asarray(r, copy=True).data_ptr() == t.data_ptr()]:
    try:
        print(f())
    except ValueError as e:
        print(e)
""",
"pytorchs_other_dtypes_have_their_attributes_and_info": """
for d in [torch.uint16, torch.uint32, torch.uint64, torch.complex32, torch.chalf, torch.float8_e4m3fn, torch.float8_e5m2]:
    f = torch.finfo(d) if d.is_floating_point or d.is_complex else torch.iinfo(d)
    print(d, d.itemsize, d.is_floating_point, d.is_signed, d.is_complex, isinstance(d, torch.dtype), f, f.bits, f.max)
print(type(torch.uint16).__name__, torch.complex32.to_real(), torch.uint16 == torch.uint8)
for f in [lambda: torch.set_default_dtype(torch.float8_e4m3fn), lambda: torch.set_default_dtype(torch.uint16)]:
    try:
        f()
    except TypeError as e:
        print(e)
""",
"the_legacy_constructors_take_arrays": """
import numpy as np
f = np.arange(3, dtype=np.float32)
x = torch.Tensor(f)
x.add_(1)
print(f, torch.FloatTensor(np.arange(3)), torch.LongTensor(np.array([2, 3])), torch.Tensor(np.array(5.)))
print(torch.ones(2).new(np.arange(2, dtype=np.float32)), torch.ones(2, dtype=torch.float64).new(np.array([1.5])))
try:
    torch.Tensor(np.float64(2.0))
except TypeError as e:
    print(e)
""",
"from_numpy_names_a_non_arrays_type_as_torch": """
import numpy as np
for v in [np.float64(1.0), np.int32(2), [1, 2], None, torch.ones(2)]:
    try:
        torch.from_numpy(v)
    except TypeError as e:
        print(e)
""",
"a_zero_dim_array_first_in_a_list_has_no_length": """
import warnings
import numpy as np
warnings.simplefilter("ignore")
a = np.arange(3.)
print(torch.tensor([a, a * 2], dtype=torch.int32), torch.tensor([1.0, np.array(2.0)]), torch.tensor([np.zeros(0)] * 2))
try:
    torch.tensor([np.array(1.0), 2.0])
except TypeError as e:
    print(e)
""",
"torch_tensor_of_an_array_is_from_numpy_then_to": """
import numpy as np
m = np.array([[1, 2], [3, 4]])
print(torch.tensor(m.T).stride(), torch.tensor(m.T, dtype=torch.float32).stride(), torch.tensor(np.zeros((2, 3, 4)).transpose(2, 0, 1)).stride())
print(torch.tensor(np.array([300, -1]), dtype=torch.int8), torch.tensor(np.array([np.nan]), dtype=torch.int64))
print(torch.tensor(np.broadcast_to(np.arange(3), (2, 3))).stride(), torch.tensor(np.array(5), dtype=torch.float64))
for f in [lambda: torch.tensor(m[:, ::-1]), lambda: torch.tensor(np.int64(300), dtype=torch.int8)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"device_of_the_factories_is_initialized": """
x = torch.ones(2)
fs = [lambda: torch.zeros(2, device="cuda"), lambda: torch.randn(2, device="cuda:1"), lambda: torch.arange(3, device=torch.device("cuda")),
      lambda: torch.zeros_like(x, device="cuda"), lambda: x.new_zeros(2, device="xpu"), lambda: torch.tensor([1.], device="cuda"),
      lambda: torch.tensor([[1], [1, 2]], device="cuda"), lambda: torch.zeros(-1, device="cuda"), lambda: torch.zeros(2, device="gpu"),
      lambda: torch.tensor([1], device=0), lambda: torch.asarray(x, device="cuda"), lambda: torch.asarray([1.], device="cuda"),
      lambda: torch.asarray(x, device="cuda:1", copy=False), lambda: torch.Tensor([1], device="cuda"), lambda: x.new(2, device="cuda"),
      lambda: torch.FloatTensor(x, device="cuda"), lambda: torch.Generator(device="cuda"), lambda: torch.device("cuda"),
      lambda: torch.zeros(2, device="cpu:0").device, lambda: torch.zeros(2, device="cpu"), lambda: torch.zeros(2, device="cuda")]
for f in fs:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"nn_layers_refuse_a_device_as_their_factories_do": """
nn = torch.nn
for f in [lambda: nn.Linear(2, 2, device="cuda"), lambda: nn.Linear(2, 2, True, "cuda"), lambda: nn.Conv2d(3, 4, 3, groups=2, device="cuda"),
          lambda: nn.LSTM(2, 3, device="cuda"), lambda: nn.Linear(2, device="cuda"), lambda: nn.Linear(2, 2, device="cpu").weight.device,
          lambda: nn.Transformer(d_model=4, nhead=2, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=8, device="cuda")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class My(nn.Linear):
    def __init__(self):
        super().__init__(2, 3, device="cuda")
try:
    My()
except AssertionError as e:
    print(e)
""",
"a_parameters_format_is_objects": """
p = torch.nn.Parameter(torch.tensor(2.5))
for f in [lambda: f"{p:.2f}", lambda: f"{p}", lambda: format(torch.nn.Parameter(torch.ones(2)), ""), lambda: f"{torch.nn.Buffer(torch.tensor(1.5)):.1f}",
          lambda: f"{torch.tensor(2.5, requires_grad=True):.1f}", lambda: f"{torch.tensor([1.5]):.2f}"]:
    try:
        print(repr(f()))
    except TypeError as e:
        print(e)
""",
"an_integer_tensor_is_an_int_argument": """
x = torch.arange(6.).reshape(2, 3)
i0, i1 = torch.tensor(0), torch.tensor(1)
for f in [lambda: x.sum(i1), lambda: x.sum(dim=i1), lambda: x.sum([i0, i1]), lambda: x.unsqueeze(i0).shape, lambda: x.split(1, i1),
          lambda: x.sum(torch.tensor(True)), lambda: x.topk(i1 + 1, dim=torch.tensor(1)).values, lambda: x.softmax(torch.tensor(-1)).sum(1),
          lambda: x.sum(torch.tensor(1.0)), lambda: x.unsqueeze(torch.tensor([0])).shape]:
    try:
        print(f())
    except TypeError as e:
        print(e)
""",
"slice_bounds_are_read_through_index": """
x = torch.arange(6)
class I:
    def __index__(self):
        return 2
for f in [lambda: x[1.5:], lambda: x[::torch.tensor(2.)], lambda: x[torch.tensor([1, 2]):], lambda: x[torch.tensor(True):],
          lambda: x[I():], lambda: x[:torch.tensor([2])], lambda: x.clone().__setitem__(slice(1.5, None), 0)]:
    try:
        print(f())
    except TypeError as e:
        print(e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])


def test_a_subclass_of_torch_tensor_is_refused_not_made_a_plain_tensor():
    out, _ = run_in_language("class W(torch.Tensor):\n    pass\nprint(type(W(torch.ones(2))).__name__)\n")
    assert out == "RuntimeError: tensorsh: subclasses of torch.Tensor are not supported yet\n"


def test_a_tensor_of_a_dtype_tensorsh_has_not_is_refused():
    out, _ = run_in_language("x = torch.ones(2)\nfor f in [lambda: torch.zeros(2, dtype=torch.uint16), lambda: x.to(torch.float8_e5m2), "
                             "lambda: x.type(torch.uint32), lambda: torch.tensor([1], dtype=torch.chalf)]:\n"
                             "    try:\n        f()\n    except RuntimeError as e:\n        print(e)\n")
    assert out == "".join(f"tensorsh: torch.{name} tensors are not supported yet\n"
                          for name in ("uint16", "float8_e5m2", "uint32", "complex32"))


ONCE = """
import numpy as np
r = np.arange(4.)
r.setflags(write=False)
print(torch.tensor(r).sum(), torch.asarray(r, dtype=torch.float32).sum())
t = torch.from_numpy(r)
print(torch.as_tensor(r).sum(), torch.tensor([r, r]).shape, torch.tensor([r]).shape)
"""


def test_a_read_only_array_and_a_list_of_arrays_warn_once_as_torch():
    """TORCH_WARN_ONCE's warnings (not-writable arrays where they are aliased, a list of arrays): torch in a process
    of its own, so that no earlier test has used them up."""
    done = subprocess.run([sys.executable, "-c", "import torch, copy\n" + ONCE], capture_output=True, text=True)
    out, err = run_in_language(ONCE)
    assert out == done.stdout
    theirs = sorted(line.split(": ", 1)[1].split(" (Triggered internally")[0] for line in done.stderr.splitlines()
                    if "Warning: " in line)
    assert language_warnings(err) == theirs and len(theirs) == 2

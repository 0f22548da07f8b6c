"""Classes of difference found by the twenty-second round's held-out programs about the Python around tensors and
printing (held22a): one differential program each, run in torch and in the language."""
import re
import subprocess
import sys

import pytest

from test_torch_programs import assert_prints_as_torch, run_in_language

from tensorsh.lang.session import Session

pytest.importorskip("torch")

PROGRAMS = {
"a_programs_own_warning_class_is_its_category": """
import warnings
class NanWarning(UserWarning):
    pass
class Quiet(RuntimeWarning):
    pass
def check(x):
    if x.isnan().any():
        warnings.warn(f"nan in {x.shape}", NanWarning)
    return x
check(torch.tensor([float('nan')]))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    check(torch.tensor([float('nan')]))
    warnings.warn(Quiet("q"))
    torch.tensor(torch.ones(1))
    print([type(r.message).__name__ for r in w], [r.category.__name__ for r in w], w[0].message.args)
    print(issubclass(w[0].category, UserWarning), isinstance(w[1].message, RuntimeWarning))
warnings.filterwarnings("ignore", category=Quiet)
warnings.warn("ignored", Quiet)
warnings.filterwarnings("error", category=NanWarning)
try:
    check(torch.tensor([float('nan')]))
except NanWarning as e:
    print("raised", type(e).__name__, e, isinstance(e, UserWarning), e.args)
warnings.warn("still shown", UserWarning)
""",
"torch_version_and_the_deprecated_has_flags": """
import torch.version
from torch.version import cuda
print(torch.version.__version__, torch.version.cuda, torch.version.debug, torch.version.hip, cuda)
print(type(torch.version.__version__).__name__, torch.version.git_version[:7], torch.version.rocm)
print(f"PyTorch {torch.__version__}, CUDA {torch.version.cuda}")
print(torch.has_cuda, torch.has_mps, torch.has_cudnn, torch.has_mkldnn)
for i in range(2):
    print(hasattr(torch, "has_cuda"), getattr(torch, "has_mps"))
""",
"tensor_methods_bound_in_c_outside_the_parser_table_are_builtin_methods": """
x = torch.ones(2)
for m in [x.type, x.new_tensor, x.apply_, x.as_subclass, x.size, x.item]:
    print(repr(m).split(" at ")[0], type(m).__name__, m.__name__)
print(x.type(), x.new_tensor([1, 2]), x.type == x.type)
p = torch.nn.Parameter(torch.ones(2))
for m in [x.split, x.unflatten, x.unique, x.stft, x.resize, x.storage_type, x.backward, x.norm, p.split]:
    print(repr(m).split(" at ")[0], type(m).__name__, m.__name__, m.__qualname__)
f = x.unflatten
print(f(0, (1, 2)), x.split == x.split, x.split(1))
""",
"a_non_native_byte_order_array_is_refused_after_its_strides": """
import numpy as np
for a in [np.array(["a", "b"])[::-1], np.array([1, 2], dtype=">i4")[::-1], np.array([1., 2.], dtype=">f8"),
          np.array([1, 2], dtype="<i4"), np.zeros(3, dtype=">i4"), np.array([[1, 2]], dtype=">i2")[:, 0]]:
    for f in [torch.from_numpy, torch.as_tensor, torch.tensor, torch.asarray, torch.Tensor]:
        try: print(f(a))
        except Exception as e: print(type(e).__name__, e)
""",
"the_default_complex_dtype_follows_the_default_float_as_c10s": """
torch.set_default_dtype(torch.float16)
print(torch.full((1,), 1j).dtype, (torch.ones(1, dtype=torch.float32) * 1j).dtype, torch.tensor([1.5]).dtype)
for d in [torch.bfloat16, torch.float32, torch.float64]:
    torch.set_default_dtype(d)
    for f in [lambda: torch.tensor(1j).dtype, lambda: torch.tensor([1, 1j]).dtype, lambda: (torch.ones(1) * 1j).dtype,
              lambda: (torch.ones(1, dtype=torch.float32) * 1j).dtype, lambda: (torch.ones(1, dtype=torch.int64) * 1j).dtype,
              lambda: torch.full((1,), 1j).dtype, lambda: torch.as_tensor(1j).dtype, lambda: torch.tensor(1).new_tensor(1j).dtype,
              lambda: torch.tensor([1.5]).dtype, lambda: torch.tensor(1.5, dtype=torch.complex64).dtype]:
        try: print(d, f())
        except Exception as e: print(d, type(e).__name__, e)
torch.set_default_dtype(torch.float32)
""",
}

# (a whole script, as given: a __future__ import comes first)
WHOLE = {
"from_future_import_annotations_keeps_annotations_unevaluated": """
from __future__ import annotations, division
import torch
from dataclasses import dataclass, fields
@dataclass
class Cfg:
    lr: float = 0.1
    model: Model | None = None
    shape: tuple[int, ...] = (2, 3)
class Model:
    w: torch.Tensor
    def forward(self, x: torch.Tensor) -> Model:
        return self
v: NotDefined = torch.tensor(3)
u: AlsoNot
print(Cfg(), [f.name for f in fields(Cfg)], [f.type for f in fields(Cfg)], v, annotations, division)
""",
}

# (torch run as its own process: this one imported tensorsh, which silences numpy's errors, and a TORCH_WARN_ONCE
# given here would be used up for later tests)
SCRIPTS = {
"a_double_reaches_uint8_through_int64": """
import numpy as np
v = [-607583677746.6947, 2**32 + 5.5, -2**31 - 1.0, -300.7, 1e19, float('nan'), 255.9]
for dt in [torch.float64, torch.complex128, torch.float32, torch.float16]:
    x = torch.tensor(v, dtype=torch.float64).to(dt)
    nc = torch.stack([x, x], 1)[:, 0]
    print(dt, x.to(torch.uint8).tolist(), nc.byte().tolist(), x[1].to(torch.uint8).item(), x.type(torch.ByteTensor),
          torch.zeros(7, dtype=torch.uint8).copy_(x).tolist(), x.to(torch.int8).tolist())
u = torch.zeros(7, dtype=torch.uint8)
u[:] = torch.tensor(v, dtype=torch.float64)
print(u, torch.tensor(np.array(v), dtype=torch.uint8), torch.as_tensor(np.array(v), dtype=torch.uint8))
""",
"numpys_nan_functions_and_array_helpers_as_numpy_gives_them": """
import numpy as np
a = torch.tensor([[1., float('nan')], [3., 4.]]).numpy()
print(np.nansum(a), np.nanmean(a, axis=0), np.nan_to_num(a, nan=-1.0), np.nanmax(a), np.nanmean(np.array([np.nan])))
print(np.nanmax(np.array([np.nan])), np.split(np.arange(6), 3), np.pad(np.ones(2), 1), np.roll(np.arange(4), 1))
print(np.histogram(np.array([1, 2, 2, 3]), bins=3), np.isin(np.arange(4), [1, 3]), np.unravel_index(5, (2, 3)))
print(np.average(np.arange(4.), weights=np.arange(4.)), np.ptp(np.arange(5)), np.shape(torch.ones(2, 3).numpy()))
print(torch.from_numpy(np.nan_to_num(a)), np.fmax(a, 2), np.hypot(a, a).dtype)
""",
"a_programs_numpy_calls_warn_as_numpy_does": """
import numpy as np
a = np.array([0., -1., 1e308])
print(np.log(a), a / 0, a * 10, np.sqrt(torch.tensor([-1.]).numpy()), np.exp(np.array([1000.])))
print(a.astype(np.float32), np.array([np.nan, 1e20]).astype(np.int32), np.array([1+1j]).astype(np.float64))
print(np.array([]).mean(), np.mean([]), np.std(np.array([1.]), ddof=1), np.log(0.0))
x = torch.tensor([0., 1.]).numpy()
x /= 0
print(x, np.divide(1., np.array([0.])), np.array([0., 1.]) ** -1, np.array([1, 2]) // 0)
for i in range(2):
    print(np.log(np.zeros(1)), np.array([]).mean())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])


def warning_lines(stderr):
    return [m.group(1).split(" (Triggered internally")[0]
            for m in re.finditer(r"^\S+:\d+: (\w+Warning: .*)$", stderr, re.M)]


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_the_script_warns_as_torch_run_as_a_process_does(name):
    src = "import torch\nimport copy\n" + SCRIPTS[name]
    torch_run = subprocess.run([sys.executable, "-c", src], capture_output=True, text=True, timeout=120)
    got, stderr = run_in_language(SCRIPTS[name])
    assert got == torch_run.stdout
    assert warning_lines(torch_run.stderr) and warning_lines(stderr) == warning_lines(torch_run.stderr)


@pytest.mark.parametrize("name", sorted(WHOLE))
def test_the_whole_script_prints_what_torch_prints(name):
    import io
    torch_run = subprocess.run([sys.executable, "-c", WHOLE[name]], capture_output=True, text=True, timeout=120)
    out = io.StringIO()
    error = Session(write=out.write, write_err=io.StringIO().write).run(WHOLE[name], "prog.py")
    assert error is None and torch_run.returncode == 0
    assert out.getvalue() == torch_run.stdout


def test_a_complex_number_under_the_default_float16_is_refused_not_made_complex64():
    got, _ = run_in_language("torch.set_default_dtype(torch.float16)\nfor f in [lambda: torch.tensor(1j), "
                             "lambda: torch.ones(1) * 1j, lambda: torch.linspace(0, 1j, 2)]:\n"
                             "    try: print(f().dtype)\n    except RuntimeError as e: print(e)\n")
    assert got == "tensorsh: torch.complex32 tensors are not supported yet\n" * 3

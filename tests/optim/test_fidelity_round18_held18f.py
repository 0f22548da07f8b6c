"""Classes of difference found by round 18's held-out programs on training loops (torch.optim, lr_scheduler,
torch.utils.data, save/load; held18f), one program each: run verbatim in torch (one process for all) and in the
language; stdout, the error's last line and the warnings must be equal."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "nn"))  # the runner the torch.nn programs share
from forum_runner import program_tests  # noqa: E402
from tensorsh.engine import kernels  # noqa: E402

HEADER = "import torch\n"

PROGRAMS = {
# a scheduler's __dict__ holds what PyTorch's does: vars() shows it, its private state is read and set as in torch
"scheduler_attributes_are_pytorchs_dict": """
from torch.optim import lr_scheduler as L
p = torch.zeros(1, requires_grad=True)
opt = torch.optim.SGD([p], lr=1.0)
warm = L.LinearLR(opt, start_factor=0.1, total_iters=2)
seq = L.SequentialLR(opt, schedulers=[warm, L.ExponentialLR(opt, 0.5)], milestones=[2])
print(seq._milestones, [type(s).__name__ for s in seq._schedulers], sorted(vars(seq)))
chain = L.ChainedScheduler([L.ConstantLR(opt, factor=0.5, total_iters=1), L.StepLR(opt, 1)], optimizer=opt)
print(len(chain._schedulers), chain._schedulers[1].step_size)
s = L.StepLR(opt, 2)
print(sorted(vars(s)), s._is_initial, s._get_lr_called_within_step, s.__dict__['gamma'])
s._last_lr = [5.0]
s._note = 'mine'
print(s.get_last_lr(), s._note, '_note' in vars(s))
del s._note
c = L.CyclicLR(opt, 0.01, 0.1)
print(c._scale_fn_custom, c._scale_fn_ref(3.0), sorted(vars(L.OneCycleLR(opt, 0.1, total_steps=10)))[:3])
print(vars(L.ReduceLROnPlateau(opt))['mode_worse'])
try:
    s._nonexistent
except AttributeError as e:
    print(e)
""",
# pickle keeps a Counter and a complex number (a weights-only load allows both), a deque and Ellipsis are refused
# by their global's name
"save_and_load_keep_counters_and_complex_numbers": """
import io, collections
p = torch.nn.Parameter(torch.zeros(2))
opt = torch.optim.SGD([p], lr=0.1)
s = torch.optim.lr_scheduler.MultiStepLR(opt, [2, 4, 4], gamma=0.5)
for v in [s.state_dict(), collections.Counter('abca'), [1j, complex(2, -0.0)], collections.deque([1, torch.ones(1)], 3),
          Ellipsis]:
    b = io.BytesIO()
    torch.save(v, b)
    b.seek(0)
    try:
        print(torch.load(b))
    except Exception as e:
        print(type(e).__name__, str(e)[-150:])
        b.seek(0)
        print(torch.load(b, weights_only=False))
""",
# datasets, samplers and DataLoader hold PyTorch's attributes under PyTorch's names: vars() shows them, the private
# ones (a DataLoader's _dataset_kind, its name-mangled __initialized) read as in torch
"data_objects_attributes_are_pytorchs_dict": """
from torch.utils.data import DataLoader, TensorDataset, Subset, ConcatDataset, RandomSampler, BatchSampler, IterableDataset
ds = TensorDataset(torch.arange(4.))
for o in [ds, Subset(ds, [0, 2]), ConcatDataset([ds, ds]), RandomSampler(ds, num_samples=2), BatchSampler(range(3), 2, False)]:
    print(type(o).__name__, sorted(vars(o)))
print(RandomSampler(ds, num_samples=2)._num_samples)
dl = DataLoader(ds, batch_size=2)
print(sorted(vars(dl)))
print(dl._dataset_kind, dl._auto_collation, dl._IterableDataset_len_called, dl._DataLoader__initialized)
try:
    dl.multiprocessing_context = 'spawn'
except ValueError as e:
    print(e)
class Stream(IterableDataset):
    def __iter__(self):
        return iter(range(3))
print(DataLoader(Stream(), batch_size=2)._dataset_kind, list(DataLoader(Stream(), batch_size=2)))
""",
}

# MKL's float64 gemm on Intel: rows of 3-4 products by gemv (even and odd products apart, then the bias), and
# nn.Linear(4, n) of 2-3 rows (the last two products as a pair)
if kernels.MKL_ON_INTEL:
    PROGRAMS["intel_float64_gemm_of_short_rows"] = """
torch.manual_seed(4)
for k in [3, 4]:
    for rows in [1, 2, 3, 5, 17]:
        m = torch.nn.Linear(k, 1).double()
        x = torch.randn(rows, k, dtype=torch.float64)
        print(m(x).flatten().tolist(), torch.mv(x, m.weight[0]).tolist())
        m2 = torch.nn.Linear(k, rows + 1).double()
        print(m2(x[:1]).tolist(), m2(x[0]).tolist())
    for rows in [2, 3]:
        m = torch.nn.Linear(4, 5).double()
        x = torch.randn(rows, 4, dtype=torch.float64)
        print(m(x).tolist(), (x @ m.weight.t()).tolist())
"""
torch_results, test_round18_held18f_program_prints_what_torch_prints = program_tests(PROGRAMS, HEADER, "held18f")

"""Classes of difference found by round 22's held-out programs on training loops (torch.optim, lr_scheduler,
torch.utils.data, save/load; held22f), one program each: run verbatim in torch (one process for all) and in the
language; stdout, the error's last line and the warnings must be equal."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "nn"))  # the runner the torch.nn programs share
from forum_runner import program_tests  # noqa: E402

HEADER = "import io\nimport torch\n"

PROGRAMS = {
# a loaded state dict keeps its _metadata (pickle's BUILD state of an OrderedDict), and a Counter its attributes
"loaded_state_dict_keeps_its_metadata": """
model = torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.BatchNorm1d(2))
buf = io.BytesIO()
torch.save({'sd': model.state_dict(), 'opt': torch.optim.SGD(model.parameters()).state_dict()}, buf)
buf.seek(0)
ck = torch.load(buf)
print(ck['sd']._metadata, hasattr(ck['opt'], '_metadata'))
print(torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.BatchNorm1d(2)).load_state_dict(ck['sd']))
""",
# a file neither tensorsh's nor a zip archive: PyTorch's legacy load reads a pickled magic number first
"loading_a_file_that_is_no_checkpoint": """
for data in [b'<!DOCTYPE html>', b'not a checkpoint', b'\\x00\\x01', b"'x", b'\\x80\\x02K\\x05.', b'\\x80\\x04K\\x05.',
             b'\\x80\\x02]q\\x00(K\\x01K\\x02e.', b'{"a": 1}']:
    for wo in [True, False]:
        try:
            torch.load(io.BytesIO(data), weights_only=wo)
        except Exception as e:
            print(wo, type(e).__name__, str(e).replace('\\n', '|'))
""",
# a DataLoader's iterator's protocol methods are readable by name (`len(it) if hasattr(it, '__len__')`)
"dataloader_iterator_dunders_by_name": """
dl = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(torch.arange(5)), batch_size=2)
it = dl.__iter__()
print(hasattr(it, '__len__'), hasattr(dl, '__len__'), it.__len__(), dl.__len__(), len(it), it.__next__())
""",
# torch.save of a whole optimizer, scheduler, dataset or sampler: by its class, loaded whole unless weights_only
# refuses the class
"saving_a_whole_optimizer_and_scheduler": """
torch.manual_seed(0)
model = torch.nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)
model(torch.ones(1, 2)).sum().backward()
opt.step()
scheds = [torch.optim.lr_scheduler.StepLR(opt, 1), torch.optim.lr_scheduler.CyclicLR(opt, 0.1, 1.0, mode='exp_range'),
          torch.optim.swa_utils.SWALR(opt, 0.05)]
for s in scheds:
    opt.step(); s.step()
def round_trip(obj):
    buf = io.BytesIO()
    torch.save(obj, buf)
    buf.seek(0)
    try:
        torch.load(buf)
    except Exception as e:
        print(type(e).__name__, str(e).splitlines()[-3])
    buf.seek(0)
    return torch.load(buf, weights_only=False)
ck = round_trip({'model': model, 'opt': opt, 'scheds': scheds})
o = ck['opt']
print(type(o).__name__, type(o.state).__name__, o.param_groups[0]['params'][1] is ck['model'].bias, o.state[ck['model'].bias])
for s in ck['scheds']:
    print(type(s).__name__, s.optimizer is o, s.get_last_lr())
    o.step(); s.step()
    print(s.get_last_lr())
sub = torch.utils.data.random_split(torch.utils.data.TensorDataset(torch.arange(6.)), [4, 2], torch.Generator().manual_seed(0))[0]
for ds in [sub, torch.utils.data.ConcatDataset([sub, sub]), torch.utils.data.RandomSampler(range(4))]:
    d = round_trip(ds)
    print(type(d).__name__, vars(d).keys(), list(d) if isinstance(d, torch.utils.data.Sampler) else d[1])
def outer():
    return lambda e: 1.0
for f in [outer(), lambda e: 1.0]:
    try:
        torch.save(torch.optim.lr_scheduler.LambdaLR(opt, f), io.BytesIO())
    except Exception as e:
        print(type(e).__name__, str(e)[:30])
""",
# PyTorch 2.13's Sampler has no __init__ (no data_source), and IterableDataset is abstract in __iter__
"sampler_without_init_and_abstract_iterable_dataset": """
from torch.utils.data import Sampler, IterableDataset
class S(Sampler):
    def __init__(self, data_source):
        super().__init__()
        self.d = data_source
    def __iter__(self):
        return iter(range(len(self.d)))
print(list(S([4, 5])), vars(S([1])))
class It(IterableDataset):
    pass
for f in [lambda: Sampler([1]), lambda: IterableDataset(), lambda: It(), lambda: super(S, S([1])).__init__([1])]:
    try:
        print(type(f()).__name__)
    except TypeError as e:
        print(type(e).__name__, e)
""",
}
torch_results, test_round22_held22f_program_prints_what_torch_prints = program_tests(PROGRAMS, HEADER, "held22f")

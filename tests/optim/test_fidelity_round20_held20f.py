"""Classes of difference found by round 20's held-out programs on training loops (torch.optim, lr_scheduler,
torch.utils.data, save/load; held20f), one program each: run verbatim in torch (one process for all) and in the
language; stdout, the error's last line and the warnings must be equal."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "nn"))  # the runner the torch.nn programs share
from forum_runner import program_tests  # noqa: E402

HEADER = "import torch\n"

PROGRAMS = {
# clip_grad_value_ over parameters none of which has a grad: ATen's check of the empty tensor list
"clip_grad_value_without_grads_raises": """
p = torch.nn.Parameter(torch.ones(2))
for args in [([p], 0.1), ([], 1.0), ([p], 0.1, False)]:
    try:
        torch.nn.utils.clip_grad_value_(*args)
    except RuntimeError as e:
        print(e)
p.grad = torch.tensor([3.0, -0.05])
print(torch.nn.utils.clip_grad_value_(p, 0.1), p.grad, p.grad._version)
""",
# a sparse embedding's backward node says sparse=True; its backward is refused, not given densely
"sparse_embedding_keeps_sparse_on_its_node": """
emb = torch.nn.Embedding(4, 2, sparse=True)
out = emb(torch.tensor([1, 1]))
print(type(out.grad_fn).__name__, out.grad_fn._saved_sparse)
bag = torch.nn.EmbeddingBag(4, 2, sparse=True, mode='sum')
print(bag(torch.tensor([0, 1]), torch.tensor([0])).grad_fn._saved_sparse)
print(torch.nn.Embedding(4, 2)(torch.tensor([0])).grad_fn._saved_sparse)
""",
# StackDataset, DistributedSampler (given its replicas and rank), protocol methods by name
"stack_dataset_and_distributed_sampler": """
from torch.utils.data import StackDataset, DistributedSampler, DataLoader, TensorDataset, Subset
from torch.utils.data.distributed import DistributedSampler as DS
ds = TensorDataset(torch.arange(7))
for r in range(3):
    s = DS(ds, num_replicas=3, rank=r, seed=5)
    s.set_epoch(1)
    print(r, list(s), len(s), s.total_size)
print(list(DistributedSampler(range(7), num_replicas=3, rank=2, shuffle=False, drop_last=True)))
for kw in [dict(), dict(num_replicas=2, rank=2)]:
    try:
        DistributedSampler(ds, **kw)
    except ValueError as e:
        print(e)
print(next(iter(DataLoader(StackDataset(ds, torch.arange(7) * 2), batch_size=3))))
st = StackDataset(a=ds, b=list(range(7)))
print(st[2], st.__getitems__([0, 3]), sorted(vars(st)))
for args, kw in [((), {}), ((ds, torch.arange(3)), {}), ((ds,), {'b': ds})]:
    try:
        StackDataset(*args, **kw)
    except ValueError as e:
        print(e)
print(ds.__getitem__(1), ds.__len__(), Subset(ds, [3, 1]).__getitems__([0, 1]))
""",
# torch.save's pickle_protocol: a weights-only load warns of one other than 2 and fails at the first opcode its
# unpickler lacks
"save_pickle_protocol_and_weights_only_load": """
import io, warnings
for proto in (0, 1, 2, 3, 4, 5, None):
    for obj in [1, True, 'ab', [], (), [1, 2], {'a': 1.5}, (None,), 2**40, torch.ones(1), b'x', {'w': torch.ones(1)}]:
        buf = io.BytesIO()
        torch.save(obj, buf, pickle_protocol=proto)
        buf.seek(0)
        try:
            torch.load(buf)
            print(proto, 'ok')
        except Exception as e:
            print(proto, type(e).__name__, str(e).split(chr(10))[-3])
buf = io.BytesIO()
torch.save([torch.ones(1)], buf, pickle_protocol=0)
buf.seek(0)
try:
    torch.load(buf, weights_only=False)
except AssertionError as e:
    print(e)
try:
    torch.save(1, io.BytesIO(), pickle_protocol=6)
except ValueError as e:
    print(e)
""",
# NAdam, RAdam and ASGD with foreach=True: PyTorch's multi-tensor loops, other roundings than the single-tensor ones
"foreach_nadam_radam_asgd_are_the_multi_tensor_loops": """
torch.manual_seed(0)
P0, G = torch.randn(50), [torch.randn(50) for _ in range(5)]
for cls, kw in [(torch.optim.NAdam, dict(lr=0.01, weight_decay=0.1)), (torch.optim.NAdam, dict(lr=torch.tensor(0.01))),
                (torch.optim.RAdam, dict(lr=0.01, decoupled_weight_decay=True, weight_decay=0.1, maximize=True)),
                (torch.optim.ASGD, dict(lr=0.01, t0=2, weight_decay=0.1)), (torch.optim.ASGD, dict(lr=torch.tensor(0.02)))]:
    p = torch.nn.Parameter(P0.clone())
    opt = cls([p], foreach=True, **kw)
    for g in G:
        p.grad = g.clone()
        opt.step()
    print(cls.__name__, p.data[:4].tolist(), {k: v.sum().item() for k, v in opt.state[p].items()})
""",
# half-precision foreach: _foreach_mul_ rounds its factor to the tensor's dtype; addcmul by a float32 0-dim tensor
"half_precision_foreach_scaling": """
torch.manual_seed(2)
P0, G = torch.randn(300), [torch.randn(300) for _ in range(3)]
for dt in (torch.float16, torch.bfloat16):
    for cls, kw in [(torch.optim.SGD, dict(lr=0.1, momentum=0.9)), (torch.optim.AdamW, dict(lr=0.01)),
                    (torch.optim.RMSprop, dict(lr=0.01, momentum=0.5)), (torch.optim.Adadelta, dict(lr=1.0)),
                    (torch.optim.Adamax, dict(lr=0.01)), (torch.optim.ASGD, dict(lr=0.01))]:
        p = torch.nn.Parameter(P0.to(dt))
        opt = cls([p], foreach=True, **kw)
        for g in G:
            p.grad = g.to(dt)
            opt.step()
        print(dt, cls.__name__, p.data.double().sum().item())
x = torch.linspace(-3, 3, 7).half()
print(torch.addcmul(x, x, torch.tensor(0.0123456789)).tolist(), torch.lerp(x, x * 2, torch.tensor(0.3)).tolist())
""",
}
torch_results, test_round20_held20f_program_prints_what_torch_prints = program_tests(PROGRAMS, HEADER, "held20f")

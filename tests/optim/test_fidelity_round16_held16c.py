"""Classes of difference found by round 16's held-out programs on training loops (torch.utils.data, torch.optim,
lr_scheduler, swa_utils; held16c), one program each: run verbatim in torch (one process for all) and in the language;
stdout, the error's last line and the warnings must be equal."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "nn"))  # the runner the torch.nn programs share
from forum_runner import program_tests  # noqa: E402

HEADER = "import torch\n"

PROGRAMS = {
    "default_collate_is_pytorchs_type_map_then_containers": """
        import collections
        from torch.utils.data import DataLoader, default_collate
        from torch.utils.data._utils.collate import collate, default_collate_fn_map
        print(default_collate([b"ab", b"cd"]), default_collate(["x", "y"]))
        class Flag(int):
            pass
        class Ratio(float):
            pass
        print(default_collate([Flag(1), Flag(0)]), default_collate([True, 1]), default_collate([Ratio(0.5), Ratio(2)]))
        print(default_collate([collections.OrderedDict(a=1), collections.OrderedDict(a=2)]))
        print(default_collate([[1.5, "a"], [2.5, "b"]]), default_collate([(b"x", 1), (b"y", 2)]))
        class Box:
            def __init__(self, v):
                self.v = v
        def collate_box(batch, *, collate_fn_map=None):
            return torch.tensor([b.v for b in batch]) * 10
        m = {Box: collate_box, **default_collate_fn_map}
        print(collate([Box(1), Box(2)], collate_fn_map=m))
        print(collate([(Box(1), 2.0), (Box(3), 4.0)], collate_fn_map=m))
        dl = DataLoader([{"b": Box(i), "s": "x"} for i in range(3)], batch_size=3,
                        collate_fn=lambda b: collate(b, collate_fn_map=m))
        print(next(iter(dl)))
        for batch in [[1, 2], [None, None]]:
            try:
                collate(batch)
            except TypeError as e:
                print(e)
    """,
    "dataloader_attributes_and_the_ones_fixed_after_init": """
        from torch.utils import data as D
        dl = D.DataLoader(range(5), batch_size=2)
        it = iter(dl)
        print(type(it).__name__, dl.multiprocessing_context, repr(dl.pin_memory_device), dl.in_order)
        dl.num_workers = 0
        dl.collate_fn = lambda b: b
        print(list(dl))
        for name in ["batch_size", "batch_sampler", "sampler", "dataset", "drop_last", "persistent_workers"]:
            try:
                setattr(dl, name, 3)
            except ValueError as e:
                print(e)
        for kw in [dict(multiprocessing_context="spawn"), dict(num_workers=1, multiprocessing_context="bogus")]:
            try:
                D.DataLoader(range(4), **kw)
            except ValueError as e:
                print(e)
        for name in ["iterable", "auto_collation"]:
            try:
                getattr(dl, name)
            except AttributeError as e:
                print("AttributeError", name)
    """,
    "optimizer_and_dataset_attributes_programs_read": """
        from torch.utils import data as D
        c = D.ConcatDataset([D.TensorDataset(torch.zeros(4)), range(3)])
        print(c.cummulative_sizes, D.ConcatDataset.cumsum([[1, 2], [3]]), c.cumsum(["ab", "c", ""]))
        w = torch.nn.Parameter(torch.zeros(2))
        a = torch.optim.Adagrad([w])
        print(a.share_memory(), a.state[w]["sum"].is_shared())
        xy = torch.tensor([-1.5, 2.0], requires_grad=True)
        opt = torch.optim.LBFGS([xy], history_size=5, line_search_fn="strong_wolfe")
        def closure():
            opt.zero_grad()
            loss = (1 - xy[0]) ** 2 + 100 * (xy[1] - xy[0] ** 2) ** 2
            loss.backward()
            return loss
        opt.step(closure)
        st = opt.state[opt._params[0]]
        print(opt._params[0] is xy, st["func_evals"], st["n_iter"], len(st["old_dirs"]))
    """,
    "complex_parameters_are_updated_through_view_as_real": """
        z0 = torch.tensor([1 + 1j, -2 + 0.5j, 0.3 - 0.7j])
        for cls, kw in [(torch.optim.Adam, dict(lr=0.1, amsgrad=True, weight_decay=0.1)), (torch.optim.AdamW, dict(lr=0.1)),
                        (torch.optim.RMSprop, dict(lr=0.01, centered=True, momentum=0.5)), (torch.optim.Adagrad, dict(lr=0.1)),
                        (torch.optim.Adagrad, dict(lr=0.1, foreach=True, initial_accumulator_value=0.5)),
                        (torch.optim.Adagrad, dict(fused=True)), (torch.optim.Adamax, dict(lr=0.1)),
                        (torch.optim.NAdam, dict(lr=0.1)), (torch.optim.RAdam, dict(lr=0.1)), (torch.optim.Adadelta, dict()),
                        (torch.optim.Rprop, dict()), (torch.optim.ASGD, dict(t0=1)), (torch.optim.Adam, dict(lr=0.1, maximize=True)),
                        (torch.optim.Adam, dict(lr=0.1, differentiable=True)), (torch.optim.Adafactor, dict()),
                        (torch.optim.LBFGS, dict(max_iter=2))]:
            p = torch.nn.Parameter(z0.clone())
            try:
                opt = cls([p], **kw)
                for _ in range(3):
                    def closure():
                        opt.zero_grad()
                        loss = (p.real ** 2 + 3 * p.imag ** 2).sum() + (p.real * p.imag).sum()
                        loss.backward()
                        return loss
                    opt.step(closure)
                print(cls.__name__, kw, p.data, p._version,
                      {k: (v.dtype, v._version) for k, v in opt.state[p].items() if isinstance(v, torch.Tensor)})
            except Exception as e:
                print(cls.__name__, kw, type(e).__name__, e)
    """,
    "a_warning_after_a_program_function_returns_is_the_callers_line": """
        import warnings
        w = torch.nn.Parameter(torch.zeros(1))
        def f(o):
            x = 1
            return o
        def mk():
            return torch.optim.lr_scheduler.StepLR(torch.optim.SGD([w], lr=0.1), 1)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("default")
            for i in range(2):
                f(mk()).step()
            g = lambda: mk().step()
            h = lambda: mk().step()
            g(); h()
            for i in range(2):
                g()
            cases = [lambda: torch.optim.lr_scheduler.ExponentialLR(mk().optimizer, gamma=0.5).step(),
                     lambda: torch.optim.lr_scheduler.LinearLR(mk().optimizer, total_iters=2).step()]
            for c in cases:
                c()
        print(len(caught), [w.lineno for w in caught])
    """,
    "deepcopy_of_an_optimizer_keeps_defaults_state_and_groups_only": """
        import copy
        import torch.nn as nn
        torch.manual_seed(0)
        m = nn.Linear(2, 2)
        opt = torch.optim.Adam(m.parameters(), lr=0.1)
        opt.register_step_post_hook(lambda o, a, k: print("hook"))
        m(torch.randn(3, 2)).sum().backward()
        opt.step()
        opt2 = copy.deepcopy(opt)
        print(type(opt2).__name__, type(opt2.state).__name__, opt2.state[opt2.param_groups[0]["params"][0]]["step"])
        print(opt2.param_groups[0]["params"][0] is m.weight, opt2.state is opt.state)
        opt2.step()
        print(opt2)
        for p in opt2.param_groups[0]["params"]:
            p.grad = torch.ones_like(p)
        opt2.step()
        print(opt2.param_groups[0]["params"][1], m.bias)
        s = torch.optim.lr_scheduler.StepLR(opt, 1)
        s2 = copy.deepcopy(s)
        print(s2.optimizer is opt, s2.get_last_lr())
        opt.step(); s2.step()
        print(s2.get_last_lr())
        l = torch.optim.LBFGS([torch.nn.Parameter(torch.ones(1))])
        l2 = copy.deepcopy(l)
        try:
            l2.step(lambda: torch.tensor(1.0))
        except AttributeError as e:
            print(type(e).__name__, e)
        o3 = copy.copy(opt)
        print(o3.state is opt.state, o3.param_groups is opt.param_groups)
        sd = copy.deepcopy(opt.state_dict())
        print(sd["state"][0]["exp_avg"] is opt.state[m.weight]["exp_avg"])
    """,
    "dataloader_workers_run_as_pytorchs_each_with_its_seed_and_dataset_copy": """
        from torch.utils.data import Dataset, DataLoader, get_worker_info
        class Noisy(Dataset):
            def __init__(self):
                self.calls = 0
            def __len__(self):
                return 6
            def __getitem__(self, i):
                self.calls += 1
                info = get_worker_info()
                return torch.rand(1) + i, info.id if info is not None else -1
        torch.manual_seed(0)
        ds = Noisy()
        dl = DataLoader(ds, batch_size=2, num_workers=2)
        for x, wid in dl:
            print(x.squeeze(1), wid)
        print(ds.calls, get_worker_info())
        print(torch.rand(1))
        for x, wid in DataLoader(ds, batch_size=4, num_workers=3, shuffle=True):
            print(x.squeeze(1), wid)
        print(type(iter(dl)).__name__)
    """,
    "iterable_dataset_workers_each_iterate_the_dataset": """
        from torch.utils.data import IterableDataset, DataLoader, get_worker_info
        class R(IterableDataset):
            def __init__(self, n, shard):
                self.n, self.shard = n, shard
            def __iter__(self):
                info = get_worker_info()
                if self.shard and info is not None:
                    return iter(range(info.id, self.n, info.num_workers))
                return iter(range(self.n))
        print([b.tolist() for b in DataLoader(R(5, False), batch_size=2, num_workers=2)])
        print([b.tolist() for b in DataLoader(R(7, True), batch_size=2, num_workers=2)])
        print([b.tolist() for b in DataLoader(R(5, True), batch_size=2, num_workers=3, drop_last=True)])
        from torch.utils.data import DataLoader, get_worker_info
        def init(wid):
            info = get_worker_info()
            torch.manual_seed(info.seed + 7 * wid)  # (a worker's prints go to its own stdout: not the harness's)
        torch.manual_seed(1)
        dl = DataLoader(range(4), batch_size=1, num_workers=1, worker_init_fn=init)
        print([b.item() for b in dl])
        class D(torch.utils.data.Dataset):
            def __len__(self):
                return 4
            def __getitem__(self, i):
                return torch.initial_seed() - get_worker_info().seed, torch.randint(0, 100, ()).item()
        print(list(DataLoader(D(), batch_size=None, num_workers=2)))
    """,
    "persistent_workers_keep_their_copies_and_generators": """
        from torch.utils.data import Dataset, DataLoader, IterableDataset, get_worker_info
        class Count(Dataset):
            def __init__(self):
                self.seen = 0
            def __len__(self):
                return 4
            def __getitem__(self, i):
                self.seen += 1
                return i, self.seen, torch.randint(0, 1000, ()).item()
        torch.manual_seed(5)
        for pw in [False, True]:
            dl = DataLoader(Count(), batch_size=2, num_workers=2, persistent_workers=pw)
            for ep in range(2):
                print(pw, ep, [[t.tolist() for t in b] for b in dl])
        class It(IterableDataset):
            def __iter__(self):
                info = get_worker_info()
                n = 3 if info.id == 0 else 1
                for k in range(n):
                    yield info.id * 10 + k
        dl = DataLoader(It(), batch_size=1, num_workers=2, persistent_workers=True)
        print([b.tolist() for b in dl], [b.tolist() for b in dl])
        print(torch.rand(1))
        def init(wid):
            info = get_worker_info()
            info.dataset.seen = 100 * (wid + 1)
        print([[t.tolist() for t in b] for b in DataLoader(Count(), batch_size=1, num_workers=2, worker_init_fn=init)])
        w = torch.nn.Parameter(torch.ones(1))
        torch.optim.SGD([w, w], lr=0.1)
        for i in range(2):
            torch.optim.Adam([w, w], lr=0.1)
    """,
    "pin_memory_without_an_accelerator_warns": """
        from torch.utils.data import DataLoader
        for i in range(2):
            print(list(DataLoader(range(3), pin_memory=True)))
        print(list(DataLoader(range(2), pin_memory=True, num_workers=1)))
        print(list(DataLoader(range(2), pin_memory=True, pin_memory_device="cpu")))
        print(list(DataLoader(range(2), pin_memory=False, pin_memory_device="cpu")))
    """,
    "a_datasets_own_getitems_is_what_the_loader_calls": """
        from torch.utils.data import Dataset, Subset, DataLoader
        class Batched(Dataset):
            def __len__(self):
                return 6
            def __getitem__(self, i):
                return i
            def __getitems__(self, idxs):
                print("getitems", idxs)
                return [i * 100 for i in idxs]
        ds = Batched()
        print([b.tolist() for b in DataLoader(ds, batch_size=4)])
        sub = Subset(ds, [5, 3, 1])
        print([b.tolist() for b in DataLoader(sub, batch_size=2)])
        print(sub[0], sub[[0, 2]])
        print([b for b in DataLoader(ds, batch_size=None)][:2])
    """,
}
torch_results, test_round16_held16c_program_prints_what_torch_prints = program_tests(PROGRAMS, HEADER, "held16c")

"""Classes of difference found by round 13's held-out programs on torch.optim, lr_scheduler, torch.utils.data and
save/load (held13f), one program each: run verbatim in torch (one process for all) and in the language; stdout, the
error's last line and the warnings must be equal."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "nn"))  # the runner the torch.nn programs share
from forum_runner import program_tests  # noqa: E402

HEADER = "import torch\n"

PROGRAMS = {
    "step_hooks_see_the_optimizer_among_the_arguments": """
        w = torch.nn.Parameter(torch.ones(2))
        opt = torch.optim.SGD([w], lr=0.1)
        def pre(optimizer, args, kwargs):
            print("pre", len(args), args[0] is optimizer, args[1:], kwargs)
        def post(optimizer, args, kwargs):
            print("post", len(args), w.data)
        h1 = opt.register_step_pre_hook(pre)
        opt.register_step_post_hook(post)
        w.sum().backward()
        opt.step()
        def closure():
            print("closure")
            return torch.tensor(1.0)
        print(opt.step(closure))
        print(opt.step(closure=closure))
        h1.remove()
        def swap(optimizer, args, kwargs):
            return args, {}  # the closure given by keyword dropped: the step runs without it
        opt.register_step_pre_hook(swap)
        print(opt.step(closure=closure))
        class MyOpt(torch.optim.Optimizer):
            def __init__(self, params, lr=0.1):
                super().__init__(params, dict(lr=lr))
            def step(self, closure=None):
                for g in self.param_groups:
                    for p in g['params']:
                        if p.grad is not None:
                            p.data.add_(p.grad, alpha=-g['lr'])
        o = MyOpt([w])
        o.register_step_pre_hook(lambda opt, args, kwargs: print("mine", len(args), args[0] is opt))
        o.step()
        print(w)
        o.register_step_pre_hook(lambda opt, args, kwargs: 5)
        try:
            o.step()
        except Exception as e:
            print(type(e).__name__, str(e)[:21], str(e).split('>')[1])
    """,
    "torch_optim_optimizer_module_and_global_step_hooks": """
        from torch.optim.optimizer import Optimizer, required, register_optimizer_step_pre_hook
        from torch.optim.optimizer import register_optimizer_step_post_hook
        print(Optimizer is torch.optim.Optimizer, required)
        class MySGD(Optimizer):
            def __init__(self, params, lr=required):
                super().__init__(params, dict(lr=lr))
            @torch.no_grad()
            def step(self, closure=None):
                for g in self.param_groups:
                    for p in g['params']:
                        if p.grad is not None:
                            p.add_(p.grad, alpha=-g['lr'])
        w = torch.nn.Parameter(torch.ones(2))
        try:
            MySGD([w])
        except Exception as e:
            print(type(e).__name__, e)
        opt = MySGD([w], lr=0.5)
        own = opt.register_step_pre_hook(lambda o, a, k: print("own pre"))
        opt.register_step_post_hook(lambda o, a, k: print("own post"))
        h = register_optimizer_step_pre_hook(lambda o, a, k: print("global pre", type(o).__name__, len(a)))
        h2 = register_optimizer_step_post_hook(lambda o, a, k: print("global post", type(o).__name__))
        w.sum().backward()
        opt.step()
        torch.optim.Adam([w]).step()
        h.remove(); h2.remove()
        opt.step()
        print(w)
        print(hasattr(torch.optim, 'optimizer'))
    """,
    "sparse_adam_checks_repr_and_dense_gradients": """
        w = torch.nn.Parameter(torch.ones(3))
        for kw in [dict(lr=0.0), dict(lr=-1), dict(eps=0.0), dict(betas=(0.9, 1.0)), dict(betas=(-0.1, 0.5)),
                   dict(lr=torch.tensor([0.1, 0.2]))]:
            try:
                torch.optim.SparseAdam([w], **kw)
                print("ok")
            except Exception as e:
                print(type(e).__name__, e)
        opt = torch.optim.SparseAdam([w], lr=0.1)
        print(opt, opt.defaults, type(opt), isinstance(opt, torch.optim.Optimizer))
        print(opt.state_dict())
        opt.step()
        print("no gradient: nothing to do")
        w.sum().backward()
        try:
            opt.step()
        except Exception as e:
            print(type(e).__name__, e)
        print(w, dict(opt.state))
        opt.step()
    """,
    "default_collate_of_numpy_arrays_and_scalars": """
        import numpy as np
        from torch.utils.data import DataLoader, default_collate, default_convert
        print(default_collate([np.array([1, 2], dtype=np.int32), np.array([3, 4], dtype=np.int32)]))
        print(default_collate([np.float64(1.5), np.float64(2.0)]), default_collate([np.float32(1.5), np.float32(2)]))
        print(default_collate([np.bool_(True), np.bool_(False)]), default_collate([np.int64(1), np.int64(2)]))
        print(default_collate([{'img': np.zeros((2, 2), dtype=np.float32), 'label': 3}] * 2))
        print(default_collate([np.array(5.0), np.array(6.0)]))
        try:
            default_collate([np.array(['a']), np.array(['b'])])
        except Exception as e:
            print(type(e).__name__, e)
        try:
            default_collate([object(), object()])
        except Exception as e:
            print(type(e).__name__, str(e)[:80])
        print(default_convert(np.array([1.0, 2.0])), default_convert(np.int64(3)), default_convert((np.float32(1), 'a')))
        for xb in DataLoader(np.arange(6, dtype=np.float32).reshape(3, 2), batch_size=2):
            print(xb)
        for xb in DataLoader(np.arange(3), batch_size=None):
            print(xb, end=' ')
        print()
        data = [np.array([1.0, 2.0]), np.array([3.0, 4.0])]
        b = next(iter(DataLoader(data, batch_size=2)))
        print(b, b.dtype)
    """,
    "save_and_load_of_what_is_not_a_file": """
        import io
        for f in [5, None, [1]]:
            try:
                torch.save(torch.ones(2), f)
            except Exception as e:
                print(type(e).__name__, e)
            try:
                torch.load(f)
            except Exception as e:
                print(type(e).__name__, e)
        buf = io.BytesIO()
        torch.save({'a': torch.arange(3)}, buf)
        buf.seek(0)
        print(torch.load(buf))
        torch.load(3.5)
    """,
    "scheduler_private_attributes_programs_print": """
        from torch.optim.lr_scheduler import LRScheduler
        w = torch.nn.Parameter(torch.zeros(1))
        opt = torch.optim.SGD([w], lr=1.0)
        class Halve(LRScheduler):
            def __init__(self, optimizer, last_epoch=-1):
                super().__init__(optimizer, last_epoch)
            def get_lr(self):
                return [base / (2 ** self.last_epoch) for base in self.base_lrs]
        s = Halve(opt)
        for _ in range(3):
            opt.step(); s.step()
            print(s.get_last_lr(), s.last_epoch, s._step_count, s._last_lr)
        c = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=4)
        for i in range(4):
            opt.step(); c.step()
        opt.param_groups[0]['lr'] = 0.05
        opt.step(); c.step()
        print(c.get_last_lr(), c._get_closed_form_lr())
        try:
            torch.optim.lr_scheduler.LambdaLR(opt, lambda e: 1.0)._get_closed_form_lr()
        except Exception as e:
            print(type(e).__name__, e)
        print(torch.optim.lr_scheduler.ReduceLROnPlateau(opt)._last_lr)
    """,
    "clip_grads_with_norm_refuses_a_number_total_norm": """
        p = torch.nn.Parameter(torch.ones(2))
        p.grad = torch.tensor([3., 4.])
        torch.nn.utils.clip_grads_with_norm_([p], 1.0, torch.tensor(10.0))
        print(p.grad)
        print(torch.nn.utils.get_total_norm([p.grad, torch.ones(3, dtype=torch.float64)]))
        for foreach in (None, False):
            try:
                torch.nn.utils.clip_grads_with_norm_(p, 1.0, 0.5, foreach=foreach)
            except Exception as e:
                print(type(e).__name__, e)
        print(p.grad)
    """,
    "torch_utils_data_submodules_by_name": """
        from torch.utils.data.dataloader import DataLoader, default_collate
        from torch.utils.data.dataset import Dataset, TensorDataset, random_split
        from torch.utils.data.sampler import RandomSampler, BatchSampler
        import torch.utils.data.sampler as samplers
        print(DataLoader is torch.utils.data.DataLoader, Dataset.__name__, samplers.SequentialSampler.__name__)
        print(torch.utils.data.dataset.Subset.__name__, torch.utils.data.sampler.WeightedRandomSampler.__name__)
        ds = TensorDataset(torch.arange(5.))
        print(list(BatchSampler(RandomSampler(ds, generator=torch.Generator().manual_seed(0)), 2, False)))
        print(default_collate([(1, 2.0), (3, 4.0)]))
    """,
    "optimizer_step_overridden_around_a_scheduler": """
        w = torch.nn.Parameter(torch.zeros(1))
        opt = torch.optim.SGD([w], lr=0.1)
        s = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.5)
        opt.step = lambda: None
        opt.step()
        s.step()
        print(s.get_last_lr(), s._step_count)
        o2 = torch.optim.SGD([w], lr=0.1)
        other = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=1.0)
        o2.step = other.step
        w.grad = torch.ones(1)
        s2 = torch.optim.lr_scheduler.StepLR(o2, 1, gamma=0.5)
        o2.step()
        s2.step()
        print(w, s2.get_last_lr(), o2.step.__name__)
        def f():
            pass
        o2.step = f
        try:
            torch.optim.lr_scheduler.StepLR(o2, 1)
        except Exception as e:
            print(type(e).__name__, e)
    """,
    "a_step_pre_hooks_wrong_result_names_each_optimizers_step": """
        w = torch.nn.Parameter(torch.ones(2))
        class MySGD(torch.optim.SGD):
            pass
        class Mine(torch.optim.Optimizer):
            def __init__(self, p):
                super().__init__(p, {})
            def step(self, closure=None):
                pass
        for o in [torch.optim.SGD([w]), torch.optim.Adam([w]), MySGD([w]), torch.optim.LBFGS([w]), Mine([w]),
                  torch.optim.AdamW([w]), torch.optim.NAdam([w]), torch.optim.SparseAdam([w])]:
            o.register_step_pre_hook(lambda *a: 3)
            try:
                o.step(lambda: torch.tensor(0.0))
            except Exception as e:
                print(type(e).__name__, str(e).split(' at ')[0], str(e).split('>')[1])
    """,
    "load_map_location_of_a_cuda_device_on_a_cpu_build": """
        import io
        b = io.BytesIO()
        torch.save({'x': torch.ones(2), 'n': 1}, b)
        for ml in ['cuda', 'cuda:0', torch.device('cuda'), {'cuda:0': 'cpu'}, {'cpu': 'cuda:1'}, 'cpu',
                   torch.device('cpu'), 'cpu:0', lambda s, l: s]:
            b.seek(0)
            try:
                y = torch.load(b, map_location=ml)
                print('ok', y['x'].device)
            except Exception as e:
                print(type(e).__name__, e)
        e = io.BytesIO()
        torch.save({'n': 1}, e)
        e.seek(0)
        print(torch.load(e, map_location='cuda'))
        b.seek(0)
        torch.load(b, map_location='cuda')
    """,
    "fused_adam_of_float16_and_bfloat16_computes_in_float": """
        torch.manual_seed(3)
        for dt in [torch.float16, torch.bfloat16]:
            for cls, kw in [(torch.optim.Adam, dict(weight_decay=0.1)), (torch.optim.AdamW, dict(amsgrad=True)),
                            (torch.optim.Adam, dict(maximize=True))]:
                for n in (3, 37):
                    p = torch.nn.Parameter(torch.randn(n).to(dt))
                    o = cls([p], lr=0.05, fused=True, **kw)
                    for i in range(3):
                        p.grad = torch.randn(n).to(dt)
                        o.step()
                    print(dt, cls.__name__, p.detach().float().sum().item(), p.detach()[::7])
                    print({k: (v.dtype, v.float().sum().item()) for k, v in o.state[p].items()})
                    print(p.untyped_storage().tolist()[:8])
    """,
}
torch_results, test_round13_held13f_program_prints_what_torch_prints = program_tests(PROGRAMS, HEADER, "held13f")

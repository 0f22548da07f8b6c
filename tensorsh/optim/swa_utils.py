"""torch.optim.swa_utils (loaded on first use): AveragedModel, SWALR, update_bn and the averaging functions, ported from PyTorch's
swa_utils.py. On the CPU PyTorch's AveragedModel averages with the per-tensor `get_swa_avg_fn` (its foreach path is
for accelerators) and `_foreach_lerp_` is a lerp_ per tensor, so these are the ops run here, in its order."""
import functools
import itertools
import math

from tensorsh.engine import autograd, creation, dtypes
from tensorsh.engine.errors import make

from tensorsh.engine.torch_api import Namespace, deepcopy
from tensorsh.nn.conv import _BatchNorm
from tensorsh.nn.module import Module

from .lr_scheduler import LRScheduler
from .schedules import _format_param


def _no_grad(fn):
    @functools.wraps(fn)  # (its repr names the function: <function get_ema_multi_avg_fn.<locals>.ema_update ...>)
    def wrapper(*args, **kwargs):
        with autograd.no_grad():
            return fn(*args, **kwargs)
    return wrapper


def _check_decay(decay):
    if decay < 0.0 or decay > 1.0:
        raise make("ValueError", f"Invalid decay value {decay} provided. Please provide a value in [0,1] range.")


def get_ema_multi_avg_fn(decay=0.999):
    _check_decay(decay)

    @_no_grad
    def ema_update(ema_param_list, current_param_list, _):
        if ema_param_list[0].is_floating_point():
            for p_ema, p_model in zip(ema_param_list, current_param_list):
                p_ema.lerp_(p_model, 1 - decay)
        else:
            for p_ema, p_model in zip(ema_param_list, current_param_list):
                p_ema.copy_(p_ema * decay + p_model * (1 - decay))
    return ema_update


def get_swa_multi_avg_fn():
    @_no_grad
    def swa_update(averaged_param_list, current_param_list, num_averaged):
        if averaged_param_list[0].is_floating_point():
            for p_avg, p_model in zip(averaged_param_list, current_param_list):
                p_avg.lerp_(p_model, float(1 / (num_averaged + 1)))
        else:
            for p_avg, p_model in zip(averaged_param_list, current_param_list):
                diff = p_model.sub(p_avg)
                if isinstance(num_averaged, int):
                    p_avg.add_(diff, alpha=1.0 / (num_averaged + 1))
                else:
                    p_avg.addcdiv_(diff, num_averaged + 1)
    return swa_update


def get_ema_avg_fn(decay=0.999):
    _check_decay(decay)

    @_no_grad
    def ema_update(ema_param, current_param, num_averaged):
        return decay * ema_param + (1 - decay) * current_param
    return ema_update


def get_swa_avg_fn():
    @_no_grad
    def swa_update(averaged_param, current_param, num_averaged):
        return averaged_param + (current_param - averaged_param) / (num_averaged + 1)
    return swa_update


class AveragedModel(Module):
    __module__ = "torch.optim.swa_utils"
    __api__ = Module.__api__ | {"update_parameters"}

    def __init__(self, model, device=None, avg_fn=None, multi_avg_fn=None, use_buffers=False):
        super().__init__()
        if avg_fn is not None and multi_avg_fn is not None:
            raise make("AssertionError", "Only one of avg_fn and multi_avg_fn should be provided")
        self.module = deepcopy(model)
        self.register_buffer("n_averaged", creation.tensor(0, dtype=dtypes.int64))
        self.avg_fn = avg_fn
        self.multi_avg_fn = multi_avg_fn
        self.use_buffers = use_buffers

    def forward(self, *args, **kwargs):
        return self.module(*args, **kwargs)

    def update_parameters(self, model):
        if self.use_buffers:
            self_param = itertools.chain(self.module.parameters(), self.module.buffers())
            model_param = itertools.chain(model.parameters(), model.buffers())
        else:
            self_param, model_param = self.parameters(), model.parameters()
        self_detached, model_detached = [], []
        copy_param = bool(self.n_averaged == 0)
        for p_averaged, p_model in zip(self_param, model_param):
            p_model_ = p_model.detach()
            self_detached.append(p_averaged.detach())
            model_detached.append(p_model_)
            if copy_param:
                p_averaged.detach().copy_(p_model_)
        if self.n_averaged > 0:
            if self.multi_avg_fn is not None or self.avg_fn is None:
                if self.multi_avg_fn:
                    self.multi_avg_fn(self_detached, model_detached, self.n_averaged)
                else:  # the CPU's per-tensor path
                    avg_fn = get_swa_avg_fn()
                    for p_averaged, p_model in zip(self_detached, model_detached):
                        p_averaged.copy_(avg_fn(p_averaged, p_model, self.n_averaged))
            else:
                for p_averaged, p_model in zip(self_detached, model_detached):
                    p_averaged.detach().copy_(self.avg_fn(p_averaged.detach(), p_model, self.n_averaged))
        if not self.use_buffers:
            for b_swa, b_model in zip(self.module.buffers(), model.buffers()):
                b_swa.detach().copy_(b_model.detach())
        self.n_averaged += 1



def update_bn(loader, model, device=None):
    with autograd.no_grad():
        momenta = {}
        for module in model.modules():
            if isinstance(module, _BatchNorm):
                module.reset_running_stats()
                momenta[module] = module.momentum
        if not momenta:
            return
        was_training = model.training
        model.train()
        for module in momenta:
            module.momentum = None
        for input in loader:
            if isinstance(input, (list, tuple)):
                input = input[0]
            model(input)
        for bn_module in momenta:
            bn_module.momentum = momenta[bn_module]
        model.train(was_training)


class SWALR(LRScheduler):
    __api__ = LRScheduler.__api__ | {"anneal_epochs", "anneal_func"}

    def __init__(self, optimizer, swa_lr, anneal_epochs=10, anneal_strategy="cos", last_epoch=-1):
        swa_lrs = _format_param("swa_lr", optimizer, swa_lr)
        for lr, group in zip(swa_lrs, optimizer.param_groups):
            group["swa_lr"] = lr
        if anneal_strategy not in ["cos", "linear"]:
            raise make("ValueError", f"anneal_strategy must be one of 'cos' or 'linear', instead got {anneal_strategy}")
        self._set_anneal_func(anneal_strategy)
        if not isinstance(anneal_epochs, int) or anneal_epochs < 0:
            raise make("ValueError", f"anneal_epochs must be equal or greater than 0, got {anneal_epochs}")
        self.anneal_epochs = anneal_epochs
        super().__init__(optimizer, last_epoch)

    @staticmethod
    def _linear_anneal(t):
        return t

    @staticmethod
    def _cosine_anneal(t):
        return (1 - math.cos(math.pi * t)) / 2

    @staticmethod
    def _get_initial_lr(lr, swa_lr, alpha):
        if alpha == 1:
            return swa_lr
        return (lr - alpha * swa_lr) / (1 - alpha)

    def get_lr(self):
        self._warn_get_lr()
        step = self._step_count - 1
        if self.anneal_epochs == 0:
            step = max(1, step)
        prev_t = max(0, min(1, (step - 1) / max(1, self.anneal_epochs)))
        prev_alpha = self.anneal_func(prev_t)
        prev_lrs = [self._get_initial_lr(group["lr"], group["swa_lr"], prev_alpha)
                    for group in self.optimizer.param_groups]
        t = max(0, min(1, step / max(1, self.anneal_epochs)))
        alpha = self.anneal_func(t)
        return [group["swa_lr"] * alpha + lr * (1 - alpha) for group, lr in zip(self.optimizer.param_groups, prev_lrs)]

    _derived = ("anneal_func",)

    def _derive(self):
        self._set_anneal_func(self._anneal_strategy)

    def _set_anneal_func(self, anneal_strategy):
        self._anneal_strategy = anneal_strategy
        self.anneal_func = self._cosine_anneal if anneal_strategy == "cos" else self._linear_anneal

    def state_dict(self):
        return {key: value for key, value in self.__dict__.items() if key not in ("optimizer", "anneal_func")}

    def load_state_dict(self, state_dict):
        super().load_state_dict(state_dict)
        self._set_anneal_func(self._anneal_strategy)


NAMESPACE = Namespace("torch.optim.swa_utils", {
    "AveragedModel": AveragedModel, "SWALR": SWALR, "update_bn": update_bn, "get_ema_multi_avg_fn": get_ema_multi_avg_fn,
    "get_swa_multi_avg_fn": get_swa_multi_avg_fn, "get_ema_avg_fn": get_ema_avg_fn, "get_swa_avg_fn": get_swa_avg_fn})
SWALR.__module__ = "torch.optim.swa_utils"

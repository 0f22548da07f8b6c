"""torch.optim.Optimizer: param groups, per-parameter state, state_dict, zero_grad and repr as PyTorch's base class.

Every Python-level change (the optimizer's attributes, `state`, each state dict, `param_groups` and each group)
is journaled before it happens, so a failed statement leaves the optimizer as it was; tensors journal themselves.
"""
import copy
from collections import OrderedDict, defaultdict
from functools import wraps
from itertools import chain

from tensorsh.engine import autograd, creation, dtypes, serialization, undo
from tensorsh.engine.errors import library_imported, make, warn
from tensorsh.engine.tensor import Tensor


class _RequiredParameter:
    """Singleton for a required option of an optimizer (none of the built-in ones has one)."""
    __api__ = frozenset()

    def __repr__(self):
        return "<required parameter>"


required = _RequiredParameter()


def typename(obj):
    """torch.typename: a tensor's legacy type name (torch.FloatTensor), else the qualified class name."""
    if isinstance(obj, Tensor):
        return obj.type()
    module = type(obj).__module__
    name = type(obj).__qualname__
    return name if module in ("builtins", "__main__", None) or module.startswith("tensorsh") else f"{module}.{name}"


class State(defaultdict):
    """`optimizer.state`: a defaultdict(dict) keyed by tensor (identity); reading a missing key inserts {}, as in
    Python, journaled so a failed statement takes the insertion back."""
    __api__ = frozenset({"get", "items", "keys", "values", "clear", "pop", "update", "setdefault", "copy"})

    def __init__(self, *args):
        defaultdict.__init__(self, dict, *args)

    def __missing__(self, key):
        undo.touch_dict(self)
        return defaultdict.__missing__(self, key)

    def __setitem__(self, key, value):
        undo.touch_dict(self)
        defaultdict.__setitem__(self, key, value)

    def __delitem__(self, key):
        undo.touch_dict(self)
        defaultdict.__delitem__(self, key)

    def __repr__(self):
        return "defaultdict(<class 'dict'>, " + dict.__repr__(self) + ")"

    def __reduce__(self):  # (copy.deepcopy: defaultdict's own reduce would pass `dict` to __init__ again)
        return type(self), (), None, None, iter(self.items())


State.__name__ = State.__qualname__ = "defaultdict"  # type(opt.state) reads as Python's
State.__module__ = "collections"


def _journal(optimizer):
    """Journal everything of the optimizer a step, zero_grad or load can change at the Python level."""
    if undo.predates(optimizer):
        undo.touch_vars(optimizer)
        state, groups = optimizer.state, optimizer.param_groups
        undo.touch_dicts([state, *[s for s in state.values() if type(s) is dict], *groups])
        undo.touch_list(groups)


# torch.optim.optimizer.register_optimizer_step_pre_hook / _post_hook: run around every optimizer's step (the
# global pre hooks before the optimizer's own, the global post hooks after)
_GLOBAL_PRE_HOOKS, _GLOBAL_POST_HOOKS = [], []


def register_optimizer_step_pre_hook(hook):
    return autograd.add_to_hooks(_GLOBAL_PRE_HOOKS, hook)


def register_optimizer_step_post_hook(hook):
    return autograd.add_to_hooks(_GLOBAL_POST_HOOKS, hook)


def step_method(step):
    """A built-in optimizer's step: hooked (below) and run under no_grad (PyTorch's differentiable=False)."""
    return hooked(step, no_grad=True)


def hooked(step, no_grad=False):
    """PyTorch's wrapper around every optimizer's step, a program's subclasses included: journaled, the step hooks
    around it."""
    @wraps(step)
    def wrapper(self, *args, **kwargs):
        _journal(self)
        args = (self, *args)  # the hooks see the optimizer among step's arguments, as PyTorch's wrapper passes them
        for hook in [*_GLOBAL_PRE_HOOKS, *self._optimizer_step_pre_hooks.values()]:
            result = hook(self, args, kwargs)
            if result is not None:
                if isinstance(result, tuple) and len(result) == 2:
                    args, kwargs = result
                else:
                    raise make("RuntimeError", f"{_step_repr(self, step)} must return None or a tuple of "
                                               f"(new_args, new_kwargs), but got {result}.")
        if no_grad:
            with autograd.set_grad_enabled(bool(self.defaults.get("differentiable", False))):
                out = step(*args, **kwargs)
        else:
            out = step(*args, **kwargs)
        for hook in [*self._optimizer_step_post_hooks.values(), *_GLOBAL_POST_HOOKS]:
            hook(self, args, kwargs)
        return out
    wrapper.hooked = True
    return wrapper


def _step_repr(optimizer, step):
    """The step function as PyTorch's text names it: each built-in optimizer defines its own (`SGD.step`), where the
    engine's share one (`_SingleTensor.step`)."""
    for cls in type(optimizer).__mro__:
        if "step" in vars(cls) or (cls.__module__.startswith("torch.optim") and not vars(cls).get("_inherits_step")):
            return f"<function {cls.__qualname__}.step at {hex(id(step))}>"
    return repr(step)


def closure_loss(closure):
    """`step(closure)`: the closure runs with grad enabled and its loss is step's result."""
    if closure is None:
        return None
    with autograd.enable_grad():
        return closure()


class Journaled:
    """An object whose attributes a program may read and set, every assignment journaled for undo."""
    __settable__ = frozenset({"*"})

    def __setattr__(self, name, value):
        undo.touch_vars(self)
        object.__setattr__(self, name, value)

    def __tsh_attrs__(self):
        """Public instance attributes are readable (a program's subclass sets its own)."""
        return [k for k in vars(self) if k[:1] != "_"]


class Optimizer(Journaled):
    """Base class of all optimizers (PyTorch's `torch.optim.Optimizer`). Its `__dict__` holds what PyTorch's does,
    in the same order (`vars(optimizer)`); the undo epoch sits in a slot beside it."""
    __slots__ = ("_born",)
    __torch_dict__ = True
    __api__ = frozenset({"param_groups", "state", "defaults", "step", "zero_grad", "state_dict", "load_state_dict",
                         "add_param_group", "register_step_pre_hook", "register_step_post_hook",
                         "register_state_dict_pre_hook", "register_state_dict_post_hook",
                         "register_load_state_dict_pre_hook", "register_load_state_dict_post_hook"})

    def __init__(self, params, defaults):
        object.__setattr__(self, "_born", undo.epoch)  # made by the running statement: undoing it unmakes it
        self.defaults = defaults
        self._no_hooks()
        self._patch_step_function()
        if isinstance(params, Tensor):
            raise make("TypeError", "params argument given to the optimizer should be an iterable of Tensors or "
                                    "dicts, but got " + typename(params))
        self.state = State()
        self.param_groups = []
        param_groups = list(params)
        if len(param_groups) == 0:
            raise make("ValueError", "optimizer got an empty parameter list")
        if not isinstance(param_groups[0], dict):
            param_groups = [{"params": param_groups}]
        for param_group in param_groups:
            self.add_param_group(param_group)
        self._warned_capturable_if_run_uncaptured = True

    def _patch_step_function(self):
        """PyTorch's: the profile name zero_grad records under, and the class's step hooked (a program's subclass
        too)."""
        self._zero_grad_profile_name = f"Optimizer.zero_grad#{type(self).__name__}.zero_grad"
        cls = type(self)
        if not getattr(cls.step, "hooked", False):
            cls.step = hooked(cls.step)

    def _no_hooks(self):
        for name in _HOOK_DICTS:
            if name not in self.__dict__:
                setattr(self, name, OrderedDict())

    def __getstate__(self):  # (copy.deepcopy keeps these three only, as PyTorch's: no hooks, nor LBFGS's _params)
        return {"defaults": self.defaults, "state": self.state, "param_groups": self.param_groups}

    def __setstate__(self, state):  # (copy.deepcopy's, or a program's own `opt.__setstate__(...)`: journaled)
        if not hasattr(self, "_born"):  # a copy being made by the running statement: undoing it unmakes it
            object.__setattr__(self, "_born", undo.epoch)
        undo.touch_vars(self)
        self.__dict__.update(state)
        self._no_hooks()
        self._patch_step_function()
        self.defaults.setdefault("differentiable", False)

    def __repr__(self):
        text = type(self).__name__ + " ("
        for i, group in enumerate(self.param_groups):
            text += f"\nParameter Group {i}\n"
            for key in sorted(group.keys()):
                if key != "params":
                    text += f"    {key}: {group[key]}\n"
        return text + ")"

    # ------------------------------------------------------------ param groups

    def add_param_group(self, param_group):
        library_imported("sympy")  # (torch._disable_dynamo's first call imports torch._dynamo)
        if not isinstance(param_group, dict):
            raise make("TypeError", f"param_group must be a dict, but got {_class_repr(param_group)}")
        undo.touch_dict(param_group)
        params = param_group["params"]
        if isinstance(params, Tensor):
            param_group["params"] = [params]
        elif isinstance(params, set):
            raise make("TypeError", "optimizer parameters need to be organized in ordered collections, but the "
                                    "ordering of tensors in sets will change between runs. Please use a list instead.")
        else:
            param_group["params"] = list(params)
        tensors, names = [], []
        for param in param_group["params"]:
            if isinstance(param, tuple):
                names.append(param[0])
                tensors.append(param[1])
            else:
                tensors.append(param)
        param_group["params"] = tensors
        if names:
            if len(names) != len(tensors):
                raise make("ValueError", "all optimizer params should be with/without names. Some param names are "
                                         "missing")
            param_group["param_names"] = names
        for param in tensors:
            if not isinstance(param, Tensor):
                raise make("TypeError", "optimizer can only optimize Tensors, but one of the params is "
                           + typename(param))
            if not self.defaults.get("differentiable", None) and not (param.is_leaf or param.retains_grad):
                raise make("ValueError", "can't optimize a non-leaf Tensor")
        for name, default in self.defaults.items():
            if default is required and name not in param_group:
                raise make("ValueError", "parameter group didn't specify a value of required optimization "
                                         f"parameter {name}")
            param_group.setdefault(name, default)
        if len(tensors) != len(set(tensors)):
            warn("optimizer contains a parameter group with duplicate parameters; in future, this will cause an "
                 "error; see github.com/pytorch/pytorch/issues/40967 for more information",
                 site="torch/_compile.py")  # (attributed to torch's wrapper of add_param_group: shown once)
        seen = set()
        for group in self.param_groups:
            seen.update(group["params"])
            if ("param_names" in param_group) != ("param_names" in group):
                which = "with names" if "param_names" in param_group else "without names"
                raise make("ValueError", "all optimizer param groups should be with/without names. "
                                         f"cannot add param group {which} to the optimizer")
        if not seen.isdisjoint(tensors):
            raise make("ValueError", "some parameters appear in more than one parameter group")
        undo.touch_list(self.param_groups)
        self.param_groups.append(param_group)

    # ------------------------------------------------------------ gradients

    def zero_grad(self, set_to_none=True):
        for group in self.param_groups:
            for p in group["params"]:
                grad = p.grad
                if grad is not None:
                    if set_to_none:
                        p.grad = None
                    else:
                        if grad.grad_fn is not None:
                            grad.detach_()
                        else:
                            grad.requires_grad_(False)
                        grad.zero_()

    def step(self, closure=None):
        raise make("NotImplementedError", "")

    def register_step_pre_hook(self, hook):
        return _add_hook(self._optimizer_step_pre_hooks, hook)

    def register_step_post_hook(self, hook):
        return _add_hook(self._optimizer_step_post_hooks, hook)

    def register_state_dict_pre_hook(self, hook, prepend=False):
        """hook(optimizer) before state_dict() packs the state."""
        return _add_hook(self._optimizer_state_dict_pre_hooks, hook, prepend)

    def register_state_dict_post_hook(self, hook, prepend=False):
        """hook(optimizer, state_dict) after; what it returns (if not None) is the state dict."""
        return _add_hook(self._optimizer_state_dict_post_hooks, hook, prepend)

    def register_load_state_dict_pre_hook(self, hook, prepend=False):
        """hook(optimizer, state_dict) before load_state_dict() reads its (copied) argument; what it returns (if
        not None) is read instead."""
        return _add_hook(self._optimizer_load_state_dict_pre_hooks, hook, prepend)

    def register_load_state_dict_post_hook(self, hook, prepend=False):
        """hook(optimizer) once the state is loaded."""
        return _add_hook(self._optimizer_load_state_dict_post_hooks, hook, prepend)

    # ------------------------------------------------------------ state dicts

    def state_dict(self):
        """{'state': {index: state}, 'param_groups': [group with params as indices]}; the state's tensors are the
        optimizer's own (not copies), as in PyTorch."""
        for hook in list(self._optimizer_state_dict_pre_hooks.values()):
            hook(self)
        mapping = {}
        start = 0
        groups = []
        for group in self.param_groups:
            packed = {k: v for k, v in group.items() if k != "params"}
            for i, p in enumerate(group["params"], start):
                mapping.setdefault(id(p), i)
            packed["params"] = [mapping[id(p)] for p in group["params"]]
            start += len(packed["params"])
            groups.append(packed)
        state = {(mapping[id(k)] if isinstance(k, Tensor) else k): v for k, v in self.state.items()}
        state_dict = {"state": state, "param_groups": groups}
        for hook in list(self._optimizer_state_dict_post_hooks.values()):
            result = hook(self, state_dict)
            if result is not None:
                state_dict = result
        return state_dict

    def load_state_dict(self, state_dict):
        state_dict = state_dict.copy()
        for hook in list(self._optimizer_load_state_dict_pre_hooks.values()):
            result = hook(self, state_dict)
            if result is not None:
                state_dict = result
        groups = self.param_groups
        saved_groups = copy.deepcopy(state_dict["param_groups"])
        if len(groups) != len(saved_groups):
            raise make("ValueError", "loaded state dict has a different number of parameter groups")
        if any(len(g["params"]) != len(s["params"]) for g, s in zip(groups, saved_groups)):
            raise make("ValueError", "loaded state dict contains a parameter group that doesn't match the size of "
                                     "optimizer's group")
        id_map = dict(zip(chain.from_iterable(g["params"] for g in saved_groups),
                          chain.from_iterable(g["params"] for g in groups)))
        state = State()
        for k, v in state_dict["state"].items():
            if k in id_map:
                param = id_map[k]
                state[param] = _cast(param, v, k, state_dict["param_groups"])
            else:
                state[k] = v
        for group, new_group in zip(groups, saved_groups):
            new_group["params"] = group["params"]
            if "param_names" in group and "param_names" not in new_group:
                new_group["param_names"] = group["param_names"]
        _journal(self)
        self.state = state
        self.param_groups = saved_groups
        self._setstate_defaults()
        for hook in list(self._optimizer_load_state_dict_post_hooks.values()):
            hook(self)

    # what each optimizer's __setstate__ fills in after load_state_dict (a state dict of an older version or of
    # another optimizer): group options it lacks, in this order, and per-parameter numbers made float32 tensors
    _GROUP_DEFAULTS = ()
    _STATE_TENSORS = ()

    def _setstate_defaults(self):
        self.defaults.setdefault("differentiable", False)
        for group in self.param_groups:
            for key, value in self._GROUP_DEFAULTS:
                group.setdefault(key, value)
            self._setstate_group(group)
            for p in group["params"]:
                p_state = self.state.get(p, [])
                if len(p_state) != 0:
                    for key in self._STATE_TENSORS:
                        if not isinstance(p_state[key], Tensor):
                            p_state[key] = creation.tensor(float(p_state[key]), dtype=dtypes.float32)

    def _setstate_group(self, group):
        """A class's own __setstate__ change of each group (AdamW's)."""


serialization.PICKLED_BASES.append(Optimizer)  # (torch.save(optimizer): by its class, its __getstate__)


_HOOK_DICTS = ("_optimizer_step_pre_hooks", "_optimizer_step_post_hooks", "_optimizer_state_dict_pre_hooks",
               "_optimizer_state_dict_post_hooks", "_optimizer_load_state_dict_pre_hooks",
               "_optimizer_load_state_dict_post_hooks")


def _add_hook(hooks, hook, prepend=False):
    """PyTorch's hook OrderedDicts, keyed by the handle's id (journaled: a failed statement takes the hook back)."""
    handle = autograd.RemovableHandle(hooks, hook)
    undo.touch_dict(hooks)
    hooks[handle.id] = hook
    if prepend:
        hooks.move_to_end(handle.id, last=False)
    return handle


def _cast(param, value, param_id, param_groups, key=None):
    """PyTorch's load_state_dict copy: new dicts and sequences; tensors converted to the parameter's dtype (the same
    tensor when it already has it: loading shares the state dict's tensors), `step` kept as it is."""
    if isinstance(value, Tensor):
        if key == "step":
            group = next((g for g in param_groups if param_id in g["params"]), {})
            if group.get("capturable", False) or group.get("fused", False):
                return value.to(dtype=_float32())
            return value
        if param.is_floating_point() and value.dtype is not param.dtype:
            return value.to(param.dtype)
        return value
    if isinstance(value, dict):
        return {k: _cast(param, v, param_id, param_groups, k) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_cast(param, v, param_id, param_groups) for v in value)
    return value


def _float32():
    from tensorsh.engine import dtypes
    return dtypes.float32


def _class_repr(obj):
    t = type(obj)
    return f"<class '{t.__name__}'>" if t.__module__ == "builtins" else f"<class '{t.__module__}.{t.__qualname__}'>"


def scalar_dtype():
    """The dtype of `step` (PyTorch's _get_scalar_dtype): float64 only under a float64 default dtype."""
    from tensorsh.engine import dtypes
    return dtypes.float64 if dtypes.DEFAULT_FLOAT is dtypes.float64 else dtypes.float32

"""nn.Module: parameters, buffers and submodules registered by assignment; PyTorch's module.py, ported.

Orders, de-duplication, error texts and reprs are PyTorch's. Every Python-level mutation (an attribute,
a parameter/buffer/module dict, a hook dict) is journaled first so a failed statement takes it back.
"""
import itertools
from collections import OrderedDict, namedtuple

from tensorsh.engine import autograd, errors, undo
from tensorsh.engine.errors import make, runtime, type_error, value_error, warn
from tensorsh.engine.defaults import FACTORY_DEVICE
from tensorsh.engine.tensor import Tensor
from tensorsh.engine.typenames import own_method
from .parameter import Parameter, buffer_persistent, typename


class _IncompatibleKeys(namedtuple("IncompatibleKeys", ["missing_keys", "unexpected_keys"])):
    __slots__ = ()
    __module__ = "torch.nn.modules.module"
    __api__ = frozenset({"missing_keys", "unexpected_keys", "count", "index", "_fields", "_field_defaults", "_asdict",
                         "_replace", "_make"})  # (a namedtuple's public API has underscores)
    __class_api__ = frozenset({"_fields", "_field_defaults", "_make"})

    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return "<All keys matched successfully>"
        return super().__repr__()

    __str__ = __repr__


class StateDict(OrderedDict):
    """The OrderedDict state_dict() returns: Python's own class to a program (name, repr, copying), with the
    dict methods a program may call listed for the language."""
    __module__ = "collections"
    __qualname__ = "OrderedDict"
    __api__ = frozenset({"keys", "values", "items", "get", "pop", "popitem", "copy", "update", "setdefault",
                         "clear", "move_to_end", "_metadata"})
    __settable__ = frozenset({"_metadata"})


StateDict.__name__ = "OrderedDict"


def _addindent(s_, num_spaces):
    s = s_.split("\n")
    if len(s) == 1:
        return s_
    first = s.pop(0)
    s = [(num_spaces * " ") + line if line.strip() else "" for line in s]
    return first + "\n" + "\n".join(s)


class RemovableHandle(autograd.RemovableHandle):
    """torch.utils.hooks.RemovableHandle over a module's hook dicts (removal is journaled); the tensors' class, so
    one `torch.utils.hooks.RemovableHandle` is the type of both."""
    __module__ = "torch.utils.hooks"

    def __init__(self, hooks_dict, extra_dict=()):
        self.hooks_dicts = (hooks_dict,) + tuple(extra_dict)
        self.id = autograd.next_handle_id()  # (the count the tensors' handles share)

    def remove(self):
        for d in self.hooks_dicts:
            if self.id in d:
                undo.touch_dict(d)
                del d[self.id]


class _WrappedHook:
    """torch.nn.modules.module._WrappedHook: a load-state-dict pre-hook, given its module first when it has one."""
    __module__ = "torch.nn.modules.module"
    __api__ = frozenset({"hook", "with_module"})

    def __init__(self, hook, module=None):
        self.hook, self.with_module, self._module = hook, module is not None, module

    def __call__(self, *args, **kwargs):
        return self.hook(self._module, *args, **kwargs) if self.with_module else self.hook(*args, **kwargs)

    def __repr__(self):
        return f"<torch.nn.modules.module._WrappedHook object at {autograd.address(self)}>"


# torch.nn.modules.module's global hooks (register_module_forward_hook, ...): every module's, before its own
_GLOBAL = {"forward_pre": OrderedDict(), "forward": OrderedDict(), "backward": OrderedDict(),
           "backward_pre": OrderedDict()}
_GLOBAL_WITH_KWARGS = OrderedDict()
_GLOBAL_ALWAYS_CALLED = OrderedDict()  # (always_call=True: run also when the call raises)
_GLOBAL_IS_FULL = [None]  # whether the global backward hooks are full ones (None: none registered yet)
_GLOBAL_HOOKS_ON = [False]  # any global hook registered: the modules' calls leave their fast path


def _global_hook(kind, hook, extra=()):
    handle = RemovableHandle(_GLOBAL[kind], extra)
    undo.touch_dict(_GLOBAL[kind])
    _GLOBAL[kind][handle.id] = hook
    _GLOBAL_HOOKS_ON[0] = True
    return handle


def register_module_forward_pre_hook(hook):
    return _global_hook("forward_pre", hook)


def register_module_forward_hook(hook, *, with_kwargs=False, always_call=False):
    handle = _global_hook("forward", hook, (_GLOBAL_ALWAYS_CALLED,))
    for flag, d in ((with_kwargs, _GLOBAL_WITH_KWARGS), (always_call, _GLOBAL_ALWAYS_CALLED)):
        if flag:
            undo.touch_dict(d)
            d[handle.id] = True
    return handle


def _global_backward(hook, full):
    if _GLOBAL_IS_FULL[0] is (not full):
        raise runtime("Cannot use both regular backward hooks and full backward hooks as a global Module hook. "
                      "Please use only one of them.")
    undo.touch_list(_GLOBAL_IS_FULL)
    _GLOBAL_IS_FULL[0] = full
    return _global_hook("backward", hook)


def register_module_backward_hook(hook):
    return _global_backward(hook, False)


def register_module_full_backward_hook(hook):
    return _global_backward(hook, True)


def register_module_full_backward_pre_hook(hook):
    return _global_hook("backward_pre", hook)


def reset_global_hooks():
    for d in (*_GLOBAL.values(), _GLOBAL_WITH_KWARGS, _GLOBAL_ALWAYS_CALLED):
        d.clear()
    _GLOBAL_IS_FULL[0] = None
    _GLOBAL_HOOKS_ON[0] = False


GLOBAL_HOOKS = ("register_module_forward_pre_hook", "register_module_forward_hook", "register_module_backward_hook",
                "register_module_full_backward_hook", "register_module_full_backward_pre_hook")


class _AttrNames:
    """The instance-dependent names of a Module, tested in place (`name in names`) or listed (completion)."""
    __slots__ = ("module",)

    def __init__(self, module):
        self.module = module

    def __contains__(self, name):
        d = self.module.__dict__
        if name in d["_parameters"] or name in d["_buffers"] or name in d["_modules"]:
            return True
        if name[:1] != "_" and name in d:
            return True
        if name in getattr(type(self.module), "__tsh_properties__", ()):  # a parametrized tensor
            return True
        return any(name in vars(cls) for cls in _program_classes(type(self.module)))

    def __iter__(self):
        d = self.module.__dict__
        names = set(d["_parameters"]) | set(d["_buffers"]) | set(d["_modules"])
        names.update(k for k in d if k[:1] != "_")
        names.update(getattr(type(self.module), "__tsh_properties__", ()))
        for cls in _program_classes(type(self.module)):
            names.update(k for k in vars(cls) if k[:1] != "_")
        return iter(sorted(names))


def _program_classes(cls):
    """The classes of cls's MRO a program defined (wherever the language made them), not nn's own."""
    return [c for c in cls.__mro__ if c is not object and not c.__module__.startswith(("torch.", "tensorsh.nn"))]


_CALL_SITE = "torch.nn.modules.module._wrapped_call_impl"  # (_call_impl's warnings: stacklevel=2)
_FORWARD_SITES = {}  # class -> its forward's site if torch defines it, else None


def _forward_site(cls):
    owner = next(c for c in cls.__mro__ if "forward" in vars(c))
    return None if _program_classes(owner) else f"{owner.__module__}.{owner.__qualname__}.forward"


def _unimplemented(self, *input):
    raise make("NotImplementedError", f'Module [{type(self).__name__}] is missing the required "forward" function')


_STATE = ("training", "_parameters", "_buffers", "_non_persistent_buffers_set", "_backward_pre_hooks",
          "_backward_hooks", "_is_full_backward_hook", "_forward_hooks", "_forward_hooks_with_kwargs",
          "_forward_hooks_always_called", "_forward_pre_hooks", "_forward_pre_hooks_with_kwargs",
          "_state_dict_hooks", "_state_dict_pre_hooks", "_load_state_dict_pre_hooks",
          "_load_state_dict_post_hooks", "_modules")


_PARSE_TO = tuple(f"to({first}bool non_blocking=False, bool copy=False, *, MemoryFormat? memory_format=None)"
                  for first in ("Device device=None, ScalarType dtype=None, ", "ScalarType dtype, ", "Tensor tensor, "))
# (torch._C._nn._parse_to's signatures)


_LAYER_METHODS = ("reset_parameters", "reset_running_stats", "has_uninitialized_params", "initialize_parameters")


def _made_on_device(init):
    """A layer's __init__ whose `device=` PyTorch passes to its factories (torch.empty(..., device=device)): the
    layer is built on the CPU, then the device refused where those factories would refuse it (after the checks
    of the arguments that come before them)."""
    import functools
    import inspect
    position = list(inspect.signature(init).parameters).index("device")

    @functools.wraps(init)
    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        device = args[position - 1] if len(args) >= position else kwargs.get("device")
        if device is None and FACTORY_DEVICE:  # (a DeviceContext's: set_default_device, `with torch.device(d)`)
            device = FACTORY_DEVICE[0]
        if device is not None:
            from tensorsh.engine import pyapi
            pyapi.cpu_only(pyapi.parse_device(device)[0], "tensor")
    return __init__


class Module:
    __module__ = "torch.nn.modules.module"
    __slots__ = ("__dict__", "__weakref__", "_born")  # (_born beside __dict__: vars(module) is PyTorch's)
    __settable__ = frozenset({"*"})
    __api__ = frozenset({
        "forward", "training", "parameters", "named_parameters", "buffers", "named_buffers", "children",
        "named_children", "modules", "named_modules", "state_dict", "load_state_dict", "train", "eval",
        "requires_grad_", "zero_grad", "apply", "to", "float", "double", "half", "bfloat16", "cpu", "type",
        "register_buffer", "register_parameter", "add_module", "register_module", "get_submodule",
        "get_parameter", "get_buffer", "register_forward_hook", "register_forward_pre_hook",
        "register_full_backward_hook", "register_full_backward_pre_hook", "register_backward_hook", "extra_repr", "_get_name",
        "_parameters", "_buffers", "_modules", "share_memory", "_forward_hooks", "_forward_pre_hooks",
        "_backward_hooks", "_backward_pre_hooks", "_non_persistent_buffers_set", "get_extra_state",
        "_is_full_backward_hook", "_forward_hooks_with_kwargs", "_forward_hooks_always_called",
        "_forward_pre_hooks_with_kwargs", "_state_dict_hooks", "_state_dict_pre_hooks", "_load_state_dict_pre_hooks",
        "_load_state_dict_post_hooks",
        "set_extra_state", "register_state_dict_pre_hook", "register_state_dict_post_hook",
        "register_load_state_dict_pre_hook", "register_load_state_dict_post_hook", "set_submodule", "cuda",
        "_register_load_state_dict_pre_hook", "_register_state_dict_hook", "_apply", "_named_members", "_version",
        "to_empty"})
    call_super_init = False
    # the protocol methods a program may call by name (`seq.__len__()`), where the class defines them as PyTorch's
    __dunder_api__ = frozenset({"__call__", "__len__", "__getitem__", "__setitem__", "__delitem__", "__iter__",
                                "__contains__", "__reversed__"})
    _version = 1  # (a state_dict's _metadata records each module's; BatchNorm's is 2: num_batches_tracked)
    forward = _unimplemented

    def __init_subclass__(cls, **kwargs):
        """A layer's public methods beyond Module's (`m.reset_parameters()`, `bn.reset_running_stats()`, a lazy
        module's `has_uninitialized_params()`) are part of its API where its class defines them, as in PyTorch."""
        super().__init_subclass__(**kwargs)
        own = {n for n in _LAYER_METHODS if callable(getattr(cls, n, None))}
        if not own <= cls.__api__:
            cls.__api__ = cls.__api__ | own
        for name in {n for c in cls.__mro__ for n in c.__dict__.get("__per_class__", ())}:  # (a base of tensorsh's
            owner = next(c for c in cls.__mro__ if name in c.__dict__)               # sharing what each of PyTorch's
                                                                                     # classes defines)
            if owner is not cls and name in owner.__dict__.get("__per_class__", ()) and \
                    cls.__module__.startswith("torch."):
                setattr(cls, name, own_method(owner.__dict__[name], cls.__name__, name))
        init = cls.__dict__.get("__init__")
        code = getattr(init, "__code__", None)  # (an engine layer's own __init__ taking a device)
        if code is not None and (init.__module__ or "").startswith("tensorsh.") and \
                "device" in code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]:
            cls.__init__ = _made_on_device(init)

    def __init__(self, *args, **kwargs):
        if kwargs:
            raise type_error(f"{type(self).__name__}.__init__() got an unexpected keyword argument "
                             f"'{next(iter(kwargs))}'")
        if args:
            raise type_error(f"{type(self).__name__}.__init__() takes 1 positional argument but "
                             f"{len(args) + 1} were given")
        undo.touch_vars(self)  # (a second __init__ on a live module resets it: journaled)
        d = self.__dict__
        object.__setattr__(self, "_born", undo.epoch)  # made in this statement: undoing it makes it unreachable
        d["training"] = True
        d["_parameters"] = {}
        d["_buffers"] = {}
        d["_non_persistent_buffers_set"] = set()
        d["_backward_pre_hooks"] = OrderedDict()
        d["_backward_hooks"] = OrderedDict()
        d["_is_full_backward_hook"] = None  # (PyTorch's order: vars(module) shows it)
        for name in ("_forward_hooks", "_forward_hooks_with_kwargs", "_forward_hooks_always_called",
                     "_forward_pre_hooks", "_forward_pre_hooks_with_kwargs", "_state_dict_hooks",
                     "_state_dict_pre_hooks", "_load_state_dict_pre_hooks", "_load_state_dict_post_hooks"):
            d[name] = OrderedDict()
        d["_modules"] = {}

    # ------------------------------------------------------------ registration

    def _check_name(self, kind, name, store):
        if store not in self.__dict__:
            raise make("AttributeError", f"cannot assign {kind} before Module.__init__() call")
        elif not isinstance(name, str):
            raise type_error(f"{kind} name should be a string. Got {typename(name)}")
        elif "." in name:
            raise make("KeyError", f'{kind} name can\'t contain "."')
        elif name == "":
            raise make("KeyError", f'{kind} name can\'t be empty string ""')
        elif hasattr(self, name) and name not in self.__dict__[store]:
            raise make("KeyError", f"attribute '{name}' already exists")

    def register_buffer(self, name, tensor, persistent=True):
        self._check_name("buffer", name, "_buffers")
        if tensor is not None and not isinstance(tensor, Tensor):
            raise type_error(f"cannot assign '{typename(tensor)}' object to buffer '{name}' "
                             "(torch Tensor or None required)")
        undo.touch_dict(self._buffers)
        self._buffers[name] = tensor
        undo.touch_vars(self)
        npb = set(self._non_persistent_buffers_set)  # replaced, not changed in place: journaled with vars
        npb.discard(name) if persistent else npb.add(name)
        self.__dict__["_non_persistent_buffers_set"] = npb

    def register_parameter(self, name, param):
        self._check_name("parameter", name, "_parameters")
        if param is None:
            pass
        elif not isinstance(param, Parameter):
            raise type_error(f"cannot assign '{typename(param)}' object to parameter '{name}' "
                             "(torch.nn.Parameter or None required)")
        elif param.grad_fn:
            raise make("ValueError", f"Cannot assign non-leaf Tensor to parameter '{name}'. Model parameters must be "
                       f"created explicitly. To express '{name}' as a function of another Tensor, compute the value "
                       "in the forward() method.")
        undo.touch_dict(self._parameters)
        self._parameters[name] = param

    def add_module(self, name, module):
        if not isinstance(module, Module) and module is not None:
            raise type_error(f"{typename(module)} is not a Module subclass")
        elif not isinstance(name, str):
            raise type_error(f"module name should be a string. Got {typename(name)}")
        elif hasattr(self, name) and name not in self._modules:
            raise make("KeyError", f"attribute '{name}' already exists")
        elif "." in name:
            raise make("KeyError", f'module name can\'t contain ".", got: {name}')
        elif name == "":
            raise make("KeyError", 'module name can\'t be empty string ""')
        undo.touch_dict(self._modules)
        self._modules[name] = module

    register_module = add_module

    def get_submodule(self, target):
        if target == "":
            return self
        mod = self
        for item in target.split("."):
            if not hasattr(mod, item):
                raise make("AttributeError", mod._get_name() + " has no attribute `" + item + "`")
            mod = getattr(mod, item)
            if not isinstance(mod, Module):
                raise make("AttributeError", "`" + item + "` is not an nn.Module")
        return mod

    def set_submodule(self, target, module, strict=False):
        if target == "":
            raise value_error("Cannot set the submodule without a target name!")
        atoms = target.split(".")
        if not isinstance(module, Module):
            raise value_error(f"`module` is not an nn.Module, found {type(module)}")
        parent = self if len(atoms) == 1 else self.get_submodule(".".join(atoms[:-1]))
        if strict and not hasattr(parent, atoms[-1]):
            raise make("AttributeError", parent._get_name() + " has no attribute `" + atoms[-1] + "`")
        if hasattr(parent, atoms[-1]) and not isinstance(getattr(parent, atoms[-1]), Module):
            raise make("AttributeError", "`" + atoms[-1] + "` is not an nn.Module")
        setattr(parent, atoms[-1], module)

    def _get_leaf(self, target, kind, cls):
        module_path, _, name = target.rpartition(".")
        mod = self.get_submodule(module_path)
        if not hasattr(mod, name):
            raise make("AttributeError", mod._get_name() + " has no attribute `" + name + "`")
        value = getattr(mod, name)
        if not isinstance(value, cls) or (kind == "buffer" and name not in mod._buffers):
            raise make("AttributeError", "`" + name + f"` is not an nn.{'Parameter' if kind == 'parameter' else 'Buffer'}"
                       if kind == "parameter" else "`" + name + "` is not a buffer")
        return value

    def get_parameter(self, target):
        return self._get_leaf(target, "parameter", Parameter)

    def get_buffer(self, target):
        return self._get_leaf(target, "buffer", Tensor)

    # ------------------------------------------------------------ attributes

    def __getattr__(self, name):
        d = self.__dict__
        if "_parameters" in d and name in d["_parameters"]:
            return d["_parameters"][name]
        if "_buffers" in d and name in d["_buffers"]:
            return d["_buffers"][name]
        if "_modules" in d and name in d["_modules"]:
            return d["_modules"][name]
        raise errors.AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")  # (for hasattr)

    def _remove_from(self, name, *which):
        for attr in which:
            if attr == "__dict__":
                if name in self.__dict__:
                    undo.touch_vars(self)
                    del self.__dict__[name]
            elif attr == "_non_persistent_buffers_set":
                if name in self._non_persistent_buffers_set:
                    undo.touch_vars(self)
                    self.__dict__[attr] = self._non_persistent_buffers_set - {name}
            else:
                d = self.__dict__[attr]
                if name in d:
                    undo.touch_dict(d)
                    del d[name]

    def __setattr__(self, name, value):
        params = self.__dict__.get("_parameters")
        if isinstance(value, Parameter):
            if params is None:
                raise make("AttributeError", "cannot assign parameters before Module.__init__() call")
            self._remove_from(name, "__dict__", "_buffers", "_modules", "_non_persistent_buffers_set")
            self.register_parameter(name, value)
        elif params is not None and name in params:
            if value is not None:
                raise type_error(f"cannot assign '{typename(value)}' as parameter '{name}' "
                                 "(torch.nn.Parameter or None expected)")
            self.register_parameter(name, value)
        else:
            modules = self.__dict__.get("_modules")
            if isinstance(value, Module):
                if modules is None:
                    raise make("AttributeError", "cannot assign module before Module.__init__() call")
                self._remove_from(name, "__dict__", "_parameters", "_buffers", "_non_persistent_buffers_set")
                undo.touch_dict(modules)
                modules[name] = value
            elif modules is not None and name in modules:
                if value is not None:
                    raise type_error(f"cannot assign '{typename(value)}' as child module '{name}' "
                                     "(torch.nn.Module or None expected)")
                undo.touch_dict(modules)
                modules[name] = value
            else:
                buffers = self.__dict__.get("_buffers")
                marked = buffer_persistent(value)  # an nn.Buffer registers itself, as in PyTorch
                if marked is not None or buffers is not None and name in buffers:
                    if value is not None and not isinstance(value, Tensor):
                        raise type_error(f"cannot assign '{typename(value)}' as buffer '{name}' "
                                         "(torch.nn.Buffer, torch.Tensor or None expected)")
                    self.register_buffer(name, value, marked if marked is not None else
                                         name not in self._non_persistent_buffers_set)
                else:
                    undo.touch_vars(self)
                    object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in self._parameters:
            self._remove_from(name, "_parameters")
        elif name in self._buffers:
            self._remove_from(name, "_buffers", "_non_persistent_buffers_set")
        elif name in self._modules:
            self._remove_from(name, "_modules")
        else:
            undo.touch_vars(self)
            object.__delattr__(self, name)

    def __tsh_attrs__(self):
        """What a program may read besides __api__: parameters, buffers, submodules, its public attributes, and
        the names a program's own subclasses define (a membership test without building a set: read per use)."""
        return _AttrNames(self)

    def __dir__(self):
        keys = dir(self.__class__) + list(self.__dict__) + list(self._parameters) + list(self._modules) \
            + list(self._buffers)
        return sorted(k for k in keys if not k[0].isdigit())

    # ------------------------------------------------------------ calling

    def _forward(self, args, kwargs):
        """forward; a built-in forward runs as torch's code: its warnings have its site (errors.LIBRARY_SITE)."""
        site = _FORWARD_SITES.get(type(self), False)
        if site is False:
            site = _FORWARD_SITES[type(self)] = _forward_site(type(self))
        if site is None:
            return self.forward(*args, **kwargs)
        with errors.library_code(site):
            return self.forward(*args, **kwargs)

    def __call__(self, *args, **kwargs):
        if not (self._backward_hooks or self._backward_pre_hooks or self._forward_hooks or self._forward_pre_hooks
                or _GLOBAL_HOOKS_ON[0]):
            return self._forward(args, kwargs)
        state = [args, kwargs, None, set()]  # (args and kwargs as the pre-hooks left them, result, hooks run)
        try:
            return self._call_with_hooks(state)
        except Exception:  # (PyTorch's _call_impl: the always_call forward hooks not run yet, then the error)
            args, kwargs, result, called = state
            for hooks, always, what in ((_GLOBAL["forward"], _GLOBAL_ALWAYS_CALLED, "global module"),
                                        (self._forward_hooks, self._forward_hooks_always_called, "module")):
                for hook_id, hook in list(hooks.items()):
                    if hook_id not in always or hook_id in called:
                        continue
                    try:
                        res = hook(self, args, kwargs, result) if hooks is self._forward_hooks and \
                            hook_id in self._forward_hooks_with_kwargs else hook(self, args, result)
                        if res is not None:
                            result = res
                    except Exception as e:
                        warn(f"{what} forward hook with ``always_call=True`` raised an exception that was silenced "
                             f"as another error was raised in forward: {str(e)}", site=_CALL_SITE)
            raise

    def _call_with_hooks(self, state):
        args, kwargs = state[0], state[1]
        for hook_id, hook in [*_GLOBAL["forward_pre"].items(), *self._forward_pre_hooks.items()]:
            if hook_id in self._forward_pre_hooks_with_kwargs:
                res = hook(self, args, kwargs)
                if res is not None:
                    if isinstance(res, tuple) and len(res) == 2:
                        args, kwargs = state[0], state[1] = res
                    else:
                        raise runtime("forward pre-hook must return None or a tuple of (new_args, new_kwargs), "
                                      f"but got {res}.")
            else:
                res = hook(self, args)
                if res is not None:
                    args = state[0] = res if isinstance(res, tuple) else (res,)
        bw_hook = None
        full_hooks, non_full_hooks = [], []  # (Module._get_backward_hooks: the global hooks first)
        for is_full, hooks in ((_GLOBAL_IS_FULL[0], _GLOBAL["backward"]), (self._is_full_backward_hook,
                                                                           self._backward_hooks)):
            if is_full is not None:
                (full_hooks if is_full else non_full_hooks).extend(hooks.values())
        pre_hooks = [*_GLOBAL["backward_pre"].values(), *self._backward_pre_hooks.values()]
        if full_hooks or pre_hooks:
            from .backward_hooks import BackwardHook
            bw_hook = BackwardHook(self, full_hooks, pre_hooks)
            args = bw_hook.setup_input_hook(args)
        state[0], state[1] = args, kwargs
        result = state[2] = self._forward(args, kwargs)
        for hook_id, hook in [*_GLOBAL["forward"].items(), *self._forward_hooks.items()]:
            if hook_id in self._forward_hooks_always_called or hook_id in _GLOBAL_ALWAYS_CALLED:
                state[3].add(hook_id)
            if hook_id in self._forward_hooks_with_kwargs or hook_id in _GLOBAL_WITH_KWARGS:
                res = hook(self, args, kwargs, result)
            else:
                res = hook(self, args, result)
            if res is not None:
                result = state[2] = res
        if bw_hook is not None:
            if not isinstance(result, (Tensor, tuple)):
                warn("For backward hooks to be called, module output should be a Tensor or a tuple of Tensors but "
                     f"received {type(result)}", site=_CALL_SITE)
            result = bw_hook.setup_output_hook(result)
        if non_full_hooks:
            from .backward_hooks import register_non_full
            register_non_full(self, args, result, non_full_hooks)
        return result

    def _hook_dict(self, attr, hook, prepend, extra=()):
        d = self.__dict__[attr]
        handle = RemovableHandle(d, tuple(self.__dict__[e] for e in extra))
        undo.touch_dict(d)
        d[handle.id] = hook
        if prepend:
            d.move_to_end(handle.id, last=False)
        return handle

    def register_forward_pre_hook(self, hook, *, prepend=False, with_kwargs=False):
        handle = self._hook_dict("_forward_pre_hooks", hook, prepend, ("_forward_pre_hooks_with_kwargs",))
        if with_kwargs:
            undo.touch_dict(self._forward_pre_hooks_with_kwargs)
            self._forward_pre_hooks_with_kwargs[handle.id] = True
        return handle

    def register_forward_hook(self, hook, *, prepend=False, with_kwargs=False, always_call=False):
        handle = self._hook_dict("_forward_hooks", hook, prepend,
                                 ("_forward_hooks_with_kwargs", "_forward_hooks_always_called"))
        for flag, attr in ((with_kwargs, "_forward_hooks_with_kwargs"), (always_call, "_forward_hooks_always_called")):
            if flag:
                undo.touch_dict(self.__dict__[attr])
                self.__dict__[attr][handle.id] = True
        return handle

    def register_full_backward_hook(self, hook, prepend=False):
        if self._is_full_backward_hook is False:
            raise runtime("Cannot use both regular backward hooks and full backward hooks on a single Module. "
                          "Please use only one of them.")
        undo.touch_vars(self)
        self.__dict__["_is_full_backward_hook"] = True
        return self._hook_dict("_backward_hooks", hook, prepend)

    def register_backward_hook(self, hook):
        if self._is_full_backward_hook is True:
            raise runtime("Cannot use both regular backward hooks and full backward hooks on a single Module. "
                          "Please use only one of them.")
        undo.touch_vars(self)
        self.__dict__["_is_full_backward_hook"] = False
        return self._hook_dict("_backward_hooks", hook, False)

    def register_full_backward_pre_hook(self, hook, prepend=False):
        return self._hook_dict("_backward_pre_hooks", hook, prepend)

    # ------------------------------------------------------------ state

    def get_extra_state(self):
        raise runtime("Reached a code path in Module.get_extra_state() that should never be called. Please file an "
                      "issue at https://github.com/pytorch/pytorch/issues/new?template=bug-report.yml to report "
                      "this bug.")

    def set_extra_state(self, state):
        raise runtime("Reached a code path in Module.set_extra_state() that should never be called. Please file an "
                      "issue at https://github.com/pytorch/pytorch/issues/new?template=bug-report.yml to report "
                      "this bug.")

    def register_state_dict_pre_hook(self, hook):
        """hook(module, prefix, keep_vars) before the module's state is saved."""
        return self._hook_dict("_state_dict_pre_hooks", hook, False)

    def register_state_dict_post_hook(self, hook):
        """hook(module, state_dict, prefix, local_metadata) once the module and its children are saved; must
        return None (marked as the public API's, unlike the private form's)."""
        hook._from_public_api = True
        return self._hook_dict("_state_dict_hooks", hook, False)

    def _register_state_dict_hook(self, hook):
        """The private form, still common: a state dict the hook returns replaces the destination."""
        if getattr(hook, "_from_public_api", False):
            raise runtime("Cannot register the same function as the state dict post hook that was previously "
                          "registered via register_state_dict_post_hook")
        return self._hook_dict("_state_dict_hooks", hook, False)

    def register_load_state_dict_pre_hook(self, hook):
        """hook(module, state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys, error_msgs)."""
        return self._register_load_state_dict_pre_hook(hook, with_module=True)

    def _register_load_state_dict_pre_hook(self, hook, with_module=False):
        """The private form, still common: without with_module the hook does not take the module."""
        return self._hook_dict("_load_state_dict_pre_hooks", _WrappedHook(hook, self if with_module else None),
                               False)

    def register_load_state_dict_post_hook(self, hook):
        """hook(module, incompatible_keys) once the module and its children are loaded."""
        return self._hook_dict("_load_state_dict_post_hooks", hook, False)

    def _save_to_state_dict(self, destination, prefix, keep_vars):
        for name, param in self._parameters.items():
            if param is not None:
                destination[prefix + name] = param if keep_vars else param.detach()
        for name, buf in self._buffers.items():
            if buf is not None and name not in self._non_persistent_buffers_set:
                destination[prefix + name] = buf if keep_vars else buf.detach()
        if type(self).get_extra_state is not Module.get_extra_state:
            destination[prefix + "_extra_state"] = self.get_extra_state()

    def state_dict(self, *args, destination=None, prefix="", keep_vars=False):
        if args:
            warn("Positional args are being deprecated, use kwargs instead. Refer to "
                 "https://pytorch.org/docs/main/generated/torch.nn.Module.html#torch.nn.Module.state_dict"
                 " for details.", "FutureWarning")
            if destination is None:
                destination = args[0]
            if len(args) > 1 and prefix == "":
                prefix = args[1]
            if len(args) > 2 and keep_vars is False:
                keep_vars = args[2]
        if destination is None:
            destination = StateDict()
            destination._metadata = OrderedDict()
        local_metadata = {"version": self._version}
        if hasattr(destination, "_metadata"):
            destination._metadata[prefix[:-1]] = local_metadata
        for hook in list(self._state_dict_pre_hooks.values()):
            hook(self, prefix, keep_vars)
        self._save_to_state_dict(destination, prefix, keep_vars)
        for name, module in self._modules.items():
            if module is not None:
                module.state_dict(destination=destination, prefix=prefix + name + ".", keep_vars=keep_vars)
        for hook in list(self._state_dict_hooks.values()):
            result = hook(self, destination, prefix, local_metadata)
            if not getattr(hook, "_from_public_api", False):
                destination = destination if result is None else result
            elif result is not None:
                raise runtime("state_dict post-hook must return None")
        return destination

    def _load_from_state_dict(self, state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys,
                              error_msgs):
        for hook in list(self._load_state_dict_pre_hooks.values()):
            hook(state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys, error_msgs)
        persistent = {k: v for k, v in self._buffers.items() if k not in self._non_persistent_buffers_set}
        local_state = {k: v for k, v in itertools.chain(self._parameters.items(), persistent.items())
                       if v is not None}
        assign = local_metadata.get("assign_to_params_buffers", False)
        for name, param in local_state.items():
            key = prefix + name
            if key in state_dict:
                input_param = state_dict[key]
                if not isinstance(input_param, Tensor):
                    error_msgs.append(f'While copying the parameter named "{key}", expected torch.Tensor or '
                                      f"Tensor-like object from checkpoint but received {type(input_param)}")
                    continue
                if len(param.shape) == 0 and len(input_param.shape) == 1 and input_param.shape[0] == 1:
                    input_param = input_param[0]
                if input_param.shape != param.shape:
                    error_msgs.append(f"size mismatch for {key}: copying a param with shape {input_param.shape} "
                                      f"from checkpoint, the shape in current model is {param.shape}.")
                    continue
                try:
                    with autograd.no_grad():
                        if assign:
                            if isinstance(param, Parameter):
                                if not isinstance(input_param, Parameter):
                                    input_param = Parameter(input_param, requires_grad=param.requires_grad)
                                else:
                                    input_param.requires_grad_(param.requires_grad)
                            setattr(self, name, input_param)
                        else:
                            param.copy_(input_param)
                except Exception as ex:
                    error_msgs.append(f'While copying the parameter named "{key}", whose dimensions in the model are '
                                      f"{param.size()} and whose dimensions in the checkpoint are "
                                      f"{input_param.size()}, an exception occurred : {(str(ex),)}.")
            elif strict:
                missing_keys.append(key)
        extra_state_key = prefix + "_extra_state"
        if type(self).set_extra_state is not Module.set_extra_state:
            if extra_state_key in state_dict:
                self.set_extra_state(state_dict[extra_state_key])
            elif strict:
                missing_keys.append(extra_state_key)
        elif strict and extra_state_key in state_dict:
            unexpected_keys.append(extra_state_key)
        if strict:
            for key in state_dict:
                if key.startswith(prefix) and key != extra_state_key:
                    input_name = key[len(prefix):].split(".", 1)
                    if len(input_name) > 1:
                        if input_name[0] not in self._modules:
                            unexpected_keys.append(key)
                    elif input_name[0] not in local_state:
                        unexpected_keys.append(key)

    def load_state_dict(self, state_dict, strict=True, assign=False):
        if not isinstance(state_dict, dict):
            raise type_error(f"Expected state_dict to be dict-like, got {type(state_dict)}.")
        missing_keys, unexpected_keys, error_msgs = [], [], []
        metadata = getattr(state_dict, "_metadata", None)  # (a plain dict has none: each module's version is None)
        state_dict = OrderedDict(state_dict)

        def load(module, local_state_dict, prefix=""):
            meta = {} if metadata is None else dict(metadata.get(prefix[:-1], {}))
            if assign:
                meta["assign_to_params_buffers"] = True
            module._load_from_state_dict(local_state_dict, prefix, meta, True, missing_keys, unexpected_keys,
                                         error_msgs)
            for name, child in module._modules.items():
                if child is not None:
                    child_prefix = prefix + name + "."
                    load(child, {k: v for k, v in local_state_dict.items() if k.startswith(child_prefix)},
                         child_prefix)
            incompatible_keys = _IncompatibleKeys(missing_keys, unexpected_keys)
            for hook in list(module._load_state_dict_post_hooks.values()):
                if hook(module, incompatible_keys) is not None:
                    raise AssertionError("Hooks registered with ``register_load_state_dict_post_hook`` are not "
                                         "expected to return new values, if incompatible_keys need to be modified, "
                                         "it should be done inplace.")
        load(self, state_dict)
        if strict:
            if unexpected_keys:
                error_msgs.insert(0, "Unexpected key(s) in state_dict: {}. ".format(
                    ", ".join(f'"{k}"' for k in unexpected_keys)))
            if missing_keys:
                error_msgs.insert(0, "Missing key(s) in state_dict: {}. ".format(
                    ", ".join(f'"{k}"' for k in missing_keys)))
        if error_msgs:
            raise runtime("Error(s) in loading state_dict for {}:\n\t{}".format(
                self.__class__.__name__, "\n\t".join(error_msgs)))
        return _IncompatibleKeys(missing_keys, unexpected_keys)

    # ------------------------------------------------------------ the tree

    def _named_members(self, get_members_fn, prefix="", recurse=True, remove_duplicate=True):
        memo = set()
        modules = self.named_modules(prefix=prefix, remove_duplicate=remove_duplicate) if recurse \
            else [(prefix, self)]
        for module_prefix, module in modules:
            for k, v in get_members_fn(module):
                if v is None or v in memo:
                    continue
                if remove_duplicate:
                    memo.add(v)
                yield module_prefix + ("." if module_prefix else "") + k, v

    def parameters(self, recurse=True):
        for _, param in self.named_parameters(recurse=recurse):
            yield param

    def named_parameters(self, prefix="", recurse=True, remove_duplicate=True):
        yield from self._named_members(lambda m: m._parameters.items(), prefix, recurse, remove_duplicate)

    def buffers(self, recurse=True):
        for _, buf in self.named_buffers(recurse=recurse):
            yield buf

    def named_buffers(self, prefix="", recurse=True, remove_duplicate=True):
        yield from self._named_members(lambda m: m._buffers.items(), prefix, recurse, remove_duplicate)

    def children(self):
        for _, module in self.named_children():
            yield module

    def named_children(self):
        memo = set()
        for name, module in self._modules.items():
            if module is not None and module not in memo:
                memo.add(module)
                yield name, module

    def modules(self, remove_duplicate=True):
        for _, module in self.named_modules(remove_duplicate=remove_duplicate):
            yield module

    def named_modules(self, memo=None, prefix="", remove_duplicate=True):
        if memo is None:
            memo = set()
        if self not in memo:
            if remove_duplicate:
                memo.add(self)
            yield prefix, self
            for name, module in self._modules.items():
                if module is None:
                    continue
                yield from module.named_modules(memo, prefix + ("." if prefix else "") + name, remove_duplicate)

    # ------------------------------------------------------------ modes and conversions

    def train(self, mode=True):
        if not isinstance(mode, bool):
            raise make("ValueError", "training mode is expected to be boolean")
        undo.touch_vars(self)
        self.__dict__["training"] = mode
        for module in self.children():
            module.train(mode)
        return self

    def eval(self):
        return self.train(False)

    def requires_grad_(self, requires_grad=True):
        for p in self.parameters():
            p.requires_grad_(requires_grad)
        return self

    def zero_grad(self, set_to_none=True):
        for p in self.parameters():
            if p.grad is not None:
                if set_to_none:
                    p.grad = None
                else:
                    if p.grad.grad_fn is not None:
                        p.grad.detach_()
                    else:
                        p.grad.requires_grad_(False)
                    p.grad.zero_()

    def apply(self, fn):
        for module in self.children():
            module.apply(fn)
        fn(self)
        return self

    def _apply(self, fn, recurse=True):
        if recurse:
            for module in self.children():
                module._apply(fn)
        for key, param in self._parameters.items():
            if param is None:
                continue
            with autograd.no_grad():
                param_applied = fn(param)
            param_grad = param.grad
            param.data = param_applied  # PyTorch's set_data path: the Parameter object stays, its data changes
            out_param = param
            if param_grad is not None:
                with autograd.no_grad():
                    grad_applied = fn(param_grad)
                out_param.grad.data = grad_applied
        for key, buf in self._buffers.items():
            if buf is not None:
                undo.touch_dict(self._buffers)
                self._buffers[key] = fn(buf)
        return self

    def to(self, *args, **kwargs):
        from tensorsh.engine import pyapi
        bound = pyapi._parse(_PARSE_TO, args, kwargs)  # (torch._C._nn._parse_to's signatures and texts)
        if bound.get("copy"):
            raise runtime(".to() does not accept copy argument")
        dtype, device = bound.get("dtype"), bound.get("device")
        if bound.get("tensor") is not None:
            dtype = bound["tensor"].dtype
        if device is not None:  # (PyTorch's parse, then a CPU build's refusal of others)
            pyapi.cpu_only(pyapi.parse_device(device)[0], "tensor")
        if dtype is not None and dtype.category < 2:
            raise type_error(f"nn.Module.to only accepts floating point or complex dtypes, but got desired "
                             f"dtype={dtype}")
        if dtype is not None and dtype.is_complex:
            from tensorsh.engine.errors import warn
            warn("Complex modules are a new feature under active development whose design may change, and some "
                 "modules might not work as expected when using complex tensors as parameters or buffers. Please "
                 "file an issue at https://github.com/pytorch/pytorch/issues/new?template=bug-report.yml if a "
                 "complex module does not work as expected.")
        memory_format = bound.get("memory_format")
        if memory_format is not None:  # (PyTorch's convert: a 4-d or 5-d tensor to the format, the others as they are)
            from tensorsh.engine.ops.copies import to as _to
            return self._apply(lambda t: _to(t, dtype=dtype if t.dtype.category >= 2 else None,
                                              memory_format=memory_format if t.dim() in (4, 5) else None))
        if dtype is None:
            return self
        return self._apply(lambda t: t.to(dtype) if t.dtype.category >= 2 else t)

    def _cast(self, dtype):
        return self._apply(lambda t: t.to(dtype) if t.is_floating_point() else t)

    def float(self):
        from tensorsh.engine import dtypes
        return self._cast(dtypes.float32)

    def double(self):
        from tensorsh.engine import dtypes
        return self._cast(dtypes.float64)

    def half(self):
        from tensorsh.engine import dtypes
        return self._cast(dtypes.float16)

    def bfloat16(self):
        from tensorsh.engine import dtypes
        return self._cast(dtypes.bfloat16)

    def type(self, dst_type):
        return self._apply(lambda t: t.type(dst_type))

    def cpu(self):
        return self

    def cuda(self, device=None):
        return self._apply(lambda t: t.cuda(device))

    def to_empty(self, *, device, recurse=True):
        from tensorsh.engine.creation import empty_like
        return self._apply(lambda t: empty_like(t, device=device), recurse=recurse)

    def share_memory(self):
        return self._apply(lambda t: t.share_memory_())

    # ------------------------------------------------------------ printing

    def _get_name(self):
        return self.__class__.__name__

    def extra_repr(self):
        return ""

    def __repr__(self):
        extra_lines = []
        extra_repr = self.extra_repr()
        if extra_repr:
            extra_lines = extra_repr.split("\n")
        child_lines = []
        for key, module in self._modules.items():
            child_lines.append("(" + key + "): " + _addindent(repr(module), 2))
        lines = extra_lines + child_lines
        main_str = self._get_name() + "("
        if lines:
            if len(extra_lines) == 1 and not child_lines:
                main_str += extra_lines[0]
            else:
                main_str += "\n  " + "\n  ".join(lines) + "\n"
        return main_str + ")"
    # (no __str__: str() is the class's own __repr__, as object's, so a subclass's __repr__ prints)

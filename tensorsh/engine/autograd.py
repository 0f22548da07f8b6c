"""Autograd: grad mode, graph nodes, saved tensors with their versions, hooks, and the backward walk."""
import collections
import collections.abc
import inspect
import itertools
import re
import sys
import weakref
from weakref import ref as _weakref

import numpy as np

from . import dtypes, errors, messages, undo
from .errors import runtime
from .storage import INFERENCE_MODE, check_size, is_zero_tensor, note
from .typenames import tp_name

# ---------------------------------------------------------------- grad mode

_grad_enabled = [True]  # whether ops record their graph (PyTorch's grad mode, and False inside inference_mode)
_inference_grad = [False]  # the grad mode is_grad_enabled() reports inside inference_mode, where nothing is recorded


def is_grad_enabled():
    return _inference_grad[0] if INFERENCE_MODE[0] else _grad_enabled[0]


def _set_grad_mode(mode):
    """Set the grad mode: inside inference_mode only the one is_grad_enabled() reports (the autograd keys are
    excluded there, so torch.enable_grad() records nothing)."""
    if INFERENCE_MODE[0]:
        _inference_grad[0] = mode
    else:
        _grad_enabled[0] = mode


class set_grad_enabled:
    """torch.set_grad_enabled(mode): sets the mode at once; as a context manager, restores it on exit; as a decorator
    (`@torch.set_grad_enabled(False)`), puts the mode back at once and runs each call in a fresh one (PyTorch's)."""
    __api__ = frozenset({"clone", "__enter__", "__exit__", "mode", "prev"})

    def __init__(self, mode):
        self.prev, self.mode = is_grad_enabled(), mode
        _set_grad_mode(bool(mode))

    def __call__(self, fn):
        _set_grad_mode(self.prev)
        return decorate(self.clone, fn, site="torch/autograd/grad_mode.py:192")

    def clone(self):
        return type(self)(self.mode)

    def __enter__(self):
        _set_grad_mode(bool(self.mode))
        return None

    def __exit__(self, *exc):
        _set_grad_mode(self.prev)

    def __repr__(self):
        return f"torch.autograd.grad_mode.set_grad_enabled(mode={self.mode})"


def decorate(ctx_factory, func, site=None):
    """torch.utils._contextlib._DecoratorContextManager.__call__, the grad-mode contexts' decorator: a class is
    decorated as a lambda that calls it, with its FutureWarning (at `site`, torch's line, where a subclass's
    __call__ or __new__ calls it: shown once)."""
    if isinstance(func, type):
        errors.warn("Decorating classes is deprecated and will be disabled in future versions. You should only "
                    "decorate functions or methods. To preserve the current behavior of class decoration, you can "
                    "directly decorate the `__init__` method and nothing else.", "FutureWarning", site)
        cls = func
        func = lambda *args, **kwargs: cls(*args, **kwargs)  # noqa: E731 - PyTorch's lambda, named as it
        func.__qualname__, func.__module__ = "_DecoratorContextManager.__call__.<locals>.<lambda>", \
            "torch.utils._contextlib"
    return context_decorator(ctx_factory, func)


def context_decorator(ctx_factory, func):
    """torch.utils._contextlib.context_decorator: each call of func runs in a fresh context from ctx_factory (each
    resumption, for a generator function). Any value is wrapped (torch.no_grad(1) is accepted); calling the wrapper
    of a non-callable fails then."""
    if getattr(func, "__tsh_generator__", False) or inspect.isgeneratorfunction(func):
        return _wrap_generator(ctx_factory, func)

    def decorate_context(*args, **kwargs):
        with ctx_factory():
            if not callable(func):
                raise errors.type_error(f"'{tp_name(func)}' object is not callable")
            return func(*args, **kwargs)
    for attr in ("__name__", "__qualname__", "__doc__", "__module__"):  # functools.wraps' assignments
        try:
            setattr(decorate_context, attr, getattr(func, attr))
        except (AttributeError, TypeError):
            pass
    decorate_context.__wrapped__ = func
    return decorate_context



def _wrap_generator(ctx_factory, func):
    """torch.utils._contextlib._wrap_generator: the generator runs each step (send, throw, close) in the context."""
    def generator_context(*args, **kwargs):
        gen = func(*args, **kwargs)
        try:
            with ctx_factory():
                response = gen.send(None)
            while True:
                try:
                    request = yield response
                except GeneratorExit:
                    with ctx_factory():
                        gen.close()
                    raise
                except BaseException:
                    with ctx_factory():
                        response = gen.throw(*sys.exc_info())
                else:
                    with ctx_factory():
                        response = gen.send(request)
        except StopIteration as e:
            return e.value
    for attr in ("__name__", "__qualname__", "__doc__", "__module__"):
        setattr(generator_context, attr, getattr(func, attr, None))
    generator_context.__wrapped__ = func
    return generator_context


# [with statement, context name, mode, epoch, last statement run inside] of the latest grad-mode blocks:
# why() tells what was made in them
MODE_BLOCKS = collections.deque(maxlen=64)
# (statement, epoch, weak refs to the root nodes, retain_graph, inputs= given, weak refs to the leaves reached) of
# the latest backward calls: why() walks them
BACKWARDS = collections.deque(maxlen=16)


class _GradModeContext:
    """no_grad/enable_grad: `prev`, the mode __enter__ found, is an attribute as PyTorch's (no_grad's False until
    then, enable_grad's missing)."""
    __api__ = frozenset({"clone", "__enter__", "__exit__", "prev"})
    mode = True

    def clone(self):
        return type(self)()

    def __enter__(self):
        self.prev = is_grad_enabled()
        _set_grad_mode(self.mode)
        loc, last = undo._location, MODE_BLOCKS[-1] if MODE_BLOCKS else None
        if last is None or last[0] is not loc or last[3] != undo.epoch:  # (a block in a loop: one entry)
            last = [loc, type(self).__name__, self.mode, undo.epoch, loc]
            MODE_BLOCKS.append(last)
        self._block = last
        return None

    def __exit__(self, *exc):
        _set_grad_mode(self.prev)
        block, here = getattr(self, "_block", None), undo._location
        if block is not None and here is not None and (block[4] is None or block[4].line < here.line):
            block[4] = here

    def __new__(cls, orig_func=None):
        """`@torch.no_grad` without parentheses: torch.no_grad(f) is the decorated f, whatever f is (PyTorch wraps
        any value; calling the wrapper of a non-callable fails then)."""
        if orig_func is None:
            return object.__new__(cls)
        return decorate(cls, orig_func, site="torch/utils/_contextlib.py:170")
    __new__.__qualname__ = "_NoParamDecoratorContextManager.__new__"  # (PyTorch's class of it, in its texts)

    def __call__(self, fn):
        """`@torch.no_grad()` on a function: each call runs in this mode (a new context per call, as PyTorch's)."""
        return decorate(type(self), fn)

    def __repr__(self):
        return f"<torch.autograd.grad_mode.{type(self).__name__} object at {address(self)}>"


class no_grad(_GradModeContext):
    mode = False

    def __init__(self):  # (PyTorch's no_grad has one: no_grad(None) fails in it)
        self.prev = False


class enable_grad(_GradModeContext):
    mode = True


def inference_mode_enabled():
    from .storage import INFERENCE_MODE
    return INFERENCE_MODE[0]


class inference_mode:
    """torch.inference_mode(mode=True): no grad, and tensors made inside are inference tensors (no version counter);
    inference_mode(False) turns both back on. A context manager and a decorator (also bare: @torch.inference_mode)."""
    __api__ = frozenset({"clone", "__enter__", "__exit__", "mode"})

    def __new__(cls, mode=True):
        if not isinstance(mode, bool):  # @torch.inference_mode without parentheses: any non-bool is decorated
            return decorate(cls, mode, site="torch/autograd/grad_mode.py:288")
        return object.__new__(cls)

    def __init__(self, mode=True):
        self.mode = bool(mode)

    def __enter__(self):
        self._prev = (INFERENCE_MODE[0], _grad_enabled[0], _inference_grad[0])
        INFERENCE_MODE[0] = self.mode
        _grad_enabled[0] = _inference_grad[0] = not self.mode
        return None

    def __exit__(self, *exc):
        INFERENCE_MODE[0], _grad_enabled[0], _inference_grad[0] = self._prev

    def clone(self):
        return type(self)(self.mode)

    def __call__(self, fn):
        return decorate(self.clone, fn)

    def __repr__(self):
        return f"<torch.autograd.grad_mode.inference_mode object at {address(self)}>"


MULTITHREADING = [True]  # torch.autograd.is_multithreading_enabled() (a CPU backward runs on the caller's thread)
GRAD_LAYOUT_ENFORCED = [True]  # AccumulateGrad keeps .grad in its variable's layout (enforce_grad_layout_policy)


class _SwitchContext:
    """grad_mode's switches of a flag (torch.utils._contextlib._DecoratorContextManager): set when made, so a call
    is a function call; __exit__ puts the flag back; as a decorator, each call runs in a fresh one."""
    __api__ = frozenset({"clone", "__enter__", "__exit__", "mode", "prev"})

    def __init__(self, mode):
        if type(mode) is not bool:  # (the C setter's parser: a bool only)
            raise errors.type_error(f"{self.C_SETTER}(): argument 'enabled' (position 1) must be bool, not "
                                    f"{tp_name(mode)}")
        self.prev, self.mode = self.FLAG[0], mode
        self.FLAG[0] = mode

    def __enter__(self):
        return None

    def __exit__(self, *exc):
        self.FLAG[0] = self.prev

    def clone(self):
        return type(self)(self.mode)

    def __call__(self, fn):
        return decorate(self.clone, fn)

    def __repr__(self):
        return f"<torch.autograd.grad_mode.{type(self).__name__} object at {address(self)}>"


class set_multithreading_enabled(_SwitchContext):
    FLAG, C_SETTER = MULTITHREADING, "set_multithreading_enabled"

    def __init__(self, mode):
        _SwitchContext.__init__(self, mode)


class enforce_grad_layout_policy(_SwitchContext):
    """Off: AccumulateGrad steals a gradient whatever its layout, and does not warn about the layout contract."""
    FLAG, C_SETTER = GRAD_LAYOUT_ENFORCED, "set_grad_layout_enforcement_enabled"

    def __init__(self, enable=True):
        _SwitchContext.__init__(self, enable)

    def __call__(self, fn):
        self.FLAG[0] = self.prev  # (PyTorch's: as a decorator it is not in effect outside the calls)
        return decorate(self.clone, fn, site="torch/autograd/grad_mode.py:399")


# ---------------------------------------------------------------- anomaly mode

_anomaly = [False, True]  # [enabled, check_nan]


def is_anomaly_enabled():
    return _anomaly[0]


def is_anomaly_check_nan_enabled():
    return _anomaly[1]


def set_anomaly_enabled(enabled, check_nan=True):
    _anomaly[0], _anomaly[1] = bool(enabled), bool(check_nan)


class _AnomalyMode:
    """What set_detect_anomaly and detect_anomaly share: the mode before them, restored on exit."""
    __api__ = frozenset({"__enter__", "__exit__"})

    def __enter__(self):
        return None

    def __exit__(self, *exc):
        set_anomaly_enabled(*self.prev)

    def __repr__(self):
        return f"<torch.autograd.anomaly_mode.{type(self).__name__} object at {address(self)}>"


class set_detect_anomaly(_AnomalyMode):
    """torch.autograd.set_detect_anomaly(mode, check_nan=True): at once; as a context manager, restored on exit."""

    def __init__(self, mode, check_nan=True):
        self.prev = tuple(_anomaly)
        set_anomaly_enabled(mode, check_nan)


class detect_anomaly(_AnomalyMode):
    """torch.autograd.detect_anomaly(check_nan=True): anomaly detection inside a with block."""

    def __init__(self, check_nan=True):
        from .errors import warn
        self.prev = tuple(_anomaly)
        self.check_nan = check_nan
        warn(messages.ANOMALY_ENABLED)

    def __enter__(self):
        set_anomaly_enabled(True, self.check_nan)
        return None


def _anomaly_warning(node):
    """PyTorch's warning before a backward error in anomaly mode; tensorsh names the statement, not a Python stack."""
    from .errors import warn
    if "_anomaly_location" not in node.__dict__:  # made before anomaly mode was on
        warn(f"Error detected in {node.name()}. No forward pass information available. Enable detect anomaly during "
             "forward pass for more information.")
        return
    loc = node.__dict__["_anomaly_location"]
    text = f"Error detected in {node.name()}. Traceback of forward call that caused the error:"
    if loc is not None:
        text += f'\n  File "{loc.filename}", line {loc.line}, column {loc.col}\n    {loc.source_line.strip()}'
    warn(text)


def _check_nan(node, grads):
    for i, g in enumerate(grads):
        if g is not None and g.dtype.is_floating_point and np.isnan(g._np).any():
            raise runtime(f"Function '{node.name()}' returned nan values in its {i}th output.")


# ---------------------------------------------------------------- nodes

_sequence = itertools.count()


def restart_sequence():
    """Number nodes from 0 again, as a new process does (grad_fn._sequence_nr())."""
    global _sequence
    _sequence = itertools.count()
_PYTORCH_NODE_NAME = re.compile(r"Backward\d+$")
NEW_NODE_CLASS = [None]  # called with each Node subclass defined once the engine is loaded
MAX_SEQ = 1 << 62  # AccumulateGrad runs as soon as it is ready, as in PyTorch's engine


class _NodeType(type):
    def __subclasscheck__(cls, sub):  # (torch.autograd.graph.Node's __subclasshook__: every node class of PyTorch's is
        return type.__subclasscheck__(cls, sub) or cls is Node and getattr(sub, "stands_for_node", False)  # one)


class Node(metaclass=_NodeType):
    """A backward function. Subclasses set `name` and implement `backward(grad) -> grads per edge`; a class that
    only stands for PyTorch's node class of a name (type(grad_fn) in a program) says `stands_for_node`."""
    __slots__ = ("next_functions", "seq", "saved", "pre_hooks", "retain_hooks", "post_hooks", "_born", "loc",
                 "made_dtype", "__weakref__", "__dict__")
    __api__ = frozenset({"next_functions", "name", "register_hook", "register_prehook", "metadata", "_sequence_nr",
                         "requires_grad"})
    name_ = "Node"
    n_outputs = 1  # a node with several (a custom Function's) gets a list of gradients, None where none came
    qualified = False  # nodes PyTorch defines in C++ by hand report "torch::autograd::<name>" from name()
    keeps_unused_grads = False  # a custom Function's, a Tensor[] input's: gradients for edgeless inputs reach the post
    # hooks
    runs_undefined = False  # a custom Function's backward runs when no gradient reached it (a built-in's does not)
    freed_buffers = None  # a custom Function's: False until a backward frees it (then it refuses its saved tensors)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "name_" not in cls.__dict__ and _PYTORCH_NODE_NAME.search(cls.__name__):
            cls.name_ = cls.__name__  # a class named as PyTorch names its node (ExpBackward0) is that node
        if NEW_NODE_CLASS[0] is not None:  # (saved_names: its grad_fn._saved_* attributes)
            NEW_NODE_CLASS[0](cls)

    def __init__(self, edges, seq=None):
        self.next_functions = edges
        self.seq = next(_sequence) if seq is None else seq
        self._born = undo.epoch
        self.loc = undo._location  # the statement that built it (why/history name it)
        self.saved = ()
        self.pre_hooks = None
        self.retain_hooks = None
        self.post_hooks = None
        self.made_dtype = None  # (its input metadata's dtype: edge_of notes it from the tensor it made)
        if _anomaly[0]:  # what anomaly mode names when this node's backward fails: the statement that made it
            self.__dict__["_anomaly_location"] = undo.location()

    def name(self):
        return "torch::autograd::" + self.name_ if self.qualified else self.name_

    @property
    def metadata(self):
        return self.__dict__.setdefault("_metadata", {})

    requires_grad = True  # (a getter of PyTorch's node type that answers True whatever the node)
    # What dir() lists on PyTorch's C++ node types besides their own names: object's dunders and three internals
    _C_DIR = ("__call__", "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
              "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__",
              "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__",
              "__str__", "__subclasshook__", "_input_metadata", "_register_hook_dict", "_set_sequence_nr")

    def __torch_dir__(self):
        """dir(grad_fn) as PyTorch lists it (a custom Function's node, a Python object, says None: not known here)."""
        return sorted(set(type(self).__api__) | set(self._C_DIR))

    def attr_refusal(self, name):
        """Why a program may not set or delete `name` on this node, in Python's words for PyTorch's C node type (it
        has no __dict__): a getter is not writable, a method is read-only, any other name is not there."""
        tp = self.name().rsplit("::", 1)[-1]
        if name in type(self).__api__:
            if callable(getattr(type(self), name, None)):
                return f"'{tp}' object attribute '{name}' is read-only"
            return f"attribute '{name}' of '{tp}' objects is not writable"
        return f"'{tp}' object has no attribute '{name}'"

    def __call__(self, *grads, **kwargs):
        """grad_fn(grad, ...): the node's backward on gradients given by hand (one per output), as PyTorch's built-in
        nodes run it: recorded when grad mode is on, nothing freed; one result bare, several as a tuple."""
        self._check_call(grads, kwargs)
        if not self.runs_undefined and all(g is None for g in grads):  # (undefined in, undefined out, one per edge)
            return None if len(self.next_functions) == 1 else (None,) * len(self.next_functions)
        result = tuple(self.backward(grads[0] if self.n_outputs == 1 else list(grads)))
        return result[0] if len(result) == 1 else result

    def _check_call(self, grads, kwargs):
        """THPCppFunction_call's checks of a node called by hand: no keywords, one argument per output, each a tensor
        or None."""
        if kwargs:
            raise errors.type_error("keyword arguments are not supported")
        if len(grads) != self.n_outputs:
            raise errors.type_error(f"expected {self.n_outputs} arguments, got {len(grads)} instead")
        for i, g in enumerate(grads):
            if g is not None and getattr(g, "_version_counter", None) is None:
                raise errors.type_error(f"argument {i} is not a Variable")

    def _sequence_nr(self):
        """The order nodes were made in (a later node runs first among ready ones); AccumulateGrad's is UINT64_MAX."""
        return 18446744073709551615 if self.seq == MAX_SEQ else self.seq

    def short_name(self):
        """The name PyTorch's version-error message uses: ExpBackward0 -> Exp, FillBackward2 -> Fill2."""
        name = self.name()
        if name.endswith("Backward0"):
            return name[:-9]
        i = name.find("Backward")
        return name[:i] + name[i + 8:] if i >= 0 and name[i + 8:i + 9].isdigit() else name

    def save(self, *values):
        self.saved = tuple(SavedTensor(v) for v in values)

    def unpack(self):
        return [s.unpack(self) for s in self.saved]

    def release(self, released=None):
        """Free what was saved (PyTorch's release_variables): the arrays go as soon as backward is done."""
        if self.saved or self.freed_buffers is False:
            if released is None:
                undo.touch(self)
            elif undo.predates(self):  # a graph built in this statement needs no restoring
                released.append((self, self._snapshot()))
            if self.freed_buffers is False:
                self.freed_buffers = True
            for s in self.saved:
                if s is not NOTHING_SAVED:
                    s.freed = True
                    s.value = None

    def _snapshot(self):
        return [(s.freed, s.value) for s in self.saved] + [self.freed_buffers]

    def _restore(self, snap):
        for s, (freed, value) in zip(self.saved, snap):
            s.freed, s.value = freed, value
        if snap[-1] is not None:
            self.freed_buffers = snap[-1]

    def saved_info(self):
        """(SavedTensor, ...) for renderers: what this node keeps and at which version."""
        return self.saved

    def register_prehook(self, fn):
        return _add_hook(self, "pre_hooks", NodePreHook(fn))

    def register_hook(self, fn):
        return _add_hook(self, "post_hooks", fn)

    def __repr__(self):
        cls = type(self).__name__
        return f"<{cls if cls == 'CppFunction' else self.name_} object at {self.address()}>"

    def address(self):
        return address(self)

    def in_name_order(self, names, *formulas):
        """The node's gradients as PyTorch's generated apply computes them: one derivatives.yaml entry an input, in
        the sorted order of the inputs' names (load_derivatives sorts them: `other` before `self`), so under
        create_graph the nodes `other`'s formula records are the older and a later backward reaches them last.
        formulas: a function of no arguments an input, called where the input has an edge."""
        out = [None] * len(formulas)
        for i in sorted(range(len(formulas)), key=names.__getitem__):
            if self.next_functions[i][0] is not None:
                out[i] = formulas[i]()
        return tuple(out)


def address(obj):
    """A stable, pointer-like address for reprs (`object at 0x7f...`)."""
    return "0x%012x" % (0x7f0000000000 + (id(obj) & 0xffffffffff))


def _add_hook(owner, attr, fn):
    hooks = getattr(owner, attr, None)
    if hooks is None:
        undo.touch_attrs(owner, attr)
        hooks = []
        setattr(owner, attr, hooks)
    return add_to_hooks(hooks, fn)


def add_to_hooks(hooks, fn):
    """Append fn to a hook list (undone with a failed statement); its handle removes it."""
    undo.touch_list(hooks)
    hooks.append(fn)
    return RemovableHandle(hooks, fn)


class OnOutput:
    """A tensor's hook on a node with several outputs: it sees (and may replace) its own output's gradient only."""
    __slots__ = ("nr", "hook")

    def __init__(self, nr, hook):
        self.nr, self.hook = nr, hook

    def __call__(self, grads):
        out = self.hook(grads[self.nr])  # (an undefined gradient too: the hook sees None)
        if out is None:
            return None
        _check_hook_result(self.hook, grads[self.nr], out)
        grads = list(grads)
        grads[self.nr] = out
        return grads

    def __eq__(self, other):  # a handle's remove() finds the wrapped hook
        return other is self or other is self.hook

    __hash__ = object.__hash__


class NodePreHook:
    """grad_fn.register_prehook's hook: called with the node's gradients as a tuple, after the tensor hooks."""
    __slots__ = ("hook",)

    def __init__(self, hook):
        self.hook = hook

    def __call__(self, grad, n_outputs):
        grads = tuple(grad) if n_outputs > 1 else (grad,)
        out = self.hook(grads)
        if out is None or out is grads:
            return grad
        _check_hook_tuple(self.hook, grads, out)
        return list(out) if n_outputs > 1 else out[0]

    def __eq__(self, other):  # a handle's remove() finds the wrapped hook
        return other is self or other is self.hook

    __hash__ = object.__hash__


def next_handle_id():
    """torch.utils.hooks.RemovableHandle.next_id: one count over every handle (tensors', nodes', modules')."""
    n = _HANDLE_IDS[0]
    _HANDLE_IDS[0] += 1
    return n


_HANDLE_IDS = [0]


class RemovableHandle:
    __slots__ = ("hooks", "fn", "id", "__weakref__")
    __api__ = frozenset({"remove", "id"})
    __module__ = "torch.utils.hooks"

    def __init__(self, hooks, fn):
        self.hooks, self.fn, self.id = hooks, fn, next_handle_id()

    def remove(self):
        if isinstance(self.hooks, dict):  # (an optimizer's hook dicts, keyed by handle id as PyTorch's)
            if self.id in self.hooks:
                undo.touch_dict(self.hooks)
                del self.hooks[self.id]
        elif self.fn in self.hooks:
            undo.touch_list(self.hooks)
            self.hooks.remove(self.fn)
        return None

    def __enter__(self):  # (torch.utils.hooks.RemovableHandle: leaving the with removes the hook)
        return self

    def __exit__(self, *exc):
        self.remove()

    def __repr__(self):
        return f"<torch.utils.hooks.RemovableHandle object at {address(self)}>"


class AccumulateGrad(Node):
    """The sink of a leaf: runs the leaf's hooks, then accumulates into `.grad`. shape and dtype are its input
    metadata, the leaf's when the accumulator was made (`.data =` another shape keeps it, as in PyTorch)."""
    __slots__ = ("variable", "shape", "dtype")
    __api__ = Node.__api__ | {"variable"}
    name_ = "AccumulateGrad"
    qualified = True

    def __init__(self, variable):
        Node.__init__(self, (), MAX_SEQ)  # (which takes no sequence number, as PyTorch's)
        self.variable = variable
        self.shape, self.dtype = variable._shape, variable.dtype

    def __repr__(self):
        return f"<AccumulateGrad object at {self.address()}>"

    def __call__(self, *grads, **kwargs):
        self._check_call(grads, kwargs)
        if grads[0] is not None:  # (an undefined gradient accumulates nothing)
            self.accumulate(grads[0])
        return ()

    def accumulate(self, grad, private=False):
        var = self.variable
        if not var.requires_grad:  # e.g. detach_() after the graph was built: PyTorch drops the gradient (and
            if POST_ACCUMULATE_HOOKS:  # still calls the post-accumulate hooks)
                run_post_accumulate_hooks(var)
            return ()
        if var._grad_fn is not None:  # detach_() then an in-place op made the leaf an interior node
            raise runtime(messages.LEAF_MOVED)
        accumulate_grad(var, grad, private)
        if POST_ACCUMULATE_HOOKS:
            run_post_accumulate_hooks(var)
        return ()


# id(leaf) -> (weak reference to it, hooks called with it once its .grad is updated); keyed by id because a
# tensor's == is elementwise, and dropped with the tensor
POST_ACCUMULATE_HOOKS = {}


def register_post_accumulate_grad_hook(var, hook):
    if not var.requires_grad:
        raise runtime(messages.HOOK_NO_GRAD)
    if var._grad_fn is not None:
        raise runtime("post accumulate grad hooks cannot be registered on non-leaf tensors")
    entry = POST_ACCUMULATE_HOOKS.get(id(var))
    if entry is None or entry[0]() is not var:
        key = id(var)
        forget = POST_ACCUMULATE_HOOKS.pop  # (bound now: at interpreter exit the module's names may be gone)
        entry = POST_ACCUMULATE_HOOKS[key] = (weakref.ref(var, lambda _, k=key: forget(k, None)), [])
    return add_to_hooks(entry[1], hook)  # (an empty list left by an undone statement does nothing)


def run_post_accumulate_hooks(var):
    entry = POST_ACCUMULATE_HOOKS.get(id(var))
    if entry is None or entry[0]() is not var:
        return
    for hook in list(entry[1]):
        out = hook(var)
        if out is not None:  # (checked as a hook's replacement of the tensor first)
            _check_hook_result(hook, var, out)
            raise runtime("Tensor post accumulate grad hooks should return None.")


CONTIGUOUS_FORMAT = [None]  # torch.contiguous_format, registered by tensorimpl (which imports this module)


def accumulate_grad(var, grad, private=False):
    """Add grad into var.grad as PyTorch's AccumulateGrad does (in place unless building a graph).
    private: the caller holds the only reference to grad (PyTorch's use_count check)."""
    old = var._grad
    undo.touch(var)
    note(var._storage, "grad+", var)  # why(x.grad) names the backward that filled it
    if old is None:
        if _grad_enabled[0]:  # create_graph: PyTorch's clone_obey_contract, recorded (CopyBackwards, CloneBackward0)
            var._grad = grad.new_empty_strided(var._shape, var._stride).copy_(grad) if non_overlapping_and_dense(var) \
                else grad.clone(memory_format=CONTIGUOUS_FORMAT[0])
        elif private and _stealable(var, grad):
            # as PyTorch: a gradient nothing else can see becomes .grad without a copy (detached: not a view)
            # (new_grad.detach(): a tangent forward AD gave it stays behind)
            var._grad = grad if grad._view is None and getattr(grad, "_fw_grad", None) is None else \
                grad._data_only()  # (its storage, geometry and counter)
        else:
            # an expanded (stride-0) or shared gradient must not become .grad: a private copy, made as
            # PyTorch's clone_obey_contract makes it: new_empty_strided(var's strides).copy_(grad), its _version 1,
            # for a dense var; else grad.clone(contiguous), _version 0
            if non_overlapping_and_dense(var) and grad._shape != var._shape:  # (after `.data =` another shape:
                var._grad = grad.new_empty_strided(var._shape, var._stride).copy_(grad)  # copy_'s broadcast, errors)
            elif non_overlapping_and_dense(var):
                var._grad = type(grad)._from_numpy(_strided_like(var, grad), grad.dtype)
                var._grad._version_counter.bump()
            else:
                var._grad = type(grad)._new(np.array(grad._np, order="C"), grad.dtype)
    elif is_grad_enabled():
        var._grad = old + grad
        _check_layout(var._grad, var)
    else:
        old.add_(grad)
        _check_layout(old, var)


def _check_layout(grad, var):
    """AccumulateGrad's CHECK_RESULT after it accumulates: a warning (once) when .grad does not keep the layout
    contract with its variable (var's strides where a dim is not 1 and no zero stride; contiguous for a var that is
    not dense), as when `.data` gave the variable another shape; not when the policy is off."""
    if not GRAD_LAYOUT_ENFORCED[0]:
        return
    if non_overlapping_and_dense(var):
        strides = var._stride
        obeys = all((st == (strides[i] if i < len(strides) else None)) if n != 1 else st != 0
                    for i, (n, st) in enumerate(zip(grad._shape, grad._stride)))
    else:
        obeys = grad.is_contiguous()
    if not obeys:
        errors.warn_once("grad and param do not obey the gradient layout contract. This is not an error, but may "
                         f"impair performance.\ngrad.sizes() = {messages.shape_list(grad._shape)}, strides() = "
                         f"{messages.shape_list(grad._stride)}\nparam.sizes() = {messages.shape_list(var._shape)}, "
                         f"strides() = {messages.shape_list(var._stride)}", key="grad layout contract")


def _stealable(var, grad):
    """PyTorch's test before it makes a gradient .grad without a copy: no history, var's dtype, and its
    layout contract (obeys_layout_contract: var's strides where a dim is not 1 and no zero stride, or contiguous if
    var is not dense), whatever else shares the storage (only the tensor's own use count matters). Not its shape:
    after `.data =` another shape, a gradient of the old one that keeps the contract becomes .grad as it is."""
    want = var._gradient_dtype()
    if grad._grad_fn is not None or grad._requires_grad or len(grad._shape) != len(var._shape) or \
            want is not None and grad.dtype is not want:
        return False
    if not GRAD_LAYOUT_ENFORCED[0]:  # (enforce_grad_layout_policy(False): any layout is stolen)
        return True
    if not non_overlapping_and_dense(var):
        return grad.is_contiguous()
    if grad._stride == var._stride and 0 not in var._stride:  # (the usual case: the same layout)
        return True
    return all((st == vst) if n != 1 else st != 0 for n, st, vst in zip(grad._shape, grad._stride, var._stride))


def _strided_like(var, grad):
    """grad's values in a new array with var's (dense) strides."""
    shape, item = var._shape, grad._np.itemsize
    out = np.lib.stride_tricks.as_strided(np.empty(max(var.numel(), 1), grad._np.dtype), shape,
                                          [st * item for st in var._stride])
    out[...] = grad._np
    return out


class SavedTensor:
    """A value saved for backward, with the version it had; unpacking checks it, in one place.

    Graphs hold no reference cycles, as PyTorch's do not, so a graph dies with its last tensor and its
    arrays go with it. A node's own output is therefore kept as its data alone (storage, geometry, version
    counter, no history) and given its history back on unpacking, as PyTorch's SavedVariable does: saving
    the output itself would tie output -> grad_fn -> saved -> output in a knot."""
    __slots__ = ("value", "version", "is_output", "was_leaf", "output_nr", "freed", "is_tensor", "ref",
                 "inplace_on_view", "hooks", "weak_fn")

    def __init__(self, value, is_output=False, inplace_on_view=False):
        self.inplace_on_view = inplace_on_view  # an in-place op's output on a view: named by the view's grad_fn
        self.weak_fn = self.hooks = None  # (weak_fn: that grad_fn as the op left it, weakly: a regenerated one lets
        self.freed = False  # it die, as in PyTorch)
        self.is_output = is_output
        counter = getattr(value, "_version_counter", None)
        if counter is not None:
            self.is_tensor = True
            self.ref = _weakref(value)  # after backward frees the value, renderers can still name what it was
            if counter.inference:
                raise runtime(messages.INFERENCE_SAVED)
            if counter.history is None:
                counter.history = {}
            self.version = counter.value
            self.was_leaf = value._grad_fn is None
            self.output_nr = value._output_nr
            self.value = value._data_only() if is_output and not inplace_on_view else value
        else:
            self.is_tensor = False
            self.ref = None
            self.version = self.output_nr = 0
            self.was_leaf = True
            self.value = value
        if SAVED_HOOKS and counter is not None:
            if is_output:  # PyTorch packs an op's output once it has its grad_fn: packed when the op attaches it
                PENDING_PACKS.append((self, SAVED_HOOKS[-1]))
            else:
                self.pack_with(*SAVED_HOOKS[-1])

    def pack_with(self, pack_hook, unpack_hook, data_only=False):
        """Saved-tensor hooks: keep pack(tensor) instead of the tensor, and how it was (to rebuild it unpacked).
        data_only (SavedTensor.register_hooks): the hook sees the saved data without its autograd metadata."""
        original = self.tensor
        previous = _grad_enabled[0]
        version = original._version_counter.value
        _grad_enabled[0] = False  # PyTorch packs without grad
        try:
            packed = pack_hook(original._alias(original._shape, original._stride, original._offset) if data_only
                               else original)
        finally:
            _grad_enabled[0] = previous
        if original._version_counter.value != version:
            raise runtime("A saved tensor pack hook is modifying its input in place. Tensors provided as input to pack "
                          "hook cannot be modified by in-place operations as this can lead to unexpected "
                          "side-effects. Please open an issue if you need to perform in-place operations on the input "
                          "to a pack hook.")
        grad_fn = None if self.is_output and not self.inplace_on_view else original._grad_fn
        self.hooks = (unpack_hook, original._requires_grad or original._grad_fn is not None, grad_fn)
        self.value = packed

    def _unpack_hooked(self, node):
        """The unpack hook's tensor, given the saved value's autograd metadata; versions are not checked."""
        unpack_hook, requires_grad, grad_fn = self.hooks
        data = unpack_hook(self.value)
        if getattr(data, "_version_counter", None) is None:  # not a tensor (as in __init__)
            from .errors import type_error
            raise type_error("Output of saved tensor unpack_hook expected to be a Tensor but got result of type "
                             f"{type(data).__name__}")
        out = data._alias(data._shape, data._stride, data._offset)
        if self.is_output and not self.inplace_on_view:
            out._grad_fn, out._output_nr = node, self.output_nr
        elif grad_fn is not None:
            out._grad_fn, out._output_nr = grad_fn, self.output_nr
        else:
            out._requires_grad = requires_grad
        return out

    @property
    def tensor(self):
        """What was saved as the program knows it: the original tensor while it lives (renderers name it)."""
        original = self.ref() if self.ref is not None else None
        return original if original is not None else self.value

    @property
    def current_version(self):
        if not self.is_tensor or self.value is None or self.hooks is not None:  # (hooked: PyTorch checks nothing)
            return self.version
        return self.value._version_counter.value

    @property
    def stale(self):
        return self.current_version != self.version

    def unpack(self, node, as_variable=False):
        """The saved value for node's backward; raises PyTorch's errors if it was freed or changed since.
        as_variable: what a program sees (a custom Function's saved_tensors), an output with its grad_fn even
        with grad off, as SavedVariable::unpack gives it."""
        if self.freed:
            raise runtime(messages.FREED_GRAPH)
        value = self.value
        if not self.is_tensor:
            return value
        if self.hooks is not None:
            return self._unpack_hooked(node)
        own_output = self.is_output and not self.inplace_on_view
        if own_output:
            grad_fn = node
        elif self.inplace_on_view:  # PyTorch's weak_grad_fn_, or the saving node once that grad_fn is gone
            grad_fn = _held(self.weak_fn) or node
        else:
            grad_fn = value.grad_fn
        if not self.was_leaf and grad_fn is None:
            raise runtime(messages.SAVED_DETACHED_INPLACE)
        current = value._version_counter.value
        if current != self.version:
            err = runtime(messages.version_mismatch(
                dtypes.cpp_type_name(value.dtype), value._shape, grad_fn.short_name() if grad_fn else None,
                self.output_nr, current, self.version, messages.ANOMALY_HINT if _anomaly[0] else messages.HINT))
            history = value._version_counter.history or {}
            err.blame = history.get(self.version + 1)
            raise err
        if own_output and (_grad_enabled[0] or as_variable):  # create_graph: what is built on it leads to node
            value = value._data_only()
            value._grad_fn, value._output_nr = node, self.output_nr
        return value


# node -> the released CopySlices' fns (dropped: alive only while the undo journal keeps them) with an edge to it
DROPPED_EDGES = weakref.WeakKeyDictionary()


def note_dropped(fn, dropped):
    """A released CopySlices dropped its fn (or undo put it back): fn's edge to the view's grad_fn of before is no
    reference PyTorch keeps."""
    target = fn.next_functions[0][0] if fn.next_functions else None
    if target is not None:
        fns = DROPPED_EDGES.setdefault(target, weakref.WeakSet())
        fns.add(fn) if dropped else fns.discard(fn)


def _dropped_refs(fn):
    fns = DROPPED_EDGES.get(fn)
    return len(fns) if fns else 0


def _held(ref):
    """The node a weak reference names while anything but the statement's undo journal holds it (PyTorch's
    weak_ptr lock), else None."""
    fn = ref() if ref is not None else None
    if fn is None or sys.getrefcount(fn) - 2 - undo.snapshot_refs(fn) - _dropped_refs(fn) <= 0:
        return None  # (2: fn and getrefcount's argument)
    return fn


SAVED_HOOKS = []  # (pack, unpack) pairs of torch.autograd.graph.saved_tensors_hooks, innermost last
PENDING_PACKS = []  # (saved output, hooks) waiting for the output's grad_fn (see pack_pending)


def pack_pending():
    """Pack the saved outputs of the op that just attached its node (called where outputs get their grad_fn)."""
    pending = PENDING_PACKS[:]
    del PENDING_PACKS[:]
    for saved, hooks in pending:
        if saved.hooks is None and not saved.freed:
            saved.pack_with(*hooks)
SAVED_HOOKS_DISABLED = [None]  # the error message of disable_saved_tensors_hooks while it is active
NOTHING_SAVED = SavedTensor(None)  # the slot of an operand whose value no formula needs: shared, never freed


# ---------------------------------------------------------------- the backward walk

def reaches_other_leaf(y, leaves):
    """Whether y's history reaches a tensor that requires grad besides `leaves` (a layer's weight, a tensor a
    function closed over)."""
    seen, todo, leaves = set(), [y.grad_fn], {id(x) for x in leaves}
    while todo:
        node = todo.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if type(node) is AccumulateGrad:
            if id(node.variable) not in leaves:
                return True
            continue
        todo.extend(f for f, _ in node.next_functions)
    return False


def edge_of(t):
    """The (node, output_nr) that receives t's gradient: its grad_fn, or its leaf accumulator."""
    fn = t.grad_fn
    if fn is not None:
        if fn.n_outputs == 1:
            fn.made_dtype = t.dtype
        return (fn, t._output_nr)
    if t._requires_grad:
        # held weakly, as PyTorch holds it: the graphs keep it (and the leaf) alive, not the leaf itself
        acc = t._grad_accumulator() if t._grad_accumulator is not None else None
        if acc is None:
            acc = AccumulateGrad(t)
            t._grad_accumulator = weakref.ref(acc)
        return (acc, 0)
    return (None, 0)


class GradientEdge(collections.namedtuple("GradientEdge", "node output_nr ownership_token", defaults=(None,))):
    """torch.autograd.graph.GradientEdge: where a tensor's gradient is computed, (node, output_nr); autograd.grad
    takes it as an input in place of the tensor."""
    __slots__ = ()
    __api__ = frozenset({"node", "output_nr", "ownership_token"})


def get_gradient_edge(tensor):
    if not tensor.requires_grad:
        raise runtime("It is not possible to get the gradient edge for a Tensor that does not require gradients")
    node, nr = edge_of(tensor)
    token = None
    if node.runs_undefined:  # (a custom Function's node: PyTorch keeps its graph alive by a view's node)
        with enable_grad():
            token = tensor.view_as(tensor).grad_fn
    return GradientEdge(node, nr, token)


def _input_edge(t):
    return (t.node, t.output_nr) if type(t) is GradientEdge else edge_of(t)


def _dependencies(roots):
    """{node: how many edges lead to it} over the graph below roots, and the set of its nodes (roots included)."""
    deps = {}
    stack = [n for n in dict.fromkeys(roots) if n is not None]  # (a root given twice is walked once)
    seen = set(stack)
    while stack:
        node = stack.pop()
        for nxt, _ in node.next_functions:
            if nxt is None:
                continue
            if nxt in deps:
                deps[nxt] += 1
            else:  # (first reached: not seen before, unless it is a root)
                deps[nxt] = 1
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
    return deps, seen


def _needed(nodes, targets):
    """Nodes from which a target is reachable (only those run in autograd.grad)."""
    needed = set(targets)
    changed = True
    order = sorted(nodes, key=lambda n: n.seq)  # children have smaller seq than parents, mostly
    while changed:
        changed = False
        for node in order:
            if node not in needed and any(n in needed for n, _ in node.next_functions if n is not None):
                needed.add(node)
                changed = True
    return needed


def _apply_hooks(hooks, grad):
    """Tensor hooks in registration order; one may return a replacement gradient of the same type and size."""
    if hooks:
        for hook in list(hooks):
            out = hook(grad)
            if out is not None:
                if type(hook) is not OnOutput:  # (which checks its own output's gradient)
                    _check_hook_result(hook, grad, out)
                grad = out
    return grad


def _hook_name(hook):
    name = getattr(hook, "__name__", None)
    return "<unknown>" if name is None else name


def _check_hook_result(hook, grad, out):
    """python_hook.cpp's check_single_result: what a hook returned in place of a gradient (not None) is a tensor of
    its type and size, and replaces no undefined gradient."""
    if grad is None:
        raise runtime("can't replace a None gradient with a non-None value")
    if getattr(out, "_version_counter", None) is None:
        raise errors.type_error(f"expected Variable, but hook returned '{tp_name(out)}'")
    name = _hook_name(hook)
    if out.dtype is not grad.dtype:
        raise runtime(f"hook '{name}' has changed the type of value (was {dtypes.type_string(grad.dtype)} got "
                      f"{dtypes.type_string(out.dtype)})")
    if out._shape != grad._shape:
        raise runtime(f"hook '{name}' has changed the size of value")


def _check_hook_tuple(hook, grads, out):
    """python_hook.cpp's check_result on what a grad_fn's pre-hook or post-hook returned in place of its tuple of
    gradients: a tuple as long, each item None or a tensor of its gradient's type and size (a None stays None)."""
    if not isinstance(out, tuple):
        raise errors.type_error(f"expected tuple, but hook returned '{tp_name(out)}'")
    if len(out) != len(grads):
        raise runtime(f"hook '{_hook_name(hook)}' has returned an incorrect number of values (got {len(out)}, but "
                      f"expected {len(grads)})")
    for grad, new in zip(grads, out):
        if new is not None:
            _check_hook_result(hook, grad, new)
    return out


def _run_pre_hooks(node, grad, own=True):
    """PyTorch's order: the tensors' hooks, then retain_grad's (call_tensor_pre_hooks), then the node's own pre-hooks
    (without `own`, the tensors' only)."""
    hooks = node.pre_hooks or ()
    mine = [h for h in hooks if type(h) is NodePreHook]
    grad = _apply_hooks([h for h in hooks if type(h) is not NodePreHook] if mine else hooks, grad)
    if node.retain_hooks:
        for hook in node.retain_hooks:
            hook(grad)
    for hook in mine if own else ():
        grad = hook(grad, node.n_outputs)
    return grad


def input_list(inputs, api):
    """The `inputs` of autograd.grad/backward as a list, as torch.autograd wraps them: a tensor (of any size) or an
    edge is one input, a dict gives its values, another mapping is refused."""
    if getattr(inputs, "_version_counter", None) is not None or type(inputs) is GradientEdge:
        return [inputs]
    if type(inputs) is dict:
        inputs = inputs.values()
    elif isinstance(inputs, collections.abc.Mapping):
        raise errors.type_error(f"`inputs` argument to `{api}()` must be a dict, not {type(inputs).__name__}. Other "
                                "Mapping types are not supported.")
    inputs = list(inputs)
    if not inputs:
        raise runtime(f"`inputs` argument to `{api}()` cannot be empty.")
    return inputs


def backward(tensors, grad_tensors, retain_graph, create_graph, inputs=None):
    """Tensor.backward / autograd.backward: accumulate into leaves' .grad, or only into `inputs` when given."""
    if inputs is not None:
        inputs = input_list(inputs, "backward")
    roots = tuple(weakref.ref(t._grad_fn) for t in tensors if getattr(t, "_grad_fn", None) is not None)
    reached = []  # weak refs to the leaves whose .grad it fills (the graph may die before why() asks)
    BACKWARDS.append((undo._location, undo.epoch, roots, bool(create_graph if retain_graph is None else retain_graph),
                      inputs is not None, reached))
    if inputs is None:
        previous, _reached[0] = _reached[0], reached
        try:
            run_backward(tensors, grad_tensors, retain_graph, create_graph, warn_cycle=True)
        finally:
            _reached[0] = previous
        return
    grads = run_backward(tensors, grad_tensors, retain_graph, create_graph, inputs=inputs, allow_unused=True,
                         warn_cycle=True, accumulate=True)
    done = set()  # (an input given twice is one AccumulateGrad node, run once)
    for t, g in zip(inputs, grads):
        if type(t) is GradientEdge:  # an edge into a leaf's accumulator fills the leaf's .grad; one into another node
            t = t.node.variable if type(t.node) is AccumulateGrad else None  # has no tensor to fill
            if t is None:
                continue
        if g is not None and t._grad_fn is None and id(t) not in done:  # (a non-leaf's .grad: its retain_grad hook)
            done.add(id(t))
            accumulate_grad(t, g)
            if POST_ACCUMULATE_HOOKS and t._grad_fn is None:
                run_post_accumulate_hooks(t)


GRAPH_TASK = [None]  # (id, whole graph?) of the backward running now: PyTorch's current graph task (checkpoint's
_GRAPH_TASK_IDS = itertools.count()  # recomputation runs once per task; whole graph: no inputs=, _is_checkpoint_valid)


def run_backward(tensors, grad_tensors, retain_graph, create_graph, inputs=None, allow_unused=False,
                 warn_cycle=False, accumulate=False):
    """The engine behind Tensor.backward and autograd.grad; returns captured grads when `inputs`."""
    grads = []
    for i, (t, g) in enumerate(zip(tensors, grad_tensors)):  # torch.autograd's _make_grads, then the edges
        if getattr(t, "_version_counter", None) is None:
            raise errors.make("AssertionError", "Expected output to be a torch.Tensor")
        if g is None:
            if t.requires_grad and t._np.size != 1:
                raise runtime(messages.IMPLICIT_NON_SCALAR)
            if t.requires_grad and t.dtype.category == 3:
                raise runtime(messages.IMPLICIT_NON_REAL.format(t.dtype))
            g = type(t)._new(np.array(1, t.dtype.np).reshape(t._shape) if t._np.size == 1 else  # np.ones, without
                             np.ones(t._shape, t.dtype.np), t.dtype)  # its Python in the common case
        elif not isinstance(g, type(t)):  # full_like(t, g)
            check_size(t._np.nbytes)
            g = t._from_numpy(np.full(t._shape, g, dtype=t.dtype.np), t.dtype)
        else:
            errors.library_imported("sympy")  # (_make_grads imports symbolic_shapes for a gradient tensor)
            if g._shape != t._shape:
                raise runtime(messages.GRAD_SHAPE_MISMATCH.format(*mismatch_at(tensors, grad_tensors, t, g),
                                                                  g=g.shape, o=t.shape))
            if (g.dtype.category == 3) != (t.dtype.category == 3):
                raise runtime(messages.GRAD_COMPLEX_MISMATCH.format(*mismatch_at(tensors, grad_tensors, t, g),
                                                                    g=g.dtype, o=t.dtype))
        grads.append(g)
    if len(grads) != len(tensors):  # (_make_grads zips; the engine's run_backward counts)
        raise runtime(f"got {len(tensors)} tensors and {len(grads)} gradients")
    retain_graph = _flag(create_graph if retain_graph is None else retain_graph)  # (its argument parser's order)
    create_graph = _flag(create_graph)
    if inputs is not None and not accumulate:
        allow_unused = _flag(allow_unused)
    roots = []
    for i, (t, g) in enumerate(zip(tensors, grads)):
        edge = edge_of(t)
        if edge[0] is None:  # PyTorch checks for a gradient edge, not the requires_grad flag
            raise runtime(messages.NO_GRAD_FN.format(i))
        g = cast_grad(t, g)  # PyTorch's validate_outputs casts a gradient to its input's dtype
        roots.append((edge, g))
    if create_graph and warn_cycle:  # backward(), not autograd.grad: once per process, after the roots' checks
        errors.warn_once(messages.CREATE_GRAPH_WARNING)
    captures = None
    if inputs is not None:
        captures = _Executed() if accumulate else {}
        for t in inputs:
            if type(t) is GradientEdge:
                captures.setdefault(t.node, None)
                continue
            if getattr(t, "_version_counter", None) is None:
                raise runtime(f"all inputs have to be Tensors or GradientEdges, but got {tp_name(t)}")
            if accumulate:  # backward(inputs=...): PyTorch's engine calls retain_grad() on each input first
                t.retain_grad()
            if not t.requires_grad:
                raise runtime(messages.GRAD_INPUT_NO_GRAD)
            captures.setdefault(edge_of(t)[0], None)
    previous, task = _grad_enabled[0], GRAPH_TASK[0]
    _grad_enabled[0] = bool(create_graph)
    GRAPH_TASK[0] = (next(_GRAPH_TASK_IDS), inputs is None)
    try:
        _walk(roots, retain_graph, captures)
    finally:
        _grad_enabled[0], GRAPH_TASK[0] = previous, task
    if inputs is None:
        return None
    result = []
    for i, t in enumerate(inputs):
        node, nr = _input_edge(t)
        g = captures.get(node)
        if g is not None and node.n_outputs > 1:  # (a node with several outputs captured them all)
            g = g[nr]
        if g is None and not allow_unused:
            raise runtime(messages.UNUSED_INPUT.format(i))
        result.append(g)
    return tuple(result)


class _Executed(dict):
    """backward(inputs=...)'s captures: an input's own grad_fn still runs (and frees what it saved), as PyTorch's
    engine marks the inputs' nodes needed when it accumulates; autograd.grad only captures there."""


class _Released(list):
    """(node, saved state) pairs freed by one backward: one undo entry for the whole walk."""

    def _snapshot(self):
        return None

    def _restore(self, _):
        for node, snap in self:
            node._restore(snap)

    def _current(self):
        """The same nodes with their state now (what :redo puts back after :undo restored the above)."""
        return _Released((node, node._snapshot()) for node, _ in self)


def _walk(roots, retain_graph, captures):
    released = None if retain_graph else _Released()
    outer_needs = _walk_needs[0]
    try:
        _walk_graph(roots, captures, released)
    finally:
        _walk_needs[0] = outer_needs
        if released:  # recorded only when a graph older than the statement was freed
            undo.touch(released)


_walk_needs = [None]
_copy_slices = [None]  # the CopySlices running its fn: PyTorch's engine checks the gradients it returns, naming it


def checked_name(node):
    """The node validate_outputs names for gradients node computes: the CopySlices around it, if any."""
    outer = _copy_slices[0]
    return outer.name() if outer is not None and outer.fn is node else node.name()


TRANSFORMS = [0, 0, 0]  # torch.func transforms under way: any, vmap's, forward-mode's (func.py counts them)
_reached = [None]  # the list a backward() under way notes its leaves in (see BACKWARDS)  # the nodes autograd.grad needs in the walk under way (None: all of them)


def should_compute_output(node, i):
    """PyTorch's task_should_compute_output: node's i-th gradient leads somewhere this walk needs."""
    nxt = node.next_functions[i][0]
    needs = _walk_needs[0]
    return nxt is not None and (needs is None or nxt in needs)


class ReadyQueue:
    """PyTorch's ready queue: a std::priority_queue of nodes by sequence number, libstdc++'s binary heap step for
    step, so that nodes of equal number (the leaves' AccumulateGrad) run, and their hooks print, in PyTorch's
    order."""
    __slots__ = ("heap",)

    def __init__(self):
        self.heap = []

    def push(self, node):  # std::push_heap
        heap = self.heap
        heap.append(node)
        if len(heap) > 1:  # (the walk appends to an empty queue itself)
            self._sift_up(len(heap) - 1, node)

    def _sift_up(self, hole, node):  # libstdc++'s __push_heap (top index 0)
        heap, seq = self.heap, node.seq
        while hole > 0:
            parent = (hole - 1) // 2
            above = heap[parent]
            if not above.seq < seq:
                break
            heap[hole] = above
            hole = parent
        heap[hole] = node

    def pop(self):  # std::pop_heap, then pop_back: the top out, the last element sifted from the root
        heap = self.heap
        last = heap.pop()
        n = len(heap)
        if not n:
            return last
        top = heap[0]
        if n == 1:  # (the steps below for one element left: it takes the top)
            heap[0] = last
            return top
        hole = second = 0  # libstdc++'s __adjust_heap: the hole goes down the larger child's way
        while second < (n - 1) // 2:
            second = 2 * (second + 1)
            if heap[second].seq < heap[second - 1].seq:
                second -= 1
            heap[hole] = heap[second]
            hole = second
        if n & 1 == 0 and second == (n - 2) // 2:
            second = 2 * (second + 1)
            heap[hole] = heap[second - 1]
            hole = second - 1
        self._sift_up(hole, last)
        return top


_task = [None]      # (id, the nodes it reaches, the nodes it needs or None) of the backward under way
_task_ids = [0]


def will_engine_execute_node(node):
    """torch._C._will_engine_execute_node: node runs in the backward under way."""
    task = _task[0]
    if task is not None and task[2] is not None and isinstance(node, AccumulateGrad):
        raise runtime("A leaf node was passed to _will_engine_execute_node but we are currently running "
                      "autograd.grad(). This is currently not supported.")
    return task is not None and node in task[1] and (task[2] is None or node in task[2])


def register_multi_grad_hook(tensors, fn, *, mode="all"):
    """torch.autograd.graph.register_multi_grad_hook: fn(grads) once per backward, after the gradients of all
    those of tensors the backward reaches are computed (None for the others); mode="any": fn(grad) at the first."""
    if mode not in ("all", "any"):
        raise errors.value_error(f"Expects mode to be one of ('all', 'any') but got {mode}")
    tensors = tuple(tensors)
    nodes = [_grad_fn_or_grad_acc(t) for t in tensors] if mode == "all" else []
    state = {}  # backward id -> [calls so far, grads, calls expected]

    def inner(i):
        def hook(grad):
            task_id = _task[0][0]
            entry = state.get(task_id)
            if mode == "any":
                if entry is None:
                    state.clear()
                    state[task_id] = True
                    fn(grad)
                return None
            if entry is None:
                state.clear()
                entry = state[task_id] = [0, [None] * len(tensors), sum(map(will_engine_execute_node, nodes))]
            entry[1][i] = grad
            entry[0] += 1
            if entry[0] == entry[2]:
                del state[task_id]
                fn(entry[1])
            return None
        return hook
    return _MultiHandle([t.register_hook(inner(i)) for i, t in enumerate(tensors)
                        if mode == "all" or t.requires_grad])


def _grad_fn_or_grad_acc(t):
    """graph.py's _get_grad_fn_or_grad_acc: the node a tensor's (or an edge's) gradient reaches first."""
    if type(t) is GradientEdge:
        return t.node
    node = edge_of(t)[0] if t.requires_grad else None
    if node is None:
        raise AssertionError("Expected gradient function to be set")
    return node


class _MultiHandle(RemovableHandle):
    """The handle of register_multi_grad_hook (torch.autograd.graph._MultiHandle, a RemovableHandle: a with block
    removes it too): remove() takes every tensor's hook away."""
    __slots__ = ("handles",)
    __api__ = frozenset({"remove", "handles"})

    def __init__(self, handles):
        self.handles = tuple(handles)

    def remove(self):
        for h in self.handles:
            h.remove()

    def __repr__(self):
        return f"<torch.autograd.graph._MultiHandle object at {address(self)}>"


def _walk_graph(roots, captures, released):
    root_nodes = [edge[0] for edge, _ in roots]
    deps, nodes = _dependencies(root_nodes)
    needed = _needed(nodes, captures.keys()) if captures is not None else None
    outer_needs, _walk_needs[0] = _walk_needs[0], needed
    outer_task = _task[0]
    _task_ids[0] += 1
    _task[0] = (_task_ids[0], nodes, needed)
    try:
        _walk_nodes(roots, root_nodes, deps, needed, captures, released)
    finally:
        _task[0], _walk_needs[0] = outer_task, outer_needs


INTEGER_NODES = weakref.WeakSet()  # nodes an in-place write made the grad_fn of an integer tensor (CopySlices, ...)
_INTEGER_GRAD = ('isDifferentiableType(grad.scalar_type()) INTERNAL ASSERT FAILED at '
                 '"/__w/pytorch/pytorch/torch/csrc/autograd/engine.cpp":998, please report a bug to PyTorch. ')


def _walk_nodes(roots, root_nodes, deps, needed, captures, released):
    buffers = {}
    for (node, nr), g in roots:
        if node is not None:
            if INTEGER_NODES and node in INTEGER_NODES:  # (validate_outputs casts the gradient to the input's
                raise runtime(_INTEGER_GRAD)  # integer dtype, then asserts it differentiable)
            _add_grad(buffers, node, nr, g)
    ready = ReadyQueue()
    for node in dict.fromkeys(root_nodes):  # (the roots in order, as PyTorch's GraphRoot passes them on)
        if node is not None and deps.get(node, 0) == 0:
            ready.push(node)
    heap, push = ready.heap, ready.push
    while heap:
        node = heap.pop() if len(heap) == 1 else ready.pop()  # (a chain: one node ready at a time)
        grad = buffers.pop(node)
        if needed is not None and node not in needed:
            continue
        if isinstance(node, AccumulateGrad):
            var = node.variable
            if grad is not None:  # (an accumulator `.data =` another dtype left behind casts to its own dtype)
                grad = cast_grad(var, grad) if var.dtype is node.dtype else grad.to(node.dtype)
            if var._hooks:
                grad = _apply_hooks(var._hooks, grad)
            if captures is not None:
                captures[node] = grad
                continue
            if node.pre_hooks:  # (the node's own, registered on it: after the tensor's)
                for hook in node.pre_hooks:
                    grad = hook(grad, 1)
            if grad is None:  # (PyTorch's AccumulateGrad on an undefined gradient: only the post hooks run)
                if POST_ACCUMULATE_HOOKS and var.requires_grad:
                    run_post_accumulate_hooks(var)
            else:
                private = sys.getrefcount(grad) == 2  # `grad` here and getrefcount's argument: no one else holds it
                node.accumulate(grad, private)
                if _reached[0] is not None:
                    _reached[0].append(weakref.ref(node.variable))
            if node.post_hooks:  # (no gradients out of it: grad_inputs is empty)
                for hook in node.post_hooks:
                    result = hook((), (grad,))
                    if result is not None:
                        _check_hook_tuple(hook, (), result)
            continue
        if captures is not None and node in captures:
            # PyTorch's evaluate_function: a captured node the walk need not run has the tensors' pre-hooks run and
            # its gradient captured (its own pre-hooks never run); one it runs is captured before any hook
            if type(captures) is not _Executed and not any(n in needed for n, _ in node.next_functions if n is not None):
                captures[node] = _run_pre_hooks(node, grad, own=False) if node.pre_hooks or node.retain_hooks else grad
                continue
            captures[node] = grad
        if node.pre_hooks or node.retain_hooks:
            grad = _run_pre_hooks(node, grad)
        if (grad is None or node.n_outputs > 1) and _undefined(grad) and not node.runs_undefined:
            grads = (None,) * len(node.next_functions)  # (a built-in formula on undefined gradients)
        else:
            grads = node.backward(grad) if not _anomaly[0] else _backward_detecting_anomaly(node, grad)
        grads = _validate_leaf_grads(node, grads)
        if released is not None and (node.saved or node.freed_buffers is False):  # (release's own test, first)
            node.release(released)
        post = node.post_hooks
        if post:  # PyTorch's call_post_hooks: (grad_inputs, grad_outputs) as tuples; a result replaces grad_inputs
            grads = tuple(grads) if node.keeps_unused_grads else \
                tuple(g if nxt is not None and (needed is None or nxt in needed) else None  # (what the walk does not
                      for g, (nxt, _) in zip(grads, node.next_functions))  # need is not computed: None)
            outputs = tuple(grad) if node.n_outputs > 1 else (grad,)
            for hook in post:
                result = hook(grads, outputs)
                if result is not None and result is not grads:
                    grads = _check_hook_tuple(hook, grads, result)
        grads = list(grads)  # each gradient moves into its buffer (so a buffer can tell it holds the last reference)
        grad = outputs = None  # (the node's inputs were moved into its call: a gradient it passes on is held once)
        i = -1
        for nxt, nr in node.next_functions:
            i += 1
            if nxt is None:
                continue
            g, grads[i] = grads[i], None
            if g is not None:
                if INTEGER_NODES and nxt in INTEGER_NODES:
                    raise runtime(_INTEGER_GRAD)
                if nxt.n_outputs == 1 and nxt not in buffers:  # (_add_grad's first gradient: kept as it is)
                    buffers[nxt] = g
                else:
                    _add_grad(buffers, nxt, nr, g)
            left = deps[nxt] - 1
            deps[nxt] = left
            if not left:
                if nxt in buffers:  # (_dependencies_done's common case)
                    if heap:
                        push(nxt)
                    else:  # (ReadyQueue.push on an empty heap)
                        heap.append(nxt)
                else:
                    _dependencies_done(nxt, deps, buffers, ready)
        grads = g = None  # the buffers hold the only references, so AccumulateGrad can tell a private grad


def expandable(shape, target):
    """at::is_expandable_to(shape, target)."""
    if len(shape) > len(target):
        return False
    for s, t in zip(reversed(shape), reversed(target)):
        if s != t and s != 1:
            return False
    return True


def _flag(value):
    """The C engine's run_backward reads keep_graph, create_graph and allow_unreachable as PyArg's "b": an integer
    (by __index__) in 0..255, in Python's words otherwise."""
    if not hasattr(type(value), "__index__"):
        raise errors.type_error(f"'{tp_name(value)}' object cannot be interpreted as an integer")
    n = value.__index__()
    if not 0 <= n <= 255:
        raise errors.make("OverflowError", f"unsigned byte integer is {'less than minimum' if n < 0 else 'greater than maximum'}")
    return bool(n)


def mismatch_at(tensors, grad_tensors, t, g):
    """The indices _make_grads's message names: `grads.index(grad)`, then `outputs.index(out)`, Python's, so an
    earlier gradient or output is compared with `==` and its truth taken (which can raise instead)."""
    return tuple(grad_tensors).index(g), tuple(tensors).index(t)


def cast_grad(t, g):
    """g cast as PyTorch's validate_outputs casts a gradient for t: to t's dtype, or to a leaf's grad_dtype (None:
    kept), which may name a dtype no gradient can have (its engine's assert then)."""
    want = t._gradient_dtype()
    if want is None or g.dtype is want:
        return g
    if g.dtype.category == 3 and want.category == 2:  # (a real input's gradient from a complex one: its real part,
        g = g.real                                    # as derivatives.yaml's handle_r_to_c takes it)
        if g.dtype is want:
            return g
    if want.category < 2:
        raise runtime(_INTEGER_GRAD)
    return g.to(want)


def _validate_leaf_grads(node, grads):
    """PyTorch's validate_outputs on the edges into leaves, whose shapes the engine knows: a gradient that does not
    broadcast to its leaf's shape is refused in PyTorch's words, one that does is summed back to it. A gradient is
    cast to the dtype of the tensor its node made, or of the leaf (a float32 input of a float64 result gets float32:
    the post hooks, the tensor's hooks and the backward formulas after see that)."""
    i = -1
    for nxt, _ in node.next_functions:
        i += 1
        if nxt is None:
            continue
        g = grads[i]
        if g is None:
            continue
        if type(nxt) is not AccumulateGrad:
            want = getattr(nxt, "made_dtype", None)
        else:  # (the leaf's, as AccumulateGrad casts it on arrival)
            var = nxt.variable
            want = var._gradient_dtype() if var.dtype is nxt.dtype else nxt.dtype
        # (a floating gradient only: a complex one for a real tensor is left to the formula or the accumulator)
        if want is not None and g.dtype is not want and want.category == g.dtype.category == 2:
            grads = list(grads)
            grads[i] = g = g.to(want)
        if type(nxt) is AccumulateGrad and g._shape != nxt.shape:
            shape = nxt.shape
            if not expandable(shape, g._shape):
                raise runtime(messages.INVALID_GRADIENT.format(name=node.name(), i=i, got=messages.shape_list(
                    g._shape), expected=messages.shape_list(shape)))
            grads = list(grads)
            grads[i] = g.sum_to_size(shape)  # (at::sum_to)
    return grads


def _backward_detecting_anomaly(node, grad):
    try:
        grads = node.backward(grad)
        if _anomaly[1]:
            _check_nan(node, grads)
    except Exception:
        _anomaly_warning(node)
        raise
    return grads


def _add_grad(buffers, node, nr, g):
    """Accumulate g into node's input buffer (one slot per output for a node with several)."""
    if node.n_outputs == 1:
        _buffer_add(buffers, node, g)
        return
    slots = buffers.get(node)
    if slots is None:
        slots = buffers[node] = [None] * node.n_outputs
    slots[nr] = g if slots[nr] is None else slots[nr] + g


def _buffer_add(buffers, node, g):
    """PyTorch's InputBuffer::accumulate: the first gradient is kept; a later one is added in place into it when
    grad mode is off and nothing else holds it or its storage (so its _version counts), out of place otherwise
    (never into a ZeroTensor, which cannot be written: ZeroTensor + g is a copy of g)."""
    old = buffers.get(node)
    if old is None:
        buffers[node] = g
    elif (not is_grad_enabled() and sys.getrefcount(old) == 3 and sys.getrefcount(old._storage) == 2
          and old._view is None and old._offset == 0 and old._np.size == old._storage.data.size
          and 0 not in old._stride and old.dtype is g.dtype and not old._requires_grad and not is_zero_tensor(old)):
        old.add_(g)
    else:
        buffers[node] = old + g


def non_overlapping_and_dense(t):
    """PyTorch's is_non_overlapping_and_dense: dims of size 0 or 1 sort last, and the first one ends the check."""
    if t._np.flags.c_contiguous:  # (numpy's test, size-1 dims aside as here: the common case; numpy calls every
        return True  # empty array contiguous, and c10 every empty tensor, so non-overlapping and dense)
    if len(t._shape) == 1:
        return t._shape[0] < 2 or t._stride[0] == 1
    expected = 1
    for size, stride in sorted(zip(t._shape, t._stride), key=lambda p: (p[0] < 2, p[1])):
        if size < 2:
            return True
        if stride != expected:
            return False
        expected *= size
    return True


def _dependencies_done(node, deps, buffers, ready):
    """Every producer of node is done: queue it. If no gradient reached it, it still runs, as in PyTorch, on
    undefined gradients (its hooks see None, a custom Function's backward zeros; a built-in node passes None on)."""
    if node not in buffers:
        buffers[node] = None if node.n_outputs == 1 else [None] * node.n_outputs
    ready.push(node)


def _undefined(grad):
    return grad is None or (type(grad) is list and all(g is None for g in grad))


for _cls, _module in ((no_grad, "grad_mode"), (enable_grad, "grad_mode"), (set_grad_enabled, "grad_mode"),
                      (inference_mode, "grad_mode"), (set_detect_anomaly, "anomaly_mode"),
                      (detect_anomaly, "anomaly_mode"), (GradientEdge, "graph"), (Node, "graph"),
                      (_MultiHandle, "graph")):
    _cls.__module__ = "torch.autograd." + _module  # (type(torch.no_grad()) names PyTorch's class)

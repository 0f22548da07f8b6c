"""torch.autograd.Function: a program's forward/backward pair as one graph node, whose instance is the ctx."""
import contextlib
import functools
import inspect

from . import autograd, forward_ad, messages, undo
from .autograd import NOTHING_SAVED, Node, SavedTensor, edge_of, expandable as _expandable
from .errors import runtime, type_error, warn, warn_once
from .ops.core import check_inplace, rebase_history, sum_to
from .tensorimpl import FUNC_LEVELS, IN_CUSTOM_FUNCTION, IN_MULTI_OUTPUT, Tensor, ViewInfo


class FunctionCtx:
    """What forward and setup_context call on ctx (PyTorch's FunctionCtx)."""
    __module__ = "torch.autograd.function"

    def save_for_backward(self, *tensors):
        self.to_save = tensors  # (checked once forward returns, and only when the node is made: _wrap_outputs)

    def save_for_forward(self, *tensors):
        for t in tensors:
            if t is not None and not isinstance(t, Tensor):
                from .errors import make
                raise make("AssertionError", "save_for_forward expects all arguments to be tensors; you should save "
                                             "non-tensors as attributes on ctx.")
        self.saved_for_forward = tensors

    def mark_dirty(self, *args):
        self.dirty_tensors = args

    def mark_non_differentiable(self, *args):
        self.non_differentiable = args

    def set_materialize_grads(self, value):
        self._materialize_grads = value


_NODE_SLOTS = frozenset(Node.__slots__)


def _not_readable(name):
    raise AttributeError(f"attribute '{name}' of 'torch._C._FunctionBase' objects is not readable")


class BackwardCFunction(Node, FunctionCtx):
    """The node of one Function.apply; also the ctx its forward and backward receive."""
    __module__ = "torch.autograd.function"
    __api__ = Node.__api__ | {
        "saved_tensors", "saved_variables", "needs_input_grad", "save_for_backward", "mark_dirty",
        "mark_non_differentiable", "set_materialize_grads", "to_save", "dirty_tensors", "non_differentiable",
        "apply", "requires_grad", "_raw_saved_tensors", "save_for_forward", "saved_for_forward", "_forward_cls",
        "materialize_grads", "_materialize_non_diff_grads"}
    __class_api__ = frozenset({"_forward_cls"})
    __settable__ = frozenset({"*"})  # ctx.constant = ...: a program keeps what backward needs on ctx
    _forward_cls = None
    _in_jvp = False
    saved_for_forward = None
    n_outputs = 1
    keeps_unused_grads = True  # validate_outputs skips an edgeless input's gradient: the post hooks see it

    def __call__(self, *grads, **kwargs):  # (a Python Function's node is not callable, as PyTorch's is not)
        raise type_error(f"'{type(self).__name__}' object is not callable")
    runs_undefined = True  # PyTorch calls a custom backward when no gradient reached it (zeros, materialized)

    # _FunctionBase's getters without a setter; any other name is the program's, kept on ctx as on a Python object
    _GETTERS = frozenset({"saved_tensors", "saved_variables", "_raw_saved_tensors", "next_functions", "requires_grad",
                          "metadata"})

    def attr_refusal(self, name):
        if name in self._GETTERS:
            return f"attribute '{name}' of 'torch._C._FunctionBase' objects is not writable"
        return None

    def __torch_dir__(self):
        return None

    # (_FunctionBase's setter without a getter: set_materialize_grads is how a program sets it)
    materialize_grads = property(lambda self: _not_readable("materialize_grads"))
    _materialize_non_diff_grads = True

    def __tsh_attrs__(self):
        return [k for k in self.__dict__ if k[:1] != "_" and k != "n_outputs"]

    def __setattr__(self, name, value):
        if name not in _NODE_SLOTS:  # ctx attributes a backward sets on an older graph go with a failed statement
            undo.touch_vars(self)
        object.__setattr__(self, name, value)

    def name(self):
        return self.name_

    def short_name(self):
        return self.name_[:-8] if self.name_.endswith("Backward") else self.name_

    def __repr__(self):
        return f"<torch.autograd.function.{self.name_} object at {self.address()}>"

    freed_buffers = False  # (PyTorch's has_freed_buffers: set by a backward that frees the graph, nothing saved too)

    @property
    def saved_tensors(self):
        if self._in_jvp:  # (a jvp staticmethod sees what save_for_forward saved)
            return tuple(self.saved_for_forward or ())
        self._check_not_freed()
        return tuple(s.unpack(self, as_variable=True) if s is not NOTHING_SAVED else None for s in self.saved)

    @property
    def saved_variables(self):
        warn("'saved_variables' is deprecated; use 'saved_tensors'", "DeprecationWarning")
        return self.saved_tensors

    @property
    def _raw_saved_tensors(self):
        from .saved_hooks import RawSavedTensor
        self._check_not_freed()
        return tuple(RawSavedTensor(s) for s in self.saved)

    def _check_not_freed(self):
        if self.freed_buffers:
            raise runtime(messages.FREED_GRAPH)

    @property
    def requires_grad(self):
        return any(self.needs_input_grad)

    def apply(self, *grads):
        return self._user_backward()(self, *grads)

    def _user_backward(self):
        cls = self._forward_cls
        backward, vjp = _static(cls, "backward"), _static(cls, "vjp")
        if backward is not _DEFAULT["backward"] and vjp is not _DEFAULT["vjp"]:
            raise runtime("Implementing both 'backward' and 'vjp' for a custom Function is not allowed. "
                          "You should only implement one of them.")
        return cls.vjp if vjp is not _DEFAULT["vjp"] else cls.backward

    def backward(self, grad):
        grads = list(grad) if self.n_outputs > 1 else [grad]
        if self._materialize_grads:
            from .creation import zeros
            grads = [zeros(meta[0], dtype=meta[1]) if g is None and meta is not None else g
                     for g, meta in zip(grads, self._output_meta)]
        result = self._user_backward()(self, *grads)
        return self._validate(result)

    def _validate(self, result):
        """PyTorch's checks of what a custom backward returned, then one gradient per graph edge."""
        if not isinstance(result, tuple):
            result = (result,)
        n_in, n_out = len(self._input_is_tensor), len(result)
        if n_out > n_in and all(r is None for r in result[n_in:]):
            result, n_out = result[:n_in], n_in
        if n_out != n_in:
            raise runtime(f"function {self.name_} returned an incorrect number of gradients (expected {n_in}, "
                          f"got {n_out})")
        grads = []
        for i, (g, is_tensor) in enumerate(zip(result, self._input_is_tensor)):
            if not is_tensor:
                if g is not None:
                    raise runtime(f"function {self.name_} returned a gradient different than None at position "
                                  f"{i + 1}, but the corresponding forward input was not a Variable")
                continue
            if g is not None and not isinstance(g, Tensor):
                raise runtime(f"expected Variable or None (got {type(g).__name__})")
            grads.append(g)
        return tuple(self._fit(i, g) for i, g in enumerate(grads))

    def _fit(self, i, g):
        """PyTorch's validate_outputs: a gradient must broadcast to its input's shape; it is summed and cast to it."""
        if g is None or self.next_functions[i][0] is None:
            return g
        outer = autograd._copy_slices[0]
        if i and outer is not None and outer.fn is self and not autograd.should_compute_output(outer, i):
            return None  # (a CopySlices around this node keeps only the gradients the walk needs, then checks them)
        shape, dtype = self._input_meta[i]
        if not _expandable(shape, g._shape):
            raise runtime(messages.INVALID_GRADIENT.format(name=autograd.checked_name(self), i=i,
                                                           got=_shape_list(g._shape), expected=_shape_list(shape)))
        if g._shape != shape:
            g = sum_to(g, shape)
        if not (g.dtype.is_floating_point or g.dtype.is_complex == dtype.is_complex):
            raise runtime(messages.REAL_COMPLEX_GRADIENT)
        if g.dtype is not dtype:
            g = g.to(dtype)
        return g


def _not_implemented(message):
    from .errors import make
    return make("NotImplementedError", message)


def _shape_list(shape):
    return "[" + ", ".join(str(s) for s in shape) + "]"




def _static(cls, name):
    """The raw class attribute (a staticmethod object, or a plain function) as found along the MRO."""
    for klass in cls.__mro__:
        if name in klass.__dict__:
            value = klass.__dict__[name]
            return value.__func__ if isinstance(value, staticmethod) else value
    return None


def backward_class(cls):
    """<Name>Backward, made once per Function subclass (PyTorch's FunctionMeta does it at class creation)."""
    bcls = cls.__dict__.get("_backward_cls")
    if bcls is None:
        name = cls.__name__ + "Backward"
        bcls = type(name, (BackwardCFunction,), {"_forward_cls": cls, "name_": name,
                                                 "__module__": "torch.autograd.function"})
        type.__setattr__(cls, "_backward_cls", bcls)
    return bcls


class FunctionMeta(type):
    """Function's metaclass: the attributes a program reads on its Function class (Square.apply)."""
    __module__ = "torch.autograd.function"
    __api__ = frozenset({"apply", "forward", "backward", "setup_context", "vjp", "jvp", "mark_dirty", "_backward_cls"})

    def __init__(cls, name, bases, namespace):
        super().__init__(name, bases, namespace)
        backward_class(cls)

    def __tsh_attrs__(cls):
        return {k for klass in cls.__mro__ if klass is not object for k in klass.__dict__ if k[:1] != "_"}


class Function(metaclass=FunctionMeta):
    """torch.autograd.Function: subclass it with static forward/backward (or forward + setup_context)."""
    # (its staticmethods a program reads on its Function class, or on Function itself: F.jvp, Function.apply)
    __api__ = frozenset({"apply", "forward", "setup_context", "backward", "vjp", "jvp", "vmap", "generate_vmap_rule"})
    __class_api__ = __api__ | {"_backward_cls"}
    __module__ = "torch.autograd.function"

    def __init__(self, *args, **kwargs):
        warn(f"{type(self)!r} should not be instantiated. Methods on autograd functions are all static, so you "
             "should invoke them on the class itself. Instantiating an autograd function will raise an error in a "
             "future version of PyTorch.", "DeprecationWarning")

    def __call__(self, *args, **kwargs):
        raise runtime("Legacy autograd function with non-static forward method is deprecated. Please use new-style "
                      "autograd function with static forward method. (Example: "
                      "https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)")

    @staticmethod
    def forward(*args, **kwargs):
        raise _not_implemented("You must implement the forward function for custom autograd.Function.")

    @staticmethod
    def setup_context(ctx, inputs, output):
        raise _not_implemented("setup_context is not implemented.")

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise _not_implemented("You must implement either the backward or vjp method for your custom "
                                  "autograd.Function to use it with backward mode AD.")

    vjp = backward  # (one function under two names, as PyTorch's _SingleLevelFunction has it)

    @staticmethod
    def jvp(ctx, *grad_inputs):
        raise _not_implemented("You must implement the jvp function for custom autograd.Function to use it "
                                  "with forward mode AD.")

    generate_vmap_rule = False

    @staticmethod
    def vmap(info, in_dims, *args):
        raise _not_implemented("To use autograd.Function with vmap, you must either override the vmap staticmethod "
                               "or set generate_vmap_rule=True.")

    @classmethod
    def apply(cls, *args, **kwargs):
        return function_apply(cls, args, kwargs)


_DEFAULT = {name: Function.__dict__[name].__func__ for name in ("forward", "setup_context", "backward", "vjp",
                                                                 "vmap", "jvp")}
for _name in ("forward", "setup_context", "backward", "jvp"):  # (PyTorch defines these on Function's base class:
    _DEFAULT[_name].__qualname__ = "_SingleLevelFunction." + _name  # Python's argument errors name it)
# torch.func transforms running (func.py counts them): all of them, those that vmap forward, and those that are
# forward AD over the engine's reverse mode in PyTorch (hessian: jacfwd of jacrev, here jacrev of jacrev)
TRANSFORMS = autograd.TRANSFORMS  # (kept in autograd, below linear and forward_ad, which read it too)


def vmap_rule(cls):
    """`F.apply` given to vmap itself: PyTorch's checks, then F's vmap staticmethod (None: generate_vmap_rule, the
    forward run per element)."""
    _check_transforms(cls, _static(cls, "setup_context") is not _DEFAULT["setup_context"], True)
    return None if getattr(cls, "generate_vmap_rule", False) else cls.vmap


def _check_transforms(cls, setup, vmapping=False, tensors=()):
    """Function.apply under torch.func transforms: setup_context is required, under vmap a vmap rule, then under
    hessian's forward AD a jvp for inputs that depend on its argument (they require grad here)."""
    if not setup:
        raise runtime(messages.FUNCTORCH_SETUP_CONTEXT)
    if vmapping or TRANSFORMS[1]:
        overridden = _static(cls, "vmap") is not _DEFAULT["vmap"]
        if getattr(cls, "generate_vmap_rule", False):
            if overridden:
                raise runtime(messages.VMAP_RULE_TWICE.format(cls.__name__))
        elif not overridden:
            raise runtime(messages.VMAP_RULE_MISSING.format(cls.__name__))
    if TRANSFORMS[2] and _static(cls, "jvp") is _DEFAULT["jvp"] and any(t.requires_grad for t in tensors):
        Function.jvp(None)


def function_apply(cls, args, kwargs):
    """PyTorch's THPFunction_apply: run forward without grad, then give its outputs this node as history."""
    forward = _static(cls, "forward")
    if forward is _DEFAULT["forward"]:
        raise _not_implemented("You must implement the forward function for custom autograd.Function.")
    setup = _static(cls, "setup_context") is not _DEFAULT["setup_context"]
    if TRANSFORMS[0]:
        _check_transforms(cls, setup, tensors=[a for a in args if isinstance(a, Tensor)])
    if setup:  # (Function.apply binds them, defaults filled; its keyword-only ones and **kwargs' go on to C++)
        args, kwargs = _bind(forward, args, kwargs)
    if kwargs:
        args, kwargs = _kwargs_as_positions(forward, args, kwargs), {}
    bcls = backward_class(cls)
    ctx = bcls.__new__(bcls)
    inputs = tuple(args) + tuple(kwargs.values())  # (PyTorch counts keyword arguments as inputs too)
    tensors = [a for a in inputs if isinstance(a, Tensor)]
    executable = autograd._grad_enabled[0] and any(t.requires_grad for t in tensors)
    Node.__init__(ctx, tuple(edge_of(t) if executable else (None, 0) for t in tensors))
    for name, value in (("to_save", None), ("dirty_tensors", None), ("non_differentiable", None),
                        ("_materialize_grads", True)):
        object.__setattr__(ctx, name, value)
    object.__setattr__(ctx, "needs_input_grad", tuple(isinstance(a, Tensor) and a.requires_grad for a in inputs))
    previous = autograd._grad_enabled[0]
    # (forward AD is off while forward runs; the jvp staticmethod gives the outputs their tangents)
    dual = forward_ad._LEVEL[0] is not None and not forward_ad._BUSY[0] and \
        any(getattr(t, "_fw_grad", None) is not None for t in tensors)
    autograd._grad_enabled[0] = False
    if dual:
        forward_ad._BUSY[0] = True
    try:
        if setup and FUNC_LEVELS:
            with _level_below(lambda: output):
                output = cls.forward(*args, **kwargs)
                cls.setup_context(ctx, args, output)
        elif setup:
            output = cls.forward(*args, **kwargs)
            cls.setup_context(ctx, args, output)
        else:
            output = cls.forward(ctx, *args, **kwargs)
    finally:
        autograd._grad_enabled[0] = previous
        if dual:
            forward_ad._BUSY[0] = False
    output = _wrap_outputs(ctx, inputs, tensors, output, executable)
    if dual:
        forward_ad.custom_function_jvp(cls, ctx, inputs, output)
    return output


@contextlib.contextmanager
def _level_below(outputs):
    """A custom Function's forward and setup_context under grad/vjp/jvp run one level below, on the unwrapped inputs
    (custom_function_call's grad rule); its outputs are the level's tensors after (outputs(): forward's results, a
    tensor or a tuple of them)."""
    level = FUNC_LEVELS.pop()
    level.hidden = True
    try:
        yield
    finally:
        level.hidden = False
        FUNC_LEVELS.append(level)
    results = outputs()
    for x in results if isinstance(results, (tuple, list)) else (results,):
        if isinstance(x, Tensor):
            x._func_level = level


def _kwargs_as_positions(forward, args, kwargs):
    """THPFunction_apply's keyword arguments: each names one of forward's positional parameters after ctx and goes
    in its place (no defaults filled: a parameter left between them is missing)."""
    try:
        params = list(inspect.signature(forward).parameters.values())[1:]
    except (TypeError, ValueError):
        params = []
    names = [p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    slots = list(args)
    for name, value in kwargs.items():
        if name not in names:
            raise type_error(f"forward() got an unexpected keyword argument '{name}'")
        i = names.index(name)
        if i < len(args):
            raise type_error(f"forward() got multiple values for argument '{name}'")
        slots.extend([_MISSING] * (i + 1 - len(slots)))
        slots[i] = value
    for i, value in enumerate(slots):
        if value is _MISSING:
            raise type_error(f"forward() missing required argument: '{names[i]}' (position {i})")
    return tuple(slots)


_MISSING = object()


def _bind(fn, args, kwargs):
    """setup_context's inputs are forward's arguments bound to its signature, defaults included."""
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):  # a callable without a signature: its arguments as given
        return tuple(args) + tuple(kwargs.values()), {}
    bound = signature.bind(*args, **kwargs)
    bound.apply_defaults()
    return bound.args, bound.kwargs


def _wrap_outputs(ctx, args, tensors, output, executable):
    """PyTorch's _wrap_outputs: each tensor output gets ctx as grad_fn, inputs returned as-is become views."""
    for i, t in enumerate(ctx.to_save or () if executable else ()):  # (_get_tensors_to_save, before the rest)
        if t is not None and not isinstance(t, Tensor):
            raise type_error(f"save_for_backward can only save variables, but argument {i} is of type "
                             f"{type(t).__name__}")
    single = not isinstance(output, tuple)
    outputs = [output] if single else list(output)
    inputs = {id(t) for t in tensors}
    dirty_tensors, non_differentiable = ctx.dirty_tensors or (), ctx.non_differentiable or ()
    if any(not isinstance(t, Tensor) for t in non_differentiable):  # (_parse_non_differentiable comes first)
        raise runtime("mark_non_differentiable only accepts variable arguments, but got ")
    dirty = {}
    # (_mark_dirty: each argument is checked, then bumped, a repeat twice. The two refusals are THPFunction_assert's,
    # RuntimeErrors whose printf arguments PyTorch 2.13 drops: the words stop where the argument would go)
    for t in dirty_tensors:
        if not isinstance(t, Tensor):
            raise runtime("mark_dirty can only accept variables, but argument ")
        dirty[id(t)] = t
        t._version_counter.bump()
    non_diff = {id(t) for t in non_differentiable}
    n = len(outputs)
    # (what forward AD's checks ask of the raw outputs: which tensors are not differentiable)
    object.__setattr__(ctx, "_non_diff_outputs", frozenset(
        i for i, o in enumerate(outputs) if isinstance(o, Tensor) and
        (id(o) in non_diff or not (o.dtype.is_floating_point or o.dtype.is_complex))))
    returned = {id(o) for o in outputs if isinstance(o, Tensor)}
    for i, o in enumerate(outputs):
        if not isinstance(o, Tensor):
            continue
        is_input, modified = id(o) in inputs, id(o) in dirty
        if not (executable and id(o) not in non_diff and (o.dtype.is_floating_point or o.dtype.is_complex)):
            if not o.requires_grad:
                if is_input and not modified:
                    outputs[i] = _view_as_self(o)
            elif is_input:
                outputs[i] = o.detach()
            elif o._view is None:
                o.detach_()
            o = outputs[i]
            if o._view is not None and not modified:  # (any view returned: CreationMeta::IN_CUSTOM_FUNCTION)
                o._view = ViewInfo(o._view.base, IN_CUSTOM_FUNCTION, o._view.attr_version, o._view.replay)
        elif modified:
            if o._grad_fn is None and o.requires_grad:  # (C++'s is_leaf: the stored grad_fn, a stale view's
                raise runtime(messages.LEAF_USED_INPLACE)  # not regenerated)
            if not is_input:
                # (Python's Functions; C++'s say another. Python's warnings show it once: its site is inside torch)
                warn_once("ctx.mark_dirty() received a tensor that was not an input. Only input Tensors that have "
                          "been mutated should be passed to ctx.mark_dirty().")
            if o._view is not None and n > 1:
                raise runtime(messages.DIRTY_VIEW_MULTIPLE_OUTPUTS)
            if o._view is not None:  # (a view of a leaf that requires grad cannot take the new history)
                check_inplace(o)
            _rebase(o, ctx, i)
        else:
            if is_input:
                o = outputs[i] = _view_as_self(o)
            elif o._view is not None:  # a view made inside forward: PyTorch forbids writing it in place
                o._view = ViewInfo(o._view.base, IN_CUSTOM_FUNCTION, o._version_counter.value, o._view.replay)
            o._grad_fn, o._output_nr = ctx, i
    if any(k not in returned for k in dirty):
        raise runtime(messages.DIRTY_NOT_OUTPUT)
    if sum(isinstance(o, Tensor) and o._grad_fn is ctx for o in outputs) > 1:
        for o in outputs:  # CreationMeta::MULTI_OUTPUT_NODE, which views of these views inherit too
            if isinstance(o, Tensor) and o._grad_fn is ctx and o._view is not None and \
                    o._view.grad_mode is IN_CUSTOM_FUNCTION:
                o._view = ViewInfo(o._view.base, IN_MULTI_OUTPUT, o._view.attr_version, o._view.replay)
    # (PyTorch clears these once applied: holding the tensors would tie a dirty output to its own grad_fn)
    object.__setattr__(ctx, "dirty_tensors", None)
    object.__setattr__(ctx, "non_differentiable", None)
    object.__setattr__(ctx, "_dirty_outputs", tuple(i for i, o in enumerate(outputs) if id(o) in dirty))
    if executable:
        object.__setattr__(ctx, "n_outputs", n)
        object.__setattr__(ctx, "_output_meta", [(o._shape, o.dtype) if isinstance(o, Tensor) else None
                                                for o in outputs])
        object.__setattr__(ctx, "_input_is_tensor", tuple(isinstance(a, Tensor) for a in args))
        object.__setattr__(ctx, "_input_meta", [(t._shape, t.dtype) for t in tensors])
        ctx.saved = tuple(NOTHING_SAVED if t is None else SavedTensor(t, is_output=t._grad_fn is ctx)
                          for t in ctx.to_save or ())
        object.__setattr__(ctx, "to_save", None)  # (PyTorch clears it once saved)
        if autograd.PENDING_PACKS:
            autograd.pack_pending()
    return outputs[0] if single else tuple(outputs)


def _view_as_self(t):
    """PyTorch's view_as(self) of an input returned as-is: an alias that remembers the custom Function."""
    out = t._alias(t._shape, t._stride, t._offset)
    out._view = ViewInfo(t._view.base if t._view is not None else t, IN_CUSTOM_FUNCTION, t._version_counter.value)
    return out


def _rebase(t, ctx, i):
    """A dirty input's history moves to ctx (on its base through CopySlices when it is a view)."""
    rebase_history(t, ctx)
    if t._view is None:
        t._output_nr = i


def once_differentiable(fn):
    """torch.autograd.function.once_differentiable: backward runs without grad; differentiating it again fails."""
    @functools.wraps(fn)
    def wrapper(ctx, *args):
        with autograd.no_grad():
            outputs = fn(ctx, *args)
        if not autograd.is_grad_enabled():
            return outputs
        if not any(isinstance(a, Tensor) and a.requires_grad for a in args):
            return outputs
        outputs = outputs if isinstance(outputs, tuple) else (outputs,)
        # PyTorch's DelayedError: fake leaves that require grad, and outputs (their data) whose grad_fn is an Error
        fakes = [v.detach().requires_grad_(True) if v is not None else None for v in outputs]
        node = Error("trying to differentiate twice a function that was marked with @once_differentiable",
                     [edge_of(v) if v is not None else (None, 0) for v in fakes])
        result = []
        for i, v in enumerate(fakes):
            if v is not None:
                v = v.data
                v._grad_fn, v._output_nr = node, i
            result.append(v)
        return tuple(result)
    return wrapper


class Error(Node):
    """A node that fails when backward reaches it (what once_differentiable puts after its outputs)."""
    name_ = "Error"
    qualified = True

    def __init__(self, message, edges):
        Node.__init__(self, tuple(edges))
        self.message = message
        self.n_outputs = len(edges)

    def backward(self, grad):
        raise runtime(self.message)


class Resize(Function):
    """torch.autograd._functions.Resize, behind the deprecated Tensor.resize/resize_as: a reshape that keeps the
    number of elements (its forward and error as torch's Python writes them; its node ResizeBackward)."""

    @staticmethod
    def forward(ctx, tensor, sizes):
        ctx.sizes = sizes
        ctx.numel = functools.reduce(lambda a, b: a * b, sizes, 1)
        if tensor.numel() != ctx.numel:
            raise runtime(f"requested resize to {'x'.join(map(str, sizes))} ({ctx.numel} elements in total), but the "
                          f"given tensor has a size of {'x'.join(map(str, tensor.size()))} ({tensor.numel()} "
                          "elements). autograd's resize can only change the shape of a given tensor, while "
                          "preserving the number of elements. ")
        ctx.input_sizes = tensor.size()
        if tensor.is_contiguous():
            return tensor.new(tensor).contiguous().view(*sizes)
        return tensor.contiguous().view(*sizes)

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output.contiguous().view(ctx.input_sizes), None

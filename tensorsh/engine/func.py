"""torch.func: grad, grad_and_value, vjp, jacrev, hessian, vmap, functional_call and stack_module_state, built on
the engine's reverse-mode autograd (PyTorch's functorch transforms are reverse mode underneath too, so the same
backward formulas give the same bits), and jvp/jacfwd on forward_ad.py's dual tensors. vmap runs the function once
per batch element and stacks the results (no BatchedTensor: a print inside the function shows one element)."""
import collections
import contextlib
import textwrap

from . import autograd, errors, messages
from .errors import runtime, value_error
from .function import TRANSFORMS
from .tensorimpl import BATCH_ELEMENT, BATCH_SIZE, BATCHING, FUNC_LEVELS, PRINTED_IN_VMAP, WRAPPED_REPR, Tensor


# -- pytrees (torch.utils._pytree: tuples, lists and dicts are nodes, anything else a leaf) -------------------------

class TreeSpec:
    def __init__(self, kind, context, children):
        self.type, self._context, self._children = kind, context, children
        self.num_leaves = sum(c.num_leaves for c in children)

    def __eq__(self, other):
        return isinstance(other, TreeSpec) and (self.type, self._context, self._children) == \
            (other.type, other._context, other._children)

    def __repr__(self, indent=0):
        children = ""
        if self._children:
            indent += 2
            children = self._children[0].__repr__(indent) + ("," if len(self._children) > 1 else "")
            children += ",".join("\n" + " " * indent + c.__repr__(indent) for c in self._children[1:])
        return f"TreeSpec({self.type.__name__}, {self._context}, [{children}])"


class LeafSpec(TreeSpec):
    def __init__(self):
        super().__init__(None, None, [])
        self.num_leaves = 1

    def __eq__(self, other):
        return isinstance(other, LeafSpec)

    def __repr__(self, indent=0):
        return "*"


LEAF = LeafSpec()


def _children(tree):
    if isinstance(tree, (tuple, list)):
        return type(tree), None, list(tree)
    if isinstance(tree, dict):
        return type(tree), list(tree), list(tree.values())
    return None


def tree_flatten(tree):
    node = _children(tree)
    if node is None:
        return [tree], LEAF
    kind, context, children = node
    leaves, specs = [], []
    for child in children:
        sub, spec = tree_flatten(child)
        leaves += sub
        specs.append(spec)
    return leaves, TreeSpec(kind, context, specs)


def tree_unflatten(leaves, spec):
    it = iter(leaves)

    def build(s):
        if isinstance(s, LeafSpec):
            return next(it)
        children = [build(c) for c in s._children]
        if issubclass(s.type, dict):
            return s.type(zip(s._context, children))
        return s.type(children)
    return build(spec)


def broadcast_to_and_flatten(prefix, spec):
    """A prefix tree's values, each repeated over the leaves of the part of `spec` it stands for (None, ints: one
    value for the whole subtree); None when the structures do not agree."""
    out = []

    def walk(p, s):
        node = _children(p)
        if node is None:
            out.extend([p] * s.num_leaves)
            return True
        kind, context, children = node
        if isinstance(s, LeafSpec) or s.type is not kind or s._context != context or len(children) != len(s._children):
            return False
        return all(walk(c, cs) for c, cs in zip(children, s._children))
    return out if walk(prefix, spec) else None


def tree_map(fn, tree):
    leaves, spec = tree_flatten(tree)
    return tree_unflatten([fn(x) for x in leaves], spec)


# -- the differentiating transforms -----------------------------------------------------------------------------

_level = [0]  # nesting of grad/vjp/jacrev: inner levels keep the graph that outer levels differentiate


@contextlib.contextmanager
def _transform(vmapping=False, forward=False):
    """A torch.func transform runs (custom Functions check for setup_context; under vmap, for a vmap rule; under
    PyTorch's forward AD, for a jvp)."""
    TRANSFORMS[0] += 1
    TRANSFORMS[1] += vmapping
    TRANSFORMS[2] += forward
    try:
        yield
    finally:
        TRANSFORMS[0] -= 1
        TRANSFORMS[1] -= vmapping
        TRANSFORMS[2] -= forward


class _Level:
    """A grad/vjp/jvp level as a print sees it: functorch's number (its depth among the transforms; -2 once it has
    exited, a dead wrapper's), the level it runs inside, the arguments as given by id of their wrapped tensors, the
    fresh tensors it differentiates; `hidden` while a custom Function's forward runs below it."""

    def __init__(self, given, leaves):
        self.lvl, self.given, self.leaves = TRANSFORMS[0], given, leaves
        self.below = FUNC_LEVELS[-1] if FUNC_LEVELS else None
        self.hidden = False


@contextlib.contextmanager
def _wrapping(given=None, leaves=()):
    """Tensors made while a level runs are its GradTrackingTensors (its wrapped arguments too)."""
    level = _Level(given or {}, leaves)
    FUNC_LEVELS.append(level)
    for x in level.given.values():
        x[0]._func_level = level
    try:
        yield
    finally:
        FUNC_LEVELS.pop()
        level.lvl = -2


def _unwrapped(tree):
    """Results leaving a level are unwrapped: tensors of the level it ran inside (or plain ones)."""
    top = FUNC_LEVELS[-1] if FUNC_LEVELS else None
    for x in tree_flatten(tree)[0]:
        if isinstance(x, Tensor) and getattr(x, "_func_level", None) not in (None, top):
            x._func_level = top
    return tree


def wrapped_repr(t):
    """functorch's repr of a tensor made inside grad/vjp/jvp: its GradTrackingTensor at each level that wraps it,
    around the plain value, whose autograd flags are those seen outside every level (_tensor_str's functorch
    wrapper)."""
    levels, level = [], t._func_level
    while level is not None:
        levels.append(level)
        level = level.below
    return _repr_at(t, t._func_level, [x for level in levels + FUNC_LEVELS for x in level.leaves])


WRAPPED_REPR[0] = wrapped_repr


def _repr_at(t, level, leaves):
    if level is None:
        tracked = t.requires_grad and (autograd.reaches_other_leaf(t, leaves) if t.grad_fn is not None else
                                       all(x is not t for x in leaves))
        return t._plain_repr(tracked, tangent=False)
    given = level.given.get(id(t))  # (an argument: below its level, the tensor given)
    value = _repr_at(t, level.below, leaves) if given is None else \
        _repr_at(given[1], getattr(given[1], "_func_level", None), leaves)
    if level.hidden:
        return value
    return f"GradTrackingTensor(lvl={level.lvl}, value=\n{textwrap.indent(value, ' ' * 4)}\n)"


def _name(func):
    return getattr(func, "__name__", None) or repr(func)


def _argnum(argnum, num_args):
    if not isinstance(argnum, int):
        raise runtime(f"argnum must be int, got: {type(argnum)}")
    if 0 <= argnum < num_args:
        return argnum
    if -num_args <= argnum < 0:
        return argnum + num_args
    raise runtime(f"Got argnum={argnum}, but only {num_args} positional inputs")


def _argnums(argnums, num_args):
    if not isinstance(argnums, (int, tuple)):
        raise runtime(f"argnums must be int or Tuple[int, ...], got: {type(argnums)}")
    if isinstance(argnums, int):
        return _argnum(argnums, num_args)
    argnums = tuple(_argnum(a, num_args) for a in argnums)
    if not argnums:
        raise runtime("argnums must be non-empty")
    if len(set(argnums)) != len(argnums):
        raise runtime(f"argnums elements must be unique, got {argnums}")
    return argnums


FORWARD_OVER_REVERSE = ("tensorsh does not support forward-mode AD through a vjp_fn given tangents in its cotangents, "
                        "through a dual tensor that a function given to grad/vjp/jacrev closes over, nor through "
                        "torch.autograd.functional: the reverse pass would drop the tangents")


NO_SAVED_HOOKS = ("torch.func.{grad, vjp, jacrev, hessian} don't yet support saved tensor hooks. Please open an issue "
                  "with your use case.")


def _leaf(x):
    """An argument as the level's own differentiable tensor: a view of one that requires grad, tracked outside
    (not under no_grad: there the outer level records nothing)."""
    if not isinstance(x, Tensor):
        raise value_error(f"Thing passed to transform API must be Tensor, got {type(x)}")
    if x.requires_grad and autograd.is_grad_enabled():  # (an Identity view: its backward records no op of its own)
        from .forward_ad import make_view
        return make_view(x, x._shape, x._stride, x._offset, "Identity")
    if x.is_inference():  # (functorch differentiates its wrapper of an inference tensor, which may require grad)
        x = x.clone()
    return x.detach().requires_grad_(True)


def _wrapped_argument(x, given):
    """functorch wraps every tensor argument, differentiated or not: a new tensor of the same data (an Identity view
    where it requires grad outside), so a print inside shows it wrapped; `given` maps it back."""
    if x.requires_grad and autograd.is_grad_enabled():
        from .forward_ad import make_view
        wrapped = make_view(x, x._shape, x._stride, x._offset, "Identity")
    else:
        wrapped = x._alias(x._shape, x._stride, x._offset)
    given[id(wrapped)] = (wrapped, x)
    return wrapped


class _Transform:
    """One level of grad/vjp/jacrev: the arguments at `argnums` (pytrees of tensors) made fresh differentiable
    tensors, func run under enable_grad; `keep` says whether the graph is kept (inside another level, where an
    argument already required grad, or where func's outputs reach a tensor it closed over that requires grad). Out of
    the outermost level a result keeps its history only where it reaches a tensor that requires grad outside the
    level (functorch's outer level tracked only those), else it leaves detached, as functorch unwraps it. Forward over
    reverse (jacfwd(jacrev(f)), jvp of grad): an argument's tangent is set aside, the level runs on its primal with
    the graph kept, and each result leaves as a dual tensor whose tangent is J t from that graph (the engine's
    backward formulas carry no tangents, but are differentiable)."""

    def __init__(self, args, argnums):
        from . import forward_ad as fw
        self.args = list(args)
        nums = argnums if isinstance(argnums, tuple) else (argnums,)
        self.nested, self.outer = _level[0] > 0, autograd.is_grad_enabled()
        self.keep = self.nested or self.outer and any(isinstance(x, Tensor) and x.requires_grad
                                                      for n in nums for x in tree_flatten(self.args[n])[0])
        self.tangents = {}  # id(leaf) -> the tangent its argument carried

        self.tangent_leaves = []
        self.given = {}

        def stripped(x, diff):
            primal, tangent = fw.unpack_dual(x) if isinstance(x, Tensor) else (x, None)
            if tangent is None:
                if not diff:
                    return _wrapped_argument(x, self.given) if isinstance(x, Tensor) else x
                leaf = _leaf(x)
                self.given[id(leaf)] = (leaf, x)
                return leaf
            leaf = _leaf(primal.detach())
            self.given[id(leaf)] = (leaf, x)
            self.tangents[id(leaf)] = tangent
            self.tangent_leaves.append(leaf)
            return leaf
        for n in range(len(self.args)):
            self.args[n] = tree_map(lambda x: stripped(x, n in nums), self.args[n])
        self.keep = self.keep or bool(self.tangents)
        diff = tuple(self.args[n] for n in nums) if isinstance(argnums, tuple) else self.args[argnums]
        self.diff_leaves, self.diff_spec = tree_flatten(diff)

    @contextlib.contextmanager
    def running(self):
        from .saved_hooks import disable_saved_tensors_hooks
        _level[0] += 1
        try:  # (functorch's grad_increment_nesting disables saved-tensor hooks, failing if some are registered)
            with disable_saved_tensors_hooks(NO_SAVED_HOOKS), autograd.enable_grad(), _transform(), \
                    _wrapping(self.given, self.diff_leaves):
                yield
        finally:
            _level[0] -= 1

    def closed_over(self, outputs):
        """Keep the graph where func's outputs reach a tensor that requires grad, not given as an argument. An output
        with a tangent came from a dual tensor func closed over, whose tangent the backward formulas would drop."""
        if any(getattr(o, "_fw_grad", None) is not None for o in outputs):
            raise runtime(FORWARD_OVER_REVERSE)
        self.keep = self.keep or self.outer and any(isinstance(o, Tensor) and o.requires_grad and
                                     autograd.reaches_other_leaf(o, self.diff_leaves) for o in outputs)

    def grads(self, outputs, cotangents, create_graph=None, retain_graph=True):
        from .creation import zeros_like
        if create_graph is None:
            self.closed_over(outputs)
        pairs = [(o, g) for o, g in zip(outputs, cotangents) if o.requires_grad]
        grads = autograd.run_backward([o for o, _ in pairs], [g for _, g in pairs], retain_graph,
                                      self.keep if create_graph is None else create_graph,
                                      inputs=list(self.diff_leaves), allow_unused=True) if pairs \
            else [None] * len(self.diff_leaves)
        return [zeros_like(x) if g is None else g for g, x in zip(grads, self.diff_leaves)]

    def out(self, tree):
        if self.tangents:
            return tree_map(self._dual, tree)
        if self.nested:
            return _unwrapped(tree)
        return _unwrapped(tree_map(lambda x: x if not isinstance(x, Tensor) or self.outer and x.requires_grad and
                        autograd.reaches_other_leaf(x, self.diff_leaves) else x.detach(), tree))

    def _dual(self, y):
        """A result of a level run on primals that had tangents: y's primal with J t as its tangent."""
        if not isinstance(y, Tensor):
            return y
        if not y.dtype.is_floating_point:
            return y.detach()
        import numpy as np
        from . import forward_ad as fw
        from .creation import zeros_like
        tangents = [self.tangents[id(x)] for x in self.tangent_leaves]
        recording = autograd.is_grad_enabled()
        with autograd.enable_grad():
            tangent = fw._jvp_of(y, self.tangent_leaves, tangents, np, autograd, zeros_like, recording,
                                 own=self.diff_leaves)
        if tangent is None:  # (y does not depend on the primals: functorch's tangent is zeros)
            tangent = zeros_like(y).detach()
        keep = self.outer and y.requires_grad and autograd.reaches_other_leaf(y, self.diff_leaves)
        return fw.make_dual(y if keep else y.detach(), tangent)


def _split_aux(out, has_aux, api, check_aux=True):
    if not has_aux:
        return out, None
    if not (isinstance(out, tuple) and len(out) == 2):
        raise runtime(f"{api}: output of function f should be a tuple: (output, aux) if has_aux is True")
    if check_aux:
        _tensor_aux(out[1])
    return out


def _tensor_aux(aux):
    """functorch's _undo_create_differentiable of aux: a pytree of tensors."""
    for x in tree_flatten(aux)[0]:
        if not isinstance(x, Tensor):
            raise runtime(f"Expected tensors, got unsupported type {type(x)}")


def grad_and_value(func, argnums=0, has_aux=False):
    def wrapper(*args, **kwargs):
        t = _Transform(args, _argnums(argnums, len(args)))
        with t.running():
            out, aux = _split_aux(func(*t.args, **kwargs), has_aux, "grad_and_value(f)(*args)", check_aux=False)
            if not isinstance(out, Tensor):
                raise runtime(f"grad_and_value(f)(*args): Expected f(*args) to return a Tensor, got {type(out)}")
            if out.dim() != 0:
                raise runtime(f"grad_and_value(f)(*args): Expected f(*args) to return a scalar Tensor, got tensor "
                              f"with {out.dim()} dims. Maybe you wanted to use the vjp or jacrev APIs instead?")
            errors.library_imported("sympy")  # (PyTorch imports torch._dynamo here)
            grads = tree_unflatten(t.grads([out], [None]), t.diff_spec)
            if has_aux:
                _tensor_aux(aux)
        grads, out, aux = t.out(grads), t.out(out), t.out(aux)
        return (grads, (out, aux)) if has_aux else (grads, out)
    return wrapper


def grad(func, argnums=0, has_aux=False):
    inner = grad_and_value(func, argnums, has_aux)

    def wrapper(*args, **kwargs):
        grads, value = inner(*args, **kwargs)
        return (grads, value[1]) if has_aux else grads
    return wrapper


def _tensor_outputs(flat, api):
    """vjp's checks of f's outputs (jacrev's too: it is vjp's)."""
    if not flat:
        raise runtime(f"{api}: Expected f to be a function that has non-empty output (got output = {flat})")
    for o in flat:
        if not isinstance(o, Tensor):
            raise runtime(f"{api}: expected f(*primals) to return only tensors, got unsupported type {type(o)}")
    for o in flat:
        if not (o.dtype.is_floating_point or o.dtype.is_complex):
            raise runtime(f"vjp(f, ...): All outputs of f must be floating-point or complex Tensors, got Tensor "
                          f"with dtype {o.dtype}")


def _error_if_complex(api, args, is_input):
    """jacrev's and jacfwd's refusal of complex functions (all arguments, not only those differentiated)."""
    for idx, arg in enumerate(tree_flatten(args)[0]):
        if isinstance(arg, Tensor) and arg.dtype.is_complex:
            raise runtime(f"{api}: Expected all {'inputs' if is_input else 'outputs'} to be real but received complex "
                          f"tensor at flattened input idx: {idx}")


def vjp(func, *primals, has_aux=False):
    t = _Transform(primals, tuple(range(len(primals))))
    with t.running():
        out, aux = _split_aux(func(*t.args), has_aux, "vjp(f, *primals)")
        flat_out, out_spec = tree_flatten(out)
        _tensor_outputs(flat_out, "vjp(f, *primals)")
        t.closed_over(flat_out)
    result, aux = t.out(out), t.out(aux)

    def vjp_fn(cotangents, retain_graph=True, create_graph=None):
        flat_cot, cot_spec = tree_flatten(cotangents)
        if cot_spec != out_spec:
            raise runtime(f"Expected pytree structure of cotangents to be the same as pytree structure of outputs to "
                          f"the function. cotangents: {_pprint(cot_spec)}, primal output: {_pprint(out_spec)}")
        keep = autograd.is_grad_enabled() if create_graph is None else create_graph
        if t.tangents and any(getattr(c, "_fw_grad", None) is not None for c in flat_cot):
            raise runtime(FORWARD_OVER_REVERSE)
        with autograd.enable_grad():
            grads = t.grads(flat_out, flat_cot, create_graph=keep and t.keep, retain_graph=retain_graph)
        grads = tree_unflatten(grads, t.diff_spec)
        return t.out(grads)
    vjp_fn.__name__ = vjp_fn.__qualname__ = "_vjp_with_argnums.<locals>.wrapper"
    return (result, vjp_fn, aux) if has_aux else (result, vjp_fn)


def _pprint(spec):
    """torch.utils._pytree.treespec_pprint: the structure with a * for each leaf."""
    return repr(tree_unflatten([_STAR] * spec.num_leaves, spec))


class _Star:
    def __repr__(self):
        return "*"


_STAR = _Star()


def jacrev(func, argnums=0, *, has_aux=False, chunk_size=None, _preallocate_and_copy=False):
    if not (chunk_size is None or chunk_size > 0):
        raise value_error("jacrev: `chunk_size` should be greater than 0.")

    def wrapper(*args, **kwargs):
        from .creation import zeros_like
        from .ops.joining import stack
        _error_if_complex("jacrev", args, True)
        t = _Transform(args, _argnums(argnums, len(args)))
        with t.running():
            out, aux = _split_aux(func(*t.args, **kwargs), has_aux, "vjp(f, *primals)")
            flat_out, out_spec = tree_flatten(out)
            _tensor_outputs(flat_out, "vjp(f, *primals)")
            _error_if_complex("jacrev", flat_out, False)
            zeros = [zeros_like(o) for o in flat_out]
            per_output = []
            for k, o in enumerate(flat_out):  # a row per output element: a vjp with one-hot cotangents
                rows = [[] for _ in t.diff_leaves]
                for j in range(o.numel()):
                    onehot = zeros_like(o).reshape(-1)
                    onehot[j] = 1
                    cot = zeros[:k] + [onehot.view(o.shape)] + zeros[k + 1:]
                    for r, g in zip(rows, t.grads(flat_out, cot)):
                        r.append(g)
                per_output.append(tree_unflatten([
                    (stack(r) if r else x.new_zeros((0,) + tuple(x.shape))).view(tuple(o.shape) + tuple(x.shape))
                    for r, x in zip(rows, t.diff_leaves)], t.diff_spec))
        jac = t.out(tree_unflatten(per_output, out_spec))
        return (jac, t.out(aux)) if has_aux else jac
    return wrapper


def hessian(func, argnums=0):
    inner = jacrev(jacrev(func, argnums), argnums)

    def wrapper(*args, **kwargs):
        # (PyTorch's is jacfwd of jacrev: forward runs under vmap, whose randomness is 'error')
        _error_if_complex("jacfwd", args, True)
        with _transform(vmapping=True, forward=True), _refusing_draws("error"):
            return inner(*args, **kwargs)
    return wrapper


# -- modules --------------------------------------------------------------------------------------------------

def functional_call(module, parameter_and_buffer_dicts, args=None, kwargs=None, *, tie_weights=True, strict=False):
    if isinstance(parameter_and_buffer_dicts, dict):
        values = parameter_and_buffer_dicts
    elif isinstance(parameter_and_buffer_dicts, (list, tuple)):
        if not all(isinstance(d, dict) for d in parameter_and_buffer_dicts):
            raise value_error("Expected all elements of parameter_and_buffer_dicts to be dictionaries")
        seen = {}
        for d in parameter_and_buffer_dicts:
            for k in d:
                seen[k] = seen.get(k, 0) + 1
        repeated = [k for k, n in seen.items() if n > 1]
        if repeated:
            raise value_error(f"{repeated} appeared in multiple dictionaries; behavior of functional call is "
                              f"ambiguous")
        values = {k: v for d in parameter_and_buffer_dicts for k, v in d.items()}
    else:
        raise value_error(f"Expected parameter_and_buffer_dicts to be a dict, or a list/tuple of dicts, but got "
                          f"{type(parameter_and_buffer_dicts)}")
    if tie_weights:
        values = _untied(module, values)
    if strict:
        expected = {k for k, _ in module.named_parameters()} | {k for k, _ in module.named_buffers()}
        missing, unexpected = sorted(expected - set(values)), sorted(set(values) - expected)
        if missing or unexpected:
            errors = []
            if unexpected:
                errors.append("Unexpected key(s): " + ", ".join(repr(k) for k in unexpected) + ".")
            if missing:
                errors.append("Missing key(s): " + ", ".join(repr(k) for k in missing) + ".")
            raise runtime(f"Error(s) in reparametrizing for {type(module).__name__}:\n\t" + "\n\t".join(errors))
    swapped = []  # (the dict, the name, what it held): put back however the call ends
    try:
        for key, value in values.items():
            *path, name = key.split(".")
            owner = module
            for p in path:
                owner = getattr(owner, p)
            d = owner.__dict__
            table = d["_parameters"] if name in d["_parameters"] else d["_buffers"] if name in d["_buffers"] else None
            if table is None:
                swapped.append((d, name, d.get(name, _MISSING)))
                d[name] = value
            else:
                swapped.append((table, name, table[name]))
                table[name] = value
        if args is None:
            args = ()
        elif not isinstance(args, tuple):
            args = (args,)
        return module(*args, **(kwargs or {}))
    finally:
        for table, name, old in reversed(swapped):
            if old is _MISSING:
                del table[name]
            else:
                table[name] = old


_MISSING = object()


def _untied(module, values):
    """torch.nn.utils.stateless's _untie_named_tensors_map: a value given for one name of a tensor the module holds
    under several names (tied weights) stands for all of them."""
    names_of = {}
    for name, t in list(module.named_parameters(remove_duplicate=False)) + \
            list(module.named_buffers(remove_duplicate=False)):
        names_of.setdefault(id(t), set()).add(name)
    tied = {name: names for names in names_of.values() if len(names) > 1 for name in names}
    given = [name for name in values if name in tied]
    for name in given:
        names = tied[name]
        if len(names.intersection(given)) > 1 and len({id(values.get(n)) for n in names}) != 1:
            raise value_error(f"functional_call got multiple values for keys {sorted(names)}, which are tied. "
                              f"Consider using tie_weights=False")
    untied = dict(values)
    for name in given:
        for other in tied[name]:
            untied[other] = values[name]
    return untied


def stack_module_state(models):
    from .ops.joining import stack
    models = list(models)
    if not models:
        raise runtime("stack_module_state: Expected at least one model, got 0.")
    if not (all(m.training for m in models) or all(not m.training for m in models)):
        raise runtime("stack_module_state: Expected all models to have the same training/eval mode.")
    if not all(type(m) is type(models[0]) for m in models):
        raise runtime("stack_module_state: Expected all models to be of the same class.")

    def stacked(tensors, name):
        grads = [x.requires_grad for x in tensors]
        if any(grads) and not all(grads):
            raise runtime(f"Expected {name} from each model to have the same .requires_grad")
        result = stack(tensors)
        return result.detach().requires_grad_() if all(grads) else result

    def collect(named):
        tables = [dict(named(m)) for m in models]
        return {k: stacked(tuple(t[k] for t in tables), k) for k in tables[0]}
    return collect(lambda m: m.named_parameters()), collect(lambda m: m.named_buffers())


# -- vmap -----------------------------------------------------------------------------------------------------

@contextlib.contextmanager
def _refusing_draws(mode):
    """The function runs under vmap's randomness mode: its random ops check it at their start (random.random_op);
    in 'error' mode any other draw of the generators is refused too."""
    from . import random as rng
    outer, rng.VMAP_RANDOMNESS[0] = rng.VMAP_RANDOMNESS[0], mode
    words = rng.Generator._words

    def refuse(self, n):
        raise runtime(messages.VMAP_RANDOM_IN_ERROR_MODE)
    if mode == "error":
        rng.Generator._words = refuse
    try:
        yield
    finally:
        rng.Generator._words = words
        rng.VMAP_RANDOMNESS[0] = outer


def _check_randomness(randomness):
    if randomness not in ("error", "different", "same"):
        raise runtime(f"Only allowed values for randomness are 'error', 'different', or 'same'. Got {randomness}")


def vmap(func, in_dims=0, out_dims=0, randomness="error", *, chunk_size=None):
    _check_randomness(randomness)
    if not (chunk_size is None or chunk_size > 0):
        raise value_error(f"vmap: chunk_size should be None or greater than 0. (got {chunk_size})")

    def wrapped(*args, **kwargs):
        name = _name(func)
        if not isinstance(out_dims, int):
            for d in tree_flatten(out_dims)[0]:
                if d is not None and not isinstance(d, int):
                    raise value_error(f"vmap({name}, ..., out_dims={out_dims}): `out_dims` must be an int, None or a "
                                      f"python collection of ints representing where in the outputs the vmapped "
                                      f"dimension should appear.")
        head = f"vmap({name}, in_dims={in_dims}, ...)(<inputs>)"
        if not isinstance(in_dims, (int, tuple)):
            raise value_error(f"{head}: expected `in_dims` to be int or a (potentially nested) tuple matching the "
                              f"structure of inputs, got: {type(in_dims)}.")
        if not args:
            raise value_error(f"vmap({name})(<inputs>): got no inputs. Maybe you forgot to add inputs, or you are "
                              f"trying to vmap over a function with no inputs. The latter is unsupported.")
        flat_args, args_spec = tree_flatten(args)
        flat_dims = broadcast_to_and_flatten(in_dims, args_spec)
        if flat_dims is None:
            raise value_error(f"{head}: in_dims is not compatible with the structure of `inputs`. in_dims has "
                              f"structure {tree_flatten(in_dims)[1]} but inputs has structure {args_spec}.")
        for i, (arg, d) in enumerate(zip(flat_args, flat_dims)):
            if d is not None and not isinstance(d, int):
                raise value_error(f"{head}: Got in_dim={d} for an input but in_dim must be either an integer "
                                  f"dimension or None.")
            if isinstance(d, int) and not isinstance(arg, Tensor):
                raise value_error(f"{head}: Got in_dim={d} for an input but the input is of type {type(arg)}. We "
                                  f"cannot vmap over non-Tensor arguments, please use None as the respective in_dim")
            if d is not None and not -arg.dim() <= d < arg.dim():
                raise value_error(f"{head}: Got in_dim={d} for some input, but that input is a Tensor of "
                                  f"dimensionality {arg.dim()} so expected in_dim to satisfy -{arg.dim()} <= in_dim "
                                  f"< {arg.dim()}.")
            if d is not None and d < 0:
                flat_dims[i] = d % arg.dim()
        sizes = [arg.size(d) for arg, d in zip(flat_args, flat_dims) if d is not None]
        if not sizes:
            raise value_error("vmap: Expected at least one Tensor to vmap over")
        if any(s != sizes[0] for s in sizes):
            raise value_error(f"vmap: Expected all tensors to have the same size in the mapped dimension, got sizes "
                              f"{sizes} for the mapped dimension")
        cls = _custom_function(func)
        if cls is not None and not kwargs and all(isinstance(c, LeafSpec) for c in args_spec._children):
            from .function import vmap_rule
            rule = vmap_rule(cls)
            if rule is not None:
                return _run_vmap_rule(rule, flat_args, flat_dims, sizes[0], out_dims, randomness, chunk_size, name)
        if not kwargs and out_dims == 0 and flat_dims == [0, 0] and args_spec == _PAIR:
            batched = _batched_product(func, *flat_args)
            if batched is not None:
                return batched
        return _run_vmap(func, name, flat_args, flat_dims, args_spec, kwargs, sizes[0], out_dims, randomness,
                         chunk_size)
    return wrapped


_PAIR = TreeSpec(tuple, None, [LEAF, LEAF])


def _custom_function(func):
    """The Function subclass whose `apply` is func (vmap(F.apply): its vmap rule sees the whole batch, as in PyTorch;
    an F.apply inside a function of the program runs per element)."""
    from .function import Function
    owner = getattr(func, "__self__", None)
    if isinstance(owner, type) and issubclass(owner, Function) and getattr(func, "__name__", None) == "apply":
        return owner
    return None


VmapInfo = collections.namedtuple("VmapInfo", ["batch_size", "randomness"])
VmapInfo.__module__ = "torch._functorch.autograd_function"
VmapInfo.__api__ = frozenset({"batch_size", "randomness", "count", "index", "_asdict", "_fields", "_replace"})


def _run_vmap_rule(rule, flat_args, flat_dims, size, out_dims, randomness, chunk_size, name):
    """A Function's vmap staticmethod called with the batched inputs (chunk by chunk), its (output, out_dims)
    checked, each output's batch dim moved to vmap's out_dims (an unbatched output expanded to the batch)."""
    from .ops.joining import cat
    step = chunk_size or size
    chunks, spec = [], None
    for start in range(0, size, step):
        n = min(step, size - start)
        args = [a if d is None or n == size else a.narrow(d, start, n) for a, d in zip(flat_args, flat_dims)]
        passed = {id(a): d for a, d in zip(args, flat_dims) if isinstance(a, Tensor)}
        result = rule(VmapInfo(n, randomness), tuple(flat_dims), *args)
        head = ("Expected the vmap staticmethod to have two returns, an output and out_dims with pytree structure "
                "compatible with the output. ")
        if not isinstance(result, tuple):
            raise runtime(head + f"Got a {_type_repr(result)} instead")
        if len(result) != 2:
            raise runtime(head + f"Got {len(result)} returns instead")
        output, rule_dims = result
        flat_out, spec = tree_flatten(output)
        flat_rule_dims = broadcast_to_and_flatten(rule_dims, spec)
        if flat_rule_dims is None:
            raise runtime(f"The autograd.Function's vmap staticmethod returned an incompatible (output, out_dims) "
                          f"tuple. Expected out_dims={rule_dims} to be compatible with the structure of `output`. "
                          f"out_dims has structure {tree_flatten(rule_dims)[1]} but output has structure {spec}. For "
                          f"more details, please see https://pytorch.org/docs/main/notes/extending.func.html")
        # (an input returned as it is keeps its own batch dim, whatever out_dims says)
        dims = [passed[id(o)] if id(o) in passed else d for o, d in zip(flat_out, flat_rule_dims)]
        chunks.append([o if not isinstance(o, Tensor) else o.unsqueeze(0).expand((n,) + tuple(o.shape))
                       if d is None else _moved(o, d, 0) for o, d in zip(flat_out, dims)])
    flat = [c[0] if len(chunks) == 1 or not isinstance(c[0], Tensor) else cat(list(c), 0) for c in zip(*chunks)]
    flat_out_dims = [out_dims] * len(flat) if isinstance(out_dims, int) or out_dims is None else \
        broadcast_to_and_flatten(out_dims, spec)
    if flat_out_dims is None:
        raise value_error(f"vmap({name}, ..., out_dims={out_dims})(<inputs>): out_dims is not compatible with the "
                          f"structure of `outputs`. out_dims has structure {tree_flatten(out_dims)[1]} but outputs "
                          f"has structure {spec}.")
    return tree_unflatten([_moved(o, 0, d) if isinstance(o, Tensor) and d is not None else o
                           for o, d in zip(flat, flat_out_dims)], spec)


def _moved(t, source, destination):
    """The batch dim moved (the tensor itself where it already is: no PermuteBackward0 in its history)."""
    if source % max(t.dim(), 1) == destination % max(t.dim(), 1):
        return t
    return t.movedim(source, destination)


def _type_repr(value):
    return "<class 'torch.Tensor'>" if isinstance(value, Tensor) else str(type(value))


def _batched_product(func, a, b):
    """vmap(torch.mm / mv / dot / matmul) over the first dims as PyTorch's batching rules compute them: one bmm,
    whose sums round as PyTorch's vmap's do (a loop of mm would round as a loop does), and the rules' errors."""
    from .ops.registry import FUNCTIONS
    from .ops.linalg import bmm
    kind = next((k for k in ("mm", "mv", "dot", "matmul") if func is FUNCTIONS.get(k)), None)
    ranks = {"mm": (3, 3), "mv": (3, 2), "dot": (2, 2)}.get(kind)
    if kind == "matmul":
        kind = {(3, 3): "mm", (3, 2): "mv", (2, 2): "dot"}.get((a.dim(), b.dim()))
    elif kind is not None and (a.dim(), b.dim()) != ranks:
        if kind == "dot":
            raise runtime("Got wrong shapes for dot")
        raise runtime(f"Shape mismatch: Got incorrect dims for {kind}(a, b). a has dim {a.dim() - 1}and b has dim "
                      f"{b.dim() - 1}but expected them to have dim {ranks[0] - 1} and dim {ranks[1] - 1}")
    if kind == "mm":  # (matmul's bmm: its history is UnsafeViewBackward0, as PyTorch's rule's; bmm's errors)
        from .ops.linalg import matmul
        return matmul(a, b) if a.shape[0] == b.shape[0] and a.shape[2] == b.shape[1] and a.dtype is b.dtype \
            else bmm(a, b)
    if kind == "mv":
        return bmm(a, b.unsqueeze(-1)).squeeze(-1)
    if kind == "dot":
        return bmm(a.unsqueeze(-2), b.unsqueeze(-1)).squeeze(-1).squeeze(-1)
    return None


def _each_element(size, randomness, run):
    """[run(i) for i < size] as the elements of one vmapped batch: 'error' refuses draws, 'same' gives each element
    what the first drew (every generator put back before it, and after it where the first left it)."""
    from .random import LIVE_GENERATORS
    results, start = [], None
    with _refusing_draws(randomness), _transform(vmapping=True):
        if randomness == "same":  # (the default generator's and a program's own: any may be drawn from)
            start = [(g, g._snapshot()) for g in list(LIVE_GENERATORS)]
        for i in range(size):
            if start is not None and i:
                after = [(g, g._snapshot()) for g, _ in start]
                for g, snap in start:
                    g._restore(snap)
            results.append(run(i))
            if start is not None and i:
                for g, snap in after:
                    g._restore(snap)
    return results


def _run_vmap(func, name, flat_args, flat_dims, args_spec, kwargs, size, out_dims, randomness, chunk_size=None):
    prints = _VmapPrints(BATCHING[0] + 1, chunk_size or size) if not FUNC_LEVELS and size else None

    whole = not chunk_size or chunk_size >= size
    elements = []  # (with one chunk: each element's picked inputs, to tell an output that is an input's element)

    def element(i):
        chunk = chunk_size or size
        BATCH_SIZE[0] = min(chunk, size - i // chunk * chunk)  # (the physical batch of the chunk i is in)
        outer, BATCH_ELEMENT[0] = BATCH_ELEMENT[0], i % chunk
        try:
            return element_of_chunk(i)
        finally:
            BATCH_ELEMENT[0] = outer

    def element_of_chunk(i):
        picked = [a if d is None else _batched(a.select(d, i)) for a, d in zip(flat_args, flat_dims)]
        if whole:
            elements.append(picked)
        if prints is None:
            return func(*tree_unflatten(picked, args_spec), **kwargs)
        prints.inputs.update((id(p), (p, a, d, size, i)) for p, a, d in zip(picked, flat_args, flat_dims)
                             if d is not None)
        with prints.row(i):
            return func(*tree_unflatten(picked, args_spec), **kwargs)
    BATCHING[0] += 1
    try:
        if size == 0:  # (PyTorch runs func once, on a batch of nothing: the outputs' shapes, with no elements)
            return _run_vmap_of_nothing(func, name, flat_args, flat_dims, args_spec, kwargs, out_dims, randomness)
        results = _each_element(size, randomness, element)
    finally:
        BATCHING[0] -= 1
        if prints is not None:
            prints.emit()
    inputs = (flat_args, flat_dims, elements) if whole else None
    return _stacked_outputs(name, results, out_dims, inputs=inputs)


def _returned_input(k, flats, inputs):
    """The index of the mapped input whose element every element's output k is (the function returned its argument
    as it is), or None: PyTorch's unwrapping then gives that input itself (its batch dim moved to out_dims)."""
    flat_args, flat_dims, elements = inputs
    first = flats[0][k]
    j = next((j for j, p in enumerate(elements[0]) if p is first and flat_dims[j] is not None), None)
    if j is None or any(f[k] is not e[j] for f, e in zip(flats, elements)):
        return None
    return j


def _batched(t):
    """An element of a vmapped input: a BatchedTensor's, whose data the program cannot read (tensorimpl.BATCHING)."""
    t._vmap_batched = True
    return t


class _VmapPrints:
    """What a vmapped function prints, as PyTorch's one run over the batch (a run per chunk of chunk_size) prints it:
    the first element's text of each chunk, each batched tensor in it shown as functorch's BatchedTensor of the chunk
    (an input: itself, or its chunk, and its in_dim; a result: the elements' values stacked on dim 0, its batching
    rules' usual batch dim); the other elements' text is dropped (the function ran once a chunk in PyTorch)."""

    MARK = "\x00batched{}.{}.{}\x00"  # (the level's own marks: an inner vmap's text holds its outer's)

    def __init__(self, level, chunk):
        self.chunks, self.values, self.inputs, self.index, self.current, self.stdout = [], [], {}, 0, 0, None
        self.level, self.chunk, self.first = level, chunk, True

    @contextlib.contextmanager
    def row(self, i):
        import sys
        self.current, self.index, self.first = i, 0, i % self.chunk == 0
        if self.first:
            self.values.append([])  # (this chunk's batched tensors, in the order printed)
        outer, PRINTED_IN_VMAP[0] = PRINTED_IN_VMAP[0], self
        stdout, sys.stdout = sys.stdout, self
        self.stdout = stdout.stdout if isinstance(stdout, _VmapPrints) else stdout  # (where the text goes at last)
        try:
            yield
        finally:
            PRINTED_IN_VMAP[0], sys.stdout = outer, stdout

    def write(self, text, sink=None):
        """Python's print (sys.stdout is this while a row runs) or the language's (sink: where it would have gone)."""
        if self.first:
            self.chunks.append((text, sink or self.stdout.write))
        return len(text)

    def flush(self):  # (a print's flush=True while a row runs: nothing is written before the rows are done)
        pass

    def emit(self):
        """The first element's text to where it was going (through an outer vmap's rows, if one runs), its batched
        tensors shown whole (a repr inside an outer one's indented as far as its mark)."""
        outer = PRINTED_IN_VMAP[0]
        for text, sink in self.chunks:
            for c, printed in enumerate(self.values):
                for k, rows in enumerate(printed):
                    mark = self.MARK.format(self.level, c, k)
                    while mark in text:
                        at = text.index(mark)
                        line = text[:at].rsplit("\n", 1)[-1]  # (an inner repr's mark: indented as its line is)
                        indent = line if not line.strip() else ""
                        text = text[:at] + self._repr(rows).replace("\n", "\n" + indent) + text[at + len(mark):]
            outer.write(text, sink) if outer is not None else sink(text)
        self.chunks = []

    def batched_repr(self, t):
        k, self.index = self.index, self.index + 1
        printed = self.values[-1]
        if self.first:
            printed.append([])
        if k < len(printed):
            printed[k].append(t)
        return self.MARK.format(self.level, len(self.values) - 1, k)

    def _repr(self, rows):
        from .ops.joining import stack
        given = self.inputs.get(id(rows[0]))
        if given is not None and given[0] is rows[0]:
            value, dim = given[1], given[2]
            if len(rows) < given[3]:  # (a chunk: PyTorch's split of the input)
                value = value.narrow(dim, given[4], len(rows))
        else:
            with autograd.no_grad():
                value, dim = stack([r.detach() for r in rows]), 0
            value._vmap_batched = False
        return f"BatchedTensor(lvl={self.level}, bdim={dim}, value=\n{textwrap.indent(repr(value), '    ')}\n)"


def _run_vmap_of_nothing(func, name, flat_args, flat_dims, args_spec, kwargs, out_dims, randomness):
    """vmap over a batch dim of size 0: func called once, on zeros of an element's shape (each element of nothing),
    and each mapped output a tensor of nothing of the output's shape and dtype, its batch dim of size 0 at out_dims."""
    picked = [a if d is None else a.new_zeros(a.shape[:d] + a.shape[d + 1:]) for a, d in zip(flat_args, flat_dims)]
    result, = _each_element(1, randomness, lambda i: func(*tree_unflatten(picked, args_spec), **kwargs))
    flat, spec = tree_flatten(result)
    nothing = [o.new_zeros((0,) + tuple(o.shape)) if isinstance(o, Tensor) else o for o in flat]
    return _stacked_outputs(name, [tree_unflatten(nothing, spec)], out_dims, along=False)


def _stacked_outputs(name, results, out_dims, along=True, inputs=None):
    """The elements' outputs stacked at out_dims (along=False: results holds one output, its batch dim first);
    inputs: (the mapped inputs, their in_dims, each element's picked inputs) of a run in one chunk, whose input
    returned as it is comes back itself."""
    flat0, out_spec = tree_flatten(results[0])

    def incompatible():
        return value_error(f"vmap({name}, ..., out_dims={out_dims})(<inputs>): out_dims is not compatible with the "
                           f"structure of `outputs`. out_dims has structure {tree_flatten(out_dims)[1]} but outputs "
                           f"has structure {out_spec}.")
    if isinstance(results[0], Tensor):
        if isinstance(out_dims, int) or out_dims is None:
            flat_out_dims = [out_dims]
        elif isinstance(out_dims, tuple) and len(out_dims) == 1:
            flat_out_dims = list(out_dims)
        else:
            raise incompatible()
    else:
        flat_out_dims = broadcast_to_and_flatten(out_dims, out_spec)
        if flat_out_dims is None:
            raise incompatible()
    flats = [tree_flatten(r)[0] for r in results]
    outputs = []
    for k, d in enumerate(flat_out_dims):
        if d is None:
            outputs.append(flat0[k])
            continue
        if not isinstance(flat0[k], Tensor):
            raise value_error(f"vmap({name}, ...): `{name}` must only return Tensors, got type {type(flat0[k])}. "
                              f"Did you mean to set out_dims= to None for output?")
        from .ops.joining import stack
        j = _returned_input(k, flats, inputs) if inputs is not None and along else None
        if j is not None:
            outputs.append(_moved(inputs[0][j], inputs[1][j], d))
            continue
        outputs.append(stack([f[k] for f in flats], d) if along else _moved(flat0[k], 0, d))
    return tree_unflatten(outputs, out_spec)


NAMESPACE = {"grad": grad, "grad_and_value": grad_and_value, "vjp": vjp, "jacrev": jacrev, "hessian": hessian,
             "vmap": vmap, "functional_call": functional_call, "stack_module_state": stack_module_state}


# -- forward mode (forward_ad.py's dual tensors) ----------------------------------------------------------------

def jvp(func, primals, tangents, *, strict=False, has_aux=False):
    from . import forward_ad as fw
    if not isinstance(primals, tuple):
        raise runtime("jvp(f, primals, tangents): Expected primals to be a tuple. E.g. it should be valid to call "
                      "f(*primals).")
    flat_p, p_spec = tree_flatten(primals)
    flat_t, t_spec = tree_flatten(tangents)
    if p_spec != t_spec:
        raise runtime(f"jvp(f, primals, tangents): Expected primals and tangents to have the same python structure. "
                      f"For example, if primals is a tuple of 3 tensors, tangents also must be. Got primals with "
                      f"structure {p_spec} and tangents with structure {t_spec}")
    for argname, flat in (("primals", flat_p), ("tangents", flat_t)):
        if not flat:
            raise runtime(f"jvp(f, primals, tangents): Expected {argname} to contain at least one Tensor.")
        for x in flat:
            if not isinstance(x, Tensor):
                raise runtime(f"jvp(f, primals, tangents): Expected {argname} to only contain Tensors, got {type(x)}")
    with fw.dual_level(), _transform(), _wrapping():
        # (a tangent is the level's tensor too: an alias made inside it, unless one that requires grad is kept)
        duals = [fw.make_dual(p, t if t.requires_grad else t._alias(t._shape, t._stride, t._offset))
                 for p, t in zip(flat_p, flat_t)]
        out, aux = _split_aux(func(*tree_unflatten(duals, p_spec)), has_aux, "jvp(f, primals, tangents)")
        errors.library_imported("sympy")  # (PyTorch imports torch._dynamo here)
        flat_out, out_spec = tree_flatten(out)
        for o in flat_out:
            if not isinstance(o, Tensor):
                raise runtime(f"jvp(f, primals, tangents): expected f(*primals) to return only tensors, got "
                              f"unsupported type {type(o)}")
        from .creation import zeros_like
        from .ops.views import alias
        pairs = [fw.unpack_dual(o) for o in flat_out]  # (the primals leave as aliases: AliasBackward0 in history)
        primal_out = tree_unflatten([alias(o) if o.requires_grad else o.detach() for o in flat_out], out_spec)
        tangent_out = tree_unflatten([zeros_like(p) if t is None else t for p, t in pairs], out_spec)
    return _unwrapped((primal_out, tangent_out, aux) if has_aux else (primal_out, tangent_out))


def jacfwd(func, argnums=0, has_aux=False, *, randomness="error"):
    def wrapper(*args):
        from .creation import zeros_like
        from .ops.joining import stack
        _check_randomness(randomness)
        _error_if_complex("jacfwd", args, True)
        nums = _argnums(argnums, len(args))
        diff = tuple(args[n] for n in nums) if isinstance(nums, tuple) else args[nums]
        flat_in, in_spec = tree_flatten(diff)

        def f(*d):
            full = list(args)
            new = tree_unflatten(list(d), in_spec)
            for i, n in enumerate(nums if isinstance(nums, tuple) else (nums,)):
                full[n] = new[i] if isinstance(nums, tuple) else new
            return func(*full)

        def column(c):  # a column per input element: a jvp with a one-hot tangent (PyTorch vmaps these jvps)
            tangents = [zeros_like(y) for y in flat_in]
            if columns[c] is not None:
                k, j = columns[c]
                tangents[k] = tangents[k].reshape(-1)
                tangents[k][j] = 1
                tangents[k] = tangents[k].view(flat_in[k].shape)
            return jvp(f, tuple(flat_in), tuple(tangents), has_aux=has_aux)
        # (no element at all: one jvp of zero tangents, for the output's shape)
        columns = [(k, j) for k, x in enumerate(flat_in) for j in range(x.numel())] or [None]
        results = _each_element(len(columns), randomness, column)
        out, aux = results[0][0], results[0][2] if has_aux else None
        _error_if_complex("jacfwd", out, False)
        out_spec = tree_flatten(results[0][1])[1]
        flat_out = tree_flatten(out)[0]
        flat_cols = iter(tree_flatten(res[1])[0] for res in results if columns[0] is not None)
        per_input = []
        for k, x in enumerate(flat_in):
            cols = [next(flat_cols) for _ in range(x.numel())]
            per_input.append([(stack([c[m] for c in cols], -1) if cols else o.new_zeros(o.shape + (0,)))
                              .view(tuple(o.shape) + tuple(x.shape)) for m, o in enumerate(flat_out)])
        jac = tree_unflatten([tree_unflatten([per_input[k][m] for k in range(len(flat_in))], in_spec)
                              for m in range(len(per_input[0]))], out_spec)
        return (jac, aux) if has_aux else jac
    return wrapper


def linearize(func, *primals):
    """torch.func.linearize: func's output at the primals, and a function of tangents giving jvp's (checked as
    PyTorch checks them). PyTorch traces the jvp into an FX graph and const-folds it, which warns (at one line of
    torch.fx's const_fold.py, so Python's default filter shows it once); here each call of jvp_fn runs jvp again."""
    from .errors import warn_once
    errors.library_imported("sympy")  # (PyTorch's make_fx imports it)
    output = func(*primals)
    _, output_spec = tree_flatten(output)
    flat_primals, primals_spec = tree_flatten(primals)
    if flat_primals:
        warn_once("Attempted to insert a get_attr Node with no underlying reference in the owning GraphModule! Call "
                  "GraphModule.add_submodule to add the necessary submodule, GraphModule.add_parameter to add the "
                  "necessary Parameter, or nn.Module.register_buffer to add the necessary buffer")

    def jvp_fn(*tangents):
        flat_tangents, tangents_spec = tree_flatten(tangents)
        if tangents_spec != primals_spec:
            raise runtime(f"Expected the tangents {tangents_spec} to have the same argspec as the primals "
                          f"{primals_spec}")
        for i, (t, p) in enumerate(zip(flat_tangents, flat_primals)):
            for what, mine, theirs in (("shape", t.shape, p.shape), ("device", t.device, p.device),
                                       ("dtype", t.dtype, p.dtype)):
                if mine != theirs:
                    raise runtime(f"tangent:{i} with {what} {mine} in flattened pytree doesn't match the {what} "
                                  f"{theirs} of the corresponding primal.")
        return tree_unflatten(tree_flatten(jvp(func, primals, tangents)[1])[0], output_spec)
    jvp_fn.__name__, jvp_fn.__qualname__ = "jvp_fn", "linearize.<locals>.jvp_fn"
    return output, jvp_fn


NAMESPACE.update(jvp=jvp, jacfwd=jacfwd, linearize=linearize)

"""torch.utils.checkpoint (torch/utils/checkpoint.py): a function run without keeping what its ops save, run again
in backward to get those tensors back. Both variants as PyTorch's: use_reentrant=False packs every saved tensor into
a placeholder and recomputes on the first unpack of each backward (stopping early once all are back), checking
their number and metadata; use_reentrant=True is a custom Function (CheckpointFunctionBackward) whose forward runs
under no_grad and whose backward reruns the function with grad and backpropagates through it. The global RNG state
of the forward is restored for the recomputation and left as it was after it (preserve_rng_state)."""
import functools
import itertools

from . import autograd, random as rng
from .autograd import SavedTensor
from .errors import TorchError, library_imported, python_class, runtime, value_error, warn
from .function import Function
from .saved_hooks import saved_tensors_hooks
from .tensorimpl import Tensor

CHECKPOINT_ERROR = "torch.utils.checkpoint.CheckpointError"


class CheckpointError(TorchError, RuntimeError):
    """torch.utils.checkpoint.CheckpointError (a RuntimeError)."""

    def __init__(self, message):
        TorchError.__init__(self, CHECKPOINT_ERROR, message)


DEBUG_TIP = """
Tip: To see a more detailed error message, either pass `debug=True` to
`torch.utils.checkpoint.checkpoint(...)` or wrap the code block
with `with torch.utils.checkpoint.set_checkpoint_debug_enabled(True):` to
enable checkpoint\u2011debug mode globally.

If this error occurs under torch.compile with automatic_dynamic_shapes enabled,
it may be because the recomputation selected a different compiled graph than the
forward pass (e.g., a dynamic graph instead of the original static graph).
To fix this, either:
  - Use torch._dynamo.mark_dynamic() to explicitly mark varying dimensions as
    dynamic upfront, avoiding the static-to-dynamic transition.
  - Call torch._C._dynamo.eval_frame._set_lru_cache(False) to disable LRU cache
    reordering, which can change which graph is checked first between forward
    and recompute.
See https://github.com/pytorch/pytorch/issues/166926 for more details and
workaround examples.
"""
_EXPLICIT = ("the use_reentrant parameter should be passed explicitly. ")
_RECOMMEND = ("use_reentrant=False is recommended, but if you need to preserve the current default behavior, you can "
              "pass use_reentrant=True. Refer to docs for more details on the differences between the two variants.")
_DETERMINISM = ("default", "none")
_UNPACK_OUTSIDE = itertools.count(1 << 62)  # an unpack outside any backward is its own task (PyTorch: a uuid)


def _forked_rng(state, fn, *args):
    """fn(*args) from the global generator's `state` (None: as it is), the generator left as before."""
    if state is None:
        return fn(*args)
    before = rng.Generator.get_state(rng.default_generator)
    rng.Generator.set_state(rng.default_generator, state)
    try:
        return fn(*args)
    finally:
        rng.Generator.set_state(rng.default_generator, before)


def _metadata(x):
    return {"shape": x.shape, "dtype": x.dtype, "device": x.device}


class _Stop(Exception):
    """PyTorch's _StopRecomputationError: every saved tensor is back, the rest of the function is not run."""


class _Holder:
    __slots__ = ("index", "__weakref__")

    def __init__(self, index):
        self.index = index


class _Frame:
    """One non-reentrant checkpoint call: its inputs (saved, version-checked), the metadata of what its ops saved,
    and per backward task the recomputed tensors."""

    def __init__(self, recompute, early_stop, check):
        self.recompute, self.early_stop, self.check = recompute, early_stop, check
        self.saved_args = ()
        self.metadata = []  # one per tensor the forward's ops saved (in order; the holder's index)
        self.recomputed = {}  # task -> {index: tensor}
        self.counter = {}  # task -> how many tensors the recomputation saved
        self.unpacked = {}  # task -> indices unpacked already
        self.forward_completed = False

    def pack(self, x):
        self.metadata.append(_metadata(x) if self.check else None)
        return _Holder(len(self.metadata) - 1)

    def unpack(self, holder):
        task = autograd.GRAPH_TASK[0]
        gid = task[0] if task is not None else next(_UNPACK_OUTSIDE)
        if gid not in self.recomputed:
            self._recompute(gid)
        done = self.unpacked.setdefault(gid, set())
        if holder.index in done:
            raise CheckpointError("torch.utils.checkpoint: Unpack is being triggered for a tensor that was already "
                                  "unpacked once. If you are calling ctx.saved_tensors in backward, make sure to do "
                                  "so only once. Otherwise please open an issue with details on your use case.")
        done.add(holder.index)
        return self.recomputed[gid][holder.index]

    def _recompute(self, gid):
        args = [a.unpack(None) if isinstance(a, SavedTensor) else a for a in self.saved_args]
        self.recomputed[gid], self.counter[gid] = {}, 0

        def pack(x):
            x = x.detach() if x.requires_grad else x
            i = self.counter[gid]
            self.counter[gid] = i + 1
            if i >= len(self.metadata):
                raise CheckpointError("torch.utils.checkpoint: trying to save more tensors during recomputation "
                                      "than during the original forward pass.\n" + DEBUG_TIP)
            self.recomputed[gid][i] = x
            if self.early_stop and i + 1 == len(self.metadata):
                raise _Stop()
            return x
        previous = autograd._grad_enabled[0]
        autograd._grad_enabled[0] = True
        try:
            with saved_tensors_hooks(pack, lambda x: x):
                self.recompute(*args)
        except _Stop:
            pass
        finally:
            autograd._grad_enabled[0] = previous
        self._check(gid)

    def _check(self, gid):
        if len(self.metadata) != self.counter[gid]:
            raise CheckpointError(
                "torch.utils.checkpoint: A different number of tensors was saved during the original forward and "
                f"recomputation.\nNumber of tensors saved during forward: {len(self.metadata)}\n"
                f"Number of tensors saved during recomputation: {self.counter[gid]}.\n" + DEBUG_TIP)
        if not self.check:
            return
        different = ""
        for i, meta in enumerate(self.metadata):
            now = _metadata(self.recomputed[gid][i])
            if meta != now:
                different += f"tensor at position {i}:\nsaved metadata: {meta}\nrecomputed metadata: {now}\n"
        if different:
            raise CheckpointError("torch.utils.checkpoint: Recomputed values for the following tensors have different "
                                  f"metadata than during the forward pass.\n{different}.\n" + DEBUG_TIP)


def _without_reentrant(function, preserve, determinism_check, early_stop, args, kwargs):
    if determinism_check not in _DETERMINISM:
        raise value_error(f"determinism_check should be one of {list(_DETERMINISM)}, but got {determinism_check}")
    state = rng.Generator.get_state(rng.default_generator) if preserve else None
    frame = _Frame(lambda *a: _forked_rng(state, functools.partial(function, **kwargs), *a), early_stop,
                   determinism_check == "default")
    if not autograd._grad_enabled[0]:
        return function(*args, **kwargs)
    frame.saved_args = [SavedTensor(a) if isinstance(a, Tensor) else a for a in args]
    with saved_tensors_hooks(frame.pack, frame.unpack):
        out = function(*args, **kwargs)
    frame.forward_completed = True
    return out


def _backward_validity(args):
    if not any(a.requires_grad for a in args if isinstance(a, Tensor)):
        # (stacklevel=2 from forward names Function.apply's line in torch: shown once per process)
        warn("None of the inputs have requires_grad=True. Gradients will be None", site="torch.autograd.function.apply")


class CheckpointFunction(Function):
    """The reentrant variant: forward under no_grad, backward recomputes with grad and backpropagates."""

    @staticmethod
    def forward(ctx, run_function, preserve_rng_state, *args):
        _backward_validity(args)
        ctx.run_function = run_function
        ctx.state = rng.Generator.get_state(rng.default_generator) if preserve_rng_state else None
        ctx.inputs = [None if isinstance(a, Tensor) else a for a in args]
        ctx.tensor_indices = [i for i, a in enumerate(args) if isinstance(a, Tensor)]
        ctx.save_for_backward(*(a for a in args if isinstance(a, Tensor)))
        previous = autograd._grad_enabled[0]
        autograd._grad_enabled[0] = False
        try:
            return run_function(*args)
        finally:
            autograd._grad_enabled[0] = previous

    @staticmethod
    def backward(ctx, *grads):
        task = autograd.GRAPH_TASK[0]
        if task is None or not task[1]:
            raise runtime("When use_reentrant=True, torch.utils.checkpoint is incompatible with .grad() or passing "
                          "an `inputs` parameter to .backward(). To resolve this error, you can either set "
                          "use_reentrant=False, or call .backward() without passing the `inputs` argument.")
        inputs = list(ctx.inputs)
        for i, t in zip(ctx.tensor_indices, ctx.saved_tensors):
            inputs[i] = t
        detached = detach_variable(tuple(inputs))
        previous = autograd._grad_enabled[0]
        autograd._grad_enabled[0] = True
        try:
            outputs = _forked_rng(ctx.state, ctx.run_function, *detached)
        finally:
            autograd._grad_enabled[0] = previous
        if isinstance(outputs, Tensor):
            outputs = (outputs,)
        pairs = [(o, g) for o, g in zip(outputs, grads) if isinstance(o, Tensor) and o.requires_grad]
        if not pairs:
            raise runtime("none of output has requires_grad=True, this checkpoint() is not necessary")
        autograd.backward([o for o, _ in pairs], [g for _, g in pairs], None, False)
        return (None, None) + tuple(a.grad if isinstance(a, Tensor) else None for a in detached)


def checkpoint(function, *args, use_reentrant=None, context_fn=None, determinism_check="default", debug=False,
               early_stop=True, **kwargs):
    library_imported("sympy")  # (torch._disable_dynamo's first call imports torch._dynamo)
    if use_reentrant is None:
        warn("torch.utils.checkpoint: " + _EXPLICIT + "Starting in PyTorch 2.9, calling checkpoint without "
             "use_reentrant will raise an exception. " + _RECOMMEND)
        use_reentrant = True
    preserve = kwargs.pop("preserve_rng_state", True)
    if kwargs and use_reentrant:
        raise value_error("Unexpected keyword arguments: " + ",".join(kwargs))
    if use_reentrant:
        if context_fn is not None or debug is not False:
            raise value_error("Passing `context_fn` or `debug` is only supported when use_reentrant=False.")
        return CheckpointFunction.apply(function, preserve, *args)
    return _without_reentrant(function, preserve, determinism_check, early_stop, args, kwargs)


def checkpoint_sequential(functions, segments, input, use_reentrant=None, **kwargs):
    if use_reentrant is None:
        warn("torch.utils.checkpoint.checkpoint_sequential: " + _EXPLICIT + "In version 2.9 we will raise an "
             "exception if use_reentrant is not passed. " + _RECOMMEND)
        use_reentrant = True
    preserve = kwargs.pop("preserve_rng_state", True)
    if kwargs:
        raise value_error("Unexpected keyword arguments: " + ",".join(kwargs))

    def run_function(start, end, functions):
        def forward(x):
            for j in range(start, end + 1):
                x = functions[j](x)
            return x
        return forward
    if hasattr(functions, "_modules") and type(functions).__name__ == "Sequential":
        functions = list(functions.children())
    size = len(functions) // segments
    end = -1
    for start in range(0, size * (segments - 1), size):
        end = start + size - 1
        input = checkpoint(run_function(start, end, functions), input, use_reentrant=use_reentrant,
                           preserve_rng_state=preserve)
    return run_function(end + 1, len(functions) - 1, functions)(input)


def detach_variable(inputs):
    if not isinstance(inputs, tuple):
        raise runtime(f"Only tuple of tensors is supported. Got Unsupported input type: {type(inputs).__name__}")
    out = []
    for a in inputs:
        if isinstance(a, Tensor):
            d = a.detach()
            d.requires_grad = a.requires_grad
            a = d
        out.append(a)
    return tuple(out)


NAMESPACE = {"checkpoint": checkpoint, "checkpoint_sequential": checkpoint_sequential,
             "CheckpointFunction": CheckpointFunction, "CheckpointError": python_class(CHECKPOINT_ERROR),
             "detach_variable": detach_variable, "check_backward_validity": _backward_validity}

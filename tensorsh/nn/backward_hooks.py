"""Full backward hooks of a Module, as PyTorch's torch/utils/hooks.py BackwardHook: the module's tensor inputs, and
then its tensor outputs, pass through one BackwardHookFunction each (a custom Function returning its inputs as-is,
so an in-place write to them raises PyTorch's custom-Function view error); the outputs' node collects grad_output
(running the backward pre-hooks), the inputs' node calls the user hooks with all of grad_input at once."""
from tensorsh.engine import autograd
from tensorsh.engine.errors import runtime, warn
from tensorsh.engine.function import Function
from tensorsh.engine.tensor import Tensor

NO_INPUT_WARNING = ("Full backward hook is firing when gradients are computed with respect to module outputs since "
                    "no inputs require gradients. See https://docs.pytorch.org/docs/main/generated/"
                    "torch.nn.Module.html#torch.nn.Module.register_full_backward_hook for more details.")


class BackwardHookFunction(Function):
    """torch.nn.modules._functions.BackwardHookFunction: identity; its node carries the module's hooks."""
    __module__ = "torch.nn.modules._functions"

    @staticmethod
    def forward(ctx, *args):
        ctx.mark_non_differentiable(*[arg for arg in args if not arg.requires_grad])
        return args

    @staticmethod
    def backward(ctx, *args):
        return args


def _pack_with_none(indices, values, size):
    res = [None] * size
    for idx, val in zip(indices, values):
        res[idx] = val
    return tuple(res)


class BackwardHook:
    def __init__(self, module, user_hooks, user_pre_hooks):
        self.module = module
        self.user_hooks = user_hooks
        self.user_pre_hooks = user_pre_hooks
        self.grad_outputs = None
        self.n_outputs = -1
        self.output_tensors_index = None
        self.n_inputs = -1
        self.input_tensors_index = None

    def _set_user_hook(self, grad_fn):
        def hook(grad_input, _):
            if self.grad_outputs is None:  # the gradient reached the inputs without passing the outputs
                return None
            res = _pack_with_none(self.input_tensors_index, grad_input, self.n_inputs)
            for user_hook in self.user_hooks:
                out = user_hook(self.module, res, self.grad_outputs)
                if out is None:
                    continue
                if len(out) != len(res):
                    raise runtime(f"Backward hook returned an invalid number of grad_input, got {len(out)}, but "
                                  f"expected {len(res)}")
                res = out
            self.grad_outputs = None
            return tuple(res[i] for i in self.input_tensors_index)
        grad_fn.register_hook(hook)

    def _apply_on_tensors(self, fn, args):
        tensors_idx = [i for i, a in enumerate(args) if isinstance(a, Tensor)]
        tensors = [args[i] for i in tensors_idx]
        if not (any(t.requires_grad for t in tensors) and autograd.is_grad_enabled()):
            return args, None
        new_tensors = BackwardHookFunction.apply(*tensors)
        if len(new_tensors) == 0:
            raise runtime("Cannot set Module backward hook for a Module with no input Tensors.")
        grad_fns = [t.grad_fn for t in new_tensors
                    if t.grad_fn is not None and t.grad_fn.name() == "BackwardHookFunctionBackward"]
        fn(grad_fns[0])
        arg_list = list(args)
        for idx, val in zip(tensors_idx, new_tensors):
            arg_list[idx] = val
        return tuple(arg_list), tensors_idx

    def setup_input_hook(self, args):
        res, input_idx = self._apply_on_tensors(self._set_user_hook, args)
        self.n_inputs = len(args)
        self.input_tensors_index = input_idx
        return res

    def setup_output_hook(self, args):
        def fn(grad_fn):
            def hook(_, grad_output):
                self.grad_outputs = _pack_with_none(self.output_tensors_index, grad_output, self.n_outputs)
                if self.user_pre_hooks:
                    expected_len = len(self.grad_outputs)
                    for user_pre_hook in self.user_pre_hooks:
                        hook_grad_outputs = user_pre_hook(self.module, self.grad_outputs)
                        if hook_grad_outputs is None:
                            continue
                        actual_len = len(hook_grad_outputs)
                        if actual_len != expected_len:
                            raise runtime(f"Backward pre hook returned an invalid number of grad_output, got "
                                          f"{actual_len}, but expected {expected_len}")
                        self.grad_outputs = hook_grad_outputs
                local_grad_outputs = self.grad_outputs
                if self.input_tensors_index is None:  # no input requires grad: the user hooks run here
                    warn(NO_INPUT_WARNING)
                    grad_inputs = _pack_with_none([], [], self.n_inputs)
                    for user_hook in self.user_hooks:
                        res = user_hook(self.module, grad_inputs, self.grad_outputs)
                        if res is not None and not (isinstance(res, tuple) and all(el is None for el in res)):
                            raise runtime("Backward hook for Modules where no input requires gradient should "
                                          "always return None or None for all gradients.")
                    self.grad_outputs = None
                if local_grad_outputs is not None:
                    return tuple(local_grad_outputs[i] for i in self.output_tensors_index)
                return None
            grad_fn.register_hook(hook)

        is_tuple = isinstance(args, tuple)
        if not is_tuple:
            args = (args,)
        res, output_idx = self._apply_on_tensors(fn, args)
        self.n_outputs = len(args)
        self.output_tensors_index = output_idx
        return res if is_tuple else res[0]


def register_non_full(module, inputs, result, hooks):
    """register_backward_hook's (deprecated) hooks: on the output's grad_fn, called with that node's gradients
    (PyTorch's _WrappedHook), after PyTorch's warnings about what they will miss."""
    var = result
    while not isinstance(var, Tensor):
        var = next(v for v in var.values() if isinstance(v, Tensor)) if isinstance(var, dict) else var[0]
    grad_fn = var.grad_fn
    if grad_fn is None:
        return
    for hook in hooks:  # (what the hook returns replaces the node's grad_inputs, as a node hook's result does)
        grad_fn.register_hook(lambda grad_inputs, grad_outputs, hook=hook: hook(module, grad_inputs, grad_outputs))
    _warn_non_full(inputs, result, grad_fn)


_NON_FULL_SITE = "torch.nn.modules.module._call_impl"  # (stacklevel=2 from its checker: one torch line, shown once)


def _warn_non_full(inputs, result, grad_fn):
    def warn_future(text):
        warn(text + " Please use register_full_backward_hook to get the documented behavior.", "FutureWarning",
             site=_NON_FULL_SITE)
    if not isinstance(result, Tensor):
        if not (isinstance(result, tuple) and all(isinstance(r, Tensor) for r in result)):
            warn_future("Using non-full backward hooks on a Module that does not return a single Tensor or a tuple of "
                        "Tensors is deprecated and will be removed in future versions. This hook will be missing "
                        "some of the grad_output.")
            return
    else:
        result = (result,)
    if not isinstance(inputs, Tensor):
        if not (isinstance(inputs, tuple) and all(isinstance(i, Tensor) for i in inputs)):
            warn_future("Using non-full backward hooks on a Module that does not take as input a single Tensor or a "
                        "tuple of Tensors is deprecated and will be removed in future versions. This hook will be "
                        "missing some of the grad_input.")
            return
    else:
        inputs = (inputs,)
    out_grad_fn = {r.grad_fn for r in result if r.grad_fn is not None}
    if len(out_grad_fn) == 0 or (len(out_grad_fn) == 1 and grad_fn not in out_grad_fn):
        warn("Using a non-full backward hook when outputs are nested in python data structure is deprecated and "
             "will be removed in future versions. This hook will be missing some grad_output.", "FutureWarning",
             site=_NON_FULL_SITE)
    elif len(out_grad_fn) > 1:
        warn_future("Using a non-full backward hook when outputs are generated by different autograd Nodes is "
                    "deprecated and will be removed in future versions. This hook will be missing some "
                    "grad_output.")
    else:
        inputs_grad_fn = {i.grad_fn for i in inputs if i.grad_fn is not None}
        next_functions = {n[0] for n in grad_fn.next_functions}
        if inputs_grad_fn != next_functions:
            warn_future("Using a non-full backward hook when the forward contains multiple autograd Nodes is "
                        "deprecated and will be removed in future versions. This hook will be missing some "
                        "grad_input.")

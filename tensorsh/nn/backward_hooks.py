"""Full backward hooks of a Module (PyTorch's torch/utils/hooks.py BackwardHook): the module's tensor inputs
and outputs pass through an identity node; the outputs' node collects grad_output (running the backward
pre-hooks), the inputs' node calls the user hooks with (module, grad_input, grad_output)."""
from tensorsh.engine.backward_hook import hook_identity
from tensorsh.engine.errors import runtime, warn
from tensorsh.engine.tensor import Tensor

NO_INPUT_WARNING = ("Full backward hook is firing when gradients are computed with respect to module outputs since "
                    "no inputs require gradients. See https://docs.pytorch.org/docs/main/generated/"
                    "torch.nn.Module.html#torch.nn.Module.register_full_backward_hook for more details.")


class BackwardHook:
    def __init__(self, module, user_hooks, user_pre_hooks):
        self.module = module
        self.user_hooks = user_hooks
        self.user_pre_hooks = user_pre_hooks
        self.grad_outputs = None
        self.n_inputs = 0
        self.input_index = None
        self.pending = {}

    def setup_input_hook(self, args):
        self.n_inputs = len(args)
        index = [i for i, a in enumerate(args) if isinstance(a, Tensor) and a.requires_grad]
        if not index:
            return args
        self.input_index = index
        args = list(args)
        for i in index:
            args[i] = hook_identity(args[i], self._input_callback(i))
        return tuple(args)

    def _input_callback(self, i):
        def callback(grad):
            if self.grad_outputs is None:  # the gradient reached the input without passing the output
                return grad
            self.pending[i] = grad
            if len(self.pending) < len(self.input_index):  # (one node per input: the hooks run at the last)
                return grad
            res = tuple(self.pending.get(k) for k in range(self.n_inputs))
            for hook in self.user_hooks:
                out = hook(self.module, res, self.grad_outputs)
                if out is None:
                    continue
                if len(out) != len(res):
                    raise runtime(f"Backward hook returned an invalid number of grad_input, got {len(out)}, but "
                                  f"expected {len(res)}")
                res = out
            self.grad_outputs = None
            self.pending = {}
            return res[i]
        return callback

    def setup_output_hook(self, result):
        single = isinstance(result, Tensor)
        outputs = [result] if single else list(result)
        index = [i for i, o in enumerate(outputs) if isinstance(o, Tensor) and o.requires_grad]
        n_outputs = len(outputs)
        for i in index:
            outputs[i] = hook_identity(outputs[i], self._output_callback(i, n_outputs))
        return outputs[0] if single else tuple(outputs)

    def _output_callback(self, i, n_outputs):
        def callback(grad):
            grads = tuple(grad if k == i else None for k in range(n_outputs))
            for pre in self.user_pre_hooks:
                out = pre(self.module, grads)
                if out is None:
                    continue
                if len(out) != len(grads):
                    raise runtime(f"Backward pre hook returned an invalid number of grad_output, got {len(out)}, "
                                  f"but expected {len(grads)}")
                grads = out
            self.grad_outputs = grads
            if self.input_index is None:
                warn(NO_INPUT_WARNING)
                grad_inputs = (None,) * self.n_inputs
                for hook in self.user_hooks:
                    res = hook(self.module, grad_inputs, self.grad_outputs)
                    if res is not None and not (isinstance(res, tuple) and all(el is None for el in res)):
                        raise runtime("Backward hook for Modules where no input requires gradient should always "
                                      "return None or None for all gradients.")
                self.grad_outputs = None
            return grads[i]
        return callback


def register_non_full(module, inputs, result, hooks):
    """register_backward_hook's (deprecated) hooks: on the output's grad_fn, called with that node's gradients
    (PyTorch's _WrappedHook), after PyTorch's warnings about what they will miss."""
    var = result
    while not isinstance(var, Tensor):
        var = next(v for v in var.values() if isinstance(v, Tensor)) if isinstance(var, dict) else var[0]
    grad_fn = var.grad_fn
    if grad_fn is None:
        return
    for hook in hooks:
        grad_fn.register_hook(lambda grad_inputs, grad_outputs, hook=hook: hook(module, tuple(grad_inputs),
                                                                                  tuple(grad_outputs)))
    _warn_non_full(inputs, result, grad_fn)


def _warn_non_full(inputs, result, grad_fn):
    def warn_future(text):
        warn(text + " Please use register_full_backward_hook to get the documented behavior.", "FutureWarning")
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
             "will be removed in future versions. This hook will be missing some grad_output.", "FutureWarning")
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

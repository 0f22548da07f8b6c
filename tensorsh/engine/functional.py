"""torch.autograd.functional: vjp, jvp, jacobian and hessian of a function of tensors, built as PyTorch builds
them from reverse-mode autograd (grad of grad for jvp, a row of the Jacobian per output element)."""
from . import autograd, errors
from .errors import runtime, type_error
from .tensorimpl import Tensor


def _as_tuple(x, arg_name, fn_name):
    is_tuple = isinstance(x, tuple)
    items = x if is_tuple else (x,)
    for i, el in enumerate(items):
        if not isinstance(el, Tensor):
            if is_tuple:
                raise type_error(f"The {arg_name} given to {fn_name} must be either a Tensor or a tuple of Tensors "
                                 f"but the value at index {i} has type {type(el)}.")
            raise type_error(f"The {arg_name} given to {fn_name} must be either a Tensor or a tuple of Tensors but "
                             f"the given {arg_name} has type {type(el)}.")
    return is_tuple, items


def _prepare(inputs, create_graph):
    """Fresh leaves (or views, under create_graph) so gradients flow only into what func receives."""
    if any(getattr(i, "_fw_grad", None) is not None for i in inputs):
        from .func import FORWARD_OVER_REVERSE
        raise runtime(FORWARD_OVER_REVERSE)
    if create_graph:
        return tuple(i.view_as(i) if i.requires_grad else i.detach().requires_grad_(True) for i in inputs)
    return tuple(i.detach().requires_grad_(True) for i in inputs)


def _post(results, create_graph):
    return tuple(r.detach() if (r is not None and not create_graph) else r for r in results)


def _grad(outputs, inputs, grad_outputs, create_graph, retain_graph=None):
    outs, gos = [], []
    for o, g in zip(outputs, grad_outputs):
        if o is not None and o.requires_grad:
            outs.append(o)
            gos.append(g)
    if not outs:
        return (None,) * len(inputs)
    return autograd.run_backward(outs, gos, retain_graph, create_graph, inputs=list(inputs), allow_unused=True)


_INDEPENDENT = {  # _check_requires_grad's texts (strict=True), by what it checks
    "outputs": "Output {i} of the user-provided function does not require gradients. The outputs must be computed in "
               "a differentiable manner from the input when running in strict mode.",
    "grad_inputs": "The gradient with respect to input {i} is independent of the inputs of the user-provided "
                   "function. This is not allowed in strict mode.",
    "jacobian": "While computing the hessian, found that the jacobian of the user-provided function with respect to "
                "input {i} is independent of the input. This is not allowed in strict mode. You should ensure that "
                "your function is twice differentiable and that the jacobian depends on the inputs (this would be "
                "violated by a linear function for example).",
    "hessian": "The hessian of the user-provided function with respect to input {i} is independent of the input. This "
               "is not allowed in strict mode. You should ensure that your function is thrice differentiable and "
               "that the hessian depends on the inputs.",
}
_UNUSED = {  # _fill_in_zeros' texts (strict=True), by the backward stage that found no gradient
    "back": "The output of the user-provided function is independent of input {i}. This is not allowed in strict "
            "mode.",
    "back_trick": "The gradient with respect to the input is independent of entry {i} in the grad_outputs when using "
                  "the double backward trick to compute forward mode gradients. This is not allowed in strict mode.",
    "double_back": "The jacobian of the user-provided function is independent of input {i}. This is not allowed in "
                   "strict mode.",
    "double_back_trick": "The hessian of the user-provided function is independent of entry {i} in the grad_jacobian. "
                         "This is not allowed in strict mode as it prevents from using the double backward trick to "
                         "replace forward mode AD.",
}


def _check_requires_grad(tensors, kind, strict):
    """strict=True: each of `tensors` (a function's outputs, or gradients on the way) is there and requires grad."""
    if strict:
        for i, t in enumerate(tensors):
            if t is None:  # (only gradients can be missing)
                raise runtime(f"The output of the user-provided function is independent of input {i}. This is not "
                              "allowed in strict mode.")
            if not t.requires_grad:
                raise runtime(_INDEPENDENT[kind].format(i=i))


def _fill_zeros(grads, refs, strict=False, create_graph=False, stage="back"):
    """PyTorch's _fill_in_zeros: a missing gradient is zeros of its reference's size (strict=True: an error, as is a
    gradient that does not require grad under create_graph)."""
    from .creation import zeros_like
    res = []
    for i, (g, r) in enumerate(zip(grads, refs)):
        if g is None:
            if strict:
                raise runtime(_UNUSED[stage].format(i=i))
            g = zeros_like(r)
        elif strict and create_graph and not g.requires_grad:
            raise runtime(f"The {'hessian' if 'double' in stage else 'jacobian'} of the user-provided function is "
                          f"independent of input {i}. This is not allowed in strict mode when create_graph=True.")
        res.append(g)
    return tuple(res)


def _run(func, inputs):
    with autograd.enable_grad():
        return func(*inputs)


def _vector(v, tensors, fn, which, is_tuple):
    """vjp/jvp/vhp/hvp's v as a tuple, checked against `tensors` (PyTorch's _validate_v); None only where `tensors`
    is one tensor of one element (PyTorch's message)."""
    if v is None:
        if len(tensors) != 1 or tensors[0].numel() != 1:
            raise runtime(f"The vector v can only be None if {which} a single Tensor with a single element.")
        return (None,)
    v = _as_tuple(v, "v", fn)[1]
    if len(v) != len(tensors):
        raise runtime(f"v is a tuple of invalid length: should be {len(tensors)} but got {len(v)}." if is_tuple
                      else "The given v should contain a single Tensor.")
    for idx, (el_v, el) in enumerate(zip(v, tensors)):
        if el_v.shape != el.shape:
            raise runtime(f"{f'Entry {idx} in ' if is_tuple else ''}v has invalid size: should be {el.shape} but "
                          f"got {el_v.shape}.")
    return v


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    is_in_tuple, inputs = _as_tuple(inputs, "inputs", "vjp")
    inputs = _prepare(inputs, create_graph)
    outputs = _run(func, inputs)
    is_out_tuple, outputs = _as_tuple(outputs, "outputs of the user-provided function", "vjp")
    _check_requires_grad(outputs, "outputs", strict)
    v = _vector(v, outputs, "vjp", "the user-provided function returns", is_out_tuple)
    with autograd.enable_grad():
        grads = _grad(outputs, inputs, list(v), create_graph)
    grads = _fill_zeros(grads, inputs, strict, create_graph, "back")
    outs, grads = _post(outputs, create_graph), _post(grads, create_graph)
    return (outs if is_out_tuple else outs[0]), (grads if is_in_tuple else grads[0])


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    from .creation import zeros_like
    is_in_tuple, inputs = _as_tuple(inputs, "inputs", "jvp")
    inputs = _prepare(inputs, create_graph)
    v = _vector(v, inputs, "jvp", "the input to the user-provided function is", is_in_tuple)
    outputs = _run(func, inputs)
    is_out_tuple, outputs = _as_tuple(outputs, "outputs of the user-provided function", "jvp")
    _check_requires_grad(outputs, "outputs", strict)
    # the double-backward trick: J v = d/du (u^T J) v, with u a dummy that requires grad
    with autograd.enable_grad():
        dummies = tuple(zeros_like(o, requires_grad=True) for o in outputs)  # (the factory's check: its text)
        grads = _grad(outputs, inputs, list(dummies), True)
        _check_requires_grad(grads, "grad_inputs", strict)
        pairs = [(g, vi) for g, vi in zip(grads, v) if g is not None]
        result = _grad([g for g, _ in pairs], dummies, [vi for _, vi in pairs], create_graph) if pairs \
            else (None,) * len(dummies)
    result = _fill_zeros(result, outputs, strict, create_graph, "back_trick")
    outs, result = _post(outputs, create_graph), _post(result, create_graph)
    return (outs if is_out_tuple else outs[0]), (result if is_out_tuple else result[0])


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"):
    if strategy not in ("forward-mode", "reverse-mode"):
        raise errors.make("AssertionError", 'Expected strategy to be either "forward-mode" or "reverse-mode". Hint: If '
                          'your function has more outputs than inputs, "forward-mode" tends to be more performant. '
                          'Otherwise, prefer to use "reverse-mode".')
    if strategy == "forward-mode":
        return _jacobian_forward(func, inputs, create_graph, strict, vectorize)
    from .creation import zeros_like
    from .ops.joining import stack
    is_in_tuple, inputs = _as_tuple(inputs, "inputs", "jacobian")
    inputs = _prepare(inputs, create_graph)
    outputs = _run(func, inputs)
    is_out_tuple, outputs = _as_tuple(outputs, "outputs of the user-provided function", "jacobian")
    _check_requires_grad(outputs, "outputs", strict)
    if vectorize and strict:
        raise runtime("torch.autograd.functional.jacobian: `strict=True` and `vectorized=True` are not supported "
                      "together. Please either set `strict=False` or `vectorize=False`.")
    if vectorize and sum(out.numel() for out in outputs) == 0 and any(out.requires_grad for out in outputs):
        # (PyTorch's batched grad_outputs have no rows: _make_grads reads grad[0] of the first differentiable one)
        raise errors.make("IndexError", "index 0 is out of bounds for dimension 0 with size 0")
    jac = []
    with autograd.enable_grad():
        for i, out in enumerate(outputs):
            rows = [[] for _ in inputs]
            flat = out.reshape(-1)
            for j in range(flat.numel()):
                grads = _grad([flat[j]], inputs, [None], create_graph, retain_graph=True)
                for el, (g, inp) in enumerate(zip(grads, inputs)):
                    if g is not None and strict and create_graph and not g.requires_grad:
                        raise runtime(f"The jacobian of the user-provided function is independent of input {i}. "
                                      "This is not allowed in strict mode when create_graph=True.")
                    if g is None and strict:
                        raise runtime(f"Output {i} of the user-provided function is independent of input {el}. This "
                                      "is not allowed in strict mode.")
                    rows[el].append(zeros_like(inp) if g is None else g)
            jac.append(tuple(
                # (an output of no elements: stack refuses the empty list, as in PyTorch; vectorized, it is a slice)
                (stack(r, 0) if r or not vectorize else out.new_zeros((0,) + tuple(inputs[el].shape)))
                .view(tuple(out.shape) + tuple(inputs[el].shape)) for el, r in enumerate(rows)))
    jac = tuple(_post(j, create_graph) for j in jac)
    if not is_out_tuple:
        jac = tuple(j if is_in_tuple else j[0] for j in jac)[0]
    elif not is_in_tuple:
        jac = tuple(j[0] for j in jac)
    return jac


def _jacobian_forward(func, inputs, create_graph, strict, vectorize):
    """strategy="forward-mode": a column of the Jacobian per input element, each a jvp (func.jacfwd's)."""
    for flag, name in ((create_graph, "create_graph"), (strict, "strict")):
        if flag:
            raise _forward_mode_refusal(name)
    if not vectorize:
        raise errors.make("NotImplementedError", "Computing Jacobian using forward-AD or forward-over-reverse Hessian "
                          "isonly implemented for `vectorize=True`.")
    from .func import jacfwd
    is_in_tuple, inputs = _as_tuple(inputs, "inputs", "jacobian")
    out_tuple = []

    def tupled(*args):
        out = func(*args)
        is_out_tuple, outs = _as_tuple(out, "outputs", "jacobian")
        out_tuple.append(is_out_tuple)
        return outs
    jac = [_as_functional_assembles(j, inputs) for j in jacfwd(tupled, argnums=tuple(range(len(inputs))))(*inputs)]
    if not is_in_tuple:  # (PyTorch's _tuple_postprocess of its lists: lists where inputs were a tuple)
        jac = tuple(j[0] for j in jac)
    return jac if out_tuple[0] else jac[0]


def _as_functional_assembles(jac_of_output, inputs):
    """One output's Jacobians (output's shape + an input's) as functional.py assembles them from its vmapped jvps,
    so a history they carry ends as PyTorch's: the columns (input elements first) split per input, then
    jac.permute(*range(1, jac.ndim), 0).reshape(output's shape + input's)."""
    from .ops.joining import cat
    out_shape = tuple(jac_of_output[0].shape[:jac_of_output[0].dim() - inputs[0].dim()])
    numels = [x.numel() for x in inputs]
    columns = cat([j.reshape(out_shape + (n,)).movedim(-1, 0) for j, n in zip(jac_of_output, numels)])
    return [c.permute(*range(1, c.dim()), 0).reshape(out_shape + tuple(x.shape))
            for c, x in zip(columns.split(numels, 0), inputs)]


def _forward_mode_refusal(name):
    text = (f"torch.autograd.functional.jacobian: `{name}=True` and `strategy=\"forward-mode\"` are not supported "
            f"together (yet). Please either set `{name}=False` or `strategy=\"reverse-mode\"`.")
    return errors.make("NotImplementedError", text) if name == "create_graph" else runtime(text)


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False, outer_jacobian_strategy="reverse-mode"):
    is_in_tuple, inputs = _as_tuple(inputs, "inputs", "hessian")
    if outer_jacobian_strategy not in ("forward-mode", "reverse-mode"):
        raise errors.make("AssertionError", 'Expected strategy to be either "forward-mode" or "reverse-mode".')

    def ensure_single_output(*inp):
        out = func(*inp)
        is_out_tuple, t_out = _as_tuple(out, "outputs of the user-provided function", "hessian")
        _check_requires_grad(t_out, "outputs", strict)
        if is_out_tuple or not isinstance(out, Tensor):
            raise runtime("The function given to hessian should return a single Tensor")
        if out.nelement() != 1:
            raise runtime("The Tensor returned by the function given to hessian should contain a single element")
        return out.squeeze()

    def jac_func(*inp):
        if outer_jacobian_strategy == "forward-mode":  # (as PyTorch: else _grad_preprocess would detach them)
            inp = tuple(t.requires_grad_(True) for t in inp)
        jac = jacobian(ensure_single_output, inp, create_graph=True)
        _check_requires_grad(jac, "jacobian", strict)
        return jac
    res = jacobian(jac_func, inputs, create_graph=create_graph, strict=strict, vectorize=vectorize,
                   strategy=outer_jacobian_strategy)
    if not is_in_tuple:
        return res[0][0] if isinstance(res, tuple) and isinstance(res[0], tuple) else res
    return res


def _hessian_product(func, inputs, v, create_graph, strict, name):
    """vhp (v^T H) and hvp (H v, by the double-backward trick) as PyTorch's functional.py computes them."""
    from .creation import zeros_like
    is_in_tuple, inputs = _as_tuple(inputs, "inputs", name)
    inputs = _prepare(inputs, create_graph)
    v = _vector(v, inputs, name, "the input to the user-provided function is", is_in_tuple)
    with autograd.enable_grad():
        outputs = func(*inputs)
        is_out_tuple, outputs = _as_tuple(outputs, "outputs of the user-provided function", name)
        _check_requires_grad(outputs, "outputs", strict)
        if is_out_tuple:
            raise runtime(f"The function given to {name} should return a single Tensor")
        if outputs[0].numel() != 1:
            raise runtime(f"The Tensor returned by the function given to {name} should contain a single element")
        jac = _grad(outputs, inputs, [None], True)
        _check_requires_grad(jac, "jacobian", strict)
        if name == "hvp":
            grad_jac = tuple(zeros_like(i, requires_grad=True) for i in inputs)
            double_back = _grad(jac, inputs, list(grad_jac), True)
            _check_requires_grad(jac, "hessian", strict)  # (PyTorch checks jac here again, not double_back)
            jac, inputs_of_last = double_back, grad_jac
        else:
            inputs_of_last = inputs
    with autograd.set_grad_enabled(True if create_graph else autograd.is_grad_enabled()):
        result = _fill_zeros(_grad(jac, inputs_of_last, list(v), create_graph), inputs, strict, create_graph,
                             "double_back_trick" if name == "hvp" else "double_back")
    outs, result = _post(outputs, create_graph), _post(result, create_graph)
    return outs[0], (result if is_in_tuple else result[0])


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    return _hessian_product(func, inputs, v, create_graph, strict, "vhp")


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    return _hessian_product(func, inputs, v, create_graph, strict, "hvp")


NAMESPACE = {"vjp": vjp, "jvp": jvp, "jacobian": jacobian, "hessian": hessian, "vhp": vhp, "hvp": hvp}

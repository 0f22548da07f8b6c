"""torch.autograd.gradcheck / gradgradcheck: finite differences against backward, step for step as PyTorch's
slow mode computes and reports them (the same ops, so the same last bits in the printed Jacobians)."""
import itertools

from . import autograd, dtypes
from .errors import TorchError, value_error, runtime, warn
from .tensorimpl import Tensor


GRADCHECK_ERROR = "torch.autograd.gradcheck.GradcheckError"


class GradcheckError(TorchError, RuntimeError):
    """torch.autograd.gradcheck.GradcheckError (a RuntimeError)."""

    def __init__(self, message):
        TorchError.__init__(self, GRADCHECK_ERROR, message)


def _as_tuple(x):
    return x if isinstance(x, tuple) else tuple(x) if isinstance(x, list) else (x,)


def _differentiable_outputs(x):
    return tuple(o for o in _as_tuple(x) if o.requires_grad)


def _diff_inputs(inputs):
    return [t for t in inputs if isinstance(t, Tensor) and t.requires_grad]


def _check_inputs(inputs):
    any_requiring = False
    for idx, inp in enumerate(inputs):
        if isinstance(inp, Tensor) and inp.requires_grad:
            if inp.dtype not in (dtypes.float64, dtypes.complex128):
                warn(f"Input #{idx} requires gradient and is not a double precision floating point or complex. This "
                     "check will likely fail if all the inputs are not of double precision floating point or complex. ",
                     site="torch.autograd.gradcheck._gradcheck_helper")  # (stacklevel=2: torch's line, shown once)
            if not all(st > 0 or sz <= 1 for st, sz in zip(inp.stride(), inp.size())):
                raise runtime(f"The {idx}th input has a dimension with stride 0. gradcheck only supports inputs that "
                              "are non-overlapping to be able to compute the numerical gradients correctly. You should "
                              "call .contiguous on the input before passing it to gradcheck.")
            any_requiring = True
    if not any_requiring:
        raise value_error("gradcheck expects at least one input tensor to require gradient, but none of them have "
                          "requires_grad=True.")


def _numerical_jacobian(func, inputs, outputs, eps):
    """Per differentiable input, per float output: (input numel x output numel), by central differences; a complex
    input's column is the conjugate Wirtinger derivative ds/dx + 1j ds/dy (a step along eps, then along eps * 1j)."""
    def run():
        return tuple(a.clone() for a in _as_tuple(func(*inputs)))

    def column(entry, step):
        orig = entry.clone()
        entry.copy_(orig - step)
        outa = run()
        entry.copy_(orig + step)
        outb = run()
        entry.copy_(orig)
        return [((b - a) / (2 * eps)).detach().reshape(-1) for a, b in zip(outa, outb)]
    jacobians = []
    for inp in _diff_inputs(inputs):
        data = inp.data  # (PyTorch perturbs .data: the input's version counter does not move)
        cols = []
        for idx in itertools.product(*[range(m) for m in data.size()]):
            col = column(data[idx], eps)
            if inp.is_complex():
                col = [dx + dy * 1j for dx, dy in zip(col, column(data[idx], eps * 1j))]
            cols.append(col)
        per_output = []
        for i, out in enumerate(outputs):
            if not (out.dtype.is_floating_point or out.is_complex()):
                continue
            jac = out.new_zeros((inp.numel(), out.numel()), dtype=inp.dtype if inp.is_complex() else None)
            for k, col in enumerate(cols):
                jac[k] = col[i]
            per_output.append(jac)
        jacobians.append(tuple(per_output))
    return list(zip(*jacobians))


def _analytical_rows(output, diff_inputs, v=None):
    if v is not None:
        grads = autograd.run_backward([output], [v.reshape(output.shape)], True, False, inputs=diff_inputs,
                                      allow_unused=True)
        return [[g.clone() if isinstance(g, Tensor) else None] for g in grads]
    base = output.clone()
    from .creation import zeros_like
    from .tensorimpl import CONTIGUOUS_FORMAT
    grad_out = zeros_like(base, memory_format=CONTIGUOUS_FORMAT)  # (legacy_contiguous_format: flat's a view of it)
    flat = grad_out.view(-1)
    rows = [[] for _ in diff_inputs]
    for j in range(flat.numel()):
        flat.zero_()
        flat[j] = 1.0
        grads = autograd.run_backward([output], [grad_out], True, False, inputs=diff_inputs, allow_unused=True)
        for i, g in enumerate(grads):
            rows[i].append(g.clone() if isinstance(g, Tensor) else None)
    return rows


def _stack(rows, diff_inputs, numel_output):
    jacobians = [t.new_zeros((t.numel(), numel_output)) for t in diff_inputs]
    sizes_ok = types_ok = True
    for inp, jac, row in zip(diff_inputs, jacobians, rows):
        for j, g in enumerate(row):
            if g is not None and g.size() != inp.size():
                sizes_ok = False
            elif g is not None and g.dtype is not inp.dtype:
                types_ok = False
            if g is None:
                jac[:, j].zero_()
            else:
                jac[:, j] = g.reshape(-1)
    return jacobians, sizes_ok, types_ok


def _analytical_jacobian(inputs, output, nondet_tol, check_grad_dtypes, v=None):
    """Per input, (input numel x output numel) from one backward per output element; with v (fast mode), the one
    column v.J from a backward with v as the output's gradient."""
    diff_inputs = _diff_inputs(inputs)
    width = output.numel() if v is None else 1
    jac1, sizes_ok, types_ok = _stack(_analytical_rows(output, diff_inputs, v), diff_inputs, width)
    jac2, _, _ = _stack(_analytical_rows(output, diff_inputs, v), diff_inputs, width)
    reentrant = all(a.numel() == 0 or not ((a - b).abs().max() > nondet_tol) for a, b in zip(jac1, jac2))
    # (PyTorch unpacks these two flags the other way round, so a dtype mismatch reports "incorrect size")
    if not sizes_ok and check_grad_dtypes:
        raise GradcheckError("Gradient has dtype mismatch")
    if not types_ok:
        raise GradcheckError("Analytical gradient has incorrect size")
    if not reentrant:
        raise GradcheckError(
            "Backward is not reentrant, i.e., running backward with same input and grad_output multiple times gives "
            "different values, although analytical gradient matches numerical gradient."
            f"The tolerance for nondeterminism was {nondet_tol}." + FAILED_NONDET_MSG)
    return jac1


FAILED_NONDET_MSG = """

NOTE: If your op relies on non-deterministic operations i.e., it is listed here:
https://pytorch.org/docs/stable/generated/torch.use_deterministic_algorithms.html
this failure might be expected.

If you are adding a new operator, please file an issue and then use one of the
workarounds. The workaround depends on how your test invokes gradcheck/gradgradcheck.
If the test
- manually invokes gradcheck/gradgradcheck, then call gradcheck/gradgradcheck
  with `nondet_tol=<tol>` as a keyword argument.
- is OpInfo-based (e.g., in test_ops_gradients.py), then modify the OpInfo for the test
  to have `gradcheck_nondet_tol=<tol>`.
- is a Module test (e.g., in common_nn.py), then modify the corresponding
  module_test entry to have `gradcheck_nondet_tol=<tol>`
"""


def _allclose(a, b, rtol, atol):
    dt = dtypes.promote(a.dtype, b.dtype)
    return a.to(dt).allclose(b.to(dt), rtol, atol)


def _test_backward_mul_by_grad_output(outputs, inputs):
    diff_inputs = _diff_inputs(inputs)
    if not diff_inputs:
        raise GradcheckError("no Tensors requiring grad found in input")
    from .creation import zeros_like
    grads = autograd.run_backward(list(outputs), [zeros_like(o) for o in outputs], None, False, inputs=diff_inputs,
                                  allow_unused=True)
    for gi, di in zip(grads, diff_inputs):
        if gi is None:
            continue
        if not gi.eq(0).all():
            raise GradcheckError("backward not multiplied by grad_output")
        if gi.dtype is not di.dtype:
            raise GradcheckError("grad is incorrect type")
        if gi.size() != di.size():
            raise GradcheckError("grad is incorrect size")


class UndefinedGradBackward(autograd.Node):
    """torch._C._functions.UndefinedGrad's node: whatever gradient comes, an undefined one goes on."""
    __slots__ = ()
    name_ = "UndefinedGradBackward"

    def __init__(self, x):
        autograd.Node.__init__(self, (autograd.edge_of(x),))

    def backward(self, grad):
        return (None,)


def _undefined_grad(o):
    from .ops.core import attach
    return attach(o.detach(), UndefinedGradBackward(o))


_UNDEFINED_BC = ("Backwards compatibility: New undefined gradient support checking feature is enabled by default, but "
                 "it may break existing callers of this function. If this is true for you, you can call this function "
                 'with "check_undefined_grad=False" to disable the feature')


def _test_undefined_backward_mode(func, outputs, inputs):
    """Every backward must work when all (then each one of) its output gradients are undefined, giving undefined
    or zero input gradients."""
    from .creation import zeros_like
    diff_inputs = _diff_inputs(inputs)
    if not diff_inputs:
        raise GradcheckError("no Tensors requiring grad found in input")

    def check(outs):
        try:
            grads = autograd.run_backward(list(outs), [zeros_like(o) for o in outs], None, False, inputs=diff_inputs,
                                          allow_unused=True)
        except TorchError as e:
            if e.kind != "RuntimeError":
                raise
            warn(_UNDEFINED_BC, site="torch.autograd.gradcheck.check_undefined_grad_support:raise")
            raise GradcheckError('Expected backward function to handle undefined output grads. Please look at "Notes '
                                 'about undefined output gradients" in "tools/autograd/derivatives.yaml"') from e
        for gi in grads:
            if gi is not None and not gi.eq(0).all():
                warn(_UNDEFINED_BC, site="torch.autograd.gradcheck.check_undefined_grad_support:nonzero")
                raise GradcheckError("Expected all input grads to be undefined or zero when all output grads are "
                                     'undefined or zero. Please look at "Notes about undefined output gradients" in '
                                     '"tools/autograd/derivatives.yaml"')

    to_check = [[_undefined_grad(o) for o in _differentiable_outputs(func(*inputs))]]
    if len(to_check[0]) > 1:  # then one undefined at a time
        for idx in range(len(outputs)):
            outs = _differentiable_outputs(func(*inputs))
            to_check.append([_undefined_grad(o) if i == idx else o for i, o in enumerate(outs)])
    for outs in to_check:
        check(outs)


def _gradcheck(func, inputs, eps, atol, rtol, nondet_tol, check_grad_dtypes, check_backward_ad,
               check_undefined_grad=True, check_forward_ad=False, check_batched_grad=False,
               check_batched_forward_grad=False, fast_mode=False):
    """PyTorch's _gradcheck_helper in slow mode: backward's Jacobians, forward AD's, the batched checks (vmap runs
    each element in turn in the engine, so they compare equal: they draw their random vectors and run the
    gradients), then backward's own checks."""
    inputs = _as_tuple(inputs)
    _check_inputs(inputs)
    func_out = _as_tuple(func(*inputs))
    outputs = _differentiable_outputs(func_out)
    if not outputs:
        _check_no_differentiable_outputs(func, inputs, func_out, eps)
        return True
    check = _fast_gradcheck if fast_mode else _slow_gradcheck
    if any(isinstance(t, Tensor) and t.is_complex() for t in inputs + func_out) and (fast_mode or check_forward_ad):
        raise runtime("tensorsh: gradcheck of complex inputs or outputs with fast_mode or check_forward_ad is not "
                      "supported yet")
    if check_backward_ad and any(o.is_complex() for o in func_out):
        # (PyTorch's _gradcheck_real_imag: the imaginary parts of complex outputs checked first, then the real)
        complex_outputs = [i for i, o in enumerate(outputs) if o.is_complex()]
        for part, attr in (("imaginary", "imag"), ("real", "real")):
            def part_fn(*args, attr=attr):
                return tuple(getattr(o, attr) if o.is_complex() else o for o in _as_tuple(func(*args)))
            part_out = part_fn(*inputs)
            _slow_gradcheck(part_fn, inputs, part_out, _differentiable_outputs(part_out), eps, atol, rtol,
                            nondet_tol, check_grad_dtypes, complex_outputs=complex_outputs, part=part)
    elif check_backward_ad:
        check(func, inputs, func_out, outputs, eps, atol, rtol, nondet_tol, check_grad_dtypes)
    if check_forward_ad:
        check(func, inputs, func_out, outputs, eps, atol, rtol, nondet_tol, check_grad_dtypes, True)
        if check_undefined_grad:
            _test_undefined_forward_mode(func, inputs)
    if check_batched_forward_grad:
        _test_batched_grad_forward_ad(func, inputs)
    if not check_backward_ad:
        return True
    if check_batched_grad:
        for o in outputs:
            _test_batched_grad(inputs, o)
    _test_backward_mul_by_grad_output(outputs, inputs)
    if check_undefined_grad:
        _test_undefined_backward_mode(func, outputs, inputs)
    return True


def _slow_gradcheck(func, inputs, func_out, outputs, eps, atol, rtol, nondet_tol, check_grad_dtypes, forward=False,
                    complex_outputs=(), part=None):
    if not outputs:
        return _check_no_differentiable_outputs(func, inputs, func_out, eps)
    numerical = _numerical_jacobian(func, inputs, func_out, eps)
    numerical = [nj for o, nj in zip(func_out, numerical) if o.requires_grad]
    if forward:
        analytical = _analytical_jacobian_forward_ad(func, inputs, func_out)
        for i, n_per_out in enumerate(numerical):
            for j, n in enumerate(n_per_out):
                _check_close(analytical[j][i], n, i, j, rtol, atol, "computed with forward mode ")
        return
    for i, o in enumerate(outputs):
        analytical = _analytical_jacobian(inputs, o, nondet_tol, check_grad_dtypes)
        for j, (a, n) in enumerate(zip(analytical, numerical[i])):
            _check_close(a, n, i, j, rtol, atol, prefix=f"While considering the {part} part of complex outputs only, "
                         if i in complex_outputs else "")


def _check_close(a, n, i, j, rtol, atol, mode="", more=None, prefix=""):
    if not _allclose(a, n, rtol, atol):
        raise GradcheckError(f"{prefix}Jacobian {mode}mismatch for output {i:d} with respect to input {j:d},\n"
                             f"numerical:{n}\nanalytical:{a}\n" + (more() if more is not None else ""))


def _fast_gradcheck(func, inputs, func_out, outputs, eps, atol, rtol, nondet_tol, check_grad_dtypes, forward=False):
    """PyTorch's fast mode: the Jacobians reduced by random vectors of gradcheck's own generator (u per input,
    normalized; v per output, backward mode only), v.J.u by central differences against the analytical one; a
    failure recomputes the pair's full Jacobians in slow mode for its report."""
    from .creation import rand
    g = _own_generator()
    diff = [(i, t) for i, t in enumerate(inputs) if isinstance(t, Tensor) and t.requires_grad]

    def vector(x):
        vec = rand(x.numel(), generator=g).to(x.dtype)
        return vec / vec.norm()
    all_u = [vector(t) for _, t in diff]
    all_v = None if forward else [vector(o) for o in outputs]
    numerical = []
    for (idx, inp), u in zip(diff, all_u):
        jus = [ju for ju, o in zip(_numerical_jvp(func, inputs, inp, u.reshape(inp.shape), eps), func_out)
               if o.dtype.is_floating_point]
        numerical.append(jus if all_v is None else [(v * ju).sum() for v, ju in zip(all_v, jus)])
    if forward:
        analytical = _analytical_jacobian_forward_ad(func, inputs, func_out, all_u)
    else:
        analytical = []
        for o, v in zip(outputs, all_v):
            rows = _analytical_jacobian(inputs, o, nondet_tol, check_grad_dtypes, v)
            analytical.append([row.T.squeeze(0).dot(u) for row, u in zip(rows, all_u)])
    for i, per_input in enumerate(numerical):
        for j, n in enumerate(per_input):
            a = analytical[i][j] if forward else analytical[j][i]
            tolerance = atol * float(all_u[i].sum()) * (1.0 if all_v is None else float(all_v[j].sum()))
            _check_close(a, n, j, i, rtol, tolerance, "computed with forward mode " if forward else "",
                         lambda: _slow_mode_report(func, inputs, outputs, i, j, rtol, atol, eps, forward))


def _own_generator():
    """gradcheck's own torch.Generator(): its random vectors leave the program's generator alone."""
    from .random import DEFAULT_GENERATOR_SEED, Generator
    return Generator(DEFAULT_GENERATOR_SEED)


def _numerical_jvp(func, inputs, inp, u, eps):
    """J.u of every output by central differences along eps * u (the input's .data moved and put back)."""
    entry, v = inp.data, u * eps
    orig = entry.clone()
    entry.copy_(orig - v)
    outa = tuple(a.clone() for a in _as_tuple(func(*inputs)))
    entry.copy_(orig + v)
    outb = tuple(a.clone() for a in _as_tuple(func(*inputs)))
    entry.copy_(orig)
    return [((b - a) / (2 * eps)).detach().reshape(-1) for a, b in zip(outa, outb)]


def _slow_mode_report(func, inputs, outputs, input_idx, output_idx, rtol, atol, eps, forward):
    numerical = _numerical_jacobian(func, inputs, outputs, eps)[output_idx][input_idx]
    if forward:
        def one_input(inp):
            args = list(inputs)
            args[input_idx] = inp
            return _as_tuple(func(*args))[output_idx]
        analytical = _analytical_jacobian_forward_ad(one_input, (inputs[input_idx],), (outputs[output_idx],))[0][0]
    else:
        analytical = _analytical_jacobian(inputs, outputs[output_idx], float("inf"), False)[input_idx]
    msg = ("\nThe above quantities relating the numerical and analytical jacobians are computed \n"
           "in fast mode. See: https://github.com/pytorch/pytorch/issues/53876 for more background \n"
           "about fast mode. Below, we recompute numerical and analytical jacobians in slow mode:\n\n"
           f"Numerical:\n {numerical}\nAnalytical:\n{analytical}\n\n"
           f"The max per-element difference (slow mode) is: {(numerical - analytical).abs().max()}.\n")
    if analytical.allclose(numerical, rtol, atol):
        msg += FAST_FAIL_SLOW_OK_MSG
    return msg


FAST_FAIL_SLOW_OK_MSG = """
Fast gradcheck failed but element-wise differences are small. This means that the
test might've passed in slow_mode!

If you are adding a new operator, please file an issue and then use one of the
workarounds. The workaround depends on how your test invokes gradcheck/gradgradcheck:

If the test
- manually invokes gradcheck/gradgradcheck, then call gradcheck/gradgradcheck
  with `fast_mode=False` as a keyword argument.
- is OpInfo-based (e.g., in test_ops_gradients.py), then modify the OpInfo for the test
  to have `gradcheck_fast_mode=False`
- is a Module test (e.g., in common_nn.py), then modify the corresponding
  module_test entry to have `gradcheck_fast_mode=False`
""".strip()


def _float_outputs(raw):
    return [o for o in _as_tuple(raw) if isinstance(o, Tensor) and o.dtype.is_floating_point]


def _dual_inputs(inputs):
    """Each input that requires grad as a dual of its detached self with a zero tangent, and those tangents."""
    from . import forward_ad as fw
    from .creation import zeros_like
    duals, tangents = [], []
    for inp in inputs:
        if isinstance(inp, Tensor) and inp.requires_grad:
            inp = fw.make_dual(inp.detach(), zeros_like(inp))
            tangents.append(fw.unpack_dual(inp)[1])
        duals.append(inp)
    return duals, tangents


def _analytical_jacobian_forward_ad(func, inputs, func_out, all_u=None):
    """Per input that requires grad, per float output: (input numel x output numel), a column per one-hot tangent;
    with all_u (fast mode), J.u for each input's u (a vector per output)."""
    from . import forward_ad as fw
    jacobians = [[o.new_zeros((t.numel() if all_u is None else 1, o.numel())) for o in _float_outputs(func_out)]
                 for t in _diff_inputs(inputs)]
    with fw.dual_level():
        duals, tangents = _dual_inputs(inputs)
        if all_u is not None:
            for i, (tangent, u) in enumerate(zip(tangents, all_u)):
                tangent.copy_(u.view_as(tangent))
                for k, o in enumerate(_float_outputs(func(*duals))):
                    res = fw.unpack_dual(o)[1]
                    jacobians[i][k] = jacobians[i][k].squeeze(0)
                    if res is None:
                        jacobians[i][k].zero_()
                    else:
                        jacobians[i][k].copy_(res.reshape(-1))
                tangent.zero_()
            return jacobians
        for i, tangent in enumerate(tangents):
            for k, idx in enumerate(itertools.product(*[range(m) for m in tangent.size()])):
                tangent[idx] = 1.0
                for jac, o in zip(jacobians[i], _float_outputs(func(*duals))):
                    res = fw.unpack_dual(o)[1]
                    if res is None:
                        jac[k].zero_()
                    else:
                        jac[k].copy_(res.reshape(-1))
                tangent[idx] = 0.0
    return jacobians


def _test_undefined_forward_mode(func, inputs):
    """A zero tangent and no tangent at all must give the same output tangents (each input in turn; the others
    carry random tangents of gradcheck's own generator)."""
    from . import forward_ad as fw
    from .creation import rand, zeros_like
    g = _own_generator()
    with fw.dual_level():
        duals, tangents = _dual_inputs(inputs)
        for t in tangents:
            u = rand(t.numel(), generator=g).to(t.dtype)
            t.copy_((u / u.norm()).view_as(t))
        for idx, inp in enumerate(inputs):
            if not (isinstance(inp, Tensor) and inp.requires_grad):
                continue
            kept = duals[idx]
            duals[idx] = fw.make_dual(inp.detach(), zeros_like(inp))
            outs1 = _float_outputs(func(*duals))
            duals[idx] = inp.detach()
            outs2 = _float_outputs(func(*duals))
            duals[idx] = kept
            for index_o, (o1, o2) in enumerate(zip(outs1, outs2)):
                res1, res2 = fw.unpack_dual(o1)[1], fw.unpack_dual(o2)[1]
                if res1 is not None and res2 is not None and not res1.allclose(res2):
                    raise GradcheckError(str(("Mismatch in tangent values for output with index: ", index_o,
                                              " when input: ", inp, " has an undefined tangent value. ", " Got: ",
                                              res1, " but expected: ", res2)))


def _test_batched_grad_forward_ad(func, inputs):
    """Two random tangents per input (the global generator's randn_like), each pushed through func."""
    from . import forward_ad as fw
    from .creation import randn_like
    for input_idx, current in enumerate(inputs):
        if not (isinstance(current, Tensor) and current.requires_grad and current.dtype.is_floating_point):
            continue
        for tangent in [randn_like(current) for _ in range(2)]:
            with fw.dual_level():
                dual = fw.make_dual(current.detach(), tangent)
                func(*[dual if i == input_idx else (x.detach() if isinstance(x, Tensor) else x)
                       for i, x in enumerate(inputs)])


def _test_batched_grad(inputs, output):
    """Two random grad outputs (the global generator's randn_like), each one vjp."""
    from .creation import randn_like
    diff_inputs = _diff_inputs(inputs)
    for g in [randn_like(output) for _ in range(2)]:
        autograd.run_backward([output], [g], True, False, inputs=diff_inputs, allow_unused=True)


def _check_no_differentiable_outputs(func, inputs, func_out, eps):
    for jacobians in _numerical_jacobian(func, inputs, func_out, eps):
        for jac in jacobians:
            if jac.ne(0).sum() > 0:
                raise GradcheckError("Numerical gradient for function expected to be zero")


def gradcheck(func, inputs, *, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True, nondet_tol=0.0,
              check_undefined_grad=True, check_grad_dtypes=False, check_batched_grad=False,
              check_batched_forward_grad=False, check_forward_ad=False, check_backward_ad=True, fast_mode=False,
              masked=None):
    """PyTorch's gradcheck: slow mode, or fast mode's random reductions."""
    from .errors import make
    for wrong, text in ((not (check_forward_ad or check_backward_ad),
                         "Expected at least one of check_forward_ad or check_backward_ad to be True"),
                        (check_batched_grad and not check_backward_ad,
                         "Setting check_batched_grad=True requires check_backward_ad to be True"),
                        (check_batched_forward_grad and not check_forward_ad,
                         "Setting check_batched_forward_grad=True requires check_forward_ad to be True")):
        if wrong:
            raise make("AssertionError", text)
    args = (func, inputs, eps, atol, rtol, nondet_tol, check_grad_dtypes, check_backward_ad, check_undefined_grad,
            check_forward_ad, check_batched_grad, check_batched_forward_grad, fast_mode)
    if not raise_exception:
        try:
            return _gradcheck(*args)
        except GradcheckError:
            return False
    return _gradcheck(*args)


def _uniform(t):
    """t filled from U(-1, 1) in place, a complex t's real and imaginary parts alike (make_tensor's)."""
    from .ops.real_complex import view_as_real
    (view_as_real(t) if t.is_complex() else t).uniform_(-1, 1)
    return t


def gradgradcheck(func, inputs, grad_outputs=None, *, eps=1e-6, atol=1e-5, rtol=1e-3,
                  gen_non_contig_grad_outputs=False, raise_exception=True, nondet_tol=0.0, check_undefined_grad=True,
                  check_grad_dtypes=False, check_batched_grad=False, check_fwd_over_rev=False,
                  check_rev_over_rev=True, fast_mode=False, masked=False):
    inputs = _as_tuple(inputs)
    if grad_outputs is None:  # random grad outputs in [-1, 1), as torch.testing.make_tensor draws them (a complex
        from .creation import empty  # one's real and imaginary parts, interleaved)
        grad_outputs = tuple(
            _uniform(empty(x.shape, dtype=x.dtype if x.dtype.is_floating_point or x.is_complex() else dtypes.float64))
            .requires_grad_() for x in _differentiable_outputs(func(*inputs)))
    else:
        grad_outputs = _as_tuple(grad_outputs)
    n = len(grad_outputs)
    diff_args = {i for i, x in enumerate(inputs) if isinstance(x, Tensor) and x.requires_grad}
    diff_grads = {i for i, x in enumerate(grad_outputs) if x.requires_grad}

    def new_func(*args):
        input_args = tuple(x.requires_grad_() if i in diff_args else x for i, x in enumerate(args[:-n]))
        outputs = _differentiable_outputs(func(*input_args))
        grads = tuple(x.requires_grad_() if i in diff_grads else x for i, x in enumerate(args[-n:]))
        diff_input_args = [x for i, x in enumerate(input_args) if i in diff_args]
        grad_inputs = autograd.run_backward(list(outputs), list(grads), None, True, inputs=diff_input_args,
                                            allow_unused=True)
        return tuple(g for g in grad_inputs if g is not None)
    return gradcheck(new_func, inputs + grad_outputs, eps=eps, atol=atol, rtol=rtol, raise_exception=raise_exception,
                     nondet_tol=nondet_tol, check_undefined_grad=check_undefined_grad,
                     check_grad_dtypes=check_grad_dtypes, check_batched_grad=check_batched_grad, fast_mode=fast_mode,
                     check_forward_ad=check_fwd_over_rev, check_backward_ad=check_rev_over_rev)

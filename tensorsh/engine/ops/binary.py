"""Binary arithmetic: add, sub, mul, div, pow (and square), floor_divide, remainder, fmod, atan2, hypot, xlogy,
bitwise and/or/xor/not, the reflected and augmented operators, and the in-place twins add_/sub_/mul_/div_/pow_."""
import builtins
import cmath
import math

import numpy as np

from .. import autograd, dtypes, errors, kernels, messages, undo
from ..autograd import NOTHING_SAVED, Node, SavedTensor, edge_of
from ..errors import TorchError, make, runtime, type_error
from ..scalars import FLOAT32_MAX, checked_scalar
from ..tensorimpl import Tensor
from ..storage import INFERENCE_SEEN
from .comparison import logical_not, where
from .core import (COMPLEX_INPLACE_KERNELS, COMPLEX_KERNELS, ORIGINAL_SCALAR, REDUCED_FLOATS, STEPWISE_REDUCED,
                   BinaryNode, aliased_operand, attach, binary_op, binary_operands, cast_for_inplace, check_broadcast, check_fits_output,
                   check_inplace, from_numpy, laid_out_like, needs_grad, precheck, scalar_in, self_overlapping,
                   true_div_dtype, cj, write_inplace, write_reading_back, write_recomputing, write_rows, written,
                   zeros_of, inference_saved_first, refuse_unsupported_result)
from .registry import op, operator
from .scalar_arith import div_scalar as _div_scalar, mul_scalar, sub_scalar, times_conj
from .unary import reciprocal




def _alpha_kernel(alpha):
    """a + alpha * b of the common dtype, as PyTorch's add kernel computes it: one fused multiply-add in float,
    wrapping in an integer dtype."""
    def kernel(a, b):
        dt = np.result_type(a, b)
        if dt.kind == "f":
            return kernels.add_alpha(a, b, alpha)
        scale = np.int64(alpha).astype(dt) if dt.kind in "iu" else dt.type(alpha)  # (a negative one wraps)
        with np.errstate(over="ignore"):
            return np.add(a, np.multiply(b, scale, dtype=dt), dtype=dt)
    return kernel


def _alpha_node(node_cls, alpha):
    def make(a, b, out):
        node = node_cls(a, b, out)
        node.alpha = alpha
        return node
    return make


def _checked_alpha(self, other, alpha, sign):
    """PyTorch's alpha_check against the result type; a bool result takes alpha as a bool."""
    if type(alpha) is int and alpha == 1:
        return alpha
    if isinstance(self, Tensor) and isinstance(other, Tensor):  # (the TensorIterator's shapes come first)
        check_broadcast(self, other)
    dt = dtypes.result_type((self, other))
    if isinstance(alpha, bool) and dt is not dtypes.bool_:
        raise runtime("Boolean alpha only supported for Boolean results.")
    if dt.category < 2 and isinstance(alpha, (float, complex)):
        raise runtime("For integral input tensors, argument alpha must not be a floating point number.")
    if dt.category < 3 and isinstance(alpha, complex):
        raise runtime("For non-complex input tensors, argument alpha must not be a complex number.")
    check_alpha_fits(dt, sign * alpha)
    return builtins.bool(alpha) if dt is dtypes.bool_ else alpha


# the kernel reads alpha as its dtype's value through c10's checked_convert (sub's alpha negated): an unsigned type
# takes negatives down to -max (they wrap), a float type any value within its range, inf or nan
_ALPHA_RANGES = {dtypes.uint8: (-255, 255, "uint8_t"), dtypes.int8: (-128, 127, "int8_t"),
                 dtypes.int16: (-2 ** 15, 2 ** 15 - 1, "int16_t"), dtypes.int32: (-2 ** 31, 2 ** 31 - 1, "int"),
                 dtypes.int64: (-2 ** 63, 2 ** 63 - 1, "int64_t"), dtypes.float16: (-65504.0, 65504.0, "c10::Half"),
                 dtypes.bfloat16: (-3.3895313892515355e38, 3.3895313892515355e38, "c10::BFloat16"),
                 dtypes.float32: (-3.4028234663852886e38, 3.4028234663852886e38, "float")}


def check_alpha_fits(dt, alpha):
    if dt is dtypes.complex64:  # (c10::complex<float>: each part within a float's range, inf and nan as they are)
        checked_scalar(dt, alpha)
        return
    limits = _ALPHA_RANGES.get(dt)
    if limits is not None and not limits[0] <= alpha <= limits[1] and not (
            isinstance(alpha, float) and (alpha != alpha or math.isinf(alpha))):
        raise runtime(f"value cannot be converted to type {limits[2]} without overflow")


# ------------------------------------------------------------------ the binary family: one row per op

class _FormulaNode(BinaryNode):
    """A node of the binary family, built from its row's formulas (binary_node)."""
    __slots__ = ()


def binary_node(grad_fn, self=None, other=None, number_edges=2, alpha=False, both=None, names=("self", "other"),
                number=None, values=None):
    """The node class `grad_fn` of a binary op whose gradients are self(grad, ...) and other(grad, ...) (None: that
    input gets none) or both(grad, ..., mask) (one formula for the two, mask saying which are wanted); a formula's
    parameters after grad name what it reads: the inputs by PyTorch's names (`names`: ("self", "exponent") for pow),
    "result", "alpha". What the node saves, in which order and when, follows as PyTorch's codegen derives it from
    derivatives.yaml: inputs by first use, then the result; when both inputs are differentiable, an input read by
    one formula only is saved when that formula's input wants a gradient. number (0 or 1): the input that is a
    Python number in this overload (PyTorch's Scalar overloads: pow.Tensor_Scalar, xlogy.Scalar_Self), kept as a
    value (grad_fn._saved_<its name> where a formula reads it), with no edge. In place (out None), self's pre-write
    copy stands for self (original_self) and write_inplace saves the result. values: more saved values that are
    no tensors (grad_fn._saved_<name>: a function of the node). setup and grads are generated, as PyTorch generates
    its nodes, so a node costs what a hand-written one does."""
    formulas = (self, other) if both is None else (both, both)
    params = [f.__code__.co_varnames[1:f.__code__.co_argcount - (both is not None)] if f is not None else ()
              for f in formulas]
    argument = {names[0]: "a", names[1]: "b", "result": "out, True"}  # (what setup(a, b, out) saves for each name)
    numbered = names[number] if number is not None else None
    order = list(dict.fromkeys(n for p in params for n in p if n in names and n != numbered))
    order += ["result"] if any("result" in p for p in params) else []
    readers = {n: [k for k, p in enumerate(params) if n in p] for n in order}
    guarded = both is None and number is None and None not in formulas  # (two differentiable inputs)
    guard = {n: ks[0] if len(ks) == 1 and n != "result" and guarded else None for n, ks in readers.items()}

    def saved(names):
        return "(" + "".join(f"SavedTensor({argument[n]})" + ("" if guard[n] is None else
                             f" if nf[{guard[n]}][0] is not None else NOTHING_SAVED") + ", " for n in names) + ")"
    inputs = [n for n in order if n != "result"]
    code = "def setup(self, a, b, out):\n    nf = self.next_functions\n"
    if order:
        code += f"    self.saved = {saved(order)} if out is not None else {saved(inputs)}\n"
    if alpha:
        code += "    self.alpha = 1\n"
    kept = any(numbered in p for p in params)
    if kept:
        code += f"    self.number = {'ab'[number]}\n"
    source = {"alpha": "self.alpha", numbered: "self.number"}
    args = [", ".join(["g"] + [source[n] if n in source else f"v[{order.index(n)}]" for n in p]) for p in params]
    code += "def grads(self, g):\n    v = self.unpack()\n"
    if both is not None:
        code += f"    return f0({args[0]}, (self.wants(0), self.wants(1)))\n"
    else:  # (PyTorch's generated apply computes the gradients in the sorted order of derivatives.yaml's names:
        for k in sorted(range(2), key=lambda k: names[k]):  # other's before self's, so under create_graph the
            code += f"    r{k} = f{k}({args[k]}) if self.wants({k}) else None\n" if formulas[k] else \
                f"    r{k} = None\n"  # nodes other's formula makes are the older, and a later backward runs them last)
        code += "    return (r0, r1)\n"
    namespace = {"SavedTensor": SavedTensor, "NOTHING_SAVED": NOTHING_SAVED, "f0": formulas[0], "f1": formulas[1]}
    exec(code, namespace)
    body = {"__slots__": ("alpha",) * alpha + ("number",) * kept, "name_": grad_fn, "setup": namespace["setup"],
            "grads": namespace["grads"], "formulas": formulas, "saved_names": tuple(order),
            "number_edges": 1 if number is not None else number_edges,
            # in place: the input whose gradient needs self's pre-write copy (-1: always, None: never)
            "self_saved": (-1 if guard[names[0]] is None else guard[names[0]]) if names[0] in order else None,
            "save_guards": {n: guard[n] for n in inputs}}  # (input name: the input whose gradient saves it, or None)
    values = dict(values or {}, **({"alpha": "alpha"} if alpha else {}))
    if kept:
        values[numbered] = "number"
    if values:
        body["saved_values"] = values
    return type(grad_fn, (_FormulaNode,), body)


def binary(name, grad_fn, kernel, self=None, other=None, aliases=(), operators=(), inplace=None, alpha=False,
           check=None, number_grad_fn=None, out_dtype=None, edges=False, both=None, names=("self", "other"),
           number_self=None, reflected=(), number_values=None):
    """A row of the binary family: Tensor.<name>, torch.<name> and its operators computing kernel(a, b) on the
    operands in their common dtype (out_dtype(common) when given; binary_op), recording grad_fn with the formulas
    self, other or both (binary_node; grad_fn a node class: that hand-written node). check(self, other) runs first
    (PyTorch's argument or dtype checks); alpha: the op takes alpha, added by PyTorch's fused multiply-add;
    number_grad_fn: the node of PyTorch's overload for a Python number other (a name: its gradient passes to self
    unchanged; a class: that node, binary_node(..., number=1)); number_self: the node of the overload for a Python
    number self, which torch.<name> and the reflected operators (("__rmod__",)) then take; number_values(self,
    number): the values of the overloads for a Python number where they are not kernel's (pow's); inplace: the twin
    <name>_ is derived, with the operators given (("__imul__",))."""
    node_cls = grad_fn if isinstance(grad_fn, type) else binary_node(grad_fn, self, other, alpha=alpha, both=both,
                                                                     names=names)
    number_cls = binary_node(number_grad_fn, lambda g: g, number=1) if isinstance(number_grad_fn, str) else \
        number_grad_fn
    fn = _binary_function(kernel, node_cls, number_cls, alpha, check, out_dtype, number_self, number_values)
    if names[1] != "other":  # (its parameter named as PyTorch's, for keywords: x.pow(exponent=2))
        fn.__code__ = fn.__code__.replace(co_varnames=(names[0], names[1]) + fn.__code__.co_varnames[2:])
    fn.node, fn.number_node = node_cls, number_cls
    fn.inplace = _binary_inplace(kernel, node_cls, alpha, check, out_dtype) if inplace is not None else None
    if name is not None:  # (Python's own argument errors name the op as PyTorch spells it)
        fn.__qualname__ = name
        op(name, fn, aliases, function=fn if number_self is not None else True, operators=operators, edges=edges,
           inplace=name + "_" if inplace is not None else None, grad_fn=node_cls.name_,
           saves=getattr(node_cls, "saved_names", ()))
        if inplace is not None:
            fn.inplace.__qualname__ = name + "_"
            op(name + "_", fn.inplace, operators=inplace, grad_fn=node_cls.name_)
        for dunder in reflected:
            operator(dunder, _reflect(fn))
    return fn


def _reflect(fn):
    """number <op> tensor: Python calls tensor.__r<op>__(number)."""
    def reflected(self, other):
        return fn(other, self)
    return reflected


def _binary_function(kernel, node_cls, number_cls, alpha, check, out_dtype, number_self, number_values):
    if alpha:
        sign = -1 if kernel is np.subtract else 1

        def fn(self, other, alpha=1):
            if INFERENCE_SEEN[0]:
                inference_saved_first(node_cls, self, other)
            if check is not None:
                check(self, other)
            alpha = _checked_alpha(self, other, alpha, sign)
            if alpha != 1:  # (one kernel over the operands in their common dtype)
                dt = dtypes.result_type((self, other))
                return binary_op(self, other, _alpha_kernel(sign * alpha) if dt not in REDUCED_FLOATS else
                                 lambda a, b: kernels.reduced_add_alpha(a, b, sign * alpha, dtypes.rounding(dt)),
                                 _alpha_node(node_cls, alpha))
            return binary_op(self, other, kernel, node_cls)
    elif number_cls is not None or number_self is not None:
        def fn(self, other):
            if INFERENCE_SEEN[0] and isinstance(other, Tensor) and isinstance(self, Tensor):
                inference_saved_first(node_cls, self, other)
            if check is not None:
                check(self, other)
            if isinstance(other, Tensor):
                if number_self is None or isinstance(self, Tensor):
                    return binary_op(self, other, kernel, node_cls, out_dtype)
                node, tensor = number_self, other
            else:
                node, tensor = number_cls or node_cls, self
            if number_values is None:
                return binary_op(self, other, kernel, node, out_dtype)
            out = number_values(self, other)
            if needs_grad(tensor):
                attach(out, node(self, other, out))
            return out
    elif check is not None:
        def fn(self, other):
            if INFERENCE_SEEN[0]:
                inference_saved_first(node_cls, self, other)
            check(self, other)
            return binary_op(self, other, kernel, node_cls, out_dtype)
    else:  # (the hot path: mul, div without checks)
        def fn(self, other):
            if INFERENCE_SEEN[0]:
                inference_saved_first(node_cls, self, other)
            return binary_op(self, other, kernel, node_cls, out_dtype)
    return fn


def _binary_inplace(kernel, node_cls, with_alpha=False, check=None, out_dtype=None):
    """The in-place twin of a binary row: autograd's checks, TensorIterator's shape and cast checks, the write, the
    node (self's pre-write copy saved where a formula reads self, PyTorch's original_self)."""
    sign = -1 if kernel is np.subtract else 1

    def op(self, other, alpha=1):
        if check is not None:
            if needs_grad(self, other):  # (autograd's leaf check before the kernel's own)
                check_inplace(self)
            check(self, other)
        if with_alpha and type(alpha) is float and isinstance(other, Tensor) and alpha != 1 and \
                -FLOAT32_MAX <= alpha <= FLOAT32_MAX and _fma_in_place(self, other, sign * alpha):
            return self  # (the optimizers' p.add_(buf, alpha=-lr); a larger alpha may not fit: checked below)
        if with_alpha and not (type(alpha) is int and alpha == 1):
            if needs_grad(self, other):  # (PyTorch's order: the leaf check, the cast check, then alpha_check)
                check_inplace(self)
            if not (isinstance(other, Tensor) and other.dtype is self.dtype and self.dtype.category == 2 and
                    other._shape == self._shape and type(alpha) in (int, float)):  # (where these cannot fail)
                check_fits_output(self, other)
                cast_for_inplace(self, dtypes.result_type((self, other), tensorless=True))
                alpha = _checked_alpha(self, other, alpha, sign)
            else:
                check_alpha_fits(self.dtype, sign * alpha)
        fused = with_alpha and alpha != 1 and type(alpha) in (int, float) and \
            dtypes.result_type((self, other)) in (dtypes.float32, dtypes.float64)  # (one multiply-add, any operands)
        b = _plain_operand(self, other, kernel) if alpha == 1 or fused else None
        if b is not None:  # the optimizers' case: no autograd, nothing to check, written in place
            undo.touch(self._storage)
            if fused:
                self._np[...] = kernels.add_alpha(self._np, b, sign * alpha)
            else:
                kernel(self._np, b, out=self._np)
            written(self)
            return self
        precheck(self, other)
        bf_alpha = with_alpha and alpha != 1 and self.dtype in REDUCED_FLOATS and type(alpha) in (int, float) and \
            not self_overlapping(self)  # (the reduced kernel over any operand, cast to self's dtype)
        operand = other  # (an aliased operand is read as the loop goes: alpha applied element by element)
        scaled = alpha != 1 and not fused and not bf_alpha
        if scaled and not isinstance(other, Tensor):
            other, scaled = other * alpha, False
        check_broadcast(self, other)
        dt = dtypes.result_type((self, other), tensorless=True)
        check_fits_output(self, other)  # (TensorIterator computes the shape before the types)
        if out_dtype is not None:
            try:
                dt = out_dtype(dt)
            except errors.TorchError:  # (a kernel's dtype dispatch: the cast check comes first)
                cast_for_inplace(self, dt)
                raise
        cast_for_inplace(self, dt)  # (before the operands are read: float16 += 1j is ComplexHalf's refusal)
        an, bn, _ = binary_operands(self, other, None, kernel in ORIGINAL_SCALAR)
        step = _alpha_kernel(sign * alpha) if scaled else COMPLEX_INPLACE_KERNELS.get(
            kernel, COMPLEX_KERNELS.get(kernel, kernel)) if dt.category == 3 else kernel  # (alpha * other: no node)
        if out_dtype is not None:
            an = an.astype(dt.np, copy=False)
            if not (kernel in ORIGINAL_SCALAR and dt in REDUCED_FLOATS):  # (a float16/bfloat16 division reads a
                bn = bn.astype(dt.np, copy=False) if isinstance(bn, np.ndarray) else dt.np.type(bn)  # 0-dim as a float)
        if self_overlapping(self):
            bb = np.broadcast_to(bn, self._shape)
            scale = dt.np.type(sign * alpha) if fused else None

            def write(arr):
                if fused:
                    write_rows(self, arr, lambda ix: kernels.fma(bb[ix], scale, arr[ix].astype(an.dtype)), (other,))
                else:
                    write_rows(self, arr, lambda ix: step(arr[ix].astype(an.dtype), bb[ix]), (other,))
        elif aliased_operand(self, operand):
            scale = dt.np.type(sign * alpha if fused else alpha)

            rounded = dtypes.rounding(dt) if bf_alpha else None

            def write(arr):  # (float16/bfloat16: each piece the loop computes with the reduced kernel's arithmetic)
                write_reading_back(self, arr, operand, (lambda a, b: kernels.fma(b.astype(dt.np), scale, a.astype(dt.np)))
                                   if fused else (lambda a, b: rounded(kernels.reduced_add_alpha(a, b, sign * alpha, rounded)))
                                   if bf_alpha else lambda a, b: kernel(a.astype(dt.np), b.astype(dt.np) * scale))
        else:
            values = kernels.add_alpha(an, bn, sign * alpha) if fused else step(an, bn) if not bf_alpha else \
                kernels.reduced_add_alpha(an, bn, sign * alpha, dtypes.rounding(dt))

            def write(arr):
                arr[...] = dtypes.stored(values, self.dtype)

        def make():
            node = _inplace_node(node_cls, self, other)
            if fused or scaled:
                node.alpha = alpha
            return node
        return write_inplace(self, write, make, (other,), save_output="result" in node_cls.saved_names)
    return op


def _fma_in_place(self, other, scale):
    """self += other * scale by the compiled fused multiply-add, where the general path would take the same write
    after checks that cannot fail here (float32 tensors of one shape, no autograd, self no view, other in another
    storage, both C-contiguous); False, nothing done, elsewhere."""
    if self.dtype is not dtypes.float32 or other.dtype is not self.dtype or other._shape != self._shape or \
            self._view is not None or other._storage is self._storage or 0 in self._stride or needs_grad(self, other):
        return False
    undo.touch(self._storage)
    if not kernels.fma_into(other._np, self.dtype.np.type(scale), self._np):
        return False
    written(self)
    return True


def _plain_operand(self, other, kernel=None):
    """other as a numpy operand when an in-place binary op on float self needs none of the general path: no
    autograd, no overlap, no broadcast or cast (a Python number, or a tensor of self's dtype and shape that does
    not share self's storage); else None."""
    if self.dtype.category != 2 or needs_grad(self, other) or 0 in self._stride or \
            (self._view is not None and self_overlapping(self)):
        return None
    t = type(other)
    if t is float or t is int:
        if self.dtype in REDUCED_FLOATS:
            return scalar_in(self.dtype, other, kernel in ORIGINAL_SCALAR)
        return self.dtype.np.type(other)
    if isinstance(other, Tensor) and other.dtype is self.dtype and other._shape == self._shape and \
            other._storage is not self._storage:
        return other._np
    return None


def _inplace_node(node_cls, self, other):
    """The node of an in-place binary op; self, when a formula needs it, is saved as its pre-write copy (recorded,
    as PyTorch's original_self, so double backward reaches self)."""
    edge = node_cls.self_saved
    original = None
    if edge is not None and (edge < 0 or needs_grad((self, other)[edge])):
        original = self.clone()
    return node_cls(self, other, None, original)


def _check_sub(a, b):
    """PyTorch's sub_check: a Python bool counts as a bool tensor (it is wrapped as one)."""
    bools = [type(x) is bool or (isinstance(x, Tensor) and x.dtype is dtypes.bool_) for x in (a, b)]
    if all(bools):
        raise runtime(messages.SUB_TWO_BOOLS)
    if any(bools):
        raise runtime(messages.SUB_BOOL)


add = binary("add", "AddBackward0", np.add, lambda g: g, lambda g, alpha: times_conj(g, alpha), alpha=True,
             operators=("__add__", "__radd__"), inplace=("__iadd__",))
sub = binary("sub", "SubBackward0", np.subtract, lambda g: g, lambda g, alpha: times_conj(-g, alpha),
             alpha=True, check=_check_sub, operators=("__sub__",), inplace=("__isub__",))
_SubBackward1 = binary_node("SubBackward1", lambda g: g, number=1)
_sub_scalar = _binary_function(np.subtract, _SubBackward1, None, True, _check_sub, None, None, None)
_sub_scalar_inplace = _binary_inplace(np.subtract, _SubBackward1, True, _check_sub, None)


def _scalar_overload(tensor_overload, scalar_overload):
    """subtract's two signatures: (Tensor other, *, alpha) and (Scalar other, Scalar alpha): an alpha given by
    position is PyTorch's sub.Scalar, whose node (SubBackward1) has self's edge only."""
    def fn(self, other, *scalar_alpha, alpha=1):
        if scalar_alpha:
            return scalar_overload(self, other, *scalar_alpha)
        return tensor_overload(self, other, alpha=alpha)
    return fn


op("subtract", _scalar_overload(sub, _sub_scalar), function=True, grad_fn="SubBackward0")
mul = binary("mul", "MulBackward0", np.multiply, lambda g, other: g * cj(other), lambda g, self: g * cj(self),
             aliases=("multiply",), operators=("__mul__", "__rmul__"), inplace=("__imul__",))
true_divide = binary(None, "DivBackward0", np.true_divide, lambda g, other: g / cj(other),
                     lambda g, self, other: -g * cj((self / other) / other),  # (PyTorch's div_tensor_other_backward)
                     out_dtype=true_div_dtype, inplace=("__itruediv__",))


def _div_mode_node(mode, self_formula, other_formula):
    """DivBackward2, the node of div.Tensor_mode: any rounding_mode given, None included (grad_fn._saved_rounding_mode
    says which); it saves self and other as DivBackward0 does."""
    return binary_node("DivBackward2", self_formula, other_formula, values={"rounding_mode": lambda node: mode})


def _div_modes():
    """rounding_mode -> (kernel, node, out_dtype) of div.Tensor_mode; a rounding mode's gradient is zeros (new_zeros,
    +0., no history)."""
    zeros = (lambda g, other: zeros_of(g), lambda g, self, other: zeros_of(g))
    return {None: (np.true_divide, _div_mode_node(None, *true_divide.node.formulas), true_div_dtype),
            "floor": (np.floor_divide, _div_mode_node("floor", *zeros), None),
            "trunc": (kernels.div_trunc, _div_mode_node("trunc", *zeros), None)}


_DIV_MODES = _div_modes()


def _div_mode(kwargs):
    """div's rounding_mode as given (PyTorch's div.Tensor_mode, even for an explicit None), checked."""
    for k in kwargs:
        if k != "rounding_mode":
            raise type_error(f"div() got an unexpected keyword argument '{k}'")
    mode = kwargs["rounding_mode"]
    if mode not in _DIV_MODES:
        raise runtime(f"div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '{mode}'")
    return mode


def div(self, other, **rounding_mode):  # (**: an explicit rounding_mode=None is div.Tensor_mode, DivBackward2)
    if not rounding_mode:
        return true_divide(self, other)
    mode = _div_mode(rounding_mode)
    if mode is not None:
        _check_integer_division(self, other, f"div_{mode}_cpu")
    kernel, node, out_dtype = _DIV_MODES[mode]
    return binary_op(self, other, kernel, node, out_dtype)


maximum = binary("maximum", "MaximumBackward0", kernels.vector_maximum,  # (the larger operand's gradient, halved at ties,
                 # masked in place: its _version is 1)
                 lambda g, self, other: where(self == other, _div_scalar(g, 2), g).masked_fill_(self < other, 0),
                 lambda g, self, other: where(self == other, _div_scalar(g, 2), g).masked_fill_(self > other, 0))
minimum = binary("minimum", "MinimumBackward0", kernels.vector_minimum,
                 lambda g, self, other: where(self == other, _div_scalar(g, 2), g).masked_fill_(self > other, 0),
                 lambda g, self, other: where(self == other, _div_scalar(g, 2), g).masked_fill_(self < other, 0))


for _ties in (kernels.vector_maximum, kernels.vector_minimum):  # (float16/bfloat16: computed in float, their own
    STEPWISE_REDUCED[_ties] = (lambda x, y, to_reduced, ties=_ties: ties(x, y, element_bytes=2), False)  # chunks)


RsubBackward1 = binary_node("RsubBackward1", None, lambda g, alpha: -g if alpha == 1 else g * -alpha,  # number - t
                            names=("other", "self"), number=0, alpha=True)


def rsub(self, other):
    _check_sub(other, self)
    if isinstance(other, Tensor):
        return sub(other, self)
    return binary_op(other, self, np.subtract, RsubBackward1)


def rdiv(self, other):
    # PyTorch computes scalar / tensor as reciprocal() * scalar (its grad_fn is MulBackward0)
    return mul(reciprocal(self if self.dtype.category >= 2 else self.float()), other)


def _int_power(a, b):
    """PyTorch's powi for integer tensors: a negative exponent gives 1 for 1, +-1 for -1, else 0."""
    a, b = np.asarray(a), np.asarray(b)
    if a.dtype.kind not in "iu" or b.dtype.kind not in "iu" or not (b < 0).any():
        return np.power(a, b)
    out = np.power(a, np.where(b < 0, 0, b))
    odd = (-b) % 2 == 1
    neg = np.where(a == 1, 1, np.where(a == -1, np.where(odd, -1, 1), 0)).astype(out.dtype)
    return np.where(b < 0, neg, out)


def _pow_values(a, b):
    """tensor ** tensor (and a number ** tensor, the number a 0-dim operand): float32/float64 as PyTorch's kernel
    (SLEEF's pow on whole vector chunks, the C library's on the rest: kernels.binary_body) where its walk is known."""
    if np.result_type(a, b).kind == "c":
        return kernels.complex_power(a, b)
    out = kernels.binary_body("loop_pow", a, b) if np.result_type(a, b) != np.float16 else None
    return _int_power(a, b) if out is None else out


def _real_nonnegative(exponent):
    """pow_backward_exponent's condition on the exponent: >= 0, a complex one's imaginary part 0 too."""
    if exponent.dtype.category == 3:
        return (exponent.imag == 0).logical_and(exponent.real >= 0)
    return exponent >= 0


def _pow_exponent_backward(g, self, exponent, result):
    """PyTorch's pow_backward_exponent for a number base: 0 where a 0 base has a (real) non-negative exponent;
    (result * log(base)).conj(), the base's log complex with a complex exponent."""
    if isinstance(self, complex) or exponent.dtype.category == 3:
        log = cmath.log(self) if self != 0 else -math.inf
    else:
        log = math.log(self) if self > 0 else -math.inf if self == 0 else math.nan  # (a negative base: log is nan)
    if self == 0:
        return g * where(_real_nonnegative(exponent), 0.0, cj(mul_scalar(result, log)))
    return g * cj(mul_scalar(result, log))


def _pow_tensor_exponent_backward(g, self, exponent, result):
    """pow_backward_exponent: 0 where a 0 self has a (real) non-negative exponent, else (result * self.log()).conj(),
    self promoted to the result's type first."""
    promoted = dtypes.result_type([self, exponent])
    cond = (self == 0).logical_and(_real_nonnegative(exponent))
    return g * where(cond, 0.0, cj(result * (self if self.dtype is promoted else self.to(promoted)).log()))


def _pow_number_backward(g, self, exponent):
    """pow_backward: grad * (exp * self.pow(exp - 1)).conj(), exp the exponent as a double (or complex), so the
    gradient's own graph shows 2.0 where the program wrote 2."""
    if exponent == 0:
        return zeros_of(g)
    exp = exponent if isinstance(exponent, complex) else float(exponent)
    return g * cj(mul_scalar(self.pow(exp - 1), exp))


PowBackward0 = binary_node("PowBackward0", _pow_number_backward, names=("self", "exponent"), number=1)  # t ** number
PowBackward1 = binary_node("PowBackward1",  # tensor ** tensor
                           lambda g, self, exponent: where(exponent == 0, 0.0,
                                                           g * cj(exponent * self.pow(sub_scalar(exponent, 1)))),
                           _pow_tensor_exponent_backward,
                           names=("self", "exponent"))
PowBackward2 = binary_node("PowBackward2", None, _pow_exponent_backward, names=("self", "exponent"),  # number ** t
                           number=0)


def _pow_number(self, exponent):
    """pow.Scalar and pow.Tensor_Scalar: a unary TensorIterator over the tensor, its output laid out from it alone
    (channels_last kept, a size-1 dim's stride too; the exponent is no operand, as a multiplier's wrapped number is)."""
    out = _pow_number_values(self, exponent)
    if isinstance(self, Tensor) and out.dim() > 1 and not self._np.flags.c_contiguous:
        return laid_out_like(out._np, out.dtype, self)
    return out


def _pow_number_values(self, exponent):
    """The values of pow.Scalar (a number base: contiguous, as its meta function's output is) and pow.Tensor_Scalar (an
    integer tensor to a negative integer refuses before any kernel, empty too; a float exponent computes an integer
    tensor in float32; float tensors as PyTorch's pow kernel, kernels.pow_scalar)."""
    if not isinstance(self, Tensor):
        dt = dtypes.result_type((self, exponent))
        return from_numpy(np.asarray(_pow_values(scalar_in(dt, self), exponent._np.astype(dt.np, copy=False)), order="C"),
                          dt)
    x = self._np
    if self.dtype.category < 2 and type(exponent) is int and exponent < 0:
        raise runtime("Integers to negative integer powers are not allowed.")
    if self.dtype.category < 2 and isinstance(exponent, float):
        x = x.astype(np.float32)
    dt = dtypes.result_type((self, exponent))
    if dt.itemsize == 2 or dt.category == 1:  # (the kernel's exp.to<scalar_t>(); float32/float64 read a double)
        checked_scalar(dt, exponent)
    x = x.astype(dt.np, copy=False)
    if dt.category == 2 and not isinstance(exponent, bool):
        if dt in REDUCED_FLOATS:  # (the exponent cast to the reduced dtype first, as PyTorch's common dtype)
            exponent = float(scalar_in(dt, exponent))
        if dt is dtypes.float16:  # (computed in float and rounded once, x ** 3 too; ** 0.5 and ** -0.5 by pow, so
            x = x.astype(np.float32)  # -0. ** -0.5 is inf, not rsqrt's -inf)
            if exponent in (0.5, -0.5):  # (+ 0: C's pow(-0., 0.5) is +0)
                return from_numpy(kernels.pow_scalar_libm(x, exponent) + np.float32(0), dt)
        elif dt is dtypes.bfloat16 and exponent in (3, -2):  # (PyTorch's x*x*x, 1/(x*x): bfloat16 steps)
            sq = dtypes.to_bfloat16(x * x)
            return from_numpy(sq * x if exponent == 3 else np.float32(1) / sq, dt)
        elif dt is dtypes.bfloat16 and exponent == -0.5:  # (rsqrt's arithmetic in AVX-512's loop)
            return from_numpy(kernels.reduced_rsqrt(x, dtypes.to_bfloat16, floats=16), dt)
        return from_numpy(np.asarray(kernels.pow_scalar(x, exponent, dt is not dtypes.bfloat16)), dt)
    if dt.category == 3 and exponent in (2, 3, -2):  # (the kernel's base * base, base * base * base, 1 / (base * base))
        return from_numpy(kernels.complex_pow_small(x, exponent), dt)
    if dt.category == 3 and exponent == 0.5:  # (pow_tensor_scalar_kernel dispatches 0.5 to sqrt's kernel)
        return from_numpy(np.sqrt(x), dt)
    if dt.category == 3 and exponent in (-1, -0.5):  # (reciprocal's, rsqrt's: c10's 1 / 0 is inf+nanj)
        from .unary import _reciprocal
        base = x if exponent == -1 else np.sqrt(x)
        return from_numpy(_reciprocal(base), dt)
    if dt.category == 3 and exponent not in (0, 1, 2, 3, 0.5):  # (the kernel's other special cases)
        return from_numpy(kernels.complex_power(x, dt.np.type(exponent)), dt)
    return from_numpy(np.power(x, dt.np.type(exponent)), dt)


def _check_pow(self, exponent):
    """Bool to a Bool power has no kernel; a Python bool exponent is pow.Tensor_Scalar's copy or fill of ones; an
    integer tensor's int exponent is read as an int64 first."""
    if getattr(self, "dtype", dtypes.float32).category < 2 and type(exponent) is int and exponent >= 2 ** 63:
        raise runtime("value cannot be converted to type int64_t without overflow")
    if (type(self) is bool or getattr(self, "dtype", None) is dtypes.bool_) and type(exponent) is not bool and \
            dtypes.result_type((self, exponent)) is dtypes.bool_:
        raise errors.make("NotImplementedError", "\"pow\" not implemented for 'Bool'")


power = binary("pow", PowBackward1, _pow_values, names=("self", "exponent"), number_grad_fn=PowBackward0,
               check=_check_pow, number_values=_pow_number, number_self=PowBackward2, operators=("__pow__",), reflected=("__rpow__",))


def square(self):
    return power(self, 2)


def _broadcasts(a, b):
    """Whether a and b broadcast together (a number broadcasts with anything)."""
    try:
        np.broadcast_shapes(getattr(a, "_shape", ()), getattr(b, "_shape", ()))
    except ValueError:
        return False
    return True


def _check_integer_division(a, b, kernel="remainder_cpu"):
    """Integer // and % by zero: PyTorch's kernels raise (floats give inf and nan); bool has no kernel. Shapes that
    do not broadcast are left to the shape check, which PyTorch's TensorIterator makes first."""
    if not _broadcasts(a, b):
        return
    dt = dtypes.result_type((a, b), tensorless=True)
    if dt is dtypes.bool_ or dt.category == 3:  # (`1j % t`: a complex number with a real tensor)
        raise errors.make("NotImplementedError", f"\"{kernel}\" not implemented for '{dtypes.SCALAR_NAMES[dt.name]}'")
    if dt.category < 2 and not any(0 in getattr(t, "_shape", ()) for t in (a, b)) and \
            not np.all(b._np.astype(dt.np, copy=False) if isinstance(b, Tensor) else scalar_in(dt, b)):
        raise runtime("ZeroDivisionError")  # (b as the kernel reads it: 256 is 0 in uint8; no kernel when empty)


class NotImplementedBackward(BinaryNode):
    """floor_divide, number % tensor: PyTorch records a node that refuses to run."""
    name_ = "NotImplemented"
    qualified = True  # (name() is torch::autograd::NotImplemented, its repr is not)
    number_edges = 1
    self_saved = None  # (saves nothing)
    op = "floor_divide"

    def __init__(self, a, b, out, original=None):  # (edges to the operands that require grad only, as PyTorch's)
        Node.__init__(self, tuple(edge_of(t) for t in (a, b) if isinstance(t, Tensor) and t.requires_grad))

    @classmethod
    def over(cls, *operands):
        """The node of a backward op derivatives.yaml marks not_implemented, recorded under create_graph: edged to
        each of its operands that requires grad, in order."""
        node = cls.__new__(cls)
        Node.__init__(node, tuple(edge_of(t) for t in operands if isinstance(t, Tensor) and t.requires_grad))
        return node

    def grads(self, g):
        raise runtime(f"derivative for aten::{self.op} is not implemented")


_NOT_IMPLEMENTED = {}


def not_implemented_node(op_name):
    """The NotImplemented node class of aten::<op_name> (its backward refuses, naming the op)."""
    if op_name not in _NOT_IMPLEMENTED:
        _NOT_IMPLEMENTED[op_name] = type("NotImplementedBackward", (NotImplementedBackward,),
                                         {"__slots__": (), "op": op_name})
    return _NOT_IMPLEMENTED[op_name]


class _RemainderNotImplemented(NotImplementedBackward):
    op = "remainder"


class _FloorDivideInplaceNotImplemented(NotImplementedBackward):
    op = "floor_divide_"  # (x //= y and floor_divide_ record the in-place overload's node)


def _np_remainder(a, b):
    """PyTorch's remainder: floor-mod for integers; for floats fmod, then + b where the signs differ (so
    -2.0 % 1 is -0.0, as PyTorch prints it, where numpy's mod gives 0.0)."""
    if np.result_type(a, b).kind != "f":
        return np.mod(a, b)
    m = np.fmod(a, b)
    return np.where((m != 0) & ((np.less(b, 0)) != (m < 0)), m + b, m)


remainder = binary("remainder", "RemainderBackward1", _np_remainder, lambda g: g,
                   lambda g, self, other: -g * div(self, other, rounding_mode="floor"),
                   check=_check_integer_division, number_grad_fn="RemainderBackward0", operators=("__mod__",),
                   number_self=_RemainderNotImplemented, reflected=("__rmod__",))
floor_divide = binary("floor_divide", NotImplementedBackward, np.floor_divide,
                      check=lambda a, b: _check_integer_division(a, b, "div_floor_cpu"),
                      operators=("__floordiv__",), reflected=("__rfloordiv__",))


def bitwise_not(self):
    if self.dtype.category == 2:
        raise type_error("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
    return from_numpy(np.invert(self._np), self.dtype)


def _bitwise(name, np_fn):
    """&, |, ^ on bool and integer tensors (bitwise_and_cpu, ...), and their in-place forms."""
    def values(self, other):
        check_broadcast(self, other)
        an, bn, dt = binary_operands(self, other)
        if dt.category >= 2:
            raise errors.make("NotImplementedError", f"\"{name}_cpu\" not implemented for "
                                                     f"'{dtypes.SCALAR_NAMES[dt.name]}'")
        return np.asarray(np_fn(an, bn), dtype=dt.np), dt

    def op(self, other):
        if not isinstance(other, Tensor) and type(other) not in (bool, int, float, complex):  # (a Parameter is one)
            return NotImplemented
        r, dt = values(self, other)
        return laid_out_like(r, dt, self, other)  # (TensorIterator's layout: a transposed operand's, say)

    return op, integer_inplace(values)


def integer_inplace(values):
    """The in-place form (&=, |=, ^=, <<=, >>=) of a binary op with integer kernels, given its values(self, other):
    autograd's checks, the cast check a float operand meets before the kernel's dtype check, then the write."""
    def op_inplace(self, other):
        if not isinstance(other, (Tensor, bool, int, float, complex)):
            return NotImplemented
        precheck(self, other)
        if isinstance(other, Tensor):  # (TensorIterator computes the shape before the types)
            check_broadcast(self, other)
        check_fits_output(self, other)
        if type(other) in (float, complex) or isinstance(other, Tensor) and other.dtype.category >= 2:
            cast_for_inplace(self, dtypes.result_type((self, other), tensorless=True))
        r, dt = values(self, other)
        cast_for_inplace(self, dt)

        def write(arr):
            arr[...] = dtypes.stored(r, self.dtype)
        return write_inplace(self, write, None)
    return op_inplace


bitwise_and, bitwise_and_inplace = _bitwise("bitwise_and", np.bitwise_and)
bitwise_or, bitwise_or_inplace = _bitwise("bitwise_or", np.bitwise_or)
bitwise_xor, bitwise_xor_inplace = _bitwise("bitwise_xor", np.bitwise_xor)


def _augmented(fn, node_for, kernel_checks=False):
    """x %= y, x //= y, fmod_, copysign_: PyTorch's in-place remainder_/floor_divide_/fmod_ (the kernel's checks first), with
    TensorIterator's casting rule; node_for(other): the node class of the op's overload for that other. kernel_checks:
    fn's checks are its kernel's (the integer divisions' zero and Bool checks, hypot's dtype dispatch), so they run
    after TensorIterator's cast check."""
    def op(self, other):
        precheck(self, other)  # (autograd's leaf and view checks, then TensorIterator's overlap checks: first)
        if kernel_checks and _broadcasts(self, other) and isinstance(self, Tensor):
            check_fits_output(self, other)  # (TensorIterator: the output's shape, then its type)
            cast_for_inplace(self, dtypes.result_type((self, other), tensorless=True))
        with autograd.no_grad():
            values = fn(self, other)
        check_fits_output(self, other)
        cast_for_inplace(self, values.dtype)

        node_cls = node_for(other)

        def make():  # (y's edge too: y may require grad)
            return _inplace_node(node_cls, self, other)

        def write(arr):
            write_recomputing(self, arr, dtypes.stored(values._np, self.dtype), fn, (other,), others=(other,))
        return write_inplace(self, write, make if self.dtype.category == 2 or self.requires_grad else None, (other,),
                             save_output="result" in getattr(node_cls, "saved_names", ()))
    return op


def pow_inplace(self, exponent):
    precheck(self, exponent)
    with autograd.no_grad():
        try:
            values = power(self, exponent)
        except TorchError as e:
            refuse_unsupported_result(e, self)
            raise
    check_fits_output(self, exponent)
    cast_for_inplace(self, values.dtype)

    def make():  # (self's pre-write copy saved: original_self)
        return _inplace_node(PowBackward1 if isinstance(exponent, Tensor) else PowBackward0, self, exponent)

    def write(arr):
        if not isinstance(exponent, Tensor) and self_overlapping(self):
            with autograd.no_grad():
                write_rows(self, arr, lambda ix: power(Tensor._from_numpy(arr[ix].copy(), self.dtype), exponent)._np)
        else:
            arr[...] = dtypes.stored(values._np, self.dtype)
    return write_inplace(self, write, make, (exponent,), save_output=isinstance(exponent, Tensor))


def _atan2_values(a, b):
    """atan2 as PyTorch computes it: SLEEF's on whole two-vector chunks, the C library's on the rest (so all of a
    small tensor): kernels.binary_body's loop_atan2 for float32/float64 where the compiled loops are built and its
    walk is known; elsewhere the chunks get the correctly rounded value, which SLEEF's nearly always is."""
    out = kernels.binary_body("loop_atan2", a, b)
    if out is not None:
        return out
    if a.dtype != np.float32:
        return np.arctan2(a, b)
    out = np.arctan2(a, b, dtype=np.float64).astype(np.float32)
    chunk = kernels._vector_chunk() if kernels.compiled is not None else None
    scalar = kernels._libm("atan2f", 2) if chunk is not None else None
    if scalar is None or np.shape(a) != np.shape(b) or out.size > kernels.GRAIN_SIZE:
        return out
    if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.flags.c_contiguous and b.flags.c_contiguous):
        return out
    flat, fa, fb = out.reshape(-1), a.reshape(-1), b.reshape(-1)
    start = fa.size // chunk * chunk
    flat[start:] = [scalar(x, y) for x, y in zip(fa[start:].tolist(), fb[start:].tolist())]
    return out


def _tensor_other(name):
    """PyTorch's parser for an op whose other has no Number overload (atan2.Tensor, hypot.Tensor)."""
    def check(self, other):
        if not isinstance(other, Tensor):
            raise type_error(f"{name}(): argument 'other' (position 1) must be Tensor, not {type(other).__name__}")
    return check


def _atan2_backward(g, self, other, mask):
    recip = (self * self + other * other).reciprocal()  # PyTorch's atan2_backward: 0 where the sum of squares is 0
    recip = recip.masked_fill(recip.isinf(), 0)  # (out of place: reciprocal saved its result)
    return (g * other * recip if mask[0] else None), (g * -self * recip if mask[1] else None)


atan2 = binary("atan2", "Atan2Backward0", _atan2_values, both=_atan2_backward,
               check=_tensor_other("atan2"), out_dtype=true_div_dtype, aliases=("arctan2",), edges=True)
fmod = binary("fmod", "FmodBackward1", np.fmod, lambda g: g,
              lambda g, self, other: -g * self.div(other, rounding_mode="trunc"), number_grad_fn="FmodBackward0",
              check=lambda self, other: _check_integer_division(self, other, "fmod_cpu"), edges=True)


def _float_only(op, kernel, *tensors):
    """The kernel is dispatched on the operands' common dtype: an integer or bool one has none."""
    dt = dtypes.result_type(tensors)
    if dt.category < 2:
        raise make("NotImplementedError", f'"{kernel}" not implemented for \'{dtypes.SCALAR_NAMES[dt.name]}\'')


def _hypot_check(self, other):
    _tensor_other("hypot")(self, other)
    check_broadcast(self, other)  # (TensorIterator's shapes before the kernel's dtype dispatch)
    _float_only("hypot", "hypot_cpu", self, other)


def _hypot_values(a, b):
    """PyTorch's kernel where the compiled loops are built (SLEEF's hypot_u05 on whole vector chunks, the C
    library's on the rest: kernels.binary_body); elsewhere correctly rounded, float32 computed in double."""
    out = kernels.binary_body("loop_hypot", a, b) if a.dtype in (np.float32, np.float64) else None
    if out is not None:
        return out
    return np.hypot(a, b, dtype=np.float64).astype(np.float32) if a.dtype == np.float32 else np.hypot(a, b)


hypot = binary("hypot", "HypotBackward0", _hypot_values, lambda g, self, result: g * self / result,
               lambda g, other, result: g * other / result, check=_hypot_check, edges=True)


def _xlogy_values(x, y):
    x, y = np.broadcast_arrays(x, np.asarray(y, x.dtype))
    with np.errstate(all="ignore"):
        r = x * kernels.libm_log(y)  # (PyTorch's xlogy kernel calls std::log element by element)
    r = np.where(x == 0, x.dtype.type(0), r)
    return np.where(np.isnan(y), y, r)


def reduced_log_product(log_fn):
    """The float16/bfloat16 form of x * log_fn(y) (xlogy, xlog1py; NaN where y is, 0 where x is 0): c10's log of a
    Half/BFloat16 is rounded to it before the product."""
    def steps(x, y, to_reduced):
        x, y = np.broadcast_arrays(x, y)
        with np.errstate(all="ignore"):
            r = np.where(x == 0, np.float32(0), to_reduced(x * to_reduced(log_fn(y))))
        return np.where(np.isnan(y), y, r)
    return steps


def _xlogy_self_backward(g, self, other):
    """PyTorch's formula: xlogy(grad, other), 0 where self == 0 and other <= 0 (other a number: one mask or none)."""
    mask = (self == 0) & (other <= 0) if isinstance(other, Tensor) else (self == 0) if other <= 0 else None
    return xlogy(g, other) if mask is None else xlogy(g, other).masked_fill(mask, 0.0)


def _xlogy_check(self, other):
    if not isinstance(self, Tensor) and not isinstance(other, Tensor):
        raise type_error("xlogy(): expected a Tensor")


STEPWISE_REDUCED[_xlogy_values] = (reduced_log_product(kernels.libm_log), False)
xlogy = binary("xlogy", "XlogyBackward0", _xlogy_values, _xlogy_self_backward, lambda g, self, other: g * self / other,
               check=_xlogy_check, out_dtype=true_div_dtype, edges=True,
               number_grad_fn=binary_node("XlogyBackward2", _xlogy_self_backward, number=1),  # xlogy(tensor, number)
               number_self=binary_node("XlogyBackward1", None, lambda g, self, other: mul_scalar(g, self) / other,
                                       number=0))  # (xlogy(number, tensor): grad * self is mul.Scalar, MulBackward1)


def _fmod_checked(self, other):
    _check_integer_division(self, other, "fmod_cpu")  # (an integer fmod by zero raises, as remainder's does)
    return fmod(self, other)


remainder_inplace = _augmented(remainder, lambda other: remainder.node if isinstance(other, Tensor) else
                               remainder.number_node, kernel_checks=True)
fmod_inplace = _augmented(_fmod_checked, lambda other: fmod.node if isinstance(other, Tensor) else fmod.number_node,
                          kernel_checks=True)
floor_divide_inplace = _augmented(floor_divide, lambda other: _FloorDivideInplaceNotImplemented, kernel_checks=True)


op("square", square, function=True)
op("div", div, aliases=("divide", "true_divide"), function=True, operators=("__truediv__",), inplace="div_",
   grad_fn="DivBackward0", saves=true_divide.node.saved_names)
op("div_", true_divide.inplace, operators=("__itruediv__",), grad_fn="DivBackward0")
op("pow_", pow_inplace, operators=("__ipow__",))
operator("__rsub__", rsub)
operator("__rtruediv__", rdiv)
def _invert(self, *extra):
    if extra:  # (a METH_NOARGS slot of TensorBase)
        raise type_error(f"TensorBase.__invert__() takes no arguments ({len(extra)} given)")
    return logical_not(self) if self.dtype is dtypes.bool_ else bitwise_not(self)


operator("__invert__", _invert)
operator("__imod__", remainder_inplace)
operator("__ifloordiv__", floor_divide_inplace)
op("remainder_", remainder_inplace, edges=True)
op("fmod_", fmod_inplace, edges=True)
op("floor_divide_", floor_divide_inplace, edges=True)


# in-place twins and spellings PyTorch has beside the rows above
_DIV_NONE_INPLACE = _binary_inplace(np.true_divide, _DIV_MODES[None][1], out_dtype=true_div_dtype)


def div_inplace(self, other, **rounding_mode):
    if not rounding_mode:
        return true_divide.inplace(self, other)
    mode = _div_mode(rounding_mode)
    if mode is None:
        return _DIV_NONE_INPLACE(self, other)
    return _augmented(lambda a, b: div(a, b, rounding_mode=mode), lambda b: _DIV_MODES[mode][1], kernel_checks=True)(
        self, other)


op("divide_", div_inplace, grad_fn="DivBackward0")
op("true_divide_", true_divide.inplace, grad_fn="DivBackward0")
op("subtract_", _scalar_overload(sub.inplace, _sub_scalar_inplace), grad_fn="SubBackward0")
op("multiply_", mul.inplace, grad_fn="MulBackward0")
op("div_", div_inplace, operators=("__itruediv__",), grad_fn="DivBackward0")  # (rounding_mode= too)
op("square_", lambda self: pow_inplace(self, 2), grad_fn="PowBackward0")
op("hypot_", _augmented(hypot, lambda other: hypot.node, kernel_checks=True), edges=True)
op("atan2_", _augmented(atan2, lambda other: atan2.node), aliases=("arctan2_",), edges=True)
op("xlogy_", _augmented(xlogy, lambda other: xlogy.node if isinstance(other, Tensor) else xlogy.number_node),
   edges=True)

"""Pointwise ops of three operands whose PyTorch kernel is one fused expression: addcmul, addcdiv, lerp. The
multiply-adds the compiler fuses are rounded once here too, float32 and float64 (measured against torch: addcmul
is fma(value * t1, t2, self), lerp is fma(w, end - self, self) below w = 0.5 and fma(-(end - self), 1 - w, end)
from it, addcdiv is not fused). (Loaded on first use: rows in ops/lazy.py.)"""
import numpy as np

from .. import dtypes, kernels, messages, undo
from ..autograd import NOTHING_SAVED, Node, SavedTensor, no_grad
from ..errors import TorchError, make, runtime, type_error
from ..scalars import FLOAT32_MAX, NUMBER, check_opmath
from ..tensorimpl import Tensor, _shape_list
from .args import _invalid_combination
from .core import (attach, cast_for_inplace, cj, inference_saved_by, laid_out_like, needs_grad, operand_edge, precheck,
                   self_overlapping, sum_to, type_name, write_inplace, write_recomputing, written)
from .scalar_arith import mul_scalar, number_minus, number_over


def _tensors(op, names, values):
    for pos, (name, v) in enumerate(zip(names, values), start=1):
        if not isinstance(v, Tensor):
            raise type_error(f"{op}(): argument '{name}' (position {pos}) must be Tensor, not {type_name(v)}")


def _check_shapes(tensors):
    """PyTorch's infer_size over the operands in turn, its message at the first mismatch from the right."""
    shape = ()
    for t in tensors:
        other = t._shape
        n = max(len(shape), len(other))
        a_shape, b_shape = (1,) * (n - len(shape)) + shape, (1,) * (n - len(other)) + other
        for i in range(n - 1, -1, -1):
            a, b = a_shape[i], b_shape[i]
            if a != b and a != 1 and b != 1:
                raise runtime(messages.BROADCAST.format(a=a, b=b, d=i))
        shape = tuple(b if a == 1 else a for a, b in zip(a_shape, b_shape))


def _common(tensors):
    """Broadcast arrays of one result dtype (PyTorch's promotion; float16 as float32, in which PyTorch's kernels
    compute it, rounding once), and that dtype. An operand of another dtype (a float32 0-dim tensor beside float16
    ones) is first rounded to the result dtype, as TensorIterator casts the inputs to their common dtype."""
    _check_shapes(tensors)
    dt = dtypes.result_type(tensors)
    work = np.float32 if dt is dtypes.float16 else dt.np
    reduced = dt in (dtypes.float16, dtypes.bfloat16)
    arrays = np.broadcast_arrays(*[
        dtypes.rounding(dt)(t._np.astype(np.float32)) if reduced and t.dtype is not dt else
        t._np.astype(work, copy=False) for t in tensors])
    return arrays, dt


def _result(values, dt, *operands):
    return laid_out_like(values, dt, *operands)


class _ThreeWayBackward(Node):
    """self, tensor1, tensor2 (or self, end, weight): gradients summed back to each input's shape."""
    __slots__ = ("shapes", "value")

    def __init__(self, tensors, value, save):
        Node.__init__(self, tuple(operand_edge(t) for t in tensors))
        self.shapes = tuple(t._shape if isinstance(t, Tensor) else () for t in tensors)
        self.value = value
        self.saved = tuple(SavedTensor(t) if keep and isinstance(t, Tensor) else NOTHING_SAVED
                           for t, keep in zip(tensors, save))

    def backward(self, g):
        grads = self.grads(g, *self.unpack())
        return tuple(sum_to(gr, shape) if gr is not None and self.next_functions[i][0] else None
                     for i, (gr, shape) in enumerate(zip(grads, self.shapes)))


class AddcmulBackward0(_ThreeWayBackward):
    saved_names, saved_values = (None, "tensor1", "tensor2"), {"value": "value"}

    def grads(self, g, _, t1, t2):
        v = self.value
        return (g, g * cj(mul_scalar(t2, v)) if self.next_functions[1][0] else None,  # (derivatives.yaml's conj)
                g * cj(mul_scalar(t1, v)) if self.next_functions[2][0] else None)


class AddcdivBackward0(_ThreeWayBackward):
    saved_names, saved_values = (None, "tensor1", "tensor2"), {"value": "value"}

    def grads(self, g, _, t1, t2):
        v = self.value
        return (g, g * cj(number_over(v, t2)) if self.next_functions[1][0] else None,
                -g * cj(mul_scalar(t1, v) / (t2 * t2)) if self.next_functions[2][0] else None)


def _addc_keep(node_cls, tensor1, tensor2):
    """What the node saves, as PyTorch's codegen guards it: a tensor one formula reads, when that formula's input
    wants a gradient (PyTorch checks the versions of those only); addcdiv's tensor2, read by both, always."""
    wants1, wants2 = needs_grad(tensor1), needs_grad(tensor2)
    return (False, wants2, wants1 if node_cls is AddcmulBackward0 else True)


def _addc(op, node_cls):
    def fn(self, tensor1, tensor2, value=1):
        _tensors(op, ("tensor1", "tensor2"), (tensor1, tensor2))
        if not isinstance(value, NUMBER):
            raise type_error(f"{op}(): argument 'value' must be Number, not {type_name(value)}")
        operands = (self, tensor1, tensor2)
        inference_saved_by(operands, [x for keep, x in zip(_addc_keep(node_cls, tensor1, tensor2), operands) if keep])
        (s, a, b), dt = _common([self, tensor1, tensor2])
        if op == "addcdiv" and tensor1.dtype.category < 2 and tensor2.dtype.category < 2:  # (whatever self is)
            raise runtime("Integer division with addcdiv is no longer supported, and in a future  release addcdiv will "
                          "perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be "
                          "implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for "
                          "integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future "
                          "addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), "
                          "for all dtypes.")
        if dt is dtypes.bool_ and op == "addcmul":
            raise make("NotImplementedError", "\"addcmul_cpu_out\" not implemented for 'Bool'")
        number = check_opmath(dt, value)
        v = np.asarray(number).astype(s.dtype)[()] if dt.category < 2 else s.dtype.type(number)  # (an int wraps)
        if dt.category == 3:
            values = kernels.complex_addc(op == "addcdiv", s, v, a, b)
        elif op == "addcmul":
            values = kernels.fma(v * a, b, s) if dt.category == 2 else s + v * a * b
        else:
            values = s + v * a / b
        out = _result(values, dt, self, tensor1, tensor2)
        if needs_grad(self, tensor1, tensor2):
            attach(out, node_cls((self, tensor1, tensor2), value, _addc_keep(node_cls, tensor1, tensor2)))
        return out
    fn.__name__ = op
    return fn


addcmul = _addc("addcmul", AddcmulBackward0)
addcdiv = _addc("addcdiv", AddcdivBackward0)


class LerpBackward0(_ThreeWayBackward):
    """A number weight: self gets g * (1 - w), end g * w."""
    saved_values = {"weight": "value"}

    def grads(self, g, *_):  # (derivatives.yaml's grad * (1 - weight.toDouble()) and grad * weight: mul.Scalar)
        w = self.value  # (a complex one conjugated)
        return (mul_scalar(g, (1.0 - w).conjugate()), mul_scalar(g, w.conjugate()))


class LerpBackward1(_ThreeWayBackward):
    saved_names = ("self", "end", "weight")

    def grads(self, g, start, end, weight):
        return self.in_name_order(("self", "end", "weight"), lambda: g * cj(number_minus(1, weight)),  # (derivatives.
                                  lambda: g * cj(weight), lambda: g * cj(end - start))  # yaml's conj)


def _lerp_values(s, e, w):
    """PyTorch's lerp: from start below w = 0.5, from end from it, each one fused multiply-add."""
    if s.dtype.kind == "c":
        return kernels.complex_lerp(s, e, w)
    diff = e - s
    if np.ndim(w) == 0 and np.shape(s) == np.shape(e):  # a number: one branch for every element
        w = s.dtype.type(w)
        return kernels.fma(w, diff, s) if abs(w) < 0.5 else kernels.fma(-diff, s.dtype.type(1) - w, e)
    low = np.abs(w) < 0.5
    w = np.broadcast_to(np.asarray(w, s.dtype), diff.shape)
    return np.where(low, kernels.fma(w, diff, s), kernels.fma(-diff, (s.dtype.type(1) - w), e))


def lerp(self, end, weight):
    _tensors("lerp", ("end",), (end,))
    for name, other in (("end", end), ("weight", weight)):  # (lerp's meta function: one dtype, a 0-dim weight aside)
        if isinstance(other, Tensor) and other.dtype is not self.dtype and (name == "end" or other.dim()):
            raise runtime(f"expected dtype {dtypes.C_NAMES[self.dtype.name]} for `{name}` but got dtype "
                          f"{dtypes.C_NAMES[other.dtype.name]}")
    # (the kernel's dtype: a tensor weight's overload computes in the common one, a 0-dim float weight promoting
    # integer tensors; the number's overload in self's)
    kernel_dt = dtypes.result_type((self, end, weight)) if isinstance(weight, Tensor) else self.dtype
    if kernel_dt.category < 2:
        raise make("NotImplementedError", f"\"lerp_kernel_{'tensor' if isinstance(weight, Tensor) else 'scalar'}\" "
                                          f"not implemented for '{dtypes.SCALAR_NAMES[kernel_dt.name]}'")
    if isinstance(weight, Tensor):
        (s, e, w), dt = _common([self, end, weight])
    elif isinstance(weight, (int, float, complex)):
        (s, e), dt = _common([self, end])
        w = s.dtype.type(check_opmath(dt, weight))
    else:
        raise _invalid_combination("lerp", (end, weight), {}, ((("Tensor", "end"), ("Tensor", "weight")),
                                                               (("Tensor", "end"), ("Number", "weight"))))
    tensors = (self, end, weight) if isinstance(weight, Tensor) else (self, end)
    out = _result(_lerp_values(s, e, w), dt, *tensors)  # (a number weight is no operand of the iterator)
    if needs_grad(*tensors):
        if isinstance(weight, Tensor):
            w_grad = needs_grad(weight)  # (self and end only for weight's formula; weight for both of theirs: always)
            attach(out, LerpBackward1(tensors, None, (w_grad, w_grad, True)))
        else:
            attach(out, LerpBackward0(tensors, weight, (False, False)))
    return out


def _plain(self, *tensors):
    """The arrays of tensors when an in-place op on float self needs no autograd, check, broadcast or cast (the
    optimizers' case: each a tensor of self's dtype and shape on another storage); else None."""
    if self.dtype.category != 2 or self.dtype is dtypes.float16 or 0 in self._stride or needs_grad(self, *tensors) or \
            (self._view is not None and self_overlapping(self)):
        return None
    for t in tensors:
        if not isinstance(t, Tensor) or t.dtype is not self.dtype or t._shape != self._shape or t._storage is self._storage:
            return None
    return [t._np for t in tensors]


def _number(value):
    """A number the in-place fast paths may read as it is (one in float32's range: others are checked)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and -FLOAT32_MAX <= value <= FLOAT32_MAX


def _addcmul_plain(self, tensor1, tensor2, value=1):
    arrays = _plain(self, tensor1, tensor2) if _number(value) else None
    return None if arrays is None else kernels.fma(self.dtype.np.type(value) * arrays[0], arrays[1], self._np)


def _addcdiv_plain(self, tensor1, tensor2, value=1):
    arrays = _plain(self, tensor1, tensor2) if _number(value) else None
    return None if arrays is None else self._np + self.dtype.np.type(value) * arrays[0] / arrays[1]


def _lerp_plain(self, end, weight):
    arrays = _plain(self, end) if _number(weight) else None
    return None if arrays is None else _lerp_values(self._np, arrays[0], self.dtype.np.type(weight))


def _inplace_twin(outplace, make_node, plain):
    """addcmul_/addcdiv_/lerp_: the out-of-place values (same kernel, same checks), written into self; `plain`
    computes them at once where nothing needs checking (the same kernel on the arrays)."""
    def op(self, *args, **kwargs):
        values = plain(self, *args, **kwargs)
        if values is not None:
            undo.touch(self._storage)
            self._np[...] = values
            written(self)
            return self
        operands = [a for a in args + tuple(kwargs.values()) if isinstance(a, Tensor)]  # (a Parameter too)
        precheck(self, *operands)
        with no_grad():
            try:
                values = outplace(self, *args, **kwargs)
            except TorchError as e:  # (the kernel's dtype dispatch: the iterator's cast to self was checked first)
                if e.kind == "NotImplementedError" and " not implemented for '" in e.message:
                    cast_for_inplace(self, dtypes.result_type([self, *operands]))
                raise
        if values._shape != self._shape:  # (TensorIterator: the output's shape, then its type)
            raise runtime(messages.OUTPUT_SHAPE.format(_shape_list(self._shape), _shape_list(values._shape)))
        cast_for_inplace(self, values.dtype)

        def write(arr):
            write_recomputing(self, arr, values._np, outplace, args, kwargs, operands)
        return write_inplace(self, write, lambda: make_node(self, *args, **kwargs), operands)
    op.__name__ = outplace.__name__ + "_"
    return op


def _addc_node(node_cls):
    def make(self, tensor1, tensor2, value=1):
        return node_cls((self, tensor1, tensor2), value, _addc_keep(node_cls, tensor1, tensor2))
    return make


def _lerp_node(self, end, weight):
    if isinstance(weight, Tensor):  # the formula for weight reads self before the write: its copy is saved
        w_grad = needs_grad(weight)
        node = LerpBackward1((self, end, weight), None, (False, w_grad, True))
        node.saved = (SavedTensor(self.clone()) if w_grad else NOTHING_SAVED,) + node.saved[1:]
        return node
    return LerpBackward0((self, end), weight, (False, False))


addcmul_inplace = _inplace_twin(addcmul, _addc_node(AddcmulBackward0), _addcmul_plain)
addcdiv_inplace = _inplace_twin(addcdiv, _addc_node(AddcdivBackward0), _addcdiv_plain)
lerp_inplace = _inplace_twin(lerp, _lerp_node, _lerp_plain)

"""Random draws as PyTorch's CPU kernels draw them: the in-place fills (normal_, uniform_, random_, bernoulli_,
exponential_), dropout, and the sampling functions (torch.randperm, torch.normal, torch.bernoulli, torch.multinomial); loaded on first use (rows in ops/lazy.py)."""
import math

import numpy as np

from . import creation, dtypes, kernels, messages
from .autograd import Node, SavedTensor, edge_of
from .errors import runtime, type_error, value_error, warn
from .ops.core import attach, check_broadcast, check_overlap, fresh, needs_grad, partial_overlap, precheck, \
    write_inplace, zero_node
from .random import _glibc, random_composite, random_op
from .scalars import checked_scalar
from .tensorimpl import Tensor


def fill_random(self, values, node_name="NormalBackward0"):
    """Write the draws into self in memory order (the order TensorIterator's serial kernel visits elements)."""
    precheck(self)
    order = kernels.dim_order(self._shape, [self._stride])[::-1]  # (slowest dim first)
    inverse = [order.index(d) for d in range(self.dim())]
    arr = np.asarray(values).reshape([self._shape[d] for d in order]).transpose(inverse)

    def write(a):
        a[...] = arr
    return write_inplace(self, write, lambda: zero_node(node_name, self))


@random_op(kind="inplace")
def normal_inplace(self, mean=0.0, std=1.0, generator=None):
    precheck(self, internal_overlap=False)  # (autograd's in-place checks, then the kernel's of its arguments and dtype,
    _check_std(std)                         # then the written tensor's overlap)
    n = self.numel()
    if self.dtype.category < 2 and n:
        raise creation.not_implemented_for("normal_kernel_cpu", self.dtype)
    precheck(self)
    if not n:
        return fill_random(self, np.zeros(0, self.dtype.np))
    return fill_random(self, _normal_draws(creation._generator(generator), n, self.dtype, mean, std,
                                           self.is_contiguous()))


def _normal_draws(g, n, dt, mean=0.0, std=1.0, contiguous=True):
    """normal_impl_'s n draws of dt: a complex dtype's real view filled with std / sqrt(2) (mean in both parts);
    the block path only for a contiguous output; nothing (of any dtype: no kernel runs) when n is 0."""
    if not n:
        return np.zeros(0, dt.np)
    if dt.category == 3:
        values = g.normal(2 * n, dt.to_real().name, mean, std / math.sqrt(2), contiguous=contiguous or 2 * n < 16)
        return np.ascontiguousarray(values).view(dt.np)
    return g.normal(n, dt.name, mean, std, contiguous=contiguous or n < 16)


@random_op(kind="inplace")
def uniform_inplace(self, from_=0.0, to=1.0, generator=None, **kw):
    if "from" in kw:
        from_ = kw["from"]
    precheck(self, internal_overlap=False)  # (as normal_'s: the written tensor's overlap checked last)
    if self.dtype.category < 2:
        raise creation.not_implemented_for("check_uniform_bounds", self.dtype)
    real = self.dtype.to_real()  # (a complex tensor: view_as_real(self) filled, when it has elements: an empty one
    if real is self.dtype or self.numel():  # returns before the bounds are checked)
        _check_uniform_bounds(float(from_), float(to), real)
    precheck(self)
    values = creation._generator(generator).uniform(self.numel() * (2 if real is not self.dtype else 1), real.name,
                                                    from_, to)
    if real is not self.dtype:
        values = np.ascontiguousarray(values).view(self.dtype.np)
    return fill_random(self, values, "UniformBackward0")


_FLOAT_MAX = {"float16": 65504.0, "bfloat16": 3.3895313892515355e38, "float32": float(np.finfo(np.float32).max),
              "float64": float(np.finfo(np.float64).max)}


def _check_uniform_bounds(from_, to, dt):
    """uniform_impl_'s checks (an empty tensor too): both bounds within the dtype, from <= to, to - from finite."""
    hi = _FLOAT_MAX[dt.name]
    for value, name in ((from_, "from"), (to, "to")):
        if not -hi <= value <= hi:
            raise runtime(f"{name} is out of bounds for {dtypes.C_NAMES[dt.name]}")
    if not from_ <= to:
        raise runtime(f"uniform_ expects to return a [from, to) range, but found from={messages.cpp_double(from_)} > to={messages.cpp_double(to)}")
    if not to - from_ <= hi:
        raise runtime(f"uniform_ expects to-from <= std::numeric_limits<{dtypes.SCALAR_NAMES[dt.name]}>::max(), but "
                      f"found to={messages.cpp_double(to)} and from={messages.cpp_double(from_)} which result in to-from to exceed the limit")


@random_op(kind="inplace")
def random_inplace(self, *bounds, generator=None, **kw):
    """Tensor.random_(), random_(to), random_(from, to): ATen's random_kernel (a word modulo the dtype's span:
    2^digits + 1 for a float, max + 1 for an integer, the low bit for bool) and random_from_to (the engine's
    randint draws, [from, to); `to=None` is [from, the dtype's top], from int64's lowest all 64 bits)."""
    if "to" in kw:  # (the keywords of the (from, to) and (to) overloads, as the parser bound them)
        bounds += (kw.pop("to"),)
    if "from" in kw:
        bounds = (kw.pop("from"),) + bounds
    precheck(self)
    dt, n = self.dtype, self.numel()
    g = creation._generator(generator)
    if not bounds:
        if dt.category == 3 and n:
            raise creation.not_implemented_for("random_kernel_cpu", dt)
        if not n or dt is dtypes.bool_:
            values = g._words(n) & np.uint64(1)
        elif dt is dtypes.float64 or dt is dtypes.int64:
            span = (1 << 53) + 1 if dt is dtypes.float64 else 1 << 63
            values = g._words64(n) % np.uint64(span)
        else:
            span = (1 << creation._float_digits(dt)) + 1 if dt.category == 2 else int(np.iinfo(dt.np).max) + 1
            values = g._words(n) % np.uint64(span)
        return fill_random(self, values.astype(dt.np), "RandomBackward2")
    if len(bounds) == 1:
        from_, to, name = 0, bounds[0], "RandomBackward1"
    else:
        (from_, to), name = bounds, "RandomBackward0"
    if to is None and from_ == _INT64_MIN:
        return _random_full_range(self, g, dt, n)
    from_, to = creation.random_bounds(from_, to, dt)
    values = g.randint(from_, to, n) if n else np.empty(0, np.int64)
    return fill_random(self, values.astype(dt.np), name)


_INT64_MIN = -(1 << 63)


def _random_full_range(self, g, dt, n):
    """random_(int64's lowest, None): every 64-bit draw as an int64, cast to the dtype (random_full_64_bits_range)."""
    if n and (dt in (dtypes.float16, dtypes.bool_) or dt.category == 3):
        raise creation.not_implemented_for("random_full_64_bits_range_kernel_cpu", dt)  # (ATen's dispatch lacks it)
    if n and dt not in (dtypes.int64, dtypes.float64, dtypes.float32, dtypes.bfloat16):
        raise runtime("random_full_64_bits_range_kernel_cpu handles only int64, double, float and bfloat16")
    values = g._words64(n).view(np.int64).astype(dt.np)
    return fill_random(self, dtypes.to_bfloat16(values) if dt is dtypes.bfloat16 else values, "RandomBackward0")


@random_op(kind="inplace", name="bernoulli")
def bernoulli_inplace(self, p=0.5, generator=None):
    """Tensor.bernoulli_(p) for a number p: element i is 1 when the i-th double uniform is below p
    (bernoulli_scalar_kernel_default; the MKL kernel runs only on Intel CPUs)."""
    precheck(self)  # (autograd's in-place checks come before the kernel's check of p)
    if isinstance(p, Tensor):
        return _bernoulli_tensor_inplace(self, p, generator)
    if not 0 <= p <= 1:
        raise runtime(f"bernoulli_ expects p to be in [0, 1], but got p={float(p):g}")  # (a C++ double)
    if self.dtype.category == 3 and self.numel():
        raise creation.not_implemented_for("bernoulli_scalar_cpu_", self.dtype)
    u = creation._generator(generator)._unit53(self.numel())
    return fill_random(self, (u < p).astype(self.dtype.np), "BernoulliBackward2")


def _bernoulli_tensor_inplace(self, p, generator):
    """Tensor.bernoulli_(p) for a tensor p (bernoulli_tensor_cpu_kernel): p expanded to self, then serially in
    self's memory order a draw per element (a double one for a double p), 1 where it is below p."""
    if not self.numel():  # (bernoulli_impl_: nothing to draw, no kernel to refuse a dtype)
        return fill_random(self, np.zeros(0, self.dtype.np), "BernoulliBackward1")
    if self.dtype.category == 3:  # (the dispatch on self's dtype, the iterator's overlap check, then p's dtype)
        _bernoulli_tensor_dtypes(self.dtype, p.dtype)
    p = p.expand(self._shape)
    check_overlap(self, (p,), partial_overlap)
    _bernoulli_tensor_dtypes(self.dtype, p.dtype)
    order = kernels.dim_order(self._shape, [self._stride])[::-1]  # (fill_random's order: slowest dim first)
    g, double = creation._generator(generator), p.dtype is dtypes.float64
    if p._storage is self._storage and (p._offset, p._stride) != (self._offset, self._stride):
        values = _bernoulli_reading_written(self, p, order, g, double)
    else:
        values = _bernoulli_draws(g, np.transpose(p._np, order).reshape(-1), double)
    return fill_random(self, values.astype(self.dtype.np), "BernoulliBackward1")


def _bernoulli_reading_written(self, p, order, g, double):
    """The serial kernel over a p that reads self's own memory in another layout (an expanded element of it: the
    iterator leaves that overlap unchecked): each p read after the elements before it were written."""
    values = []
    for pos in np.ndindex(*[self._shape[d] for d in order]):
        index = tuple(pos[order.index(d)] for d in range(self.dim()))
        value = _bernoulli_draws(g, p._np[index].reshape(1), double)[0]
        self._np[index] = value
        values.append(value)
    return np.array(values)


def _bernoulli_tensor_dtypes(dt, p_dt):
    """bernoulli_tensor_cpu_kernel's dispatch: on the output's dtype (not complex), then on p's (a float)."""
    if dt.category == 3:
        raise creation.not_implemented_for("bernoulli_tensor_cpu_self_", dt)
    if not p_dt.is_floating_point:
        raise creation.not_implemented_for("bernoulli_tensor_cpu_p_", p_dt)


def _bernoulli_draws(g, probs, double):
    """A draw per probability, in the order given (bernoulli_distribution: true where the uniform is below p). An
    invalid probability stops the kernel there, after the draws for those before it: the generator moved by them."""
    draw = g._unit53 if double else g._unit24
    bad = (probs < 0) | (probs > 1) | np.isnan(probs)
    if bad.any():
        before = int(np.argmax(bad))
        if before:
            draw(before)
        raise runtime("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be "
                      "improved?  If so, please report an enhancement request to PyTorch.)")
    u = draw(probs.size)
    return u < probs.astype(u.dtype) if probs.size else np.zeros(0, bool)


@random_op(kind="inplace")
def exponential_inplace(self, lambd=1.0, generator=None):
    """Tensor.exponential_(lambd): -1/lambd * log1p(-u) for one double uniform per element, cast to the dtype as
    static_cast<scalar_t>(double) is: c10::Half is made from a float, so a double rounds twice (a value within 2^-29
    of a half midpoint rounds to even) (exponential_kernel_default: measured bit for bit for float16/32/64)."""
    precheck(self)
    if not lambd > 0.0:
        raise runtime(f"exponential_ expects lambda > 0.0, but found lambda={lambd:g}")
    if not self.dtype.is_floating_point and self.numel():  # (the kernel's check: an empty tensor meets none)
        raise runtime(f"Exponential distribution is a continuous probability distribution. dtype must be a floating "
                      f"point but you specified {dtypes.SCALAR_NAMES[self.dtype.name]}")
    u = creation._generator(generator)._unit53(self.numel())
    with np.errstate(all="ignore"):
        values = (-1.0 / lambd) * _glibc("log1p", -u)  # (numpy's own log1p differs from glibc's in ~7% of lanes)
    return fill_random(self, dtypes.cast(values, self.dtype), "ExponentialBackward0")  # (a half through float)


@random_op(kind="pointwise")
def multinomial(input, num_samples, replacement=False, *, generator=None, out=None):
    """torch.multinomial: without replacement (or one sample), ATen's Gumbel trick — the top num_samples of
    input / q, q ~ Exp(1) drawn by empty_like(input).exponential_() (in input's strides); with replacement, a binary search of one double uniform per sample
    in the row's normalized cumulative sums (multinomial_with_replacement kernel), rows one after another.
    out= (int64 only) is resized to the result without a warning, as multinomial_out's resize_."""
    dt = input.dtype
    if input.dim() not in (1, 2):
        raise runtime("prob_dist must be 1 or 2 dim")
    if not dt.is_floating_point:
        raise runtime(f"multinomial only supports floating-point dtypes for input, got: {dtypes.SCALAR_NAMES[dt.name]}")
    if out is not None and out.dtype is not dtypes.int64:
        raise runtime(f"multinomial expects Long tensor out, got: {dtypes.SCALAR_NAMES[out.dtype.name]}")
    if num_samples <= 0:
        raise runtime("cannot sample n_sample <= 0 samples")
    n_categories = input._shape[-1]
    if not replacement and num_samples > n_categories:
        raise runtime("cannot sample n_sample > prob_dist.size(-1) samples without replacement")
    if n_categories > 2 ** 24:
        raise runtime("number of categories cannot exceed 2^24")
    result = _multinomial(input, num_samples, replacement, generator)
    if out is None:
        return result
    from .ops.geometry_inplace import resize_output
    resize_output(out, result._shape)
    return _write_out(out, result)


def _write_out(out, result):
    """result's values written into out= (one new version), outside autograd as an out= kernel is."""
    from . import autograd
    with autograd.no_grad():
        return out.copy_(result)


def _multinomial(input, num_samples, replacement, generator):
    dt, n_categories = input.dtype, input._shape[-1]
    if input.dim() == 2 and not input._shape[0]:  # (no rows, nothing to draw: no check of the values)
        return fresh(np.zeros((0, num_samples), np.int64), dtypes.int64)
    if not n_categories and (not replacement or num_samples == 1):  # (the fast path's aminmax of nothing)
        raise runtime("aminmax(): cannot compute aminmax over an empty dimension as the operation has no identity.")
    g = creation._generator(generator)
    probs = input._np
    rows = probs.reshape(input._shape[0] if input.dim() == 2 else 1, n_categories)
    if not replacement or num_samples == 1:
        with np.errstate(all="ignore"):
            if not (np.max(probs) < np.inf and np.min(probs) >= 0):
                raise runtime("probability tensor contains either `inf`, `nan` or element < 0")
            if (rows.sum(axis=1, dtype=probs.dtype) == 0).any():
                raise runtime("invalid multinomial distribution (sum of probabilities <= 0)")
        # (q is empty_like(input).exponential_(): drawn in input's memory order when its strides are kept; then
        # div_out(q, input, q) in input's dtype (a half type's quotient rounded) and argmax or topk of it, as ATen's)
        q = exponential_inplace(creation.empty_like(input), generator=generator)
        from . import autograd
        with autograd.no_grad():
            ratio = input.detach() / q
            picked = (ratio.argmax(-1, keepdim=True) if num_samples == 1 else ratio.topk(num_samples)[1])._np
        return fresh(np.ascontiguousarray(picked), dtypes.int64)
    picked = np.empty((len(rows), num_samples), np.int64)
    acc = np.float32 if dt.itemsize == 2 else dt.np  # (a half type's cum_dist is a float tensor)
    for i, row in enumerate(rows):
        bad = ~(row >= 0) | ~np.isfinite(row)  # (the kernel checks each entry in order, < 0 first)
        if bad.any():
            raise runtime("invalid multinomial distribution (encountering probability entry < 0)"
                          if not row[np.argmax(bad)] >= 0 else
                          "invalid multinomial distribution (encountering probability entry = infinity or NaN)")
        cum = np.cumsum(row, dtype=acc)  # (running sums one after another, as the kernel's)
        total = cum[-1] if cum.size else 0
        if not total > 0:
            raise runtime("invalid multinomial distribution (sum of probabilities <= 0)")
        cum = (cum / total).astype(acc)
        cum[-1] = 1
        picked[i] = np.searchsorted(cum, g._unit53(num_samples), side="left")  # (first cum >= u)
    out = picked.reshape(input._shape[:-1] + (num_samples,))
    return fresh(np.ascontiguousarray(out), dtypes.int64)


def dropout_without_noise(input, p, train, inplace, feature):
    """What ATen's _dropout_impl does before it draws (dropout's and alpha dropout's): the probability's check, the
    result where nothing is drawn (not training, p 0, an empty input, p 1: input * 0), feature dropout's rank check;
    None where the noise must be drawn."""
    if p < 0.0 or p > 1.0:
        raise runtime(f"dropout probability has to be between 0 and 1, but got {messages.cpp_double(p)}")
    if not train or p == 0 or input.numel() == 0:
        return input
    if p == 1:
        zeros = creation.zeros((), dtype=input.dtype)
        return input.mul_(zeros) if inplace else input * zeros
    if feature and input.dim() < 2:
        raise runtime("Feature dropout requires at least 2 dimensions in the input")
    return None


@random_composite
def dropout(input, p=0.5, train=True, inplace=False, feature=False):
    """ATen's _dropout on the CPU: noise = empty_like(input).bernoulli_(1 - p).div_(1 - p); input * noise.
    feature=True (feature_dropout): one noise value per (sample, channel), broadcast over the other dims."""
    p = float(p)  # (a 0-dim tensor p: PyTorch's parser reads it as a double)
    result = dropout_without_noise(input, p, train, inplace, feature)
    if result is not None:
        return result
    noise = creation.empty(*(input._shape[:2] + (1,) * (input.dim() - 2)), dtype=input.dtype) if feature \
        else creation.empty_like(input)
    noise = bernoulli_inplace(noise, 1 - p)
    noise.div_(1 - p)
    return input.mul_(noise) if inplace else input * noise


class NativeDropoutBackward0(Node):
    """native_dropout_backward(grad, mask, scale): grad * mask * scale."""

    def __init__(self, input, mask, scale):
        Node.__init__(self, (edge_of(input),))
        self.save(mask)
        self.scale = scale

    def backward(self, g):
        return (g * self.unpack()[0] * self.scale,)


@random_composite
def native_dropout(input, p, train):
    """native_dropout_cpu: (input * mask * 1/(1-p), mask as bool), the mask empty_like(input) (its strides)
    .bernoulli_(1 - p), the scale rounded to input's dtype first (a float16's 1/0.9 is 1.111328125, measured: the
    backward's scale is not rounded); not training (train False): (a copy, all True); an empty input: (input, empty_like), the input given the node."""
    from . import autograd
    training = train is None or train
    scale = (0.0 if p == 1 else 1.0 / (1.0 - p)) if training else 1.0
    if not input.numel():  # ATen returns the input itself, so autograd's set_history gives the input this node as
        mask = creation.empty_like(input)  # its grad_fn (a leaf then fails backward: "moved into the graph interior")
        if needs_grad(input):
            attach(input, NativeDropoutBackward0(input, mask, scale))
        return input, mask
    with autograd.no_grad():
        if training:
            mask = bernoulli_inplace(creation.empty_like(input), 1.0 - p)
            factor = creation.full((), scale, dtype=input.dtype) if input.dtype.is_floating_point else scale
            out = input.mul(mask).mul_(factor)  # (a float's scale in its dtype; an integer input's cast error kept)
            out._version_counter.value = 0  # (ATen's kernel scales its own new tensor: no version)
            mask = mask.to(dtypes.bool_)
        else:
            out, mask = input.clone(), creation.ones_like(input, dtype=dtypes.bool_)
    if needs_grad(input):
        attach(out, NativeDropoutBackward0(input, mask, scale))
    return out, mask


class SampleNode(Node):
    """The node of a sample: its gradient is zero for every tensor it was drawn from (derivatives.yaml)."""
    __slots__ = ("inputs",)

    def __init__(self, name, *inputs):
        Node.__init__(self, tuple(edge_of(t) for t in inputs))
        self.name_ = name
        self.inputs = tuple((t._shape, t.dtype) for t in inputs)

    def backward(self, g):
        return tuple(fresh(np.zeros(shape, dt.np), dt) for shape, dt in self.inputs)


def _sampled(values, dtype, name, *inputs, requires_grad=False):
    values = np.asarray(values, dtype.np)  # (not ascontiguousarray: it makes a 0-dim sample 1-dim)
    out = fresh(values if values.flags.c_contiguous else values.copy(), dtype)
    grad_inputs = [t for t in inputs if isinstance(t, Tensor)]
    if grad_inputs and needs_grad(*grad_inputs):
        attach(out, SampleNode(name, *grad_inputs))
    elif requires_grad:
        out.requires_grad_(True)
    return out


@random_op
def randperm(n, *, generator=None, dtype=None, requires_grad=False, **_):
    """randperm_cpu: 0..n-1, then for each i a swap with i + (32-bit draw % (n - i)) (n below 2**32 / 20)."""
    dt = dtype or dtypes.int64
    if n < 0:
        raise runtime(f"Trying to create tensor with negative dimension {n}: [{n}]")
    checked_scalar(dt, n - 1 if n > 0 else n, reduced=False)  # (check_supported_max_int_with_precision: n - 1 fits the dtype,
    digits = {"float16": (11, "2049"), "float32": (24, "2^24+1"), "float64": (53, "2^53+1")}.get(dt.name)
    if digits and n > (1 << digits[0]) + 1:  # and a float dtype tells its integers apart up to n)
        raise runtime(f"n cannot be greater than {digits[1]} for {dtypes.SCALAR_NAMES[dt.name]} type.")
    if dt is dtypes.bool_ or dt.category == 3:
        raise creation.not_implemented_for("randperm", dt)
    g = creation._generator(generator)
    perm = list(range(n))
    if n > 1:
        big = n >= (1 << 32) // 20
        draws = (g._words64(n - 1) if big else g._words(n - 1)).tolist()
        for i, w in enumerate(draws):
            z = i + w % (n - i)
            perm[i], perm[z] = perm[z], perm[i]
    if requires_grad and not dt.is_floating_point:  # (the parser's set_requires_grad, after the draws)
        raise runtime("Only Tensors of floating point and complex dtype can require gradients")
    return _sampled(np.array(perm, np.int64), dt, None, requires_grad=requires_grad)


def _check_std(std):
    if not std >= 0.0:  # (NaN too)
        raise runtime(f"normal expects std >= 0.0, but found std {messages.cpp_double(std)}")


def _normal_dtype(dt, n):
    """dt, which normal_'s kernel refuses when it is not a float (complex) type, unless there is nothing to fill."""
    if dt.category < 2 and n:
        raise creation.not_implemented_for("normal_kernel_cpu", dt)
    return dt


def _check_std_tensor(std):
    if std.dtype.category == 3:
        raise runtime("normal expects standard deviation to be non-complex")
    if std.numel() and not std._np.min() >= 0:  # (std.min().ge(0): a NaN fails it)
        raise runtime("normal expects all elements of std >= 0.0")


def _refuse_grad_out(name, *tensors):
    """An out= kernel takes no part in autograd: refused when grad mode is on and an argument or out requires grad."""
    from . import autograd
    if autograd._grad_enabled[0] and any(isinstance(t, Tensor) and t.requires_grad for t in tensors):
        raise runtime(f"{name}(): functions with out=... arguments don't support automatic differentiation, but one "
                      "of the arguments requires grad.")


def _normal_out(mean, std, out, generator):
    """ATen's normal_out for a tensor mean or std: std checked, out resized (resize_output, its warning) to the
    broadcast shape (a tensor mean's with out's own), filled by normal_(0, std) or normal_(0, 1) in its memory order,
    then std multiplied and mean added in place."""
    from .ops.geometry_inplace import resize_output
    from .ops.out_dtypes import warn_resized
    _refuse_grad_out("normal", mean, std, out)
    if isinstance(std, Tensor):
        _check_std_tensor(std)
        if isinstance(mean, Tensor):
            check_broadcast(mean, std)
        shape = tuple(np.broadcast_shapes(mean._shape, std._shape)) if isinstance(mean, Tensor) else std._shape
    else:
        _check_std(std)
        check_broadcast(mean, out)
        shape = tuple(np.broadcast_shapes(mean._shape, out._shape))
    warn_resized(out, shape)
    resize_output(out, shape)
    values = out.data  # (its steps below the autograd layer: out's version moves once, as the op's)
    values.normal_(0.0, 1.0 if isinstance(std, Tensor) else std, generator=generator)
    if isinstance(std, Tensor):
        values.mul_(std)
    values.add_(mean if isinstance(mean, Tensor) else creation.full((), mean, dtype=out.dtype))
    out._version_counter.bump()
    return out


@random_op(kind="pointwise")
def normal(mean, std=1.0, size=None, *, generator=None, dtype=None, requires_grad=False, out=None, **_):
    """torch.normal's four forms: the output is filled by normal_(0, std) (or (0, 1)), then std multiplied and mean
    added as separate ops, as ATen's normal_out does; the gradient of mean and std is zero."""
    if out is not None:  # (a tensor mean or std: the two-number form's out= is the creation functions')
        return _normal_out(mean, std, out, generator)
    g = creation._generator(generator)
    if not isinstance(mean, Tensor) and not isinstance(std, Tensor):
        _check_std(std)
        shape = creation._size((size,))
        n = math.prod(shape)
        dt = _normal_dtype(dtype or dtypes.DEFAULT_FLOAT, n)
        values = _normal_draws(g, n, dt, mean, std).reshape(shape)
        return _sampled(values, dt, None, requires_grad=requires_grad)
    if isinstance(mean, Tensor) and not isinstance(std, Tensor):
        _check_std(std)
        dt = _normal_dtype(mean.dtype, mean.numel())
        values = _normal_draws(g, mean.numel(), dt, 0.0, std).reshape(mean._shape)
        return _sampled(values + mean._np, dt, "NormalBackward1", mean)
    if not isinstance(mean, Tensor):
        _check_std_tensor(std)
        dt = _normal_dtype(std.dtype, std.numel())
        values = _normal_draws(g, std.numel(), dt).reshape(std._shape)
        values = _rounded(values * std._np, dt) + _rounded(dtypes.cast(mean, dt), dt)
        return _sampled(values, dt, "NormalBackward2", std)
    _check_std_tensor(std)
    check_broadcast(mean, std)
    shape = np.broadcast_shapes(mean._shape, std._shape)
    dt = _normal_dtype(mean.dtype, math.prod(shape))
    values = _normal_draws(g, math.prod(shape), dt).reshape(shape)
    values = _rounded(values * std._np, dt)
    return _sampled(values + mean._np, dt, "NormalBackward3", mean, std)


def _rounded(values, dt):
    """values rounded to dt as one ATen kernel's output is (mul_ then add_ round in between: a bfloat16, held in
    float32, to bfloat16)."""
    return dtypes.to_bfloat16(values) if dt is dtypes.bfloat16 else np.asarray(values).astype(dt.np, copy=False)


@random_op(kind="pointwise")
def bernoulli(input, p=None, *, generator=None, out=None):
    """torch.bernoulli(input): element i is 1 when a uniform drawn for it is below input[i] (a float uniform of 24
    bits, or a double of 53 when input is float64), drawn in C order (the output is legacy-contiguous);
    bernoulli(input, p): the scalar kernel on a tensor like input. out= (any dtype the kernel takes) is resized to
    input's shape without a warning and filled by out.bernoulli_(input), in out's memory order (bernoulli_out)."""
    if not isinstance(input, Tensor):
        raise type_error(f"bernoulli(): argument 'input' (position 1) must be Tensor, not {type(input).__name__}")
    if out is not None:
        from .ops.geometry_inplace import resize_output
        _refuse_grad_out("bernoulli", input, out)
        resize_output(out, input._shape)
        return _bernoulli_tensor_inplace(out, input, generator)
    if p is not None:
        out = bernoulli_inplace(creation.empty_like(input), p, generator=generator)
        out._version_counter.value = 0  # (ATen fills its new tensor below autograd: no version)
        if needs_grad(input):
            attach(out, _NotImplementedNode(input))
        return out
    dt = input.dtype
    if input.numel():  # (the result is empty_like(input).bernoulli_(input))
        _bernoulli_tensor_dtypes(dt, dt)
    values = _bernoulli_draws(creation._generator(generator), input._np.reshape(-1), dt is dtypes.float64)
    return _sampled(values.reshape(input._shape), dt, "BernoulliBackward0", input)


@random_op(kind="pointwise")
def poisson(input, generator=None):
    """torch.poisson: ATen's sample_poisson for each rate in the output's order, one element at a time from the
    generator's 53-bit doubles: a product of uniforms below 10 (until it falls to exp(-rate)), Hoermann's
    transformed rejection from 10 on."""
    dt = input.dtype
    if not dt.is_floating_point:
        raise creation.not_implemented_for("poisson_cpu", dt)
    g = creation._generator(generator)
    rates = input._np.astype(np.float64).reshape(-1).tolist()
    values = np.array([_sample_poisson(rate, g) for rate in rates], np.float64)
    if dt is dtypes.bfloat16:
        values = dtypes.to_bfloat16(values.astype(np.float32))
    return _sampled(values.reshape(input._shape), dt, "PoissonBackward0", input)


def _to_int64(x):
    """C's double -> int64_t cast as x86's cvttsd2si does it: a NaN, an infinity or any value outside int64's range
    gives INT64_MIN (so a rate from 2**63 on samples -9.2234e+18 in PyTorch)."""
    return int(x) if _INT64_MIN <= x < -_INT64_MIN else _INT64_MIN


def _sample_poisson(rate, g):
    if not rate >= 0:
        raise runtime("invalid Poisson rate, expected rate to be non-negative")
    uniform = lambda: float(g._unit53(1)[0])  # noqa: E731
    if rate >= 10:  # transformed rejection (Hoermann, 1993)
        slam, loglam = math.sqrt(rate), math.log(rate)
        b = 0.931 + 2.53 * slam
        a = -0.059 + 0.02483 * b
        invalpha = 1.1239 + 1.1328 / (b - 3.4)
        vr = 0.9277 - 3.6224 / (b - 2)
        while True:
            u = uniform() - 0.5
            v = uniform()
            us = 0.5 - abs(u)
            # (k stays the double floor(...) through the tests, as PyTorch's compiled code keeps it; only the
            # returned value goes through the int64 cast)
            with np.errstate(all="ignore"):
                k = float(np.floor(np.float64(2 * a / us + b) * u + rate + 0.43)) if us else math.nan
            if us >= 0.07 and v <= vr:
                return _to_int64(k)
            if k < 0 or (us < 0.013 and v > us):
                continue
            if math.log(v) + math.log(invalpha) - math.log(a / (us * us) + b) <= \
                    -rate + k * loglam - math.lgamma(k + 1.0):
                return _to_int64(k)
    if rate == 0:
        return 0
    enlam, count, prod = math.exp(-rate), 0, 1.0
    while True:
        prod *= uniform()
        if prod > enlam:
            count += 1
        else:
            return count


class _NotImplementedNode(Node):
    """bernoulli(input, p)'s node (and _sample_dirichlet's): PyTorch records `NotImplemented`, whose backward
    raises."""
    __slots__ = ("op",)
    name_ = "NotImplemented"

    def __init__(self, x, op="bernoulli"):
        Node.__init__(self, (edge_of(x),))
        self.op = op

    def backward(self, g):
        raise runtime(f"derivative for aten::{self.op} is not implemented")



# ---- gamma and Dirichlet draws (ATen's Distributions.cpp/.h: sample_gamma, _s_gamma_cpu, _s_dirichlet_cpu) ----
_F32 = np.float32
_THIRD_F = float(_F32(1.0) / _F32(3.0))  # (C's 1.0f / 3.0f)
_C0331_F = float(_F32(0.0331))


def _cmax(a, b):
    """std::max(a, b): b only when a < b (a NaN b gives a)."""
    return b if a < b else a


def _sample_gamma(alpha, g, single):
    """sample_gamma<scalar_t, double>: alpha and its boost in scalar_t (float32 when single), the rest in double;
    the uniforms are 53-bit doubles, the normals normal_distribution<double>'s (the generator's cached one first)."""
    uniform = lambda: float(g._unit53(1)[0])  # noqa: E731
    scale = 1.0
    if alpha < 1.0:
        if alpha == 0:
            return 0.0
        exponent = float(_F32(1.0) / _F32(alpha)) if single else 1.0 / alpha
        scale *= math.pow(1 - uniform(), exponent)
        alpha = float(_F32(alpha) + _F32(1.0)) if single else alpha + 1.0
    d = float(_F32(alpha) - _F32(_THIRD_F)) if single else alpha - _THIRD_F
    with np.errstate(all="ignore"):
        c = 1.0 / math.sqrt(9.0 * d) if 9.0 * d > 0 else math.nan
    while True:
        while True:
            x = float(g._normal_serial(1)[0])
            y = 1.0 + c * x
            if not y <= 0:
                break
        v = y * y * y
        u = 1 - uniform()
        xx = x * x
        if u < 1.0 - _C0331_F * xx * xx:
            return scale * d * v
        if math.log(u) < 0.5 * xx + d * (1.0 - v + (math.log(v) if v > 0 else math.nan if v != v or v < 0
                                                       else -math.inf)):
            return scale * d * v


def _gamma_dtype(input, name):
    if input.dtype not in (dtypes.float32, dtypes.float64):
        raise creation.not_implemented_for(name, input.dtype)
    return input.dtype


@random_op(kind="pointwise")
def standard_gamma(input, generator=None):
    """torch._standard_gamma: sample_gamma per concentration in the output's order (one serial kernel), each at
    least the dtype's smallest normal number (std::max); StandardGammaBackward0 differentiates the draw."""
    dt = _gamma_dtype(input, "gamma_cpu")
    g = creation._generator(generator)
    single = dt is dtypes.float32
    tiny = float(np.finfo(dt.np).tiny)
    values = [_cmax(tiny, float(dt.np.type(_sample_gamma(a, g, single))))
              for a in input._np.astype(np.float64).reshape(-1).tolist()]
    out = fresh(np.array(values, dt.np).reshape(input._shape), dt)
    if needs_grad(input):
        attach(out, StandardGammaBackward0(input, out))
    return out


class StandardGammaBackward0(Node):
    saved_names = ("self", "result")

    def __init__(self, x, result):
        Node.__init__(self, (edge_of(x),))
        self.saved = (SavedTensor(x), SavedTensor(result, is_output=True))

    def backward(self, g):
        x, result = self.unpack()
        return (g * standard_gamma_grad(x, result),)


def standard_gamma_grad(self, output):
    """torch._standard_gamma_grad: standard_gamma_grad_one<scalar_t, double> per element."""
    dt = _gamma_dtype(self, "_standard_gamma_grad_cpu")
    a, x = np.broadcast_arrays(self._np.astype(np.float64), output._np.astype(np.float64))
    values = [_gamma_grad_one(ai, xi) for ai, xi in zip(a.reshape(-1).tolist(), x.reshape(-1).tolist())]
    return fresh(np.array(values, np.float64).astype(dt.np).reshape(a.shape), dt)


_PSI_A = (8.33333333333333333333E-2, -2.10927960927960927961E-2, 7.57575757575757575758E-3,
          -4.16666666666666666667E-3, 3.96825396825396825397E-3, -8.33333333333333333333E-3,
          8.33333333333333333333E-2)


def _digamma_one(x, single=False):
    """digamma_one<scalar_t, double> (Cephes' digamma, as Distributions.h has it): x and its steps in scalar_t
    (float32 when single: logf, tanf, 1 / x in float), the sums in double, the result rounded to scalar_t."""
    R, log, tan = _scalar_math(single)
    if x == 0:
        return math.inf
    additional = 0.0
    if x < 0:
        if x == math.floor(x):
            return math.inf
        pi = R(math.pi)
        additional = R(-pi / tan(R(pi * x)))
        x = R(1 - x)
    result = 0.0
    while x < 10:
        result -= R(1 / x)
        x = R(x + 1)
    if x == 10:
        return R(result + 2.25175258906672110764 + additional)
    y = 0.0
    if x < 1.0e17:
        z = 1.0 / R(x * x)
        p = _PSI_A[0]
        for c in _PSI_A[1:]:
            p = p * z + c
        y = z * p
    return R(result + log(x) - R(0.5 / x) - y + additional)


def _scalar_math(single):
    """(rounding to scalar_t, its log, its tan): float32 with libm's logf/tanf, or double."""
    if not single:
        return float, _c_log, math.tan
    from .kernels import _libm
    return (lambda v: float(_F32(v))), _libm("logf") or (lambda v: float(np.log(_F32(v)))), \
        _libm("tanf") or (lambda v: float(np.tan(_F32(v))))


def _c_log(v):
    return math.log(v) if v > 0 else (-math.inf if v == 0 else math.nan)


_F08, _F09, _F11 = float(_F32(0.8)), float(_F32(0.9)), float(_F32(1.1))
_COEF_UV = ((0.16009398, -0.094634809, 0.025146376, -0.0030648343, 1, 0.32668115, 0.10406089, 0.0014179084),
            (0.53487893, 0.1298071, 0.065735949, -0.0015649758, 0.16639465, 0.020070113, -0.0035938915,
             -0.00058392623),
            (0.040121004, -0.0065914022, -0.0026286047, -0.0013441777, 0.017050642, -0.0021309326, 0.00085092367,
             -1.5247877e-07))


def _gamma_grad_one(alpha, x):
    """standard_gamma_grad_one in double: -(d/dalpha cdf(x; alpha)) / pdf(x; alpha)."""
    with np.errstate(all="ignore"):
        return _gamma_grad_np(np.float64(alpha), np.float64(x))


def _gamma_grad_np(alpha, x):  # (numpy doubles: IEEE results where C gives inf/nan, not Python's exceptions)
    if x < _F08:
        numer, denom = np.float64(1), alpha
        series1, series2 = numer / denom, numer / (denom * denom)
        for i in range(1, 6):
            numer *= -x / np.float64(i)
            denom += 1
            series1 += numer / denom
            series2 += numer / (denom * denom)
        c_pow = _scalar_pow(False)
        pow_x_alpha = np.float64(c_pow(float(x), float(alpha)))
        gamma_pdf = np.float64(c_pow(float(x), float(alpha - 1))) * np.float64(math.exp(-x))
        gamma_cdf = pow_x_alpha * series1
        gamma_cdf_alpha = (_c_log(float(x)) - _digamma_one(float(alpha))) * gamma_cdf - pow_x_alpha * series2
        result = -gamma_cdf_alpha / gamma_pdf
        return 0.0 if result != result else float(result)
    if alpha > 8.0:
        if _F09 * alpha <= x <= _F11 * alpha:
            numer_1 = 1 + 24 * alpha * (1 + 12 * alpha)
            numer_2 = 1440 * (alpha * alpha) + 6 * x * (53 - 120 * x) - 65 * x * x / alpha + alpha * (107 + 3600 * x)
            denom = 1244160 * (alpha * alpha) * (alpha * alpha)
            return float(numer_1 * numer_2 / denom)
        denom = np.sqrt(8 * alpha)
        term2 = denom / (alpha - x)
        term3 = np.float64(_scalar_pow(False)(float(x - alpha - alpha * _c_log(float(x / alpha))), -1.5))
        term23 = term2 - term3 if x < alpha else term2 + term3
        term1 = _c_log(float(x / alpha)) * term23 - np.sqrt(2 / alpha) * (alpha + x) / ((alpha - x) * (alpha - x))
        stirling = 1 + 1 / (12 * alpha) * (1 + 1 / (24 * alpha))
        numer = x * term1
        return float(-stirling * numer / denom)
    u = _c_log(float(x / alpha))
    v = _c_log(float(alpha))
    coef_v = [_COEF_UV[0][i] + u * (_COEF_UV[1][i] + u * _COEF_UV[2][i]) for i in range(8)]
    p = coef_v[0] + v * (coef_v[1] + v * (coef_v[2] + v * coef_v[3]))
    q = coef_v[4] + v * (coef_v[5] + v * (coef_v[6] + v * coef_v[7]))
    return math.exp(p / q)


@random_op(kind="pointwise")
def sample_dirichlet(input, generator=None):
    """torch._sample_dirichlet: a double gamma draw per concentration (at least DBL_MIN), each divided by its row's
    double sum, cast to the dtype and held within [its smallest normal, the float below 1]."""
    dt = _gamma_dtype(input, "dirichlet")
    g = creation._generator(generator)
    gammas = [_cmax(2.2250738585072014e-308, _sample_gamma(a, g, False))
              for a in input._np.astype(np.float64).reshape(-1).tolist()]
    gamma = fresh(np.array(gammas, np.float64).reshape(input._shape), dtypes.float64)
    total = gamma.sum(-1, True)._np if input.dim() else gamma._np
    with np.errstate(all="ignore"):
        ratio = (gamma._np / total).astype(dt.np)
    lo, hi = np.finfo(dt.np).tiny, np.nextafter(dt.np.type(1), dt.np.type(0))
    ratio = np.where(lo < ratio, ratio, lo)  # std::max(min, r): a NaN r gives min
    ratio = np.where(ratio < hi, ratio, hi)  # std::min(max, r)
    out = fresh(np.ascontiguousarray(ratio), dt)
    if needs_grad(input):
        attach(out, _NotImplementedNode(input, "_sample_dirichlet"))
    return out


def dirichlet_grad(x, alpha, total):
    """torch._dirichlet_grad: dirichlet_grad_one<scalar_t, double> per element (the Beta's reparameterized gradient
    by its regions: a Taylor series near 0 and near 1 in scalar_t, a saddle point expansion for large concentrations
    and a rational correction in double)."""
    dt = _gamma_dtype(x, "_dirichlet_grad_cpu")
    xs, alphas, totals = np.broadcast_arrays(x._np, alpha._np, total._np)
    single = dt is dtypes.float32
    with np.errstate(all="ignore"):
        values = [_dirichlet_grad_one(a, b, c, single) for a, b, c in
                  zip(*(v.astype(np.float64).reshape(-1).tolist() for v in (xs, alphas, totals)))]
    return fresh(np.array(values, np.float64).astype(dt.np).reshape(xs.shape), dt)


def _scalar_pow(single):
    from .kernels import _libm
    return _libm("powf" if single else "pow", 2) or (lambda a, b: float(np.power(_F32(a), _F32(b)) if single
                                                                      else np.power(a, b)))


def _beta_grad_alpha_small(x, alpha, beta, single):
    R, log, _ = _scalar_math(single)
    factor = R(R(_digamma_one(alpha, single) - _digamma_one(R(alpha + beta), single)) - log(x))
    numer = 1.0
    series = R(R(numer / alpha) * R(factor + R(1 / alpha)))
    for i in range(1, 11):
        numer = R(numer * R(R(R(i - beta) * x) / i))
        denom = R(alpha + i)
        series = R(series + R(R(numer / denom) * R(factor + R(1 / denom))))
    result = R(R(x * _scalar_pow(single)(R(1 - x), -beta)) * series)
    return 0.0 if result != result else result


def _beta_grad_beta_small(x, alpha, beta, single):
    R = _scalar_math(single)[0]
    factor = R(_digamma_one(R(alpha + beta), single) - _digamma_one(beta, single))
    numer, betas, dbetas, series = 1.0, 1.0, 0.0, R(factor / alpha)
    for i in range(1, 9):
        numer = R(numer * R(-x / i))
        dbetas = R(R(dbetas * R(beta - i)) + betas)
        betas = R(betas * R(beta - i))
        series = R(series + R(R(numer / R(alpha + i)) * R(dbetas + R(factor * betas))))
    result = R(-_scalar_pow(single)(R(1 - x), R(1 - beta)) * series)
    return 0.0 if result != result else result


def _beta_grad_alpha_mid(x, alpha, beta):
    x, alpha, beta = np.float64(x), np.float64(alpha), np.float64(beta)
    total = alpha + beta
    mean = alpha / total
    std = np.sqrt(alpha * beta / (total + 1)) / total
    if mean - 0.1 * std <= x <= mean + 0.1 * std:
        poly = 47 * x * (beta * beta) * (beta * beta) + alpha * (
            (43 + 20 * (16 + 27 * beta) * x) * (beta * beta) * beta + alpha * (
                3 * (59 + 180 * beta - 90 * x) * (beta * beta) + alpha * (
                    (453 + 1620 * beta * (1 - x) - 455 * x) * beta + alpha * (
                        8 * (1 - x) * (135 * beta - 11)))))
        prefactor_num = (1 + 12 * alpha) * (1 + 12 * beta) / (total * total)
        prefactor_den = 12960 * alpha * alpha * alpha * beta * beta * (1 + 12 * total)
        return float(prefactor_num / (1 - x) * poly / prefactor_den)
    prefactor = -x / np.sqrt(2 * alpha * beta / total)
    stirling = ((1 + 1 / (12 * alpha) + 1 / (288 * alpha * alpha)) * (1 + 1 / (12 * beta) + 1 / (288 * beta * beta))
                / (1 + 1 / (12 * total) + 1 / (288 * total * total)))
    term1_num = 2 * (alpha * alpha) * (x - 1) + alpha * beta * (x - 1) - x * (beta * beta)
    axbx = alpha * (x - 1) + beta * x
    term1_den = np.sqrt(2 * alpha / beta) * _scalar_pow(False)(float(total), 1.5) * axbx * axbx
    term1 = term1_num / term1_den
    term2 = 0.5 * _c_log(float(alpha / (total * x)))
    term3_num = np.sqrt(8 * alpha * beta / total)
    term3_den = beta * x + alpha * (x - 1)
    term3 = term3_num / term3_den
    term4_base = beta * _c_log(float(beta / (total * (1 - x)))) + alpha * _c_log(float(alpha / (total * x)))
    term4 = _scalar_pow(False)(float(term4_base), -1.5)
    term1234 = term1 + term2 * (term3 + (term4 if x < mean else -term4))
    return float(stirling * prefactor * term1234)


_DIRICHLET_C = (
    (((1.003668233, -0.01061107488, -0.0657888334, 0.01201642863),
      (0.6336835991, -0.3557432599, 0.05486251648, -0.001465281033),
      (-0.03276231906, 0.004474107445, 0.002429354597, -0.0001557569013)),
     ((0.221950385, -0.3187676331, 0.01799915743, 0.01074823814),
      (-0.2951249643, 0.06219954479, 0.01535556598, 0.001550077057),
      (0.02155310298, 0.004170831599, 0.001292462449, 6.976601077e-05)),
     ((-0.05980841433, 0.008441916499, 0.01085618172, 0.002319392565),
      (0.02911413504, 0.01400243777, -0.002721828457, 0.000751041181),
      (0.005900514878, -0.001936558688, -9.495446725e-06, 5.385558597e-05))),
    (((1, -0.02924021934, -0.04438342661, 0.007285809825),
      (0.6357567472, -0.3473456711, 0.05454656494, -0.002407477521),
      (-0.03301322327, 0.004845219414, 0.00231480583, -0.0002307248149)),
     ((0.5925320577, -0.1757678135, 0.01505928619, 0.000564515273),
      (0.1014815858, -0.06589186703, 0.01272886114, -0.0007316646956),
      (-0.007258481865, 0.001096195486, 0.0003934994223, -4.12701925e-05)),
     ((0.06469649321, -0.0236701437, 0.002902096474, -5.896963079e-05),
      (0.001925008108, -0.002869809258, 0.0008000589141, -6.063713228e-05),
      (-0.0003477407336, 6.959756487e-05, 1.097287507e-05, -1.650964693e-06))))


def _dirichlet_grad_one(x, alpha, total, single):
    R = _scalar_math(single)[0]
    beta = R(total - alpha)
    beta_ = total - alpha
    boundary = R(R(total * x) * R(1 - x))
    if x <= 0.5 and boundary < 2.5:
        return _beta_grad_alpha_small(x, alpha, beta, single)
    if x >= 0.5 and boundary < 0.75:
        return -_beta_grad_beta_small(R(1 - x), beta, alpha, single)
    if alpha > 6 and beta > 6:
        return R(_beta_grad_alpha_mid(x, alpha, beta_))
    u = _c_log(x)
    a = _c_log(alpha) - u
    b = _c_log(total) - a
    pow_u, pow_a = (1, u, u * u), (1, a, a * a)
    p = q = 0.0
    c = _DIRICHLET_C
    for i in range(3):
        for j in range(3):
            ua = pow_u[i] * pow_a[j]
            p += ua * (c[0][i][j][0] + b * (c[0][i][j][1] + b * (c[0][i][j][2] + b * c[0][i][j][3])))
            q += ua * (c[1][i][j][0] + b * (c[1][i][j][1] + b * (c[1][i][j][2] + b * c[1][i][j][3])))
    approx = x * R(_digamma_one(R(total), single) - _digamma_one(R(alpha), single)) / beta_
    return R(p / q * approx)


# ---- binomial draws (ATen's _s_binomial_cpu: sample_binomial, btrs and binomial_inversion) ----
_STIRLING_TAIL = (0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509,
                  0.0166446911898211, 0.0138761288230707, 0.0118967099458917, 0.0104112652619720,
                  0.00925546218271273, 0.00833056343336287)


@random_op
def binomial(count, prob, generator=None):
    """torch.binomial: sample_binomial<scalar_t, double> for each (count, prob) in the output's order, drawing the
    generator's 53-bit doubles; its grad_fn is NotImplemented, as PyTorch records it."""
    for t, name in ((count, "count"), (prob, "prob")):
        if not t.dtype.is_floating_point:
            raise value_error(f"binomial only supports floating-point dtypes for {name}, got: "
                              f"{dtypes.SCALAR_NAMES[t.dtype.name]}")
    dt = _gamma_dtype(count, "binomial_cpu")
    if prob.dtype is not dt:
        raise runtime(f"Found dtype {dtypes.SCALAR_NAMES[prob.dtype.name]} but expected {dtypes.SCALAR_NAMES[dt.name]}")
    check_broadcast(count, prob)
    g = creation._generator(generator)
    counts, probs = np.broadcast_arrays(count._np, prob._np)
    if counts.shape != count._shape:  # (the output, made in count's shape, resized to the broadcast one)
        from .ops.out_dtypes import _RESIZED
        warn(_RESIZED.format(had=list(count._shape), shape=list(counts.shape)))
    single = dt is dtypes.float32
    with np.errstate(all="ignore"):
        values = [_sample_binomial(n, p, g, single) for n, p in
                  zip(counts.astype(np.float64).reshape(-1).tolist(), probs.astype(np.float64).reshape(-1).tolist())]
    out = fresh(np.array(values, np.float64).astype(dt.np).reshape(counts.shape), dt)
    if needs_grad(count, prob):
        attach(out, _NotImplementedNode(count if needs_grad(count) else prob, "binomial"))
    return out


def _stirling_tail(k):
    if k < 10:
        return _STIRLING_TAIL[int(k)]
    kp1sq = (k + 1) * (k + 1)
    return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1)


def _sample_binomial(count, prob, g, single):
    R = _scalar_math(single)[0]
    if count <= 0.0 or prob <= 0.0:
        return 0.0
    if prob >= 1.0:
        return count
    if prob <= 0.5:
        if R(count * prob) >= 10.0:
            return _btrs(count, prob, g, single)
        return _binomial_inversion(count, prob, g, single)
    if prob > 0.5:
        qprob = R(1.0 - prob)
        if R(count * qprob) >= 10.0:
            return R(count - _btrs(count, qprob, g, single))
        return R(count - _binomial_inversion(count, qprob, g, single))
    return math.nan


def _binomial_inversion(count, prob, g, single):
    R = _scalar_math(single)[0]
    from .kernels import _libm
    log1p = (_libm("log1pf") or (lambda v: float(np.log1p(_F32(v))))) if single else math.log1p
    geom_sum, num_geom = 0.0, 0.0
    logprob = log1p(-prob)
    while True:
        u = float(g._unit53(1)[0])
        geom = math.ceil(_c_log(u) / logprob) if u > 0 else math.inf
        geom_sum += geom
        if geom_sum > count:
            break
        num_geom = R(num_geom + 1)
    return num_geom


def _btrs(count, prob, g, single):
    R = _scalar_math(single)[0]
    from .kernels import _libm
    sqrt = (_libm("sqrtf") or (lambda v: float(np.sqrt(_F32(v))))) if single else math.sqrt
    floor = lambda v: float(np.floor(_F32(v))) if single else math.floor(v)  # noqa: E731
    stddev = sqrt(R(R(count * prob) * R(1 - prob)))
    b = 1.15 + 2.53 * stddev
    a = -0.0873 + 0.0248 * b + 0.01 * prob
    c = R(count * prob) + 0.5
    v_r = 0.92 - 4.2 / b
    r = R(prob / R(1 - prob))
    alpha = (2.83 + 5.1 / b) * stddev
    m = float(floor(R(R(count + 1) * prob)))
    while True:
        u = float(g._unit53(1)[0]) - 0.5
        v = float(g._unit53(1)[0])
        us = 0.5 - abs(u)
        k = R(math.floor((2 * a / us + b) * u + c)) if us else R(math.floor(math.copysign(math.inf, u) + c)) \
            if u else math.nan
        if k < 0 or k > count:
            continue
        if us >= 0.07 and v <= v_r:
            return k
        v = _c_log(v * alpha / (a / (us * us) + b))
        upperbound = ((m + 0.5) * _c_log((m + 1) / (r * (count - m + 1)))
                      + R(count + 1) * _c_log((count - m + 1) / R(R(count - k) + 1))
                      + (k + 0.5) * _c_log(r * R(R(count - k) + 1) / R(k + 1))
                      + _stirling_tail(m) + _stirling_tail(count - m) - _stirling_tail(k)
                      - _stirling_tail(R(count - k)))
        if v <= upperbound:
            return k

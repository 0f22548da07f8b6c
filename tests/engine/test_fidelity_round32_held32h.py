"""Classes of difference found by the thirty-second round's random programs (held32h, issue 16), one differential
program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"native_dropout_of_an_empty_tensor_returns_the_input_itself_given_the_node": """
for shape in [(0,), (2, 0)]:
    for train in [True, False, None]:
        x = torch.ones(shape, requires_grad=True)
        out, mask = torch.native_dropout(x, 0.5, train)
        print(out is x, out.grad_fn.name(), x.grad_fn.name(), x.is_leaf, x.requires_grad, mask.dtype, mask.shape)
        try:
            out.sum().backward()
        except Exception as e:
            print(type(e).__name__, e)
y = torch.ones(0, 2, requires_grad=True) * 2
out, mask = torch.native_dropout(y, 0.5, True)
print(out is y, y.grad_fn.name(), y.grad_fn.next_functions[0][0].name())
out.sum().backward()
with torch.no_grad():
    x = torch.ones(0, requires_grad=True)
    out, mask = torch.native_dropout(x, 0.5, True)
    print(out is x, out.grad_fn, x.is_leaf)
x = torch.ones(0)
out, mask = torch.native_dropout(x, 0.5, True)
print(out is x, out.requires_grad, x.grad_fn, out._version)
""",
"a_one_element_reduction_into_an_out_that_views_its_input_reads_the_input_first": """
def run(name, f):
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)
for op in ['argmax', 'argmin', 'std', 'var', 'count_nonzero', 'median', 'nanmedian', 'sum', 'amax', 'mean', 'prod']:
    for form in (range(3) if op not in ('sum', 'amax', 'mean', 'prod') else (1, 2)):  # (the sum family and amax
        base = torch.tensor([[3., 1., 4.], [1., 5., 9.]])
        if op in ('argmax', 'argmin', 'count_nonzero'):
            base = base.long()
        def f():
            fn = getattr(torch, op)
            if form == 0:  # (every element read, element 0 written; the sum family and amax write first: refused)
                return fn(base.view(-1), out=base), base
            if form == 1:  # (the second row read, element 0 written)
                return fn(base[1], out=base), base
            return fn(base[1], 0, keepdim=True, out=base.view(-1)) if op != 'count_nonzero' else fn(base.t()[2], out=base[0]), base
        run(f'{op}{form}', f)
v1 = torch.tensor([4, 1, 3, 5])
v2 = v1.broadcast_to((-1,))
print(torch.argmax(v2, out=v1), v1, v2)
""",
"an_embedding_of_no_indices_has_a_weight_gradient_of_zeros": """
for shape in [(0,), (0, 3), (2, 0)]:
    for extra in ({}, {'padding_idx': 0}, {'scale_grad_by_freq': True}):
        torch.manual_seed(0)
        emb = torch.nn.Embedding(4, 2, **extra)
        y = emb(torch.zeros(shape, dtype=torch.long))
        print(y.shape, y.grad_fn.name())
        y.sum().backward()
        print(emb.weight.grad)
w = torch.ones(3, 2, requires_grad=True)
g, = torch.autograd.grad(torch.nn.functional.embedding(torch.zeros(0, dtype=torch.long), w).sum(), w, create_graph=True)
print(g, g.grad_fn.name())
""",
"a_convolution_of_an_input_with_a_spatial_size_of_zero_is_refused": """
F = torch.nn.functional
def run(name, f):
    try:
        r = f()
        print(name, r.shape, r.sum())
    except Exception as e:
        print(name, type(e).__name__, e)
w1, w2, w3 = torch.ones(2, 1, 1), torch.ones(2, 1, 1, 1), torch.ones(2, 1, 1, 1, 1)
for shape in [(1, 1, 0), (0, 1, 3), (1, 1, 2)]:
    x = torch.ones(shape)
    for pad in (0, 1, 'valid'):
        run(f'c1 {shape} {pad}', lambda: F.conv1d(x, w1, padding=pad))
        run(f'c1 unbatched {shape} {pad}', lambda: F.conv1d(x[0], w1, padding=pad))
        run(f'c2 {shape} {pad}', lambda: F.conv2d(x.unsqueeze(-1), w2, padding=pad))
        run(f'c3 {shape} {pad}', lambda: F.conv3d(x[..., None, None], w3, padding=pad))
        run(f'ct1 {shape} {pad}', lambda: F.conv_transpose1d(x, w1.transpose(0, 1), padding=pad if pad != 'valid' else 0))
for shape in [(1, 1, 0, 3), (1, 1, 3, 0)]:
    for pad in (1, (1, 0), (0, 1)):
        run(f'c2 {shape} {pad}', lambda: F.conv2d(torch.ones(shape), torch.ones(2, 1, 2, 2), padding=pad))
""",
"batch_norm_of_an_empty_or_one_dimensional_input_reads_no_channels_first": """
def run(name, f):
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)
for shape in [(0,), (0, 3), (3,), (2, 3, 0)]:
    for training in (True, False):
        x = torch.ones(shape, requires_grad=True)
        rm, rv = (torch.zeros(shape[1]), torch.ones(shape[1])) if len(shape) > 1 else (None, None)
        run(f'F {shape} {training}', lambda: (lambda r: (r.shape, r.grad_fn.name()))(torch.nn.functional.batch_norm(x, rm, rv, training=training)))
""",
"cross_entropy_with_class_probabilities_of_no_samples_is_a_sum_filled_with_nan": """
F = torch.nn.functional
def chain(t):
    out, fn = [], t.grad_fn
    while fn is not None:
        out.append(fn.name())
        fn = fn.next_functions[0][0] if fn.next_functions else None
    return out
for shape in [(0, 3), (2, 3), (0, 3, 2)]:
    for w in (None, torch.ones(3)):
        x = torch.ones(shape, requires_grad=True)
        for red in ('mean', 'sum', 'none'):
            r = F.cross_entropy(x, x.detach().softmax(1), weight=w, label_smoothing=0.2, reduction=red)
            print(shape, w is None, red, r, chain(r))
try:
    F.cross_entropy(torch.tensor(1.), torch.tensor(1.))
except Exception as e:
    print(type(e).__name__, e)
""",
"a_complex_python_number_operand_is_saved_as_a_complex128_wrapped_tensor": """
x = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
y = torch.tensor([1.0, 2.0], requires_grad=True)
for name, f in [('mulj', lambda: x * 1j), ('rmulj', lambda: 1j * x), ('fmul', lambda: y * (2 + 1j)), ('torch.mul', lambda: torch.mul(y, 1j)),
                ('divj', lambda: y / 1j), ('rdivj', lambda: 1j / y), ('mul2', lambda: y * 2), ('mul2.5', lambda: y * 2.5), ('powj', lambda: y ** 1j)]:
    r = f()
    g = r.grad_fn
    print(name, r.dtype, g.name(), {k: getattr(g, k) for k in dir(g) if k.startswith('_saved')})
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round32_held32h_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

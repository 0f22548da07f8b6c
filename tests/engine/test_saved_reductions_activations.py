"""grad_fn._saved_* of the reductions (sum/mean over dims, max/min, amax/amin, var/std, logsumexp, norms, cumsum,
prod), split/chunk/unbind/cat/stack, convolution, embedding, constant padding and the activations: the values PyTorch 2.13 shows, dims as the program gave them (-1 as 2**64 - 1), ints
where ATen's Scalar defaults are ints."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"reductions": """
a = torch.tensor([[0.5, -1.5, 2.0], [1.0, 0.25, -0.75]], requires_grad=True)
for f in [lambda: a.sum(-1), lambda: a.sum((0, -1)), lambda: a.sum(1, keepdim=True), lambda: a.mean(-1, keepdim=True), lambda: a.mean(0),
          lambda: a.max(-1)[0], lambda: a.min(0)[0], lambda: a.max(), lambda: a.min(), lambda: a.amax(-1), lambda: a.amin((0, 1)), lambda: a.amax(),
          lambda: a.std(-1), lambda: a.var(-1, correction=0), lambda: a.std(), lambda: a.var(), lambda: a.std(unbiased=False), lambda: a.var(0, unbiased=False), lambda: a.std(dim=None, correction=2),
          lambda: a.logsumexp(-1), lambda: a.logsumexp((0, 1), keepdim=True), lambda: a.norm(dim=-1), lambda: a.norm(p=1), lambda: a.norm(), lambda: a.norm(3, dim=(0, 1)),
          lambda: torch.linalg.vector_norm(a, 2.5, -1), lambda: a.cumsum(-1), lambda: a.cumsum(0), lambda: a.prod(-1), lambda: a.prod(), lambda: a.prod(0, keepdim=True)]:
    fn = f().grad_fn
    names = sorted(n for n in ["_saved_" + x for x in ["dim", "keepdim", "self", "result", "indices", "self_sym_sizes", "self_sym_numel", "correction", "ord"]] if hasattr(fn, n))
    print(fn.name(), [(n, getattr(fn, n) if not hasattr(getattr(fn, n), "shape") else tuple(getattr(fn, n).shape)) for n in names])
""",
"splits_and_joins": """
a = torch.tensor([[0.5, -1.5, 2.0], [1.0, 0.25, -0.75], [1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
for f in [lambda: a.split(1, -1)[0], lambda: a.split([1, 2], 1)[0], lambda: a.chunk(2)[0], lambda: a.chunk(3, -1)[0], lambda: a.unbind(-1)[0], lambda: torch.split(a, 3)[0], lambda: a.split(4)[0], lambda: torch.cat([a, a], -1), lambda: torch.stack([a, a], -1), lambda: torch.cat([a, a]), lambda: a.unbind()[1]]:
    fn = f().grad_fn
    names = sorted(n for n in ["_saved_" + x for x in ["dim", "self_sym_sizes", "split_size", "split_sizes"]] if hasattr(fn, n))
    print(fn.name(), [(n, getattr(fn, n)) for n in names])
""",
"convolution_embedding_pad": """
F = torch.nn.functional
torch.manual_seed(0)
x = torch.randn(1, 2, 5, 5, requires_grad=True)
w = torch.randn(3, 2, 3, 3, requires_grad=True)
b = torch.randn(3, requires_grad=True)
x1 = torch.randn(1, 2, 6, requires_grad=True)
w1 = torch.randn(4, 2, 3, requires_grad=True)
E = torch.randn(5, 3, requires_grad=True)
a = torch.randn(2, 4, requires_grad=True)
for f in [lambda: F.conv2d(x, w, b, stride=2, padding=1), lambda: F.conv2d(x, w), lambda: F.conv2d(x, w, dilation=2), lambda: F.conv1d(x1, w1, stride=2),
          lambda: F.embedding(torch.tensor([1, 2]), E), lambda: F.embedding(torch.tensor([1, 2]), E, padding_idx=0),
          lambda: F.embedding(torch.tensor([1, 2]), E, padding_idx=-1), lambda: F.pad(a, (1, -1)), lambda: F.pad(a, (1, 2), value=3.0)]:
    fn = f().grad_fn
    names = sorted(n for n in ["_saved_" + k for k in ["stride", "padding", "dilation", "groups", "transposed", "output_padding", "bias_sym_sizes_opt", "input", "weight", "indices", "padding_idx", "scale_grad_by_freq", "sparse", "weight_sym_argsize_0", "pad"]] if hasattr(fn, n))
    print(fn.name(), [(n, getattr(fn, n) if not hasattr(getattr(fn, n), "shape") else tuple(getattr(fn, n).shape)) for n in names])
""",
"activations": """
F = torch.nn.functional
a = torch.tensor([[0.5, -1.5, 2.0], [1.0, 0.25, -0.75]], requires_grad=True)
for f in [lambda: F.elu(a, alpha=0.5), lambda: F.selu(a), lambda: F.celu(a), lambda: F.celu(a, 2.0), lambda: F.gelu(a), lambda: F.gelu(a, approximate='tanh'),
          lambda: F.leaky_relu(a), lambda: F.leaky_relu(a, 0.2), lambda: F.softplus(a), lambda: F.softplus(a, beta=2, threshold=10), lambda: F.hardtanh(a),
          lambda: F.hardtanh(a, -2, 3), lambda: F.silu(a), lambda: F.hardswish(a), lambda: F.hardsigmoid(a), lambda: F.mish(a), lambda: F.hardshrink(a),
          lambda: F.softshrink(a, 0.3), lambda: F.threshold(a, 0.1, 20), lambda: F.relu6(a), lambda: F.elu(a.clone(), inplace=True), lambda: F.leaky_relu(a.clone(), inplace=True),
          lambda: F.celu(a.clone(), inplace=True), lambda: F.threshold(a.clone(), 0.1, 2.0, inplace=True), lambda: F.hardtanh(a.clone(), inplace=True)]:
    fn = f().grad_fn
    names = sorted(n for n in ["_saved_" + x for x in ["alpha","scale","input_scale","self","result","approximate","negative_slope","beta","threshold","min_val","max_val","lambd"]] if hasattr(fn, n))
    print(fn.name(), [(n, getattr(fn, n) if not hasattr(getattr(fn, n), "shape") else "T") for n in names])
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_saved_values_as_torch(name):
    same_as_torch(PROGRAMS[name])

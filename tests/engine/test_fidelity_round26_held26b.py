"""Classes of difference found by the twenty-sixth round's held-out programs on torch.nn modules (held26b, issue 16),
one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"batch_norm_of_half_and_bfloat16_keeps_statistics_as_their_kernels_do": """
for dt in [torch.float16, torch.bfloat16]:
    for s, n in [(0, 2), (1, 3), (2, 7), (3, 300)]:
        torch.manual_seed(s)
        x = (torch.randn(n, 4, 3) * 3 + 1).to(dt)
        bn = torch.nn.BatchNorm1d(4).to(dt)
        torch.nn.init.uniform_(bn.weight)
        for _ in range(2):
            y = bn(x)
        print(dt, n, y.flatten()[:8].tolist(), bn.running_mean.tolist(), bn.running_var.tolist())
        print(torch.nn.functional.batch_norm(x, None, None, training=True).flatten()[-6:].tolist())
        print(torch.nn.functional.instance_norm(x.reshape(2, -1, 6)).flatten()[:6].tolist())
""",
"batch_norm_of_a_non_contiguous_input_takes_atens_strided_path": """
for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    for s in range(3):
        torch.manual_seed(s)
        for x in [torch.randn(3, 5, 4).transpose(0, 2), torch.randn(6, 3).t(), torch.randn(2, 8, 3).transpose(1, 2)]:
            x = (x * 2 + 0.5).to(dt)
            bn = torch.nn.BatchNorm1d(x.shape[1]).to(dt)
            torch.nn.init.uniform_(bn.weight)
            torch.nn.init.uniform_(bn.bias)
            for _ in range(2):
                y = bn(x)
            print(dt, s, y.flatten()[:6].tolist(), bn.running_mean.tolist(), bn.running_var.tolist())
            bn.eval()
            print(bn(x).flatten()[-4:].tolist())
""",
"batch_norm_backward_loop_walks_memory_order_and_rounds_each_half_op": """
for dt in [torch.float64, torch.bfloat16, torch.float16]:
    for s in range(3):
        torch.manual_seed(s)
        for x in [torch.randn(3, 5, 4).transpose(0, 2), torch.randn(2, 3, 4, 5).contiguous(
                memory_format=torch.channels_last)]:
            x = (x * 2 + 0.5).to(dt).requires_grad_()
            bn = torch.nn.BatchNorm1d(x.shape[1]) if x.dim() < 4 else torch.nn.BatchNorm2d(x.shape[1])
            bn = bn.to(dt)
            torch.nn.init.uniform_(bn.weight)
            y = bn(x)
            y.backward(torch.randn(y.shape).to(dt))
            print(dt, s, bn.weight.grad.tolist(), bn.bias.grad.tolist())
            if dt is not torch.float16:
                print(x.grad.flatten()[:8].tolist())
""",
"pow_of_a_permuted_tensor_keeps_its_layout_and_so_does_its_gradient": """
torch.manual_seed(0)
z = torch.randn(2, 4, 5).permute(0, 2, 1)
for e in [1.0, 1, 0.0, 1.5, -0.3, 2.0]:
    print(e, z.pow(e).stride(), torch.pow(z, e).stride(), z.pow(e).flatten()[:3].tolist())
print((z ** 1.0).stride(), z.square().stride())
torch.manual_seed(0)
x = torch.randn(2, 5, 4, requires_grad=True)
bn = torch.nn.BatchNorm1d(4)
y = bn(x.permute(0, 2, 1))
y.register_hook(lambda g: print('grad', g.stride()))
y.permute(0, 2, 1).pow(2).sum().backward()
print(bn.bias.grad.tolist(), x.grad[0, 0].tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round26_held26b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

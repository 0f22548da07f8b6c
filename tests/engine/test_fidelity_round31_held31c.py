"""Classes of difference found by the thirty-first round's held-out programs on training small models (held31c,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_grouped_convolutions_bias_gradient_sums_each_output_row_from_zero_unless_its_groups_are_blocks_of_8": """
nn = torch.nn
shapes = [(6, 4, 12, (30,), 5, 4, 2, 1), (3, 6, 9, (17,), 3, 3, 0, 2), (3, 6, 6, (7, 9), 3, 3, 1, 1),
          (2, 8, 32, (6, 6), 3, 4, 1, 1), (2, 12, 24, (8, 8), 3, 3, 1, 1), (2, 12, 4, (6, 6), 3, 4, 1, 1),
          (2, 24, 24, (6, 6), 3, 2, 1, 1), (2, 16, 48, (6, 6), 3, 2, 1, 1), (2, 6, 6, (8, 8), 3, 6, 1, 1)]
for n, c, o, spatial, k, groups, pad, stride in shapes:
    torch.manual_seed(5)
    x = torch.randn(n, c, *spatial)
    conv = (nn.Conv1d if len(spatial) == 1 else nn.Conv2d)(c, o, k, padding=pad, groups=groups, stride=stride)
    out = conv(x)
    (out * torch.randn(out.shape)).sum().backward()
    print((c, o, groups), conv.bias.grad.tolist())
""",
"a_grouped_convolutions_weight_gradient_on_onednns_gemm_kernel_sums_positions_in_16_lanes_halved_sample_by_sample": """
nn = torch.nn
torch.set_num_threads(2)  # (oneDNN gives each thread whole groups up to as many threads as groups)
shapes = [(6, 4, 12, (30,), 5, 4, 2, 1), (3, 6, 9, (17,), 3, 3, 0, 2), (3, 6, 6, (7, 9), 3, 3, 1, 1),
          (2, 20, 40, (6, 6), 3, 4, 1, 1), (2, 12, 24, (8, 8), 3, 3, 1, 1), (2, 6, 14, (6, 6), 3, 2, 1, 1),
          (2, 24, 24, (6, 6), 3, 2, 1, 1), (4, 3, 6, (28, 28), 3, 3, 1, 1), (3, 4, 8, (200,), 7, 2, 3, 1)]
for n, c, o, spatial, k, groups, pad, stride in shapes:
    torch.manual_seed(5)
    x = torch.randn(n, c, *spatial)
    conv = (nn.Conv1d if len(spatial) == 1 else nn.Conv2d)(c, o, k, padding=pad, groups=groups, stride=stride)
    out = conv(x)
    (out * torch.randn(out.shape)).sum().backward()
    print((c, o, groups), conv.weight.grad.view(-1)[:6].tolist(), conv.weight.grad.sum().item())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round31_held31c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

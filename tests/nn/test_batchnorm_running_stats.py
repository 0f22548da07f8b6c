"""BatchNorm's running statistics: the kernel updates them in float (momentum and 1 - momentum as floats;
running_var's momentum * unbiased_var fused onto (1 - momentum) * running_var), so both are PyTorch's to the last
bit."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import same_as_torch  # noqa: E402

RUNNING = """
torch.manual_seed(0)
for t in range(30):
    bn = nn.BatchNorm1d(5, momentum=0.1 if t % 2 else 0.3)
    with torch.no_grad():
        bn.running_mean.copy_(torch.randn(5))
        bn.running_var.copy_(torch.rand(5) + 0.5)
    bn(torch.randn(6, 5) * 3 + 1)
    print(bn.running_mean.tolist(), bn.running_var.tolist())
bn2 = nn.BatchNorm2d(3)
for t in range(5):
    bn2(torch.randn(2, 3, 4, 4) * 2 - 1)
print(bn2.running_mean.tolist(), bn2.running_var.tolist(), bn2.running_var, bn2.num_batches_tracked)
"""


def test_running_mean_and_running_var_bit_for_bit():
    same_as_torch(RUNNING)

"""Classes of difference found by the thirtieth round's held-out programs on small training loops and saving/loading
(held30f, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_1x1_convolutions_weight_gradient_sums_in_onednn_reduce_blocks": """
torch.manual_seed(0)
for n, c, o, spatial in [(4, 2, 3, (5,)), (8, 2, 3, (7,)), (3, 2, 3, (20,)), (3, 3, 4, (100,)), (4, 16, 16, (5,)),
                         (5, 4, 20, (3, 3)), (3, 16, 16, (4, 4)), (4, 32, 64, (3, 3)), (3, 5, 6, (5, 5)),
                         (5, 5, 6, (4, 9)), (7, 5, 6, (3, 8)), (3, 6, 5, (257,)), (3, 17, 4, (5, 5))]:
    conv = (torch.nn.Conv1d if len(spatial) == 1 else torch.nn.Conv2d)(c, o, 1)
    x = torch.randn(n, c, *spatial)
    y = conv(x)
    y.backward(torch.randn_like(y))
    print(n, c, o, spatial, conv.weight.grad.flatten().tolist())
net = torch.nn.Sequential(torch.nn.Conv1d(2, 3, 1), torch.nn.BatchNorm1d(3), torch.nn.Flatten(), torch.nn.Linear(15, 2))
opt = torch.optim.Adam(net.parameters(), lr=0.01)
x, t = torch.randn(4, 2, 5), torch.randn(4, 2)
for step in range(3):
    opt.zero_grad()
    torch.nn.functional.huber_loss(net(x), t).backward()
    opt.step()
    print(step, net[0].weight.grad.flatten().tolist(), net[0].weight.flatten().tolist())
""",
"a_second_load_without_seek_fails_where_the_zip_reader_stopped": """
import io
torch.manual_seed(0)
for saved in [torch.ones(3), {'model': torch.nn.Linear(2, 2).state_dict(), 'epoch': 3}, [1, 2.5]]:
    buf = io.BytesIO()
    torch.save(saved, buf)
    for weights_only in [True, False]:
        try:
            torch.load(buf, weights_only=weights_only)
        except Exception as e:
            print('unseeked', weights_only, type(e).__name__, e)
    buf.seek(0)
    print(type(torch.load(buf)).__name__)
    for weights_only in [True, False, None]:
        try:
            torch.load(buf, weights_only=weights_only)
        except Exception as e:
            print('second', weights_only, type(e).__name__, e)
        buf.seek(0)
        torch.load(buf)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round30_held30f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

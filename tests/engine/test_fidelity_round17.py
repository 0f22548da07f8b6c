"""Classes of difference found in the seventeenth round (issue 16), one differential program each, run in torch
and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"unique_along_a_dim_moves_that_dim_back_so_its_strides_show_it": """
torch.manual_seed(2)
for f in (lambda x, d: torch.unique_consecutive(x, dim=d), lambda x, d: torch.unique(x, dim=d),
          lambda x, d: x.unique(dim=d, return_inverse=True)[0], lambda x, d: torch.unique_consecutive(x, False, False, d)):
    for x in (torch.randn(3, 2), torch.randint(0, 2, (2, 3, 4)), torch.tensor([[1., 1.], [1., 1.]]), torch.zeros(3, 0),
              torch.zeros(0, 0), torch.zeros(0, 3)):
        for d in range(-x.dim(), x.dim()):
            try:
                r = f(x, d)
                print(d, r.shape, r.stride(), r.is_contiguous(), r._is_view(), r.untyped_storage().tolist()[:16])
            except Exception as e:
                print(type(e).__name__, e)
""",
"index_assignment_counts_its_indices_before_the_leaf_check": """
for make, index in [(lambda: torch.tensor(1.0, requires_grad=True), (torch.tensor([0]),)),
                    (lambda: torch.tensor(1.0, requires_grad=True), (torch.tensor([True]), torch.tensor([0]))),
                    (lambda: torch.tensor([1.0], requires_grad=True), (torch.tensor([0]), 0)),
                    (lambda: torch.tensor([1.0], requires_grad=True), (torch.tensor([0]), torch.tensor([0]))),
                    (lambda: torch.tensor([[1.0]], requires_grad=True), (torch.tensor([0]),))]:
    try:
        make()[index] = 2.0
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
""",
"a_number_written_into_a_whole_0_dim_tensor_is_copied_not_filled": """
idxs = {"...": ..., "None": None, "()": (), "slice": slice(None), "0": 0, "True": True}
vals = {"-1.0": lambda: -1.0, "t0": lambda: torch.tensor(2.), "t1": lambda: torch.tensor([2.]), "5": lambda: 5,
        "t0d": lambda: torch.tensor(2., dtype=torch.float64)}
for shape in [(), (3,), (2, 2)]:
    for iname, idx in idxs.items():
        if shape == () and iname in ("slice", "0"):
            continue
        for vname, val in vals.items():
            b = torch.zeros(shape, requires_grad=True).clone()
            b[idx] = val()
            print(shape, iname, vname, b.grad_fn.name(), b._version, b.grad_fn.next_functions[0][0].name(), b)
""",
"layer_norms_backward_fuses_the_last_partial_vectors_products_into_its_sums": """
torch.manual_seed(0)
for dt in (torch.float32, torch.float64):
    for n in (4, 9, 12, 17, 20, 33, 100):
        for affine in (True, False):
            x = torch.randn(5, n, dtype=dt, requires_grad=True)
            ln = torch.nn.LayerNorm(n, elementwise_affine=affine, dtype=dt)
            if affine:
                with torch.no_grad():
                    ln.weight.normal_()
                    ln.bias.normal_()
            ln(x).backward(torch.randn(5, n, dtype=dt))
            print(dt, n, affine, x.grad.flatten().tolist(), [p.grad.tolist() for p in ln.parameters()])
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round17_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the held-out programs on shapes and products of round 19 (held19f), one
differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"tensordot_dims_are_parsed_as_int_lists_and_checked_for_repeats": """
def t(f):
    try: r = f(); print(r.shape, r.flatten()[:4])
    except Exception as e: print(type(e).__name__, e)
x = torch.arange(24.).reshape(2, 3, 4); y = torch.arange(20.).reshape(4, 5)
for dims in [[2, 0], (2, 0), ([2], 0), [[2], [0]], torch.tensor([2, 0]), torch.tensor([[2], [0]]), [torch.tensor(2), torch.tensor(0)],
             [torch.tensor([2]), torch.tensor([0])], [[[2]], [[0]]], [[2.0], [0]], [(), ()], 1, torch.tensor(1)]:
    t(lambda: torch.tensordot(x, y, dims=dims))
t(lambda: torch.tensordot(x, x, dims=[[0, 0], [0, 0]])); t(lambda: torch.tensordot(x, x, dims=[[0, -3], [1, 2]]))
t(lambda: torch.tensordot(x, torch.tensor(2.), dims=0)); t(lambda: torch.tensordot(torch.tensor(2.), torch.tensor(3.), dims=0))
t(lambda: torch.tensordot(x, y, dims=[[2], [0]], out=torch.empty(0)))
""",
"einsum_a_second_ellipsis_is_the_already_found_error": """
x = torch.ones(2, 3)
for eq in ["ij->......", "ij->...i...", "ij->....", "ij->..", "i...j...", "ij......", ".ij", "ij..", "......,ij", "ij,...j...",
           "ij->..i", "...,...->...", "i...,...j"]:
    try: r = torch.einsum(eq, x, x) if "," in eq else torch.einsum(eq, x); print(eq, r.shape)
    except Exception as e: print(eq, type(e).__name__, e)
""",
"addmm_of_bool_and_its_empty_inner_dimension_path": """
for dt in [torch.bool, torch.int64, torch.float32, torch.float16]:
    for beta in [1, 0, True, False, 0.5, 1j]:
        for k, m in [(0, 2), (2, 2), (2, 0), (0, 0)]:
            for f in [lambda: torch.addmm(torch.ones(m, 3, dtype=dt), torch.ones(m, k, dtype=dt), torch.ones(k, 3, dtype=dt), beta=beta, alpha=2),
                      lambda: torch.ones(m, 3, dtype=dt).addmm_(torch.ones(m, k, dtype=dt), torch.ones(k, 3, dtype=dt), beta=beta),
                      lambda: torch.addmm(torch.ones(3, dtype=dt), torch.ones(m, k, dtype=dt), torch.ones(k, 3, dtype=dt), beta=beta)]:
                try: r = f(); print(dt, beta, k, m, r.dtype, r.tolist())
                except Exception as e: print(dt, beta, k, m, type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round19_held19f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the twenty-third round's held-out programs on shapes, broadcasting and products
(held23f, issue 16) that need the language (its numpy arrays): run in torch and in the language."""
import pytest

from same_as_torch import run_in_torch
from test_torch_programs import language_warnings, run_in_language, torch_warnings

pytest.importorskip("torch")

PROGRAMS = {
"argument_messages_name_a_numpy_array_numpy_ndarray": """
import numpy as np
n = np.ones((2, 2), dtype=np.float32)
t = torch.ones(2, 2)
for f in [lambda: torch.einsum('ij,jk', t, n), lambda: torch.block_diag(t, n), lambda: torch.meshgrid(t[0], n, indexing='ij'),
          lambda: torch.atleast_1d(n), lambda: torch.cartesian_prod(t[0], n), lambda: torch.broadcast_tensors(t, n),
          lambda: torch.hstack([t, n]), lambda: torch.linalg.multi_dot([t, n]), lambda: torch.chain_matmul(t, n),
          lambda: torch.cat([t, n]), lambda: torch.mm(t, n), lambda: torch.einsum('i', np.float32(1))]:
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round23_held23f_class_prints_as_torch(name):
    """The printed text and the warnings, as torch gives them."""
    got, stderr = run_in_language(PROGRAMS[name])
    src = "import copy\n" + PROGRAMS[name]
    assert (got, language_warnings(stderr)) == (run_in_torch(src)[0], torch_warnings(src))

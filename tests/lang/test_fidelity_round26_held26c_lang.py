"""Classes of difference found by the twenty-sixth round's held-out programs on autograd extensions (held26c,
issue 16) that need the language (a warning recorded by the program's own warnings.catch_warnings): run in torch and
in the language."""
import pytest

from same_as_torch import run_in_torch
from test_torch_programs import language_warnings, run_in_language, torch_warnings

pytest.importorskip("torch")

PROGRAMS = {
"the_gradient_layout_contract_warning_says_where_in_accumulate_grad_it_was_triggered": """
import warnings
for g in [torch.zeros(4)[::2], torch.zeros(2, 2).t(), torch.zeros(2, 2), torch.zeros(3, 2)[:, :1].squeeze(1)[:2]]:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        p = torch.ones(g.shape, requires_grad=True)
        p.grad = g
        (p * 2).sum().backward()
        print(p.grad.stride(), [str(x.message) for x in w])
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round26_held26c_lang_class_prints_as_torch(name):
    """The printed text and the warnings, as torch gives them."""
    got, stderr = run_in_language(PROGRAMS[name])
    src = "import copy\n" + PROGRAMS[name]
    assert (got, language_warnings(stderr)) == (run_in_torch(src)[0], torch_warnings(src))

"""Classes of difference found by the twenty-fifth round's held-out programs on random numbers and
torch.distributions (held25d, issue 16) whose functions live above the engine (rrelu, alpha dropout, gumbel_softmax, torch.distributions):
run in torch and in the language."""
import pytest

from same_as_torch import run_in_torch
from test_torch_programs import language_warnings, run_in_language, torch_warnings

pytest.importorskip("torch")

PROGRAMS = {
"rrelu_draws_between_its_bounds_as_floats_for_a_float_input_and_keeps_a_0_dim_shape": """
import torch.nn.functional as F
for x in [torch.arange(12.) - 10, (torch.arange(12.) - 10).double(), (torch.arange(12.) - 10).bfloat16(), torch.tensor(-3.)]:
    torch.manual_seed(0)
    xr = x.clone().requires_grad_()
    y = F.rrelu(xr, 0.1, 0.3, training=True)
    y.sum().backward()
    print(y.tolist(), y.shape, xr.grad.tolist())
    torch.manual_seed(0)
    print(F.rrelu(x, training=True).tolist())
""",
"alpha_dropout_draws_its_noise_in_the_inputs_strides_and_gumbel_softmax_in_c_order": """
import torch.nn.functional as F
base = torch.arange(24.).view(2, 3, 4)
for x in [base.transpose(0, 2), base.permute(2, 0, 1), base[:, ::2], torch.tensor(3.)]:
    torch.manual_seed(0)
    print(F.alpha_dropout(x, 0.3, True).tolist())
    torch.manual_seed(0)
    print(F.gumbel_softmax(x, tau=2.0).tolist() if x.dim() else None)
    if x.dim() == 3:
        torch.manual_seed(0)
        print(F.feature_alpha_dropout(x, 0.5, True).tolist())
print(torch.legacy_contiguous_format, torch.empty_like(base.transpose(0, 2), memory_format=torch.legacy_contiguous_format).stride())
""",
"kl_of_a_uniform_from_zero_against_gamma_beta_chi2_uses_xlogy": """
from torch.distributions import Uniform, Gamma, Beta, Chi2, kl_divergence
lo = torch.tensor([0.0, 0.2], requires_grad=True)
p = Uniform(lo, torch.tensor([1.0, 0.9]))
for q in [Gamma(torch.tensor([1.5, 0.2]), torch.tensor([2.0, 0.7])), Beta(torch.tensor([1.5, 3.0]), torch.tensor([2.0, 0.7])),
          Chi2(torch.tensor([1.5, 3.0]))]:
    k = kl_divergence(p, q)
    print(k.tolist(), k.grad_fn)
    lo.grad = None
    k.sum().backward()
    print(lo.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round25_held25d_class_prints_as_torch(name):
    """The printed text and the warnings, as torch gives them."""
    got, stderr = run_in_language(PROGRAMS[name])
    src = "import copy\n" + PROGRAMS[name]
    assert (got, language_warnings(stderr)) == (run_in_torch(src)[0], torch_warnings(src))

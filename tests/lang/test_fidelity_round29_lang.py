"""Classes of difference the twenty-ninth round found in the language (issue 16, the lead): one differential
program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"dir_of_torch_tensor_and_of_the_nn_and_optim_classes_lists_what_their_instances_have": """
print([m for m in dir(torch.Tensor) if "grad" in m and not m.startswith("_")])
print("sum" in dir(torch.Tensor), "dtype" in dir(torch.Tensor), "sum" in dir(torch.FloatTensor))
print([m for m in dir(torch.nn.Module) if "grad" in m and not m.startswith("_")])
print("step" in dir(torch.optim.SGD), "forward" in dir(torch.nn.Linear), "zero_grad" in dir(torch.optim.Adam))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

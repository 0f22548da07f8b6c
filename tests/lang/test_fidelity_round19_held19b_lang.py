"""Classes of difference found by the nineteenth round's held-out autograd-core programs (held19b, issue 16) in
the language (its imports, attribute reads and deletions, type()): run in torch and in the language."""
import pytest

from same_as_torch import run_in_torch
from test_torch_programs import language_warnings, run_in_language, torch_warnings

pytest.importorskip("torch")

PROGRAMS = {
"removable_handles_are_one_torch_utils_hooks_class": """
import torch.utils.hooks as th
from torch.autograd.grad_mode import no_grad
x = torch.ones(2, requires_grad=True)
handles = [x.register_hook(lambda g: g), (x * 2).grad_fn.register_hook(lambda a, b: None),
           torch.nn.Linear(1, 1).register_forward_hook(lambda *a: None),
           torch.autograd.graph.register_multi_grad_hook([x], lambda gs: None)]
for h in handles:
    print(type(h).__module__, type(h).__name__, isinstance(h, th.RemovableHandle), repr(h).split(" at ")[0])
print(no_grad is torch.no_grad, torch.autograd.grad_mode.inference_mode, torch.autograd.anomaly_mode.detect_anomaly)
""",
"grad_mode_contexts_driven_by_hand_and_node_subclass_check": """
import warnings
warnings.simplefilter("ignore")
for mk in [torch.no_grad, torch.enable_grad, lambda: torch.set_grad_enabled(False), lambda: torch.inference_mode(),
           torch.autograd.detect_anomaly, lambda: torch.autograd.set_detect_anomaly(True)]:
    c = mk()
    print(c.__enter__(), torch.is_grad_enabled(), torch.is_inference_mode_enabled(), torch.is_anomaly_enabled())
    print(c.__exit__(None, None, None), torch.is_grad_enabled(), torch.is_inference_mode_enabled(), torch.is_anomaly_enabled())
print(type(torch.no_grad().clone()).__name__, type(torch.enable_grad().clone()).__name__)
x = torch.ones(2, requires_grad=True)
y = x * 2
print(issubclass(type(y.grad_fn), torch.autograd.graph.Node), issubclass(int, torch.autograd.graph.Node))
""",
"del_tensor_attributes_as_tensorbase_setters_given_null": """
x = torch.ones(2, requires_grad=True)
(x * 2).sum().backward()
del x.grad
print(x.grad)
for name in ["data", "requires_grad", "grad_fn"]:
    try:
        if name == "data": del x.data
        elif name == "requires_grad": del x.requires_grad
        else: del x.grad_fn
    except Exception as e:
        print(type(e).__name__, e)
""",
"graph_node_methods_read_as_values_are_builtin_methods": """
x = torch.ones(2, requires_grad=True)
z = x.exp()
f = z.grad_fn.name
print(f(), f.__name__, f.__qualname__, type(f).__name__, repr(f).split(" at ")[0])
print(repr(z.grad_fn.next_functions[0][0].register_hook).split(" at ")[0], repr(torch.is_grad_enabled))
print(z.grad_fn(None), (x * x).grad_fn(None), torch.cat([x, x]).grad_fn(None))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round19_held19b_class_prints_as_torch(name):
    """The printed text and the warnings, as torch gives them."""
    got, stderr = run_in_language(PROGRAMS[name])
    src = "import copy\n" + PROGRAMS[name]
    assert (got, language_warnings(stderr)) == (run_in_torch(src)[0], torch_warnings(src))

"""Classes of difference found by the twenty-fifth round's held-out programs on autograd core (held25b, issue 16),
one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"backward_inputs_given_twice_accumulate_once": """
x = torch.ones(3, requires_grad=True)
x.register_post_accumulate_grad_hook(lambda t: print('post', t.grad))
x.register_hook(lambda g: print('hook', g) or g)
(x * 2).sum().backward(inputs=[x, x])
print(x.grad)
y = x * 3
(y * 2).sum().backward(inputs=[y, x, y])
print(x.grad, y.grad)
torch.autograd.backward([(x * 4).sum()], inputs=(x, x))
print(x.grad)
""",
"grad_mode_contexts_read_their_mode_and_prev_as_pytorchs_attributes": """
def t(name, f):
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)
t('im_kw', lambda: torch.inference_mode(mode=False).mode)
t('im_default', lambda: torch.inference_mode().mode)
t('sge_kw', lambda: torch.set_grad_enabled(mode=True).mode)
t('sge_prev', lambda: (torch.set_grad_enabled(False).prev, torch.set_grad_enabled(True).prev))
t('ng_prev', lambda: torch.no_grad().prev)
t('eg_prev', lambda: torch.enable_grad().prev)
ng = torch.no_grad()
with ng:
    print(ng.prev)
eg = torch.enable_grad()
with torch.no_grad():
    with eg:
        print(eg.prev, torch.is_grad_enabled())
with torch.no_grad():
    s = torch.set_grad_enabled(True)
print(s.prev, s.mode, torch.is_grad_enabled())
with s:
    pass
print(torch.is_grad_enabled())
torch.set_grad_enabled(True)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round25_held25b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

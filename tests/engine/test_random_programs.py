"""Property: random chains of views, in-place ops, detach/clone and backward behave exactly as in torch."""
import pytest
from hypothesis import given, settings, strategies as st

from same_as_torch import run_in_engine, run_in_torch

pytest.importorskip("torch")

MAKE = [
    "{n} = {v}.exp()", "{n} = {v}.sigmoid()", "{n} = {v}.tanh()", "{n} = {v} * 2", "{n} = {v} + 1",
    "{n} = {v} ** 2", "{n} = {v}.clone()", "{n} = {v}.detach()", "{n} = {v}.view(-1)", "{n} = {v}.t()",
    "{n} = {v}[0]", "{n} = {v}[1:]", "{n} = {v}.unsqueeze(0)", "{n} = {v}.reshape(-1)", "{n} = {v}.data",
    "{n} = {v} * {w}", "{n} = {v}.relu()", "{n} = {v}.sum()", "{n} = {v}.mean(0)", "{n} = {v}[..., None]",
    "{n} = {v}[:, 1]", "{n} = {v}.transpose(0, 1)", "{n} = {v}.expand(2, 2, 3)", "{n} = {v} / {w}",
    "{n} = {v}.squeeze()", "{n} = {v}.contiguous()", "{n} = {v} @ {w}.t()", "{n} = {v}.max()",
    "{n} = {v}.max(0).values", "{n} = torch.cat([{v}, {w}])", "{n} = torch.stack([{v}, {w}])",
    "{n} = {v}.log()", "{n} = {v}.clamp(min=0)", "{n} = {v} - {w}", "{n} = 1 - {v}",
    "with torch.no_grad():\n        {n} = {v}[0]", "{n} = {v}.float()", "{n} = {v}.flatten()",
    "{n} = {v}.floor()", "{n} = {v}.round(decimals=1)", "{n} = {v}.flip(0)", "{n} = {v}.roll(1)",
    "{n} = {v}.repeat(2, 1)", "{n} = {v}.tril()", "{n} = {v}.masked_fill({v} > 0, 0.)", "{n} = {v}.amax(0)",
    "{n} = {v}.clamp_min(0.5)", "{n} = {v}.gather(0, torch.tensor([[1, 0, 1]]))", "{n} = {v}.sinh()",
    "{n} = {v}.index_select(-1, torch.tensor([2, 0]))", "{n} = torch.where({v} > {w}, {v}, {w})",
    "{n} = {v}.diagonal()", "{n} = {v}.unfold(-1, 2, 2)", "{n} = {v}.movedim(0, -1)",
    "{n} = {v}.as_strided((2, 2), (1, 2))", "{n} = {v}.addcmul({v}, {w}, value=0.5)", "{n} = {v}.lerp({w}, 0.3)",
    "{n} = {v}.index_fill(-1, torch.tensor([0]), 2.)", "{n} = {v}.scatter(0, torch.tensor([[1, 0, 1]]), {w})",
    "{n} = {v}.sort(0).values", "{n} = {v}.logsumexp(0)",
]
MUTATE = [
    "{v}.add_(1)", "{v}.mul_(2)", "{v}.zero_()", "{v}.fill_(3)", "{v}.exp_()", "{v}.sigmoid_()",
    "{v}[0] = 5.", "{v} += 1", "{v}.mul_({w})", "{v}.detach_()", "{v}.requires_grad_()",
    "with torch.no_grad():\n        {v}.add_(1)", "{v}.copy_({w})", "{v}.clamp_(0, 1)",
    "{v}.pow_(2)", "{v}.div_(2)", "{v}[1] = {w}[0]", "{v}[:, 0] = 0.", "{v}.t().mul_(2)", "{v} *= {w}",
    "{v}.retain_grad()", "{v}.register_hook(lambda g: g * 2)", "{v}.register_hook(lambda g: print('hook', g))",
    "{v}.grad = None", "{v}.sub_({w}, alpha=2)", "{v}.requires_grad_(False)",
    "{v}.masked_fill_({v} > 1, 0.)", "{v}.tril_()", "{v}.floor_()", "{v}.clamp_max_(1)",
    "{v}.index_fill_(0, torch.tensor([1]), 0.5)", "{v}.scatter_(0, torch.tensor([[1, 0, 1]]), 4.)",
    "{v}.register_post_accumulate_grad_hook(lambda t: print('post', t.grad))",
]
OBSERVE = [
    "print({v})", "print({v}._version, {v}.requires_grad, {v}.is_leaf)",
    "print({v}.grad_fn.name() if {v}.grad_fn is not None else None)",
    "{v}.sum().backward(retain_graph=True)\n    print(a.grad)",
    "{v}.sum().backward()\n    print(a.grad, c.grad)",
    "print(torch.autograd.grad({v}.sum(), a, retain_graph=True, allow_unused=True))",
    "print({v}.shape, {v}.stride(), {v}.storage_offset(), {v}.is_contiguous())",
    "print({v}.grad)", "print(torch.autograd.grad({v}.sum(), [a, c], create_graph=True, allow_unused=True))",
    "{v}.backward(torch.ones_like({v}))\n    print(a.grad, c.grad)",
    "print({v}._base is None, {v}.data_ptr() == a.data_ptr(), {v}.untyped_storage().tolist() == a.untyped_storage().tolist())",
]


@st.composite
def programs(draw):
    names = ["a", "b", "c"]
    lines = ["a = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], requires_grad=True)",
             "b = a * 1.5", "c = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)"]
    for i in range(draw(st.integers(3, 12))):
        kind = draw(st.sampled_from(["make", "make", "mutate", "observe"]))
        v, w = draw(st.sampled_from(names)), draw(st.sampled_from(names))
        if kind == "make":
            n = f"v{i}"
            stmt = draw(st.sampled_from(MAKE)).format(n=n, v=v, w=w)
            names.append(n)
        elif kind == "mutate":
            stmt = draw(st.sampled_from(MUTATE)).format(v=v, w=w)
        else:
            stmt = draw(st.sampled_from(OBSERVE)).format(v=v)
        lines.append(stmt)
    lines.append("print(a.grad, b._version, c._version)")
    body = []
    for line in lines:
        body.append("try:\n    " + line + "\nexcept Exception as e:\n    print(type(e).__name__, e)")
    return "\n".join(body) + "\n"


@settings(max_examples=int(__import__("os").environ.get("TSH_EXAMPLES", 150)), deadline=None, derandomize=not __import__("os").environ.get("TSH_RANDOM"))
@given(programs())
def test_random_program_matches_torch(src):
    assert run_in_engine(src) == run_in_torch(src), src

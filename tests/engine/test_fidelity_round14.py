"""Classes of difference found in the fourteenth round (issue 16), one differential program each, run in torch and
in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"in_place_integer_division_checks_the_cast_before_the_kernel_does": """
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for mk in [lambda: torch.tensor([True, False]), lambda: torch.tensor([1, 2], dtype=torch.uint8), lambda: torch.tensor([1, 2])]:
    for other in [0, torch.tensor(0), torch.tensor([0, 0]), 2, 0.0, True, False, torch.tensor([0, 0, 0])]:
        for op in ["floor_divide_", "remainder_", "fmod_", "pow_"]:
            t(lambda: getattr(mk(), op)(other))
        t(lambda: mk().div_(other, rounding_mode='floor'))
        t(lambda: mk().div_(other, rounding_mode='trunc'))
        def aug():
            x = mk()
            x //= other
            return x
        t(aug)
""",
"unique_consecutive_dispatches_on_positional_flags_as_torch_functional_does": """
x = torch.tensor([1, 1, 2])
y = torch.tensor([[1, 1], [1, 1], [2, 3]])
for args, kw in [((False, True), {}), ((True, True), {}), ((True, False), {}), ((False, False, 0), {}), ((True,), {}),
                 ((False, True, 0), {}), ((True, True, 0), {}), ((), {"return_counts": True}), ((True,), {"return_counts": True}),
                 ((False,), {"return_counts": True, "dim": 0}), ((), {"dim": 0, "return_inverse": True}),
                 ((torch.tensor(True),), {}), ((torch.tensor(False),), {}), ((1,), {}), ((), {"return_counts": torch.tensor(True)})]:
    for t in (x, y):
        for f in (torch.unique_consecutive, torch.Tensor.unique_consecutive, torch.unique, torch.Tensor.unique):
            try:
                print(f(t, *args, **kw))
            except Exception as e:
                print(type(e).__name__, e)
for f in [lambda: torch.unique_consecutive(1), lambda: torch.unique_consecutive(), lambda: torch.unique_consecutive(x, 1, 2, 3, 4),
          lambda: torch.unique_consecutive(x, foo=1), lambda: torch.unique_consecutive(input=x), lambda: torch.unique_consecutive(x, dim=1.5),
          lambda: torch.unique_consecutive(x, torch.tensor([True, False])), lambda: torch.unique_consecutive([1, 2])]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"slicing_a_0_dim_tensor_by_slice_scatter_or_slice_copy_names_slice": """
z = torch.tensor(1.)
for f in [lambda: torch.slice_scatter(z, z), lambda: torch.slice_scatter(z, z, 0, 0, 1), lambda: torch.slice_copy(z),
          lambda: torch.slice_scatter(torch.zeros(3), torch.ones(1), 0, 1, 2)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"weighted_losses_check_the_weight_size_before_computing_the_loss": """
x = torch.tensor([2], dtype=torch.uint8)
t = torch.tensor([0.5, 1.5])
for fn in (torch.nn.functional.huber_loss, torch.nn.functional.mse_loss, torch.nn.functional.l1_loss):
    for w in (t, torch.ones(1), torch.ones(2, 2)):
        try:
            print(fn(x.float(), t, weight=w), fn(x, t, weight=w))
        except Exception as e:
            print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round14_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

"""Classes of difference found by the thirty-first round's held-out programs on random numbers (held31d, issue 16)
that show in the language only: one differential program each, run in torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"a_generators_methods_read_as_values_are_c_builtin_methods": """
def show(v):
    r = repr(v)
    while ' at 0x' in r:
        i = j = r.index(' at 0x')
        j += 6
        while r[j] in '0123456789abcdef':
            j += 1
        r = r[:i] + r[j:]
    print(r)
g = torch.Generator()
for m in [g.initial_seed, g.manual_seed, g.get_state, g.set_state, g.seed, g.clone_state, g.get_offset,
          torch.default_generator.initial_seed]:
    show(m)
    print(type(m).__name__, m.__name__, callable(m))
f = g.manual_seed
print(f(3).initial_seed(), g.initial_seed == g.initial_seed)
for bad in [lambda: g.initial_seed[0], lambda: g.initial_seed(3)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

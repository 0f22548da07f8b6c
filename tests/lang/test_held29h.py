"""Classes of difference found by the twenty-ninth round's held-out programs on how tensors print (held29h, issue 16)
that show in the language only (torch._tensor_str is the language's namespace): one differential program each, run in
torch and in the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"print_opts_fields_are_assigned_one_at_a_time_as_torchs_dataclass_fields": """
P = torch._tensor_str.PRINT_OPTS
P.precision = 2
print(torch.tensor([1/3, 2/3]))
P.sci_mode = True
print(torch.tensor([1/3]), P)
print(torch._tensor_str.get_printoptions())
torch.set_printoptions(profile='default')
print(P.precision, P.sci_mode, torch.tensor([1/3]))
P.threshold = 3
P.edgeitems = 1
print(torch.arange(5), torch.arange(6).view(3, 2))
P.linewidth = 20
print(torch.arange(12.))
with torch._tensor_str.printoptions(precision=1):
    P.threshold = 1000
    print(torch.arange(5.) / 3)
print(P, torch.arange(5.) / 3)
P.precision = -1
try:
    print(torch.tensor([0.5]))
except Exception as e:
    print(type(e).__name__, e)
""",
"printoptions_is_a_contextmanager_function_and_print_opts_a_torch_tensor_str_printeroptions": """
P = torch._tensor_str.PRINT_OPTS
print(type(P), type(P).__name__)
try:
    P.foo
except AttributeError as e:
    print(type(e).__name__, e)
cm = torch._tensor_str.printoptions(precision=1, sci_mode=True)
print(type(cm), type(cm).__name__)
with cm:
    print(torch.tensor([1/3]))
print(torch.tensor([1/3]))
for f in [lambda: cm.__enter__(), lambda: torch._tensor_str.printoptions(1),
          lambda: torch._tensor_str.printoptions(foo=1).__enter__()]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(torch.tensor([1/3]))
""",
"torch_functions_loaded_on_first_use_print_as_the_python_functions_torch_has": """
def show(v):
    r = repr(v)
    while ' at 0x' in r:
        i = j = r.index(' at 0x')
        j += 6
        while r[j] in '0123456789abcdef':
            j += 1
        r = r[:i] + r[j:]
    print(r)
for f in [torch.einsum, torch.tensordot, torch.cdist, torch.atleast_1d, torch.meshgrid, torch.block_diag,
          torch.cartesian_prod, torch.chain_matmul, torch.unravel_index, torch.stft, torch.pca_lowrank, torch.lstsq]:
    show(f)
    print(type(f).__name__, f.__name__, f.__qualname__, callable(f))
x = torch.ones(4)
show(x.stft)
show({'einsum': torch.einsum, 'cdist': torch.cdist})
show([torch.tensordot])
try:
    torch.einsum[0]
except Exception as e:
    print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_language_prints_what_torch_prints(name):
    assert_prints_as_torch(PROGRAMS[name])

"""Classes of difference the thirtieth round found (issue 16) with the lead's random programs and probes, one
differential program each."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"the_out_dtype_overloads_of_mm_bmm_addmm_baddbmm_raise_the_dispatchers_table_of_their_kernels": '''
a, m, v = torch.ones(2, 2, 2), torch.ones(2, 2), torch.ones(3)
cases = [lambda: torch.bmm(a, a, torch.float32), lambda: torch.mm(m, m, torch.float32),
         lambda: torch.addmm(m, m, m, torch.float32), lambda: torch.baddbmm(a, a, a, torch.float32),
         lambda: torch.bmm(a, a, torch.float32, out=torch.empty(2, 2, 2)), lambda: torch.mm(m, m, torch.float32, out=m),
         lambda: torch.addmm(m, m, m, torch.float32, out=m), lambda: torch.baddbmm(a, a, a, torch.float32, out=a),
         lambda: torch.bmm(v, v, torch.int64), lambda: torch.addmm(m, m, m, out_dtype=torch.half, beta=2),
         lambda: torch.mm(m, m, None)]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, repr(str(e)))
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round30_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

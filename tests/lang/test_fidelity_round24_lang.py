"""Classes of difference the twenty-fourth round found (issue 16) with the lead's probes that only a program shows
(torch.signal.windows, imported by name): run in torch and in the language."""
import pytest

from same_as_torch import run_in_torch
from test_torch_programs import language_warnings, run_in_language, torch_warnings

pytest.importorskip("torch")

PROGRAMS = {
"torch_signal_windows_are_pytorchs_python_windows_over_linspace": '''
import torch.signal.windows
from torch.signal import windows
W = torch.signal.windows
for name in ["bartlett", "blackman", "cosine", "exponential", "gaussian", "hamming", "hann", "kaiser", "nuttall"]:
    for M in [0, 1, 2, 7, 10]:
        for sym in [True, False]:
            print(name, M, sym, getattr(W, name)(M, sym=sym), getattr(windows, name)(M, sym=sym, dtype=torch.float64))
print(W.general_cosine(7, a=[0.5, 0.3, 0.2]), W.general_hamming(6, alpha=0.3, sym=False))
print(W.exponential(9, sym=False, center=2.0, tau=0.5), W.gaussian(10, std=0.3), W.kaiser(100, beta=8.6)[45:55])
w = W.nuttall(9, requires_grad=True)
print(w.grad_fn, w.is_leaf, W.gaussian(4, requires_grad=True).grad_fn, W.kaiser(5, requires_grad=True).grad_fn)
for bad in [lambda: W.hann(-1), lambda: W.hann(4, dtype=torch.int64), lambda: W.gaussian(4, std=0),
            lambda: W.exponential(4, center=1.0), lambda: W.exponential(4, tau=-1), lambda: W.kaiser(4, beta=-1.),
            lambda: W.general_cosine(4, a=[]), lambda: W.general_cosine(4, a=3), lambda: W.hann(4, dtype=torch.float16),
            lambda: W.hann(4, 5), lambda: W.blackman(-3), lambda: W.bartlett(4.0), lambda: W.hann(5.0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(W.hann.__module__, W.hann.__name__)
torch.set_default_dtype(torch.float64)
print(W.cosine(4), W.hamming(5))
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round24_lang_class_prints_as_torch(name):
    got, stderr = run_in_language(PROGRAMS[name])
    assert (got, language_warnings(stderr)) == (run_in_torch(PROGRAMS[name])[0], torch_warnings(PROGRAMS[name]))

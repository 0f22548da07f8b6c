"""Classes of difference found by held-out programs on torch's less common tensor ops, torch.fft and torch.linalg
(round 16, held16f), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"fft_functions_follow_atens_spectral_ops": """
x = torch.arange(6.)
for call in [lambda: torch.fft.fft(x, 4.0), lambda: torch.fft.fft(x, norm=1), lambda: torch.fft.fft(x, dim=2),
             lambda: torch.fft.fft(torch.tensor(3.)), lambda: torch.fft.fft([1., 2.]), lambda: torch.fft.fft2(x),
             lambda: torch.fft.fftn(x, s=(2, 3)), lambda: torch.fft.fftn(x.view(2, 3), dim=(0, 0)),
             lambda: torch.fft.rfftn(torch.ones(2, dtype=torch.complex64)), lambda: torch.fft.irfft(torch.ones(1)),
             lambda: torch.fft.fft(x.half()), lambda: torch.fft.fft(x.bfloat16()), lambda: torch.fft.fftfreq(0),
             lambda: torch.fft.fftfreq(4, dtype=torch.int64), lambda: torch.fft.fftn(x.view(2, 3), s=(2, 3), dim=(1,)),
             lambda: torch.fft.ihfft(torch.ones(2, dtype=torch.complex128)), lambda: torch.fft.hfft(x, 0),
             lambda: torch.fft.irfftn(x.view(2, 3), dim=()), lambda: torch.fft.fftshift(x, 3), lambda: torch.fft.fft(x, out=torch.empty(0)),
             lambda: torch.fft.irfft(x, out=torch.empty(0, dtype=torch.cfloat)), lambda: torch.fft.fft(),
             lambda: torch.fft.fftfreq(5, 0.1, dtype=torch.float64), lambda: torch.fft.rfftfreq(8, d=2, requires_grad=True)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
o = torch.empty(3, dtype=torch.complex64)
r = torch.fft.fft(torch.tensor([1., 2., 3., 4.]), out=o)
print(r is o, o)
o2 = torch.zeros(2, dtype=torch.float64)
print(torch.fft.irfft(torch.tensor([1+1j, 2+0j, 3-1j], dtype=torch.complex128), out=o2), o2.shape)
print(torch.fft.fft(torch.arange(4.).view(2, 2), dim=0))
print(torch.fft.fft(torch.arange(6.).view(2, 3), dim=0).stride())
print(torch.fft.rfft(torch.arange(6.).view(2, 3), dim=0).stride())
print(torch.fft.fft(torch.arange(6.).view(2, 3)).stride())
print(torch.fft.fft2(torch.arange(6.).view(2, 3)).stride())
print(torch.fft.fft(torch.ones(0, 3)).shape)
print(torch.fft.ifft(torch.tensor([1., 2., 3.])))
print(torch.fft.ihfft(torch.tensor([1., 2., 3., 4., 5.])))
print(torch.fft.hfft(torch.tensor([1., 2j, 3.]), n=5))
print(torch.fft.hfft2(torch.ones(2, 3)))
print(torch.fft.ihfft2(torch.ones(2, 3)))
print(torch.fft.ihfftn(torch.arange(8.).view(2, 2, 2), dim=(0, 2)))
print(torch.fft.irfftn(torch.ones(2, 3, dtype=torch.complex64), s=(3, -1)))
""",
"fft_of_real_input_is_a_one_sided_r2c_mirrored": """
# torch.fft.fft of a real signal: why is the output complex?
x = torch.tensor([1., 2., 3., 4.])
X = torch.fft.fft(x)
print(X)
print(X.dtype, X.shape)
print(torch.fft.ifft(X))
print(torch.fft.ifft(X).real)
print(torch.fft.fft(x, n=6))
print(torch.fft.fft(x, n=2))
print(torch.fft.fft(x, norm="ortho"))
print(torch.fft.fft(x, norm="forward"))
print(torch.fft.fft(torch.tensor([1, 0, 0, 0])))
# fftfreq, rfftfreq and fftshift
print(torch.fft.fftfreq(5))
print(torch.fft.fftfreq(4, d=0.5))
print(torch.fft.rfftfreq(6))
print(torch.fft.rfftfreq(7, 2.0, dtype=torch.float64))
f = torch.fft.fftfreq(6)
print(torch.fft.fftshift(f))
print(torch.fft.ifftshift(torch.fft.fftshift(f)))
x = torch.arange(12).reshape(3, 4)
print(torch.fft.fftshift(x))
print(torch.fft.fftshift(x, dim=1))
print(torch.fft.ifftshift(x, dim=(0,)))
# fft2 / fftn / ifft2 on an image
img = torch.tensor([[1., 0., 0.], [0., 1., 0.], [0., 0., 1.], [1., 1., 1.]])
F2 = torch.fft.fft2(img)
print(F2.shape, F2.dtype)
print(F2[0, 0])
print(torch.fft.ifft2(F2).real)
print(torch.fft.fftn(img, s=(2, 2)))
print(torch.fft.fftn(img, dim=0).shape)
print(torch.fft.rfft2(img).shape)
print(torch.fft.irfft2(torch.fft.rfft2(img), s=img.shape))
print(torch.fft.rfftn(torch.ones(2, 2, 2)))
# fft errors and gradients
x = torch.tensor([1., 2., 3.], requires_grad=True)
X = torch.fft.rfft(x)
print(X.grad_fn.name())
X.abs().sum().backward()
print(x.grad)
try:
    torch.fft.fft(torch.tensor([1, 2, 3]), norm="bad")
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.fft.rfft(torch.tensor([1j, 2j]))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.fft.fft(torch.ones(3), n=0)
except Exception as e:
    print(type(e).__name__, e)
print(torch.fft.fft(torch.tensor([1, 2, 3, 4])).dtype)
print(torch.fft.fft(torch.tensor([True, False])))
""",
"fft_gradients_through_r2c_c2c_c2r_nodes": """
torch.manual_seed(0)
x = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
z = torch.randn(3, 4, dtype=torch.complex128, requires_grad=True)
cases = [
    ("fft", lambda: torch.fft.fft(x)), ("fft_n6", lambda: torch.fft.fft(x, n=6)), ("fft_n2_dim0", lambda: torch.fft.fft(x, 2, 0)),
    ("ifft", lambda: torch.fft.ifft(x, norm="ortho")), ("rfft", lambda: torch.fft.rfft(x)), ("rfft_dim0", lambda: torch.fft.rfft(x, dim=0, norm="forward")),
    ("irfft", lambda: torch.fft.irfft(z)), ("irfft_n5", lambda: torch.fft.irfft(z, n=5)), ("hfft", lambda: torch.fft.hfft(z, norm="ortho")),
    ("ihfft", lambda: torch.fft.ihfft(x)), ("fft2", lambda: torch.fft.fft2(x)), ("ifft2z", lambda: torch.fft.ifft2(z, s=(2, 5))),
    ("rfft2", lambda: torch.fft.rfft2(x)), ("fftnz", lambda: torch.fft.fftn(z, dim=0)),
    ("ihfft2", lambda: torch.fft.ihfft2(x)), ("fftc", lambda: torch.fft.fft(z, norm="forward")),
    ("rfftn3", lambda: torch.fft.rfftn(x, s=(4, 3))), ("shift", lambda: torch.fft.fftshift(x)),
]
for name, f in cases:
    x.grad = None; z.grad = None
    y = f()
    print(name, y.grad_fn.name(), y.grad_fn.next_functions[0][0].name() if y.grad_fn.next_functions[0][0] is not None else None, y.shape, y.dtype)
    w = torch.arange(y.numel(), dtype=torch.float64).view(y.shape) / 7
    ((y.abs() if y.is_complex() else y) * w).sum().backward()
    print(x.grad, z.grad)
print(torch.fft.rfft(x).grad_fn._saved_dim, torch.fft.rfft(x).grad_fn._saved_normalization, torch.fft.rfft(x).grad_fn._saved_onesided)
print(torch.fft.fft(z).grad_fn._saved_forward)
""",
"linalg_eig_and_eigvals_with_linalg_eig_backward": """
for A in [torch.ones(2,3,dtype=torch.long), torch.ones(3,dtype=torch.long), torch.tensor([[1.,float('inf')],[0.,1.]],dtype=torch.float64), torch.ones(2,2,dtype=torch.half), torch.ones(3), torch.ones(2, 3)]:
    try: print(torch.linalg.eig(A))
    except Exception as e: print(type(e).__name__, e)
print(torch.linalg.eig(torch.tensor([[0.,-1.],[1.,0.]])))
print(torch.linalg.eig(torch.tensor([[1.,2.],[3.,4.]])))
print(torch.linalg.eig(torch.tensor([[0.,-1.],[1.,0.]], dtype=torch.float64)))
print(torch.linalg.eig(torch.empty(0, 0)))
A=torch.tensor([[1.,2.],[3.,4.]],requires_grad=True)
w,v=torch.linalg.eig(A)
print(w.grad_fn.name(), v.stride(), w.stride())
(v.real.sum()+w.real.sum()).backward(); print(A.grad)
A.grad = None
w = torch.linalg.eigvals(A)
print(w)
w.abs().sum().backward(); print(A.grad)
A=torch.tensor([[1.,2.],[3.,4.]],requires_grad=True)
w,v=torch.linalg.eig(A)
try: v.imag.sum().backward()
except Exception as e: print(type(e).__name__, e)
z = torch.tensor([[1+1j, 2], [0, 3j]])
print(torch.linalg.eig(z))
print(torch.linalg.eigvals(torch.randn(2, 3, 3)).shape)
torch.manual_seed(0)
M = torch.randn(4, 4)
w, v = torch.linalg.eig(M)
print(w)
print(torch.dist(M.to(torch.complex64) @ v, v * w) < 1e-5)
""",
"slogdet_backward_is_an_lu_solve_without_grad_mode": """
A = torch.tensor([[[2., 0.], [0., 3.]], [[0., 1.], [1., 0.]], [[1., 2.], [2., 4.]]], requires_grad=True)
sign, logabs = torch.linalg.slogdet(A)
logabs[0].backward(retain_graph=True)
print(A.grad)
A.grad = None
logabs.sum().backward(retain_graph=True)
print(A.grad)
B = torch.tensor([[1., 2.], [3., 4.]], dtype=torch.float64, requires_grad=True)
s, l = torch.slogdet(B)
l.backward()
print(B.grad)
print(torch.logdet(torch.tensor([[2., 1.], [1., 2.]], requires_grad=True)).grad_fn.name())
C = torch.tensor([[1., 2.], [2., 4.]], requires_grad=True)
s, l = torch.linalg.slogdet(C)
try:
    g, = torch.autograd.grad(l, C, create_graph=True)
    print(g)
except Exception as e:
    print(e)
D = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
s, l = torch.linalg.slogdet(D)
g, = torch.autograd.grad(l, D, create_graph=True)
print(g, g.grad_fn.name())
""",
"cdist_checks_its_batch_dims_broadcast": """
for a, b in [((2, 2, 3), (3, 2, 3)), ((2, 1, 2, 3), (3, 4, 3)), ((4, 2, 3), (2, 4, 3)), ((5, 2, 30, 3), (2, 4, 3)), ((2, 2, 3), (1, 4, 3))]:
    for kw in ({}, {"p": 1}, {"compute_mode": "use_mm_for_euclid_dist"}):
        try:
            print(torch.cdist(torch.ones(*a), torch.ones(*b), **kw).shape)
        except Exception as e:
            print(type(e).__name__, e)
""",
"stft_is_functionals_pad_then_atens_frames_and_r2c": """
torch.manual_seed(0)
x = torch.randn(16)
w = torch.hann_window(8)
S = torch.stft(x, 8, hop_length=2, window=w, return_complex=True)
print(S.shape, S.dtype, S.stride())
S2 = torch.stft(x, 8, return_complex=True, center=False)
print(S2.shape, S2.stride())
print(torch.stft(x.view(2, 8), 4, return_complex=True, center=False, onesided=False).shape)
print(torch.stft(x, 8, win_length=4, return_complex=True, normalized=True)[:2, :2])
print(torch.stft(x, 8, return_complex=False).shape)
y = torch.istft(S, 8, hop_length=2, window=w)
print(y.shape, torch.allclose(y, x, atol=1e-5))
print(torch.istft(S, 8, hop_length=2, window=w, length=20).shape)
xr = x.clone().requires_grad_()
s = torch.stft(xr, 8, hop_length=2, window=w, return_complex=True)
print(s.grad_fn.name())
s.abs().sum().backward()
print(xr.grad[:4])
for f in [lambda: torch.stft(x, 8), lambda: torch.stft(x, 32, return_complex=True), lambda: torch.stft(x, 8, hop_length=0, return_complex=True),
          lambda: torch.stft(x, 8, win_length=9, return_complex=True), lambda: torch.stft(x, 8, window=torch.ones(7), return_complex=True),
          lambda: torch.stft(x.long(), 8, return_complex=True), lambda: torch.stft(torch.ones(2, 2, 8), 4, return_complex=True),
          lambda: torch.istft(S.real, 8), lambda: torch.istft(S, 10), lambda: torch.istft(S, 8, window=torch.zeros(8)),
          lambda: torch.stft(x, 8, return_complex=True, align_to_window=True), lambda: torch.stft(x, 8, return_complex=True, pad_mode='zeros'),
          lambda: torch.stft(torch.ones(3), 8, return_complex=True, center=False)]:
    try:
        r = f(); print(r.shape)
    except Exception as e:
        print(type(e).__name__, e)
""",
"stft_and_istft_gradients_and_forms": """
x = torch.arange(16, dtype=torch.float64).sin().requires_grad_()
w = torch.hann_window(8, dtype=torch.float64)
S = torch.stft(x, 8, hop_length=2, window=w, return_complex=True)
print(S.grad_fn.name(), S.grad_fn.next_functions[0][0].name(), S.stride(), S._version)
(S.abs() ** 2).sum().backward(retain_graph=True)
print(x.grad)
x.grad = None
S2 = torch.stft(x.view(2, 8), 4, hop_length=1, return_complex=True, center=False, onesided=False, normalized=True)
print(S2.shape, S2.grad_fn.name(), S2.stride())
S2.real.sum().backward()
print(x.grad)
y = torch.istft(S, 8, hop_length=2, window=w)
print(y.grad_fn.name(), torch.allclose(y, x))
x.grad = None
y.sum().backward()
print(x.grad)
Z = torch.stft(x.detach(), 8, hop_length=2, window=w, return_complex=True).requires_grad_()
y = torch.istft(Z, 8, hop_length=2, window=w, length=12, center=True)
y.pow(2).sum().backward()
print(y.shape, Z.grad[:2, :3])
print(torch.istft(Z.detach(), 8, hop_length=2, window=w, center=False).shape)
print(torch.istft(Z.detach().unsqueeze(0), 8, hop_length=2, window=w, length=18).shape)
r = torch.stft(torch.ones(10, dtype=torch.complex64), 4, return_complex=True)
print(r.shape)
try:
    torch.stft(torch.ones(10, dtype=torch.complex64), 4, return_complex=True, onesided=True)
except Exception as e:
    print(e)
print(torch.stft(torch.arange(10.), 4, win_length=2, window=torch.ones(2), return_complex=True, center=False).abs())
print(torch.stft(torch.arange(10.), 4, return_complex=True, center=True, pad_mode='constant').abs())
print(torch.stft(torch.arange(10.), 4, return_complex=True, center=False, align_to_window=True, win_length=2).abs())
print(x.stft(8, hop_length=4, window=w, return_complex=True).shape)
print(S.detach().istft(8, hop_length=2, window=w).shape)
""",
"stft_vf_parser_and_the_python_methods_names": """
x = torch.arange(8.)
w = torch.hann_window(4)
for f in [lambda: torch.stft(x), lambda: torch.stft(x, 4.0, return_complex=True), lambda: x.stft(4, window=w, return_complex=True, foo=1),
          lambda: torch.istft(torch.stft(x, 4, window=w, return_complex=True), 4, window=w),
          lambda: torch.istft(torch.stft(x, 4, window=w, return_complex=True)), lambda: torch.istft(x, 4),
          lambda: torch.stft(x, 4, window=w, return_complex=True).istft(4, window=w, length=8),
          lambda: torch.fft.fft(x, dim=(0,)), lambda: torch.fft.fftn(x, s=3), lambda: torch.fft.fft2(x.view(2, 4), dim=0),
          lambda: torch.fft.fftshift(x, dim=(0, 0)), lambda: torch.fft.rfftfreq(4.5), lambda: torch.fft.fftfreq(n=3, d=torch.tensor(2.)),
          lambda: torch.fft.ifftshift(torch.arange(6).view(2, 3), dim=-1), lambda: torch.fft.fft(x, norm=None), lambda: torch.fft.hfftn(x.view(2, 4).cfloat(), s=(2, 6)),
          lambda: torch.fft.rfft(x.double(), 3), lambda: torch.fft.irfft(x.cdouble(), 3, norm="ortho")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
S = torch.stft(x, 4, window=w, return_complex=True)
for f in [lambda: S.istft(4, foo=1), lambda: S.istft(), lambda: x.stft(), lambda: S.istft(4, window=w).shape, lambda: x.stft(4, window=w, return_complex=True).shape, lambda: torch.istft(S, 4.5)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"linalg_vecdot_checks_dtypes_and_takes_vdot_for_vectors": """
a = torch.ones(2, requires_grad=True); b = torch.ones(2)
print(torch.linalg.vecdot(a, b).grad_fn.name(), torch.linalg.vecdot(a.view(1, 2), b).grad_fn.name())
print(torch.linalg.vecdot(a, b, dim=1))
for x, y in [(torch.ones(2, dtype=torch.long), torch.ones(2, dtype=torch.long)), (torch.ones(2), torch.ones(2, dtype=torch.long)), (torch.ones(2, dtype=torch.long), torch.ones(2)),
             (torch.ones(2), torch.ones(2).double()), (torch.ones(2, dtype=torch.bool), torch.ones(2, dtype=torch.bool)), (torch.ones(2).half(), torch.ones(2).half()),
             (torch.ones(2), torch.ones(3)), (torch.tensor([1+1j, 2j]), torch.tensor([1j, 1+0j])), (torch.ones(2, 3), torch.ones(3)), (torch.ones(2).bfloat16(), torch.ones(2).bfloat16()),
             (torch.tensor([[1+1j, 2j]]), torch.tensor([1j, 1+0j])), (torch.ones(2, 2), torch.ones(3, 2))]:
    try:
        print(torch.linalg.vecdot(x, y))
    except Exception as e:
        print(type(e).__name__, e)
""",
"lu_of_empty_matrices_and_batches": """
for s in [(0, 0), (2, 0, 0), (0, 2, 2), (0, 3), (3, 0), (2, 0, 3)]:
    try:
        r = torch.linalg.lu_factor_ex(torch.ones(*s)); print(s, r.LU.shape, r.pivots.shape, r.pivots.dtype, r.info.shape, r.info)
        P, L, U = torch.linalg.lu(torch.ones(*s)); print(P.shape, L.shape, U.shape)
        print(torch.linalg.det(torch.ones(*s)) if s[-1] == s[-2] else "")
    except Exception as e:
        print(type(e).__name__, e)
""",
"tensorinv_slices_the_shape_at_ind": """
for s, i in [((2, 2), 3), ((4,), 2), ((2, 2), 2), ((), 1)]:
    try:
        print(torch.linalg.tensorinv(torch.ones(s), i))
    except Exception as e:
        print(type(e).__name__, e)
print(torch.linalg.tensorinv(torch.eye(6).reshape(6, 2, 3), 1).shape)
""",
"scatter_reduce_of_complex_and_0_dim_and_refusals_reading_keywords": """
z = torch.tensor([1+1j, 2, 3])
for r in ['sum', 'prod', 'mean', 'amax', 'amin']:
    for inc in [True, False]:
        try: print(r, inc, z.scatter_reduce(0, torch.tensor([0, 0, 1]), z, r, include_self=inc))
        except Exception as e: print(r, inc, type(e).__name__, e)
    try: print(r, z.index_reduce(0, torch.tensor([0, 0, 1]), z, r) if r != 'sum' else '')
    except Exception as e: print(r, 'index_reduce', type(e).__name__, e)
x = torch.tensor(3.)
print(x.scatter_reduce(0, torch.tensor(0), torch.tensor(5.), 'sum'), x.scatter_reduce(0, torch.tensor([0]), torch.tensor([5.]), 'amax'))
print(x.scatter(0, torch.tensor(0), 7.), x.scatter_add(0, torch.tensor([0]), torch.tensor([5.])), x.scatter(0, torch.tensor([0]), 1., reduce='add'))
print(x.gather(0, torch.tensor([0, 0])))
x = torch.tensor(3., requires_grad=True)
y = x.scatter_reduce(0, torch.tensor([0]), torch.tensor([5.]), 'prod'); y.backward(); print(y, x.grad)
for r in ['sum', 'prod', 'mean', 'amax', 'amin']:
    print(torch.zeros(2, 2).scatter_reduce(1, torch.tensor([[0, 0], [1, 1]]), torch.ones(2, 2), r, include_self=False))
print(torch.unique(torch.tensor([[1j, 2]]), dim=1) if False else "")
try:
    torch.unique(torch.tensor([[1j, 2]]), dim=1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.unique(torch.tensor([[1j, 2]]))
except Exception as e:
    print(type(e).__name__, e)
z = torch.tensor([[1+1j, 2], [3, 4j]])
for f in [lambda: z.max(dim=0), lambda: z.max(), lambda: z.median(0), lambda: z.median(dim=0), lambda: z.unique(dim=0), lambda: z.unique(sorted=True), lambda: torch.unique(z, True, True), lambda: z.min(1, keepdim=True), lambda: z.kthvalue(1, dim=0), lambda: z.topk(1, dim=0), lambda: z.sort(dim=0), lambda: z.mode(dim=0), lambda: z.cummax(dim=0), lambda: z.clamp(min=1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"cdist_compute_mode_and_p_and_meshgrid_indexing_types_as_the_python_wrappers_check": """
x = torch.ones(2, 3)
for p in [True, torch.tensor(2.), None, 2, [2], '2', 1.5]:
    try: print(torch.cdist(x, x, p=p).shape)
    except Exception as e: print(type(e).__name__, e)
for ind in [None, 'ij', True, b'ij', 1, 'yx']:
    try: print(torch.meshgrid(x[0], indexing=ind)[0].shape)
    except Exception as e: print(type(e).__name__, e)
for cm in ['x', 1, None, 'use_mm_for_euclid_dist']:
    try: print(torch.cdist(x, x, 2, cm).shape)
    except Exception as e: print(type(e).__name__, e)
""",
"wrong_argument_types_to_shape_indexing_linalg_and_fft_functions": """
x = torch.arange(6.).view(2, 3)
i = torch.tensor([0, 1])
calls = [lambda: torch.roll(x, 1.5), lambda: torch.flip(x, 0), lambda: torch.rot90(x, 1, 0), lambda: torch.tril(x, 1.0), lambda: x.diagonal(dim1=0, dim2=0),
         lambda: torch.meshgrid(x[0], indexing=1), lambda: torch.cartesian_prod([x[0]]), lambda: torch.combinations(x[0], r=2.0), lambda: torch.searchsorted(x[0], x, side=1),
         lambda: torch.einsum(1, x), lambda: torch.cdist(x, x, p='2'), lambda: torch.block_diag([x]), lambda: torch.take(x, [0]), lambda: x.scatter(1, i.view(2, 1)),
         lambda: x.index_add(0, i), lambda: torch.movedim(x, 0), lambda: x.unflatten(1, 3), lambda: torch.tensor_split(x, 1.5), lambda: torch.hsplit(x, 1.5),
         lambda: x.chunk(2.0), lambda: torch.stack(x), lambda: torch.diag_embed(x, offset=1.0), lambda: torch.sort(x, dim=None), lambda: torch.topk(x, k=None),
         lambda: torch.kthvalue(x, 1, dim=None), lambda: torch.unique(x, dim=1.0), lambda: torch.bucketize(x, [1, 2]), lambda: x.gather(1, [[0]]),
         lambda: torch.take_along_dim(x, i), lambda: x.masked_select([True]), lambda: x.masked_fill(x > 1, 'a'), lambda: x.index_fill(0, i, None),
         lambda: x.put_(i, torch.tensor([1, 2])), lambda: torch.linalg.solve(x, [1, 2]), lambda: torch.linalg.norm(x, ord='inf'), lambda: torch.linalg.vector_norm(x, ord='2'),
         lambda: torch.linalg.matrix_power(x[:, :2], 2.0), lambda: torch.linalg.cross(x, x, dim=1.0), lambda: torch.linalg.multi_dot(x), lambda: torch.linalg.eig(x[:, :2], 1),
         lambda: torch.fft.fft(x, norm='Ortho'), lambda: torch.fft.fftfreq(3, dtype=torch.int32), lambda: torch.fft.rfft(x, n=-1), lambda: torch.fft.fft2(x, s=[2]),
         lambda: torch.roll(x, shifts=1, dims=(0, 1)), lambda: torch.rot90(x, k=1, dims=[0]), lambda: x.flip(dims=()), lambda: torch.tril_indices(3), lambda: torch.cartesian_prod()]
for n, f in enumerate(calls):
    try:
        r = f()
        print(n, "->", r.shape if hasattr(r, "shape") else r)
    except Exception as e:
        print(n, type(e).__name__, str(e).replace("\n", " | ")[:220])
""",
"fft_nodes_save_what_derivatives_yaml_names": """
x = torch.ones(4, requires_grad=True)
for y in [torch.fft.rfft(x), torch.fft.fft(x.cfloat()), torch.fft.irfft(x.cfloat()), torch.fft.hfft(x.cfloat(), norm="ortho"), torch.fft.ifft(x, norm="forward")]:
    node = y.grad_fn if y.grad_fn.name().startswith("Fft") else y.grad_fn.next_functions[0][0]
    print(node.name(), [(a, getattr(node, a)) for a in dir(node) if a.startswith("_saved")])
x2 = torch.ones(4, requires_grad=True) * 1
y = torch.fft.rfft(x2)
x2.mul_(2)
try:
    y.abs().sum().backward()
except Exception as e:
    print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round16_held16f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

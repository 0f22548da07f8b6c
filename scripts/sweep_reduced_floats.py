"""float16 and bfloat16 bits, engine against PyTorch: every unary and binary op, the activations, in-place twins,
reductions, layer_norm, losses and gradients, on shapes (7,), (3, 5), (2, 3, 4), a transposed (5, 3), (40,) and
(5, 33); prints the rows that differ (ALL=1: every row) as "dtype op differing/total".

    python3 scripts/sweep_reduced_floats.py [op or kind (u b x r g) ...]
    TSH=/path/to/another/checkout python3 scripts/sweep_reduced_floats.py   # the same sweep against another tree
"""
import sys, math, types, random
import numpy as np
import torch as T
import os
sys.path.insert(0, os.environ.get("TSH", "."))
from tensorsh.engine.torch_api import NAMESPACE
from tensorsh import nn
E = types.SimpleNamespace(**NAMESPACE, nn=types.SimpleNamespace(**nn.NAMESPACE))

UNARY = "abs neg exp exp2 expm1 log log2 log10 log1p sqrt rsqrt sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh sigmoid relu erf erfc erfinv lgamma digamma reciprocal floor ceil round trunc frac sign sgn square logit i0 sinc deg2rad rad2deg nan_to_num".split()
BINARY = "add sub mul div remainder fmod atan2 hypot maximum minimum pow xlogy copysign fmax fmin logaddexp logaddexp2 nextafter".split()
EXTRA = {
 "div_num": lambda t, x, y: x / 3.0, "div_num7": lambda t, x, y: x / 7, "div_fn": lambda t, x, y: t.div(x, 0.3),
 "idiv": lambda t, x, y: x.clone().div_(0.7), "rdiv": lambda t, x, y: 2.5 / x, "mul_num": lambda t, x, y: x * 0.3,
 "add_num": lambda t, x, y: x + 0.3, "sub_num": lambda t, x, y: x - 0.3, "pow2": lambda t, x, y: x ** 2, "pow3": lambda t, x, y: x ** 3,
 "pow_half": lambda t, x, y: x.abs() ** 0.5, "pow_m1": lambda t, x, y: x ** -1, "pow_m2": lambda t, x, y: x ** -2, "pow_2.5": lambda t, x, y: x.abs() ** 2.5,
 "pow_mhalf": lambda t, x, y: (x.abs() + 0.01) ** -0.5, "rpow": lambda t, x, y: 2 ** x, "add_alpha": lambda t, x, y: t.add(x, y, alpha=0.3), "lerp": lambda t, x, y: t.lerp(x, y, 0.3),
 "addcmul": lambda t, x, y: t.addcmul(x, x, y, value=0.5), "addcdiv": lambda t, x, y: t.addcdiv(x, x, y, value=0.5),
 "clamp": lambda t, x, y: x.clamp(-0.3, 0.4), "elu": lambda t, x, y: t.nn.functional.elu(x), "gelu": lambda t, x, y: t.nn.functional.gelu(x),
 "gelu_tanh": lambda t, x, y: t.nn.functional.gelu(x, approximate='tanh'), "silu": lambda t, x, y: t.nn.functional.silu(x),
 "softplus": lambda t, x, y: t.nn.functional.softplus(x), "mish": lambda t, x, y: t.nn.functional.mish(x),
 "leaky_relu": lambda t, x, y: t.nn.functional.leaky_relu(x, 0.1), "hardswish": lambda t, x, y: t.nn.functional.hardswish(x),
 "hardsigmoid": lambda t, x, y: t.nn.functional.hardsigmoid(x), "selu": lambda t, x, y: t.nn.functional.selu(x),
 "logsigmoid": lambda t, x, y: t.nn.functional.logsigmoid(x), "tanhshrink": lambda t, x, y: t.nn.functional.tanhshrink(x),
 "softsign": lambda t, x, y: t.nn.functional.softsign(x),
}
EXTRA.update({
 "layer_norm": lambda t, x, y: t.nn.functional.layer_norm(x, x.shape[-1:]),
 "normalize": lambda t, x, y: t.nn.functional.normalize(x, dim=-1),
 "matmul_t": lambda t, x, y: x @ y.transpose(-1, -2) if x.dim() > 1 else (x * y).sum(),
 "cross_ent": lambda t, x, y: t.nn.functional.cross_entropy(x, (t.arange(x.shape[0]) % x.shape[-1]), reduction='none') if x.dim() == 2 else x,
 "log_softmax_ce": lambda t, x, y: t.nn.functional.cross_entropy(x, (t.arange(x.shape[0]) % x.shape[-1])) if x.dim() == 2 else x.sum(),
 "where": lambda t, x, y: t.where(x > 0, x, y * 0.3),
 "sigmoid": lambda t, x, y: x.sigmoid(), "cosine_sim": lambda t, x, y: t.nn.functional.cosine_similarity(x, y, dim=-1),
 "addmul_inplace": lambda t, x, y: x.clone().addcmul_(x, y, value=0.3), "lerp_inplace": lambda t, x, y: x.clone().lerp_(y, 0.3),
 "add_inplace_alpha": lambda t, x, y: x.clone().add_(y, alpha=0.3), "mul_inplace_t": lambda t, x, y: x.clone().mul_(t.tensor(0.3)),
 "floor_div_num": lambda t, x, y: x // 0.3, "rem_num": lambda t, x, y: x % 0.7, "sub_rnum": lambda t, x, y: 0.3 - x,
 "clamp_t": lambda t, x, y: x.clamp(min=y), "dropout_eval": lambda t, x, y: t.nn.functional.dropout(x, 0.5, training=False),
 "var_mean": lambda t, x, y: t.var_mean(x, -1)[0], "std_mean": lambda t, x, y: t.std_mean(x, 0)[1],
 "hardtanh": lambda t, x, y: t.nn.functional.hardtanh(x), "relu6": lambda t, x, y: t.nn.functional.relu6(x),
 "celu": lambda t, x, y: t.nn.functional.celu(x, 0.7), "softshrink": lambda t, x, y: t.nn.functional.softshrink(x, 0.3),
 "glu": lambda t, x, y: t.nn.functional.glu(t.cat([x, y], -1)), "prelu": lambda t, x, y: t.nn.functional.prelu(x, t.tensor([0.3], dtype=x.dtype)),
})
RED = {
 "sum": lambda t, x: x.sum(), "sum0": lambda t, x: x.sum(0), "sum-1": lambda t, x: x.sum(-1), "mean": lambda t, x: x.mean(), "mean0": lambda t, x: x.mean(0), "mean-1": lambda t, x: x.mean(-1),
 "prod": lambda t, x: x.prod(), "prod0": lambda t, x: x.prod(0), "prod-1": lambda t, x: x.prod(-1),
 "cumsum0": lambda t, x: x.cumsum(0), "cumsum-1": lambda t, x: x.cumsum(-1), "cumprod-1": lambda t, x: x.cumprod(-1),
 "var": lambda t, x: x.var(), "var0": lambda t, x: x.var(0), "var-1": lambda t, x: x.var(-1), "std": lambda t, x: x.std(), "std0": lambda t, x: x.std(0), "std-1": lambda t, x: x.std(-1),
 "norm": lambda t, x: x.norm(), "norm0": lambda t, x: x.norm(dim=0), "norm-1": lambda t, x: x.norm(dim=-1), "norm1": lambda t, x: x.norm(1), "norm3-1": lambda t, x: x.norm(3, dim=-1),
 "amax": lambda t, x: x.amax(), "amax0": lambda t, x: x.amax(0), "lse0": lambda t, x: t.logsumexp(x, 0), "lse-1": lambda t, x: t.logsumexp(x, -1),
 "softmax0": lambda t, x: t.softmax(x, 0), "softmax-1": lambda t, x: t.softmax(x, -1), "lsm0": lambda t, x: t.log_softmax(x, 0), "lsm-1": lambda t, x: t.log_softmax(x, -1),
}
GRAD = {
 "g_gelu": lambda t, x: (t.nn.functional.gelu(x) * x.detach().cos()).sum(), "g_silu": lambda t, x: (t.nn.functional.silu(x) * x.detach().cos()).sum(),
 "g_softplus": lambda t, x: (t.nn.functional.softplus(x) * x.detach().cos()).sum(), "g_mish": lambda t, x: (t.nn.functional.mish(x) * x.detach().cos()).sum(),
 "g_elu": lambda t, x: (t.nn.functional.elu(x) * x.detach().cos()).sum(), "g_logsig": lambda t, x: (t.nn.functional.logsigmoid(x) * x.detach().cos()).sum(),
 "g_layer_norm": lambda t, x: (t.nn.functional.layer_norm(x, x.shape[-1:]) * x.detach().cos()).sum(),
 "g_var": lambda t, x: x.var(), "g_std": lambda t, x: x.std(), "g_norm": lambda t, x: x.norm(), "g_lse": lambda t, x: t.logsumexp(x, -1).sum(),
 "g_prod": lambda t, x: (x * 0.5 + 1).prod(), "g_cumsum": lambda t, x: (x.cumsum(0) * x.detach().cos()).sum(),
 "g_huber": lambda t, x: t.nn.functional.huber_loss(x, x.detach().cos()), "g_sl1": lambda t, x: t.nn.functional.smooth_l1_loss(x, x.detach().cos()),
 "g_mul_num": lambda t, x: (x * 0.3 * x.detach().cos()).sum(), "g_div_num": lambda t, x: (x / 0.3 * x.detach().cos()).sum(),
 "g_rsqrt": lambda t, x: ((x.abs() + 0.1).rsqrt() * x.detach().cos()).sum(), "g_lerp": lambda t, x: (t.lerp(x, x.detach().cos(), 0.3) * x.detach().sin()).sum(),
 "g_where": lambda t, x: (t.where(x > 0, x, x * 0.3) * x.detach().cos()).sum(), "g_clamp": lambda t, x: (x.clamp(-1, 1) * x.detach().cos()).sum(),

 "g_softmax0": lambda t, x: (t.softmax(x, 0) * x.detach().cos()).sum(), "g_softmax-1": lambda t, x: (t.softmax(x, -1) * x.detach().cos()).sum(),
 "g_lsm0": lambda t, x: (t.log_softmax(x, 0) * x.detach().cos()).sum(), "g_lsm-1": lambda t, x: (t.log_softmax(x, -1) * x.detach().cos()).sum(),
 "g_pow2": lambda t, x: (x ** 2).sum(), "g_pow3": lambda t, x: (x ** 3 * x.detach().cos()).sum(), "g_pow2.5": lambda t, x: (x.abs() ** 2.5).sum(),
 "g_tanh": lambda t, x: (x.tanh() * x.detach().cos()).sum(), "g_sigmoid": lambda t, x: (x.sigmoid() * x.detach().cos()).sum(),
 "g_mse": lambda t, x: t.nn.functional.mse_loss(x, x.detach().cos()), "g_mse_sum": lambda t, x: t.nn.functional.mse_loss(x, x.detach().cos(), reduction='sum'),
 "g_mean": lambda t, x: (x.mean() * 3), "g_exp": lambda t, x: (x.exp() * x.detach().cos()).sum(), "g_div": lambda t, x: (x / 3).sum(),
 "g_sqrt": lambda t, x: (x.abs().sqrt() * x.detach().cos()).sum(), "g_log": lambda t, x: (x.abs().log() * x.detach().cos()).sum(),
}
SHAPES = [(7,), (3, 5), (2, 3, 4), "t", (40,), (5, 33)]
pos_ops = {"log", "log2", "log10", "sqrt", "rsqrt", "lgamma", "digamma", "acosh"}
unit_ops = {"asin", "acos", "atanh", "erfinv", "logit"}

def make(shape, rng, dt, kind=None):
    shp = (5, 3) if shape == "t" else shape
    a = rng.standard_normal(shp).astype(np.float32) * 2
    if kind in pos_ops: a = np.abs(a) + 0.05
    if kind == "acosh": a += 1
    if kind in unit_ops: a = np.tanh(a) * 0.99 if kind != "logit" else 1 / (1 + np.exp(-a))
    return a

def conv(mod, a, dt, shape, grad=False):
    x = mod.tensor(a.tolist(), dtype=getattr(mod, dt))
    if shape == "t": x = x.t()
    if grad: x.requires_grad_(True)
    return x

def bits(v):
    return [repr(f) for f in np.asarray(v, dtype=np.float64).ravel()]

def cmp(f, mods_args):
    out = []
    for mod, args in mods_args:
        try:
            r = f(mod, *args)
            out.append(bits(r.float().tolist() if r.dim() else [r.float().item()]))
        except Exception as e:
            out.append("ERR " + type(e).__name__ + str(e)[:60])
    a, b = out
    if isinstance(a, str) or isinstance(b, str):
        return (0, 0) if a[:3] == b[:3] == "ERR" else (None, (a if isinstance(a, str) else b)[:100])
    if len(a) != len(b): return (len(a), len(a))
    return (sum(x != y for x, y in zip(a, b)), len(a))

def main():
    sel = sys.argv[1:] 
    rng = np.random.default_rng(0)
    res = {}
    for dt in ["float16", "bfloat16"]:
        tests = [(n, "u") for n in UNARY] + [(n, "b") for n in BINARY] + [(n, "x") for n in EXTRA] + [(n, "r") for n in RED] + [(n, "g") for n in GRAD]
        for name, kind in tests:
            if sel and not any(s == name or s == kind for s in sel): continue
            bad = tot = 0; err = None
            for shape in SHAPES:
                for rep in range(3):
                    a = make(shape, rng, dt, name); b = make(shape, rng, dt)
                    if kind == "g":
                        xs = []
                        for mod in (E, T):
                            x = conv(mod, a, dt, shape, True)
                            try:
                                GRAD[name](mod, x).backward(); xs.append(bits(x.grad.float().tolist()))
                            except Exception as e:
                                xs.append("ERR" + str(e)[:80])
                        if isinstance(xs[0], str) or isinstance(xs[1], str): err = str(xs)[:150]; continue
                        bad += sum(p != q for p, q in zip(*xs)); tot += len(xs[0]); continue
                    if kind == "u": f = lambda m, x, y, n=name: getattr(m, n)(x)
                    elif kind == "b": f = lambda m, x, y, n=name: getattr(m, n)(x, y)
                    elif kind == "x": f = EXTRA[name]
                    else: f = lambda m, x, y, n=name: RED[n](m, x)
                    r = cmp(f, [(m, (conv(m, a, dt, shape), conv(m, b, dt, shape))) for m in (E, T)])
                    if r[0] is None: err = r[1]; continue
                    bad += r[0]; tot += r[1]
            res[(dt, name)] = (bad, tot)
            if bad or err or os.environ.get("ALL"):
                print(f"{dt:9s} {name:12s} {bad:5d}/{tot:5d} {err or ''}", flush=True)
    print("total mismatching ops:", sum(1 for v in res.values() if v[0]), "of", len(res))

main()

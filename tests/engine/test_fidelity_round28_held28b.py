"""Classes of difference found by the twenty-eighth round's held-out programs on torch.nn modules (held28b,
issue 16), one differential program each, run in torch and in the engine."""
import sys
from pathlib import Path

import pytest

from same_as_torch import same_as_torch

sys.path.insert(0, str(Path(__file__).parent.parent / "nn"))
from nn_harness import script_prints_as_torch  # noqa: E402

PROGRAMS = {
"pixel_unshuffle_of_an_empty_tensor_is_its_clone_and_the_backward_checks_the_gradients_shape": """
F = torch.nn.functional
for shape in [(0, 4, 2, 2), (0, 1, 2, 2), (1, 0, 2, 2), (3, 0, 2), (0, 4, 1, 1), (2, 0, 2, 2)]:
    for f, r in [(F.pixel_unshuffle, 2), (F.pixel_shuffle, 1), (F.pixel_shuffle, 2), (F.pixel_unshuffle, 1)]:
        x = torch.zeros(shape, requires_grad=True)
        try:
            y = f(x, r)
            print(f.__name__, shape, r, y.shape, y.stride(), y.grad_fn.name())
            y.sum().backward()
            print(x.grad.shape)
        except Exception as e:
            print(type(e).__name__, e)
        try:
            g, = torch.autograd.grad(f(x, r).sum(), x, create_graph=True)
            print(g.shape, g.grad_fn)
        except Exception as e:
            print(type(e).__name__, e)
x = torch.zeros(0, 4, 2, 2).to(memory_format=torch.channels_last)
print(F.pixel_unshuffle(x, 2).stride(), F.pixel_unshuffle(x.transpose(2, 3), 2).stride())
print(torch.nn.PixelUnshuffle(2)(torch.zeros(0, 1, 2, 2, dtype=torch.int32)))
""",
"conv_layers_tuple_their_arguments_with_pair_so_a_string_becomes_its_characters": """
nn = torch.nn
for mk in [lambda: nn.ConvTranspose2d(1, 1, 3, padding='same'), lambda: nn.ConvTranspose1d(1, 1, 3, padding='valid'),
           lambda: nn.ConvTranspose3d(1, 1, 3, padding='ab'), lambda: nn.ConvTranspose2d(1, 1, 3, padding='s'),
           lambda: nn.ConvTranspose2d(1, 1, 3, stride='ab'), lambda: nn.Conv2d(1, 1, 3, dilation='ab'),
           lambda: nn.ConvTranspose2d(1, 1, 3, output_padding='ab'), lambda: nn.Conv2d(1, 1, 3, padding='same'),
           lambda: nn.ZeroPad2d('ab'), lambda: nn.ReflectionPad1d([1, 2])]:
    try:
        m = mk()
        print(m)
        print(m.padding, getattr(m, 'stride', None))
        print(m(torch.ones(1, 1, 3, 3, 3) if '3d' in type(m).__name__ else torch.ones(1, 1, 3, 3)).shape)
    except Exception as e:
        print(type(e).__name__, e)
""",
"pooling_resampling_and_grid_sample_backward_of_a_tensor_with_no_batch_or_no_channels": """
F = torch.nn.functional
def zb(f, shape):
    x = torch.zeros(shape, requires_grad=True)
    y = f(x)
    y = y[0] if isinstance(y, tuple) else y
    y.sum().backward()
    return tuple(y.shape), y.grad_fn.name(), tuple(x.grad.shape)
for shape in [(0, 1, 4, 4), (0, 4, 4), (2, 0, 4, 4)]:
    for name, f in [('mp', lambda x: F.max_pool2d(x, 2)), ('mpi', lambda x: F.max_pool2d(x, 2, return_indices=True)),
                    ('amp', lambda x: F.adaptive_max_pool2d(x, 2)), ('amp1', lambda x: F.adaptive_max_pool1d(x.flatten(-2), 2)),
                    ('amp3', lambda x: F.adaptive_max_pool3d(x.unsqueeze(-1), 2)),
                    ('mp3', lambda x: F.max_pool3d(x.unsqueeze(-1).expand(*x.shape, 2), 2)),
                    ('bil', lambda x: F.interpolate(x, scale_factor=2, mode='bilinear')),
                    ('bic', lambda x: F.interpolate(x, scale_factor=2, mode='bicubic')),
                    ('bic_ac', lambda x: F.interpolate(x, size=(3, 5), mode='bicubic', align_corners=True)),
                    ('lin1', lambda x: F.interpolate(x.flatten(-2), scale_factor=2, mode='linear')),
                    ('tri', lambda x: F.interpolate(x.unsqueeze(-1), scale_factor=2, mode='trilinear')),
                    ('frac', lambda x: F.fractional_max_pool2d(x, 2, output_size=2, _random_samples=torch.rand(
                        x.shape[0], x.shape[-3], 2) if x.dim() == 4 else torch.rand(1, x.shape[0], 2))),
                    ('grid', lambda x: F.grid_sample(x, torch.zeros(x.shape[0], 2, 2, 2), align_corners=False)),
                    ('grid3', lambda x: F.grid_sample(x.unsqueeze(2), torch.zeros(x.shape[0], 1, 2, 2, 3), align_corners=False)),
                    ('unpool', lambda x: F.max_unpool2d(*F.max_pool2d(x, 2, return_indices=True), 2))]:
        try:
            print(name, shape, zb(f, shape))
        except Exception as e:
            print(name, shape, type(e).__name__, e)
""",
"adaptive_avg_pool2d_backward_refuses_a_gradient_empty_past_its_first_dim": """
F = torch.nn.functional
for pool, shape, o in [(F.adaptive_avg_pool2d, (1, 0, 4, 4), 2), (F.adaptive_avg_pool2d, (0, 4, 4), 2),
                       (F.adaptive_avg_pool2d, (0, 2, 4, 4), 2), (F.adaptive_avg_pool2d, (2, 0, 3, 3), (1, 2)),
                       (F.adaptive_avg_pool2d, (1, 0, 4, 4), 1), (F.adaptive_avg_pool3d, (0, 4, 4, 4), 2)]:
    x = torch.zeros(shape, requires_grad=True)
    try:
        y = pool(x, o)
        print(y.shape, y.grad_fn.name())
        y.sum().backward()
        print(x.grad.shape)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        g, = torch.autograd.grad(F.interpolate(x, size=(2, 2), mode='area').sum(), x, create_graph=True)
        print(g.shape, g.grad_fn.name())
    except Exception as e:
        print(type(e).__name__, e)
""",
"interpolate_pairings_without_a_kernel_fall_to_its_last_input_error": """
F = torch.nn.functional
for mode in ['nearest', 'linear', 'bilinear', 'bicubic', 'trilinear', 'lanczos', 'area', 'nearest-exact', 'foo']:
    for d in [2, 3, 5, 6]:
        for ac in [None, True]:
            try:
                print(mode, d, ac, F.interpolate(torch.ones((1,) * (d - 1) + (2,)), scale_factor=2, mode=mode,
                                                 align_corners=ac).shape)
            except Exception as e:
                print(mode, d, ac, type(e).__name__, e)
for ac in [None, False, True]:
    try:
        print(F.interpolate(torch.ones(1, 1, 2, 2), scale_factor=2, mode='lanczos', align_corners=ac))
    except Exception as e:
        print(type(e).__name__, e)
""",
"instance_norm_copies_running_stats_back_only_from_input_statistics_and_an_empty_input_selects_weight_0": """
F = torch.nn.functional
for uis in [False, True]:
    for b in [0, 3, 7]:
        rm = torch.tensor([0.1, 0.7, 1 / 3]); rv = torch.ones(3)
        v = rm._version
        F.instance_norm(torch.zeros(b, 3, 4), rm, rv, use_input_stats=uis)
        print(uis, b, rm._version - v, rv._version, rm.tolist())
for shape in [(0, 3, 4), (2, 3, 0)]:
    for kw in [dict(track_running_stats=True), dict(affine=True), dict(affine=True, track_running_stats=True)]:
        for train in [True, False]:
            m = torch.nn.InstanceNorm1d(3, **kw)
            m.train(train)
            x = torch.zeros(shape, requires_grad=True)
            try:
                y = m(x)
                print(shape, kw, train, y.shape, y.grad_fn.name())
                y.sum().backward()
                print(x.grad.shape, m.running_mean, m.running_var)
            except Exception as e:
                print(shape, kw, train, type(e).__name__, e)
for x in [torch.zeros(0, 0, 3), torch.zeros(2, 0, 3)]:
    try:
        print(F.batch_norm(x, None, None, torch.zeros(0), torch.zeros(0), training=True))
    except Exception as e:
        print(type(e).__name__, e)
""",
"embedding_of_a_weight_with_no_rows_is_index_selects_empty_dim_error": """
F = torch.nn.functional
for w in [torch.ones(0, 2), torch.ones(0, 0), torch.ones(1, 2)]:
    for idx in [torch.tensor([0]), torch.tensor([], dtype=torch.long), torch.tensor([-1]), torch.tensor(0),
                torch.tensor([[0, 1]], dtype=torch.int32)]:
        for kw in [{}, {'padding_idx': 0}]:
            try:
                print(tuple(w.shape), idx.tolist(), kw, F.embedding(idx, w, **kw))
            except Exception as e:
                print(tuple(w.shape), idx.tolist(), kw, type(e).__name__, e)
try:
    print(torch.nn.Embedding(0, 3)(torch.tensor([[0]])))
except Exception as e:
    print(type(e).__name__, e)
""",
"a_convolution_of_an_input_with_no_channels_has_no_output_channels_and_zero_gradients": """
F = torch.nn.functional
for f, xs, ws, kw in [(F.conv2d, (1, 0, 4, 4), (3, 0, 1, 1), {}), (F.conv2d, (2, 0, 4, 4), (3, 0, 3, 3), dict(padding=1)),
                      (F.conv2d, (1, 0, 4, 4), (3, 0, 1, 1), dict(bias=torch.ones(3, requires_grad=True))),
                      (F.conv2d, (0, 4, 4), (3, 0, 1, 1), {}), (F.conv1d, (1, 0, 5), (2, 0, 2), dict(stride=2)),
                      (F.conv3d, (1, 0, 2, 2, 2), (2, 0, 1, 1, 1), {}), (F.conv2d, (1, 0, 4, 4), (3, 0, 3, 3), dict(padding='same')),
                      (F.conv2d, (0, 0, 4, 4), (3, 0, 3, 3), {}), (F.conv2d, (1, 0, 4, 4), (4, 0, 3, 3), dict(groups=2)),
                      (F.conv_transpose2d, (1, 0, 4, 4), (0, 3, 3, 3), {})]:
    x = torch.zeros(xs, requires_grad=True)
    w = torch.ones(ws, requires_grad=True)
    try:
        y = f(x, w, **kw)
        print(xs, ws, y.shape, y.grad_fn.name(), y.stride())
        y.sum().backward()
        print(x.grad.shape, w.grad.shape, kw['bias'].grad if 'bias' in kw else None)
        gs = torch.autograd.grad(f(x, w, **kw).sum(), [x, w], create_graph=True)
        print([t.shape for t in gs])
    except Exception as e:
        print(type(e).__name__, e)
print(torch.nn.Conv2d(0, 4, 3)(torch.zeros(1, 0, 5, 5)).shape)
""",
"channel_shuffle_backward_refuses_zero_groups_of_a_gradient_with_no_channels": """
F = torch.nn.functional
for shape in [(1, 0, 4, 4), (0, 4, 2), (2, 0, 3), (1, 4, 0, 2)]:
    for groups in [1, 2]:
        x = torch.zeros(shape, requires_grad=True)
        try:
            y = F.channel_shuffle(x, groups)
            print(y.shape, y.grad_fn.name(), y.sum().backward(), x.grad.shape)
        except Exception as e:
            print(type(e).__name__, e)
        try:
            g, = torch.autograd.grad(torch.nn.ChannelShuffle(groups)(x).sum(), x, create_graph=True)
            print(g.shape)
        except Exception as e:
            print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round28_held28b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])


# Warnings of torch's own code, run as scripts (Python's default filter shows each once per location: torch's line)
SCRIPTS = {
"nn_transformers_encoder_warning_is_torchs_line_shown_once": """
import torch
import torch.nn as nn
torch.manual_seed(0)
q = torch.randn(3, 2, 4)
print(nn.Transformer(4, 2, 1, 1, 8, dropout=0.)(q, q).shape)
print(nn.Transformer(4, 2, 1, 1, 8, dropout=0.)(q, q).shape)
t = nn.Transformer(4, 2, 1, 1, 8)
enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 2, 8), 1)
enc2 = nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 2, 8), 1)
""",
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_fidelity_round28_held28b_script_prints_as_torch(name, tmp_path, monkeypatch):
    script_prints_as_torch(SCRIPTS[name], tmp_path, monkeypatch)

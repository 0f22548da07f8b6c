"""Classes of difference found by the twenty-eighth round's held-out programs on torch.nn modules (held28b,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

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
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round28_held28b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

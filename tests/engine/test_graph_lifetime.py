"""Graphs hold no reference cycles, as PyTorch's do not: a tensor and its graph go the moment the last name
for them does, without waiting for Python's cycle collector (which a long loop may not run for many MB)."""
import gc
import types
import weakref

import pytest

from tensorsh.engine.torch_api import NAMESPACE

torch = types.SimpleNamespace(**NAMESPACE)

PROGRAMS = {
    "a saved output": "x = torch.rand(5, requires_grad=True)\ny = x.exp()",
    "forward and backward": "w = torch.rand(3, 3, requires_grad=True)\nh = (torch.rand(2, 3) @ w).tanh()\n"
                            "s = h.sum()\ns.backward()",
    "forward only": "w = torch.rand(3, 3, requires_grad=True)\nh = (torch.rand(2, 3) @ w).sigmoid()\ns = h.sum()",
    "retain_graph": "x = torch.rand(3, requires_grad=True)\ny = (x * 2).sigmoid().sum()\n"
                    "y.backward(retain_graph=True)\ny.backward()",
    "create_graph": "x = torch.rand(3, requires_grad=True)\ny = x.tanh().sum()\n"
                    "g, = torch.autograd.grad(y, x, create_graph=True)\ng.sum().backward()",
    "retain_grad": "x = torch.rand(3, requires_grad=True)\ny = x * 2\ny.retain_grad()\ny.sum().backward()",
    "in place on a view": "x = torch.rand(4, requires_grad=True)\ny = x * 1\nv = y[1:3]\nv.exp_()\n"
                          "y.sum().backward()",
    "in place": "x = torch.rand(4, requires_grad=True)\ny = x * 1\ny.exp_()\ny.sum().backward()",
    "a tensor hook": "x = torch.rand(4, requires_grad=True)\ny = x * 2\nh = y.register_hook(lambda g: g * 2)\n"
                     "y.sum().backward()",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_graph_is_freed_by_reference_counting(name):
    gc.collect()
    gc.disable()
    try:
        names = {"torch": torch}
        exec(PROGRAMS[name], names)
        names.clear()
        assert gc.collect() == 0  # nothing was left for the cycle collector
    finally:
        gc.enable()


def test_rebinding_an_output_frees_the_old_one_and_its_array():
    x = torch.rand(1000, requires_grad=True)
    y = x.exp()
    old, old_array = weakref.ref(y), weakref.ref(y._storage)
    y = x.exp()  # noqa: F841 - the rebinding is the point
    assert old() is None and old_array() is None


def test_graphs_keep_their_leaves_but_leaves_do_not_keep_graphs():
    x = torch.rand(3, requires_grad=True)
    y = x * 2
    acc = weakref.ref(y.grad_fn.next_functions[0][0])
    same = y.grad_fn.next_functions[0][0] is (x * 3).grad_fn.next_functions[0][0]
    assert same and acc() is not None  # one accumulator per leaf while a graph holds it
    del y
    assert acc() is None
    leaf = weakref.ref(x)
    z = x.sum()
    del x
    assert leaf() is not None  # z's graph still needs the leaf to accumulate into
    del z
    assert leaf() is None


def test_retain_grad_does_not_keep_its_tensor():
    x = torch.rand(3, requires_grad=True)
    y = x * 2
    y.retain_grad()
    s = y.sum()
    gone = weakref.ref(y)
    del y
    assert gone() is None
    s.backward()  # the hook finds nothing to write to, as in PyTorch
    assert x.grad.tolist() == [2.0, 2.0, 2.0]

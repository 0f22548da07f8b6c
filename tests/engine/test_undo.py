"""The undo journal: a failed statement's mutations (bytes, versions, grads, graphs, RNG) roll back."""
import numpy as np
import pytest

from tensorsh.engine import undo
from tensorsh.engine.errors import TorchError
from tensorsh.engine.random import default_generator
from tensorsh.engine.torch_api import NAMESPACE as T


def failing(fn):
    """Run fn inside a journal, as the session runs a statement, then roll back."""
    with undo.recording() as journal:
        with pytest.raises(TorchError):
            fn()
    journal.rollback()


def test_inplace_write_then_error_restores_bytes_and_version():
    x = T["ones"](3)
    v = x[1:]

    def stmt():
        v.mul_(5)
        x.add_(T["ones"](4))  # broadcast error after the first write
    failing(stmt)
    assert x.tolist() == [1.0, 1.0, 1.0] and x._version == 0 and v._version == 0


def test_backward_then_error_restores_grads_and_frees_nothing():
    a = T["tensor"]([1.0, 2.0], requires_grad=True)
    y = (a * a).sum()

    def stmt():
        y.backward()
        y.backward()  # the graph was freed by the first call
    failing(stmt)
    assert a.grad is None
    y.backward()  # the graph is intact again: the first backward was undone
    assert a.grad.tolist() == [2.0, 4.0]


def test_rebased_history_and_detach_are_restored():
    a = T["ones"](3, requires_grad=True)
    b = a * 2
    fn = b.grad_fn

    def stmt():
        b[0] = 5.0            # CopySlices
        b.detach_()
        T["ones"](2).view(3)  # error
    failing(stmt)
    assert b.grad_fn is fn and b.requires_grad and b.tolist() == [2.0, 2.0, 2.0] and b._version == 0


@pytest.mark.parametrize("raw", [True, False], ids=["raw state copy", "numpy state dict"])
def test_random_draws_are_undone(raw, monkeypatch):
    from tensorsh.engine import random as rng
    monkeypatch.setattr(rng, "_raw_state_ok", lambda: raw)
    default_generator.manual_seed(3)
    T["randn"](3)  # an odd serial count leaves a normal cached: it must come back too
    raw_state = lambda: rng.Generator.get_state(default_generator)  # (the bytes; the program's get_state is a tensor)
    state = raw_state()
    failing(lambda: (T["randn"](5), T["randn"](100), T["ones"](2) + T["ones"](3)))
    assert raw_state() == state
    expected = T["randn"](7).tolist()
    rng.Generator.set_state(default_generator, state)
    assert T["randn"](7).tolist() == expected


def test_memory_limit_refuses_before_allocating():
    with pytest.raises(TorchError) as e:
        T["ones"](10 ** 12)
    assert e.value.kind == "RuntimeError"
    assert "refusing to allocate 4000000000000 bytes" in e.value.message
    with pytest.raises(TorchError):
        T["ones"](100000, 1) + T["ones"](1, 100000)


def test_data_ptr_equal_exactly_when_storage_and_offset_are():
    x = T["arange"](6.0)
    assert x.detach().data_ptr() == x.data_ptr() == x.view(2, 3).data_ptr()
    assert x[1:].data_ptr() - x.data_ptr() == 4
    assert x.clone().data_ptr() != x.data_ptr()
    assert np.array_equal(x.untyped_storage().tolist()[:4], [0, 0, 0, 0])


def test_set_num_threads_then_error_restores_the_thread_count():
    before = T["get_num_threads"]()

    def stmt():
        T["set_num_threads"](before + 3)
        T["set_num_threads"](0)  # refused: the first call is undone too
    failing(stmt)
    assert T["get_num_threads"]() == before


def test_a_long_statement_keeps_no_record_of_what_it_made_itself():
    # a loop that builds, mutates and frees graphs: only what existed before the statement is recorded, so the
    # journal does not hold every array the loop made until the loop ends
    w = T["rand"](50, 50, requires_grad=True)
    x = T["rand"](50, 50)
    with undo.recording() as journal:
        for _ in range(30):
            z = (x @ w).tanh() * 2
            z.add_(1)  # in place on a storage made in this statement
            z.sum().backward()
            w.grad = None
        recorded = [obj for obj, _ in journal._snapshots.values()]
    assert any(obj is w for obj in recorded) and not any(obj is x for obj in recorded)
    assert len(recorded) <= 2, recorded  # w (and its counter at most), however long the loop: nothing it made


def test_rollback_still_restores_a_graph_that_existed_before_the_statement():
    a = T["tensor"]([1.0, 2.0], requires_grad=True)
    y = (a.sin() * 3).sum()
    failing(lambda: (y.backward(), T["ones"](2) + T["ones"](3)))
    assert a.grad is None
    y.backward()  # freed by the failed statement's backward, restored by the rollback
    assert a.grad is not None


def test_hooks_registered_or_removed_by_a_failed_statement_are_undone():
    x = T["ones"](2, requires_grad=True)
    x.register_hook(lambda g: g * 10)
    y = x * 1
    kept = x.register_hook(lambda g: g * 3)

    def stmt():
        x.register_hook(lambda g: g * 100)         # onto an existing list
        y.register_hook(lambda g: g * 7)           # a node's first pre-hook
        y.grad_fn.register_prehook(lambda g: (g[0] * 5,))
        z = y * 1
        z.retain_grad()
        kept.remove()
        x.add_(1)                                  # a leaf that requires grad: refused
    failing(stmt)
    assert len(x._hooks) == 2 and y.grad_fn.pre_hooks is None
    y.sum().backward()
    assert x.grad.tolist() == [30.0, 30.0]

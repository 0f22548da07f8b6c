"""The shell's :undo / :redo: the undo journals of the last successful statements, kept instead of dropped."""
import itertools

import numpy as np

from tensorsh.engine import autograd, printing, storage, undo

KEEP = 100                 # statements :undo can take back
KEEP_BYTES = 256 << 20     # and no more array bytes than they hold alive (the oldest go first)


def _peek(module, counter):
    """The next number a module's itertools.count will give, leaving it to give that number still."""
    n = next(getattr(module, counter))
    setattr(module, counter, itertools.count(n))
    return n


class Step:
    __slots__ = ("journal", "before", "stmt", "after", "state_before", "state_after", "redo", "note", "nbytes")

    def __init__(self, journal, before, stmt, state_before, state_after):
        self.journal, self.before, self.stmt = journal, before, stmt
        self.state_before, self.state_after = state_before, state_after
        self.after = self.redo = self.note = None


def _bytes(journal, before, variables):
    """What keeping a step holds alive: its journal's arrays, and the values its statement unbound."""
    n = 0
    for _, snap in journal._snapshots.values():
        n += getattr(snap, "nbytes", 0)
    for k, v in before.items():
        st = getattr(v, "_storage", None)
        if st is not None and variables.get(k) is not v:
            n += st.data.nbytes
    return n


class Steps:
    """Kept steps, oldest first; `undone` holds the steps taken back (latest last) until a new statement runs.
    `extras` are (get, set) pairs for state outside the engine's journal (a renderer's storage labels)."""

    def __init__(self, session, keep=KEEP, keep_bytes=KEEP_BYTES):
        self.session, self.keep, self.keep_bytes = session, keep, keep_bytes
        self.kept, self.undone, self.extras = [], [], []
        self._state_before = None

    def _state(self):
        """Process state no journal records: counters behind data_ptr() and node order, grad mode, print options
        (torch's and numpy's)."""
        return (_peek(storage, "_ids"), _peek(autograd, "_sequence"), autograd._grad_enabled[0], printing.OPTIONS,
                np.get_printoptions(), [get() for get, _ in self.extras])

    def _put(self, state):
        ids, seq, grad_mode, options, numpy_options, extras = state
        storage._ids, autograd._sequence = itertools.count(ids), itertools.count(seq)
        autograd._grad_enabled[0], printing.OPTIONS = grad_mode, options
        printing.set_numpy_printoptions(numpy_options)
        for (_, put), value in zip(self.extras, extras):
            put(value)

    def begin(self):
        """Before a statement: what :undo of it puts back besides its journal."""
        self._state_before = self._state()

    def commit(self, journal, before, stmt):
        """A statement succeeded: keep its journal and the variables it started from — if it changed anything
        (an expression that only reads, `x.grad`, is not a step to take back)."""
        variables = self.session.variables
        if not journal._snapshots and len(variables) == len(before) and all(
                before.get(k, before) is v for k, v in variables.items()):
            return
        self.undone.clear()
        step = Step(journal, before, stmt, self._state_before, self._state())
        step.nbytes = _bytes(journal, before, variables)
        self.kept.append(step)
        total = sum(s.nbytes for s in self.kept)
        while self.kept and (len(self.kept) > self.keep or total > self.keep_bytes):
            total -= self.kept.pop(0).nbytes

    def undo(self, n=1):
        """Take back the last n kept statements; returns the statements taken back."""
        done = []
        variables = self.session.variables
        for _ in range(min(n, len(self.kept))):
            step = self.kept.pop()
            step.after = dict(variables)
            step.redo = step.journal.rollback_keeping()
            variables.clear()
            variables.update(step.before)
            self._put(step.state_before)
            self.undone.append(step)
            done.append(step)
        return done

    def redo(self, n=1):
        done = []
        variables = self.session.variables
        for _ in range(min(n, len(self.undone))):
            step = self.undone.pop()
            step.redo.apply()
            undo.redone(step.journal)
            variables.clear()
            variables.update(step.after)
            self._put(step.state_after)
            self.kept.append(step)
            done.append(step)
        return done

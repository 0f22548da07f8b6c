"""An undo journal: every engine mutation snapshots its object once, so a failed statement rolls back."""
_journal = None   # the active Journal, or None when nothing records
_location = None  # opaque position of the statement being run (for blame notes)
epoch = 0         # counts journals begun: storages, counters and graph nodes note it as their birth
undone = []       # [first, last] epochs of rolled-back journals: facts noted then (storage logs) no longer hold


class Journal:
    """Snapshots of mutated objects, taken the first time each is touched while recording. An object born after
    the journal began needs none: undoing the statement makes it unreachable. (A long loop would otherwise keep
    every array it made and mutated, and every graph it freed, until the loop ended.)"""

    def __init__(self):
        global epoch
        self._snapshots = {}
        epoch += 1
        self.start = epoch  # what is born from now on is born at this epoch or later
        self.stop = None    # the last epoch it covers, once it ended

    def predates(self, obj):
        return getattr(obj, "_born", 0) < self.start

    def touch(self, obj, key=None):
        key = id(obj) if key is None else key
        if key not in self._snapshots and self.predates(obj):
            self._snapshots[key] = (obj, obj._snapshot())

    def rollback(self):
        self.apply()
        self._snapshots.clear()
        undone.append((self.start, self.stop or epoch))

    def apply(self):
        """Put every recorded object back in its recorded state (the journal keeps its entries)."""
        for obj, snap in reversed(list(self._snapshots.values())):
            obj._restore(snap)

    def rollback_keeping(self):
        """Roll back a statement that succeeded, keeping this journal (to undo it again after a redo) and
        returning one that holds the states it rolled back from: `.apply()` redoes the statement."""
        redo = Journal.__new__(Journal)
        redo.start, redo.stop = self.start, self.stop
        redo._snapshots = {}
        for key, (obj, _) in self._snapshots.items():
            now = obj._current() if hasattr(obj, "_current") else obj  # (a record of freed graphs: their state now)
            redo._snapshots[key] = (now, now._snapshot())
        self.apply()
        undone.append((self.start, self.stop))
        return redo


def redone(journal):
    """A journal's statement holds again (:redo): its facts are no longer undone."""
    if (journal.start, journal.stop) in undone:
        undone.remove((journal.start, journal.stop))


def is_undone(event_epoch):
    """Whether a fact noted at event_epoch belongs to a statement that was rolled back."""
    return any(lo <= event_epoch <= hi for lo, hi in undone)


def begin():
    """Start recording mutations in a new journal (they nest); returns (journal, the enclosing one)."""
    global _journal
    outer, _journal = _journal, Journal()
    return _journal, outer


def end(journal, outer):
    """Stop recording into journal; an enclosing journal takes its entries, so it can undo them too."""
    global _journal
    _journal = outer
    journal.stop = epoch
    if outer is not None:
        for key, entry in journal._snapshots.items():
            outer._snapshots.setdefault(key, entry)


class recording:
    """`with recording() as journal:` — record mutations made inside the block (nests)."""

    def __enter__(self):
        self.journal, self._outer = begin()
        return self.journal

    def __exit__(self, *exc):
        end(self.journal, self._outer)
        return False


def touch(obj, key=None):
    """Call before mutating obj (which has _snapshot/_restore); `key` names obj when it is a stand-in."""
    journal = _journal
    # (a loop's usual case, an object recorded already, is answered here without the method call)
    if journal is not None and (id(obj) if key is None else key) not in journal._snapshots:
        journal.touch(obj, key)


def snapshot_refs(obj):
    """How many of the active journal's snapshots hold obj (references PyTorch, which keeps no journal, lacks)."""
    journal = _journal
    if journal is None:
        return 0
    return sum(1 for _, snap in journal._snapshots.values() if type(snap) is tuple and any(x is obj for x in snap))


class _ListContents:
    """A plain list (a tensor's or node's hooks) as the journal sees it: its items, restored in place, so the
    handles that hold the list stay valid."""
    __slots__ = ("items",)

    def __init__(self, items):
        self.items = items

    def _snapshot(self):
        return self.items[:]

    def _restore(self, snap):
        self.items[:] = snap


class _Attributes:
    """Some attributes of an object whose own snapshot does not cover them (a node's hook lists)."""
    __slots__ = ("obj", "names")

    def __init__(self, obj, names):
        self.obj, self.names = obj, names

    def _snapshot(self):  # (a class's own attributes: one it inherits, or has not yet, is absent from it)
        obj = self.obj
        if isinstance(obj, type):
            return tuple(obj.__dict__.get(n, _ABSENT) for n in self.names)
        return tuple(getattr(obj, n, _ABSENT) for n in self.names)

    def _restore(self, snap):
        obj = self.obj
        for n, v in zip(self.names, snap):
            if v is not _ABSENT:
                setattr(obj, n, v)
            elif n in getattr(obj, "__dict__", ()) or _unset_slot_now_set(obj, n):
                delattr(obj, n)


def _unset_slot_now_set(obj, name):
    """Whether name is one of obj's __slots__ (a member descriptor of its class) and holds a value now."""
    return not isinstance(obj, type) and type(getattr(type(obj), name, None)).__name__ == "member_descriptor" and \
        hasattr(obj, name)


_ABSENT = object()  # (an attribute an object did not have when its snapshot was taken)


def touch_attrs(obj, *names):
    """Call before assigning obj's attributes `names` (recorded even for objects born in the statement: cheap)."""
    key = (id(obj), names)
    if _journal is not None and key not in _journal._snapshots:  # (a loop's repeats: no wrapper made)
        _journal.touch(_Attributes(obj, names), key)


def touch_list(items):
    """Call before changing a list in place (append, remove)."""
    if _journal is not None and id(items) not in _journal._snapshots:
        _journal.touch(_ListContents(items), id(items))


class _DictContents:
    """A dict (an OrderedDict of parameters, an optimiser's state) as the journal sees it: its items in order,
    restored in place, so everything holding the dict sees the old contents again."""
    __slots__ = ("items",)

    def __init__(self, items):
        self.items = items

    def _snapshot(self):
        return list(self.items.items())

    def _restore(self, snap):
        self.items.clear()
        self.items.update(snap)


class _InstanceVars:
    """An object's own attributes (its __dict__), restored in place; the values themselves are not copied."""
    __slots__ = ("obj",)

    def __init__(self, obj):
        self.obj = obj

    def _snapshot(self):
        return list(vars(self.obj).items())

    def _restore(self, snap):
        d = vars(self.obj)
        d.clear()
        d.update(snap)


def touch_dict(items):
    """Call before changing a dict in place (a key set, popped or cleared)."""
    if _journal is not None and id(items) not in _journal._snapshots:
        _journal.touch(_DictContents(items), id(items))


def touch_dicts(dicts):
    """touch_dict for each of several dicts (an optimizer's state and groups before each step: one lookup each)."""
    journal = _journal
    if journal is not None:
        snapshots = journal._snapshots
        for items in dicts:
            if id(items) not in snapshots:
                journal.touch(_DictContents(items), id(items))


def touch_vars(obj):
    """Call before setting or deleting any attribute of a plain Python object (a Module, an optimiser, an
    instance of a program's own class): its whole __dict__ is restored on rollback. Containers it holds are
    not: touch them with touch_dict/touch_list when they change in place. An object that sets `_born =
    undo.epoch` when made is skipped while the statement that made it runs (undoing it makes it unreachable)."""
    if _journal is not None and ("vars", id(obj)) not in _journal._snapshots and _journal.predates(obj):
        _journal.touch(_InstanceVars(obj), ("vars", id(obj)))


class _ArrayContents:
    """A numpy array a program writes (through `.numpy()`, `np.array`, `torch.from_numpy`'s source): the whole
    buffer it views, copied, so the tensors and arrays sharing that memory get their values back."""
    __slots__ = ("root",)

    def __init__(self, root):
        self.root = root

    def _snapshot(self):
        return self.root.copy()

    def _restore(self, snap):
        writable(self.root)[...] = snap  # (a root the statement made read-only, or one numpy refused to write)


class _Memory:
    """An array's memory offered to numpy as writable (its __array_interface__ without the read-only mark)."""

    def __init__(self, arr):
        self.__array_interface__ = dict(arr.__array_interface__, data=(arr.__array_interface__["data"][0], False))
        self.base = arr  # (keeps the memory alive as long as the alias)


def writable(arr):
    """arr, or a writable alias of its memory when numpy marks it read-only (setflags(write=False), broadcast_to's
    views). Memory no array owns (a bytes object's) is copied instead."""
    if arr.flags.writeable:
        return arr
    import numpy as np
    root = arr
    while isinstance(root.base, np.ndarray):
        root = root.base
    return np.asarray(_Memory(arr)) if root.flags.owndata else arr.copy()


def touch_array(arr):
    """Call before writing into a numpy array in place."""
    if _journal is not None:
        import numpy as np
        root = arr
        while isinstance(root.base, np.ndarray):
            root = root.base
        if ("array", id(root)) not in _journal._snapshots:
            _journal.touch(_ArrayContents(root), ("array", id(root)))


def set_location(loc):
    global _location
    _location = loc


def location():
    return _location


def predates(obj):
    """Whether a mutation of obj must be recorded: a journal is open and obj existed before it."""
    return _journal is not None and _journal.predates(obj)

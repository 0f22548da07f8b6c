"""An undo journal: every engine mutation snapshots its object once, so a failed statement rolls back."""
_journal = None   # the active Journal, or None when nothing records
_location = None  # opaque position of the statement being run (for blame notes)
epoch = 0         # counts journals begun: storages, counters and graph nodes note it as their birth


class Journal:
    """Snapshots of mutated objects, taken the first time each is touched while recording. An object born after
    the journal began needs none: undoing the statement makes it unreachable. (A long loop would otherwise keep
    every array it made and mutated, and every graph it freed, until the loop ended.)"""

    def __init__(self):
        global epoch
        self._snapshots = {}
        epoch += 1
        self.start = epoch  # what is born from now on is born at this epoch or later

    def predates(self, obj):
        return getattr(obj, "_born", 0) < self.start

    def touch(self, obj, key=None):
        key = id(obj) if key is None else key
        if key not in self._snapshots and self.predates(obj):
            self._snapshots[key] = (obj, obj._snapshot())

    def rollback(self):
        for obj, snap in reversed(list(self._snapshots.values())):
            obj._restore(snap)
        self._snapshots.clear()


def begin():
    """Start recording mutations in a new journal (they nest); returns (journal, the enclosing one)."""
    global _journal
    outer, _journal = _journal, Journal()
    return _journal, outer


def end(journal, outer):
    """Stop recording into journal; an enclosing journal takes its entries, so it can undo them too."""
    global _journal
    _journal = outer
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
    if _journal is not None:
        _journal.touch(obj, key)


def set_location(loc):
    global _location
    _location = loc


def location():
    return _location


def predates(obj):
    """Whether a mutation of obj must be recorded: a journal is open and obj existed before it."""
    return _journal is not None and _journal.predates(obj)

"""Python's `warnings` module as programs use it around PyTorch's warnings: filterwarnings/simplefilter
(ignore, always, once, default, error, with a category and a message pattern), warn, resetwarnings and
catch_warnings(record=True). One WarningFilters per session; the session's warning sink asks it what to do."""
import builtins
import re

import numpy as np

from tensorsh.engine import errors

ACTIONS = ("default", "ignore", "always", "once", "module", "error")


class WarningMessage:
    """A recorded warning (catch_warnings(record=True)): its message (a Warning instance), category, line; Python's
    record also has `file`, `line` and `source`, None when the warning was recorded rather than shown."""
    __api__ = frozenset({"message", "category", "filename", "lineno", "file", "line", "source"})

    def __init__(self, message, category, filename, lineno):
        self.message, self.category, self.filename, self.lineno = message, category, filename, lineno
        self.file = self.line = self.source = None

    def __str__(self):
        return (f"{{message : {self.message!r}, category : {self.category.__name__!r}, filename : {self.filename!r}, "
                f"lineno : {self.lineno}, line : None}}")


_NUMPY = {"ComplexWarning": np.exceptions.ComplexWarning}  # (numpy's, which the engine gives where numpy would)


def category(name):
    """The Warning class named `name` (a builtin one, numpy's ComplexWarning; UserWarning for any other), or a
    program's own Warning class as it is."""
    if isinstance(name, type):
        return name
    cls = getattr(builtins, name, None) or _NUMPY.get(name)
    return cls if isinstance(cls, type) and issubclass(cls, Warning) else UserWarning


class WarningFilters:
    category = staticmethod(category)

    def __init__(self):
        self.filters = []      # (action, compiled message pattern or None, category), newest first
        self.records = None    # the list catch_warnings(record=True) gave, while it is active
        self.mutated = False   # filters changed: the session shows each location's warning again

    def _check(self, action, category):
        if action not in ACTIONS:
            raise ValueError(f"invalid action: {action!r}")
        if not (isinstance(category, type) and issubclass(category, Warning)):
            raise TypeError("category must be a Warning subclass")

    def filterwarnings(self, action, message="", category=Warning, module="", lineno=0, append=False):
        self._check(action, category)
        entry = (action, re.compile(message, re.I) if message else None, category)
        self.filters = self.filters + [entry] if append else [entry] + self.filters
        self.mutated = True

    def simplefilter(self, action, category=Warning, lineno=0, append=False):
        self.filterwarnings(action, "", category, "", lineno, append)

    def resetwarnings(self):
        self.filters = []
        self.mutated = True

    def action(self, name, message):
        """What to do with a warning: an action name (ACTIONS), 'default' when no filter matches."""
        cls = category(name)
        for action, pattern, cat in self.filters:
            if issubclass(cls, cat) and (pattern is None or pattern.match(message)):
                return action
        return "default"

    def record(self, name, message, filename, lineno):
        cls = category(name)
        self.records.append(WarningMessage(cls(message), cls, filename, lineno))

    def warn(self, message, category=None, stacklevel=1, source=None):
        if isinstance(message, Warning):
            category, message = type(message), str(message)
        category = UserWarning if category is None else category
        if not (isinstance(category, type) and issubclass(category, Warning)):
            raise TypeError(f"category must be a Warning subclass, not '{type(category).__name__}'")
        if category is not self.category(category.__name__):  # (a program's class: given as itself, not by name)
            name = category
        else:
            name = category.__name__
        if stacklevel <= 1:
            errors.warn(str(message), name)
            return
        from tensorsh.engine import undo
        from tensorsh.lang.compiler import Location
        from tensorsh.lang.scope import caller_locations
        callers = list(caller_locations())  # (past the outermost frame: Python's "sys", line 1, no source line)
        here = undo.location()
        undo.set_location(callers[stacklevel - 2] if stacklevel - 2 < len(callers) else
                          Location("sys", 1, 0, 1, 0, ""))
        try:
            errors.warn(str(message), name)
        finally:
            undo.set_location(here)

    def catch_warnings(self, record=False):
        return _Catch(self, record)


class _Catch:
    def __init__(self, state, record):
        self.state, self.record = state, record

    def __enter__(self):
        self.saved = (self.state.filters, self.state.records)
        self.state.mutated = True
        if self.record:
            self.state.records = []
            return self.state.records
        return None

    def __exit__(self, *exc):
        self.state.filters, self.state.records = self.saved
        self.state.mutated = True
        return False


def namespace(state):
    from tensorsh.lang.compiler import Namespace
    members = {name: getattr(state, name) for name in ("filterwarnings", "simplefilter", "resetwarnings", "warn",
                                                        "catch_warnings")}
    members["WarningMessage"] = WarningMessage
    return Namespace("warnings", members)

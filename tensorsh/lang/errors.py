"""The one user-facing error type and its formatter: `file:line:col: error: ...`, caret, notes, Python's last line."""
import os


class UserError(Exception):
    """A mistake in the user's program, reported compiler-style.

    `kind` and `message` form the last line exactly as Python's traceback would end it
    (`RuntimeError: <PyTorch's text>`); `detail` is the plain-words headline (defaults to the
    message when short); `notes` are extra lines, optionally located (see `Note`).
    `incomplete` marks syntax errors that more input could fix (an open bracket, a block
    header at the end): the shell asks for another line instead of reporting them.
    """

    def __init__(self, kind, message, filename="<input>", line=0, col=0, end_col=0, source_line="",
                 notes=None, detail=None, incomplete=False, end_line=None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.filename = filename
        self.line = line
        self.col = col
        self.end_line = line if end_line is None else end_line
        self.end_col = end_col
        self.source_line = source_line
        self.notes = list(notes or [])
        self.detail = detail
        self.incomplete = incomplete

    suggestion = None  # a NameError's or AttributeError's closest name: Python 3.11's "Did you mean" ending
    fields = {}  # the keyword attributes of the Python exception a program sees (an AttributeError's name, obj)

    def last_line(self):
        """The line Python's traceback would end with."""
        line = f"{self.kind}: {self.message}" if self.message else self.kind
        return line + f". Did you mean: '{self.suggestion}'?" if self.suggestion is not None else line

    def __str__(self):
        return self.last_line()

    def __repr__(self):
        return f"UserError({self.kind!r}, {self.message!r}, {self.filename!r}, {self.line}, {self.col})"


class UserAttributeError(UserError, AttributeError):
    """A program's AttributeError, an AttributeError to Python's machinery too: one raised inside a property makes
    the owner's __getattr__ answer for the property's name (nn.Module's "'Net' object has no attribute 'prop'"),
    and hasattr/getattr with a default give False/the default, as in Python."""


class InternalError(UserError):
    """A bug in tensorsh itself (an unexpected Python exception); says so plainly."""

    def __init__(self, exc, filename="<input>", line=0, col=0, end_col=0, source_line="", traceback_text=""):
        super().__init__("InternalError", f"{type(exc).__name__}: {exc}", filename, line, col, end_col,
                         source_line, detail="internal error in tensorsh \u2014 please report it (this is a bug, not your mistake)")
        self.exc = exc
        self.traceback_text = traceback_text


class Note:
    """An extra line under an error; with a location it shows that source line and a caret too."""

    def __init__(self, text, filename=None, line=0, col=0, end_col=0, source_line=""):
        self.text = text
        self.filename = filename
        self.line = line
        self.col = col
        self.end_col = end_col
        self.source_line = source_line

    def __repr__(self):
        return f"Note({self.text!r})"


def _snippet(line, col, end_col, source_line, end_line=None):
    """The source line with a gutter, and `^~~~` under columns [col, end_col)."""
    if not source_line or line <= 0:
        return []
    text = "".join(c if c.isprintable() else "\N{REPLACEMENT CHARACTER}" for c in source_line.rstrip("\r\n").replace("\t", " "))
    gutter = f"{line:>5} | "
    start = max(col, 1)
    stop = end_col if (end_line is None or end_line == line) and end_col > start else len(text) + 1
    stop = min(max(stop, start + 1), max(len(text) + 1, start + 1))
    if len(text) > 100:                       # show a window of a very long line around the span
        left = max(0, start - 41)
        right = min(len(text), left + 100)
        shown = ("..." if left else "") + text[left:right] + ("..." if right < len(text) else "")
        shift = left - (3 if left else 0)
        start = start - shift
        stop = max(start + 1, min(stop - shift, len(shown) + 1 - (3 if right < len(text) else 0)))
        text = shown
    marks = "^" + "~" * (stop - start - 1)
    return [gutter + text, " " * (len(gutter) - 2) + "| " + " " * (start - 1) + marks]


HEADLINES = (  # plain words for PyTorch's long messages (the exact text stays on the last line)
    ("one of the variables needed for gradient computation has been modified by an inplace operation",
     "backward needs a value that was since modified in place"),
    ("Trying to backward through the graph a second time", "backward through a graph that was already freed"),
    ("element 0 of tensors does not require grad", "backward of a tensor that does not require grad"),
    ("a leaf Variable that requires grad is being used in an in-place operation",
     "in-place change of a leaf tensor that requires grad"),
    ("a view of a leaf Variable that requires grad is being used in an in-place operation",
     "in-place change of a view of a leaf tensor that requires grad"),
    ("grad can be implicitly created only for scalar outputs", "backward() without a gradient needs a scalar"),
    ("Trying to use a saved tensor that has been detached in-place", "backward needs a tensor that was detached in place"),
    ("tensorsh: refusing to allocate", "refused before allocating: more memory than tensorsh's limit"),
    ("Unable to allocate", "refused before allocating: more memory than tensorsh's limit (an intermediate array)"),
)


def _headline(err):
    if err.detail:
        return err.detail
    for prefix, words in HEADLINES:
        if err.message.startswith(prefix):
            return words
    if len(err.message) <= 100 and "\n" not in err.message:
        return err.message or err.kind
    return f"{err.kind} raised here (PyTorch's message is below)"


def format_error(err):
    """The full report as text (ends with a newline); the last line is Python's last traceback line."""
    where = f"{err.filename}:{err.line}:{err.col}" if err.line else err.filename
    out = [f"{where}: error: {_headline(err)}"]
    out += _snippet(err.line, err.col, err.end_col, err.source_line, err.end_line)
    for note in err.notes:
        if note.filename is not None and note.line:
            out.append(f"{note.filename}:{note.line}:{note.col}: note: {note.text}")
            out += _snippet(note.line, note.col, note.end_col, note.source_line)
        else:
            out.append(f"note: {note.text}")
    if isinstance(err, InternalError) and os.environ.get("TENSORSH_DEBUG") == "1" and err.traceback_text:
        out.append(err.traceback_text.rstrip("\n"))
    out.append(err.last_line())
    return "\n".join(out) + "\n"


def did_you_mean(name, candidates):
    """A 'did you mean' note for a misspelt name, or None."""
    import difflib
    close = difflib.get_close_matches(name, [c for c in candidates if not c.startswith("_")], n=1, cutoff=0.7)
    return Note(f"did you mean '{close[0]}'?") if close else None


# Python 3.11's suggestions (Python/suggestions.c), which its traceback prints after a NameError's or an
# AttributeError's last line: the closest candidate by a Levenshtein distance (case-only changes cost 1, others 2),
# within a third of the characters involved, none from 750 candidates or more, the first of equals.
_MAX_CANDIDATE_ITEMS, _MAX_STRING_SIZE, _MOVE_COST, _CASE_COST = 750, 40, 2, 1


def _levenshtein(a, b, max_cost):
    if a == b:
        return 0
    pre = 0
    while pre < len(a) and pre < len(b) and a[pre] == b[pre]:
        pre += 1
    a, b = a[pre:], b[pre:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if not a or not b:
        return _MOVE_COST * (len(a) + len(b))
    if len(a) > _MAX_STRING_SIZE or len(b) > _MAX_STRING_SIZE:
        return max_cost + 1
    if len(b) < len(a):
        a, b = b, a
    if (len(b) - len(a)) * _MOVE_COST > max_cost:
        return max_cost + 1
    row = list(range(_MOVE_COST, _MOVE_COST * (len(a) + 1), _MOVE_COST))
    result = 0
    for b_index, b_char in enumerate(b):
        distance = result = b_index * _MOVE_COST
        minimum = None
        for index, a_char in enumerate(a):
            substitute = distance + (0 if a_char == b_char else
                                     _CASE_COST if a_char.lower() == b_char.lower() else _MOVE_COST)
            distance = row[index]
            result = min(min(result, distance) + _MOVE_COST, substitute)
            row[index] = result
            if minimum is None or result < minimum:
                minimum = result
        if minimum > max_cost:
            return max_cost + 1
    return result


def python_suggestion(name, candidates):
    """The name Python 3.11 suggests for `name` among candidates (in their order), or None."""
    candidates = list(candidates)
    if len(candidates) >= _MAX_CANDIDATE_ITEMS or not isinstance(name, str):
        return None
    best, best_distance = None, None
    for item in candidates:
        if not isinstance(item, str) or item == name:
            continue
        max_distance = (len(name) + len(item) + 3) * _MOVE_COST // 6
        if best_distance is not None:
            max_distance = min(max_distance, best_distance - 1)
        distance = _levenshtein(name, item, max_distance)
        if distance > max_distance:
            continue
        if best is None or distance < best_distance:
            best, best_distance = item, distance
    return best

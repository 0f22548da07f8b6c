"""The golden file format: `#>`/`#!` expectation lines, the blocks they form after statements, and what one
statement did (`Outcome`). Shared by the golden runner, `tensorsh export` and the against-torch runner."""
from dataclasses import dataclass, field


def is_expectation(line):
    s = line.lstrip()
    return s.startswith("#>") or s.startswith("#!")


def normalize(line):
    """`   #>  text  ` -> `#>  text` (one space after the marker is part of the marker; trailing spaces dropped)."""
    s = line.strip()
    mark, rest = s[:2], s[2:]
    if rest.startswith(" "):
        rest = rest[1:]
    return f"{mark} {rest}" if rest else mark


def output_lines(text):
    """Printed text -> `#>` lines."""
    if not text:
        return []
    parts = text.split("\n")
    if parts[-1] == "":
        parts.pop()
    return [normalize("#> " + p) for p in parts]


def raised_lines(text):
    """An error or warning (`Kind: message`, possibly several lines) -> `#!` lines."""
    return [normalize("#! " + p) for p in text.rstrip("\n").split("\n")]


@dataclass
class Outcome:
    """What one statement did: printed text, warnings and error as `Kind: message` lines."""
    output: str = ""
    warnings: list = field(default_factory=list)
    error: str = None
    unknown: bool = False    # PyTorch has no counterpart (show, graph): not compared

    def lines(self):
        out = [line for w in self.warnings for line in raised_lines(w)]
        out += output_lines(self.output)
        if self.error is not None:
            out += raised_lines(self.error)
        return out


@dataclass
class Block:
    """Statements ending on one line and the expectation lines after them."""
    first_line: int          # 1-based line where the first statement starts
    line: int                # 1-based line where the last statement ends
    source: str              # the statements' text (for the report)
    start: int               # 0-based index of the first expectation line (== line)
    stop: int                # 0-based index after the last expectation line
    expected: list
    actual: list = None
    new: list = None         # the updated expectation lines
    ok: bool = True


def find_blocks(lines, statements):
    """Group statements into blocks; returns (blocks, orphan line numbers)."""
    blocks = []
    for st in statements:
        if blocks and st.line == blocks[-1].line:     # shares a line with the previous statement
            b = blocks[-1]
            b.line = st.end_line
            b.source += "; " + st.source
        else:
            blocks.append(Block(st.line, st.end_line, st.source, 0, 0, []))
    claimed = set()
    for b in blocks:
        b.start = b.stop = b.line
        while b.stop < len(lines) and is_expectation(lines[b.stop]):
            b.stop += 1
        b.expected = [normalize(x) for x in lines[b.start:b.stop]]
        claimed.update(range(b.start, b.stop))
    orphans = [i + 1 for i, x in enumerate(lines) if is_expectation(x) and i not in claimed]
    return blocks, orphans




def timeout_report(st, seconds):
    """`file:line:col: error: ...` with the statement's first line and a caret, as the language reports errors."""
    first = st.source.split("\n")[0]
    return (f"{st.filename}:{st.line}:{st.col}: error: this statement did not finish within {seconds:g} s "
            f"(the time limit of a statement in a test; change it with --timeout or TENSORSH_TEST_TIMEOUT)\n"
            f"{st.line:>5} | {first}\n      | {' ' * (st.col - 1)}^\nTimeoutError: statement ran longer than {seconds:g} s")


def read_source(path):
    """The file's text, or (None, problem)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return None, f"cannot read: {e.strerror}"
    from tensorsh.app.ipynb import is_notebook, notebook_text
    if is_notebook(path):
        return notebook_text(data)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as e:
        return None, f"not valid UTF-8 (byte {e.start})"

"""Writes examples/tour.ipynb from examples/tour.tsh: comments become markdown, statements code cells, and the
notebook is executed by the tensorsh kernel (nbclient) so it is stored with its outputs.

A statement that raises gets a cell of its own: a failed cell is undone as a whole, and the tour goes on from
the state before it. Each code cell keeps the tour's expectations for it in its metadata (`tensorsh.expected`,
the `#>`/`#!` lines), which tests/app/test_kernel.py compares with a fresh execution.

    python3 scripts/tour_notebook.py            # needs ipykernel, nbclient, nbformat
"""
import os
import pathlib
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
TOUR = ROOT / "examples" / "tour.tsh"
NOTEBOOK = ROOT / "examples" / "tour.ipynb"
INTRO = """# A guided tour of tensorsh

The experiments of the seed articles, one surprise at a time, in the **tensorsh** kernel: every printed line is
what PyTorch 2.13 prints for the same program, and `show()`/`graph()` draw what PyTorch hides.

To run it yourself:

    pip install 'tensorsh[jupyter]' && tensorsh kernel install --user

then open this notebook and pick the *tensorsh* kernel. (The same tour as a script: `examples/tour.tsh`.)"""
METADATA = {"kernelspec": {"name": "tensorsh", "display_name": "tensorsh", "language": "tensorsh"},
            "language_info": {"name": "tensorsh", "file_extension": ".tsh", "mimetype": "text/x-tensorsh",
                              "pygments_lexer": "tensorsh", "codemirror_mode": "python"}}


def _raises(block):
    last = block.expected[-1] if block.expected else ""
    return last.startswith("#! ") and not last.split(":")[0].endswith("Warning")


def cells():
    """[(kind, source, expected lines)] for the tour: kind "markdown" or "code"."""
    sys.path.insert(0, str(ROOT))
    from tensorsh.app.golden import compile_file, find_blocks, is_expectation
    text = TOUR.read_text(encoding="utf-8")
    lines = text.split("\n")
    _, statements = compile_file(text, str(TOUR))
    blocks, _ = find_blocks(lines, statements)
    starts = {b.first_line: b for b in blocks}
    out, code, expected, prose, i = [], [], [], [], 0

    def flush_code():
        if code:
            out.append(("code", "\n".join(code).strip("\n"), list(expected)))
            code.clear()
            expected.clear()

    def flush_prose():
        if prose:
            out.append(("markdown", "\n".join(prose).strip("\n"), []))
            prose.clear()

    while i < len(lines):
        line = lines[i]
        if i + 1 in starts:
            b = starts[i + 1]
            flush_prose()
            if _raises(b):
                flush_code()
            code.extend(lines[b.first_line - 1:b.line])
            expected.extend(b.expected)
            if _raises(b):
                flush_code()
            i = b.stop
            continue
        if line.startswith("#") and not is_expectation(line):
            flush_code()
            words = line[1:].strip()
            heading = words[:1].isdigit() and ". " in words[:4] and (not prose or not prose[-1])
            prose.append(("### " if heading else "") + words)
        elif not line.strip():
            if prose:
                prose.append("")
        i += 1
    flush_code()
    flush_prose()
    if out and out[0][0] == "markdown":
        out[0] = ("markdown", INTRO, [])      # the script's header speaks of running the script
    return out


def build():
    """The notebook without outputs."""
    import nbformat
    nb = nbformat.v4.new_notebook(metadata=METADATA)
    for kind, source, expected in cells():
        if kind == "markdown":
            nb.cells.append(nbformat.v4.new_markdown_cell(source))
        else:
            nb.cells.append(nbformat.v4.new_code_cell(source, metadata={"tensorsh": {"expected": expected}}))
    for n, cell in enumerate(nb.cells):
        cell["id"] = f"tour-{n}"          # stable ids: regenerating changes nothing that did not change
    return nb


def execute(nb, timeout=120):
    """Run the notebook in the tensorsh kernel (installed into a temporary prefix for this process)."""
    from nbclient import NotebookClient
    from tensorsh.app.kernelspec import install
    with tempfile.TemporaryDirectory() as prefix:
        install(prefix=prefix)
        old = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
        try:
            NotebookClient(nb, kernel_name="tensorsh", timeout=timeout, allow_errors=True,
                           resources={"metadata": {"path": str(ROOT)}}).execute()
        finally:
            if old is None:
                os.environ.pop("JUPYTER_PATH")
            else:
                os.environ["JUPYTER_PATH"] = old
    return nb


def main():
    import nbformat
    nb = execute(build())
    nbformat.write(nb, str(NOTEBOOK))
    print(f"wrote {NOTEBOOK.relative_to(ROOT)} ({len(nb.cells)} cells)")


if __name__ == "__main__":
    main()

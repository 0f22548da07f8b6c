"""Notebooks of tensorsh cells as one program, for `tensorsh test` and `tensorsh export`.

The code cells are joined in order, each under a `# %% In [n]` line (jupytext's percent format), so the
line numbers of a report count in that script; a cell's `#>`/`#!` lines are its expectations, as in a .tsh
file. Meta-command lines (`:explain on`) become comments. Markdown cells and stored outputs are left out.
"""
import json


def is_notebook(path):
    return str(path).endswith(".ipynb")


def notebook_text(data):
    """(text, None) for a notebook's bytes, or (None, problem)."""
    try:
        nb = json.loads(data.decode("utf-8-sig"))
        cells = nb["cells"]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None, "not a Jupyter notebook (nbformat 4 JSON with cells)"
    spec = (nb.get("metadata") or {}).get("kernelspec") or {}
    language = spec.get("language") or ((nb.get("metadata") or {}).get("language_info") or {}).get("name")
    if language not in (None, "tensorsh"):
        return None, (f"a notebook of {language} cells (kernel {spec.get('name', '?')}); "
                      "tensorsh tests and exports only notebooks of tensorsh cells")
    out, n = [], 0
    for cell in cells:
        if cell.get("cell_type") != "code":
            continue
        n += 1
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        out.append(f"# %% In [{n}]")
        out += [f"# {line}" if line.lstrip().startswith(":") else line for line in source.split("\n")]
    return "\n".join(out) + "\n", None

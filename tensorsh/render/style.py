"""The colours of highlighted tensorsh code, by Pygments token (the shell's style, and a Pygments style)."""

# token path (lower case, as prompt_toolkit names Pygments' tokens "pygments.<path>"; a style applies to the
# token's subtypes too) -> style, in ANSI names so that it follows the terminal's palette, dark or light
TOKENS = {
    "keyword": "bold ansimagenta",
    "keyword.constant": "ansimagenta",
    "name.builtin": "ansicyan",
    "name.attribute": "ansiblue",
    "literal.number": "ansiyellow",
    "literal.string": "ansigreen",
    "literal.string.interpol": "bold ansigreen",
    "comment": "italic ansibrightblack",
    "generic.output": "ansibrightblack",
    "generic.error": "ansired",
    "operator": "ansibrightblue",
}


def prompt_toolkit_style():
    """The shell's Style (prompt_toolkit's class names for Pygments tokens)."""
    from prompt_toolkit.styles import Style
    return Style.from_dict({"pygments." + k: v for k, v in TOKENS.items()})


def pygments_style():
    """The same colours as a Pygments Style class (e.g. for `pygmentize -l tensorsh`)."""
    from pygments.style import Style
    from pygments.token import string_to_tokentype
    styles = {string_to_tokentype(".".join(p.capitalize() for p in k.split("."))): v for k, v in TOKENS.items()}
    return type("TensorshStyle", (Style,), {"styles": styles})

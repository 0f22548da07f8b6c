"""A Pygments lexer for .tsh files (registered as the `tensorsh` entry point): the shell highlights with it."""
from pygments.lexer import RegexLexer, bygroups, words
from pygments.token import Comment, Generic, Keyword, Name, Number, Operator, Punctuation, String, Text

KEYWORDS = ("with", "for", "in", "lambda", "import", "from", "as", "is", "not", "and", "or", "del", "assert",
            "if", "else")
CONSTANTS = ("True", "False", "None")
BUILTINS = ("tensor", "ones", "zeros", "full", "empty", "rand", "randn", "randint", "arange", "linspace", "eye",
            "ones_like", "zeros_like", "full_like", "empty_like", "rand_like", "randn_like", "backward", "grad",
            "deepcopy", "show", "graph", "make_dot", "print", "range", "len", "manual_seed", "no_grad",
            "enable_grad", "retain", "create", "torch", "copy", "cat", "stack", "matmul", "mm", "exp", "log",
            "sigmoid", "relu", "tanh")


class TensorshLexer(RegexLexer):
    """tensorsh: Python-like statements, `#>` expected output and `#!` expected errors."""
    name = "tensorsh"
    aliases = ["tensorsh", "tsh"]
    filenames = ["*.tsh"]
    mimetypes = ["text/x-tensorsh"]

    tokens = {
        "root": [
            (r"^(\s*)(#>.*?)$", bygroups(Text, Generic.Output)),
            (r"^(\s*)(#!.*?)$", bygroups(Text, Generic.Error)),
            (r"#.*?$", Comment.Single),
            (r"\s+", Text),
            (r'[fF]"', String.Double, "fdq"),
            (r"[fF]'", String.Single, "fsq"),
            (r'"(\\\\|\\"|[^"\n])*"', String.Double),
            (r"'(\\\\|\\'|[^'\n])*'", String.Single),
            (words(KEYWORDS, suffix=r"\b"), Keyword),
            (words(CONSTANTS, suffix=r"\b"), Keyword.Constant),
            (words(BUILTINS, suffix=r"\b"), Name.Builtin),
            (r"(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?j?", Number),
            (r"(\.)([A-Za-z_]\w*)", bygroups(Punctuation, Name.Attribute)),
            (r"[A-Za-z_]\w*", Name),
            (r"\*\*=?|//=?|[-+*/@%]=?|==|!=|<=|>=|[<>=~&|^]", Operator),
            (r"[()\[\]{},:;.]", Punctuation),
            (r".", Text),
        ],
        "fdq": [(r'\{[^}\n]*\}', String.Interpol), (r'"', String.Double, "#pop"), (r'[^"{\n]+', String.Double),
                (r"\n", Text, "#pop")],
        "fsq": [(r"\{[^}\n]*\}", String.Interpol), (r"'", String.Single, "#pop"), (r"[^'{\n]+", String.Single),
                (r"\n", Text, "#pop")],
    }

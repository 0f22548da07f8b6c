"""Dev-only: write tensorsh/engine/signature_table.py, PyTorch's argument-parser signatures of every Tensor method,
torch function and torch.linalg function tensorsh provides, taken from the installed torch (needs torch; the engine never imports it).

The signature strings are the ones compiled into libtorch_python.so (`add(Tensor other, *, Scalar alpha=1)`,
`...|deprecated`, `...|hidden`). Which of them belong to `x.add` and which to `torch.add`, and in what order, is
read from torch's own answer to a call with an argument of an impossible type: its "expected one of" list, or for a
single signature its "argument 'other' (position 1) must be Tensor" line. Methods PyTorch binds without a parser
(`x.exp()`: "takes no arguments") are listed as NOARGS; Python-level ones (`backward`, `split`, ...) are left out.

    python3 scripts/gen_signatures.py [--check]     # --check: compare only, write nothing
"""
import inspect
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
OUT = os.path.join(ROOT, "tensorsh", "engine", "signature_table.py")
NN_OUT = os.path.join(ROOT, "tensorsh", "engine", "nn_signature_table.py")


def raw_signatures(torch):
    """name -> signature strings in the library's order. The linker shares a string's tail with a longer one
    (`max(Tensor other)` inside `fmax(Tensor other)`), so every suffix that reads as a signature counts too."""
    so = open(os.path.join(os.path.dirname(torch.__file__), "lib", "libtorch_python.so"), "rb").read()
    found = {}
    pattern = rb'(?<=\x00)([ -~]*?\((?:[A-Za-z*][ -~]*?)?\)(?:\|deprecated|\|hidden)?)(?=\x00)'
    for m in re.finditer(pattern, so):
        text = m.group(1).decode()
        for start in range(len(text)):
            if (start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_")) and \
                    re.match(r"[a-z_][a-z0-9_]*\(", text[start:]):
                found.setdefault(text[start:], (m.start() + start, start > 0))
    by_name = {}
    for text, (offset, tail) in sorted(found.items(), key=lambda kv: kv[1][0]):
        by_name.setdefault(text.partition("(")[0], []).append(text)
    return by_name


def names():
    from tensorsh.engine.tensor import Tensor
    from tensorsh.engine.torch_api import NAMESPACE
    methods = sorted(n for n in Tensor.__api__ if not n.startswith("_") and callable(getattr(Tensor, n, None)))
    functions = sorted(n for n, v in NAMESPACE.items() if callable(v))
    return methods, functions


# torch functions tensorsh.nn provides that neither F's source nor nn's RNNs spell as a call (F.conv<n>d reach it)
TORCH_SPELLINGS = ("convolution", "native_batch_norm", "native_group_norm", "norm_except_dim", "native_norm")


def nn_names(torch, functions):
    """The C functions torch.nn.functional is made of that torch.<name> does not already give: torch._C._nn's, and
    the torch / _VF builtins that F binds or its Python calls (`torch.max_pool1d(`, `_VF.alpha_dropout(`)."""
    import types
    import torch.nn.functional as F
    import torch.nn.modules.rnn as rnn
    src = open(F.__file__).read() + open(rnn.__file__).read()  # (and the _VF functions nn's RNNs call)
    used = set(re.findall(r"\b(?:torch|_VF)\.(\w+)\(", src)) | set(TORCH_SPELLINGS)
    used |= {getattr(v, "__name__", "") for v in vars(F).values() if isinstance(v, types.BuiltinFunctionType)}
    nn = {n for n in dir(torch._C._nn) if not n.startswith("_") or n.startswith("_upsample")}
    own = {n for n in used if isinstance(getattr(torch, n, None), types.BuiltinFunctionType)} - set(functions)
    # (not the kernels F reaches only on a GPU or through another op)
    internal = ("mkldnn_", "slow_conv", "thnn_", "conv_depthwise", "_grouped", "_scaled", "_cudnn")
    return sorted(n for n in nn | own if not n.startswith(internal) and not n.endswith("_dense_tensors"))


NAMESPACES = ("linalg", "special", "fft")  # (their functions' parser names are <kind>_<name>)


def namespace_names(kind):
    """torch.linalg's / torch.special's / torch.fft's functions tensorsh provides, under their parser's names
    (linalg_inv, special_erf, fft_rfft)."""
    from tensorsh.engine.torch_api import NAMESPACE
    members = NAMESPACE[kind]._members
    return sorted(f"{kind}_{n}" for n, v in members.items() if callable(v) and not isinstance(v, type))


def target_of(torch, kind, name):
    if kind in NAMESPACES:
        return getattr(getattr(torch, kind), name[len(kind) + 1:], None)
    if kind == "nn":
        return getattr(torch._C._nn, name, None) or getattr(torch, name, None)
    return getattr(torch.Tensor if kind == "method" else torch, name, None)


def call(torch, kind, name, *args, **kwargs):
    target = target_of(torch, kind, name)
    if target is None:
        return "missing"
    try:
        target(torch.ones(2, 3), *args, **kwargs) if kind == "method" else target(*args, **kwargs)
        return "OK"
    except Exception as e:  # noqa: BLE001 (any error torch raises is data here)
        return f"{type(e).__name__}: {e}"


def function_like(sig):
    """A torch.<name> signature rather than the method's: it takes the input (or writes `out=`)."""
    inner = sig[sig.index("(") + 1:sig.rindex(")")]
    params = [p.split("=")[0].split(" ")[-1] for p in inner.split(", ") if p != "*"] if inner else []
    return "input" in params or "out" in params or "self" in params


def printed(sig):
    from tensorsh.engine.signatures import Signature
    return Signature(sig).text


def listed_order(messages, name):
    """The parser's order of an op's visible overloads, from any of torch's "expected one of" messages."""
    head = f"{name}() received an invalid combination of arguments - got "
    best = []
    for message in messages:
        if head in message and "but expected one of:" in message:
            listed = [line[3:] for line in message.split("but expected one of:\n", 1)[1].splitlines()
                      if line.startswith(" * ")]
            best = max(best, listed, key=len)
    return best


def choose(kind, name, message, candidates, dual, order=()):
    """The raw signatures of this op, in the parser's order, or None if torch's message shows no parser.
    `dual`: torch has both x.name and torch.name, whose signatures differ by the input (and `out=`)."""
    own = [s for s in candidates if function_like(s) == (kind == "function")] if dual else candidates
    hidden = [s for s in own if s.endswith(("|hidden", "|deprecated"))]
    shown = [s for s in own if s not in hidden]
    head = f"TypeError: {name}() received an invalid combination of arguments - got (object), but expected "
    if message.startswith(head + "one of:\n"):
        listed = [line[3:] for line in message[len(head) + 8:].splitlines() if line.startswith(" * ")]
    elif message.startswith(head + "("):
        listed = [message[len(head):]]
    else:
        listed = list(order) or None  # a single-overload answer here, but other calls show the whole list
    if listed is not None:  # the parser's own order of its visible overloads
        visible = {printed(s): s for s in candidates if not s.endswith(("|hidden", "|deprecated"))}
        if not all(text in visible for text in listed):
            return None
        return [visible[text] for text in listed] + hidden, [visible[text] for text in listed]
    m = re.match(rf"TypeError: {re.escape(name)}\(\): argument '(\w+)' \(position 1\) must be (.*), not object$",
                 message)
    if m:  # one overload takes one argument: the message names its first parameter
        first = f"{m.group(2)} {m.group(1)}"
        named = [s for s in shown if printed(s)[1:].startswith(first)]
        if not named:
            return None
        rank = {text: i for i, text in enumerate(order)}
        return sorted(shown, key=lambda s: rank.get(printed(s), len(rank))) + hidden, named[:1]
    m = re.match(rf"TypeError: {re.escape(name)}\(\) takes (?:from \d+ to )?0 positional arguments? but 1 w", message)
    if m and shown + hidden:
        return shown + hidden, []
    return None


def probes(T, dtype):
    """Argument lists (args, kwargs) over namespace T (torch or tensorsh's torch): the calls that decide which of
    the library's strings belong to an op, by comparing torch's answers with the parser's."""
    X, Xg = T.ones(2, 3), T.ones(2, 3, requires_grad=True)
    Z0, I0, I1 = T.tensor(2.), T.tensor(1), T.tensor([1])
    obj = object()
    positional = [(), (obj,), (1,), (1.5,), ("a",), (None,), ((1, 2),), ([1, 2],), (X,), (X, X), (0, 1), (2, 3, 4),
                  (True,), (0, True), (I0,), (Z0,), (I1,), (Xg,), ((2, 2), 1.5), ([X, 1],), (0, 0, 1), (0, X),
                  (0, I0, X), (dtype,), (0, "a"), (X, 1), (1, X), ([X, X],), (0, 1, True), (X, X, X)]
    keywords = [{"dim": "a"}, {"dim": 0}, {"keepdim": True}, {"alpha": 2}, {"other": X}, {"foo": 1},
                {"dim": 0, "keepdim": "a"}, {"dtype": dtype}, {"out": None}, {"value": 2}, {"min": 0, "max": "a"}]
    calls = [(a, {}) for a in positional] + [((), k) for k in keywords] + [((0,), k) for k in keywords] + \
        [((X,), k) for k in keywords]
    return calls


def answer(call):
    try:
        call()
        return "OK"
    except TypeError as e:
        return f"TypeError: {e}"
    except Exception as e:  # noqa: BLE001 (past the parser: the op's own checks are not compared here)
        return f"TypeError: {e}" if getattr(e, "kind", None) == "TypeError" else "OK"


def agreement(sigs, kind, tsh_calls, torch_answers):
    from tensorsh.engine.signatures import Parser
    parser = Parser(sigs)
    same = 0
    for (args, kwargs), expected in zip(tsh_calls, torch_answers):
        got = answer(lambda: parser.parse(args[1:] if kind == "method" else args, kwargs))
        same += got == expected
    return same


def fit(kind, name, ordered, required, tsh_calls, torch_answers):
    """Which of the op's library strings beyond those torch's message names (hidden overloads, strings of another
    parser with the same name) belong to it: the largest subset whose parser answers the probe calls as torch."""
    optional = [s for s in ordered if s not in required]
    if len(optional) > 7:
        return ordered
    best, best_score = None, -1
    for mask in range((1 << len(optional)) - 1, -1, -1):
        sigs = [s for s in ordered if s in required or (s in optional and mask >> optional.index(s) & 1)]
        if not sigs:
            continue
        score = agreement(sigs, kind, tsh_calls, torch_answers)
        if score > best_score:
            best, best_score = sigs, score
    return best


def build():
    import torch
    from tensorsh.engine import dtypes
    from tensorsh.engine.torch_api import NAMESPACE as tsh
    raw = raw_signatures(torch)
    methods, functions = names()

    class NS:
        ones, tensor = staticmethod(tsh["ones"]), staticmethod(tsh["tensor"])
    torch_calls, tsh_calls = probes(torch, torch.float64), probes(NS, dtypes.float64)
    table = {"method": {}, "function": {}, "nn": {}, **{kind: {} for kind in NAMESPACES}}
    noargs, unparsed, disagree = [], [], []
    for kind, group in (("method", methods), ("function", functions), ("nn", nn_names(torch, functions)),
                        *((kind, namespace_names(kind)) for kind in NAMESPACES)):
        for name in group:
            if kind in ("function",) + NAMESPACES and inspect.isfunction(target_of(torch, kind, name)):
                continue  # (torch.functional's Python wrappers pack their arguments before any parser sees them)
            message = call(torch, kind, name, object())
            if kind == "method" and message.endswith(f"{name}() takes no arguments (1 given)"):
                noargs.append(name)
                continue
            dual = kind != "nn" and hasattr(torch.Tensor, name) and hasattr(torch, name)
            obj = object()
            order = listed_order([call(torch, kind, name, *a) for a in ((), (obj, obj), (obj, obj, obj))], name)
            chosen = choose(kind, name, message, raw.get(name, []), dual, order)
            if chosen is None:
                unparsed.append(f"{kind} {name}: {message.splitlines()[0][:100] if message else ''}")
                continue
            ordered, required = chosen
            x = torch.ones(2, 3)
            target = target_of(torch, kind, name)
            calls = [((x,) + a if kind == "method" else a, k) for a, k in torch_calls]
            torch_answers = [answer(lambda: target(*a, **k)) for a, k in calls]
            tcalls = [((None,) + a if kind == "method" else a, k) for a, k in tsh_calls]
            sigs = fit(kind, name, ordered, required, tcalls, torch_answers)
            score = agreement(sigs, kind, tcalls, torch_answers)
            if score < len(calls):
                disagree.append(f"{kind} {name}: {len(calls) - score} of {len(calls)} probe calls differ")
            table[kind][name] = sigs
    return table, noargs, unparsed, disagree


def render_nn(table):
    lines = ['"""PyTorch 2.13\'s argument-parser signatures of the C functions torch.nn.functional binds or calls: '
             'torch._C._nn\'s', 'and the torch builtins tensorsh\'s torch namespace has not (generated by '
             'scripts/gen_signatures.py; do not edit).', 'Loaded with tensorsh.nn."""', "", "NN = {"]
    for name, sigs in sorted(table["nn"].items()):
        lines.append(f"    {name!r}: (")
        lines.extend(f"        {s!r}," for s in sigs)
        lines.append("    ),")
    lines.append("}")
    lines.append("")
    lines.append("# those of them that are torch.<name> too (tensorsh.nn.torch_builtins gives each)")
    import torch
    spelled = [name for name in sorted(table["nn"]) if hasattr(torch, name)]
    lines.append("TORCH = frozenset({")
    for i in range(0, len(spelled), 4):
        lines.append("    " + " ".join(f"{n!r}," for n in spelled[i:i + 4]))
    lines.append("})")
    return "\n".join(lines) + "\n"


def render(table, noargs):
    lines = ['"""PyTorch 2.13\'s argument-parser signatures of the ops tensorsh provides (generated by '
             'scripts/gen_signatures.py; do not edit)."""', ""]
    for kind, title in (("method", "METHODS"), ("function", "FUNCTIONS"),
                        *((kind, kind.upper()) for kind in NAMESPACES)):
        lines.append(f"{title} = {{")
        for name, sigs in sorted(table[kind].items()):
            lines.append(f"    {name!r}: (")
            lines.extend(f"        {s!r}," for s in sigs)
            lines.append("    ),")
        lines.append("}")
        lines.append("")
    lines.append("# methods bound with METH_NOARGS: `TensorBase.exp() takes no arguments (1 given)`")
    lines.append("NOARGS = frozenset({")
    for i in range(0, len(noargs), 8):
        lines.append("    " + " ".join(f"{n!r}," for n in noargs[i:i + 8]))
    lines.append("})")
    return "\n".join(lines) + "\n"


def main():
    table, noargs, unparsed, disagree = build()
    text = render(table, noargs)
    print(f"{len(table['method'])} methods, {len(table['function'])} functions, {len(table['linalg'])} torch.linalg "
          "functions with parser signatures, "
          f"{len(noargs)} no-argument methods; not from the parser ({len(unparsed)}):")
    for line in unparsed:
        print("   ", line)
    print(f"parser answers differing from torch's on the probe calls ({len(disagree)}):")
    for line in disagree:
        print("   ", line)
    outputs = ((OUT, text), (NN_OUT, render_nn(table)))
    if "--check" in sys.argv:
        same = True
        for path, content in outputs:
            ok = os.path.exists(path) and open(path).read() == content
            print(os.path.basename(path), "is", "up to date" if ok else "OUT OF DATE")
            same = same and ok
        return 0 if same else 1
    for path, content in outputs:
        with open(path, "w") as f:
            f.write(content)
    return 0


if __name__ == "__main__":
    sys.exit(main())

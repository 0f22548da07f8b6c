"""Random PyTorch programs grown one statement at a time against a live torch: each statement is tried on the
state the program has reached and kept only if torch accepts it, except that about one program in five ends in
the first error torch raises. Runs where torch is imported (the zygote's child)."""
import contextlib
import copy
import io
import random
import warnings

NICE = [0.5, -1.0, 2.0, 1.5, 0.25, -0.75, 0.0, 3.0, -2.5, 1.0, 4.0, -0.5]
DTYPES = ["torch.float32", "torch.float64", "torch.int64", "torch.int32", "torch.bool", "torch.uint8",
          "torch.float16", "torch.int8", "torch.int16"]
SHAPES = [(), (0,), (1,), (3,), (4,), (2, 3), (3, 2), (1, 3), (2, 1), (2, 2), (0, 3), (2, 3, 2), (1, 2, 3)]

UNARY = ["abs", "acos", "asin", "atan", "ceil", "cos", "cosh", "exp", "exp2", "expm1", "floor", "frac", "log",
         "log10", "log1p", "log2", "neg", "negative", "reciprocal", "relu", "round", "rsqrt", "sgn", "sigmoid",
         "sign", "signbit", "sin", "sinh", "sqrt", "square", "tan", "tanh", "trunc", "fix", "logical_not", "isnan",
         "isinf", "isfinite", "isposinf", "isneginf", "nan_to_num", "float", "double", "long", "int", "bool",
         "clone", "detach", "contiguous", "t", "flatten", "nonzero", "argsort", "cpu"]
UNARY_INPLACE = ["abs_", "acos_", "asin_", "atan_", "ceil_", "cos_", "cosh_", "exp_", "exp2_", "floor_", "frac_",
                 "log_", "log10_", "log2_", "neg_", "relu_", "round_", "sigmoid_", "sin_", "sinh_", "sqrt_", "tan_",
                 "tanh_", "trunc_", "zero_", "detach_", "requires_grad_", "retain_grad"]
BINARY = ["add", "sub", "mul", "div", "pow", "remainder", "fmod", "floor_divide", "maximum", "minimum", "atan2",
          "hypot", "xlogy", "eq", "ne", "lt", "le", "gt", "ge", "logical_and", "logical_or", "logical_xor",
          "true_divide", "subtract", "multiply", "divide", "arctan2", "lerp", "dot", "mm", "mv", "matmul",
          "outer", "ger", "bmm", "equal", "allclose", "isclose", "type_as", "expand_as", "view_as", "reshape_as"]
BINARY_INPLACE = ["add_", "sub_", "mul_", "div_", "pow_", "copy_", "clamp_min_", "clamp_max_", "fill_"]
NORM_ORDS = ["1", "float('inf')", "'fro'", "2"]
OPERATORS = ["+", "-", "*", "/", "**", "@", "%", "//", "<", "<=", "==", "!=", ">", ">=", "&", "|", "^", "<<", ">>"]
AUGMENTED = ["+=", "-=", "*=", "/=", "**=", "%=", "//=", "&=", "|=", "^=", "<<=", ">>="]
REDUCE = ["sum", "mean", "prod", "max", "min", "amax", "amin", "argmax", "argmin", "std", "var", "norm",
          "logsumexp", "all", "any", "count_nonzero", "cumsum", "softmax", "log_softmax", "sort", "unbind"]
OBSERVE = ["print({t})", "print({t}.grad)", "print({t}._version)", "print({t}.dtype, {t}.requires_grad, {t}.is_leaf)",
           "print({t}.grad_fn.name() if {t}.grad_fn is not None else None)",
           "print({t}.shape, {t}.stride(), {t}.storage_offset(), {t}.is_contiguous())",
           "print({t}.item())", "print({t}.tolist())", "print({t}._base is None, {t}._is_view())",
           "print([f[0].name() if f[0] is not None else None for f in {t}.grad_fn.next_functions])",
           "print({t}.grad is None or {t}.grad._version, {t}.retains_grad)", "print({t}.grad_fn)",
           "print(len({t}), {t}.numel(), {t}.dim())",
           # (the storage up to the end of the elements of the tensor or of its base: the bytes after them may be
           # memory never written, e.g. a loss's mean reduced into its elementwise buffer, uninitialized in PyTorch)
           "print({t}.untyped_storage().tolist()[:4 * (lambda b: b.storage_offset() + b.numel())({t} if {t}._base "
           "is None else {t}._base)] if {t}.dtype == torch.float32 else {t}.data_ptr() == {u}.data_ptr())"]


class Gen:
    def __init__(self, rng, ns):
        self.rng, self.ns, self.count, self.api_weight, self.family = rng, ns, 0, 0, None

    def tensors(self, pred=lambda t: True):
        import torch
        return [k for k, v in self.ns.items() if isinstance(v, torch.Tensor) and _holds(pred, v)]

    def pick(self, pred=lambda t: True):
        names = self.tensors(pred)
        return self.rng.choice(names) if names else None

    def new(self):
        self.count += 1
        return f"v{self.count}"

    def number(self):
        r = self.rng.random()
        if r < 0.4:
            return repr(self.rng.choice(NICE))
        if r < 0.7:
            return str(self.rng.randint(-2, 4))
        if r < 0.8:
            return self.rng.choice(["True", "False"])
        return repr(round(self.rng.uniform(-3, 3), 3))

    def dim(self, t):
        n = max(self.ns[t].dim(), 1) if t in self.ns else 2  # an expression: a guess torch may refuse
        return self.rng.randrange(-n, n)

    def values(self, shape, dtype):
        if not shape:
            return self.scalar_value(dtype)
        return "[" + ", ".join(self.values(shape[1:], dtype) for _ in range(shape[0])) + "]"

    def scalar_value(self, dtype):
        if dtype == "torch.bool":
            return self.rng.choice(["True", "False"])
        if dtype in ("torch.int64", "torch.int32", "torch.uint8"):
            return str(self.rng.randint(0 if dtype == "torch.uint8" else -3, 5))
        return repr(self.rng.choice(NICE) if self.rng.random() < 0.7 else round(self.rng.uniform(-3, 3), 4))

    def operand(self, t=None):
        """Something a binary op may take: a tensor variable, a Python number, a 0-dim tensor or a literal."""
        r = self.rng.random()
        if r < 0.55:
            return self.pick() or self.number()
        if r < 0.8:
            return self.number()
        if r < 0.9:
            return f"torch.tensor({self.scalar_value(self.rng.choice(DTYPES[:5]))})"
        return f"torch.ones_like({t})" if t else "torch.tensor(2.)"

    def create(self):
        rng = self.rng
        n, shape = self.new(), rng.choice(SHAPES)
        dtype = rng.choice(DTYPES[:2] * 4 + DTYPES[2:])
        grad = ", requires_grad=True" if dtype in DTYPES[:2] and rng.random() < 0.6 else ""
        size = ", ".join(map(str, shape))
        tup = "(" + size + ("," if len(shape) == 1 else "") + ")"
        r = rng.random()
        if r < 0.45:
            return f"{n} = torch.tensor({self.values(shape, dtype)}, dtype={dtype}{grad})"
        if r < 0.6:
            return f"torch.manual_seed({rng.randint(0, 9)})\n{n} = torch.{rng.choice(['randn', 'rand'])}({size}{grad})"
        if r < 0.7:
            return f"{n} = torch.arange({rng.choice([3, 4, 6, 12])}{rng.choice(['', '.', ', dtype=torch.float64'])})"
        if r < 0.8:
            fn = rng.choice(["zeros", "ones", "full", "randint", "linspace", "eye", "zeros_like", "ones_like",
                             "full_like", "empty"])
            if fn == "full":
                return f"{n} = torch.full({tup}, {self.number()}{grad})"
            if fn == "randint":
                return f"torch.manual_seed({rng.randint(0, 9)})\n{n} = torch.randint(0, 5, {tup})"
            if fn == "linspace":
                return f"{n} = torch.linspace({rng.choice([0, -1])}, 1, {rng.choice([3, 4, 5])}{grad})"
            if fn == "eye":
                return f"{n} = torch.eye({rng.choice([2, 3])}{grad})"
            if fn == "empty":
                return f"{n} = torch.empty({size}).fill_({self.number()})"
            if fn.endswith("_like"):
                t = self.pick()
                if t:
                    extra = f", {self.number()}" if fn == "full_like" else ""
                    return f"{n} = torch.{fn}({t}{extra})"
            return f"{n} = torch.{fn.replace('_like', '')}({size}{grad})"
        if r < 0.9:  # a view of a leaf under no_grad, or a view of a view
            t = self.pick()
            if t:
                return f"with torch.no_grad():\n    {n} = {self.view(t)}"
        t = self.pick()
        if t:
            return f"{n} = {self.view(self.view(t))}"
        return f"{n} = torch.tensor({self.values(shape, dtype)}{grad})"

    def view(self, t):
        rng, d = self.rng, lambda: self.dim(t)
        forms = [f"{t}.view(-1)", f"{t}.reshape(-1)", f"{t}.t()", f"{t}.T", f"{t}.mT", f"{t}[0]", f"{t}[1:]",
                 f"{t}[0:]", f"{t}[::2]", f"{t}[..., None]", f"{t}[None]", f"{t}[:, 1]", f"{t}[-1]", f"{t}[...]",
                 f"{t}.unsqueeze({d()})", f"{t}.squeeze()", f"{t}.squeeze({d()})", f"{t}.transpose(0, -1)",
                 f"{t}.expand(2, *{t}.shape)", f"{t}.narrow({d()}, 0, 1)", f"{t}.select({d()}, 0)",
                 f"{t}.diagonal()", f"{t}.unfold({d()}, 2, 1)", f"{t}.movedim(0, -1)", f"{t}.flatten()",
                 f"{t}.detach()", f"{t}.data", f"{t}.split(1)[0]", f"{t}.chunk(2)[-1]", f"{t}.unbind()[0]",
                 f"{t}.as_strided((2,), (1,))", f"{t}.view({t}.shape)", f"{t}.permute(*reversed(range({t}.dim())))",
                 f"{t}[{t} > 0]", f"{t}[torch.tensor([0, 0])]", f"{t}[[True] * len({t})]", f"{t}.view_as({t})",
                 f"{t}.unflatten(0, (1, -1))", f"{t}.swapaxes(0, -1)"]
        return rng.choice(forms)

    def make(self):
        rng, t = self.rng, self.pick()
        if t is None:
            return self.create()
        n, r = self.new(), rng.random()
        if r < 0.2:
            return f"{n} = {t}.{rng.choice(UNARY)}()"
        if r < 0.4:
            op, o = rng.choice(BINARY), self.operand(t)
            extra = rng.choice(["", "", f", alpha={self.number()}"]) if op in ("add", "sub") else ""
            if op == "lerp":
                extra = f", {rng.choice(['0.5', o])}"
            return rng.choice([f"{n} = {t}.{op}({o}{extra})", f"{n} = torch.{op}({t}, {o}{extra})"]) \
                if op not in ("expand_as", "view_as", "reshape_as", "type_as") else f"{n} = {t}.{op}({o})"
        if r < 0.55:
            o = self.operand(t)
            return rng.choice([f"{n} = {t} {rng.choice(OPERATORS)} {o}", f"{n} = {o} {rng.choice(OPERATORS)} {t}",
                               f"{n} = -{t}", f"{n} = ~{t}", f"{n} = abs({t})"])
        if r < 0.7:
            op = rng.choice(REDUCE)
            args = rng.choice(["", f"{self.dim(t)}", f"{self.dim(t)}, keepdim=True", f"dim={self.dim(t)}",
                               "dim=(0, -1)", "dtype=torch.float64"])
            if op in ("softmax", "log_softmax", "cumsum", "logsumexp"):
                args = str(self.dim(t))
            tail = rng.choice(["", "", ".values", "[0]", "[1]"]) if op in ("max", "min", "sort") and args else ""
            return f"{n} = {t}.{op}({args}){tail}"
        if r < 0.85:
            return f"{n} = {self.view(t)}"
        forms = [f"{n} = {t}.clamp({self.number()}, {self.number()})", f"{n} = {t}.clamp(min={self.number()})",
                 f"{n} = {t}.masked_fill({t} > 0, {self.number()})", f"{n} = {t}.where({t} > 0, {self.operand(t)})",
                 f"{n} = torch.where({t} > 0, {t}, {self.operand(t)})", f"{n} = torch.cat([{t}, {self.pick()}])",
                 f"{n} = torch.stack([{t}, {self.pick()}])", f"{n} = {t}.repeat(2, 1)", f"{n} = {t}.flip(0)",
                 f"{n} = {t}.roll(1)", f"{n} = {t}.tril()", f"{n} = {t}.triu(1)", f"{n} = {t}.to(torch.float64)",
                 f"{n} = {t}.to({rng.choice(DTYPES)})", f"{n} = {t}.index_select(0, torch.tensor([0]))",
                 f"{n} = {t}.gather(0, torch.zeros_like({t}, dtype=torch.int64))", f"{n} = copy.deepcopy({t})",
                 f"{n} = torch.tensor([{t}.sum(), {t}.mean()])", f"{n} = {t}.clone(memory_format=torch.preserve_format)",
                 f"{n} = {t}.new_zeros(2)", f"{n} = {t}.new_tensor([1., 2.])", f"{n} = {t}.addcmul({t}, {t}, value=0.5)",
                 f"{n} = {t}.index_fill(0, torch.tensor([0]), {self.number()})", f"{n} = {t}.masked_select({t} > 0)",
                 f"{n} = {t}.diag()", f"{n} = {t}.tile(2)", f"{n} = {t}.sum_to_size(1)", f"{n} = {t}.trace()",
                 f"{n} = {t} @ {t}", f"{n} = {t}.nan_to_num(nan=0.0, posinf=1.0)", f"{n} = {t}.round(decimals=1)",
                 f"{n} = torch.zeros_like({t}).scatter_(0, torch.zeros_like({t}, dtype=torch.int64), {t})",
                 f"{n} = {t}.float().softmax(-1)", f"{n} = {t}.pow(2).sum()", f"{n} = {t}.item()",
                 f"{n} = {t}.type(torch.float32)", f"{n} = {t}.index_add(0, torch.tensor([0]), {t}[:1])"]
        return rng.choice(forms)

    def mutate(self):
        rng, t = self.rng, self.pick()
        if t is None:
            return self.create()
        r = rng.random()
        if r < 0.2:
            return f"{t}.{rng.choice(UNARY_INPLACE)}()"
        if r < 0.4:
            op = rng.choice(BINARY_INPLACE)
            return f"{t}.{op}({self.operand(t)})"
        if r < 0.55:
            return f"{t} {rng.choice(AUGMENTED)} {self.operand(t)}"
        if r < 0.7:
            idx = rng.choice(["0", "1:", "0:", "...", ":", "::2", "-1", "..., 0", "..., None", f"{t} > 0",
                              "torch.tensor([0])"])
            return f"{t}[{idx}] = {self.operand(t)}"
        forms = [f"{t}.clamp_({self.number()})", f"{t}.clamp_({self.number()}, {self.number()})",
                 f"{t}.masked_fill_({t} > 0, {self.number()})", f"{t}.tril_()", f"{t}.sub_({self.operand(t)}, alpha=2)",
                 f"{t}.index_fill_(0, torch.tensor([0]), {self.number()})", f"{t}.scatter_(0, torch.zeros_like({t}, "
                 f"dtype=torch.int64), {self.number()})", f"{t}.index_copy_(0, torch.tensor([0]), {t}[:1])",
                 f"{t}.requires_grad = {rng.choice(['True', 'False'])}", f"{t}.grad = None",
                 f"{t}.mul_({self.operand(t)})",
                 f"{t}.t().mul_(2)", f"{t}[0].add_(1)", f"{t}.view(-1)[0] = 7", f"{t}.data = {self.operand(t)}",
                 f"{t}.copy_({self.number()})", f"{t}.fill_({self.operand(t)})", f"{t}.neg_()",
                 f"with torch.no_grad():\n    {t}[0] = {self.number()}"]
        return rng.choice(forms)

    def autograd(self):
        rng, t = self.rng, self.pick()
        if t is None:
            return self.create()
        u = self.pick()
        forms = [f"{t}.sum().backward()", f"{t}.sum().backward(retain_graph=True)", f"{t}.backward()",
                 f"{t}.backward(torch.ones_like({t}))", f"{t}.backward(torch.ones({t}.shape, dtype=torch.float32))",
                 f"{t}.sum().backward(create_graph=True)", f"{t}.prod().backward()",
                 f"print(torch.autograd.grad({t}.sum(), {u}, allow_unused=True))",
                 f"print(torch.autograd.grad({t}.sum(), [{u}], create_graph=True, retain_graph=True))",
                 f"h = {t}.register_hook(lambda g: g * 2)", f"h = {t}.register_hook(lambda g: print('hook', g))",
                 f"h = {t}.register_hook(lambda g: g.sum())", f"h = {t}.register_hook(lambda g: None)",
                 f"{t}.register_post_accumulate_grad_hook(lambda p: print('post', p.grad))", "h.remove()",
                 f"{t}.retain_grad()", f"{t}.requires_grad_()", f"{t}.requires_grad_(False)", f"{t}.detach_()",
                 f"{t}.grad.zero_()", f"{t}.grad = None", f"{t}.grad = torch.zeros_like({t})",
                 f"with torch.no_grad():\n    {t}.add_(1)", f"with torch.no_grad():\n    {t} *= 2",
                 f"with torch.enable_grad():\n    {self.new()} = {t} * 2",
                 f"for _ in range(2):\n    {t}.sum().backward()\n    print({t}.grad, {t}.grad._version)",
                 f"print(copy.deepcopy({t}))", f"torch.set_grad_enabled(False)\n{self.new()} = {t} * 2\n"
                 "torch.set_grad_enabled(True)"]
        return rng.choice(forms)

    def common(self):
        """What people's programs do most: matmul of every rank, cat/stack, where, gather, softmax, cumsum,
        conversions, item(), mixed-type literals, float16 values."""
        rng, t, u = self.rng, self.pick(), self.pick()
        if t is None:
            return self.create()
        n, d = self.new(), self.dim(t)
        mixed = rng.choice(["[1, 2.5, True]", "[[1, 2], [3.5, 4]]", "[True, 2]", "[[True], [False]]", "[0.1, 100.5]",
                            "[1e-05, 1.0]", "[[1.5, -2], [3, 4]]", "[1, 2 ** 40]", "[3.14159265, -1e10]", "[]"])
        forms = [f"{n} = {t} @ {u}", f"{n} = torch.matmul({t}, {t}.mT)", f"{n} = {t} @ {t}.T", f"{n} = {t}.mv({u})",
                 f"torch.manual_seed({rng.randint(0, 9)})\n{n} = torch.randn(2, 3) @ {t}",
                 f"torch.manual_seed({rng.randint(0, 9)})\n{n} = {t} @ torch.randn(*{t}.shape[-1:], 2)",
                 f"{n} = torch.cat([{t}, {u}], dim={d})", f"{n} = torch.stack([{t}, {t}], dim={d})",
                 f"{n} = torch.cat(({t}, {t} * 2), -1)", f"{n} = torch.where({t} > 0, {t}, {u})",
                 f"{n} = torch.where({t} > 0, {t}, torch.zeros_like({t}))", f"{n} = {t}.masked_fill({t} < 0, 0.)",
                 f"{n} = {t}.gather({d}, torch.zeros_like({t}, dtype=torch.int64))", f"{n} = {t}.softmax({d})",
                 f"{n} = torch.softmax({t}, dim={d})", f"{n} = {t}.log_softmax({d})", f"{n} = {t}.cumsum({d})",
                 f"{n} = torch.cumsum({t}, dim={d})", f"{n} = {t}.expand(3, *{t}.shape)", f"{n} = {t}.repeat(2, 1, 1)",
                 f"{n} = {t}.clamp(min=-0.5, max=0.5)", f"{n} = {t}.clamp(max=0)", f"{n} = {t}.clamp({u})",
                 f"{n} = {t}.clip(0, 1)", f"{n} = {t}.half()", f"{n} = {t}.to(torch.float16) * 3",
                 f"{n} = {t}.float()", f"{n} = {t}.long()", f"{n} = {t}.int()", f"{n} = {t}.bool()",
                 f"{n} = {t}.to({rng.choice(DTYPES)})", f"{n} = {t}.type(torch.float64)", f"print({t}.sum().item())",
                 f"print(float({t}.float().mean()))", f"print({t}.tolist())", f"print({t}.half())",
                 f"{n} = torch.tensor({mixed})", f"{n} = torch.tensor({mixed}, dtype={rng.choice(DTYPES)})",
                 f"{n} = {t}.mean({d}, keepdim=True)", f"{n} = {t}.max({d})", f"{n} = torch.max({t}, {d}).values",
                 f"{n} = {t}.sum(dim={d}, dtype=torch.float64)", f"{n} = {t}.std({d})", f"{n} = {t}.norm(dim={d})",
                 f"{n} = ({t} > 0).float().mean()", f"{n} = ({t} > 0).sum()", f"{n} = {t}.reshape(-1, 1)",
                 f"{n} = {t}.view(-1).unsqueeze(0)", f"{n} = {t}.argmax(dim={d})", f"{n} = {t}.sort(dim={d}, descending=True)",
                 f"{n} = torch.outer({t}.flatten(), {t}.flatten())", f"{n} = {t}.pow(2).mean()", f"{n} = {t}.var(unbiased=False)",
                 f"{n} = {t}.chunk(2, {d})[0]", f"{n} = {t}.split(1, {d})[-1]", f"{n} = {t}.unbind({d})[0]",
                 f"{n} = torch.relu({t})", f"{n} = torch.sigmoid({t})", f"{n} = torch.tanh({t})", f"{n} = {t}.exp().log()"]
        return rng.choice(forms)

    def more(self):
        """The less common ops: cumulative, selections with ties, einsum, splits, special functions, bitwise ops,
        composites (repeat_interleave, diff, stacks) and the in-place twins of remainder/fmod/logical ops."""
        rng, t, u = self.rng, self.pick(), self.pick()
        if t is None:
            return self.create()
        n, d, o = self.new(), self.dim(t), self.operand(t)
        forms = [f"{n} = {t}.cumprod({d})", f"{n} = torch.cumprod({t}, dim={d})", f"{n} = {t}.cummax({d})",
                 f"{n} = {t}.cummin({d}).values", f"{n} = {t}.logcumsumexp({d})", f"{n} = {t}.topk(1)",
                 f"{n} = {t}.topk(2, dim={d}, largest=False).values", f"{n} = {t}.kthvalue(1, {d})",
                 f"{n} = {t}.median()", f"{n} = {t}.median({d})", f"{n} = {t}.mode({d})", f"{n} = {t}.nanmedian()",
                 f"{n} = torch.einsum('ij,jk->ik', {t}, {u})", f"{n} = torch.einsum('i,i->', {t}, {t})",
                 f"{n} = torch.einsum('...i->...', {t})", f"{n} = torch.einsum('ij->ji', {t})",
                 f"{n} = torch.einsum('bij,bjk->bik', {t}, {u})", f"{n} = {t}.tensor_split(2, {d})[0]",
                 f"{n} = {t}.hsplit(1)[0]", f"{n} = {t}.unsafe_split(1, {d})[0]", f"{n} = {t}.unsafe_chunk(2)[-1]",
                 f"{n} = {t}.repeat_interleave(2)", f"{n} = {t}.repeat_interleave(2, dim={d})", f"{n} = {t}.diff()",
                 f"{n} = torch.hstack([{t}, {u}])", f"{n} = torch.vstack([{t}, {t}])", f"{n} = torch.column_stack([{t}, {t}])",
                 f"{n} = torch.meshgrid({t}.flatten(), {t}.flatten(), indexing='ij')[0]", f"{n} = {t}.copysign({o})",
                 f"{n} = {t}.float_power(2)", f"{n} = torch.logaddexp({t}, {u})", f"{n} = {t}.nansum()",
                 f"{n} = {t}.nanmean({d})", f"{n} = torch.dist({t}, {u})", f"{n} = {t}.erf()", f"{n} = {t}.erfc()",
                 f"{n} = {t} << {rng.choice(['1', '2', o])}", f"{n} = {t} >> 1", f"{n} = {t}.bitwise_and({o})",
                 f"{n} = torch.bitwise_xor({t}, {o})", f"{n} = {t}.bitwise_not()", f"{n} = torch.pow(2, {t})",
                 f"{n} = 2 ** {t}", f"{n} = {t}.unique()", f"{n} = {t}.bincount()",
                 f"{t}.cumprod_({d})", f"{t}.remainder_({o})", f"{t}.fmod_({o})", f"{t}.floor_divide_({o})",
                 f"{t}.logical_and_({u})", f"{t}.logical_not_()", f"{t}.bitwise_or_({o})", f"{t} <<= 1",
                 f"{t}.copysign_(-1.)", f"{t}.erf_()"]
        return rng.choice(forms)

    def higher(self):
        """Gradients with create_graph (the double-backward graph and its names), *_like and random_ fills of
        views, select, matmul against batches."""
        rng, t, u = self.rng, self.pick(), self.pick()
        if t is None:
            return self.create()
        n, d = self.new(), self.dim(t)
        fn = rng.choice(["sqrt()", "tan()", "log1p()", "expm1()", "atan()", "exp2()", "log2()", "abs()", "rsqrt()",
                         "reciprocal()", "erf()", "sigmoid()", "tanh()", "softmax(0)", "log_softmax(-1)", "cumsum(0)",
                         "norm()", "pow(3)", "pow(0.5)", "exp()", "relu()", "mean()", "prod()", "std()", "asin()"])
        forms = [f"{n} = torch.autograd.grad({t}.{fn}.sum(), {t}, create_graph=True)[0]",
                 f"{n} = torch.autograd.grad(({t} * {u}).{fn}.sum(), [{t}], create_graph=True, allow_unused=True)[0]",
                 f"print({t}.grad_fn)",
                 f"{n} = torch.zeros_like({t}.t() if {t}.dim() == 2 else {t})",
                 f"torch.manual_seed({rng.randint(0, 9)})\n{n} = torch.rand_like({t}.float().mT)",
                 f"torch.manual_seed({rng.randint(0, 9)})\n{n} = torch.empty_like({t}).random_(0, 5)",
                 f"torch.manual_seed({rng.randint(0, 9)})\n{t}.random_(3)", f"{n} = {t}.select({d}, -1)",
                 f"{n} = {t} @ torch.ones({t}.shape[-1], 2, dtype={t}.dtype)",
                 f"{n} = torch.ones(2, 3, {t}.shape[0], dtype={t}.dtype) @ {t}", f"{n} = {t}.reshape(-1)",
                 f"{n} = torch.full_like({t}, -1)", f"{n} = {t} >> 8", f"{n} = torch.where({t} > 0, {t}, -1)"]
        return rng.choice(forms)

    def wider(self):
        """The areas the other families never draw, one area then one of its forms: in-place ops on views of views,
        int/bool tensors with Python numbers, 0-dim and empty tensors, hooks and retain_grad, no_grad/enable_grad/
        inference_mode, gradients of gradients, torch.nn.functional, custom autograd Functions, nn.Linear and
        optimizer steps (on a leaf that requires grad when there is one)."""
        rng, t, u = self.rng, self.pick(), self.pick()
        if t is None:
            return self.create()
        leaf = self.pick(lambda v: v.is_leaf and v.requires_grad) or t
        n, o, F = self.new(), self.number(), "torch.nn.functional"
        area = rng.choice(["views", "scalars", "empty", "hooks", "modes", "grads", "functional", "function", "optim"])
        if area == "views":
            return rng.choice([
                f"{t}.view(-1)[::2].mul_({o})", f"{t}.t()[0].add_({o})", f"{t}[None][0].zero_()",
                f"{t}.unsqueeze(0).squeeze(0).sub_({self.operand(t)})", f"{t}.narrow(0, 0, 1).view(-1).neg_()",
                f"with torch.no_grad():\n    {t}.view(-1)[0:1].fill_({o})", f"{t}[1:][:1].copy_({self.operand(t)})",
                f"{n} = {t}.view(-1)[1:]\n{n}.mul_(2)\nprint({t}._version, {n}._version, {n}.grad_fn)"])
        if area == "scalars":
            cast = rng.choice(["long()", "bool()", "int()", "to(torch.uint8)"])
            op = rng.choice(["+", "-", "*", "/", "//", "%", "**", "<", "&"])
            return rng.choice([f"{n} = {t}.{cast} {op} {o}", f"{n} = {o} {op} {t}.{cast}",
                               f"{n} = torch.tensor({o}) {op} {t}", f"{t}.{cast}.{rng.choice(['add_', 'mul_', 'sub_'])}({o})",
                               f"{n} = {t}.{cast}.clamp({o})", f"{n} = torch.tensor(3, dtype=torch.int32) {op} {o}"])
        if area == "empty":
            return rng.choice([f"{n} = torch.tensor({o}, requires_grad=True)", f"{n} = torch.empty(0, 2)",
                               f"{n} = {t}.sum() * {t}", f"{n} = {t}[{t} > 100]", f"{n} = {t}.reshape(0, -1)",
                               f"{n} = {t}.new_empty(0)", f"{n} = torch.zeros(0).sum()", f"{n} = {t}.flatten()[:0]"])
        if area == "hooks":
            return rng.choice([f"h = {t}.register_hook(lambda g: g + 1)", f"h = {t}.register_hook(lambda g: g.clone().zero_())",
                               f"{t}.register_hook(lambda g: print('grad', g.shape, g.dtype))", f"{t}.retain_grad()",
                               f"print({t}.retains_grad, {t}.is_leaf, {t}.requires_grad)"])
        if area == "modes":
            return rng.choice([
                f"with torch.inference_mode():\n    {n} = {t} * 2\nprint({n}.is_inference(), {n}.requires_grad)",
                f"with torch.no_grad():\n    with torch.enable_grad():\n        {n} = {t} * 2\nprint({n}.grad_fn)",
                f"{n} = torch.no_grad()(lambda x: x * 2)({t})", f"with torch.set_grad_enabled(False):\n    {n} = {t}.exp()"])
        if area == "grads":
            return rng.choice([
                f"{n}, = torch.autograd.grad(({t} * {t}).sum(), {t}, create_graph=True)\n"
                f"print({n}, torch.autograd.grad({n}.sum(), {t}, allow_unused=True))",
                f"{n}, = torch.autograd.grad({t}.exp().sum(), {t}, create_graph=True)\n{n}.sum().backward()\nprint({t}.grad)",
                f"print(torch.autograd.grad({t}, {u}, grad_outputs=torch.ones_like({t}), retain_graph=True))"])
        if area == "functional":
            fn = rng.choice(["relu({x})", "gelu({x})", "silu({x})", "softplus({x})", "leaky_relu({x}, 0.1)", "elu({x})",
                             "hardtanh({x})", "mse_loss({x}, {y})", "l1_loss({x}, {y})", "smooth_l1_loss({x}, {y})", "normalize({x}, dim=-1)",
                             "softmax({x}, dim=-1)", "log_softmax({x}, dim=0)", "pad({x}, (1, 1))", "sigmoid({x})", "tanh({x})",
                             "binary_cross_entropy({x}.sigmoid(), torch.ones_like({x}))",
                             "binary_cross_entropy_with_logits({x}, torch.zeros_like({x}))",
                             "cross_entropy({x}, torch.zeros({x}.shape[:1], dtype=torch.int64))",
                             "one_hot({x}.long().clamp(0, 3))",
                             "cosine_similarity({x}, {y}, dim=-1)", "layer_norm({x}, {x}.shape[-1:])",
                             "dropout({x}, 0.5, training=False)", "linear({x}, torch.ones(2, {x}.shape[-1]))"])
            call = f"{F}." + fn.format(x=t, y=u)
            return rng.choice([f"{n} = {call}", f"{n} = {call}\n{n}.sum().backward()\nprint({t}.grad)"])
        if area == "function":
            square = ("class Sq(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x):\n"
                      "        ctx.save_for_backward(x)\n        return x * x\n    @staticmethod\n    def backward(ctx, g):\n"
                      "        x, = ctx.saved_tensors\n        print('Sq.backward', ctx.needs_input_grad)\n"
                      "        return 2 * x * g\n")
            twice = ("class Twice(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x):\n"
                     "        ctx.mark_dirty(x)\n        return x.mul_(2)\n    @staticmethod\n    def backward(ctx, g):\n"
                     "        return g * 2\n")
            return rng.choice([square + f"{n} = Sq.apply({t})",
                               square + f"{n} = Sq.apply({t})\n{n}.sum().backward()\nprint({t}.grad)",
                               twice + f"{n} = Twice.apply({t})\nprint({n}, {n}.grad_fn, {t}._version)"])
        optimizer = rng.choice(["SGD([{p}], lr=0.1)", "SGD([{p}], lr=0.1, momentum=0.9, nesterov=True)",
                                "Adam([{p}], lr=0.01)", "AdamW([{p}], lr=0.01, weight_decay=0.1)",
                                "RMSprop([{p}], lr=0.01)", "Adagrad([{p}])", "SGD([{p}], lr=0.5, weight_decay=0.1)"]).format(p=leaf)
        return rng.choice([
            f"torch.manual_seed({rng.randint(0, 9)})\nlin = torch.nn.Linear({t}.shape[-1], 2)\n{n} = lin({t})\n"
            f"print({n}, lin.weight.grad)",
            f"opt = torch.optim.{optimizer}\nfor _ in range(2):\n    opt.zero_grad()\n"
            f"    ({leaf} * {leaf}).sum().backward()\n    opt.step()\nprint({leaf}, {leaf}.grad, {leaf}._version)"])

    def deeper(self):
        """The seventh round's areas, one area then one of its forms: keyword and number-first spellings of ops,
        grad_fn._saved_* reads, autograd.grad with allow_unused/materialize_grads/retain_graph and backward(inputs=),
        custom Functions (non-tensor arguments, mark_non_differentiable, set_materialize_grads, None gradients),
        in-place writes through views of views under no_grad, saved-tensor hooks, more of torch.nn.functional
        (pooling, glu, logsigmoid, prelu, shrinks, losses), the other optimizers and a scheduler, copy/deepcopy."""
        rng, t, u = self.rng, self.pick(), self.pick()
        if t is None:
            return self.create()
        leaf = self.pick(lambda v: v.is_leaf and v.requires_grad) or t
        n, o, d, F = self.new(), self.number(), self.dim(t), "torch.nn.functional"
        area = rng.choice(["keywords", "saved", "grads", "function", "views", "hooks", "functional", "optim", "copy"])
        if area == "keywords":
            return rng.choice([
                f"{n} = torch.add(input={t}, other={o}, alpha=2)", f"{n} = torch.pow(input={t}, exponent={o})",
                f"{n} = torch.pow(self={o}, exponent={t})", f"{n} = torch.mul({o}, {t})", f"{n} = torch.sub({o}, {t})",
                f"{n} = torch.where({t} > 0, {o}, {t})", f"{n} = torch.where({t} > 0, {t}, {o})",
                f"{n} = {t}.sub(other={self.operand(t)}, alpha={o})", f"{n} = torch.maximum({t}, torch.tensor({o}))",
                f"{n} = torch.sum({t}, dim={d}, keepdim=True)", f"{n} = torch.mean(input={t}.float(), dim=-1)",
                f"{n} = torch.div({t}, {self.operand(t)}, rounding_mode={rng.choice([repr('floor'), repr('trunc')])})",
                f"{n} = torch.full_like({t}, {o})", f"{n} = {t}.new_full((2,), {o})", f"{n} = torch.tensor({o}) * {t}",
                f"{n} = torch.clamp({t}, min=torch.tensor({o}))", f"{n} = {t}.masked_fill(mask={t} > 0, value={o})",
                f"{n} = torch.addmm({t}, {u}, {t})", f"{n} = {t} {rng.choice(OPERATORS)} {rng.choice(['None', repr('a'), '[1.0]'])}",
                f"{n} = {t}.lerp({u}, {o})", f"{n} = torch.fmod({t}, other={o})", f"{n} = {t}.pow(exponent={o})"])
        if area == "saved":
            name = rng.choice(["self", "other", "result", "dim", "keepdim", "exponent", "alpha", "self_sym_sizes",
                               "indices", "mat2", "weight", "result1", "kernel_size", "stride", "buffer", "min", "max"])
            return f"print({self.pick(lambda v: v.grad_fn is not None) or t}.grad_fn._saved_{name})"
        if area == "grads":
            return rng.choice([
                f"print(torch.autograd.grad({t}.sum(), [{leaf}, {u}], allow_unused=True, materialize_grads=True))",
                f"print(torch.autograd.grad(({t} * 2).sum(), {leaf}, retain_graph=True))",
                f"{n} = {t}.sum()\n{n}.backward(retain_graph=True)\n{n}.backward()\nprint({leaf}.grad)",
                f"print(torch.autograd.grad({t}.sum(), {leaf}, allow_unused=True, create_graph=True))",
                f"{t}.sum().backward(inputs=[{leaf}])\nprint({leaf}.grad)",
                f"torch.autograd.backward([{t}.sum()], inputs=[{leaf}])\nprint({leaf}.grad)",
                f"{n}, = torch.autograd.grad({t}.pow(2).sum(), {leaf}, create_graph=True)\n{n}.sum().backward()\n"
                f"print({leaf}.grad, {n}.grad_fn)"])
        if area == "function":
            scale = ("class Scale(torch.autograd.Function):\n    @staticmethod\n    def forward(ctx, x, k):\n"
                     "        ctx.k = k\n        ctx.set_materialize_grads(False)\n        i = x.flatten().argmax()\n"
                     "        ctx.mark_non_differentiable(i)\n        return x * k, i\n    @staticmethod\n"
                     "    def backward(ctx, g, gi):\n        print('Scale.backward', g, gi, ctx.needs_input_grad)\n"
                     "        return None if g is None else g * ctx.k, None\n")
            return rng.choice([scale + f"{n}, _ = Scale.apply({t}, {o})\nprint({n}, _.requires_grad)",
                               scale + f"{n}, _ = Scale.apply({t}, 2.0)\n{n}.sum().backward()\nprint({t}.grad)",
                               scale + f"_, {n} = Scale.apply({t}, 2.0)\nprint({n}, {n}.grad_fn)"])
        if area == "views":
            return rng.choice([
                f"with torch.no_grad():\n    {n} = {t}[0:]\n    {n}[...] = {o}\nprint({t}, {t}._version)",
                f"with torch.no_grad():\n    {t}.view(-1)[::2][0:1].mul_({o})",
                f"with torch.no_grad():\n    {n} = {t}.view(-1)\n{n}.mul_(2)",
                f"with torch.no_grad():\n    {n} = {t}.unsqueeze(0)[0]\nprint({n}.requires_grad, {n}.grad_fn, {n}._is_view())",
                f"{n} = {t}.detach()[0:]\n{n}.add_({o})\nprint({t}, {t}._version)",
                f"{n} = {t}[None][0][...]\n{n}.mul_({o})\nprint({n}.grad_fn, {t}.grad_fn, {n}._version)"])
        if area == "hooks":
            return rng.choice([
                f"with torch.autograd.graph.saved_tensors_hooks(lambda x: x * 1, lambda x: x):\n"
                f"    {n} = ({t} * {t}).sum()\n{n}.backward()\nprint({t}.grad)",
                f"with torch.autograd.graph.saved_tensors_hooks(lambda x: print('pack', x.shape) or x, "
                f"lambda x: print('unpack') or x):\n    {n} = {t}.exp()\nprint({n}.grad_fn._saved_result)",
                f"h = {t}.register_hook(lambda g: g * 0)\n{t}.sum().backward(retain_graph=True)\nh.remove()",
                f"{n} = {t}.view(-1)\n{n}.register_hook(lambda g: print('view hook', g))\n{n}.sum().backward()"])
        if area == "functional":
            x = f"{t}.float().reshape(1, 1, -1)"
            fn = rng.choice([f"max_pool1d({x}, 2)", f"avg_pool1d({x}, 2, padding=1)", f"adaptive_avg_pool1d({x}, 2)",
                             f"adaptive_max_pool1d({x}, 2)", f"max_pool2d({t}.float()[None], 2)",
                             f"avg_pool2d({t}.float()[None], 1, stride=1)", f"glu({t}, {d})", f"logsigmoid({t})",
                             f"prelu({t}, torch.tensor([0.25]))", f"hardshrink({t})", f"softshrink({t}, 0.5)",
                             f"threshold({t}, 0.5, 0.)", f"hardswish({t})", f"hardsigmoid({t})", f"selu({t})",
                             f"celu({t})", f"mish({t})", f"softsign({t})", f"tanhshrink({t})", f"relu6({t})",
                             f"softmin({t}, dim=-1)", f"huber_loss({t}, {u})", f"kl_div({t}, {u}, reduction='batchmean')",
                             f"pairwise_distance({t}, {u})", f"nll_loss({t}.log_softmax(-1), torch.tensor([0]))",
                             f"cross_entropy({t}, torch.tensor([0]), label_smoothing=0.1)",
                             f"margin_ranking_loss({t}, {u}, torch.ones_like({t}))",
                             f"cosine_embedding_loss({t}, {u}, torch.ones(1))", f"elu({t}, alpha=0.5)",
                             f"embedding(torch.tensor([0, 1]), {t})", f"normalize({t}, p=1, dim=0)"])
            return rng.choice([f"{n} = {F}.{fn}", f"{n} = {F}.{fn}\n{n}.sum().backward()\nprint({t}.grad)"])
        if area == "optim":
            opt = rng.choice(["Adamax", "NAdam", "RAdam", "ASGD", "Rprop", "Adadelta", "SGD"])
            return rng.choice([
                f"opt = torch.optim.{opt}([{leaf}], lr=0.1)\nfor _ in range(2):\n    opt.zero_grad()\n"
                f"    ({leaf} * {leaf}).sum().backward()\n    opt.step()\nprint({leaf}, {leaf}._version)",
                f"opt = torch.optim.SGD([{leaf}], lr=0.1)\nsch = torch.optim.lr_scheduler.StepLR(opt, 1, gamma=0.5)\n"
                f"for _ in range(2):\n    opt.zero_grad()\n    ({leaf} * {leaf}).sum().backward()\n    opt.step()\n"
                f"    sch.step()\nprint({leaf}, sch.get_last_lr(), opt.state_dict()['param_groups'][0]['lr'])"])
        return rng.choice([f"{n} = copy.deepcopy({t})\nprint({n}.requires_grad, {n}.is_leaf, {n}.grad_fn, {n}._version)",
                           f"{n} = copy.deepcopy([{t}, {t}])\nprint({n}[0] is {n}[1], {n}[0])",
                           f"{n} = copy.copy({t})\nprint({n}.data_ptr() == {t}.data_ptr(), {n}.requires_grad)",
                           f"{n} = copy.deepcopy({t}[0:])\nprint({n}._is_view(), {n})"])

    def wide(self):
        """The eighth round's widening, one area then one of its forms: a Python number or 0-dim tensor where a
        tensor is expected, every dtype's conversions, views of views (of leaves, under no_grad) written through,
        the creation functions' out=, keyword spellings, 4-D and 5-D layouts through cat/stack/to/clone, 0-dim and
        empty tensors, rounding modes, float16 reductions and losses of any dtype."""
        rng, t, u = self.rng, self.pick(), self.pick()
        if t is None:
            return self.create()
        n, o, o2, d = self.new(), self.number(), self.number(), self.dim(t)
        zt = f"torch.tensor({self.scalar_value(rng.choice(DTYPES))})"
        area = rng.choice(["scalars", "dtypes", "views", "out", "keywords", "layouts", "empty", "div", "half",
                           "losses"])
        if area == "scalars":
            return rng.choice([
                f"{n} = torch.where({t} > 0, {o}, {o2})", f"{n} = torch.add({o}, {t})", f"{n} = torch.mul({o}, {t})",
                f"{n} = torch.maximum({t}, {zt})", f"{n} = torch.clamp({t}, {u})", f"{n} = {t}.lerp({u}, {zt})",
                f"{n} = torch.eq({t}, {o})", f"{n} = torch.remainder({o}, {t})", f"{n} = torch.pow({o}, {t})",
                f"{n} = torch.bitwise_and({t}, {o})", f"{n} = {t}.masked_fill({t} > 0, {zt})",
                f"{n} = {t}.index_fill(0, torch.tensor([0]), {zt})", f"{n} = torch.full_like({t}, {o})",
                f"{t}.add_({zt})", f"{t}.copy_({zt})", f"{t}.fill_({zt})", f"{t}[0] = {zt}", f"{t}.mul_({zt})",
                f"{n} = {t} + {zt}", f"{n} = {zt} * {t}", f"{n} = torch.atan2({t}, {zt})", f"{n} = {t}.sub({zt}, alpha={o})",
                f"{n} = torch.where({t} > 0, {zt}, {t})", f"{n} = torch.clamp({t}, min={zt}, max={o})"])
        if area == "dtypes":
            dt = rng.choice(DTYPES)
            return rng.choice([
                f"{n} = {t}.to({dt})", f"{n} = {t}.char()", f"{n} = {t}.short()", f"{n} = {t}.byte()",
                f"{n} = torch.tensor({self.values(rng.choice(SHAPES), dt)}, dtype={dt})", f"{n} = {t}.to({dt}) + {u}",
                f"{n} = {t}.type({dt})", f"{n} = torch.ones_like({t}, dtype={dt})", f"{n} = {t}.to({dt}).sum()",
                f"{t}.copy_({t}.to({dt}))", f"{n} = {t}.new_ones(2, dtype={dt})", f"{n} = {t}.to({dt}).tolist()",
                f"{t} += {t}.to({dt})", f"{n} = torch.cat([{t}, {t}.to({dt})])", f"{n} = torch.promote_types({t}.dtype, {dt})"])
        if area == "views":
            return rng.choice([
                f"with torch.no_grad():\n    {n} = {self.view(t)}\n{n}.add_({o})\nprint({t}, {t}._version, {n}._is_view())",
                f"{n} = {self.view(self.view(t))}\n{n}.mul_({o})\nprint({n}.grad_fn, {t}.grad_fn, {t}._version)",
                f"with torch.no_grad():\n    {n} = {self.view(self.view(t))}\nprint({n}.requires_grad, {n}.grad_fn, {n}._base is None)",
                f"{n} = {self.view(t)}\n{n}.zero_()\nprint({t}, {n}._version)",
                f"{n} = {t}.detach()\n{n}.requires_grad_()\n{n}[...] = {o}\nprint({t}, {n}.grad_fn)"])
        if area == "out":
            return rng.choice([
                f"torch.zeros({t}.shape, out={t})", f"torch.ones(*{t}.shape, out={t})",
                f"torch.full({t}.shape, {o}, out={t})", f"torch.manual_seed({rng.randint(0, 9)})\ntorch.randn({t}.shape, out={t})",
                f"torch.manual_seed({rng.randint(0, 9)})\ntorch.rand({t}.shape, out={t})",
                f"torch.empty({t}.shape, out={t})\nprint({t}.shape, {t}._version)",
                f"{n} = torch.arange(4.)\ntorch.arange(4, out={n})\nprint({n}, {n}._version)",
                f"{n} = torch.zeros(3)\ntorch.linspace(0, 1, 3, out={n})\nprint({n})"])
        if area == "keywords":
            return rng.choice([
                f"{n} = torch.sum(input={t}, dim={d})", f"{n} = {t}.sum(dim={d}, keepdim=True)",
                f"{n} = torch.cat(tensors=[{t}, {t}], dim={d})", f"{n} = {t}.transpose(dim0=0, dim1=-1)",
                f"{n} = torch.clamp(input={t}, min={o})", f"{n} = torch.softmax({t}, dim={d}, dtype=torch.float64)",
                f"{n} = {t}.to(dtype=torch.float64)", f"{n} = torch.mul(input={t}, other={o})",
                f"{n} = torch.stack(tensors=({t}, {t}), dim={d})", f"{n} = {t}.flatten(start_dim=0, end_dim=-1)",
                f"{n} = {t}.unsqueeze(dim={d})", f"{n} = torch.where(condition={t} > 0, input={t}, other={o})",
                f"{n} = {t}.max(dim={d}, keepdim=True).values", f"{n} = torch.argmax({t}, dim={d}, keepdim=True)",
                f"{n} = {t}.mean(dim=[{d}], keepdim=False, dtype=torch.float64)", f"{n} = {t}.cumsum(dim={d}, dtype=torch.float64)",
                f"{n} = torch.add({t}, other={o}, alpha={o2})", f"{n} = {t}.norm(p=1, dim={d})", f"{n} = {t}.view(size=(-1,))"])
        if area == "layouts":
            x4 = rng.choice(["torch.arange(24.).reshape(1, 2, 3, 4)", "torch.arange(24.).reshape(1, 3, 4, 2).permute(0, 3, 1, 2)",
                             "torch.arange(24.).reshape(2, 3, 4).permute(2, 0, 1)[None]", "torch.ones(2, 1, 3, 4)",
                             "torch.arange(48.).reshape(1, 2, 3, 4, 2).permute(0, 4, 1, 2, 3)", f"{t}.reshape(1, 1, 1, -1)",
                             "torch.arange(24).reshape(2, 3, 4, 1).permute(0, 3, 1, 2)", "torch.ones(3, 1).expand(2, 3, 4).unsqueeze(0)"])
            f = rng.choice([f"torch.cat([{n}, {n}], {rng.randint(-4, 3)})", f"torch.stack([{n}, {n}], {rng.randint(-5, 4)})",
                            f"{n}.float()", f"{n}.double()", f"{n}.clone()", f"torch.empty_like({n}).fill_(1)", f"{n} * 2",
                            f"{n}.contiguous()", f"{n}.clamp(0.5)", f"{n}.exp()", f"torch.cat([{n}, torch.ones({n}.shape)], 1)",
                            f"{n}.sum(1, keepdim=True)", f"{n}.to(torch.int32)"])
            return f"{n} = {x4}\n{n} = {f}\nprint({n}.shape, {n}.stride(), {n}.is_contiguous())"
        if area == "empty":
            return rng.choice([
                f"{n} = {t}.flatten()[:0]\nprint({n}.sum(), {n}.mean(), {n}.amax(0) if {n}.numel() else None)",
                f"{n} = torch.empty(0, 3).sum({rng.choice([0, 1])})", f"{n} = torch.tensor({o}).expand(3)",
                f"{n} = {t}.reshape(-1)[:0].reshape(0, 1)", f"{n} = torch.zeros(0).max()", f"{n} = torch.tensor({o})[None]",
                f"{n} = torch.tensor({o}).item()", f"{n} = torch.tensor([]).to({rng.choice(DTYPES)}).prod()",
                f"{n} = {t}.new_zeros(()).add_({o})", f"{n} = torch.stack([torch.tensor({o}), torch.tensor({o2})])"])
        if area == "div":
            mode = rng.choice(["None", "'floor'", "'trunc'"])
            return rng.choice([
                f"{n} = torch.div({t}, {self.operand(t)}, rounding_mode={mode})", f"{n} = {t}.div({o}, rounding_mode={mode})",
                f"{t}.div_({self.operand(t)}, rounding_mode={mode})", f"{n} = {t}.divide(other={o}, rounding_mode={mode})",
                f"{n} = torch.div({t}, {self.operand(t)}, rounding_mode={mode})\nprint({n}.grad_fn, {n}.grad_fn._saved_rounding_mode)"])
        if area == "half":
            return rng.choice([f"{n} = {t}.half().mean()", f"{n} = {t}.half().mean({d})", f"{n} = {t}.half().sum()",
                               f"{n} = {t}.half().std()", f"{n} = {t}.half().var({d})", f"{n} = {t}.half().norm()",
                               f"{n} = {t}.half().cumsum({d})", f"{n} = {t}.half().softmax({d})", f"{n} = {t}.half().prod()"])
        F = "torch.nn.functional"
        loss = rng.choice(["mse_loss", "l1_loss", "smooth_l1_loss", "huber_loss", "soft_margin_loss",
                           "binary_cross_entropy_with_logits", "binary_cross_entropy", "kl_div", "poisson_nll_loss"])
        red = rng.choice(["", ", reduction='sum'", ", reduction='none'"])
        return rng.choice([f"{n} = {F}.{loss}({t}, {u}{red})", f"{n} = {F}.{loss}({t}, {t}.to({rng.choice(DTYPES)}){red})",
                           f"{n} = {F}.margin_ranking_loss({t}, {u}, {t}{red})"])

    def precise(self):
        """The twelfth round's areas, printed to the last bit (tolist): a number where a tensor is expected beside
        float64, float16 and integer tensors, add/sub's alpha over dtype mixes, scalars and columns (and its overflow
        checks), torch.poisson, per-sample weighted losses."""
        rng, t, u = self.rng, self.pick(), self.pick()
        if t is None:
            return self.create()
        n, o, o2 = self.new(), self.number(), self.number()
        dt = rng.choice(DTYPES)
        col = f"{t}.reshape({t}.shape[0] if {t}.dim() else 1, -1)"
        area = rng.choice(["wrapped", "alpha", "poisson", "weighted"])
        if area == "wrapped":
            f = rng.choice(["add", "sub", "mul", "div", "floor_divide", "true_divide"])
            return rng.choice([f"{n} = torch.{f}({o}, {t}.to({dt}))\nprint({n}.dtype, {n}.tolist())",
                               f"{n} = torch.{f}({o}, {t})\nprint({n}.grad_fn, getattr({n}.grad_fn, '_saved_self', None))",
                               f"{n} = torch.tensor({o}, dtype={dt}) * {t}.to({dt})\nprint({n}.tolist())"])
        if area == "alpha":
            a = rng.choice([o, rng.choice([2, -3, 300, -255, 70000, 1e5])])
            return rng.choice([f"{n} = torch.add({t}, {u}.to({dt}), alpha={a})\nprint({n}.tolist())",
                               f"{n} = torch.sub({t}.to({dt}), {o2}, alpha={a})\nprint({n}.tolist())",
                               f"{n} = {t}.clone().add_({u}, alpha={a})\nprint({n}.tolist())",
                               f"{n} = {col}\n{n} = torch.add({n}, {n}[:, :1], alpha={a})\nprint({n}.tolist())",
                               f"{n} = torch.sub({o2}, {t}, alpha={a})\nprint({n}.grad_fn, {n}.tolist())"])
        if area == "poisson":
            return f"torch.manual_seed({rng.randint(0, 9)})\n{n} = torch.poisson({t}.abs() * {rng.choice([1, 4, 12, 40])})"
        F = "torch.nn.functional"
        loss = rng.choice(["mse_loss", "l1_loss", "huber_loss"])
        red = rng.choice(["", ", reduction='sum'", ", reduction='none'"])
        return f"{n} = {F}.{loss}({t}, {u}, weight={u}.detach().abs() + 0.25{red})"

    def surface(self):
        """The fourteenth round's areas: positional flags (unique/unique_consecutive's dispatch), a number where
        to() takes a tensor, negative sizes, grad_dtype on leaves, in-place ops on outputs of split/chunk/unbind
        after their base changed, the forms of setitem (True/False/None/0-dim index, a 0-dim value into an integer
        tensor), histc/histogram over dtypes, in-place division of bool/integer tensors."""
        rng, t, u = self.rng, self.pick(), self.pick()
        if t is None:
            return self.create()
        leaf = self.pick(lambda v: v.is_leaf and v.requires_grad)
        n, o, d = self.new(), self.number(), self.dim(t)
        flag = lambda: rng.choice(["True", "False"])  # noqa: E731
        area = rng.choice(["flags", "to", "sizes", "grad_dtype", "multiview", "setitem", "histogram", "division"])
        if area == "flags":
            return rng.choice([f"{n} = torch.unique_consecutive({t}, {flag()}, {flag()})",
                               f"{n} = torch.unique_consecutive({t}, {flag()}, {flag()}, {d})",
                               f"{n} = {t}.unique_consecutive({flag()}, return_counts={flag()})",
                               f"{n} = torch.unique({t}, {flag()}, {flag()}, {flag()})", f"{n} = {t}.unique(return_inverse=True, dim={d})"])
        if area == "to":
            return rng.choice([f"{n} = {t}.to({o})", f"{n} = {t}.to({rng.choice(['True', '0', '1.5'])}, {flag()})",
                               f"{n} = {t}.to({u}, {flag()})", f"{n} = {t}.to(None)", f"{n} = {t}.to({rng.choice(DTYPES)}, copy=True)"])
        if area == "sizes":
            return rng.choice([f"{n} = {t}.expand({rng.choice(['-1', '-2', '2, -1', '-2, -1', '3, -3'])})",
                               f"{n} = {t}.broadcast_to(({rng.choice(['-1', '2, -1', '-3'])},))",
                               f"{n} = {t}.new_zeros({rng.choice(['-1', '(2, -2)', '0'])})", f"{n} = {t}.view({rng.choice(['-1, -1', '-2', '0, -1'])})"])
        if area == "grad_dtype":
            target = leaf or t
            return rng.choice([f"{target}.grad_dtype = {rng.choice(['torch.float64', 'torch.float16', 'None', 'torch.int64'])}",
                               f"print({target}.grad_dtype)", f"{target}.grad = None\n{target}.grad_dtype = torch.float64",
                               f"({target} * 2).sum().backward()\nprint({target}.grad)"])
        if area == "multiview":
            op = rng.choice(["mul_(2)", "add_(1)", "zero_()", "cumsum_(0)", "clamp_(0)", "copysign_(-1.)", "logical_not_()",
                             "fill_(1.)", "masked_fill_(torch.tensor(True), 0.)", "t_()"])
            split = rng.choice(["split(1)", "chunk(2)", "unbind()", "split(1, -1)"])
            return rng.choice([f"{n} = ({t} * 1).{split}\n{n}[0].{op}",
                               f"{n} = {t} * 1\n{n}b = {n}.{split}[0]\n{n}.mul_(2)\n{n}b.{op}",
                               f"{n} = {t}.{split}[-1]\nprint({n}.grad_fn)\n{n}.{op}"])
        if area == "setitem":
            idx = rng.choice(["True", "False", "None", "...", "torch.tensor(0)", "..., None", "1:", "::2", "0", f"{t} > 0"])
            val = rng.choice([o, f"torch.tensor({o}, requires_grad=True) * 2", f"{u}", f"{u}.sum()"])
            return f"{t}[{idx}] = {val}\nprint({t}.requires_grad, {t}.grad_fn, {t}._version)"
        if area == "histogram":
            dt = rng.choice(DTYPES)
            return rng.choice([f"{n} = torch.histc({t}.to({dt}), bins={rng.choice([0, 3, -1])})",
                               f"{n} = torch.histogram({t}.to({dt}), bins=3)",
                               f"{n} = torch.histogram({t}.to({dt}), bins=torch.tensor([0., 1., 2.]).to({dt}))",
                               f"{n} = torch.bincount({t}.to({dt}).flatten())", f"{n} = torch.histc({t}.float(), 4, min=-1, max=1)"])
        op = rng.choice(["floor_divide_", "remainder_", "fmod_"])
        return rng.choice([f"{t}.{rng.choice(['bool()', 'long()', 'to(torch.uint8)'])}.{op}({rng.choice(['0', '2', o, 'torch.tensor(0)'])})",
                           f"{n} = {t}.bool()\n{n} //= {rng.choice(['0', '2', 'True'])}",
                           f"{n} = {t}.long().div_({rng.choice(['0', '2'])}, rounding_mode={rng.choice([repr('floor'), repr('trunc')])})"])

    def forum(self):
        """What forum programs do that the other families never drew, one area then one of its forms: a tensor or
        its item formatted (f-strings, format specs, int/float/bool/str, one-element conversions refused), iterated
        (for row in t, list, enumerate), asked its device and type (torch.cuda.is_available(), torch.device, .to
        and .cpu, .type(), element_size, nbytes), complex tensors (arithmetic, abs/angle/real/imag, a gradient through
        abs), a copy construction (torch.tensor of a tensor and new_tensor warn, as_tensor, Parameter), a module
        (nn.Linear, Sequential, a Module subclass with a Parameter: named_parameters, zero_grad, clip_grad_norm_),
        a manual SGD step through .data or no_grad with grad.zero_(), torch.func/autograd.functional, print options
        and the default dtype changed and put back, boolean-mask writes and single-argument where, bfloat16."""
        rng, t, u = self.rng, self.pick(), self.pick()
        if t is None:
            return self.create()
        leaf = self.pick(lambda v: v.is_leaf and v.requires_grad)
        n, o, d = self.new(), self.number(), self.dim(t)
        area = rng.choice(["format", "iterate", "device", "complex", "copies", "module", "sgd", "func", "printing",
                           "masks", "bfloat16"])
        if area == "format":
            spec = rng.choice([".4f", ".2e", "", ".3g", ">8.2f", "+.1f"])
            return rng.choice([f"print(f'{{{t}.sum().item():{spec}}}', f'{{{t}.float().mean():{spec}}}')",
                               f"print(format({t}.sum(), '{spec}'), '{{}}'.format({t}.max()))",
                               f"print(int({t}), float({t}), bool({t}), complex({t}))",
                               f"print(int({t}.sum()), float({t}.float().mean()), bool({t}.any()))",
                               f"print(str({t}), repr({t}.detach()), {t}.item() if {t}.numel() == 1 else {t}.numel())",
                               f"print(round({t}.float().sum().item(), 2), {t}.sum().tolist(), {t}.float().norm().item())",
                               f"print('%.3f' % {t}.float().sum(), '{{:.2f}}'.format({t}.float().mean().item()))"])
        if area == "iterate":
            return rng.choice([f"for {n} in {t}:\n    print({n}, {n}.shape, {n}._is_view(), {n}.grad_fn)",
                               f"print(list({t}), [x.tolist() for x in {t}.detach()])",
                               f"for i, {n} in enumerate({t}.unbind(0)):\n    print(i, {n}.sum())",
                               f"print(sum({t}), max({t}.flatten().tolist(), default=None), len({t}))",
                               f"print(*{t}.shape, {t}.size(), {t}.size({d}), tuple({t}.shape), list({t}.size()))"])
        if area == "device":
            return rng.choice([
                "device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')\n"
                f"{n} = {t}.to(device)\nprint(device, {n}.device, {n} is {t}, {t}.cpu() is {t}, {t}.is_cuda)",
                f"print({t}.type(), {t}.is_floating_point(), {t}.is_complex(), torch.is_tensor({t}), {t}.element_size(), "
                f"{t}.nbytes, {t}.itemsize, torch.is_floating_point({t}))",
                f"print(torch.finfo({t}.dtype) if {t}.is_floating_point() else torch.iinfo({t}.dtype) if {t}.dtype != "
                f"torch.bool else None)", f"{n} = {t}.to('cpu', torch.float64)\nprint({n}.dtype, {n}.grad_fn)",
                f"{n} = {t}.to(device='cpu', dtype={rng.choice(DTYPES)}, non_blocking=True)\nprint({n}, {n} is {t})"])
        if area == "complex":
            c = rng.choice([f"torch.complex({t}.float(), {t}.float() * 0.5)", f"{t}.to(torch.complex64)",
                            f"({t} * 1j)", f"torch.tensor([1 + 2j, -0.5j, 3])", f"{t}.to(torch.complex128)",
                            f"torch.polar(torch.ones_like({t}.float()), {t}.float())"])
            f = rng.choice(["abs()", "angle()", "real", "imag", "conj()", "exp()", "sqrt()", "sum()", "mean()",
                            "reciprocal()", "sigmoid()", "log()", "pow(2)", "norm()", "prod()", "sgn()", "tanh()",
                            "conj().resolve_conj()", "is_conj()", "to(torch.float32)", "isreal()", "cumsum(0)",
                            "t()", f"mul({o})", f"add({u})", f"div({t})", "flip(0)", "view(torch.float32)"])
            return rng.choice([f"{n} = {c}\nprint({n}, {n}.dtype)", f"{n} = {c}.{f}\nprint({n})",
                               f"{n} = {c}\n{n}.abs().sum().backward()\nprint({t}.grad)",
                               f"{n} = torch.view_as_real({c})\nprint({n}, {n}.shape)"])
        if area == "copies":
            return rng.choice([f"{n} = torch.tensor({t})\nprint({n}, {n}.requires_grad)",
                               f"{n} = {t}.new_tensor({t})", f"{n} = torch.as_tensor({t})\nprint({n} is {t})",
                               f"{n} = torch.as_tensor({t}, dtype={rng.choice(DTYPES)})\nprint({n}, {n} is {t})",
                               f"{n} = torch.nn.Parameter({t})\nprint({n}, {n}.grad_fn, {n}.is_leaf)",
                               f"{n} = torch.nn.Parameter({t}.detach().clone(), requires_grad=False)\nprint(repr({n}))",
                               f"{n} = {t}.clone().detach()\nprint({n}.requires_grad, {n}.is_leaf, {n}._version)",
                               f"{n} = {t}.detach().clone().requires_grad_()\nprint({n}, {n}.is_leaf)",
                               f"{n} = torch.tensor([{t}.sum().item(), 1.0], requires_grad=True)\nprint({n})"])
        if area == "module":
            k = rng.choice([1, 2, 3])
            x = f"{t}.float().reshape(-1, {t}.shape[-1] if {t}.dim() else 1)"
            return rng.choice([
                f"torch.manual_seed({rng.randint(0, 9)})\nnet = torch.nn.Sequential(torch.nn.Linear({x}.shape[-1], {k}), "
                f"torch.nn.{rng.choice(['ReLU', 'Tanh', 'Sigmoid', 'GELU'])}())\n{n} = net({x})\nprint(net, {n})\n"
                f"{n}.sum().backward()\nfor name, p in net.named_parameters():\n    print(name, p.grad)",
                f"torch.manual_seed({rng.randint(0, 9)})\nlin = torch.nn.Linear({x}.shape[-1], {k}, bias={rng.choice(['True', 'False'])})\n"
                f"{n} = lin({x}).pow(2).mean()\n{n}.backward()\n"
                f"print({n}, torch.nn.utils.clip_grad_norm_(lin.parameters(), {rng.choice(['0.1', '1.0', '10'])}), lin.weight.grad)\n"
                f"lin.zero_grad()\nprint(lin.weight.grad, sum(p.numel() for p in lin.parameters()))",
                "class M(torch.nn.Module):\n    def __init__(self):\n        super().__init__()\n"
                f"        self.w = torch.nn.Parameter(torch.tensor({o}))\n    def forward(self, x):\n"
                f"        return x * self.w\nm = M()\n{n} = m({t})\nprint(m, {n})\n"
                f"{n}.sum().backward()\nprint(m.w.grad, list(m.state_dict().items()))"])
        if area == "sgd":
            p = leaf or t
            lr = rng.choice(["0.1", "0.5", "1e-2"])
            return rng.choice([
                f"for _ in range(2):\n    {n} = ({p} * {p}).sum()\n    {n}.backward()\n    with torch.no_grad():\n"
                f"        {p} -= {lr} * {p}.grad\n    {p}.grad.zero_()\n    print({n}.item(), {p}, {p}._version)",
                f"{n} = ({p} - {o}).pow(2).mean()\n{n}.backward()\n{p}.data -= {lr} * {p}.grad.data\n"
                f"{p}.grad.data.zero_()\nprint({p}, {p}.grad, {p}._version, {p}.data._version)",
                f"{n} = {p}.exp().sum()\n{n}.backward()\n{p}.data.sub_({p}.grad, alpha={lr})\n{p}.grad = None\n"
                f"print({p}, {p}.grad)"])
        if area == "func":
            f = rng.choice(["x ** 2", "x.sin()", "x.exp().sum()", "(x * x).sum()", "x.relu()", "x.softmax(0)",
                            "x.cumsum(0)", "x.tanh().mean()"])
            x = f"{t}.float().flatten()[:3]"
            return rng.choice([f"print(torch.autograd.functional.jacobian(lambda x: {f}, {x}))",
                               f"print(torch.autograd.functional.hessian(lambda x: ({f}).sum(), {x}))",
                               f"print(torch.func.grad(lambda x: ({f}).sum())({x}))",
                               f"print(torch.func.vmap(lambda x: {f})({t}.detach().float().reshape(-1, 1)))",  # (a vmapped graph: FIDELITY.md)
                               f"print(torch.autograd.functional.vjp(lambda x: {f}, {x}, torch.ones_like({f.replace('x', x)})))",
                               f"print(torch.func.jacrev(lambda x: {f})({x}))"])
        if area == "printing":
            opts = rng.choice(["precision=2", "sci_mode=False", "sci_mode=True", "precision=6, linewidth=40",
                               "threshold=3, edgeitems=1", "profile='short'", "profile='full'", "precision=1, sci_mode=False"])
            return f"torch.set_printoptions({opts})\nprint({t}, {t} * {o}, {t}.float() / 3)\ntorch.set_printoptions(profile='default')"
        if area == "masks":
            return rng.choice([f"{t}[{t} > 0] += {o}\nprint({t}, {t}._version)", f"{t}[{t} < 0] *= {o}",
                               f"{t}[{t} == {t}.max()] = {o}\nprint({t}, {t}.grad_fn)", f"print(torch.where({t} > 0))",
                               f"print(torch.nonzero({t}, as_tuple=True), ({t} > 0).nonzero())",
                               f"{n} = {t}.clone()\n{n}[{n} != {n}] = 0\nprint({n})", f"{n} = {t}[:, None] - {t}[None, :]",
                               f"{n} = {t}[{t}.abs() > {o}]\nprint({n}, {n}.shape, {n}.grad_fn)"])
        dt = rng.choice(["bfloat16()", "to(torch.bfloat16)", "half()"])
        return rng.choice([f"{n} = {t}.{dt}\nprint({n}, {n} * {o}, {n}.sum(), {n}.float())",
                           f"{n} = {t}.{dt} + {u}\nprint({n}, {n}.dtype)", f"{n} = {t}.{dt}.mean()",
                           f"{n} = ({t}.{dt} @ {t}.{dt}.mT) if {t}.dim() == 2 else {t}.{dt}.cumsum(0)\nprint({n})",
                           f"{n} = {t}.{dt}.softmax(-1)", f"{n} = {t}.{dt}.exp().tolist()\nprint({n})"])

    def networks(self):
        """What forum programs build that the other families never drew: nn layers beyond Linear (Conv1d/2d, pooling,
        Embedding, RNN/LSTM/GRU, BatchNorm1d and LayerNorm in train and eval mode, Dropout), loss modules
        (CrossEntropyLoss with targets, MSELoss, BCEWithLogitsLoss), optimizer steps (SGD with momentum, Adam, AdamW,
        zero_grad), distributions (Normal, Categorical, Bernoulli: log_prob, entropy, a seeded sample) and
        linear algebra (svdvals, pinv, solve, det, inv, cholesky, matrix_norm, eigvalsh of a symmetric matrix)."""
        rng, t = self.rng, self.pick()
        if t is None:
            return self.create()
        n, seed = self.new(), f"torch.manual_seed({rng.randint(0, 9)})\n"
        x = f"{t}.detach().float().reshape(1, 1, -1)"  # (a batch of one sequence of one channel)
        m = f"{t}.detach().float().reshape(-1, {t}.shape[-1] if {t}.dim() and {t}.shape[-1] else 1)"
        area = rng.choice(["conv", "embedding", "recurrent", "norm", "loss", "optim", "distributions", "linalg"])
        if area == "conv":
            k = rng.choice([1, 2, 3])
            return rng.choice([
                f"{seed}conv = torch.nn.Conv1d(1, 2, {k}, padding={rng.choice(['0', '1', repr('same')])})\n{n} = conv({x})\n"
                f"print({n}, {n}.shape, {n}.grad_fn)",
                f"{seed}conv = torch.nn.Conv2d(1, 2, {k}, stride={rng.choice([1, 2])})\n{n} = conv({x}.unsqueeze(0))\n"
                f"{n}.sum().backward()\nprint({n}.shape, conv.weight.grad.shape, conv.bias.grad)",
                f"{n} = torch.nn.{rng.choice(['MaxPool1d', 'AvgPool1d'])}({k})({x})\nprint({n})",
                f"{n} = torch.nn.functional.adaptive_avg_pool1d({x}, {k})\nprint({n})"])
        if area == "embedding":
            return f"{seed}emb = torch.nn.Embedding(5, {rng.choice([2, 3])}{rng.choice(['', ', padding_idx=0', ', max_norm=1.0'])})\n" \
                   f"{n} = emb({t}.detach().long().abs().clamp(max=4))\nprint({n}, {n}.shape)\n" \
                   f"{n}.sum().backward()\nprint(emb.weight.grad)"
        if area == "recurrent":
            cell = rng.choice(["RNN", "LSTM", "GRU"])
            first = rng.choice(["True", "False"])
            return f"{seed}rnn = torch.nn.{cell}(1, 2, batch_first={first})\n{n}, h = rnn({t}.detach().float().reshape(1, -1, 1))\n" \
                   f"print({n}.shape, {n}.grad_fn.name(), h[0].shape if isinstance(h, tuple) else h.shape)\nprint({n})"
        if area == "norm":
            layer = rng.choice([f"BatchNorm1d({m}.shape[-1])", f"LayerNorm({m}.shape[-1])", "Dropout(0.5)"])
            mode = rng.choice(["train()", "eval()"])
            return f"{seed}layer = torch.nn.{layer}\nlayer.{mode}\n{n} = layer({m})\nprint({n}, layer.training)\n" \
                   f"print([b for b in layer.buffers()])"
        if area == "loss":
            loss = rng.choice([f"CrossEntropyLoss({rng.choice(['', 'label_smoothing=0.1', 'reduction=' + repr('sum')])})",
                               "MSELoss()", "BCEWithLogitsLoss()", "NLLLoss()", "L1Loss()", "SmoothL1Loss()"])
            target = f"torch.zeros({m}.shape[0], dtype=torch.long)" if "CrossEntropy" in loss or "NLL" in loss \
                else f"torch.ones_like({m})"
            return f"{n} = torch.nn.{loss}({m}, {target})\nprint({n}, {n}.grad_fn)"
        if area == "optim":
            opt = rng.choice(["SGD([w], lr=0.1, momentum=0.9)", "Adam([w], lr=0.1)", "AdamW([w], lr=0.01)",
                              "SGD([w], lr=0.5, weight_decay=0.1)", "RMSprop([w], lr=0.01)"])
            return f"w = {t}.detach().float().clone().requires_grad_()\nopt = torch.optim.{opt}\nfor _ in range(2):\n" \
                   f"    opt.zero_grad()\n    ((w - 1) ** 2).sum().backward()\n    opt.step()\n    print(w, w.grad)"
        if area == "distributions":
            D = "torch.distributions"
            p = f"{t}.detach().float().flatten().sigmoid()"
            return rng.choice([f"{n} = {D}.Normal({t}.detach().float(), 1.0)\nprint({n}.log_prob({t}.detach().float()), {n}.entropy())",
                               f"{seed}{n} = {D}.Normal(0.0, {rng.choice(['1.0', '0.5'])}).sample(({rng.choice([2, 3])},))\nprint({n})",
                               f"{seed}{n} = {D}.Categorical(probs={p} + 0.1)\nprint({n}.sample(), {n}.log_prob(torch.tensor(0)), {n}.entropy())",
                               f"{n} = {D}.Bernoulli(probs={p})\nprint({n}.log_prob(torch.ones_like({p})), {n}.mean)"])
        # (symmetric positive definite, its eigenvalues distinct more often than with the identity added: repeated
        # ones leave LAPACK's choice of eigenvectors and last bits, a known gap, to every program)
        A = f"({m}.mT @ {m} + torch.diag(torch.arange(1., {m}.shape[-1] + 1)))"
        return rng.choice([f"print(torch.linalg.svdvals({m}))", f"print(torch.linalg.pinv({m}))",
                           f"print(torch.linalg.det({A}), torch.linalg.inv({A}))", f"print(torch.linalg.cholesky({A}))",
                           f"print(torch.linalg.solve({A}, torch.ones({A}.shape[0])))", f"print(torch.linalg.eigvalsh({A}))",
                           f"print(torch.linalg.matrix_norm({m}), torch.linalg.norm({m}, {rng.choice(NORM_ORDS)}))",
                           f"print(torch.linalg.matrix_rank({m}), torch.det({m}) if {m}.shape[0] == {m}.shape[1] else None)"])

    def indexing(self):
        """What forum programs index with and no other family drew: lists and index tensors (pairs, a column list,
        duplicates, negatives), writes through them (setitem, +=, index_put_ with accumulate), scatter_add/
        scatter_reduce and index_add with in-range indices, take_along_dim of an argsort, searchsorted/bucketize of
        sorted values, bincount, gradients through an advanced index, and torch.nn.init's fills (seeded)."""
        rng, t, u = self.rng, self.pick(), self.pick()
        if t is None:
            return self.create()
        n, d, o = self.new(), self.dim(t), self.number()
        flat = f"{t}.flatten()"
        idx = f"({flat}.long().abs() % 3)"  # (in range for a length-3 target)
        area = rng.choice(["read", "write", "scatter", "search", "grad", "init"])
        if area == "read":
            return rng.choice([f"{n} = {t}[[0, -1]]", f"{n} = {t}[[0, 0, 1]]", f"{n} = {t}[[0, 1], [1, 0]]",
                               f"{n} = {t}[:, [0, -1]]", f"{n} = {t}[..., [0, 0]]", f"{n} = {t}[torch.tensor([[0], [-1]])]",
                               f"{n} = {t}[[0], None]", f"{n} = {flat}[{flat}.argsort(descending=True)[:2]]",
                               f"{n} = {t}[{t}.sum({d}) > 0] if {t}.dim() else {t}"])
        if area == "write":
            val = rng.choice([o, f"torch.tensor({o})", f"{u}.sum()"])
            return rng.choice([f"{t}[[0, 0]] = {val}", f"{t}[[0, -1]] += {o}", f"{t}[:, [0]] = {val}",
                               f"{t}[[0, 1], [1, 0]] = {val}", f"{t}[torch.tensor([0, 0])] *= {o}",
                               f"{t}.index_put_((torch.tensor([0, 0]),), torch.tensor({o}).to({t}.dtype), accumulate=True)",
                               f"{t}.index_put_(({t} > 0).nonzero(as_tuple=True), torch.tensor({o}).to({t}.dtype))"])
        if area == "scatter":
            red = rng.choice(["'sum'", "'prod'", "'mean'", "'amax'", "'amin'"])
            return rng.choice([f"{n} = torch.zeros(3, dtype={t}.dtype).scatter_add(0, {idx}, {flat})",
                               f"{n} = torch.ones(3, dtype={t}.dtype).scatter_reduce(0, {idx}, {flat}, reduce={red}, "
                               f"include_self={rng.choice(['True', 'False'])})",
                               f"{n} = torch.zeros(3, dtype={t}.dtype).index_add(0, {idx}, {flat}, alpha={rng.choice([1, 2])})",
                               f"{n} = torch.zeros(3, {flat}.numel(), dtype={t}.dtype).scatter_(0, {idx}[None], {flat}[None])",
                               f"{n} = torch.bincount({idx}, weights={rng.choice(['None', flat + '.float()'])}, minlength=3)",
                               f"{n} = torch.take_along_dim({t}, {t}.argsort(dim={d}), dim={d})",
                               f"{n} = {t}.gather({d}, {t}.argsort(dim={d}, descending=True))"])
        if area == "search":
            return rng.choice([f"{n} = torch.searchsorted({flat}.sort().values, {u}, right={rng.choice(['True', 'False'])})",
                               f"{n} = torch.bucketize({u}, {flat}.sort().values, right={rng.choice(['True', 'False'])})",
                               f"{n} = torch.searchsorted({flat}.sort().values, {o})",
                               f"{n} = torch.isin({t}, {u})", f"{n} = {flat}.unique(sorted=True, return_counts=True)"])
        if area == "grad":
            return rng.choice([f"{n} = {t}[[0, 0]]\n{n}.sum().backward()\nprint({t}.grad, {n}.grad_fn)",
                               f"{n} = {t} * 1\n{n}[[0]] = {o}\n{n}.sum().backward()\nprint({t}.grad, {n}.grad_fn)",
                               f"{n} = torch.zeros(3).scatter_add(0, {idx}, {flat})\n{n}.sum().backward()\nprint({t}.grad)",
                               f"{n} = {t}.gather({d}, torch.zeros_like({t}, dtype=torch.long))\n{n}.sum().backward()\nprint({t}.grad)"])
        init = rng.choice(["xavier_uniform_({w})", "xavier_normal_({w}, gain=2.0)", "kaiming_uniform_({w}, a=0.1)",
                           "kaiming_normal_({w}, mode='fan_out', nonlinearity='relu')", "uniform_({w}, -0.1, 0.1)",
                           "normal_({w}, std=0.02)", "zeros_({w})", "ones_({w})", "constant_({w}, 0.5)",
                           "trunc_normal_({w}, std=0.5)", "orthogonal_({w})", "eye_({w})"])
        w = f"{t}" if rng.random() < 0.5 else f"{t}.detach()"
        return f"torch.manual_seed({rng.randint(0, 9)})\n{n} = torch.nn.init.{init.format(w=w)}\nprint({n}, {n} is {t})"

    def composites(self):
        """What forum programs compose that only the api family drew (and with arguments made at random, rarely
        valid): tensordot/kron/cdist/inner/addmv/baddbmm, cartesian_prod/combinations/tril_indices, diag_embed/
        block_diag/rot90/vander, interpolate/unfold/fold/pixel_shuffle, std_mean/var_mean/aminmax/quantile/cov/
        corrcoef, cross/trapezoid, masked_scatter/take/argwhere/split by sizes, frexp/ldexp/gcd/heaviside, and the
        Python around them (a @torch.no_grad() function, a DataLoader over a TensorDataset, a state_dict round trip,
        a module's forward hook, torch.save/load through a buffer, comprehensions over rows), sometimes followed by
        a backward pass and the gradient."""
        rng, t, u = self.rng, self.pick(), self.pick()
        if t is None:
            return self.create()
        n, d, o = self.new(), self.dim(t), self.number()
        flat, uflat = f"{t}.flatten()", f"{u}.flatten()"
        m = f"{t}.reshape({t}.shape[0] if {t}.dim() else 1, -1)"  # (a matrix of the tensor's values)
        img = f"{t}.float().reshape(1, 1, -1, {t}.shape[-1] if {t}.dim() and {t}.shape[-1] else 1)"
        area = rng.choice(["products", "combinatorics", "layouts", "statistics", "geometry", "selection", "numbers",
                           "python", "large"])
        if area == "large":  # (more than the 1000 elements printing shows in full: summarized with '...')
            size = rng.choice(["40, 30", "1001", "3, 400", "2, 600, 1", "34, 34"])
            make = rng.choice([f"torch.randn({size})", f"torch.rand({size}, dtype=torch.float64) * 1000",
                               f"torch.randint(-50, 50, ({size},))", f"torch.randn({size}).half()",
                               f"torch.arange(1200.).reshape({rng.choice(['-1', '30, 40', '2, -1, 3'])})"])
            grad = rng.choice(["", ".requires_grad_()"]) if "randn(" in make and "half" not in make else ""
            return f"torch.manual_seed({rng.randint(0, 9)})\n{n} = {make}{grad}\nprint({n}{rng.choice(['', ' * 2', '.exp()', ' > 0', '.T', '[::3]'])})"
        if area == "products":
            call = rng.choice([f"torch.tensordot({t}, {u}, dims={rng.choice([0, 1, 2])})",
                               f"torch.tensordot({t}, {t}, dims=([0], [0]))", f"torch.kron({t}, {u})",
                               f"torch.cdist({m}.float(), {m}.float(), p={rng.choice(NORM_ORDS[1:2] + ['2.0', '1.0', '0.0', '3'])})",
                               f"torch.inner({t}, {u})", f"torch.addmv({flat}[:{m}.shape[0]], {m}, {u}.flatten(), beta={o}, alpha={rng.choice([1, 2, 0.5])})",
                               f"torch.baddbmm({m}[None], {m}[None], {m}.mT[None], alpha={rng.choice([1, 0.5])})",
                               f"torch.addr({m}, {m}[:, 0], {m}[0])", f"torch.linalg.multi_dot([{m}, {m}.mT, {m}])",
                               f"torch.linalg.vecdot({t}, {u})", f"torch.chain_matmul({m}, {m}.mT)"])
        elif area == "combinatorics":
            k = rng.choice([1, 2, 3])
            call = rng.choice([f"torch.cartesian_prod({flat}[:3], {uflat}[:2])", f"torch.cartesian_prod({flat})",
                               f"torch.combinations({flat}[:4], {k}, with_replacement={rng.choice(['True', 'False'])})",
                               f"{m}[tuple(torch.tril_indices({m}.shape[0], {m}.shape[1], {rng.choice([0, -1, 1])}))]",
                               f"{m}[torch.triu_indices(*{m}.shape, {rng.choice([0, 1])}).unbind()]",
                               f"torch.meshgrid({flat}[:2], {uflat}[:3], indexing='xy')[1]",
                               f"torch.vander({flat}[:4], N={rng.choice([2, 3, 'None'])}, increasing={rng.choice(['True', 'False'])})"])
        elif area == "layouts":
            call = rng.choice([f"torch.diag_embed({t}, offset={rng.choice([0, 1, -1])})", f"torch.block_diag({t}, {u})",
                               f"torch.rot90({t}, {rng.choice([1, 2, 3, -1])}, {rng.choice(['[0, 1]', '(1, 0)', '[0, -1]'])})",
                               f"torch.diagflat({t}, {rng.choice([0, 1, -2])})", f"torch.flipud({t})", f"torch.fliplr({t})",
                               f"torch.roll({t}, shifts=({rng.choice([1, -1, 2])},), dims=({d},))",
                               f"torch.nn.functional.interpolate({img}, scale_factor={rng.choice([2, 1.5, 0.5])}, "
                               f"mode={rng.choice([repr('nearest'), repr('bilinear'), repr('bicubic'), repr('nearest-exact')])})",
                               f"torch.nn.functional.interpolate({img}[0], size={rng.choice([2, 5])}, mode='linear', "
                               f"align_corners={rng.choice(['True', 'False'])})",
                               f"torch.nn.functional.unfold({img}, {rng.choice([1, 2])}, padding={rng.choice([0, 1])})",
                               f"torch.nn.functional.pixel_shuffle({img}.expand(1, 4, -1, -1), 2)",
                               f"torch.nn.functional.pad({img}, (1, 1, 0, 1), mode={rng.choice([repr('reflect'), repr('replicate'), repr('circular'), repr('constant')])})",
                               f"{t}.unfold({d}, {rng.choice([1, 2])}, {rng.choice([1, 2])})", f"torch.atleast_3d({t})",
                               f"torch.dstack([{t}, {t}])", f"{t}.flatten().split([1, {flat}.numel() - 1])[1]"])
        elif area == "statistics":
            corr = rng.choice(["", ", correction=0", ", correction=2", ", unbiased=False"])
            call = rng.choice([f"torch.std_mean({t}, {d}{corr})", f"torch.var_mean({t}, dim={d}, keepdim=True{corr})",
                               f"torch.std_mean({t}{corr})", f"torch.aminmax({t})", f"{t}.aminmax(dim={d}, keepdim={rng.choice(['True', 'False'])})",
                               f"torch.quantile({t}, {rng.choice(['0.5', '0.25', 'torch.tensor([0.1, 0.9])'])}, dim={rng.choice(['None', str(d)])}, "
                               f"interpolation={rng.choice([repr(s) for s in API_STRINGS['interpolation']])})",
                               f"torch.nanquantile({t}, 0.5)", f"torch.cov({m}{rng.choice(['', ', correction=0', ', aweights=torch.ones(' + m + '.shape[1])'])})",
                               f"torch.corrcoef({m})", f"{t}.nanmedian({d})", f"torch.histogram({t}.float(), bins={rng.choice([2, 4])})",
                               f"torch.cummax({t}, {d})", f"torch.count_nonzero({t}, dim={d})", f"torch.logcumsumexp({t}, {d})"])
        elif area == "geometry":
            v3 = f"{flat}[:3]"
            call = rng.choice([f"torch.cross({v3}, {uflat}[:3], dim=0)", f"torch.linalg.cross({v3}, {v3}.flip(0))",
                               f"torch.trapezoid({t}{rng.choice(['', ', dx=0.5', ', dim=0'])})", f"torch.trapz({flat}, {flat})",
                               f"torch.cumulative_trapezoid({t})", f"torch.dist({t}, {u}, p={rng.choice([1, 2, 3])})",
                               f"{t}.renorm({rng.choice([1, 2])}, 0, {rng.choice([0.5, 1, 5])})",
                               f"torch.nn.functional.cosine_similarity({m}, {m}.flip(0), dim={rng.choice([0, 1, -1])})",
                               f"torch.nn.functional.pairwise_distance({m}, {m}.flip(-1))", f"torch.atan2({t}, {u})"])
        elif area == "selection":
            call = rng.choice([f"torch.zeros_like({t}).masked_scatter({t} > 0, {t} * 10)",
                               f"{t}.masked_scatter({t} < 0, torch.arange({flat}.numel()).to({t}.dtype))",
                               f"torch.take({t}, torch.tensor([0, -1, 0]))", f"torch.argwhere({t})", f"torch.msort({t})",
                               f"torch.sort({t}, stable=True, dim={d}, descending={rng.choice(['True', 'False'])})",
                               f"torch.argsort({t}, dim={d}, stable=True)", f"{t}.split([1, {t}.shape[0] - 1])[0] if {t}.dim() else {t}",
                               f"torch.tensor_split({t}, [1, 2], dim={d})", f"torch.tensor_split({t}, torch.tensor([1]))",
                               f"torch.topk({flat}, min(2, {flat}.numel()), sorted={rng.choice(['True', 'False'])})",
                               f"torch.kthvalue({flat}, 1)", f"{t}.index_select({d}, torch.tensor([0, 0]))",
                               f"torch.masked_select({t}, {u} > 0)", f"{t}.narrow_copy({d}, 0, 1)"])
        elif area == "numbers":
            call = rng.choice([f"torch.frexp({t})", f"torch.ldexp({t}, torch.tensor([1, 2]).reshape(-1, *[1] * {t}.dim())[0])",
                               f"torch.gcd({t}.long(), torch.tensor(6))", f"torch.lcm({t}.long(), {u}.long())",
                               f"torch.heaviside({t}, torch.tensor({o}))", f"torch.nextafter({t}, torch.tensor(0.))",
                               f"torch.logit({t}, eps={rng.choice(['None', '1e-6', '0.1'])})", f"torch.sinc({t})",
                               f"torch.special.xlog1py({t}, {u})", f"torch.polygamma({rng.choice([0, 1, 2])}, {t})",
                               f"torch.i0({t})", f"torch.special.entr({t})", f"torch.special.ndtr({t})",
                               f"torch.clamp({t}, min={u})", f"{t}.float_power({u})", f"torch.fmax({t}, {u})",
                               f"torch.fmin({t}, torch.tensor(float('nan')))", f"torch.logaddexp2({t}, {u})",
                               f"{t}.exp2().log2()", f"torch.deg2rad({t})", f"torch.sign({t}) * {t}.abs().sqrt()"])
        else:
            return rng.choice([
                f"@torch.no_grad()\ndef {n}_f(x):\n    return x * 2 + 1\n{n} = {n}_f({t})\nprint({n}, {n}.requires_grad, {n}.grad_fn)",
                f"def {n}_f(x):\n    with torch.no_grad():\n        y = x.clone()\n    return y * x\n{n} = {n}_f({t})\nprint({n}.grad_fn)",
                f"{n} = torch.stack([row * {o} for row in {t}])" if True else "",
                f"print([round(x, 3) for x in {t}.flatten().tolist()], [x.item() for x in {t}.flatten()][:3])",
                f"for {n}a, {n}b in zip({t}, {u}):\n    print({n}a + {n}b, ({n}a * {n}b).sum())",
                f"{n} = torch.utils.data.TensorDataset({m}.float(), torch.arange({m}.shape[0]))\n"
                f"torch.manual_seed({rng.randint(0, 9)})\nfor xb, yb in torch.utils.data.DataLoader({n}, batch_size=2, "
                f"shuffle={rng.choice(['True', 'False'])}):\n    print(xb, yb, xb.requires_grad)",
                f"import io\n{n} = io.BytesIO()\ntorch.save({{'t': {t}.detach(), 'u': [{u}]}}, {n})\n{n}.seek(0)\n"
                f"print(torch.load({n}))",
                f"torch.manual_seed({rng.randint(0, 9)})\nlin = torch.nn.Linear({m}.shape[-1], 2)\n"
                f"h = lin.register_forward_hook(lambda mod, inp, out: print('forward', type(mod).__name__, inp[0].shape, out.shape))\n"
                f"{n} = lin({m}.float())\nh.remove()\nprint({n}, lin({m}.float()).grad_fn)",
                f"torch.manual_seed({rng.randint(0, 9)})\nlin = torch.nn.Linear({m}.shape[-1], 2)\n"
                f"lin2 = torch.nn.Linear({m}.shape[-1], 2)\nprint(lin2.load_state_dict(lin.state_dict()), "
                f"[(k, v.shape) for k, v in lin2.state_dict().items()])\nprint(torch.equal(lin2({m}.float()), lin({m}.float())))",
                f"torch.manual_seed({rng.randint(0, 9)})\nnet = torch.nn.Sequential(torch.nn.Linear({m}.shape[-1], 3), torch.nn.ReLU(), "
                f"torch.nn.Linear(3, 1))\nfor p in net[0].parameters():\n    p.requires_grad_(False)\n"
                f"{n} = net({m}.float()).sum()\n{n}.backward()\nprint({n}, net[0].weight.grad, net[2].weight.grad, "
                f"sum(p.numel() for p in net.parameters() if p.requires_grad))"])
        tail = rng.random()
        if tail < 0.3:
            return f"{n} = {call}\n{n}{'[0]' if call.startswith(('torch.std_mean', 'torch.var_mean', 'torch.frexp')) else ''}" \
                   f".sum().backward()\nprint({t}.grad)"
        if tail < 0.6:
            return f"{n} = {call}\nprint({n})"
        return f"{n} = {call}"

    def api(self):
        """The whole surface the engine's signature table lists: a Tensor method or torch function drawn at
        random, each argument made for its declared type and name (tensors of the program, numbers, dims, sizes,
        dtypes, the strings an argument takes), defaults passed by keyword now and then."""
        rng, t = self.rng, self.pick()
        if t is None:
            return self.create()
        table = _signature_table()
        method = rng.random() < 0.6
        names = table["METHODS"] if method else table["FUNCTIONS"]
        name = rng.choice(sorted(names))
        if name in API_SKIP or name.startswith("_"):
            return self.observe()
        sigs = [s for s in names[name] if "|" not in s]
        if not sigs:
            return f"{self.new()} = {t}.{name}()" if method and name in table["NOARGS"] else self.observe()
        params = _params(rng.choice(sigs))
        args, keyword = [], False
        for i, (kind, pname, default, kw_only) in enumerate(params):
            if kw_only:
                keyword = True
            if not method and i == 0 and kind == "Tensor":
                args.append(t)
                continue
            if default is not None and rng.random() < 0.6:
                keyword = True  # (a later argument goes by its name)
                continue
            value = self._api_value(kind, pname, t)
            if value is None:
                return self.observe()
            args.append(f"{pname}={value}" if keyword else value)
        n = self.new()
        call = f"{t}.{name}({', '.join(args)})" if method else f"torch.{name}({', '.join(args)})"
        # (torch seeds its default generator from the clock: a random op needs its own seed)
        # (any of the name's signatures: randn_like's second takes no generator and draws all the same)
        seed = f"torch.manual_seed({rng.randint(0, 9)})\n" if any("Generator?" in s for s in names[name]) or \
            "dropout" in name or "rrelu" in name else ""
        shares = f"\nprint(isinstance({n}, torch.Tensor) and {n}.numel() > 0 and " \
                 f"{n}.untyped_storage().data_ptr() == {t}.untyped_storage().data_ptr())"  # (a copy that aliases)
        return f"{seed}{n} = {call}" + (f"\nprint({n})" if rng.random() < 0.6 else "") + \
            (shares if rng.random() < 0.3 else "")

    def _api_value(self, kind, pname, t):
        rng = self.rng
        optional = kind.endswith("?")
        kind = kind.rstrip("?")
        if optional and rng.random() < 0.25:
            return "None"
        if kind == "Tensor":
            return rng.choice([self.pick() or t, t, f"torch.tensor({self.scalar_value(rng.choice(DTYPES[:5]))})",
                               f"torch.ones_like({t})", f"{t}.detach().clone()"])
        if kind in ("int64_t", "SymInt"):
            return str(self.dim(t)) if "dim" in pname else str(rng.choice([-1, 0, 1, 2, 3, 1, 2]))
        if kind in ("Scalar", "double"):
            return self.number() if kind == "Scalar" else repr(rng.choice(NICE))
        if kind == "bool":
            return rng.choice(["True", "False"])
        if kind == "ScalarType":
            return rng.choice(DTYPES)
        if kind.startswith(("IntArrayRef", "SymIntArrayRef")):
            if "dim" in pname:
                nd = max(self.ns[t].dim(), 1)
                return repr(tuple(rng.sample(range(-nd, nd), rng.randint(1, min(nd, 2)))))
            return rng.choice(["(2, 3)", "(-1,)", "(3,)", "(1, 2)", "[2]", "(0,)", "()", "(1, -1)", "(2, 1, 3)"])
        if kind.startswith("TensorList"):
            return f"[{t}, {self.pick() or t}]"
        if kind.endswith("string_view"):
            return repr(rng.choice(API_STRINGS.get(pname, [None]))) if pname in API_STRINGS else None
        return None

    def observe(self):
        t = self.pick()
        if t is None:
            return self.create()
        return self.rng.choice(OBSERVE).format(t=t, u=self.pick())

    def statement(self):
        kinds = [self.create] * 2 + [self.make] * 6 + [self.mutate] * 4 + [self.autograd] * 3 + [self.observe] * 5 + \
            [self.common] * 4 + [self.more] * 2 + [self.higher] * 2 + [self.wider] * 3 + \
            [self.deeper] * 3 + [self.wide] * 3 + [self.precise] * 2 + [self.surface] * 2 + [self.forum] * 3 + [self.networks] * 2 + [self.indexing] * 2 + [self.composites] * 2 + \
            [self.api] * self.api_weight
        if self.family and self.rng.random() < 0.5:  # (one family's statements, half of them: its fuzzing)
            return getattr(self, self.family)()
        return self.rng.choice(kinds)()


def _holds(pred, tensor):
    """pred(tensor), False where reading the tensor raises (is_leaf of a view of a multi-output view op whose base
    was written in place raises: the program's generation would end there, counted as a torch crash)."""
    try:
        return pred(tensor)
    except RuntimeError:
        return False


API_SKIP = {"numpy", "tolist", "data_ptr", "const_data_ptr", "mutable_data_ptr", "storage", "untyped_storage",
            "set_", "new_empty", "new_empty_strided", "empty_like", "empty", "empty_strided", "empty_permuted",
            "share_memory_", "pin_memory", "is_pinned", "record_stream", "to_sparse", "to_mkldnn", "cuda", "map_",
            "apply_", "storage_offset", "is_shared", "resize_", "resize_as_", "item", "element_size",
            "chalf"}  # (uninitialized memory, addresses, and complex32: not modelled)
API_STRINGS = {"reduce": ["sum", "prod", "mean", "amax", "amin"], "rounding_mode": ["floor", "trunc"],
               "interpolation": ["linear", "lower", "higher", "nearest", "midpoint"], "side": ["left", "right"]}
_TABLE = {}


def _signature_table():
    """tensorsh's signature table, read as data (the generator runs in torch's process, not the engine's)."""
    if not _TABLE:
        import os
        path = os.path.join(os.path.dirname(__file__), "..", "..", "tensorsh", "engine", "signature_table.py")
        with open(path) as f:
            exec(f.read(), _TABLE)
    return _TABLE


def _params(sig):
    """(type, name, default or None, keyword-only) of each parameter of a signature string."""
    inner, out, kw_only = sig[sig.index("(") + 1:sig.rindex(")")], [], False
    for part in filter(None, inner.split(", ")):
        if part == "*":
            kw_only = True
            continue
        kind, _, rest = part.rpartition(" ")
        pname, _, default = rest.partition("=")
        out.append((kind, pname, default or None, kw_only))
    return out


def _run(lines, ns):
    with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec("\n".join(lines) + "\n", ns)


def generate(seed, min_statements=5, max_statements=25, error_rate=0.2, tries=200, bfloat16=False, api=0,
             family=None):
    """A program (source text) that torch runs to its end, or (error_rate of them) to an error on its last line;
    bfloat16: torch.bfloat16 among the dtypes drawn; api: the weight of Gen.api's statements, drawn from the whole
    signature table; family: the name of one of Gen's families (composites, indexing, ...) drawn for half the
    statements (all off by default, so the CI seeds' programs stay as they are)."""
    global DTYPES
    if bfloat16:
        saved, DTYPES = DTYPES, DTYPES + ["torch.bfloat16"] * 3
        try:
            return generate(seed, min_statements, max_statements, error_rate, tries, api=api, family=family)
        finally:
            DTYPES = saved
    import torch
    rng = random.Random(seed)
    fresh = lambda: {"torch": torch, "copy": copy}  # noqa: E731
    ns, lines = fresh(), []
    gen = Gen(rng, ns)
    gen.api_weight, gen.family = api, family
    target, ends_in_error = rng.randint(min_statements, max_statements), rng.random() < error_rate
    errored = False
    for _ in range(tries):
        if len(lines) >= target:
            break
        stmt = gen.statement()
        try:
            compile(stmt, "<statement>", "exec")
        except SyntaxError:
            continue
        try:
            _run([stmt], ns)
        except Exception:  # noqa: BLE001 - torch refused it: an ending, or a statement to forget
            if ends_in_error and len(lines) >= target // 2:
                lines.append(stmt)
                errored = True
                break
            ns.clear()
            ns.update(fresh())
            _run(lines, ns)  # the refused statement may have changed some state before raising
            continue
        lines.append(stmt)
    if not errored and not any("print(" in line for line in lines[-3:]):
        t = gen.pick()
        if t:
            lines.append(f"print({t}, {t}.grad)")
    return "\n".join(lines) + "\n"

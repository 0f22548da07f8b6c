"""torch.einsum as PyTorch's Linear.cpp computes it, op by op (so grad_fn chains, strides and bits are PyTorch's):
diagonals for repeated subscripts, operands unsqueezed and permuted to one dimension order, dimensions only one
operand has summed early, each pair contracted by sumproduct_pair (permute, reshape, bmm, view, permute)."""
import string

from ..errors import runtime, type_error, value_error
from .core import Tensor, type_name

_LETTERS = string.ascii_uppercase + string.ascii_lowercase  # PyTorch's label order: A-Z, then a-z
ELLIPSIS = -1


def _scan(text, start, invalid, repeated):
    """The subscripts of text (which begins at index `start` of the equation): label indices, ELLIPSIS and ','.
    A '.' after its operand's (or the output's) ellipsis is repeated()'s error before any validity check."""
    k, found = 0, False
    while k < len(text):
        c = text[k]
        if c == ".":
            if found:
                raise runtime(f"einsum(): found '.' for {repeated()}")
            if text[k:k + 3] != "...":
                raise runtime(f"einsum(): found '.' for {invalid()}")
            yield ELLIPSIS
            k, found = k + 3, True
            continue
        if c in _LETTERS:
            yield _LETTERS.index(c)
        elif c == ",":
            yield c
            found = False
        elif c != " ":
            raise runtime(f"einsum(): invalid subscript given at index {start + k} in the equation string, subscripts "
                          "must be in [a-zA-Z]")
        k += 1


def _parse(equation, num_ops):
    lhs, arrow, rhs = equation.partition("->")
    op_labels = [[]]
    for item in _scan(lhs, 0, lambda: f"operand {len(op_labels) - 1} that is not part of any ellipsis",
                      lambda: f"operand {len(op_labels) - 1} for which an ellipsis was already found"):
        if item == ",":
            op_labels.append([])
            if len(op_labels) > num_ops:
                raise runtime("einsum(): fewer operands were provided than specified in the equation")
        else:
            op_labels[-1].append(item)
    if len(op_labels) < num_ops:
        raise runtime("einsum(): more operands were provided than specified in the equation")
    return op_labels, (rhs if arrow else None), len(lhs) + 2


def _broadcast_into(sizes, key, size, message):
    """A size seen for a label (or an ellipsis dim) broadcast with those seen before: a 1 takes the other;
    message() is PyTorch's error when they differ."""
    if size != 1:
        if sizes[key] == 1:
            sizes[key] = size
        elif sizes[key] != size:
            raise runtime(message())


def _sublist_subscript(n):
    """torch/functional.py's parse_subscript: 0-25 are A-Z, 26-51 a-z, Ellipsis '...'."""
    if n is Ellipsis:
        return "..."
    if n >= 0 and n < 26:
        return chr(ord("A") + n)
    if n >= 26 and n < 52:
        return chr(ord("a") + n - 26)
    raise value_error("einsum(): subscript in subscript list is not within the valid range [0, 52)")


def einsum(*args, path=None):
    if len(args) < 2:  # (torch/functional.py's own check, before anything is parsed)
        raise value_error("einsum(): must specify the equation string and at least one operand, or at least one "
                          "operand and its subscripts list")
    if isinstance(args[0], Tensor):  # (the sublist format: operands and their subscript lists, the output's last)
        equation = ",".join("".join(_sublist_subscript(n) for n in labels) for labels in args[1::2])
        if len(args) % 2 == 1:
            equation += "->" + "".join(_sublist_subscript(n) for n in args[-1])
            args = (equation,) + args[:-1:2]
        else:
            args = (equation,) + args[::2]
    equation, operands = args[0], args[1:]
    if not isinstance(equation, str):
        raise type_error(f"einsum(): argument 'equation' (position 1) must be str, not {type_name(equation)}")
    if len(operands) == 1 and isinstance(operands[0], (list, tuple)):
        operands = tuple(operands[0])
    from .composites import check_tensors
    check_tensors(operands, 1)
    if not operands:
        raise runtime("einsum(): must provide at least one operand")
    op_labels, rhs, rhs_start = _parse(equation, len(operands))
    label_count = [0] * len(_LETTERS)
    ell_num_dim = 0
    for i, (labels, t) in enumerate(zip(op_labels, operands)):
        n = len(labels) - (1 if ELLIPSIS in labels else 0)
        if ELLIPSIS in labels:
            if n > t.dim():
                raise runtime(f"einsum(): the number of subscripts in the equation ({n}) is more than the number of "
                              f"dimensions ({t.dim()}) for operand {i}")
            ell_num_dim = max(ell_num_dim, t.dim() - n)
        elif n != t.dim():
            raise runtime(f"einsum(): the number of subscripts in the equation ({n}) does not match the number of "
                          f"dimensions ({t.dim()}) for operand {i} and no ellipsis was given")
        for label in labels:
            if label != ELLIPSIS:
                label_count[label] += 1

    label_perm_index = [-1] * len(_LETTERS)
    perm_index, ell_index, ell_in_output = 0, 0, False
    if rhs is not None:
        for item in _scan(rhs.replace(",", "#"), rhs_start, lambda: "output that is not part of any ellipsis (...)",
                          lambda: "output but an ellipsis (...) was already found"):
            if item == ELLIPSIS:
                ell_index, ell_in_output = perm_index, True
                perm_index += ell_num_dim
                continue
            c = _LETTERS[item]
            if not label_count[item]:
                raise runtime(f"einsum(): output subscript {c} does not appear in the equation for any input operand")
            if label_perm_index[item] != -1:
                raise runtime(f"einsum(): output subscript {c} appears more than once in the output")
            label_perm_index[item] = perm_index
            perm_index += 1
    else:
        ell_index, ell_in_output = 0, True
        perm_index = ell_num_dim
        for label, count in enumerate(label_count):
            if count == 1:
                label_perm_index[label] = perm_index
                perm_index += 1
    out_num_dim = perm_index
    if not ell_in_output:
        ell_index = perm_index
        perm_index += ell_num_dim
    for label, count in enumerate(label_count):
        if count and label_perm_index[label] == -1:
            label_perm_index[label] = perm_index
            perm_index += 1

    permuted, dim_counts = [], [0] * perm_index
    label_size, ell_sizes = [1] * len(_LETTERS), [1] * ell_num_dim
    for i, (labels, operand) in enumerate(zip(op_labels, operands)):
        perm_shape = [-1] * perm_index
        label_dim = [-1] * len(_LETTERS)
        original = operand._shape
        j = 0
        for label in labels:
            if label == ELLIPSIS:
                for _ in range(ell_num_dim - (len(original) - len(labels) + 1)):
                    operand = operand.unsqueeze(j)
                for k in range(ell_num_dim):
                    size = operand._shape[j]
                    _broadcast_into(ell_sizes, k, size, lambda: (
                        f"einsum(): dimension {j} covered by ellipsis in operand {i}has size {size} which does not "
                        f"broadcast with previously seen ellipsis with size {ell_sizes[k]} for the respective dimension"))
                    perm_shape[ell_index + k] = j
                    j += 1
            elif label_dim[label] != -1:
                dim = label_dim[label]
                if operand._shape[j] != operand._shape[dim]:
                    raise runtime(f"einsum(): subscript {_LETTERS[label]} is repeated for operand {i} but the sizes "
                                  f"don't match, {operand._shape[j]} != {operand._shape[dim]}")
                operand = operand.diagonal(0, dim, j).movedim(-1, dim)
            else:
                size = operand._shape[j]
                _broadcast_into(label_size, label, size, lambda: (
                    f"einsum(): subscript {_LETTERS[label]} has size {size} for operand {i} which does not broadcast "
                    f"with previously seen size {label_size[label]}"))
                label_dim[label] = j
                perm_shape[label_perm_index[label]] = j
                j += 1
        for k, index in enumerate(perm_shape):
            if index == -1:
                operand = operand.unsqueeze(-1)
                perm_shape[k] = j
                j += 1
        operand = operand.permute(perm_shape)
        permuted.append(operand)
        for d, size in enumerate(operand._shape):
            if size != 1:
                dim_counts[d] += 1

    if len(permuted) == 1:
        result = permuted[0]
        if perm_index - out_num_dim > 0:
            result = result.sum(list(range(out_num_dim, perm_index)))
        return result
    ops = list(permuted)
    while len(ops) > 1:
        a, b = ops.pop(0), ops.pop(0)
        sum_dims, a_sum, b_sum = [], [], []
        for dim in range(out_num_dim, perm_index):
            if a._shape[dim] != 1 and b._shape[dim] != 1:
                dim_counts[dim] -= 1
                if dim_counts[dim] == 1:
                    sum_dims.append(dim)
                    dim_counts[dim] = 0
            elif dim_counts[dim] == 1:
                if a._shape[dim] != 1:
                    a_sum.append(dim)
                    dim_counts[dim] = 0
                elif b._shape[dim] != 1:
                    b_sum.append(dim)
                    dim_counts[dim] = 0
        if a_sum:
            a = a.sum(a_sum, True)
        if b_sum:
            b = b.sum(b_sum, True)
        ops.insert(0, _sumproduct_pair(a, b, sum_dims))
    result = ops[0]
    if perm_index - out_num_dim > 0:  # every contracted dimension is 1 by now: a view drops them
        result = result.view(tuple(result._shape[:out_num_dim]))
    return result


def _sumproduct_pair(left, right, sum_dims):
    """PyTorch's sumproduct_pair(left, right, sum_dims, keepdim=True), its operands swapped when every dim only the
    right one has comes before every dim only the left one has (PyTorch 2.13's swap_lo_ro)."""
    if not sum_dims:
        return left.mul(right)
    dim = left.dim()
    summed = set(sum_dims)
    lro, lo, ro = [], [], []
    lro_size = lo_size = ro_size = sum_size = 1
    for i in range(dim):
        sl, sr = left._shape[i] != 1, right._shape[i] != 1
        if i in summed:
            if sl and sr:
                if left._shape[i] != right._shape[i]:
                    raise runtime("non-broadcast dimensions must match")
                sum_size *= left._shape[i]
            elif sl:
                left = left.sum(i, True)
            elif sr:
                right = right.sum(i, True)
        elif sl and sr:
            if left._shape[i] != right._shape[i]:
                raise runtime("non-broadcast dimensions must match")
            lro.append(i)
            lro_size *= left._shape[i]
        elif sl:
            lo.append(i)
            lo_size *= left._shape[i]
        else:
            ro.append(i)
            ro_size *= right._shape[i]
    if lo and ro and ro[-1] < lo[0]:  # (the right operand's dims all first in the output: swapped, so that bmm
        left, right, lo, ro, lo_size, ro_size = right, left, ro, lo, ro_size, lo_size  # makes them in its order)
    out_size = [left._shape[d] for d in lro] + [left._shape[d] for d in lo] + [1] * len(sum_dims) + \
        [right._shape[d] for d in ro]
    lperm = lro + lo + list(sum_dims) + ro
    rperm = lro + list(sum_dims) + ro + lo
    operm = [-1] * len(out_size)
    for i, d in enumerate(lro + lo + list(sum_dims) + ro):
        operm[d] = i
    left = left.permute(lperm).reshape(lro_size, lo_size, sum_size)
    right = right.permute(rperm).reshape(lro_size, sum_size, ro_size)
    return left.bmm(right).view(tuple(out_size)).permute(operm)

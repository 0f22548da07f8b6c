"""torch.nn.modules.utils: the argument normalisers custom layers import (`_pair`), and the DDP checkpoint helper."""
import collections.abc

from tensorsh.engine import undo
from .functional import _list_with_default  # noqa: F401 - (the adaptive poolings' own, exported here as torch's)


def _ntuple(n, name="parse"):
    def parse(x):  # (an iterable as a tuple, anything else repeated n times)
        if isinstance(x, collections.abc.Iterable):
            return tuple(x)
        return (x,) * n
    parse.__name__ = name
    return parse


_single = _ntuple(1, "_single")
_pair = _ntuple(2, "_pair")
_triple = _ntuple(3, "_triple")
_quadruple = _ntuple(4, "_quadruple")


def _reverse_repeat_tuple(t, n):
    """Conv's padding as F.pad's amounts: `t` reversed, each element n times."""
    return tuple(x for x in reversed(t) for _ in range(n))


def consume_prefix_in_state_dict_if_present(state_dict, prefix):
    """Strip `prefix` from a (DataParallel/DDP) state dict's keys in place, and from its _metadata's."""
    undo.touch_dict(state_dict)
    for key in list(state_dict.keys()):
        if key.startswith(prefix):
            state_dict[key[len(prefix):]] = state_dict.pop(key)
    if hasattr(state_dict, "_metadata"):
        metadata = state_dict._metadata
        undo.touch_dict(metadata)
        for key in list(metadata.keys()):
            if len(key) == 0:  # ('': the DDP module's own entry)
                continue
            if key == prefix.replace(".", "") or key.startswith(prefix):
                metadata[key[len(prefix):]] = metadata.pop(key)


NAMES = ("_ntuple", "_single", "_pair", "_triple", "_quadruple", "_reverse_repeat_tuple", "_list_with_default",
         "consume_prefix_in_state_dict_if_present")

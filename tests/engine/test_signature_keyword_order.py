"""PyTorch's 'received an invalid combination of arguments - got (...)' lists the keywords as its std::unordered_map
(libstdc++) iterates them, which is not simply the reverse of the call's order where two keys share a bucket
(conv1d(input=, weight=, bias=, stride=, padding=, ...): 'stride=int, padding=int'). The engine's parser must
list them the same way for any set of keywords, including more than 13 (a rehash)."""
import random

import pytest

from tensorsh.engine.signatures import _unordered_map_order
from tensorsh.engine.torch_api import NAMESPACE

WORDS = ["input", "weight", "bias", "stride", "padding", "dilation", "groups", "dim", "keepdim", "out", "dtype",
         "alpha", "other", "foo", "bar", "a", "bb", "ccc", "value", "mode", "x", "y", "z", "eps", "beta", "p"]


def _message(fn, kwargs):
    try:
        fn(**kwargs)
    except Exception as e:  # noqa: BLE001 (the message is the data)
        return str(e)


def _listed(text):
    """The keywords a message lists, in its order (None when it lists none: one overload's own message)."""
    if "got unrecognized keyword arguments: " in text:  # (those alone, in the same order)
        return text.split("got unrecognized keyword arguments: ", 1)[1].split(", ")
    if "got (" not in text:
        return None
    inner = text.split("got (", 1)[1].split(")", 1)[0]
    return [part.split("=")[0] for part in inner.split(", ") if part]


@pytest.mark.parametrize("seed", range(4))
def test_keywords_listed_in_torchs_order(seed):
    torch = pytest.importorskip("torch")
    rng = random.Random(seed)
    listed = 0
    for _ in range(40):
        keys = rng.sample(WORDS, rng.randint(2, 20))
        for needed in ("input", "other"):  # (add's required ones, so its parser lists the overloads)
            if needed not in keys:
                keys.insert(rng.randint(0, len(keys)), needed)
        kwargs = {k: "s" if k == "input" else 1 for k in keys}
        expected = _message(torch.add, kwargs)
        assert _message(NAMESPACE["add"], kwargs) == expected
        order = _listed(expected)
        if order is not None:
            listed += 1
            assert [k for k in _unordered_map_order(keys) if k in order] == order
    assert listed > 20

"""No grad: each program prints, raises and warns in tensorsh exactly what it does in torch."""
import pytest

from differential_corpus import programs
from same_as_torch import same_as_torch

PROGRAMS = programs("no_grad")


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

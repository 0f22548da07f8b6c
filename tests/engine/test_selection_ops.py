"""Rounding, more transcendental functions, masking, reordering, gathering and extremes: each program prints,
raises and warns in tensorsh exactly what it does in torch (values, grad_fn names, gradients, messages)."""
import pytest

from differential_corpus import programs
from same_as_torch import same_as_torch

PROGRAMS = programs("selection")


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])

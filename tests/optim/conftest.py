import pytest

pytest.register_assert_rewrite("optim_vs_torch")  # its asserts show the differing text

"""The README's list of supported ops is the op registry's (scripts/gen_op_list.py writes it)."""
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_readme_op_list_is_the_registrys():
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_op_list.py"), "--check"], capture_output=True,
                       text=True)
    assert (r.returncode, r.stderr) == (0, "")


def test_the_list_names_what_a_tensor_has():
    sys.path.insert(0, str(ROOT / "scripts"))
    import gen_op_list
    from tensorsh.engine.tensor import Tensor
    text = gen_op_list.render()
    for name in ("exp", "exp_", "clamp_min", "amax", "addcmul_", "numpy", "conv2d"):
        assert f"`{name}`" in text
    assert "`_slice`" not in text and "_slice" in dir(Tensor)  # private rows are installed, not listed

"""tensorsh: a shell and small language for PyTorch tensor and autograd experiments."""
__version__ = "0.1.0"


def load_ipython_extension(ipython):
    """`%load_ext tensorsh` in IPython or a Python notebook: the `%%tensorsh` cell magic (loaded only then)."""
    from tensorsh.app.magic import load
    load(ipython)

"""tensorsh: a shell and small language for PyTorch tensor and autograd experiments."""
__version__ = "0.1.0"

"""The tensor and autograd engine: a numpy model of PyTorch 2.13 internals (imports numpy only)."""

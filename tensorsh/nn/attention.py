"""Attention: F.scaled_dot_product_attention (the engine's), F.multi_head_attention_forward and
nn.MultiheadAttention as torch/nn/functional.py and torch/nn/modules/activation.py write them."""
from tensorsh.engine.attention import scaled_dot_product_attention

FUNCTIONAL = ("scaled_dot_product_attention",)

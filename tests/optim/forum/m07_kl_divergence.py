import torch
from torch.distributions import Categorical, Bernoulli, Normal, Uniform, kl_divergence
from torch.distributions.kl import kl_divergence as kl2

torch.manual_seed(0)
p = Categorical(logits=torch.randn(2, 4, requires_grad=True))
q = Categorical(probs=torch.tensor([[0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.5, 0.0]]))
k = kl_divergence(p, q)
print(k)
print(kl2(q, p))
b1 = Bernoulli(probs=torch.tensor([0.0, 0.3, 1.0]))
b2 = Bernoulli(logits=torch.tensor([0.5, -1.0, 2.0]))
print(kl_divergence(b1, b2), kl_divergence(b2, b1))
print(kl_divergence(Uniform(0.0, 1.0), Uniform(-1.0, 2.0)), kl_divergence(Uniform(-1.0, 2.0), Uniform(0.0, 1.0)))
n1 = Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0]))
print(kl_divergence(n1, Normal(0.0, 1.0)))
try:
    print(kl_divergence(n1, Uniform(0.0, 1.0)), kl_divergence(Uniform(0.0, 2.0), n1))
    kl_divergence(n1, Categorical(probs=torch.ones(2)))
except NotImplementedError as e:
    print('NotImplementedError:', e)

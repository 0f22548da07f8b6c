import torch
import torch.nn as nn

torch.manual_seed(0)
lin = nn.Linear(3, 2)
wn = nn.utils.parametrizations.weight_norm(nn.Linear(3, 2))
print(wn)
print([n for n, _ in wn.named_parameters()])
sn = nn.utils.parametrizations.spectral_norm(nn.Linear(3, 2))
print([n for n, _ in sn.named_parameters()])

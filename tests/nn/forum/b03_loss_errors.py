import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
try:
    nn.CrossEntropyLoss()(torch.randn(3, 4), torch.tensor([1, 2, 4]))
except IndexError as e:
    print('IndexError', e)
try:
    nn.CrossEntropyLoss()(torch.randn(3, 4), torch.tensor([1., 2., 3.]))
except RuntimeError as e:
    print('RuntimeError', e)
try:
    nn.MSELoss()(torch.randn(3), torch.randn(4))
except RuntimeError as e:
    print('RuntimeError', e)
print(nn.MSELoss()(torch.randn(3, 1), torch.randn(3)))
try:
    nn.BCELoss()(torch.tensor([0.5, 1.5]), torch.tensor([0., 1.]))
except RuntimeError as e:
    print('RuntimeError', e)
try:
    nn.NLLLoss()(torch.randn(3, 4), torch.tensor([1, 2]))
except ValueError as e:
    print('ValueError', e)
try:
    F.cross_entropy(torch.randn(3, 4), torch.tensor([0, 1, 2]), reduction="avg")
except ValueError as e:
    print('ValueError', e)
nn.L1Loss(size_average=True)
print(nn.CrossEntropyLoss()(torch.randn(3, 4), torch.tensor([1, 2, 3])).dtype)

import torch
import torch.nn as nn
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(device, repr(device), device.type, device.index)
torch.manual_seed(0)
model = nn.Linear(3, 1).to(device)
x = torch.randn(4, 3).to(device)
y = torch.randn(4, 1, device=device)
print(model(x).device, y.device, x.device == device, x.device == 'cpu')
print(torch.device('cuda', 0), repr(torch.device('cuda:1')), torch.device('cpu') == torch.device('cpu'))
print(torch.cuda.is_available(), torch.cuda.device_count())
torch.cuda.manual_seed_all(0)
try:
    x.to(torch.device('cuda'))
except AssertionError as e:
    print('AssertionError', e)
try:
    model.to('cuda')
except AssertionError as e:
    print('AssertionError', e)
try:
    torch.device('gpu')
except RuntimeError as e:
    print(e)
print(model.to(device, torch.float64).weight.dtype)
print({device: 1}[torch.device('cpu')], type(device).__name__, type(device))
print(torch.zeros(2, device='cpu'), torch.ones(1, device=device))

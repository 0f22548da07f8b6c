import torch
import torch.nn as nn
layers = [nn.Linear(3, 4, bias=False), nn.Bilinear(2, 3, 4), nn.Identity(), nn.Flatten(), nn.Flatten(0, -1),
          nn.Unflatten(1, (2, 3)), nn.Embedding(10, 3, padding_idx=0), nn.Embedding(5, 2, max_norm=1.0),
          nn.Dropout(), nn.Dropout(0.3, inplace=True), nn.LayerNorm(5), nn.LayerNorm([2, 3], elementwise_affine=False),
          nn.LayerNorm(4, eps=1e-6, bias=False),
          nn.BatchNorm1d(4), nn.BatchNorm2d(3, momentum=None), nn.BatchNorm1d(2, affine=False, track_running_stats=False),
          nn.Conv1d(2, 4, 3), nn.Conv2d(1, 6, 5, stride=2, padding=1), nn.Conv2d(4, 4, (3, 1), groups=2, bias=False, dilation=2),
          nn.Conv2d(3, 8, 3, padding='same', padding_mode='reflect'),
          nn.MaxPool2d(2), nn.MaxPool2d(3, stride=1, padding=1, ceil_mode=True), nn.AvgPool2d(2, count_include_pad=False),
          nn.ReLU(), nn.ReLU(True), nn.LeakyReLU(), nn.LeakyReLU(0.2, inplace=True), nn.ELU(alpha=0.5), nn.GELU(),
          nn.GELU(approximate='tanh'), nn.SiLU(), nn.Sigmoid(), nn.Tanh(), nn.Softmax(dim=1), nn.Softmax(),
          nn.LogSoftmax(-1), nn.Hardtanh(-2, 2), nn.PReLU(), nn.Softplus(beta=2), nn.Threshold(0.1, 20)]
for l in layers:
    print(l)
print(nn.Sequential(*layers[:5]))
md = nn.ModuleDict({'a': nn.Linear(1, 1), 'act': nn.ReLU()})
print(md)
ml = nn.ModuleList([nn.Linear(2, 2) for _ in range(3)] + [nn.ReLU()])
print(ml)
print(nn.Sequential())
print(nn.ModuleList())

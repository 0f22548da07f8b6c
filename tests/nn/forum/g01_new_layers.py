import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
mods = [nn.GroupNorm(2, 4), nn.GroupNorm(1, 4, affine=False), nn.InstanceNorm1d(4), nn.InstanceNorm2d(3, affine=True),
        nn.InstanceNorm1d(4, track_running_stats=True), nn.MaxPool1d(2), nn.MaxPool1d(3, stride=2, padding=1),
        nn.AvgPool1d(3, stride=2), nn.AdaptiveMaxPool1d(3), nn.AdaptiveMaxPool2d((2, 3)), nn.AdaptiveMaxPool2d(2),
        nn.Upsample(scale_factor=2), nn.Upsample(size=(5, 7)), nn.Upsample(scale_factor=1.5, mode='nearest'),
        nn.PixelShuffle(2), nn.CosineSimilarity(), nn.PairwiseDistance(), nn.TripletMarginLoss(), nn.MarginRankingLoss(margin=0.5),
        nn.CosineEmbeddingLoss(margin=0.1)]
for m in mods:
    print(m)
x3 = torch.randn(2, 4, 6, requires_grad=True)
x4 = torch.randn(2, 4, 4, 6, requires_grad=True)
gn = nn.GroupNorm(2, 4)
y = gn(x4)
print(y.grad_fn, y[0, 0])
y.pow(2).sum().backward()
print(gn.weight.grad, gn.bias.grad)
print(x4.grad[0, 0, 0])
print(F.group_norm(x3, 4))
inn = nn.InstanceNorm1d(4, track_running_stats=True)
o = inn(x3)
print(o.grad_fn, o[1])
print(inn.running_mean, inn.running_var, inn.running_mean._version, inn.num_batches_tracked)
inn.eval()
print(inn(x3)[0, 0])
print(nn.InstanceNorm2d(4, affine=True)(x4)[1, 2])
print(F.max_pool1d(x3, 2), F.max_pool1d(x3, 2).grad_fn)
out, idx = F.max_pool1d(x3, 3, stride=1, padding=1, return_indices=True)
print(out[0], idx[0])
print(F.avg_pool1d(x3, 2))
print(nn.AdaptiveMaxPool1d(4)(x3), F.adaptive_max_pool1d(x3, 3, return_indices=True)[1])
z = F.adaptive_max_pool2d(x4, (3, 4))
print(z.grad_fn, z[0, 0])
z.sum().backward()
print(x4.grad[0, 0])
u = F.interpolate(x4, scale_factor=2)
print(u.shape, u.grad_fn, u[0, 0, :3])
print(F.interpolate(x3, size=9)[0, 0], F.interpolate(x4, size=(3, 5))[0, 0])
print(F.interpolate(x4, scale_factor=1.7).shape, F.interpolate(x3, scale_factor=0.5))
u.sum().backward()
print(x4.grad[0, 0])
ps = nn.PixelShuffle(2)(x4)
print(ps.shape, ps.grad_fn, ps[0, 0])
a, b = torch.randn(5, 3), torch.randn(5, 3)
print(F.cosine_similarity(a, b), F.cosine_similarity(a, b, dim=0), F.pairwise_distance(a, b), F.pairwise_distance(a, b, p=1, keepdim=True))
print(nn.CosineSimilarity(dim=1)(a, b).grad_fn)
c = torch.randn(5, 3)
print(F.triplet_margin_loss(a, b, c), F.triplet_margin_loss(a, b, c, swap=True, reduction='none'))
print(F.margin_ranking_loss(a[:, 0], b[:, 0], torch.tensor([1., -1, 1, -1, 1])), nn.MarginRankingLoss(0.3, reduction='sum')(a[:, 0], b[:, 0], torch.ones(5)))
print(F.cosine_embedding_loss(a, b, torch.tensor([1, -1, 1, -1, 1])), nn.CosineEmbeddingLoss(0.2, reduction='none')(a, b, torch.tensor([1, -1, 1, -1, 1])))
try:
    nn.GroupNorm(3, 4)
except ValueError as e:
    print(e)
try:
    F.interpolate(x4, scale_factor=2, size=3)
except ValueError as e:
    print(e)
try:
    nn.InstanceNorm1d(4)(torch.randn(2, 4, 1))
except ValueError as e:
    print(e)

import torch
import torch.nn as nn
import copy
from collections import OrderedDict
bn = nn.BatchNorm1d(2)
sd = bn.state_dict()
print(sd._metadata)
d = {k: v for k, v in sd.items() if k != "num_batches_tracked"}
print(bn.load_state_dict(d))
sd2 = bn.state_dict()
del sd2["num_batches_tracked"]
try:
    print(bn.load_state_dict(sd2))
except RuntimeError as e:
    print(e)
sd3 = bn.state_dict()
sd3._metadata[""]["version"] = 1
del sd3["num_batches_tracked"]
print(bn.load_state_dict(sd3), bn.num_batches_tracked)
m = nn.Sequential(nn.Linear(1, 1), nn.Sequential(nn.BatchNorm1d(1)))
print(m.state_dict()._metadata)
c = m.state_dict().copy()
print(hasattr(c, "_metadata"))
print(list(m.state_dict(prefix="p.")._metadata.keys()))
inn = nn.InstanceNorm1d(2)
print(inn.state_dict()._metadata, list(inn.state_dict().keys()))
try:
    inn.load_state_dict({"running_mean": torch.zeros(2), "running_var": torch.ones(2)})
except RuntimeError as e:
    print(e)
sd = inn.state_dict()
sd["running_mean"] = torch.zeros(2)
try:
    inn.load_state_dict(sd)
except RuntimeError as e:
    print(e)
m = nn.Sequential(nn.Conv1d(1, 2, 1), nn.BatchNorm1d(2), nn.InstanceNorm1d(2, track_running_stats=True))
d = {k: v for k, v in m.state_dict().items() if "num_batches" not in k}
print(m.load_state_dict(d))
print(copy.deepcopy(m.state_dict())._metadata)
print(m.load_state_dict(m.state_dict(), assign=True))
m2 = nn.LazyLinear(2)
print(m2.state_dict()._metadata)

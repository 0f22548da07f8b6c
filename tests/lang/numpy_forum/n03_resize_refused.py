import torch
import numpy as np
a = np.zeros(3)
t = torch.from_numpy(a)
t.resize_(2)
print(t, t._version)
t.resize_(5)

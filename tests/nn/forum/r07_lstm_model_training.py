import copy
import torch
import torch.nn as nn


class LSTMModel(nn.Module):
    def __init__(self, input_dim, hidden_dim, layer_dim, output_dim):
        super().__init__()
        self.hidden_dim = hidden_dim
        self.layer_dim = layer_dim
        self.lstm = nn.LSTM(input_dim, hidden_dim, layer_dim, batch_first=True)
        self.fc = nn.Linear(hidden_dim, output_dim)

    def forward(self, x):
        h0 = torch.zeros(self.layer_dim, x.size(0), self.hidden_dim).requires_grad_()
        c0 = torch.zeros(self.layer_dim, x.size(0), self.hidden_dim).requires_grad_()
        out, (hn, cn) = self.lstm(x, (h0.detach(), c0.detach()))
        out = self.fc(out[:, -1, :])
        return out


torch.manual_seed(0)
model = LSTMModel(4, 8, 2, 1)
print(model)
for name, param in model.lstm.named_parameters():
    if "bias" in name:
        nn.init.constant_(param, 0.0)
    elif "weight_hh" in name:
        nn.init.orthogonal_(param)
    else:
        nn.init.xavier_uniform_(param)
print(list(model.state_dict().keys()))
opt = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.MSELoss()
x = torch.randn(16, 6, 4)
y = x.sum(dim=(1, 2)).unsqueeze(1) * 0.1
for epoch in range(5):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    print(epoch, round(loss.item(), 4))
m2 = copy.deepcopy(model)
print(torch.equal(m2.lstm.weight_ih_l0, model.lstm.weight_ih_l0), m2.lstm.weight_ih_l0 is model.lstm.weight_ih_l0)
m2.load_state_dict(model.state_dict())
outs = []
handle = model.lstm.register_forward_hook(lambda mod, inp, out: outs.append((type(out).__name__, out[0].shape, out[1][0].shape)))
with torch.no_grad():
    print(model(x[:2]))
print(outs)
handle.remove()
print(sum(p.numel() for p in model.parameters() if p.requires_grad))
model.lstm.flatten_parameters()
print(model.lstm.weight_hh_l1.shape, model.lstm.all_weights[1][0].shape)

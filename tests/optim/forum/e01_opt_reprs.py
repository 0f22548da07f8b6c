import torch
w = torch.zeros(2, requires_grad=True)
for opt in [torch.optim.SGD([w], lr=0.1), torch.optim.Adam([w]), torch.optim.AdamW([w], lr=1e-3, amsgrad=True),
            torch.optim.RMSprop([w]), torch.optim.Adagrad([w]), torch.optim.SGD([w], 0.01, momentum=0.9, foreach=False),
            torch.optim.Adam([w], lr=torch.tensor(0.01))]:
    print(opt)
    print(opt.defaults)
    print(opt.state_dict())

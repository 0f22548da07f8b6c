import torch
w = torch.zeros(2, requires_grad=True)
x = torch.ones(2)
for make in [lambda: torch.optim.SGD([w], lr=0.1, momentum=-1), lambda: torch.optim.Adam([w], betas=(1.0, 0.9)),
             lambda: torch.optim.Adam([w], eps=-1), lambda: torch.optim.SGD(w, lr=0.1),
             lambda: torch.optim.SGD([x], lr=0.1), lambda: torch.optim.SGD([w, w], lr=0.1),
             lambda: torch.optim.Adam([w], weight_decay=-0.1), lambda: torch.optim.RMSprop([w], alpha=-1),
             lambda: torch.optim.SGD([{'params': [w]}, {'params': [w]}], lr=0.1),
             lambda: torch.optim.SGD([w]).step()]:
    try:
        print(make())
    except Exception as e:
        print(type(e).__name__, e)

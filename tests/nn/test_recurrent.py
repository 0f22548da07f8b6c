"""nn.RNN/LSTM/GRU and their cells against torch: seeded construction, forward values and grad_fn names (the
native path's StackBackward0/CatBackward0/TransposeBackward1, float32 LSTM's MkldnnRnnLayerBackward0), gradients of
every parameter, hidden states carried over batches, reprs and errors. Each program runs verbatim in torch (one
process for all) and in the language; stdout, the error's last line and warnings must be equal."""
import textwrap

import pytest

from forum_runner import run_in_language, run_in_torch

PROGRAMS = {
    "seeded_construction": """
        torch.manual_seed(0)
        for m in (nn.RNN(2, 3), nn.LSTM(2, 3), nn.GRU(2, 3, num_layers=2, bidirectional=True),
                  nn.LSTM(3, 4, proj_size=2, bias=False), nn.RNNCell(2, 3), nn.LSTMCell(2, 3), nn.GRUCell(2, 3, bias=False)):
            print(m)
            for name, p in m.named_parameters():
                print(name, tuple(p.shape), p.sum().item())
        print(nn.LSTM(2, 3, 2, True, True, 0.5, True), nn.RNN(2, 3, 1, 'relu', False))
        print(nn.RNN(2, 3, nonlinearity='relu').nonlinearity, nn.RNNCell(2, 3, nonlinearity='relu'))
        """,
    "forward_and_grads_every_kind": """
        torch.manual_seed(1)
        for kind in ("RNN", "LSTM", "GRU"):
            for kw in ({}, {"num_layers": 2}, {"bidirectional": True}, {"batch_first": True},
                       {"bias": False, "num_layers": 2, "bidirectional": True}):
                m = getattr(nn, kind)(3, 4, **kw)
                x = torch.randn(2, 5, 3) if kw.get("batch_first") else torch.randn(5, 2, 3)
                out, h = m(x)
                hn = h[0] if kind == "LSTM" else h
                print(kind, kw, out.shape, out.grad_fn, hn.shape, hn.grad_fn)
                print(out[-1], hn)
                (out.pow(2).sum() + hn.sum()).backward()
                for name, p in m.named_parameters():  # (summed: 3 decimals; last bits of addmm may differ)
                    print(name, round(p.grad.abs().sum().item(), 3))
        """,
    "relu_rnn_and_given_hidden": """
        torch.manual_seed(2)
        m = nn.RNN(2, 3, num_layers=2, nonlinearity='relu')
        h0 = torch.randn(2, 4, 3, requires_grad=True)
        x = torch.randn(6, 4, 2, requires_grad=True)
        out, h = m(x, h0)
        print(out, h)
        out.sum().backward()
        print(x.grad, h0.grad)
        g = nn.GRU(2, 3)
        out, h = g(x, h0[:1])
        print(out.grad_fn.next_functions, h.grad_fn)
        """,
    "unbatched_inputs": """
        torch.manual_seed(3)
        for m in (nn.RNN(2, 3), nn.GRU(2, 3, batch_first=True), nn.LSTM(2, 3, bidirectional=True)):
            x = torch.randn(4, 2)
            out, h = m(x)
            print(out, out.grad_fn)
            print(h)
        m = nn.LSTM(2, 3)
        out, (h, c) = m(torch.randn(4, 2), (torch.zeros(1, 3), torch.ones(1, 3)))
        print(out, h, c)
        print(nn.GRUCell(2, 3)(torch.randn(2)), nn.RNNCell(2, 3)(torch.randn(2), torch.ones(3)))
        """,
    "dropout_between_layers_train_and_eval": """
        torch.manual_seed(4)
        m = nn.LSTM(2, 3, num_layers=3, dropout=0.5)
        x = torch.randn(3, 2, 2)
        out, (h, c) = m(x)
        print(out, h)
        print(torch.rand(1))
        m.eval()
        out, (h, c) = m(x)
        print(out, h, torch.rand(1))
        g = nn.GRU(2, 3, num_layers=2, dropout=0.3, bidirectional=True)
        out, h = g(x)
        print(out.grad_fn, out.grad_fn.next_functions[0][0].next_functions[0][0].next_functions)
        """,
    "hidden_state_carried_over_batches": """
        torch.manual_seed(5)
        for kind in ("LSTM", "GRU", "RNN"):
            m = getattr(nn, kind)(3, 4, batch_first=True)
            opt = torch.optim.SGD(m.parameters(), lr=0.1)
            h = None
            for step in range(3):
                out, h = m(torch.randn(2, 5, 3), h)
                loss = out.pow(2).mean()
                opt.zero_grad()
                try:
                    loss.backward()
                except RuntimeError as e:
                    print(kind, step, e)
                    break
                opt.step()
            h = None
            for step in range(3):
                if h is not None:
                    h = tuple(t.detach() for t in h) if kind == "LSTM" else h.detach()
                out, h = m(torch.randn(2, 5, 3), h)
                loss = out.pow(2).mean()
                opt.zero_grad()
                loss.backward()
                opt.step()
                print(kind, step, loss)
        """,
    "cells_step_by_step": """
        torch.manual_seed(6)
        cell = nn.LSTMCell(3, 4)
        x = torch.randn(5, 2, 3)
        h, c = torch.zeros(2, 4), torch.zeros(2, 4)
        outs = []
        for t in range(5):
            h, c = cell(x[t], (h, c))
            outs.append(h)
        y = torch.stack(outs)
        print(y, y.grad_fn, h.grad_fn, c.grad_fn, c.grad_fn.next_functions)
        y.sum().backward()
        print(cell.weight_ih.grad, cell.bias_hh.grad)
        g = nn.GRUCell(3, 4)
        h = g(x[0])
        print(h, h.grad_fn.next_functions)
        r = nn.RNNCell(3, 4, bias=False)
        h = r(x[0])
        print(h, h.grad_fn.next_functions[0][0].next_functions)
        """,
    "attributes_and_module_api": """
        torch.manual_seed(7)
        m = nn.LSTM(2, 3, num_layers=2, bidirectional=True)
        print(m._flat_weights_names)
        print([tuple(w.shape) for w in m._flat_weights])
        print([[tuple(w.shape) for w in ws] for ws in m.all_weights])
        print(m.flatten_parameters(), m.input_size, m.hidden_size, m.num_layers, m.bidirectional, m.dropout)
        print(list(m.state_dict().keys()))
        m.weight_ih_l0 = nn.Parameter(torch.zeros(12, 2))
        print(m._flat_weights[0].sum(), m(torch.ones(1, 1, 2))[0])
        print(sum(p.numel() for p in m.parameters()))
        d = nn.GRU(2, 3).double()
        print(d(torch.ones(2, 1, 2, dtype=torch.float64))[1])
        """,
    "lstm_gradient_of_gradient": """
        torch.manual_seed(8)
        m = nn.LSTM(2, 3, num_layers=2)
        x = torch.randn(4, 1, 2, requires_grad=True)
        o, (h, c) = m(x)
        g, = torch.autograd.grad(o.sum() + c.sum(), x, create_graph=True)
        print(g.requires_grad, (g * 1000).round())
        g.pow(2).sum().backward()
        print((x.grad * 1000).round(), (m.weight_hh_l0.grad * 1000).round())
        o.sum().backward()
        print((m.bias_ih_l1.grad * 1000).round())
        """,
    "errors": """
        m = nn.LSTM(2, 3)
        for bad in (lambda: m(torch.randn(4, 1, 3)), lambda: m(torch.randn(4, 1, 2).double()),
                    lambda: m(torch.randn(4, 1, 2), (torch.zeros(1, 2, 3), torch.zeros(1, 1, 3))),
                    lambda: m(torch.randn(4, 1, 2), (torch.zeros(1, 1, 3), torch.zeros(1, 1, 4))),
                    lambda: m(torch.randn(4, 1, 2), (torch.zeros(1, 1, 3), torch.zeros(1, 3))),
                    lambda: nn.GRU(2, 3)(torch.randn(4, 2), torch.zeros(1, 1, 3)),
                    lambda: nn.RNN(2, 3)(torch.randn(2)), lambda: nn.LSTMCell(2, 3)(torch.randn(2, 2, 2)),
                    lambda: nn.LSTMCell(2, 3)(torch.randn(2), (torch.zeros(1, 1, 3), torch.zeros(3))),
                    lambda: nn.GRUCell(2, 3)(torch.randn(4, 2), torch.zeros(4, 2)),
                    lambda: nn.RNNCell(2, 3)(torch.randn(4, 3)),
                    lambda: nn.LSTM(2, 3, num_layers=0), lambda: nn.LSTM(2, 0), lambda: nn.GRU(2, 3, dropout=-0.1),
                    lambda: nn.GRU(2, 3, dropout=True), lambda: nn.RNN(2, 3, batch_first=1),
                    lambda: nn.LSTM(2, 3, proj_size=-1), lambda: nn.RNN(2, 3, proj_size=1)):
            try:
                bad()
                print("no error")
            except (RuntimeError, ValueError, TypeError) as e:
                print(type(e).__name__, e)
        nn.LSTM(2, 3)(torch.randn(4, 1, 2), torch.zeros(1, 1, 3))
        """,
}

NAMES = sorted(PROGRAMS)
HEADER = "import torch\nimport torch.nn as nn\n"


@pytest.fixture(scope="module")
def programs(tmp_path_factory):
    directory = tmp_path_factory.mktemp("recurrent")
    paths = {}
    for name, body in PROGRAMS.items():
        paths[name] = directory / f"{name}.py"
        paths[name].write_text(HEADER + textwrap.dedent(body))
    return paths


@pytest.fixture(scope="module")
def torch_results(programs):
    pytest.importorskip("torch")
    return run_in_torch(list(programs.values()))


@pytest.mark.parametrize("name", NAMES)
def test_recurrent_program_prints_what_torch_prints(name, programs, torch_results):
    assert run_in_language(programs[name]) == torch_results[programs[name]]

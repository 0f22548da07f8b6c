"""Classes of difference found by the eleventh round's forum-style torch.nn / torch.optim programs, one
differential program each, run under torch and the engine: printed text, errors and warnings the same."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import same_as_torch  # noqa: E402

PROGRAMS = {
"embedding_max_norm_renormalises_the_rows_it_looks_up_in_place": """
w = torch.randn(6, 4, requires_grad=True)
o = F.embedding(torch.tensor([[1, 3, 1], [5, 0, 0]]), w, max_norm=1.5, norm_type=1)
print(w._version, o, w)
e = nn.Embedding(5, 4, max_norm=1.0)
before = e.weight.norm(dim=1).clone()
o2 = e(torch.tensor([1, 3]))
print(before, e.weight.norm(dim=1), o2.norm(dim=1), e.weight._version)
w2 = torch.ones(4, 2) * 0.1
F.embedding(torch.tensor([1, 2]), w2, max_norm=1.0)
print(w2._version)
h = torch.ones(4, 2, dtype=torch.float16) * 3
print(F.embedding(torch.tensor([1, 2]), h, max_norm=1.0), h._version)
d = torch.randn(5, 3, dtype=torch.float64)
F.embedding(torch.tensor([4, 0], dtype=torch.int32), d, max_norm=0.9, norm_type=3.0)
print(d)
print(torch.embedding_renorm_(torch.ones(3, 3), torch.tensor([0, 0, 2]), 1.0, 2.0))
bag = nn.EmbeddingBag(6, 3, max_norm=0.8, mode='sum')
out = bag(torch.tensor([[1, 2, 2], [4, 5, 1]]))
print(out, bag.weight.norm(dim=1), bag.weight._version)
out.sum().backward()
print(bag.weight.grad)
print(F.embedding_bag(torch.tensor([0, 3, 3, 5]), bag.weight, torch.tensor([0, 2]), max_norm=0.5, norm_type=1.0,
                      mode='max'))
for f in [lambda: F.embedding(torch.tensor([7]), w, max_norm=1.0), lambda: F.embedding(torch.tensor([1.]), w, max_norm=1.0),
          lambda: F.embedding(torch.tensor([1]), torch.ones(3), max_norm=1.0),
          lambda: torch.embedding_renorm_(torch.ones(4, 2, requires_grad=True), torch.tensor([0]), 1.0, 2.0)]:
    try:
        f()
    except Exception as err:  # noqa: BLE001 - IndexError, then RuntimeErrors
        print(err)
""",
"torch_load_gives_back_parameters_and_one_object_for_one_saved_object": """
import tempfile, os
path = os.path.join(tempfile.mkdtemp(), "ck.pt")
lin = nn.Linear(2, 2)
lin.bias.requires_grad_(False)
shared = [1, 2]
torch.save([lin.weight, lin.bias, lin.weight.data, {'w': lin.weight, 's': shared}, shared, lin.state_dict()], path)
a = torch.load(path)
print([type(t).__name__ for t in a[:3]], type(a[3]['w']).__name__, a[0] is a[3]['w'], a[3]['s'] is a[4])
print(a[0], a[1], a[2], a[5])
print(a[0]._version, a[2]._version, a[0].is_leaf, a[0].grad_fn, a[0].data_ptr() == a[2].data_ptr())
print(type(a[5]['weight']).__name__, a[5]['weight'].requires_grad)
a[0].sum().backward()
print(a[0].grad, lin.weight.grad)
torch.save(list(lin.parameters()), path)
print(torch.load(path))
""",
"parametrizations_orthogonal_with_its_three_maps": """
P = torch.nn.utils.parametrizations
for shape, kw in [((4, 4), {}), ((3, 5), {}), ((5, 3), {}), ((4, 4), {'orthogonal_map': 'cayley'}),
                  ((3, 5), {'orthogonal_map': 'householder'}), ((4, 4), {'orthogonal_map': 'householder'}),
                  ((5, 3), {'orthogonal_map': 'matrix_exp'}), ((5, 3), {'orthogonal_map': 'cayley'}),
                  ((3, 5), {'use_trivialization': False, 'orthogonal_map': 'householder'}),
                  ((4, 4), {'use_trivialization': False})]:
    lin = P.orthogonal(nn.Linear(shape[1], shape[0]), **kw)
    W = lin.weight
    print(shape, kw, type(lin).__name__, W.grad_fn is not None)
    print(W, lin.parametrizations.weight.original)
    print(lin.parametrizations.weight[0].orthogonal_map, hasattr(lin.parametrizations.weight[0], 'base'))
    lin(torch.randn(2, shape[1])).pow(2).sum().backward()
    if shape == (4, 4) or lin.parametrizations.weight[0].orthogonal_map.name != 'householder':  # (last digits of the
        # gradients of a non-square householder_product: its backward is the composite's, not ATen's formula)
        print(lin.parametrizations.weight.original.grad)
    print(sorted(lin.state_dict().keys()))
orth = P.orthogonal(nn.Linear(3, 3))
print(orth)
orth.weight = torch.tensor([[0., 1., 0.], [1., 0., 0.], [0., 0., 1.]])
print(orth.weight, orth.parametrizations.weight[0].base)
q = nn.Linear(2, 2)
with torch.no_grad():
    q.weight.copy_(torch.tensor([[0.6, -0.8], [0.8, 0.6]]))
print(P.orthogonal(q).parametrizations.weight[0].base)
conv = P.orthogonal(nn.Conv1d(2, 2, 3))
print(conv.weight.shape, conv.weight)
for f in [lambda: P.orthogonal(nn.Linear(3, 3), orthogonal_map='qr'), lambda: P.orthogonal(nn.BatchNorm1d(3)),
          lambda: P.orthogonal(nn.Linear(3, 3), 'bias'), lambda: setattr(orth, 'weight', torch.eye(2))]:
    try:
        f()
    except ValueError as e:
        print(e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round11_nn_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])

import torch
import warnings
a = torch.tensor([1.0], requires_grad=True)
b = a * 2
for i in range(3):
    print(b.grad)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    for i in range(2):
        print(b.grad)
    warnings.warn("my own warning")
    warnings.warn("dep", DeprecationWarning)
print(len(w), [str(x.message)[:40] for x in w], [x.category.__name__ for x in w])
print(issubclass(w[0].category, UserWarning), isinstance(w[0].message, Warning))
warnings.filterwarnings("ignore", message="The .grad attribute")
print(b.grad)
warnings.filterwarnings("ignore", category=UserWarning)
warnings.warn("silenced")
x = torch.tensor([1., 2.], requires_grad=True)
print(torch.tensor(x))
warnings.resetwarnings()
warnings.simplefilter("ignore")
print(b.grad)
warnings.filterwarnings("ignore")
a = torch.tensor([1.0], requires_grad=True)
b = a * 2
print(b.grad)
warnings.simplefilter("default")
print(b.grad)
warnings.warn("once more")
for i in range(2):
    warnings.warn("loop")
warnings.simplefilter("once")
for i in range(2):
    print(b.grad)
print(b.grad)
a = torch.tensor([1.0], requires_grad=True)
warnings.resetwarnings()
b = a * 2
warnings.simplefilter("error")
try:
    print(b.grad)
except UserWarning as e:
    print("caught:", str(e)[:50], type(e).__name__)
try:
    warnings.warn("deprecated thing", DeprecationWarning)
except DeprecationWarning as e:
    print("caught2:", e)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    print(b.grad)
warnings.filterwarnings("default", category=DeprecationWarning)
warnings.warn("shown", DeprecationWarning)

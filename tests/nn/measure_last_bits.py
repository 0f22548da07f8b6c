"""How often nn ops agree with PyTorch to the last bit (values and gradients), on random inputs: README's
numbers. Run: python3 tests/nn/measure_last_bits.py (needs torch)."""
import sys; sys.path.insert(0, __file__.rsplit('/tests/', 1)[0])
import numpy as np, torch, torch.nn.functional as TF
from tensorsh.engine import torch_api as T
import tensorsh.nn as tnn
tt=T.NAMESPACE['tensor']; F=tnn.functional
def E(t, rg=False): return tt(t.detach().tolist(), requires_grad=rg)
def rate(a, b): a=np.asarray(a._np if hasattr(a,'_np') else a); b=b.detach().numpy(); return (a==b).mean()
res={}
torch.manual_seed(0)
def case(name, tf, ef, shapes, grads=True):
    vals=[];gvals=[]
    for sh in shapes:
        xs=[torch.randn(*s) for s in sh]
        txs=[x.clone().requires_grad_() for x in xs]
        y=tf(*txs); g=torch.randn(y.shape); y.backward(g)
        exs=[E(x,True) for x in xs]
        ey=ef(*exs); ey.backward(E(g))
        vals.append(rate(ey,y)); gvals.append(np.mean([rate(e.grad,t.grad) for e,t in zip(exs,txs) if t.grad is not None]))
    res[name]=(np.mean(vals), np.mean(gvals))
case('linear 2x16 (toy inner dim)', lambda x,w,b: TF.linear(x,w,b), lambda x,w,b: F.linear(x,w,b), [[(8,2),(16,2),(16,)]]*5)
case('linear 16->1', lambda x,w,b: TF.linear(x,w,b), lambda x,w,b: F.linear(x,w,b), [[(8,16),(1,16),(1,)]]*5)
case('linear 64->32, batch 32', lambda x,w,b: TF.linear(x,w,b), lambda x,w,b: F.linear(x,w,b), [[(32,64),(32,64),(32,)]]*3)
case('conv2d N=1 3x3', lambda x,w,b: TF.conv2d(x,w,b), lambda x,w,b: F.conv2d(x,w,b), [[(1,3,8,8),(4,3,3,3),(4,)]]*3)
case('conv2d N=4 C=16 3x3 pad 1', lambda x,w,b: TF.conv2d(x,w,b,padding=1), lambda x,w,b: F.conv2d(x,w,b,padding=1), [[(4,16,8,8),(8,16,3,3),(8,)]]*2)
case('conv1d N=2', lambda x,w,b: TF.conv1d(x,w,b), lambda x,w,b: F.conv1d(x,w,b), [[(2,4,20),(6,4,5),(6,)]]*3)
for nm in ['gelu','silu','elu','leaky_relu','softplus']:
    case(nm+' (4096 elements)', getattr(TF,nm), getattr(F,nm), [[(64,64)]]*3)
    case(nm+' (7 elements)', getattr(TF,nm), getattr(F,nm), [[(7,)]]*20)
case('layer_norm 32x64', lambda x,w,b: TF.layer_norm(x,(64,),w,b), lambda x,w,b: F.layer_norm(x,(64,),w,b), [[(32,64),(64,),(64,)]]*3)
case('batch_norm (16,32)', lambda x,w,b: TF.batch_norm(x,None,None,w,b,True), lambda x,w,b: F.batch_norm(x,None,None,w,b,True), [[(16,32),(32,),(32,)]]*3)
case('batch_norm (4,8,6,6)', lambda x,w,b: TF.batch_norm(x,None,None,w,b,True), lambda x,w,b: F.batch_norm(x,None,None,w,b,True), [[(4,8,6,6),(8,),(8,)]]*3)
case('cross_entropy (32,10)', lambda x: TF.cross_entropy(x, torch.arange(32)%10), lambda x: F.cross_entropy(x, T.NAMESPACE['arange'](32)%10), [[(32,10)]]*5)
case('bce_with_logits (32,10)', lambda x,t: TF.binary_cross_entropy_with_logits(x,t.sigmoid().detach()), lambda x,t: F.binary_cross_entropy_with_logits(x,t.sigmoid().detach()), [[(32,10),(32,10)]]*5)
case('max_pool2d / avg_pool2d', lambda x: TF.max_pool2d(x,2)+TF.avg_pool2d(x,2), lambda x: F.max_pool2d(x,2)+F.avg_pool2d(x,2), [[(2,3,8,8)]]*3)
for k,(v,g) in res.items(): print(f"{k:40s} values {100*v:6.2f}%  grads {100*g:6.2f}%")

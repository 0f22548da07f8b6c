"""The text of c10's dispatcher when an operator has no CPU kernel: "Could not run 'aten::mm.dtype' with arguments
from the 'CPU' backend ..." and the table of every dispatch key it is registered for. The out_dtype overloads of
mm/bmm/addmm/baddbmm (CUDA kernels only) are the ones a program can reach on CPU. The table is the PyTorch 2.13.0
wheel's: its build paths and lines, read from the wheel (torch.mm(a, b, torch.half) and the other seven), and the
Meta kernel's path, which is wherever torch is installed: this Python's site-packages."""

_FALLBACK = "/__w/pytorch/pytorch/aten/src/ATen/{} [backend fallback]"
_GENERATED = "/__w/pytorch/pytorch/torch/csrc/autograd/generated/{} [{}]"

# overload -> (its VariableType and TraceType registrations, and for out= overloads their Functionalize and
# ADInplaceOrView kernels; the functional overloads take those keys' fallbacks)
_REGISTERED = {
    "mm.dtype": ("VariableType_8.cpp:9410", "TraceType_8.cpp:7071", None),
    "bmm.dtype": ("VariableType_3.cpp:10966", "TraceType_3.cpp:7601", None),
    "addmm.dtype": ("VariableType_0.cpp:10502", "TraceType_0.cpp:8609", None),
    "baddbmm.dtype": ("VariableType_7.cpp:10102", "TraceType_7.cpp:9838", None),
    "mm.dtype_out": ("VariableType_6.cpp:8660", "TraceType_8.cpp:7071",
                     ("RegisterFunctionalization_0.cpp:23161", "ADInplaceOrViewType_0.cpp:5032")),
    "bmm.dtype_out": ("VariableType_3.cpp:10966", "TraceType_3.cpp:7601",
                      ("RegisterFunctionalization_3.cpp:26184", "ADInplaceOrViewType_1.cpp:5408")),
    "addmm.dtype_out": ("VariableType_2.cpp:10455", "TraceType_0.cpp:8609",
                        ("RegisterFunctionalization_2.cpp:23652", "ADInplaceOrViewType_0.cpp:5032")),
    "baddbmm.dtype_out": ("VariableType_6.cpp:8660", "TraceType_7.cpp:9838",
                          ("RegisterFunctionalization_3.cpp:26184", "ADInplaceOrViewType_1.cpp:5408")),
}
_AUTOGRAD = ("Other CPU CUDA HIP XLA MPS IPU XPU HPU VE Lazy MTIA MAIA PrivateUse1 PrivateUse2 PrivateUse3 Meta "
             "NestedTensor").split()
_AFTER_TRACER = [
    ("AutocastCPU", "fallthrough ", "autocast_mode.cpp:330"), ("AutocastMTIA", "fallthrough ", "autocast_mode.cpp:472"),
    ("AutocastMAIA", "fallthrough ", "autocast_mode.cpp:510"), ("AutocastXPU", "fallthrough ", "autocast_mode.cpp:548"),
    ("AutocastMPS", "fallthrough ", "autocast_mode.cpp:221"), ("AutocastCUDA", "fallthrough ", "autocast_mode.cpp:177"),
    ("FuncTorchBatched", "", "functorch/LegacyBatchingRegistrations.cpp:730"),
    ("BatchedNestedTensor", "", "functorch/LegacyBatchingRegistrations.cpp:757"),
    ("FuncTorchVmapMode", "fallthrough ", "functorch/VmapModeRegistrations.cpp:22"),
    ("Batched", "", "LegacyBatchingRegistrations.cpp:1072"), ("VmapMode", "fallthrough ", "VmapModeRegistrations.cpp:32"),
    ("FuncTorchGradWrapper", "", "functorch/TensorWrapper.cpp:210"),
    ("PythonTLSSnapshot", "", "core/PythonFallbackKernel.cpp:200"),
    ("FuncTorchDynamicLayerFrontMode", "", "functorch/DynamicLayer.cpp:475"),
    ("PreDispatch", "", "core/PythonFallbackKernel.cpp:204"), ("PythonDispatcher", "", "core/PythonFallbackKernel.cpp:196")]


def _meta_registrations_path():
    import os
    import sysconfig
    return os.path.join(sysconfig.get_paths()["purelib"], "torch", "_meta_registrations.py")


def no_cpu_kernel(overload):
    """c10's NotImplementedError text for an operator overload (a key of _REGISTERED) called on CPU tensors."""
    autograd, trace, out_kernels = _REGISTERED[overload]
    if out_kernels:
        functionalize = f"registered at /__w/pytorch/pytorch/build/aten/src/ATen/{out_kernels[0]} [kernel]"
        in_place = "registered at " + _GENERATED.format(out_kernels[1], "kernel")
    else:
        functionalize = "registered at " + _FALLBACK.format("FunctionalizeFallbackKernel.cpp:411")
        in_place = "fallthrough registered at " + _FALLBACK.format("core/VariableFallbackKernel.cpp:103")
    keys = [("Meta", f"registered at {_meta_registrations_path()}:54 [kernel]"),
            ("BackendSelect", "fallthrough registered at " + _FALLBACK.format("core/BackendSelectFallbackKernel.cpp:3")),
            ("Python", "registered at " + _FALLBACK.format("core/PythonFallbackKernel.cpp:192")),
            ("FuncTorchDynamicLayerBackMode", "registered at " + _FALLBACK.format("functorch/DynamicLayer.cpp:479")),
            ("Functionalize", functionalize),
            ("Conjugate", "registered at " + _FALLBACK.format("ConjugateFallback.cpp:17")),
            ("Negative", "registered at " + _FALLBACK.format("native/NegateFallback.cpp:18")),
            ("ZeroTensor", "registered at " + _FALLBACK.format("ZeroTensorFallback.cpp:115")),
            ("ADInplaceOrView", in_place)]
    keys += [("Autograd" + name, "registered at " + _GENERATED.format(autograd, "autograd kernel")) for name in _AUTOGRAD]
    keys.append(("Tracer", "registered at " + _GENERATED.format(trace, "kernel")))
    keys += [(name, f"{how}registered at " + _FALLBACK.format(where)) for name, how, where in _AFTER_TRACER]
    return (f"Could not run 'aten::{overload}' with arguments from the 'CPU' backend. This could be because the "
            "operator doesn't exist for this backend, or was omitted during the selective/custom build process (if "
            "using custom build). If you are a Facebook employee using PyTorch on mobile, please visit "
            f"https://fburl.com/ptmfixes for possible resolutions. 'aten::{overload}' is only available for these "
            f"backends: [{', '.join(name for name, _ in keys)}].\n\n" +
            "".join(f"{name}: {text}\n" for name, text in keys))

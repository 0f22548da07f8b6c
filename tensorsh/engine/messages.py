"""PyTorch 2.13's exact error and warning texts, in one place."""
import math

import numpy as np

HINT = ("Hint: enable anomaly detection to find the operation that failed to compute its gradient, "
        "with torch.autograd.set_detect_anomaly(True, check_nan=False).")

# texts that several modules raise (a text only one op raises stays beside its check)
NEGATIVE_DIMENSION = "Trying to create tensor with negative dimension {}: {}"
ONE_ELEMENT = "only one element tensors can be converted to Python scalars"
LONG_OVERFLOW = "Overflow when unpacking long long"
UNFLATTEN_EMPTY = "unflatten: sizes must be non-empty"
LEAKY_INPLACE_NEGATIVE_SLOPE = (  # leaky_relu_backward on a result (leaky_relu_'s, rrelu_'s in evaluation)
    "In-place leakyReLu backward calculation is triggered with a negative slope which is not supported. This is "
    "caused by calling in-place forward function with a negative slope, please call out-of-place version instead. "
    "File an issue at https://github.com/pytorch/pytorch if you do require supporting in-place leakRelu backward "
    "calculation with negative slope")
FUNCTORCH_SETUP_CONTEXT = (
    "In order to use an autograd.Function with functorch transforms (vmap, grad, jvp, jacrev, ...), it must override "
    "the setup_context staticmethod. For more details, please see https://pytorch.org/docs/main/notes/extending.func.html")
VMAP_RULE_MISSING = (
    "You tried to vmap over {}, but it does not have vmap support. Please override and implement the vmap "
    "staticmethod or set generate_vmap_rule=True. For more details, please see "
    "https://pytorch.org/docs/main/notes/extending.func.html")
VMAP_RULE_TWICE = (
    "You tried to vmap over {}, but it has both generate_vmap_rule=True and an overridden vmap staticmethod. Please "
    "set generate_vmap_rule=False or delete the overridden vmap staticmethod to avoid ambiguity. For more details, "
    "please see https://pytorch.org/docs/main/notes/extending.func.html")
# validate_outputs' TORCH_CHECK without a message: a complex gradient for a real input, or an integer one for a complex
REAL_COMPLEX_GRADIENT = ("Expected isFloatingType(grad.scalar_type()) || (input_is_complex == grad_is_complex) to be "
                         "true, but got false.  (Could this error message be improved?  If so, please report an "
                         "enhancement request to PyTorch.)")
INVALID_GRADIENT = ("Function {name} returned an invalid gradient at index {i} - got {got} but expected shape compatible "
                    "with {expected}")
VMAP_RANDOM_IN_ERROR_MODE = ("vmap: called random operation while in randomness error mode. Please either use the "
                             "'same' or 'different' randomness flags on vmap or perform the randomness operation out "
                             "of vmap")
# functorch's check_randomness(randomness, any_tensor_bdim) and random_inplace_batching_rule's refusals
VMAP_SAME_RANDOMNESS_BATCHED = ("Vmap does not currently support same randomness with a batched tensor input. Please "
                                "file an issue with functorch")
VMAP_DIFFERENT_INPLACE_UNBATCHED = ("vmap: Cannot ask for different inplace randomness on an unbatched tensor. This "
                                    "will appear like same randomness. If this is necessary for your usage, please "
                                    "file an issue with functorch.")
# Tensor.requires_grad_() called by a program inside a functorch transform (python_variable_methods.cpp: functorch's
# inplace-requires-grad switch is off while a transform runs, on only while it wraps its own inputs)
REQUIRES_GRAD_IN_TRANSFORM = ("You are attempting to call Tensor.requires_grad_() (or perhaps using "
                              "torch.autograd.functional.* APIs) inside of a function being transformed by a functorch "
                              "transform. This is unsupported, please attempt to use the functorch transforms (e.g. "
                              "grad, vjp, jacrev, jacfwd, hessian) or call requires_grad_() outside of a function being "
                              "transformed instead.")
VMAP_INPLACE_INTO_UNBATCHED = (  # (functorch's in-place rules: `what` is "inplace arithmetic", the op's name, or the
    # fallback's "aten::<op>"; `where` is "in a vmap" or the fallback's "at level <L>")
    "vmap: {what}(self, *extra_args) is not possible because there exists a Tensor `other` in extra_args that has more "
    "elements than `self`. This happened due to `other` being vmapped over but `self` not being vmapped over {where}. "
    "Please try to use out-of-place operators instead of {what}. If said operator is being called inside the PyTorch "
    "framework, please file a bug report instead.")
VMAP_FALLBACK_WARNING = ("There is a performance drop because we have not yet implemented the batching rule for "
                         "aten::{}. Please file us an issue on GitHub so that we can prioritize its implementation.")
VMAP_OUT_FALLBACK = "Batching rule not implemented for aten::{}.out; the fallback path doesn't work on out= or view ops."
VMAP_RANDOM_OUT = ("vmap: We do not support calling out variants of random operations inside of vmap. Please use "
                   "non-out variants as a workaround")
RANDOM_FROM_TO = "random_ expects 'from' to be less than 'to', but got from={low} >= to={high}"
MATRIX_NORM_ORDER = "linalg.matrix_norm: Order {} not supported."
AMBIGUOUS_BOOL = "Boolean value of Tensor with more than one value is ambiguous"
EMPTY_BOOL = "Boolean value of Tensor with no values is ambiguous"
OUTPUT_SHAPE = "output with shape {} doesn't match the broadcast shape {}"
CHUNK_0_DIM = "chunk expects at least a 1-dimensional tensor"
CHUNK_COUNT = "chunk expects `chunks` to be greater than 0, got: {}"
REDUCTION_DIM_EMPTY = "{}(): Expected reduction dim {} to have non-zero size."
REDUCTION_DIM_NEEDED = ("{}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim "
                        "with the 'dim' argument.")

ZERO_TENSOR_IMMUTABLE = ("ZeroTensors are immutable. Please use the materialized zero tensor obtained using .clone() if "
                         "you want a mutable tensor.")
ZERO_TENSOR_COPY_INTO = ("ZeroTensors are immutable. Please materialize the tensor using `.clone()`, if you want a mutable "
                         "zero tensor.")
LEAF_INPLACE = "a leaf Variable that requires grad is being used in an in-place operation."
VIEW_OF_LEAF_INPLACE = "a view of a leaf Variable that requires grad is being used in an in-place operation."
NO_GRAD_VIEW_INPLACE = (
    "{who} no_grad mode and is being modified inplace with grad mode enabled. Given that "
    "this use case is ambiguous and error-prone, it is forbidden. You can clarify your code by moving both "
    "the view and the inplace either both inside the no_grad block (if you don't want the inplace to be "
    "tracked) or both outside (if you want the inplace to be tracked).")
NO_GRAD_VIEW_REBASED = (
    "{who} no_grad mode and its base or another view of its base has been modified inplace with "
    "grad mode enabled. Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your "
    "code by moving both the view and the inplace either both inside the no_grad block (if you don't want the "
    "inplace to be tracked) or both outside (if you want the inplace to be tracked).")
INFERENCE_VIEW_INPLACE = NO_GRAD_VIEW_INPLACE.replace("no_grad mode", "inference mode").replace(
    "with grad mode enabled", "in normal mode").replace("no_grad block", "inference_mode block")
INFERENCE_VIEW_REBASED = NO_GRAD_VIEW_REBASED.replace("no_grad mode", "inference mode").replace(
    "with grad mode enabled", "in normal mode").replace("no_grad block", "inference_mode block")
LEAF_MOVED = "leaf variable has been moved into the graph interior"
FREED_GRAPH = (
    "Trying to backward through the graph a second time (or directly access saved tensors after they have "
    "already been freed). Saved intermediate values of the graph are freed when you call .backward() or "
    "autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or "
    "if you need to access saved tensors after calling backward.")
SAVED_DETACHED_INPLACE = (
    "Trying to use a saved tensor that has been detached in-place, i.e. with .detach_().This is not "
    "supported, please use out-of-place `.detach()` instead")
NO_GRAD_FN = "element {} of tensors does not require grad and does not have a grad_fn"
IMPLICIT_NON_SCALAR = "grad can be implicitly created only for scalar outputs"
IMPLICIT_NON_REAL = "grad can be implicitly created only for real scalar outputs but got {}"
DEEPCOPY_NON_LEAF = (
    "Only Tensors created explicitly by the user (graph leaves) support the deepcopy protocol at the moment.  "
    "If you were attempting to deepcopy a module, this may be because of a torch.nn.utils.weight_norm usage, "
    "see https://github.com/pytorch/pytorch/pull/103001")
DETACH_VIEW_INPLACE = (
    "Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for "
    "training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence "
    "detach_() cannot be called on these gradients. To fix this error, please refer to the "
    "Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.")
REQUIRES_GRAD_NON_LEAF = (
    "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a "
    "subgraph that doesn't require differentiation use var_no_grad = var.detach().")
REQUIRES_GRAD_SET_NON_LEAF = "you can only change requires_grad flags of leaf variables."
REQUIRES_GRAD_SET_NON_FLOAT = "only Tensors of floating point and complex dtype can require gradients"
REQUIRES_GRAD_NON_FLOAT = "only Tensors of floating point dtype can require gradients"
CREATE_REQUIRES_GRAD_NON_FLOAT = "Only Tensors of floating point and complex dtype can require gradients"
SET_DATA_NON_FLOAT = "data set to a tensor that requires gradients must be floating point or complex dtype"
NON_LEAF_GRAD_WARNING = (
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't "
    "be populated during autograd.backward(). If you indeed want the .grad field to be populated for a "
    "non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by "
    "mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for "
    "more information.")
RETAIN_GRAD_NO_GRAD = "can't retain_grad on Tensor that has requires_grad=False"
HOOK_NO_GRAD = "cannot register a hook on a tensor that doesn't require gradient"
GRAD_SHAPE_MISMATCH = "Mismatch in shape: grad_output[{0}] has a shape of {g} and output[{1}] has a shape of {o}."
GRAD_COMPLEX_MISMATCH = ("For complex Tensors, both grad_output and output are required to have the same dtype. "
                         "Mismatch in dtype: grad_output[{0}] has a dtype of {g} and output[{1}] has a dtype of {o}.")
ASSIGN_GRAD_SIZE = ("attempting to assign a gradient of size '{g}' to a tensor of size '{t}'. Please ensure "
                    "that the gradient and the tensor are the same size")
ASSIGN_GRAD_DTYPE = (
    "attempting to assign a gradient with dtype '{g}' to a tensor with grad_dtype '{t}'. The gradient must match "
    "the tensor's grad_dtype (defaults to the tensor's dtype). You can set the tensor's grad_dtype attribute with a "
    "specific dtype, or None to allow any dtype. Set grad_dtype with caution. Diverging the dtypes of a tensor and "
    "its gradient may break downstream systems that assume they match.")
UNUSED_INPUT = ("The differentiated Tensor at index {} appears to not have been used in the graph. "
                "Set allow_unused=True if this is the desired behavior.")
CREATE_GRAPH_WARNING = (
    "Using backward() with create_graph=True will create a reference cycle between the parameter and its "
    "gradient which can cause a memory leak. We recommend using autograd.grad when creating the graph to "
    "avoid this. If you have to use this function, make sure to reset the .grad fields of your parameters to "
    "None after use to break the cycle and avoid the leak.")
GRAD_INPUT_NO_GRAD = "One of the differentiated Tensors does not require grad"
# custom Functions, inference mode, anomaly mode (extending autograd)
ANOMALY_HINT = ("Hint: the backtrace further above shows the operation that failed to compute its gradient. The "
                "variable in question was changed in there or anywhere later. Good luck!")
LEAF_USED_INPLACE = "a leaf Variable that requires grad has been used in an in-place operation."
DIRTY_NOT_OUTPUT = ("Some elements marked as dirty during the forward method were not returned as output. The inputs "
                    "that are modified inplace must all be outputs of the Function.")
DIRTY_VIEW_MULTIPLE_OUTPUTS = (
    "If your Function modifies inplace an input that is a view of another Tensor, your Function cannot return more "
    "than one Tensor. This is not supported by the current autograd engine. You should either make sure the input is "
    "not a view (using .clone() for example) or make your Function only return one Tensor (potentially splitting it "
    "into two Functions: one doing the inplace that returns a single Tensor and a second one that does the other "
    "operations). You can ask on the forum https://discuss.pytorch.org/ if you need help to do this change.")
CUSTOM_VIEW = (
    " This view was created inside a custom Function (or because an input was returned as-is) and the autograd logic "
    "to handle view+inplace would override the custom backward associated with the custom Function, leading to "
    "incorrect gradients. This behavior is forbidden. You can fix this by cloning the output of the custom Function.")


def cpp_double(x):
    """A double as C++'s ostream writes it in a message (six significant digits: -1.84467e+19, 0.123457)."""
    return format(float(x), ".6g")


def _print_format(vals):
    """ATen's __printFormat (Formatting.cpp): the scale and width, and the format of each number, of a tensor's
    values as doubles (the largest is found comparing the signed value, as ATen does)."""
    finite = [v for v in vals if math.isfinite(v)]
    int_mode = all(v == math.ceil(v) for v in finite)
    exp_min = exp_max = 1
    if finite:
        exp_min = exp_max = abs(finite[0])
        for v in finite:
            exp_min = min(exp_min, abs(v))
            if v > exp_max:
                exp_max = abs(v)
        exp_min, exp_max = ((math.floor(math.log10(e)) + 1 if e != 0 else 1) for e in (exp_min, exp_max))
    if int_mode:
        return (1.0, 11, ".4e") if exp_max > 9 else (1.0, exp_max + 1, "g")
    if exp_max - exp_min > 4:
        return 1.0, 12 if abs(exp_max) > 99 or abs(exp_min) > 99 else 11, ".4e"
    if exp_max > 5 or exp_max < 0:
        return 10.0 ** (exp_max - 1), 7, ".4f"
    return 1.0, 7 if exp_max == 0 else exp_max + 6, ".4f"


def _scale_line(scale):
    """The scale above scaled numbers, a power of ten in the shortest form that reads back (1000000, 1e-05)."""
    return repr(scale).removesuffix(".0") + " *\n"


def _print_matrix(rows, indent, linesize=80):
    """ATen's __printMatrix: columns wrapped to the line size under 'Columns a to b' headers, a scale line when
    the numbers are scaled; the matrix's first indent is not written (PyTorch's texts start without it)."""
    scale, size, fmt = _print_format([v for r in rows for v in r])
    ncols, out, first, width = (linesize - indent) // (size + 1), [], 0, len(rows[0])
    while first < width:
        last = min(first + ncols, width) - 1
        if ncols < width:
            out.append(("\n" if first else "") + f"Columns {first + 1} to {last + 1}" + " " * indent)
        if scale != 1:
            out.append(_scale_line(scale) + " " * indent)
        for i, row in enumerate(rows):
            out.append(" ".join(format(format(v / scale, fmt), f">{size}") for v in row[first:last + 1]) + "\n")
            if i != len(rows) - 1:
                out.append(" " * indent + (" " if scale != 1 else ""))
        first = last + 1
    return "".join(out)


def cpp_tensor(values, shape, type_name):
    """A tensor as ATen's operator<< streams it into a message (at::print): its values (a numpy array of doubles)
    in matrices of the last two dims, then '[ torch.FloatTensor{2,3} ]'."""
    tail = "[ " + type_name + "{" + ",".join(str(s) for s in shape) + "} ]"
    if not shape:
        return f"{float(values):g}\n" + tail
    if values.size == 0:
        return tail
    if len(shape) == 1:
        scale, size, fmt = _print_format(values.tolist())
        return (_scale_line(scale) if scale != 1 else "") + \
            "".join(format(format(v / scale, fmt), f">{size}") + "\n" for v in values.tolist()) + tail
    if len(shape) == 2:
        return _print_matrix(values.tolist(), 0) + tail
    blocks = [f"({','.join(str(i + 1) for i in index)},.,.) = \n" + _print_matrix(values[index].tolist(), 1)
              for index in (i[::-1] for i in np.ndindex(*shape[-3::-1]))]  # (the first dim counts fastest)
    return "\n".join(blocks) + tail


def shape_list(shape):
    """A shape as PyTorch's texts print it: [2, 3]."""
    return "[" + ", ".join(str(s) for s in shape) + "]"


def storage_out_of_bounds(sizes, strides, offset, itemsize, nbytes, shown_strides=None):
    """checkInBoundsForStorage's text: a view (as_strided and the views ATen makes with it: select, slice, unsqueeze
    ...) that reaches past its storage's nbytes. shown_strides: the strides a program gave set_ (none: [])."""
    need = 0 if 0 in sizes else (offset + 1 + sum((n - 1) * st for n, st in zip(sizes, strides))) * itemsize
    shown = strides if shown_strides is None else shown_strides
    return (f"setStorage: sizes {shape_list(sizes)}, strides {shape_list(shown)}, storage offset {offset}, and "
            f"itemsize {itemsize} requiring a storage size of {need} are out of bounds for storage of size {nbytes}")


def custom_view_inplace(fn, output_nr, indirect):
    """PyTorch's handle_view_on_rebase for a view a custom Function made (or an input it returned as-is); the
    views of a Function with several differentiable outputs are CreationMeta::MULTI_OUTPUT_NODE (IN_MULTI_OUTPUT:
    multi_view_inplace gives their text)."""
    modified = "its base or another view of its base has been modified inplace" if indirect else \
        "is being modified inplace"
    if fn is not None:
        return f"Output {output_nr} of {fn.short_name()} is a view and {modified}." + CUSTOM_VIEW
    return f"A view was created in no_grad mode and {modified} with grad mode enabled." + CUSTOM_VIEW


MULTI_VIEW = (" This view is the output of a function that returns multiple views. Such functions do not allow the output "
              "views to be modified inplace. You should replace the inplace operation by an out-of-place one.")


def multi_view_inplace(fn, output_nr, indirect):
    """PyTorch's handle_view_on_rebase for an output of split/chunk/unbind (or a view of one): the custom Function
    view's text with this creation meta's ending."""
    return custom_view_inplace(fn, output_nr, indirect)[:-len(CUSTOM_VIEW)] + MULTI_VIEW


INFERENCE_VERSION = "Inference tensors do not track version counter."
INFERENCE_INPLACE = ("Inplace update to inference tensor outside InferenceMode is not allowed.You can make a clone to "
                     "get a normal tensor before doing inplace update.See https://github.com/pytorch/rfcs/pull/17 for "
                     "more details.")
INFERENCE_SAVED = (
    "Inference tensors cannot be saved for backward. Please do not use Tensors created in inference mode in "
    "computation tracked by autograd. To work around this, you can make a clone to get a normal tensor and use it in "
    "autograd, or use `torch.no_grad()` instead of `torch.inference_mode()`.")
INFERENCE_REQUIRES_GRAD = "Setting requires_grad=True on inference tensor outside InferenceMode is not allowed."
ANOMALY_ENABLED = ("Anomaly Detection has been enabled. This mode will increase the runtime and should only be "
                   "enabled for debugging.")
BROADCAST = "The size of tensor a ({a}) must match the size of tensor b ({b}) at non-singleton dimension {d}"
MM_SHAPES = "mat1 and mat2 shapes cannot be multiplied ({a} and {b})"
VIEW_INVALID = "shape '{shape}' is invalid for input of size {n}"
VIEW_STRIDE = ("view size is not compatible with input tensor's size and stride (at least one dimension "
               "spans across two contiguous subspaces). Use .reshape(...) instead.")
NONZERO_STATIC_SIZE = "nonzero_static: 'size' must be an non-negative integer"  # (checked before out='s dtype)
INDEX_OUT_OF_RANGE = "index {i} is out of bounds for dimension {d} with size {n}"
TOO_MANY_INDICES = "too many indices for tensor of dimension {n}"
DIM_OUT_OF_RANGE = "Dimension out of range (expected to be in range of [{lo}, {hi}], but got {d})"
MEAN_DTYPE = ("mean(): could not infer output dtype. Input dtype must be either a floating point or complex "
              "dtype. Got: {name}")
MEAN_GIVEN_DTYPE = ("{op}(): could not infer output dtype. Optional dtype must be either a floating point or complex "
                    "dtype. Got: {name}")
ITEM_NUMEL = "a Tensor with {n} elements cannot be converted to Scalar"
COMPLEX_HALF = "ComplexHalf support is experimental and many operators don't support it yet."  # (warned once)
INPLACE_RESULT_TYPE = "result type {res} can't be cast to the desired output type {out}"
MEMORY_LIMIT = ("tensorsh: refusing to allocate {req} bytes for a tensor: the memory limit is {limit} bytes "
                "(set TENSORSH_MEMORY_LIMIT to change it)")


def version_mismatch(type_name, shape, output_of, output_nr, version, expected, hint=HINT):
    shape_text = "[" + ", ".join(str(s) for s in shape) + "]"
    which = f", which is output {output_nr} of {output_of}," if output_of else ""
    return ("one of the variables needed for gradient computation has been modified by an inplace operation: "
            f"[{type_name} {shape_text}]{which} is at version {version}; expected version {expected} instead. "
            + hint)
TYPED_STORAGE_WARNING = (
    "TypedStorage is deprecated. It will be removed in the future and UntypedStorage will be the only storage "
    "class. This should only matter to you if you are using storages directly.  To access UntypedStorage "
    "directly, use tensor.untyped_storage() instead of tensor.storage()")
NEG_BOOL = ("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the "
            "`~` or `logical_not()` operator instead.")
SUB_BOOL = ("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, "
            "use the `~` or `logical_not()` operator instead.")
SUB_TWO_BOOLS = ("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
                 "`logical_xor()` operator instead.")
LIST_OF_ARRAYS = ("Creating a tensor from a list of numpy.ndarrays is extremely slow. Please consider converting the list "
                  "to a single numpy.ndarray with numpy.array() before converting to a tensor.")
SCALAR_OF_GRAD_TENSOR = ("Converting a tensor with requires_grad=True to a scalar may lead to unexpected behavior.\n"
                         "Consider using tensor.detach() first.")
T_NOT_2D = ("The use of `x.T` on tensors of dimension other than 2 to reverse their shape is deprecated and it will "
            "throw an error in a future release. Consider `x.mT` to transpose batches of matrices or "
            "`x.permute(*torch.arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a tensor.")
T_OF_0D = "Tensor.T is deprecated on 0-D tensors. This function is the identity in these cases."
def check_failed(condition):
    """A TORCH_CHECK without a message of its own: the condition's text with c10's plea."""
    return (f"Expected {condition} to be true, but got false.  (Could this error message be improved?  If so, please "
            "report an enhancement request to PyTorch.)")


# shape and index checks several ops share
DIM_NO_DIMS = "Dimension specified as {} but tensor has no dimensions"
DIM_REPEATED = "dim {} appears multiple times in the list of dims"
INDEX_OUT_OF_RANGE_SELF = "index out of range in self"

# the dispatcher's text for native_norm, which has no CPU kernel (sparse tensors only); {root} is /__w/pytorch/pytorch/
NATIVE_NORM_NOT_ON_CPU = (
    "Could not run 'aten::{op}' with arguments from the 'CPU' backend. This could be because the operator doesn't"
    ' exist for this backend, or was omitted during the selective/custom build process (if using custom build). '
    'If you are a Facebook employee using PyTorch on mobile, please visit https://fburl.com/ptmfixes for possible'
    " resolutions. 'aten::{op}' is only available for these backends: [Meta, SparseCPU, BackendSelect, Python, "
    'FuncTorchDynamicLayerBackMode, Functionalize, Conjugate, Negative, ZeroTensor, ADInplaceOrView, '
    'AutogradOther, AutogradCPU, AutogradCUDA, AutogradHIP, AutogradXLA, AutogradMPS, AutogradIPU, AutogradXPU, '
    'AutogradHPU, AutogradVE, AutogradLazy, AutogradMTIA, AutogradMAIA, AutogradPrivateUse1, AutogradPrivateUse2,'
    ' AutogradPrivateUse3, AutogradMeta, AutogradNestedTensor, Tracer, AutocastCPU, AutocastMTIA, AutocastMAIA, '
    'AutocastXPU, AutocastMPS, AutocastCUDA, FuncTorchBatched, BatchedNestedTensor, FuncTorchVmapMode, Batched, '
    'VmapMode, FuncTorchGradWrapper, PythonTLSSnapshot, FuncTorchDynamicLayerFrontMode, PreDispatch, '
    'PythonDispatcher].\n'
    '\n'
    'Meta: registered at {root}aten/src/ATen/core/MetaFallbackKernel.cpp:23 [backend fallback]\n'
    'SparseCPU: registered at {root}build/aten/src/ATen/RegisterSparseCPU_0.cpp:{sparse_line} [kernel]\n'
    'BackendSelect: fallthrough registered at {root}aten/src/ATen/core/BackendSelectFallbackKernel.cpp:3 [backend'
    ' fallback]\n'
    'Python: registered at {root}aten/src/ATen/core/PythonFallbackKernel.cpp:192 [backend fallback]\n'
    'FuncTorchDynamicLayerBackMode: registered at {root}aten/src/ATen/functorch/DynamicLayer.cpp:479 [backend '
    'fallback]\n'
    'Functionalize: registered at {root}aten/src/ATen/FunctionalizeFallbackKernel.cpp:411 [backend fallback]\n'
    'Conjugate: registered at {root}aten/src/ATen/ConjugateFallback.cpp:17 [backend fallback]\n'
    'Negative: registered at {root}aten/src/ATen/native/NegateFallback.cpp:18 [backend fallback]\n'
    'ZeroTensor: registered at {root}aten/src/ATen/ZeroTensorFallback.cpp:115 [backend fallback]\n'
    'ADInplaceOrView: fallthrough registered at {root}aten/src/ATen/core/VariableFallbackKernel.cpp:103 [backend '
    'fallback]\n'
    'AutogradOther: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd kernel]\n'
    'AutogradCPU: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd kernel]\n'
    'AutogradCUDA: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd kernel]\n'
    'AutogradHIP: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd kernel]\n'
    'AutogradXLA: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd kernel]\n'
    'AutogradMPS: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd kernel]\n'
    'AutogradIPU: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd kernel]\n'
    'AutogradXPU: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd kernel]\n'
    'AutogradHPU: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd kernel]\n'
    'AutogradVE: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd kernel]\n'
    'AutogradLazy: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd kernel]\n'
    'AutogradMTIA: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd kernel]\n'
    'AutogradMAIA: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd kernel]\n'
    'AutogradPrivateUse1: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd '
    'kernel]\n'
    'AutogradPrivateUse2: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd '
    'kernel]\n'
    'AutogradPrivateUse3: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd '
    'kernel]\n'
    'AutogradMeta: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd kernel]\n'
    'AutogradNestedTensor: registered at {root}torch/csrc/autograd/generated/VariableType_2.cpp:10455 [autograd '
    'kernel]\n'
    'Tracer: registered at {root}torch/csrc/autograd/generated/TraceType_2.cpp:7396 [kernel]\n'
    'AutocastCPU: fallthrough registered at {root}aten/src/ATen/autocast_mode.cpp:330 [backend fallback]\n'
    'AutocastMTIA: fallthrough registered at {root}aten/src/ATen/autocast_mode.cpp:472 [backend fallback]\n'
    'AutocastMAIA: fallthrough registered at {root}aten/src/ATen/autocast_mode.cpp:510 [backend fallback]\n'
    'AutocastXPU: fallthrough registered at {root}aten/src/ATen/autocast_mode.cpp:548 [backend fallback]\n'
    'AutocastMPS: fallthrough registered at {root}aten/src/ATen/autocast_mode.cpp:221 [backend fallback]\n'
    'AutocastCUDA: fallthrough registered at {root}aten/src/ATen/autocast_mode.cpp:177 [backend fallback]\n'
    'FuncTorchBatched: registered at {root}aten/src/ATen/functorch/LegacyBatchingRegistrations.cpp:730 [backend '
    'fallback]\n'
    'BatchedNestedTensor: registered at {root}aten/src/ATen/functorch/LegacyBatchingRegistrations.cpp:757 '
    '[backend fallback]\n'
    'FuncTorchVmapMode: fallthrough registered at {root}aten/src/ATen/functorch/VmapModeRegistrations.cpp:22 '
    '[backend fallback]\n'
    'Batched: registered at {root}aten/src/ATen/LegacyBatchingRegistrations.cpp:1072 [backend fallback]\n'
    'VmapMode: fallthrough registered at {root}aten/src/ATen/VmapModeRegistrations.cpp:32 [backend fallback]\n'
    'FuncTorchGradWrapper: registered at {root}aten/src/ATen/functorch/TensorWrapper.cpp:210 [backend fallback]\n'
    'PythonTLSSnapshot: registered at {root}aten/src/ATen/core/PythonFallbackKernel.cpp:200 [backend fallback]\n'
    'FuncTorchDynamicLayerFrontMode: registered at {root}aten/src/ATen/functorch/DynamicLayer.cpp:475 [backend '
    'fallback]\n'
    'PreDispatch: registered at {root}aten/src/ATen/core/PythonFallbackKernel.cpp:204 [backend fallback]\n'
    'PythonDispatcher: registered at {root}aten/src/ATen/core/PythonFallbackKernel.cpp:196 [backend fallback]\n'
)
COMPLEX_TO_REAL = "Casting complex values to real discards the imaginary part"

# torch.cholesky's TORCH_WARN_ONCE, in cholesky and (another call site, before cholesky's) cholesky_out
CHOLESKY_DEPRECATED = (
    "torch.cholesky is deprecated in favor of torch.linalg.cholesky and will be removed in a future PyTorch release.\n"
    "L = torch.cholesky(A)\nshould be replaced with\nL = torch.linalg.cholesky(A)\nand\nU = torch.cholesky(A, "
    "upper=True)\nshould be replaced with\nU = torch.linalg.cholesky(A).mH\nThis transform will produce equivalent "
    "results for all valid (symmetric positive definite) inputs.")

# a factory's pin_memory=True on PyTorch's CPU-only build (after the parse)
NO_PINNED_MEMORY = ("pin_memory=True requires a CUDA or other accelerator backend; no pinned memory allocator is "
                    "available on this system.")

# Where in PyTorch 2.13's C++ (file:line of the CPU wheel's build, under /__w/pytorch/pytorch/) each warning raised by
# TORCH_WARN / TORCH_WARN_ONCE is given, keyed by the start of its text: torch/csrc's PyWarningHandler ends such a
# warning's message with " (Triggered internally at <file>:<line>.)", which `str(w.message)` of a recorded warning,
# the text of a warning turned into an error and the printed warning all show. Warnings given by torch's Python
# (nn.functional's, torch.range's, TypedStorage's, the copy-construct one, ...) carry no suffix and no entry.
TRIGGERED_AT = (
    ("There is a performance drop because we have not yet implemented the batching rule",
     "aten/src/ATen/functorch/BatchedFallback.cpp:82"),
    ("The .grad attribute of a Tensor that is not a leaf Tensor", "build/aten/src/ATen/core/TensorBody.h:493"),
    ("An output with one or more elements was resized", "aten/src/ATen/native/Resize.cpp:30"),
    ("torch.meshgrid: in an upcoming release", "aten/src/ATen/native/TensorShape.cpp:4215"),
    ("The given NumPy array is not writable", "torch/csrc/utils/tensor_numpy.cpp:213"),
    ("The given buffer is not writable", "torch/csrc/utils/tensor_new.cpp:1556"),
    ("Casting complex values to real discards the imaginary part", "aten/src/ATen/native/Copy.cpp:307"),
    ("The use of `x.T` on tensors of dimension other than 2", "aten/src/ATen/native/TensorShape.cpp:4314"),
    ("Tensor.T is deprecated on 0-D tensors", "aten/src/ATen/native/TensorShape.cpp:4321"),
    ("Tensor.mT is deprecated on 0-D tensors", "aten/src/ATen/native/TensorShape.cpp:4373"),
    ("std(): degrees of freedom is <= 0", "aten/src/ATen/native/ReduceOps.cpp:1861"),
    ("var(): degrees of freedom is <= 0", "aten/src/ATen/native/ReduceOps.cpp:1861"),
    ("std_mean(): degrees of freedom is <= 0", "aten/src/ATen/native/ReduceOps.cpp:1861"),
    ("var_mean(): degrees of freedom is <= 0", "aten/src/ATen/native/ReduceOps.cpp:1861"),
    ("cov(): degrees of freedom is <= 0", "aten/src/ATen/native/Correlation.cpp:129"),
    ("indexing with dtype torch.uint8 is now deprecated", "aten/src/ATen/native/IndexingUtils.h:37"),
    ("where received a uint8 condition tensor", "aten/src/ATen/native/TensorCompare.cpp:621"),
    ("Using torch.cross without specifying the dim arg", "aten/src/ATen/native/Cross.cpp:63"),
    ("torch.lu is deprecated in favor of", "aten/src/ATen/native/BatchLinearAlgebra.cpp:2073"),
    ("torch.lu_solve is deprecated in favor of", "aten/src/ATen/native/BatchLinearAlgebra.cpp:2230"),
    ("torch.chain_matmul is deprecated", "aten/src/ATen/native/LinearAlgebra.cpp:1102"),
    ("torch.triangular_solve is deprecated in favor of", "aten/src/ATen/native/BatchLinearAlgebra.cpp:2273"),
    ("torch.cholesky is deprecated in favor of", "aten/src/ATen/native/BatchLinearAlgebra.cpp:1765"),
    ("torch.qr is deprecated in favor of", "aten/src/ATen/native/BatchLinearAlgebra.cpp:2505"),
    ("Using backward() with create_graph=True", "torch/csrc/autograd/engine.cpp:1307"),
    ("grad and param do not obey the gradient layout contract", "torch/csrc/autograd/functions/accumulate_grad.h:252"),
    ("Converting a tensor with requires_grad=True to a scalar",
     "torch/csrc/autograd/generated/python_variable_methods.cpp:822"),
    ("Creating a tensor from a list of numpy.ndarrays", "torch/csrc/utils/tensor_new.cpp:252"),
    ("A window was not provided. A rectangular window will be applied,", "aten/src/ATen/native/SpectralOps.cpp:835"),
    ("stft with return_complex=False is deprecated", "aten/src/ATen/native/SpectralOps.cpp:874"),
    ("A window was not provided. A rectangular window will be applied.", "aten/src/ATen/native/SpectralOps.cpp:1035"),
    ("torch.searchsorted(): ", "aten/src/ATen/native/BucketizationUtils.h:38"),
    ("The reduce argument of torch.scatter with Tensor src", "aten/src/ATen/native/TensorAdvancedIndexing.cpp:225"),
    ("index_reduce() is in beta", "aten/src/ATen/native/TensorAdvancedIndexing.cpp:1523"),
    ("ComplexHalf support is experimental", "aten/src/ATen/EmptyTensor.cpp:54"),
    ("Using a non-tuple sequence for multidimensional indexing",
     "torch/csrc/autograd/python_variable_indexing.cpp:349"),
    ("Use of index_put_ on expanded tensors", "aten/src/ATen/native/TensorAdvancedIndexing.cpp:976"),
    ("Use of masked_fill_ on expanded tensors", "aten/src/ATen/native/TensorAdvancedIndexing.cpp:2450"),
    ("Use of index_fill_ on expanded tensors", "aten/src/ATen/native/TensorAdvancedIndexing.cpp:1913"),
    ("The argument 'device' of Tensor.is_pinned()", "aten/src/ATen/native/Memory.cpp:31"),
    ("The number of elements in the out tensor of shape", "aten/src/ATen/native/RangeFactories.cpp:199"),
    ("at::nuclear_norm is deprecated", "aten/src/ATen/native/LinearAlgebra.cpp:3229"),
    ("at::frobenius_norm is deprecated", "aten/src/ATen/native/LinearAlgebra.cpp:3175"),
    ("Using padding='same' with even kernel lengths", "aten/src/ATen/native/Convolution.cpp:1101"),
    ("torch.set_default_tensor_type() is deprecated", "torch/csrc/tensor/python_tensor.cpp:434"),
    ("This overload of ", "torch/csrc/utils/python_arg_parser.cpp:1841"),
    ("Error detected in ", "torch/csrc/autograd/python_anomaly_mode.cpp:122"),
    # (random_/randint of a floating dtype past the range its mantissa holds every integer of: check_from_to)
    ("from is out of bounds [", "aten/src/ATen/native/DistributionTemplates.h:110"),
    ("to - 1 is out of bounds [", "aten/src/ATen/native/DistributionTemplates.h:111"),
)

# an op given an undefined tensor (a C++ formula's `-norm_backward(...)` where that gradient is undefined)
UNDEFINED_ARGUMENT = "Expected a proper Tensor but got None (or an undefined Tensor in C++) for argument #{i} '{name}'"

# vmap's refusals of a batched tensor's data (functorch's BatchedTensorImpl has no storage; its fallbacks refuse ops
# whose output shape depends on the data)
VMAP_ITEM = ("vmap: It looks like you're calling .item() on a Tensor. We don't support vmap over calling .item() on a "
             "Tensor, please try to rewrite what you're doing with other operations. If error is occurring somewhere "
             "inside PyTorch internals, please file a bug report.")
VMAP_CONTROL_FLOW = ("vmap: It looks like you're attempting to use a Tensor in some data-dependent control flow. We "
                     "don't support that yet, please file an issue at https://github.com/pytorch/pytorch/issues .")
VMAP_NO_STORAGE = "Cannot access data pointer of Tensor that doesn't have storage"
VMAP_DYNAMIC_SHAPE = ("vmap: We do not support batching operators that can output dynamic shape. Attempted to vmap "
                      "over aten::{op}. Please file an issue at https://github.com/pytorch/pytorch/issues if you need "
                      "this feature.")
VMAP_BOOLEAN_MASK = ("vmap: We do not support batching operators that can support dynamic shape. Attempting to batch "
                     "over indexing with a boolean mask.")
VMAP_MASKED_SELECT = ("vmap: Attempted to vmap over `mask` in torch.masked_select(self, mask) We cannot support this "
                      "because for each batch this would return a differently shaped Tensor. Please file an issue at "
                      "https://github.com/pytorch/pytorch/issues if you need this feature.")

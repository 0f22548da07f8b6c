"""RNN, LSTM, GRU and their cells: PyTorch's rnn.py (constructor, registration and init order, checks, reprs) over
the op sequence of ATen's native CPU path (RNN.cpp: the input projection of a whole layer as one linear, unbound
over time; per step a cell; outputs stacked; bidirectional halves concatenated on the feature dim)."""
import math
import numbers

from tensorsh.engine import creation, sampling
from tensorsh.engine import dtypes, kernels
from tensorsh.engine.errors import runtime, type_error, value_error, warn, warn_once
from tensorsh.engine.ops.joining import cat, stack
from tensorsh.engine.ops.onednn_lstm import mkldnn_lstm_layer
from . import functional as F, init
from .module import Module
from .parameter import Parameter
from .rnn_utils import PackedSequence
from tensorsh.engine import autocast
from tensorsh.engine.torch_api import NAMESPACE as _TORCH  # (a layer's factories: torch's, parsed)


def _in(module_name):
    return "torch.nn.modules." + module_name


# ---------------------------------------------------------------- cells (RNN.cpp's SimpleCell, LSTMCell, GRUCell)

def _hh(hidden, w_hh, b_hh):
    return F.linear(hidden, w_hh, b_hh)


def _simple_cell(nonlinearity):
    def cell(x_proj, hidden, p):
        return nonlinearity(_hh(hidden, p[1], p[3]) + x_proj)
    return cell


def _lstm_cell(x_proj, hidden, p):
    # (ATen's in-place gates: each sigmoid_/tanh_ runs on a strided chunk of the gates, row by row, so a row shorter
    # than two vectors takes the scalar kernel where a contiguous (batch, hidden) result would be vectorized)
    hx, cx = hidden
    gates = _hh(hx, p[1], p[3]).add_(x_proj)
    ingate, forgetgate, cellgate, outgate = gates.unsafe_chunk(4, 1)
    ingate, forgetgate, cellgate, outgate = ingate.sigmoid_(), forgetgate.sigmoid_(), cellgate.tanh_(), outgate.sigmoid_()
    cy = (forgetgate * cx).add_(ingate * cellgate)
    hy = outgate * cy.tanh()
    if p[4] is not None:  # projections: hy = hy @ w_hr.t()
        hy = hy.matmul(p[4].t())
    return hy, cy


def _gru_cell(x_proj, hidden, p):
    i_r, i_z, i_n = x_proj.unsafe_chunk(3, 1)
    h_r, h_z, h_n = _hh(hidden, p[1], p[3]).unsafe_chunk(3, 1)
    reset_gate = h_r.add_(i_r).sigmoid_()  # (in place on the chunks, as ATen's GRUCell: see _lstm_cell)
    input_gate = h_z.add_(i_z).sigmoid_()
    new_gate = i_n.add(h_n.mul_(reset_gate)).tanh_()
    return (hidden - new_gate).mul_(input_gate).add_(new_gate)


_CELLS = {"RNN_TANH": _simple_cell(lambda t: t.tanh()), "RNN_RELU": _simple_cell(lambda t: t.relu()),
          "LSTM": _lstm_cell, "GRU": _gru_cell}


def _output_of(hidden):
    return hidden[0] if isinstance(hidden, tuple) else hidden


def _run(cell, steps, hidden, p):
    """FullLayer over precomputed input projections: the step outputs and the last hidden state."""
    outputs = []
    for x_proj in steps:
        hidden = cell(x_proj, hidden, p)
        outputs.append(_output_of(hidden))
    return outputs, hidden


def _layer(cell, input, hidden, p):
    outputs, hidden = _run(cell, F.linear(input, p[0], p[2]).unbind(0), hidden, p)
    return stack(outputs, 0), hidden


def _bidirectional_layer(cell, input, hiddens, ps):
    fw_outputs, fw_hidden = _run(cell, F.linear(input, ps[0][0], ps[0][2]).unbind(0), hiddens[0], ps[0])
    fw_output = stack(fw_outputs, 0)
    rev_outputs, rev_hidden = _run(cell, F.linear(input, ps[1][0], ps[1][2]).unbind(0)[::-1], hiddens[1], ps[1])
    rev_output = stack(rev_outputs[::-1], 0)
    return cat([fw_output, rev_output], fw_output.dim() - 1), (fw_hidden, rev_hidden)


def _hidden_slice(hidden, start, end):
    if isinstance(hidden, tuple):
        return tuple(h.narrow(0, start, end - start) for h in hidden)
    return hidden.narrow(0, start, end - start)


def _hidden_concat(hiddens):
    if isinstance(hiddens[0], tuple):
        return tuple(cat(list(parts), 0) for parts in zip(*hiddens))
    return cat(hiddens, 0)


def _packed_layer(cell, data, sizes, hidden, p):
    """PackedLayer: the batch shrinks step by step; the hidden rows of finished sequences are set aside and come
    back, in batch order, as the final hidden state."""
    x_proj = F.linear(data, p[0], p[2])
    outputs, finished = [], []
    offset, last = 0, sizes[0]
    for size in sizes:
        step = x_proj.narrow(0, offset, size)
        offset += size
        dec = last - size
        if dec > 0:
            finished.append(_hidden_slice(hidden, last - dec, last))
            hidden = _hidden_slice(hidden, 0, last - dec)
        last = size
        hidden = cell(step, hidden, p)
        outputs.append(_output_of(hidden))
    finished.append(hidden)
    return cat(outputs, 0), _hidden_concat(finished[::-1])


def _reversed_packed_layer(cell, data, sizes, input_hidden, p):
    """ReversedPackedLayer: from the last step back, the batch growing with the sequences that start there."""
    x_proj = F.linear(data, p[0], p[2])
    outputs = []
    offset, last = data.size(0), sizes[-1]
    hidden = _hidden_slice(input_hidden, 0, sizes[-1])
    for size in sizes[::-1]:
        if size > last:
            hidden = _hidden_concat([hidden, _hidden_slice(input_hidden, last, size)])
        step = x_proj.narrow(0, offset - size, size)
        offset -= size
        last = size
        hidden = cell(step, hidden, p)
        outputs.append(_output_of(hidden))
    return cat(outputs[::-1], 0), hidden


def _packed_bidirectional_layer(cell, data, sizes, hiddens, ps):
    fw_output, fw_hidden = _packed_layer(cell, data, sizes, hiddens[0], ps[0])
    rev_output, rev_hidden = _reversed_packed_layer(cell, data, sizes, hiddens[1], ps[1])
    return cat([fw_output, rev_output], -1), (fw_hidden, rev_hidden)


def _stacked(mode, input, hiddens, params, num_layers, dropout_p, train, bidirectional, batch_sizes=None):
    """apply_layer_stack: the last layer's output and every layer's (and direction's) final hidden state; over a
    packed sequence's data when batch_sizes is given (ATen's packed layers)."""
    cell = _CELLS[mode]
    finals = []
    sizes = batch_sizes.tolist() if batch_sizes is not None else None
    if sizes is None and input._shape[0] == 0:  # (_rnn_impl's check, after the module's own)
        raise runtime("Expected sequence length to be larger than 0 in RNN")
    for layer in range(num_layers):
        if bidirectional:
            pair, pair_params = hiddens[2 * layer:2 * layer + 2], params[2 * layer:2 * layer + 2]
            input, (fw, rev) = _packed_bidirectional_layer(cell, input, sizes, pair, pair_params) if sizes else \
                _bidirectional_layer(cell, input, pair, pair_params)
            finals += [fw, rev]
        else:
            input, final = _packed_layer(cell, input, sizes, hiddens[layer], params[layer]) if sizes else \
                _layer(cell, input, hiddens[layer], params[layer])
            finals.append(final)
        if dropout_p != 0 and train and layer < num_layers - 1:
            input = sampling.dropout(input, dropout_p, True)
    return input, finals


def _onednn(input):
    """use_mkldnn (RNN.cpp): a float32 CPU input with elements takes oneDNN's LSTM, bfloat16 too where the CPU has
    AVX512 (mkldnn_bf16_device_check)."""
    return (input.dtype == dtypes.float32 or input.dtype == dtypes.bfloat16 and kernels.AVX512_CORE) and \
        input.numel() != 0


def _onednn_hidden_check(input, hx):
    """mkldnn_rnn's reading of hx and cx: a type oneDNN has no name for, then an integer type it cannot view as
    dense data, then states oneDNN has no primitive for (hx of the input's type; cx of it, or float)."""
    kinds = [h.dtype for h in hx]
    for d in kinds:  # (hx read, then cx)
        if d not in (dtypes.float32, dtypes.float16, dtypes.bfloat16, dtypes.uint8, dtypes.int8):
            raise runtime("get_mkldnn_dtype: unsupported data type")
        if d in (dtypes.uint8, dtypes.int8):
            raise runtime("itensor_view_from_dense expects float, bfloat16 or half tensor input")
    if kinds[0] is not input.dtype or kinds[1] not in (input.dtype, dtypes.float32):
        raise runtime("could not create a primitive descriptor for the LSTM forward propagation primitive. Run "
                      "workload with environment variable ONEDNN_VERBOSE=all to get additional diagnostic "
                      "information.")


def cell_forward(kind, input, hx, w_ih, w_hh, b_ih, b_hh):
    """ATen's rnn_tanh_cell/rnn_relu_cell/lstm_cell/gru_cell: checks in their order, then the cell."""
    if kind == "LSTM" and len(hx) != 2:
        raise runtime("lstm_cell expects two hidden states")
    hidden_size = w_hh.size(1)
    gates = {"LSTM": 4, "GRU": 3}.get(kind, 1)

    def check_weights():
        for which, w in (("weight_ih", w_ih), ("weight_hh", w_hh)):
            if w.size(0) != gates * hidden_size:
                raise runtime(f"{which} first dim must be {gates} * hidden_size = {gates * hidden_size}, "
                              f"but got {w.size(0)}")

    def check_input():
        if input.size(1) != w_ih.size(1):
            raise runtime(f"input has inconsistent input_size: got {input.size(1)} expected {w_ih.size(1)}")

    def check_hidden(h, label):
        if input.size(0) != h.size(0):
            raise runtime(f"Input batch size {input.size(0)} doesn't match hidden{label} batch size {h.size(0)}")
        if h.size(1) != hidden_size:
            raise runtime(f"hidden{label} has inconsistent hidden_size: got {h.size(1)}, expected {hidden_size}")

    if kind == "LSTM":
        check_input()
        check_weights()
        check_hidden(hx[0], 0)
        check_hidden(hx[1], 1)
    elif kind == "GRU":
        check_input()
        check_hidden(hx, 0)
        check_weights()
    else:
        check_weights()
        check_input()
        check_hidden(hx, 0)
    p = (w_ih, w_hh, b_ih, b_hh, None)
    return _CELLS[kind](F.linear(input, w_ih, b_ih), hx, p)


def onednn_layers(input, hx, params, num_layers, num_directions, dropout, training):
    """mkldnn_rnn: per layer and direction one mkldnn_rnn_layer on hx[index], cx[index]; directions
    concatenated, dropout between layers."""
    finals = []
    for layer in range(num_layers):
        outputs = []
        for direction in range(num_directions):
            index = layer * num_directions + direction
            w_ih, w_hh, b_ih, b_hh, _ = params[index]
            output, hy, cy = mkldnn_lstm_layer(input, w_ih, w_hh, b_ih, b_hh, hx[0][index], hx[1][index],
                                               direction == 1)
            outputs.append(output)
            finals.append((hy, cy))
        input = outputs[0] if num_directions == 1 else cat(outputs, -1)
        if dropout != 0 and training and layer < num_layers - 1:
            input = sampling.dropout(input, dropout, True)
    return input, finals


# ---------------------------------------------------------------- the modules

class RNNBase(Module):
    __module__ = _in("rnn")
    __api__ = Module.__api__ | {"flatten_parameters", "reset_parameters", "all_weights", "_flat_weights",
                                "_flat_weights_names", "_all_weights", "check_input", "get_expected_hidden_size",
                                "check_hidden_size", "check_forward_args", "permute_hidden", "mode"}

    def __init__(self, mode, input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0,
                 bidirectional=False, proj_size=0, device=None, dtype=None):
        super().__init__()
        self.mode = mode
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.bias = bias
        self.batch_first = batch_first
        self.dropout = float(dropout)
        self.bidirectional = bidirectional
        self.proj_size = proj_size
        num_directions = 2 if bidirectional else 1
        if not isinstance(dropout, numbers.Number) or not 0 <= dropout <= 1 or isinstance(dropout, bool):
            raise value_error("dropout should be a number in range [0, 1] representing the probability of an "
                              "element being zeroed")
        if dropout > 0 and num_layers == 1:
            warn("dropout option adds dropout after all but last recurrent layer, so non-zero dropout expects "
                 f"num_layers greater than 1, but got dropout={dropout} and num_layers={num_layers}",
                 site=f"{mode}.__init__")  # (stacklevel=2: the RNN/LSTM/GRU constructor's super().__init__)
        if not isinstance(bias, bool):
            raise type_error(f"bias should be of type bool, got: {type(bias).__name__}")
        if not isinstance(batch_first, bool):
            raise type_error(f"batch_first should be of type bool, got: {type(batch_first).__name__}")
        if not isinstance(input_size, int):
            raise type_error(f"input_size should be of type int, got: {type(input_size).__name__}")
        if input_size <= 0:
            raise value_error("input_size must be greater than zero")
        if not isinstance(hidden_size, int):
            raise type_error(f"hidden_size should be of type int, got: {type(hidden_size).__name__}")
        if hidden_size <= 0:
            raise value_error("hidden_size must be greater than zero")
        if num_layers <= 0:
            raise value_error("num_layers must be greater than zero")
        if proj_size < 0:
            raise value_error("proj_size should be a positive integer or zero to disable projections")
        if proj_size >= hidden_size:
            raise value_error("proj_size has to be smaller than hidden_size")
        gate_size = {"LSTM": 4, "GRU": 3, "RNN_TANH": 1, "RNN_RELU": 1}.get(mode)
        if gate_size is None:
            raise value_error("Unrecognized RNN mode: " + mode)
        gate_size *= hidden_size
        self._flat_weights_names = []
        self._all_weights = []
        for layer in range(num_layers):
            for direction in range(num_directions):
                real_hidden_size = proj_size if proj_size > 0 else hidden_size
                layer_input_size = input_size if layer == 0 else real_hidden_size * num_directions
                w_ih = Parameter(_TORCH["empty"]((gate_size, layer_input_size), dtype=dtype))
                w_hh = Parameter(_TORCH["empty"]((gate_size, real_hidden_size), dtype=dtype))
                b_ih = Parameter(_TORCH["empty"](gate_size, dtype=dtype))
                b_hh = Parameter(_TORCH["empty"](gate_size, dtype=dtype))
                layer_params = (w_ih, w_hh, b_ih, b_hh) if bias else (w_ih, w_hh)
                if proj_size > 0:
                    layer_params += (Parameter(_TORCH["empty"]((proj_size, hidden_size), dtype=dtype)),)
                suffix = "_reverse" if direction == 1 else ""
                param_names = ["weight_ih_l{}{}", "weight_hh_l{}{}"]
                if bias:
                    param_names += ["bias_ih_l{}{}", "bias_hh_l{}{}"]
                if proj_size > 0:
                    param_names += ["weight_hr_l{}{}"]
                param_names = [x.format(layer, suffix) for x in param_names]
                for name, param in zip(param_names, layer_params):
                    setattr(self, name, param)
                self._flat_weights_names.extend(param_names)
                self._all_weights.append(param_names)
        self.reset_parameters()

    @property
    def _flat_weights(self):
        """The weights in _flat_weights_names order, read at each use (PyTorch keeps this list in step with
        assignments through __setattr__; reading it fresh gives the same list)."""
        return [getattr(self, wn) if wn in self._parameters or wn in self.__dict__ else None
                for wn in self._flat_weights_names]

    @property
    def all_weights(self):
        return [[getattr(self, weight) for weight in weights] for weights in self._all_weights]

    def flatten_parameters(self):
        """A no-op on the CPU, as in PyTorch."""
        return None

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def check_input(self, input, batch_sizes):
        weight_dtype = self._flat_weights[0].dtype
        if input.dtype != weight_dtype and not autocast.any_enabled():
            raise value_error(f"RNN input dtype ({input.dtype}) does not match weight dtype ({weight_dtype}). "
                              f"Convert input: input.to({weight_dtype}), or convert model: model.to({input.dtype})")
        expected_input_dim = 2 if batch_sizes is not None else 3
        if input.dim() != expected_input_dim:
            raise runtime(f"input must have {expected_input_dim} dimensions, got {input.dim()}")
        if self.input_size != input.size(-1):
            raise runtime(f"input.size(-1) must be equal to input_size. Expected {self.input_size}, "
                          f"got {input.size(-1)}")

    def get_expected_hidden_size(self, input, batch_sizes):
        mini_batch = int(batch_sizes[0]) if batch_sizes is not None else \
            input.size(0) if self.batch_first else input.size(1)
        num_directions = 2 if self.bidirectional else 1
        size = self.proj_size if self.proj_size > 0 else self.hidden_size
        return (self.num_layers * num_directions, mini_batch, size)

    def check_hidden_size(self, hx, expected_hidden_size, msg="Expected hidden size {}, got {}"):
        if tuple(hx.size()) != expected_hidden_size:
            raise runtime(msg.format(expected_hidden_size, list(hx.size())))

    def check_forward_args(self, input, hidden, batch_sizes):
        self.check_input(input, batch_sizes)
        self.check_hidden_size(hidden, self.get_expected_hidden_size(input, batch_sizes))

    def permute_hidden(self, hx, permutation):
        if permutation is None:
            return hx
        return hx.index_select(1, permutation)

    def extra_repr(self):
        s = "{input_size}, {hidden_size}"
        if self.proj_size != 0:
            s += ", proj_size={proj_size}"
        if self.num_layers != 1:
            s += ", num_layers={num_layers}"
        if self.bias is not True:
            s += ", bias={bias}"
        if self.batch_first is not False:
            s += ", batch_first={batch_first}"
        if self.dropout != 0:
            s += ", dropout={dropout}"
        if self.bidirectional is not False:
            s += ", bidirectional={bidirectional}"
        return s.format(**self.__dict__)

    def _params(self):
        """gather_params: per layer and direction (w_ih, w_hh, b_ih, b_hh, w_hr) with None where absent."""
        out = []
        for names in self._all_weights:
            ws = [getattr(self, n) for n in names]
            w_ih, w_hh = ws[0], ws[1]
            b_ih, b_hh = (ws[2], ws[3]) if self.bias else (None, None)
            out.append((w_ih, w_hh, b_ih, b_hh, ws[-1] if self.proj_size > 0 else None))
        return out

    def _zeros(self, input, max_batch_size, size):
        num_directions = 2 if self.bidirectional else 1
        return creation.zeros(self.num_layers * num_directions, max_batch_size, size, dtype=input.dtype)

    def _one_hidden_forward(self, input, hx):
        """RNN and GRU's forward (rnn.py), then ATen's rnn_tanh/rnn_relu/gru."""
        if isinstance(input, PackedSequence):
            data, batch_sizes, sorted_indices, unsorted_indices = input
            if hx is None:
                hx = self._zeros(data, int(batch_sizes[0]), self.hidden_size)
            else:
                hx = self.permute_hidden(hx, sorted_indices)
            self.check_forward_args(data, hx, batch_sizes)
            output, finals = _stacked(self.mode, data, list(hx.unbind(0)), self._params(), self.num_layers,
                                      self.dropout, self.training, self.bidirectional, batch_sizes)
            return (PackedSequence(output, batch_sizes, sorted_indices, unsorted_indices),
                    self.permute_hidden(stack(finals, 0), unsorted_indices))
        name = "RNN" if self.mode.startswith("RNN") else self.mode
        if input.dim() not in (2, 3):
            tail = " tensor instead" if name == "RNN" else " instead"
            raise value_error(f"{name}: Expected input to be 2D or 3D, got {input.dim()}D{tail}")
        is_batched = input.dim() == 3
        batch_dim = 0 if self.batch_first else 1
        if not is_batched:
            input = input.unsqueeze(batch_dim)
            if hx is not None:
                if hx.dim() != 2:
                    raise runtime(f"For unbatched 2-D input, hx should also be 2-D but got {hx.dim()}-D tensor")
                hx = hx.unsqueeze(1)
        elif hx is not None and hx.dim() != 3:
            raise runtime(f"For batched 3-D input, hx should also be 3-D but got {hx.dim()}-D tensor")
        max_batch_size = input.size(0) if self.batch_first else input.size(1)
        if hx is None:
            hx = self._zeros(input, max_batch_size, self.hidden_size)
        self.check_forward_args(input, hx, None)
        x = input.transpose(0, 1) if self.batch_first else input
        output, finals = _stacked(self.mode, x, list(hx.unbind(0)), self._params(), self.num_layers, self.dropout,
                                  self.training, self.bidirectional)
        hidden = stack(finals, 0)
        if self.batch_first:
            output.transpose_(0, 1)
        if not is_batched:
            output = output.squeeze(batch_dim)
            hidden = hidden.squeeze(1)
        return output, hidden


class RNN(RNNBase):
    __module__ = _in("rnn")

    def __init__(self, *args, **kwargs):
        if "proj_size" in kwargs:
            raise value_error("proj_size argument is only supported for LSTM, not RNN or GRU")
        if len(args) > 3:
            self.__dict__["nonlinearity"] = args[3]
            args = args[:3] + args[4:]
        else:
            self.__dict__["nonlinearity"] = kwargs.pop("nonlinearity", "tanh")
        nonlinearity = self.__dict__["nonlinearity"]
        if nonlinearity == "tanh":
            mode = "RNN_TANH"
        elif nonlinearity == "relu":
            mode = "RNN_RELU"
        else:
            raise value_error(f"Unknown nonlinearity '{nonlinearity}'. Select from 'tanh' or 'relu'.")
        super().__init__(mode, *args, **kwargs)
        self.nonlinearity = nonlinearity

    def forward(self, input, hx=None):
        return self._one_hidden_forward(input, hx)


class GRU(RNNBase):
    __module__ = _in("rnn")

    def __init__(self, *args, **kwargs):
        if "proj_size" in kwargs:
            raise value_error("proj_size argument is only supported for LSTM, not RNN or GRU")
        super().__init__("GRU", *args, **kwargs)

    def forward(self, input, hx=None):
        return self._one_hidden_forward(input, hx)


class LSTM(RNNBase):
    __module__ = _in("rnn")
    __api__ = RNNBase.__api__ | {"get_expected_cell_size"}

    def __init__(self, *args, **kwargs):
        super().__init__("LSTM", *args, **kwargs)

    def get_expected_cell_size(self, input, batch_sizes):
        mini_batch = int(batch_sizes[0]) if batch_sizes is not None else \
            input.size(0) if self.batch_first else input.size(1)
        num_directions = 2 if self.bidirectional else 1
        return (self.num_layers * num_directions, mini_batch, self.hidden_size)

    def check_forward_args(self, input, hidden, batch_sizes):
        self.check_input(input, batch_sizes)
        self.check_hidden_size(hidden[0], self.get_expected_hidden_size(input, batch_sizes),
                               "Expected hidden[0] size {}, got {}")
        self.check_hidden_size(hidden[1], self.get_expected_cell_size(input, batch_sizes),
                               "Expected hidden[1] size {}, got {}")

    def permute_hidden(self, hx, permutation):
        if permutation is None:
            return hx
        return hx[0].index_select(1, permutation), hx[1].index_select(1, permutation)

    def _packed_forward(self, input, hx):
        data, batch_sizes, sorted_indices, unsorted_indices = input
        real_hidden_size = self.proj_size if self.proj_size > 0 else self.hidden_size
        if hx is None:
            max_batch_size = int(batch_sizes[0])
            hx = (self._zeros(data, max_batch_size, real_hidden_size),
                  self._zeros(data, max_batch_size, self.hidden_size))
        else:
            hx = self.permute_hidden(hx, sorted_indices)
        self.check_forward_args(data, hx, batch_sizes)
        hiddens = list(zip(hx[0].unbind(0), hx[1].unbind(0)))  # (ATen's packed LSTM: native cells, no oneDNN)
        output, finals = _stacked("LSTM", data, hiddens, self._params(), self.num_layers, self.dropout,
                                  self.training, self.bidirectional, batch_sizes)
        hidden = (stack([h for h, _ in finals], 0), stack([c for _, c in finals], 0))
        return (PackedSequence(output, batch_sizes, sorted_indices, unsorted_indices),
                self.permute_hidden(hidden, unsorted_indices))

    def forward(self, input, hx=None):
        if isinstance(input, PackedSequence):
            return self._packed_forward(input, hx)
        real_hidden_size = self.proj_size if self.proj_size > 0 else self.hidden_size
        if input.dim() not in (2, 3):
            raise value_error(f"LSTM: Expected input to be 2D or 3D, got {input.dim()}D instead")
        is_batched = input.dim() == 3
        batch_dim = 0 if self.batch_first else 1
        if not is_batched:
            input = input.unsqueeze(batch_dim)
        max_batch_size = input.size(0) if self.batch_first else input.size(1)
        if hx is None:
            hx = (self._zeros(input, max_batch_size, real_hidden_size),
                  self._zeros(input, max_batch_size, self.hidden_size))
            self.check_forward_args(input, hx, None)
        else:
            if is_batched:
                if hx[0].dim() != 3 or hx[1].dim() != 3:
                    raise runtime("For batched 3-D input, hx and cx should also be 3-D but got "
                                  f"({hx[0].dim()}-D, {hx[1].dim()}-D) tensors")
            else:
                if hx[0].dim() != 2 or hx[1].dim() != 2:
                    raise runtime("For unbatched 2-D input, hx and cx should also be 2-D but got "
                                  f"({hx[0].dim()}-D, {hx[1].dim()}-D) tensors")
                hx = (hx[0].unsqueeze(1), hx[1].unsqueeze(1))
            self.check_forward_args(input, hx, None)
        if len(hx) != 2:  # (_VF.lstm's count)
            raise runtime("lstm expects two hidden states")
        if self.proj_size > 0 and _onednn(input):
            warn_once("LSTM with projections is not supported with oneDNN. Using default implementation.")
        x = input.transpose(0, 1) if self.batch_first else input
        if self.proj_size == 0 and _onednn(input):
            _onednn_hidden_check(input, hx)
            output, finals = onednn_layers(x, hx, self._params(), self.num_layers, 2 if self.bidirectional else 1,
                                           self.dropout, self.training)
        else:
            hiddens = list(zip(hx[0].unbind(0), hx[1].unbind(0)))
            output, finals = _stacked("LSTM", x, hiddens, self._params(), self.num_layers, self.dropout,
                                      self.training, self.bidirectional)
        hidden = (stack([h for h, _ in finals], 0), stack([c for _, c in finals], 0))
        if self.batch_first:
            output = output.transpose(0, 1)
        if not is_batched:
            output = output.squeeze(batch_dim)
            hidden = (hidden[0].squeeze(1), hidden[1].squeeze(1))
        return output, hidden


# ---------------------------------------------------------------- the cells as modules

class RNNCellBase(Module):
    __module__ = _in("rnn")
    __api__ = Module.__api__ | {"reset_parameters"}

    def __init__(self, input_size, hidden_size, bias, num_chunks, device=None, dtype=None):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.bias = bias
        self.weight_ih = Parameter(_TORCH["empty"]((num_chunks * hidden_size, input_size), dtype=dtype))
        self.weight_hh = Parameter(_TORCH["empty"]((num_chunks * hidden_size, hidden_size), dtype=dtype))
        if bias:
            self.bias_ih = Parameter(_TORCH["empty"](num_chunks * hidden_size, dtype=dtype))
            self.bias_hh = Parameter(_TORCH["empty"](num_chunks * hidden_size, dtype=dtype))
        else:
            self.register_parameter("bias_ih", None)
            self.register_parameter("bias_hh", None)
        self.reset_parameters()

    def extra_repr(self):
        s = "{input_size}, {hidden_size}"
        if "bias" in self.__dict__ and self.bias is not True:
            s += ", bias={bias}"
        if "nonlinearity" in self.__dict__ and self.nonlinearity != "tanh":
            s += ", nonlinearity={nonlinearity}"
        return s.format(**self.__dict__)

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def _check_dims(self, input, hx, what="hidden"):
        name = self._cell_name
        if input.dim() not in (1, 2):
            raise value_error(f"{name}: Expected input to be 1D or 2D, got {input.dim()}D instead")
        if hx is not None and hx.dim() not in (1, 2):
            raise value_error(f"{name}: Expected {what} to be 1D or 2D, got {hx.dim()}D instead")

    def _one_hidden(self, kind, input, hx):
        """RNNCell and GRUCell's forward: an unbatched input (and hx) get a batch dim for the cell, zeros for no hx."""
        self._check_dims(input, hx)
        is_batched = input.dim() == 2
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            hx = creation.zeros(input.size(0), self.hidden_size, dtype=input.dtype)
        else:
            hx = hx.unsqueeze(0) if not is_batched else hx
        ret = self._cell(kind, input, hx)
        return ret if is_batched else ret.squeeze(0)

    def _cell(self, kind, input, hx):
        return cell_forward(kind, input, hx, self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh)


class RNNCell(RNNCellBase):
    __module__ = _in("rnn")
    _cell_name = "RNNCell"

    def __init__(self, input_size, hidden_size, bias=True, nonlinearity="tanh", device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=1, dtype=dtype)
        self.nonlinearity = nonlinearity

    def forward(self, input, hx=None):
        if self.nonlinearity not in ("tanh", "relu"):
            self._check_dims(input, hx)
            raise runtime(f"Unknown nonlinearity: {self.nonlinearity}")
        return self._one_hidden("RNN_TANH" if self.nonlinearity == "tanh" else "RNN_RELU", input, hx)


class LSTMCell(RNNCellBase):
    __module__ = _in("rnn")
    _cell_name = "LSTMCell"

    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=4, dtype=dtype)

    def forward(self, input, hx=None):
        self._check_dims(input, None)
        if hx is not None:
            for idx, value in enumerate(hx):
                if value.dim() not in (1, 2):
                    raise value_error(f"LSTMCell: Expected hx[{idx}] to be 1D or 2D, got {value.dim()}D instead")
        is_batched = input.dim() == 2
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            zeros = creation.zeros(input.size(0), self.hidden_size, dtype=input.dtype)
            hx = (zeros, zeros)
        else:
            hx = (hx[0].unsqueeze(0), hx[1].unsqueeze(0)) if not is_batched else hx
        if not isinstance(hx, (tuple, list)):  # (_VF.lstm_cell's parser: hx is a TensorList)
            raise type_error(f"lstm_cell(): argument 'hx' (position 2) must be tuple of Tensors, not "
                             f"{type(hx).__name__}")
        if len(hx) != 2:
            raise runtime("lstm_cell expects two hidden states")
        ret = self._cell("LSTM", input, tuple(hx))
        if not is_batched:
            ret = (ret[0].squeeze(0), ret[1].squeeze(0))
        return ret


class GRUCell(RNNCellBase):
    __module__ = _in("rnn")
    _cell_name = "GRUCell"

    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, num_chunks=3, dtype=dtype)

    def forward(self, input, hx=None):
        return self._one_hidden("GRU", input, hx)

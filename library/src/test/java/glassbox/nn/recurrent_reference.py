"""Generates the PyTorch reference numbers of RecurrentPyTorchTest.java (run once, paste the output).

    /usr/bin/python3 recurrent_reference.py > /tmp/ref.txt

Every parameter and input is filled by a formula that the Java test repeats, so no weights need to be
copied: parameter number p (in named_parameters() order) holds 0.4 sin(1.3 k + 0.7 p + 0.1) at flat
index k; the input holds cos(0.9 k + 0.2), h0 0.3 sin(0.5 k + 1), c0 0.3 cos(0.4 k + 2). The loss whose
gradients are printed is L = sum(output * sin(0.31 k)) + sum(h_n * cos(0.17 k)) + sum(c_n * sin(0.23 k + 0.5)).
"""
import math
import torch

torch.set_num_threads(1)


def fill(t, f):
    flat = t.detach().view(-1)
    for k in range(flat.numel()):
        flat[k] = f(k)


def prepare(module):
    with torch.no_grad():
        for p, (name, param) in enumerate(module.named_parameters()):
            fill(param, lambda k, p=p: 0.4 * math.sin(1.3 * k + 0.7 * p + 0.1))


def tensor(shape, f):
    t = torch.empty(*shape)
    fill(t, f)
    return t.requires_grad_(True)


def weights(t, f):
    w = torch.empty(t.numel())
    fill(w, f)
    return w.view(t.shape)


def x_of(shape):
    return tensor(shape, lambda k: math.cos(0.9 * k + 0.2))


def h_of(shape):
    return tensor(shape, lambda k: 0.3 * math.sin(0.5 * k + 1))


def c_of(shape):
    return tensor(shape, lambda k: 0.3 * math.cos(0.4 * k + 2))


def loss(out, h=None, c=None):
    l = (out * weights(out, lambda k: math.sin(0.31 * k))).sum()
    if h is not None:
        l = l + (h * weights(h, lambda k: math.cos(0.17 * k))).sum()
    if c is not None:
        l = l + (c * weights(c, lambda k: math.sin(0.23 * k + 0.5))).sum()
    return l


def emit(name, t):
    values = ", ".join("%.7ef" % v for v in t.detach().reshape(-1).tolist())
    print("    static final float[] %s = {%s};" % (name, values))


# A: LSTM(3, 4, num_layers=2, bidirectional=True), time-first, T=5, B=2, with (h0, c0)
torch.manual_seed(0)
m = torch.nn.LSTM(3, 4, num_layers=2, bidirectional=True)
prepare(m)
x, h0, c0 = x_of((5, 2, 3)), h_of((4, 2, 4)), c_of((4, 2, 4))
out, (h, c) = m(x, (h0, c0))
loss(out, h, c).backward()
for n, t in [("A_OUTPUT", out), ("A_H", h), ("A_C", c), ("A_GRAD_X", x.grad), ("A_GRAD_H0", h0.grad),
             ("A_GRAD_C0", c0.grad), ("A_GRAD_WHH_L0", m.weight_hh_l0.grad),
             ("A_GRAD_WIH_L1_REVERSE", m.weight_ih_l1_reverse.grad), ("A_GRAD_BHH_L1", m.bias_hh_l1.grad)]:
    emit("LSTM_" + n, t)

# B: LSTM(3, 4, batch_first=True), B=2, T=5, zero state
m = torch.nn.LSTM(3, 4, batch_first=True)
prepare(m)
x = x_of((2, 5, 3))
out, (h, c) = m(x)
loss(out, h, c).backward()
for n, t in [("B_OUTPUT", out), ("B_H", h), ("B_C", c), ("B_GRAD_X", x.grad)]:
    emit("LSTM_" + n, t)

# C: GRU(3, 4, num_layers=2, bidirectional=True), time-first, with h0
m = torch.nn.GRU(3, 4, num_layers=2, bidirectional=True)
prepare(m)
x, h0 = x_of((5, 2, 3)), h_of((4, 2, 4))
out, h = m(x, h0)
loss(out, h).backward()
for n, t in [("OUTPUT", out), ("H", h), ("GRAD_X", x.grad), ("GRAD_H0", h0.grad), ("GRAD_WHH_L0", m.weight_hh_l0.grad)]:
    emit("GRU_" + n, t)

# D: RNN(3, 4, num_layers=2, bidirectional=True), tanh, with h0
m = torch.nn.RNN(3, 4, num_layers=2, bidirectional=True)
prepare(m)
x, h0 = x_of((5, 2, 3)), h_of((4, 2, 4))
out, h = m(x, h0)
loss(out, h).backward()
for n, t in [("OUTPUT", out), ("H", h), ("GRAD_X", x.grad), ("GRAD_H0", h0.grad)]:
    emit("RNN_" + n, t)

# E: cells, one step, B=2
m = torch.nn.LSTMCell(3, 4)
prepare(m)
x, h0, c0 = x_of((2, 3)), h_of((2, 4)), c_of((2, 4))
h, c = m(x, (h0, c0))
emit("LSTMCELL_H", h)
emit("LSTMCELL_C", c)
m = torch.nn.GRUCell(3, 4)
prepare(m)
emit("GRUCELL_H", m(x_of((2, 3)), h_of((2, 4))))
m = torch.nn.RNNCell(3, 4)
prepare(m)
emit("RNNCELL_H", m(x_of((2, 3)), h_of((2, 4))))

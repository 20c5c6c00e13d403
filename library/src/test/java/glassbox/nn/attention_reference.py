"""Generates the PyTorch reference numbers of AttentionPyTorchTest.java (run once, paste the output).

    /usr/bin/python3 attention_reference.py > /tmp/att.txt

Same fill formulas as recurrent_reference.py: parameter number p (named_parameters() order) holds
0.4 sin(1.3 k + 0.7 p + 0.1) at flat index k; inputs cos(0.9 k + 0.2) (x, queries), 0.3 sin(0.5 k + 1)
(keys, memory) and 0.3 cos(0.4 k + 2) (values). Masks are boolean, True = may not attend. Gradients are
of L = sum(output * sin(0.31 k)). Modules stay in training mode (dropout 0) so PyTorch takes its
ordinary, not its fused inference, path.
"""
import math
import torch
import torch.nn.functional as F

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


def xs(shape):
    return tensor(shape, lambda k: math.cos(0.9 * k + 0.2))


def ks(shape):
    return tensor(shape, lambda k: 0.3 * math.sin(0.5 * k + 1))


def vs(shape):
    return tensor(shape, lambda k: 0.3 * math.cos(0.4 * k + 2))


def loss(out):
    w = torch.empty(out.numel())
    fill(w, lambda k: math.sin(0.31 * k))
    return (out * w.view(out.shape)).sum()


def emit(name, t):
    values = ", ".join("%.7ef" % v for v in t.detach().reshape(-1).tolist())
    print("    static final float[] %s = {%s};" % (name, values))


causal = torch.triu(torch.ones(4, 4), 1).bool()
padding = torch.tensor([[False, False, False, False], [False, False, False, True]])

# A: MultiheadAttention(8, 2), self-attention, time-first [4, 2, 8], causal + key padding masks
m = torch.nn.MultiheadAttention(8, 2)
prepare(m)
x = xs((4, 2, 8))
out, w = m(x, x, x, key_padding_mask=padding, attn_mask=causal, average_attn_weights=False)
loss(out).backward()
emit("MHA_A_OUTPUT", out)
emit("MHA_A_WEIGHTS", w)
emit("MHA_A_GRAD_X", x.grad)
emit("MHA_A_GRAD_IN_PROJ_WEIGHT", m.in_proj_weight.grad)

# B: MultiheadAttention(8, 2, kdim=6, vdim=5, batch_first=True), cross-attention, no masks
m = torch.nn.MultiheadAttention(8, 2, kdim=6, vdim=5, batch_first=True)
prepare(m)
q, k, v = xs((2, 3, 8)), ks((2, 4, 6)), vs((2, 4, 5))
out, w = m(q, k, v, average_attn_weights=False)
loss(out).backward()
emit("MHA_B_OUTPUT", out)
emit("MHA_B_WEIGHTS", w)
emit("MHA_B_GRAD_K", k.grad)

# C: TransformerEncoderLayer(8, 2, 16, dropout 0, relu, post-LN), time-first, key padding mask
m = torch.nn.TransformerEncoderLayer(8, 2, 16, 0.0)
prepare(m)
x = xs((4, 2, 8))
out = m(x, src_key_padding_mask=padding)
loss(out).backward()
emit("ENC_POST_OUTPUT", out)
emit("ENC_POST_GRAD_X", x.grad)

# D: TransformerEncoderLayer(8, 2, 16, dropout 0, GELU (tanh approximation), pre-LN, batch first), causal mask
m = torch.nn.TransformerEncoderLayer(8, 2, 16, 0.0, activation=lambda t: F.gelu(t, approximate="tanh"),
                                     batch_first=True, norm_first=True)
prepare(m)
x = xs((2, 4, 8))
out = m(x, src_mask=causal)
loss(out).backward()
emit("ENC_PRE_OUTPUT", out)
emit("ENC_PRE_GRAD_X", x.grad)

# E: TransformerDecoderLayer(8, 2, 16, dropout 0, relu, post-LN), tgt [3, 2, 8], memory [4, 2, 8], causal tgt mask
m = torch.nn.TransformerDecoderLayer(8, 2, 16, 0.0)
prepare(m)
tgt, mem = xs((3, 2, 8)), ks((4, 2, 8))
out = m(tgt, mem, tgt_mask=torch.triu(torch.ones(3, 3), 1).bool(), memory_key_padding_mask=padding)
loss(out).backward()
emit("DEC_OUTPUT", out)
emit("DEC_GRAD_MEMORY", mem.grad)

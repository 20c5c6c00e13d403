package glassbox.nn;

import glassbox.tensor.Tensor;

/**
 * One step of a gated recurrent unit, like PyTorch's {@code nn.GRUCell} (s = sigmoid):
 * <pre>
 *   r  = s(x W_ir^T + b_ir + h W_hr^T + b_hr)               reset gate
 *   z  = s(x W_iz^T + b_iz + h W_hz^T + b_hz)               update gate
 *   n  = tanh(x W_in^T + b_in + r * (h W_hn^T + b_hn))      candidate
 *   h' = (1 - z) * n + z * h
 * </pre>
 * x is [B, inputSize] (or [inputSize]), h and h' [B, H] (or [H]). Parameters stacked in PyTorch's
 * order r, z, n: {@code weight_ih} [3H, inputSize], {@code weight_hh} [3H, H], {@code bias_ih},
 * {@code bias_hh} [3H], uniform in [-1/sqrt(H), 1/sqrt(H)].
 */
public class GRUCell extends Module {
    private final int inputSize, hiddenSize;
    private final Tensor weightIh, weightHh, biasIh, biasHh;

    /** A cell with biases. */
    public GRUCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true);
    }

    /** A cell with or without biases. */
    public GRUCell(int inputSize, int hiddenSize, boolean bias) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        float k = (float) (1 / Math.sqrt(hiddenSize));
        weightIh = registerParameter("weight_ih", RNNBase.uniform(k, 3 * hiddenSize, inputSize));
        weightHh = registerParameter("weight_hh", RNNBase.uniform(k, 3 * hiddenSize, hiddenSize));
        biasIh = bias ? registerParameter("bias_ih", RNNBase.uniform(k, 3 * hiddenSize)) : null;
        biasHh = bias ? registerParameter("bias_hh", RNNBase.uniform(k, 3 * hiddenSize)) : null;
    }

    /** One step from a zero state. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, null);
    }

    /** One step: the new hidden state from input x and hidden state h (null for zeros). */
    public Tensor forward(Tensor x, Tensor h) {
        Tensor[] xh = RNNCell.checkStep("GRUCell", x, h, inputSize, hiddenSize);
        Tensor gx = RNNCell.linear(xh[0], weightIh, biasIh);
        Tensor gh = RNNCell.linear(xh[1], weightHh, biasHh);
        Tensor out = step(gx, gh, xh[1], hiddenSize)[0];
        return x.dim() == 1 ? out.squeeze(0) : out;
    }

    /**
     * The GRU equations from the two projections gx = x W_ih^T + b_ih and gh = h W_hh^T + b_hh (both
     * [B, 3H], gates r, z, n side by side). Returns {h', r, z, n}.
     */
    static Tensor[] step(Tensor gx, Tensor gh, Tensor h, int hidden) {
        Tensor r = gx.slice(1, 0, hidden).add(gh.slice(1, 0, hidden)).sigmoid();
        Tensor z = gx.slice(1, hidden, 2 * hidden).add(gh.slice(1, hidden, 2 * hidden)).sigmoid();
        Tensor n = gx.slice(1, 2 * hidden, 3 * hidden).add(r.mul(gh.slice(1, 2 * hidden, 3 * hidden))).tanh();
        Tensor hNew = n.add(z.mul(h.sub(n)));        // (1 - z) * n + z * h
        return new Tensor[] {hNew, r, z, n};
    }

    public Tensor weightIh() {
        return weightIh;
    }

    public Tensor weightHh() {
        return weightHh;
    }

    /** bias_ih, or null without biases. */
    public Tensor biasIh() {
        return biasIh;
    }

    /** bias_hh, or null without biases. */
    public Tensor biasHh() {
        return biasHh;
    }

    @Override
    public String toString() {
        return "GRUCell(" + inputSize + ", " + hiddenSize + (biasIh == null ? ", bias=false" : "") + ")";
    }
}

package glassbox.nn;

import glassbox.tensor.Tensor;

/**
 * One step of a long short-term memory, like PyTorch's {@code nn.LSTMCell} (s = sigmoid,
 * * = elementwise product):
 * <pre>
 *   i  = s(x W_ii^T + b_ii + h W_hi^T + b_hi)          input gate
 *   f  = s(x W_if^T + b_if + h W_hf^T + b_hf)          forget gate
 *   g  = tanh(x W_ig^T + b_ig + h W_hg^T + b_hg)       candidate
 *   o  = s(x W_io^T + b_io + h W_ho^T + b_ho)          output gate
 *   c' = f * c + i * g
 *   h' = o * tanh(c')
 * </pre>
 * x is [B, inputSize] (or [inputSize]); h, c, h', c' are [B, H] (or [H]). Parameters stacked in
 * PyTorch's order i, f, g, o: {@code weight_ih} [4H, inputSize], {@code weight_hh} [4H, H],
 * {@code bias_ih}, {@code bias_hh} [4H], uniform in [-1/sqrt(H), 1/sqrt(H)].
 *
 * <p>{@link #forward(Tensor, State)} computes the step as one op ({@link FusedLSTM}: one matrix product
 * for all four gates, backward written by hand); {@link #stepWithOps} computes the very same step from
 * small tensor ops, so that its graph shows every gate.
 */
public class LSTMCell extends Module {
    private final int inputSize, hiddenSize;
    private final Tensor weightIh, weightHh, biasIh, biasHh;

    /** The state of an LSTM: hidden state h and cell c, each [B, H] (or [H]). */
    public record State(Tensor h, Tensor c) {
    }

    /** A cell with biases. */
    public LSTMCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true);
    }

    /** A cell with or without biases. */
    public LSTMCell(int inputSize, int hiddenSize, boolean bias) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        float k = (float) (1 / Math.sqrt(hiddenSize));
        weightIh = registerParameter("weight_ih", RNNBase.uniform(k, 4 * hiddenSize, inputSize));
        weightHh = registerParameter("weight_hh", RNNBase.uniform(k, 4 * hiddenSize, hiddenSize));
        biasIh = bias ? registerParameter("bias_ih", RNNBase.uniform(k, 4 * hiddenSize)) : null;
        biasHh = bias ? registerParameter("bias_hh", RNNBase.uniform(k, 4 * hiddenSize)) : null;
    }

    /** One step from a zero state; returns h'. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, null).h();
    }

    /** One step from {@code state} (null for zeros): the new state (h', c'). */
    public State forward(Tensor x, State state) {
        Tensor[] xhc = check(x, state);
        Tensor xGates = RNNCell.linear(xhc[0], weightIh, biasIh);
        if (biasHh != null) xGates = xGates.add(biasHh);
        FusedLSTM.Result r = FusedLSTM.apply(xGates.unsqueeze(0), weightHh, xhc[1], xhc[2], false, false);
        Tensor h = r.output().select(0, 0), c = r.c();
        return x.dim() == 1 ? new State(h.squeeze(0), c.squeeze(0)) : new State(h, c);
    }

    /**
     * The same step as {@link #forward(Tensor, State)}, written with one tensor op per term of the
     * equations: slower, but every gate is a node of the graph you can look at.
     */
    public State stepWithOps(Tensor x, State state) {
        Tensor[] xhc = check(x, state);
        int hh = hiddenSize;
        Tensor a = RNNCell.linear(xhc[0], weightIh, biasIh).add(RNNCell.linear(xhc[1], weightHh, biasHh));
        Tensor i = a.slice(1, 0, hh).sigmoid().label("i");
        Tensor f = a.slice(1, hh, 2 * hh).sigmoid().label("f");
        Tensor g = a.slice(1, 2 * hh, 3 * hh).tanh().label("g");
        Tensor o = a.slice(1, 3 * hh, 4 * hh).sigmoid().label("o");
        Tensor c = f.mul(xhc[2]).add(i.mul(g)).label("c");
        Tensor h = o.mul(c.tanh()).label("h");
        return x.dim() == 1 ? new State(h.squeeze(0), c.squeeze(0)) : new State(h, c);
    }

    private Tensor[] check(Tensor x, State state) {
        Tensor[] xh = RNNCell.checkStep("LSTMCell", x, state == null ? null : state.h(), inputSize, hiddenSize);
        Tensor c = RNNCell.checkStep("LSTMCell", x, state == null ? null : state.c(), inputSize, hiddenSize)[1];
        return new Tensor[] {xh[0], xh[1], c};
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
        return "LSTMCell(" + inputSize + ", " + hiddenSize + (biasIh == null ? ", bias=false" : "") + ")";
    }
}

package glassbox.nn;

import glassbox.tensor.Tensor;

/**
 * The plain (Elman) recurrent network over a whole sequence, like PyTorch's {@code nn.RNN}:
 * <pre>
 *   h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)
 * </pre>
 * (or ReLU instead of tanh). The same weights at every step; the hidden state h carries what the
 * network remembers. Multi-layer, optionally bidirectional; shapes and parameter names as in
 * {@link RNNBase} ({@code weight_ih_l0} [H, inputSize], {@code weight_hh_l0} [H, H]).
 */
public class RNN extends RNNBase {
    private final String nonlinearity;

    /** output [T, B, D*H] (top layer, every step); h [numLayers*D, B, H] (every layer, last step). */
    public record Output(Tensor output, Tensor h) {
    }

    /** One tanh layer, with biases, time-first input. */
    public RNN(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, "tanh", true, false, 0f, false);
    }

    /** {@code numLayers} stacked tanh layers. */
    public RNN(int inputSize, int hiddenSize, int numLayers) {
        this(inputSize, hiddenSize, numLayers, "tanh", true, false, 0f, false);
    }

    /** All options, in PyTorch's order; nonlinearity is "tanh" or "relu". */
    public RNN(int inputSize, int hiddenSize, int numLayers, String nonlinearity, boolean bias, boolean batchFirst,
            float dropout, boolean bidirectional) {
        super(1, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional);
        this.nonlinearity = RNNCell.checkNonlinearity("RNN", nonlinearity);
    }

    /** Turns gate recording on or off (see {@link RNNBase#recordGates}); returns this {@code RNN}. */
    @Override
    public RNN recordGates(boolean on) {
        super.recordGates(on);
        return this;
    }

    /** The output at every step (top layer), starting from a zero state. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, null).output();
    }

    /** Runs the sequence from state h0 ([numLayers*D, B, H], or null for zeros). */
    public Output forward(Tensor x, Tensor h0) {
        Tensor[] r = run(x, h0, null, false);
        return new Output(r[0], r[1]);
    }

    @Override
    protected Tensor[] runDirection(int layer, int direction, Tensor x, Tensor h0, Tensor c0, boolean record) {
        int steps = x.size(0);
        Tensor xProj = inputProjection(x, layer, direction, true);
        Tensor wHh = weightHh(layer, direction);
        Tensor[] outs = new Tensor[steps];
        Tensor h = h0;
        for (int s = 0; s < steps; s++) {
            int t = direction == 1 ? steps - 1 - s : s;
            Tensor pre = xProj.select(0, t).add(h.matmul(wHh.t()));
            h = nonlinearity.equals("tanh") ? pre.tanh() : pre.relu();
            outs[t] = h;
        }
        if (record) {
            Tensor[] hs = new Tensor[steps];
            for (int t = 0; t < steps; t++) hs[t] = outs[t].detach();
            keepTrace(layer, direction, new GateTrace().put("hidden", stackSteps(hs)));
        }
        return new Tensor[] {Tensor.stack(java.util.Arrays.asList(outs), 0), h, null};
    }

    @Override
    public String toString() {
        String s = super.toString();
        return nonlinearity.equals("tanh") ? s : s.substring(0, s.length() - 1) + ", nonlinearity=relu)";
    }
}

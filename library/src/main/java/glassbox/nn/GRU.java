package glassbox.nn;

import glassbox.tensor.Tensor;

/**
 * Gated recurrent unit over a whole sequence, like PyTorch's {@code nn.GRU}: multi-layer, optionally
 * bidirectional, with initial state in and final state out.
 *
 * <p>At every step t (s = sigmoid, * = elementwise product):
 * <pre>
 *   r_t = s(W_ir x_t + b_ir + W_hr h_{t-1} + b_hr)               reset gate
 *   z_t = s(W_iz x_t + b_iz + W_hz h_{t-1} + b_hz)               update gate
 *   n_t = tanh(W_in x_t + b_in + r_t * (W_hn h_{t-1} + b_hn))    candidate
 *   h_t = (1 - z_t) * n_t + z_t * h_{t-1}
 * </pre>
 * One state instead of the LSTM's two, and z plays both forget (z) and input (1 - z) gate. Weights
 * stacked in PyTorch's order r, z, n: {@code weight_ih_l0} [3H, inputSize], {@code weight_hh_l0}
 * [3H, H]. Each step is computed by {@link GRUCell#step} from ordinary tensor ops.
 *
 * <p>Shapes: see {@link RNNBase}. Gate traces ({@link #recordGates}) hold "reset", "update",
 * "candidate" and "hidden".
 */
public class GRU extends RNNBase {

    /** output [T, B, D*H] (top layer, every step); h [numLayers*D, B, H] (every layer, last step). */
    public record Output(Tensor output, Tensor h) {
    }

    /** One layer, with biases, time-first input, no dropout, one direction. */
    public GRU(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, true, false, 0f, false);
    }

    /** {@code numLayers} stacked layers. */
    public GRU(int inputSize, int hiddenSize, int numLayers) {
        this(inputSize, hiddenSize, numLayers, true, false, 0f, false);
    }

    /** All options, in PyTorch's order. */
    public GRU(int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, float dropout,
            boolean bidirectional) {
        super(3, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional);
    }

    /** Turns gate recording on or off (see {@link RNNBase#recordGates}); returns this {@code GRU}. */
    @Override
    public GRU recordGates(boolean on) {
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
        Tensor xGates = inputProjection(x, layer, direction, false);
        Tensor[] outs = new Tensor[steps];
        Tensor[][] gates = record ? new Tensor[4][steps] : null;
        Tensor h = h0;
        for (int s = 0; s < steps; s++) {
            int t = direction == 1 ? steps - 1 - s : s;
            Tensor[] step = GRUCell.step(xGates.select(0, t), hiddenProjection(h, layer, direction), h, hiddenSize);
            h = step[0];
            outs[t] = h;
            if (record) {
                for (int k = 0; k < 4; k++) gates[k][t] = step[(k + 1) % 4].detach();
            }
        }
        if (record) {
            keepTrace(layer, direction, new GateTrace()
                    .put("reset", stackSteps(gates[0]))
                    .put("update", stackSteps(gates[1]))
                    .put("candidate", stackSteps(gates[2]))
                    .put("hidden", stackSteps(gates[3])));
        }
        return new Tensor[] {Tensor.stack(java.util.Arrays.asList(outs), 0), h, null};
    }
}

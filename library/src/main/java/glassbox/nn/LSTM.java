package glassbox.nn;

import glassbox.tensor.Tensor;

/**
 * Long short-term memory over a whole sequence, like PyTorch's {@code nn.LSTM}: multi-layer,
 * optionally bidirectional, with initial state in and final state out.
 *
 * <p>At every step t, each layer computes (s = sigmoid, * = elementwise product):
 * <pre>
 *   i_t = s(W_ii x_t + b_ii + W_hi h_{t-1} + b_hi)        input gate: how much new content to write
 *   f_t = s(W_if x_t + b_if + W_hf h_{t-1} + b_hf)        forget gate: how much of the cell to keep
 *   g_t = tanh(W_ig x_t + b_ig + W_hg h_{t-1} + b_hg)     candidate: the new content
 *   o_t = s(W_io x_t + b_io + W_ho h_{t-1} + b_ho)        output gate: how much of the cell to show
 *   c_t = f_t * c_{t-1} + i_t * g_t                        the cell (memory)
 *   h_t = o_t * tanh(c_t)                                  the hidden state (the output)
 * </pre>
 * In the course's notation, f_t = s(W_f h_{t-1} + U_f x_t + b_f) and so on: W_f is the forget block
 * (rows H..2H-1) of {@code weight_hh_l0}, U_f the same rows of {@code weight_ih_l0}, and b_f the sum of
 * those rows of {@code bias_ih_l0} and {@code bias_hh_l0} (PyTorch keeps two biases; only their sum
 * matters). With f = 1 and i = 0 the cell keeps its value forever. The four gates' weights are stacked in
 * PyTorch's order i, f, g, o: {@code weight_ih_l0} is [4H, inputSize], {@code weight_hh_l0} [4H, H].
 * The recurrence runs as one op per layer and direction ({@link FusedLSTM}).
 *
 * <p>Shapes: see {@link RNNBase}. {@link #forward(Tensor)} returns the output alone (so an LSTM fits
 * in a Sequential); {@link #forward(Tensor, Tensor, Tensor)} also takes and returns the state.
 *
 * <pre>{@code
 * LSTM lstm = new LSTM(65, 128);                  // one-hot characters in, 128 units
 * LSTM.Output out = lstm.forward(x, null, null);  // x: [T, B, 65]; zero initial state
 * out.output();                                   // [T, B, 128]
 * lstm.recordGates(true); lstm.forward(x); lstm.gateTrace().get("forget");   // [T, B, 128]
 * }</pre>
 */
public class LSTM extends RNNBase {

    /** output [T, B, D*H] (top layer, every step); h and c [numLayers*D, B, H] (every layer, last step). */
    public record Output(Tensor output, Tensor h, Tensor c) {
    }

    /** One layer, with biases, time-first input, no dropout, one direction. */
    public LSTM(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, 1, true, false, 0f, false);
    }

    /** {@code numLayers} stacked layers. */
    public LSTM(int inputSize, int hiddenSize, int numLayers) {
        this(inputSize, hiddenSize, numLayers, true, false, 0f, false);
    }

    /** All options, in PyTorch's order. */
    public LSTM(int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, float dropout,
            boolean bidirectional) {
        super(4, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional);
    }

    /** Turns gate recording on or off (see {@link RNNBase#recordGates}); returns this {@code LSTM}. */
    @Override
    public LSTM recordGates(boolean on) {
        super.recordGates(on);
        return this;
    }

    /** The output at every step (top layer), starting from a zero state. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, null, null).output();
    }

    /** Runs the sequence from state (h0, c0), each [numLayers*D, B, H] or null for zeros. */
    public Output forward(Tensor x, Tensor h0, Tensor c0) {
        if ((h0 == null) != (c0 == null)) {
            throw new IllegalArgumentException("LSTM: give both h0 and c0, or neither (for zeros)");
        }
        Tensor[] r = run(x, h0, c0, true);
        return new Output(r[0], r[1], r[2]);
    }

    @Override
    protected Tensor[] runDirection(int layer, int direction, Tensor x, Tensor h0, Tensor c0, boolean record) {
        Tensor xGates = inputProjection(x, layer, direction, true);
        FusedLSTM.Result r = FusedLSTM.apply(xGates, weightHh(layer, direction), h0, c0, direction == 1, record);
        if (record) keepTrace(layer, direction, r.trace());
        return new Tensor[] {r.output(), r.h(), r.c()};
    }
}

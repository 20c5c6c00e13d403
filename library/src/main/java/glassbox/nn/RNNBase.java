package glassbox.nn;

import glassbox.tensor.Generator;
import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link RNN}, {@link LSTM} and {@link GRU} share: layers stacked on each other, an optional
 * second direction, PyTorch's shapes and parameter names, and gate recording.
 *
 * <p><b>Shapes</b> (as PyTorch): the input is [T, B, inputSize], or [B, T, inputSize] with
 * {@code batchFirst}, or [T, inputSize] for one unbatched sequence. The output holds the top layer's
 * hidden state at every step, [T, B, D * hiddenSize] (D = 2 if bidirectional, both directions
 * concatenated, forward first). Initial and final states are [numLayers * D, B, hiddenSize], layer by
 * layer, forward direction before reverse.
 *
 * <p><b>Parameters</b> per layer k and direction (suffix "_reverse" for the second), named as in
 * PyTorch so that weights can be compared and loaded: {@code weight_ih_lk} [G * H, in],
 * {@code weight_hh_lk} [G * H, H], {@code bias_ih_lk} and {@code bias_hh_lk} [G * H], where G is the
 * number of gates (1 for RNN, 3 for GRU, 4 for LSTM). All start uniform in [-1/sqrt(H), 1/sqrt(H)],
 * as in PyTorch.
 *
 * <p><b>Stacking.</b> Layer k > 0 reads the outputs of layer k-1; with {@code dropout} > 0, those
 * outputs pass through dropout (probability p) in training mode, except after the last layer.
 */
public abstract class RNNBase extends Module {
    protected final int inputSize;
    protected final int hiddenSize;
    protected final int numLayers;
    protected final boolean bias;
    protected final boolean batchFirst;
    protected final float dropout;
    protected final boolean bidirectional;
    private final int gates;
    private final Tensor[][] weightIh, weightHh, biasIh, biasHh;   // [layer][direction]
    private boolean recordGates;
    private GateTrace[][] traces;

    protected RNNBase(int gates, int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst,
            float dropout, boolean bidirectional) {
        String name = getClass().getSimpleName();
        if (inputSize < 1 || hiddenSize < 1 || numLayers < 1) {
            throw new IllegalArgumentException(name + ": inputSize, hiddenSize and numLayers must be at least 1, got "
                    + inputSize + ", " + hiddenSize + ", " + numLayers);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException(name + ": dropout must be in [0, 1), got " + dropout);
        }
        this.gates = gates;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.numLayers = numLayers;
        this.bias = bias;
        this.batchFirst = batchFirst;
        this.dropout = dropout;
        this.bidirectional = bidirectional;
        int dirs = directions();
        weightIh = new Tensor[numLayers][dirs];
        weightHh = new Tensor[numLayers][dirs];
        biasIh = new Tensor[numLayers][dirs];
        biasHh = new Tensor[numLayers][dirs];
        float k = (float) (1 / Math.sqrt(hiddenSize));
        for (int l = 0; l < numLayers; l++) {
            int in = l == 0 ? inputSize : hiddenSize * dirs;
            for (int d = 0; d < dirs; d++) {
                String suffix = "_l" + l + (d == 1 ? "_reverse" : "");
                weightIh[l][d] = registerParameter("weight_ih" + suffix, uniform(k, gates * hiddenSize, in));
                weightHh[l][d] = registerParameter("weight_hh" + suffix, uniform(k, gates * hiddenSize, hiddenSize));
                if (bias) {
                    biasIh[l][d] = registerParameter("bias_ih" + suffix, uniform(k, gates * hiddenSize));
                    biasHh[l][d] = registerParameter("bias_hh" + suffix, uniform(k, gates * hiddenSize));
                }
            }
        }
    }

    /** Uniform values in [-k, k]. */
    static Tensor uniform(float k, int... shape) {
        Tensor t = Tensor.rand(shape);
        float[] v = t.data();
        for (int i = 0; i < v.length; i++) v[i] = (2 * v[i] - 1) * k;
        return t;
    }

    /** 2 if bidirectional, else 1. */
    public int directions() {
        return bidirectional ? 2 : 1;
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public int numLayers() {
        return numLayers;
    }

    public boolean batchFirst() {
        return batchFirst;
    }

    public boolean bidirectional() {
        return bidirectional;
    }

    /** weight_ih of layer {@code layer}, direction 0 (forward) or 1 (reverse). */
    public Tensor weightIh(int layer, int direction) {
        return weightIh[layer][direction];
    }

    /** weight_hh of layer {@code layer}, direction 0 (forward) or 1 (reverse). */
    public Tensor weightHh(int layer, int direction) {
        return weightHh[layer][direction];
    }

    /** bias_ih of a layer and direction, or null without biases. */
    public Tensor biasIh(int layer, int direction) {
        return biasIh[layer][direction];
    }

    /** bias_hh of a layer and direction, or null without biases. */
    public Tensor biasHh(int layer, int direction) {
        return biasHh[layer][direction];
    }

    // ---- gate recording -------------------------------------------------------------------------

    /**
     * Turns gate recording on or off (off by default). When on, every forward pass keeps a
     * {@link GateTrace} per layer and direction; when off nothing is copied or kept.
     */
    public RNNBase recordGates(boolean on) {
        recordGates = on;
        if (!on) traces = null;
        return this;
    }

    /** True if gates are being recorded. */
    public boolean isRecordingGates() {
        return recordGates;
    }

    /** The gates of the last forward pass in the top layer, forward direction. */
    public GateTrace gateTrace() {
        return gateTrace(numLayers - 1, 0);
    }

    /** The gates of the last forward pass in {@code layer}, direction 0 (forward) or 1 (reverse). */
    public GateTrace gateTrace(int layer, int direction) {
        if (traces == null) {
            throw new IllegalStateException(getClass().getSimpleName() + ".gateTrace(): nothing recorded; call "
                    + "recordGates(true) before the forward pass");
        }
        if (layer < 0 || layer >= numLayers || direction < 0 || direction >= directions()) {
            throw new IndexOutOfBoundsException(getClass().getSimpleName() + ".gateTrace: layer " + layer
                    + ", direction " + direction + " of " + numLayers + " layer(s), " + directions() + " direction(s)");
        }
        return traces[layer][direction];
    }

    // ---- the forward pass -----------------------------------------------------------------------

    /**
     * Runs one layer in one direction over {@code x} [T, B, in] from the state {@code h0} [B, H] (and
     * {@code c0} for an LSTM, else null). Returns {output [T, B, H], h_n [B, H], c_n [B, H] or null};
     * when {@code record} is true it also hands its gates to {@link #keepTrace}.
     */
    protected abstract Tensor[] runDirection(int layer, int direction, Tensor x, Tensor h0, Tensor c0, boolean record);

    /** Called by {@link #runDirection} with the gates it recorded. */
    protected void keepTrace(int layer, int direction, GateTrace trace) {
        traces[layer][direction] = trace;
    }

    /** x [T, B, in] times weight_ih^T plus bias_ih (and bias_hh if {@code bothBiases}): [T, B, G * H]. */
    protected Tensor inputProjection(Tensor x, int layer, int direction, boolean bothBiases) {
        int steps = x.size(0), batch = x.size(1);
        Tensor xg = x.reshape(steps * batch, x.size(2)).matmul(weightIh[layer][direction].t());
        if (bias) {   // one broadcast add (its backward is a sum over all T * B rows)
            xg = xg.add(bothBiases ? biasIh[layer][direction].add(biasHh[layer][direction]) : biasIh[layer][direction]);
        }
        return xg.reshape(steps, batch, gates * hiddenSize);
    }

    /** h [B, H] times weight_hh^T plus bias_hh: [B, G * H]. */
    protected Tensor hiddenProjection(Tensor h, int layer, int direction) {
        Tensor hg = h.matmul(weightHh[layer][direction].t());
        return bias ? hg.add(biasHh[layer][direction]) : hg;
    }

    /**
     * The whole stack: returns {output, h_n, c_n} in the caller's layout (c_n null unless
     * {@code withCell}). {@code h0}/{@code c0} may be null for zeros.
     */
    protected Tensor[] run(Tensor input, Tensor h0, Tensor c0, boolean withCell) {
        String name = getClass().getSimpleName();
        if (input.dim() != 2 && input.dim() != 3) {
            throw new ShapeException(name + ": input must be [T, B, " + inputSize + "]" + (batchFirst ? " (batchFirst: [B, T, "
                    + inputSize + "])" : "") + " or unbatched [T, " + inputSize + "], got " + Arrays.toString(input.shape()));
        }
        boolean unbatched = input.dim() == 2;
        Tensor x = unbatched ? input.unsqueeze(1) : batchFirst ? input.transpose(0, 1) : input;
        if (x.size(2) != inputSize) {
            throw new ShapeException(name + ": input has " + x.size(2) + " features per step but inputSize is " + inputSize
                    + " (input shape " + Arrays.toString(input.shape()) + ")");
        }
        int batch = x.size(1), dirs = directions();
        Tensor h = state("h0", h0, batch, unbatched);
        Tensor c = withCell ? state("c0", c0, batch, unbatched) : null;
        if (recordGates) traces = new GateTrace[numLayers][dirs];

        List<Tensor> hN = new ArrayList<>(), cN = new ArrayList<>();
        for (int l = 0; l < numLayers; l++) {
            Tensor[] outs = new Tensor[dirs];
            for (int d = 0; d < dirs; d++) {
                int idx = l * dirs + d;
                Tensor[] r = runDirection(l, d, x, h.select(0, idx), c == null ? null : c.select(0, idx), recordGates);
                outs[d] = r[0];
                hN.add(r[1]);
                if (withCell) cN.add(r[2]);
            }
            x = dirs == 1 ? outs[0] : Tensor.cat(List.of(outs[0], outs[1]), 2);
            if (dropout > 0 && isTraining() && l < numLayers - 1) x = dropout(x, dropout);
        }
        Tensor output = unbatched ? x.squeeze(1) : batchFirst ? x.transpose(0, 1) : x;
        Tensor hOut = Tensor.stack(hN, 0), cOut = withCell ? Tensor.stack(cN, 0) : null;
        if (unbatched) {
            hOut = hOut.squeeze(1);
            if (cOut != null) cOut = cOut.squeeze(1);
            if (recordGates) {
                for (GateTrace[] row : traces) {
                    for (int d = 0; d < dirs; d++) row[d] = row[d].squeezeBatch();
                }
            }
        }
        return new Tensor[] {output, hOut, cOut};
    }

    /** The initial state as [L * D, B, H]: zeros if null, else checked. */
    private Tensor state(String what, Tensor s, int batch, boolean unbatched) {
        int layers = numLayers * directions();
        if (s == null) return Tensor.zeros(layers, batch, hiddenSize);
        Tensor t = unbatched && s.dim() == 2 ? s.unsqueeze(1) : s;
        if (t.dim() != 3 || t.size(0) != layers || t.size(1) != batch || t.size(2) != hiddenSize) {
            throw new ShapeException(getClass().getSimpleName() + ": " + what + " must be [numLayers * directions, B, H] = ["
                    + layers + ", " + batch + ", " + hiddenSize + "]" + (unbatched ? " (or [" + layers + ", " + hiddenSize
                    + "] for an unbatched input)" : "") + ", got " + Arrays.toString(s.shape()));
        }
        return t;
    }

    /** Zeroes each value with probability p and scales the rest by 1 / (1 - p). */
    static Tensor dropout(Tensor x, float p) {
        Tensor keep = Tensor.rand(Generator.getDefault(), x.shape()).lt(1 - p).div(1 - p);
        return x.mul(keep);
    }

    /** Stacks per-step values [B, H] (outside the graph) into a [T, B, H] tensor for a trace. */
    static Tensor stackSteps(Tensor[] steps) {
        int n = steps[0].numel();
        float[] out = new float[steps.length * n];
        for (int t = 0; t < steps.length; t++) System.arraycopy(steps[t].data(), 0, out, t * n, n);
        int[] shape = new int[steps[0].dim() + 1];
        shape[0] = steps.length;
        System.arraycopy(steps[0].shape(), 0, shape, 1, steps[0].dim());
        return Tensor.fromArray(out, shape);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(getClass().getSimpleName() + "(" + inputSize + ", " + hiddenSize);
        if (numLayers != 1) s.append(", numLayers=").append(numLayers);
        if (!bias) s.append(", bias=false");
        if (batchFirst) s.append(", batchFirst=true");
        if (dropout != 0) s.append(", dropout=").append(dropout);
        if (bidirectional) s.append(", bidirectional=true");
        return s.append(")").toString();
    }
}

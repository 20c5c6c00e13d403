package glassbox.nn;

import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;
import java.util.Arrays;

/**
 * One step of a plain recurrent network, like PyTorch's {@code nn.RNNCell}:
 * <pre>
 *   h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh)      (or ReLU instead of tanh)
 * </pre>
 * x is [B, inputSize] (or [inputSize]), h and h' are [B, H] (or [H]). Parameters {@code weight_ih}
 * [H, inputSize], {@code weight_hh} [H, H], {@code bias_ih}, {@code bias_hh} [H], uniform in
 * [-1/sqrt(H), 1/sqrt(H)]. Call it once per time step, feeding h' back in: that loop, unrolled, is the
 * graph backpropagation through time walks.
 */
public class RNNCell extends Module {
    private final int inputSize, hiddenSize;
    private final String nonlinearity;
    private final Tensor weightIh, weightHh, biasIh, biasHh;

    /** A tanh cell with biases. */
    public RNNCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true, "tanh");
    }

    /** All options, in PyTorch's order; nonlinearity is "tanh" or "relu". */
    public RNNCell(int inputSize, int hiddenSize, boolean bias, String nonlinearity) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.nonlinearity = checkNonlinearity("RNNCell", nonlinearity);
        float k = (float) (1 / Math.sqrt(hiddenSize));
        weightIh = registerParameter("weight_ih", RNNBase.uniform(k, hiddenSize, inputSize));
        weightHh = registerParameter("weight_hh", RNNBase.uniform(k, hiddenSize, hiddenSize));
        biasIh = bias ? registerParameter("bias_ih", RNNBase.uniform(k, hiddenSize)) : null;
        biasHh = bias ? registerParameter("bias_hh", RNNBase.uniform(k, hiddenSize)) : null;
    }

    static String checkNonlinearity(String who, String nonlinearity) {
        if (!nonlinearity.equals("tanh") && !nonlinearity.equals("relu")) {
            throw new IllegalArgumentException(who + ": nonlinearity must be \"tanh\" or \"relu\", got \"" + nonlinearity + "\"");
        }
        return nonlinearity;
    }

    /** One step from a zero state. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, null);
    }

    /** One step: the new hidden state from input x and hidden state h (null for zeros). */
    public Tensor forward(Tensor x, Tensor h) {
        Tensor[] xh = checkStep("RNNCell", x, h, inputSize, hiddenSize);
        Tensor pre = linear(xh[0], weightIh, biasIh).add(linear(xh[1], weightHh, biasHh));
        Tensor out = nonlinearity.equals("tanh") ? pre.tanh() : pre.relu();
        return x.dim() == 1 ? out.squeeze(0) : out;
    }

    /** x W^T + b (b may be null). */
    static Tensor linear(Tensor x, Tensor w, Tensor b) {
        Tensor y = x.matmul(w.t());
        return b == null ? y : y.add(b);
    }

    /**
     * Checks one step's input [B, in] or [in] and state [B, H] or [H] (zeros if null); returns both
     * as 2-D tensors.
     */
    static Tensor[] checkStep(String who, Tensor x, Tensor h, int inputSize, int hiddenSize) {
        if ((x.dim() != 1 && x.dim() != 2) || x.size(-1) != inputSize) {
            throw new ShapeException(who + ": input must be [B, " + inputSize + "] or [" + inputSize + "], got "
                    + Arrays.toString(x.shape()));
        }
        Tensor x2 = x.dim() == 1 ? x.unsqueeze(0) : x;
        int batch = x2.size(0);
        if (h == null) return new Tensor[] {x2, Tensor.zeros(batch, hiddenSize)};
        Tensor h2 = h.dim() == 1 ? h.unsqueeze(0) : h;
        if (h2.dim() != 2 || h2.size(0) != batch || h2.size(1) != hiddenSize) {
            throw new ShapeException(who + ": state must be [" + batch + ", " + hiddenSize + "] for input "
                    + Arrays.toString(x.shape()) + ", got " + Arrays.toString(h.shape()));
        }
        return new Tensor[] {x2, h2};
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
        return "RNNCell(" + inputSize + ", " + hiddenSize + (biasIh == null ? ", bias=false" : "")
                + (nonlinearity.equals("tanh") ? "" : ", nonlinearity=relu") + ")";
    }
}

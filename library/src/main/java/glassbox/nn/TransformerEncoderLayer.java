package glassbox.nn;

import glassbox.tensor.Tensor;

/**
 * One Transformer encoder layer, like PyTorch's {@code nn.TransformerEncoderLayer}: self-attention,
 * then a position-wise MLP, each wrapped in a residual connection and a layer normalization.
 * <pre>
 *   post-LN (the original Transformer, default):   x = LN1(x + SA(x));      x = LN2(x + FF(x))
 *   pre-LN  (normFirst, GPT-2 and most since):     x = x + SA(LN1(x));      x = x + FF(LN2(x))
 *   FF(x) = W_2 dropout(act(W_1 x + b_1)) + b_2    act = ReLU or GELU
 * </pre>
 * SA is {@link MultiheadAttention} (its output and the MLP's pass through dropout before the
 * residual sum). All positions are computed in parallel: there is no recurrence, so order comes only
 * from the positional encodings added to the input.
 *
 * <p>Shapes: [T, B, dModel], or [B, T, dModel] with {@code batchFirst} (PyTorch's default is
 * time-first). Children with PyTorch's names: self_attn, linear1, dropout, linear2, norm1, norm2,
 * dropout1, dropout2.
 */
public class TransformerEncoderLayer extends Module {
    protected final MultiheadAttention selfAttn;
    protected final Linear linear1, linear2;
    protected final Dropout dropout, dropout1, dropout2;
    protected final LayerNorm norm1, norm2;
    protected final boolean normFirst;
    private final String activation;

    /** Post-LN, ReLU, dimFeedforward 2048, dropout 0.1, time-first: PyTorch's defaults. */
    public TransformerEncoderLayer(int dModel, int nhead) {
        this(dModel, nhead, 2048, 0.1f, "relu", false, false);
    }

    /**
     * All options. activation is "relu" or "gelu"; normFirst chooses pre-LN.
     */
    public TransformerEncoderLayer(int dModel, int nhead, int dimFeedforward, float dropout, String activation,
            boolean batchFirst, boolean normFirst) {
        this.activation = checkActivation(activation);
        this.normFirst = normFirst;
        selfAttn = registerModule("self_attn", new MultiheadAttention(dModel, nhead, dropout, true, dModel, dModel, batchFirst));
        linear1 = registerModule("linear1", new Linear(dModel, dimFeedforward));
        this.dropout = registerModule("dropout", new Dropout(dropout));
        linear2 = registerModule("linear2", new Linear(dimFeedforward, dModel));
        norm1 = registerModule("norm1", new LayerNorm(dModel));
        norm2 = registerModule("norm2", new LayerNorm(dModel));
        dropout1 = registerModule("dropout1", new Dropout(dropout));
        dropout2 = registerModule("dropout2", new Dropout(dropout));
    }

    static String checkActivation(String activation) {
        if (!activation.equals("relu") && !activation.equals("gelu")) {
            throw new IllegalArgumentException("activation must be \"relu\" or \"gelu\", got \"" + activation + "\"");
        }
        return activation;
    }

    /** The layer without masks. */
    @Override
    public Tensor forward(Tensor src) {
        return forward(src, null, null);
    }

    /** With an attention mask [T, T] (e.g. {@link AttentionMasks#causal}) and a key padding mask [B, T]; either may be null. */
    public Tensor forward(Tensor src, Tensor srcMask, Tensor srcKeyPaddingMask) {
        Tensor x = src;
        if (normFirst) {
            x = x.add(selfAttention(norm1.call(x), srcMask, srcKeyPaddingMask));
            x = x.add(feedForward(norm2.call(x)));
        } else {
            x = norm1.call(x.add(selfAttention(x, srcMask, srcKeyPaddingMask)));
            x = norm2.call(x.add(feedForward(x)));
        }
        return x;
    }

    private Tensor selfAttention(Tensor x, Tensor mask, Tensor keyPadding) {
        return dropout1.call(selfAttn.forward(x, x, x, keyPadding, mask).output());
    }

    private Tensor feedForward(Tensor x) {
        return dropout2.call(linear2.call(dropout.call(activate(linear1.call(x), activation))));
    }

    static Tensor activate(Tensor x, String activation) {
        return activation.equals("relu") ? x.relu() : x.gelu();
    }

    /** The self-attention block (its weights of the last pass: {@code selfAttn().attentionWeights()}). */
    public MultiheadAttention selfAttn() {
        return selfAttn;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + selfAttn.embedDim() + ", heads=" + selfAttn.numHeads()
                + ", " + activation + (normFirst ? ", pre-LN" : ", post-LN") + ")";
    }
}

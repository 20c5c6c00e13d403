package glassbox.nn;

import glassbox.tensor.Tensor;

/**
 * One Transformer decoder layer, like PyTorch's {@code nn.TransformerDecoderLayer}: masked
 * self-attention over the target, cross-attention to the encoder's output (the memory), then a
 * position-wise MLP, each with a residual connection and layer normalization.
 * <pre>
 *   post-LN (default):  x = LN1(x + SA(x, tgtMask));  x = LN2(x + CA(x, memory));  x = LN3(x + FF(x))
 *   pre-LN (normFirst): x = x + SA(LN1(x), tgtMask);  x = x + CA(LN2(x), memory);  x = x + FF(LN3(x))
 * </pre>
 * In cross-attention the queries come from the decoder and the keys and values from the memory: each
 * target position decides which source positions to look at (the attention heatmap of translation).
 *
 * <p>Shapes: tgt [T, B, dModel], memory [S, B, dModel], or batch first. Children with PyTorch's
 * names: self_attn, multihead_attn, linear1, dropout, linear2, norm1..3, dropout1..3.
 */
public class TransformerDecoderLayer extends Module {
    private final MultiheadAttention selfAttn, crossAttn;
    private final Linear linear1, linear2;
    private final Dropout dropout, dropout1, dropout2, dropout3;
    private final LayerNorm norm1, norm2, norm3;
    private final boolean normFirst;
    private final String activation;

    /** Post-LN, ReLU, dimFeedforward 2048, dropout 0.1, time-first: PyTorch's defaults. */
    public TransformerDecoderLayer(int dModel, int nhead) {
        this(dModel, nhead, 2048, 0.1f, "relu", false, false);
    }

    /** All options. activation is "relu" or "gelu"; normFirst chooses pre-LN. */
    public TransformerDecoderLayer(int dModel, int nhead, int dimFeedforward, float dropout, String activation,
            boolean batchFirst, boolean normFirst) {
        this.activation = TransformerEncoderLayer.checkActivation(activation);
        this.normFirst = normFirst;
        selfAttn = registerModule("self_attn", new MultiheadAttention(dModel, nhead, dropout, true, dModel, dModel, batchFirst));
        crossAttn = registerModule("multihead_attn", new MultiheadAttention(dModel, nhead, dropout, true, dModel, dModel, batchFirst));
        linear1 = registerModule("linear1", new Linear(dModel, dimFeedforward));
        this.dropout = registerModule("dropout", new Dropout(dropout));
        linear2 = registerModule("linear2", new Linear(dimFeedforward, dModel));
        norm1 = registerModule("norm1", new LayerNorm(dModel));
        norm2 = registerModule("norm2", new LayerNorm(dModel));
        norm3 = registerModule("norm3", new LayerNorm(dModel));
        dropout1 = registerModule("dropout1", new Dropout(dropout));
        dropout2 = registerModule("dropout2", new Dropout(dropout));
        dropout3 = registerModule("dropout3", new Dropout(dropout));
    }

    /** A decoder layer needs the memory: use {@link #forward(Tensor, Tensor)}. */
    @Override
    public Tensor forward(Tensor tgt) {
        throw new UnsupportedOperationException("TransformerDecoderLayer: call forward(tgt, memory) with the encoder's output");
    }

    /** Without masks. */
    public Tensor forward(Tensor tgt, Tensor memory) {
        return forward(tgt, memory, null, null, null, null);
    }

    /**
     * With masks (each may be null): tgtMask [T, T] (usually {@link AttentionMasks#causal}), memoryMask
     * [T, S], and key padding masks [B, T] and [B, S].
     */
    public Tensor forward(Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask, Tensor tgtKeyPaddingMask,
            Tensor memoryKeyPaddingMask) {
        Tensor x = tgt;
        if (normFirst) {
            Tensor n1 = norm1.call(x);
            x = x.add(dropout1.call(selfAttn.forward(n1, n1, n1, tgtKeyPaddingMask, tgtMask).output()));
            x = x.add(dropout2.call(crossAttn.forward(norm2.call(x), memory, memory, memoryKeyPaddingMask, memoryMask).output()));
            x = x.add(feedForward(norm3.call(x)));
        } else {
            x = norm1.call(x.add(dropout1.call(selfAttn.forward(x, x, x, tgtKeyPaddingMask, tgtMask).output())));
            x = norm2.call(x.add(dropout2.call(crossAttn.forward(x, memory, memory, memoryKeyPaddingMask, memoryMask).output())));
            x = norm3.call(x.add(feedForward(x)));
        }
        return x;
    }

    private Tensor feedForward(Tensor x) {
        return dropout3.call(linear2.call(dropout.call(TransformerEncoderLayer.activate(linear1.call(x), activation))));
    }

    /** The masked self-attention block. */
    public MultiheadAttention selfAttn() {
        return selfAttn;
    }

    /** The cross-attention block (decoder queries, memory keys and values). */
    public MultiheadAttention crossAttn() {
        return crossAttn;
    }

    @Override
    public String toString() {
        return "TransformerDecoderLayer(" + selfAttn.embedDim() + ", heads=" + selfAttn.numHeads() + ", " + activation
                + (normFirst ? ", pre-LN" : ", post-LN") + ")";
    }
}

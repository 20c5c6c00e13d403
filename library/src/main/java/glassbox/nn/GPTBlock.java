package glassbox.nn;

import glassbox.tensor.Tensor;

/**
 * The block of a decoder-only Transformer (GPT): causal self-attention and a GELU MLP four times as
 * wide, pre-LayerNorm, with residual connections, on batch-first input [B, T, dModel]:
 * <pre>
 *   x = x + dropout(MultiHead(LN1(x)) with the causal mask)     token t sees tokens 0..t only
 *   x = x + dropout(W_2 GELU(W_1 LN2(x) + b_1) + b_2)           W_1: dModel -> 4 dModel
 * </pre>
 * It is a {@link TransformerEncoderLayer} (pre-LN, GELU, batch first) that always applies the causal
 * mask: no cross-attention, no encoder. The causal mask is what lets it be trained to predict the
 * next token at every position at once.
 */
public class GPTBlock extends TransformerEncoderLayer {
    private Tensor mask;

    public GPTBlock(int dModel, int nhead, float dropout) {
        super(dModel, nhead, 4 * dModel, dropout, "gelu", true, true);
    }

    /** x [B, T, dModel] (or [T, dModel]) with the causal mask. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, null);
    }

    /** With an optional key padding mask [B, T] besides the causal mask. */
    public Tensor forward(Tensor x, Tensor keyPaddingMask) {
        int t = x.size(-2);
        if (mask == null || mask.size(0) != t) mask = AttentionMasks.causal(t);
        return super.forward(x, mask, keyPaddingMask);
    }
}

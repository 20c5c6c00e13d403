package glassbox.nn;

import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;
import java.util.Arrays;

/**
 * A small GPT: a decoder-only Transformer that reads token ids and gives, at every position, the
 * logits of the next token.
 * <pre>
 *   x      = tok_emb[tokens] + pos_emb[0..T-1]        token and learned position embeddings, [B, T, d]
 *   x      = block_n(... block_1(x))                    {@link GPTBlock}s: causal self-attention + MLP
 *   logits = LN(x) W_head^T                             [B, T, vocabSize]
 * </pre>
 * Trained with cross-entropy between logits[:, t] and tokens[:, t+1], it learns to continue text;
 * {@link Generation} then samples from it. Input: token ids [B, T] (or [T]) as float values, T at most
 * contextLength.
 */
public class GPT extends Module {
    private final Embedding tokens;
    private final LearnedPositionalEmbedding positions;
    private final GPTBlock[] blocks;
    private final LayerNorm norm;
    private final Linear head;
    private final int contextLength, vocabSize;

    /**
     * @param vocabSize     number of distinct tokens
     * @param contextLength longest input (positions that have an embedding)
     * @param dModel        width of every token's vector
     * @param nHead         attention heads per block (dModel must be divisible by it)
     * @param nLayer        number of blocks
     * @param dropout       dropout probability inside the blocks (0 for none)
     */
    public GPT(int vocabSize, int contextLength, int dModel, int nHead, int nLayer, float dropout) {
        this.vocabSize = vocabSize;
        this.contextLength = contextLength;
        tokens = registerModule("tok_emb", new Embedding(vocabSize, dModel));
        positions = registerModule("pos_emb", new LearnedPositionalEmbedding(contextLength, dModel));
        blocks = new GPTBlock[nLayer];
        for (int i = 0; i < nLayer; i++) blocks[i] = registerModule("block" + i, new GPTBlock(dModel, nHead, dropout));
        norm = registerModule("ln_f", new LayerNorm(dModel));
        head = registerModule("head", new Linear(dModel, vocabSize, false));
    }

    /** Next-token logits [B, T, vocabSize] for token ids [B, T] (or [T] -> [T, vocabSize]). */
    @Override
    public Tensor forward(Tensor ids) {
        if (ids.dim() < 1 || ids.dim() > 2 || ids.size(-1) > contextLength) {
            throw new ShapeException("GPT: token ids must be [B, T] or [T] with T <= contextLength = " + contextLength
                    + ", got " + Arrays.toString(ids.shape()) + " (keep only the last " + contextLength + " tokens)");
        }
        Tensor x = positions.call(tokens.call(ids));
        for (GPTBlock b : blocks) x = b.call(x);
        return head.call(norm.call(x));
    }

    /** The blocks, e.g. to read {@code block(0).selfAttn().attentionWeights()}. */
    public GPTBlock block(int i) {
        return blocks[i];
    }

    public int contextLength() {
        return contextLength;
    }

    public int vocabSize() {
        return vocabSize;
    }

    /** This model as a {@link Generation.LanguageModel}: the logits after the last token of a context. */
    public Generation.LanguageModel asLanguageModel() {
        return context -> {
            int from = Math.max(0, context.length - contextLength);
            float[] ids = new float[context.length - from];
            for (int i = 0; i < ids.length; i++) ids[i] = context[from + i];
            Tensor logits = forward(Tensor.fromArray(ids, ids.length));
            return logits.select(0, ids.length - 1);
        };
    }
}

package glassbox.nn;

import glassbox.tensor.Generator;
import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;
import java.util.Arrays;

/**
 * A small BERT: a bidirectional Transformer encoder (every token sees every other token, no causal
 * mask) with the two pre-training heads of Devlin et al. (2019).
 * <pre>
 *   x      = LN(tok_emb[ids] + pos_emb[0..T-1] + seg_emb[segments])     [B, T, d]
 *   h      = layer_n(... layer_1(x))                   {@link TransformerEncoderLayer}s, post-LN, GELU
 *   MLM    = LN(GELU(h W_t + b_t)) tok_emb^T + b        logits over the vocabulary at every position
 *   pooled = tanh(h[:, 0] W_p + b_p)                    the [CLS] token's vector, for sentence tasks
 *   NSP    = pooled W_nsp + b_nsp                       2 logits: is segment B the text after segment A?
 * </pre>
 * The output layer of the masked-language-model head shares its weights with the token embedding
 * (weight tying), as in BERT. Inputs are token ids [B, T] as float values, segment ids (0 for
 * sentence A, 1 for sentence B) of the same shape, and an optional key padding mask [B, T] with 1 at
 * padding positions ({@link AttentionMasks#padding}).
 *
 * <p>{@link #maskTokens} makes the masked-language-model inputs: 15% of the positions are chosen; of
 * those, 80% become [MASK], 10% a random token, 10% stay as they are; the targets are the original
 * tokens at the chosen positions and {@link #IGNORE} elsewhere.
 */
public class BERT extends Module {
    /** Target value of positions that are not predicted (pass it as ignoreIndex to the cross-entropy). */
    public static final int IGNORE = -100;

    private final Embedding tokens, segments;
    private final LearnedPositionalEmbedding positions;
    private final LayerNorm embNorm;
    private final Dropout embDropout;
    private final TransformerEncoderLayer[] layers;
    private final Linear mlmTransform, pooler, nsp;
    private final LayerNorm mlmNorm;
    private final Tensor mlmBias;
    private final int vocabSize, contextLength, dModel;

    /**
     * @param vocabSize     number of distinct tokens (special tokens included)
     * @param contextLength longest input
     * @param dModel        width of every token's vector
     * @param nHead         attention heads per layer
     * @param nLayer        number of encoder layers
     * @param dropout       dropout probability (0 for none)
     */
    public BERT(int vocabSize, int contextLength, int dModel, int nHead, int nLayer, float dropout) {
        this.vocabSize = vocabSize;
        this.contextLength = contextLength;
        this.dModel = dModel;
        tokens = registerModule("tok_emb", new Embedding(vocabSize, dModel));
        try (var s = Tensor.noGrad()) {
            tokens.weight.mul_(0.02f);
        }
        positions = registerModule("pos_emb", new LearnedPositionalEmbedding(contextLength, dModel));
        segments = registerModule("seg_emb", new Embedding(2, dModel));
        try (var s = Tensor.noGrad()) {
            segments.weight.mul_(0.02f);
        }
        embNorm = registerModule("emb_norm", new LayerNorm(dModel));
        embDropout = registerModule("emb_dropout", new Dropout(dropout));
        layers = new TransformerEncoderLayer[nLayer];
        for (int i = 0; i < nLayer; i++) {
            layers[i] = registerModule("layer" + i, new TransformerEncoderLayer(dModel, nHead, 4 * dModel, dropout, "gelu", true, false));
        }
        mlmTransform = registerModule("mlm_transform", new Linear(dModel, dModel));
        mlmNorm = registerModule("mlm_norm", new LayerNorm(dModel));
        mlmBias = registerParameter("mlm_bias", Tensor.zeros(vocabSize));
        pooler = registerModule("pooler", new Linear(dModel, dModel));
        nsp = registerModule("nsp", new Linear(dModel, 2));
    }

    /** Hidden states [B, T, dModel] for token ids [B, T], all in segment 0, no padding. */
    @Override
    public Tensor forward(Tensor ids) {
        return encode(ids, null, null);
    }

    /**
     * Hidden states [B, T, dModel]. {@code segmentIds} (0 or 1, [B, T]) may be null for all 0;
     * {@code keyPaddingMask} ([B, T], 1 = padding) may be null.
     */
    public Tensor encode(Tensor ids, Tensor segmentIds, Tensor keyPaddingMask) {
        if (ids.dim() != 2 || ids.size(1) > contextLength) {
            throw new ShapeException("BERT: token ids must be [B, T] with T <= contextLength = " + contextLength + ", got "
                    + Arrays.toString(ids.shape()));
        }
        if (segmentIds != null && !Arrays.equals(segmentIds.shape(), ids.shape())) {
            throw new ShapeException("BERT: segment ids " + Arrays.toString(segmentIds.shape()) + " must have the shape of the token ids "
                    + Arrays.toString(ids.shape()));
        }
        Tensor x = positions.call(tokens.call(ids));
        if (segmentIds != null) x = x.add(segments.call(segmentIds));
        x = embDropout.call(embNorm.call(x));
        for (TransformerEncoderLayer layer : layers) x = layer.forward(x, null, keyPaddingMask);
        return x;
    }

    /** Masked-language-model logits [..., vocabSize] for hidden states [..., dModel] (e.g. only the masked rows). */
    public Tensor mlmLogits(Tensor hidden) {
        Tensor h = mlmNorm.call(mlmTransform.call(hidden).gelu());
        return h.matmul(tokens.weight.t()).add(mlmBias);
    }

    /** The sentence vector tanh(h[:, 0] W_p + b_p) [B, dModel] of hidden states [B, T, dModel]. */
    public Tensor pooled(Tensor hidden) {
        return pooler.call(hidden.select(1, 0)).tanh();
    }

    /** Next-sentence-prediction logits [B, 2] (class 1 = segment B follows segment A). */
    public Tensor nspLogits(Tensor hidden) {
        return nsp.call(pooled(hidden));
    }

    /** The encoder layers, e.g. to read {@code layer(0).selfAttn().attentionWeights()}. */
    public TransformerEncoderLayer layer(int i) {
        return layers[i];
    }

    public int numLayers() {
        return layers.length;
    }

    public int vocabSize() {
        return vocabSize;
    }

    public int contextLength() {
        return contextLength;
    }

    public int dModel() {
        return dModel;
    }

    /** Masked-language-model inputs and targets: {@code targets[i]} is the original token or {@link #IGNORE}. */
    public record Masked(int[] inputs, int[] targets) {
    }

    /**
     * BERT's masking of one sequence: each position whose token is not in {@code keep} (special tokens)
     * is chosen with probability {@code rate} (0.15 in BERT); a chosen token becomes {@code maskId} with
     * probability 0.8, a random token in [firstRandom, vocabSize) with 0.1, and stays unchanged with 0.1.
     * The model must predict the original token at every chosen position, so it cannot learn that only
     * [MASK] needs predicting.
     */
    public static Masked maskTokens(int[] ids, float rate, int maskId, int firstRandom, int vocabSize, Generator gen, int... keep) {
        if (!(rate > 0 && rate < 1)) throw new IllegalArgumentException("masking rate must be in (0, 1), got " + rate);
        if (firstRandom < 0 || firstRandom >= vocabSize) {
            throw new IllegalArgumentException("firstRandom " + firstRandom + " must be in 0.." + (vocabSize - 1));
        }
        int[] inputs = ids.clone(), targets = new int[ids.length];
        Arrays.fill(targets, IGNORE);
        outer:
        for (int i = 0; i < ids.length; i++) {
            for (int k : keep) if (ids[i] == k) continue outer;
            if (gen.nextFloat() >= rate) continue;
            targets[i] = ids[i];
            float r = gen.nextFloat();
            if (r < 0.8f) inputs[i] = maskId;
            else if (r < 0.9f) inputs[i] = firstRandom + gen.nextInt(vocabSize - firstRandom);
        }
        return new Masked(inputs, targets);
    }

    @Override
    public String toString() {
        return "BERT(vocab=" + vocabSize + ", context=" + contextLength + ", d=" + dModel + ", layers=" + layers.length + ")";
    }
}

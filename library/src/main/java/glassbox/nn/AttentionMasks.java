package glassbox.nn;

import glassbox.tensor.Tensor;

/**
 * Masks for attention. Convention (as PyTorch's {@code nn.MultiheadAttention} boolean masks): a mask
 * holds 1 where attention is <em>not</em> allowed and 0 where it is. A masked score is replaced by a
 * very large negative number before the softmax, so its weight comes out exactly 0.
 */
public final class AttentionMasks {
    private AttentionMasks() {
    }

    /**
     * The causal (look-ahead) mask [T, T]: 1 above the diagonal, so position t attends to positions
     * 0..t and never to t+1..T-1 (what a language model must not see when predicting token t+1).
     */
    public static Tensor causal(int t) {
        float[] m = new float[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) m[i * t + j] = 1;
        }
        return Tensor.fromArray(m, t, t);
    }

    /**
     * A key padding mask [B, T] for sequences of the given lengths padded to T: 1 at the padding
     * positions (index >= length), which no query should attend to.
     */
    public static Tensor padding(int[] lengths, int t) {
        float[] m = new float[lengths.length * t];
        for (int b = 0; b < lengths.length; b++) {
            if (lengths[b] < 0 || lengths[b] > t) {
                throw new IllegalArgumentException("AttentionMasks.padding: length " + lengths[b] + " of sequence " + b
                        + " is not within 0.." + t);
            }
            for (int j = lengths[b]; j < t; j++) m[b * t + j] = 1;
        }
        return Tensor.fromArray(m, lengths.length, t);
    }

    /** Scores where {@code mask} (broadcast to their shape) is nonzero replaced by -1e9 (weight 0 after softmax). */
    static Tensor apply(Tensor scores, Tensor mask) {
        if (mask == null) return scores;
        return scores.where(mask.eq(0f), Tensor.scalar(-1e9f));
    }
}

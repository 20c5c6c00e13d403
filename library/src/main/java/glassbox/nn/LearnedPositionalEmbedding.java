package glassbox.nn;

import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;
import java.util.Arrays;

/**
 * Learned positional embeddings (GPT, BERT): one trained vector per position, added to the token
 * embeddings:
 * <pre>
 *   forward(x) = x + P[0..T-1]        P: parameter "weight" [maxLen, dModel], initialised N(0, 0.02^2)
 * </pre>
 * Unlike {@link PositionalEncoding} the model learns what each position should look like, but it knows
 * nothing about positions beyond maxLen (the model's context length). Input [B, T, dModel] or
 * [T, dModel].
 */
public class LearnedPositionalEmbedding extends Module {
    public final Tensor weight;
    private final int maxLen, dModel;

    public LearnedPositionalEmbedding(int maxLen, int dModel) {
        this.maxLen = maxLen;
        this.dModel = dModel;
        weight = registerParameter("weight", Tensor.randn(maxLen, dModel).mul(0.02f));
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() < 2 || x.size(-1) != dModel || x.size(-2) > maxLen) {
            throw new ShapeException("LearnedPositionalEmbedding: input must be [B, T, " + dModel + "] or [T, " + dModel
                    + "] with T <= maxLen = " + maxLen + ", got " + Arrays.toString(x.shape()));
        }
        return x.add(weight.slice(0, 0, x.size(-2)));
    }

    @Override
    public String toString() {
        return "LearnedPositionalEmbedding(" + maxLen + ", " + dModel + ")";
    }
}

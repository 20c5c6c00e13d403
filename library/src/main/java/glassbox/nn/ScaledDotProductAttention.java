package glassbox.nn;

import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;
import java.util.Arrays;

/**
 * Scaled dot-product attention:
 * <pre>
 *   Attention(Q, K, V) = softmax(mask(Q K^T / sqrt(d_k))) V
 * </pre>
 * Each query row of Q [..., Tq, d_k] is compared with every key row of K [..., Tk, d_k] by a dot
 * product, scaled by 1/sqrt(d_k) so the scores do not grow with the dimension; the softmax along the
 * keys turns them into weights that sum to 1; the output [..., Tq, d_v] is the weighted average of the
 * value rows V [..., Tk, d_v]. Leading dimensions (batch, heads) broadcast. The optional mask,
 * broadcast to [..., Tq, Tk], holds 1 where a query may not look (see {@link AttentionMasks}).
 *
 * <p>The module keeps the weights of its last forward pass: {@link #attentionWeights()}.
 */
public class ScaledDotProductAttention extends Module {
    private final Dropout dropout;
    private Tensor lastWeights;

    /** The output and the attention weights [..., Tq, Tk] (each row sums to 1). */
    public record Result(Tensor output, Tensor weights) {
    }

    /** Attention without dropout. */
    public ScaledDotProductAttention() {
        this(0f);
    }

    /** Attention with dropout on the weights (in training mode) with probability p. */
    public ScaledDotProductAttention(float dropout) {
        this.dropout = dropout > 0 ? registerModule("dropout", new Dropout(dropout)) : null;
    }

    /** Self-attention of x with itself (Q = K = V = x), no mask. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, x, x, null).output();
    }

    /** Attends from queries q to keys k and values v; {@code mask} may be null. */
    public Result forward(Tensor q, Tensor k, Tensor v, Tensor mask) {
        Result r = compute(q, k, v, mask, dropout != null && isTraining() ? dropout : null);
        lastWeights = r.weights().detach();
        return r;
    }

    /** The weights of the last forward pass, [..., Tq, Tk], outside the graph; null before the first. */
    public Tensor attentionWeights() {
        return lastWeights;
    }

    /** softmax(mask(Q K^T / sqrt(d_k))) V, with optional dropout on the weights. */
    static Result compute(Tensor q, Tensor k, Tensor v, Tensor mask, Dropout dropout) {
        if (q.dim() < 2 || k.dim() < 2 || v.dim() < 2 || q.size(-1) != k.size(-1) || k.size(-2) != v.size(-2)) {
            throw new ShapeException("attention: Q [..., Tq, d_k], K [..., Tk, d_k] and V [..., Tk, d_v] do not fit: got "
                    + Arrays.toString(q.shape()) + ", " + Arrays.toString(k.shape()) + ", " + Arrays.toString(v.shape()));
        }
        float scale = (float) (1 / Math.sqrt(q.size(-1)));
        Tensor scores = q.matmul(k.transpose(-2, -1)).mul(scale);
        Tensor weights = AttentionMasks.apply(scores, mask).softmax(-1);
        Tensor used = dropout == null ? weights : dropout.call(weights);
        return new Result(used.matmul(v), weights);
    }

    @Override
    public String toString() {
        return "ScaledDotProductAttention(" + (dropout == null ? "" : "dropout=" + dropout.p()) + ")";
    }
}

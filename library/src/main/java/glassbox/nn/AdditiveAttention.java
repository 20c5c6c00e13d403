package glassbox.nn;

import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;
import java.util.Arrays;

/**
 * Additive (Bahdanau) attention, as in the first neural translation models with attention:
 * <pre>
 *   score(q, k_j) = v^T tanh(W_q q + W_k k_j)
 *   a_j           = softmax_j(mask(score(q, k_j)))
 *   context       = sum_j a_j v_j
 * </pre>
 * A decoder state q looks at every encoder state k_j through a small one-hidden-layer network, and
 * the context is the weighted average of the values (usually the encoder states themselves).
 *
 * <p>Shapes: query [B, Tq, queryDim] (or [B, queryDim] for one decoder step), keys [B, Tk, keyDim],
 * values [B, Tk, d_v]; output [B, Tq, d_v] (or [B, d_v]); weights [B, Tq, Tk] (or [B, Tk]). The
 * optional mask (1 = do not attend) is [B, Tk] (padding) or broadcasts to [B, Tq, Tk].
 * Parameters: {@code W_q} and {@code W_k} (Linear without bias, to {@code hiddenDim}) and {@code v}
 * (Linear hiddenDim to 1, no bias). The weights of the last forward pass: {@link #attentionWeights()}.
 */
public class AdditiveAttention extends Module {
    private final Linear wq, wk, v;
    private Tensor lastWeights;

    /** The context vectors and the attention weights (each row sums to 1). */
    public record Result(Tensor output, Tensor weights) {
    }

    public AdditiveAttention(int queryDim, int keyDim, int hiddenDim) {
        wq = registerModule("W_q", new Linear(queryDim, hiddenDim, false));
        wk = registerModule("W_k", new Linear(keyDim, hiddenDim, false));
        v = registerModule("v", new Linear(hiddenDim, 1, false));
    }

    /** Self-attention of x [B, T, d] with itself (needs queryDim = keyDim = d). */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, x, x, null).output();
    }

    /** Attends from {@code query} to {@code keys}/{@code values}; mask may be null. */
    public Result forward(Tensor query, Tensor keys, Tensor values, Tensor mask) {
        boolean oneStep = query.dim() == 2;
        Tensor q = oneStep ? query.unsqueeze(1) : query;
        if (q.dim() != 3 || keys.dim() != 3 || values.dim() != 3 || keys.size(0) != q.size(0)
                || values.size(0) != q.size(0) || keys.size(1) != values.size(1)) {
            throw new ShapeException("AdditiveAttention: query [B, Tq, dq] (or [B, dq]), keys [B, Tk, dk] and values "
                    + "[B, Tk, dv] do not fit: got " + Arrays.toString(query.shape()) + ", " + Arrays.toString(keys.shape())
                    + ", " + Arrays.toString(values.shape()));
        }
        Tensor hq = wq.call(q).unsqueeze(2);                       // [B, Tq, 1, h]
        Tensor hk = wk.call(keys).unsqueeze(1);                    // [B, 1, Tk, h]
        Tensor scores = v.call(hq.add(hk).tanh()).squeeze(-1);     // [B, Tq, Tk]
        Tensor m = mask != null && mask.dim() == 2 ? mask.unsqueeze(1) : mask;   // padding [B, Tk] -> [B, 1, Tk]
        Tensor weights = AttentionMasks.apply(scores, m).softmax(-1);
        Tensor context = weights.matmul(values);                   // [B, Tq, dv]
        lastWeights = weights.detach();
        return oneStep ? new Result(context.squeeze(1), weights.squeeze(1)) : new Result(context, weights);
    }

    /** The weights of the last forward pass [B, Tq, Tk], outside the graph; null before the first. */
    public Tensor attentionWeights() {
        return lastWeights;
    }
}

package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;
import java.util.Arrays;

/**
 * Multi-head attention, like PyTorch's {@code nn.MultiheadAttention}:
 * <pre>
 *   head_i    = softmax(mask(Q_i K_i^T / sqrt(d_k))) V_i     with Q_i = q W_i^Q, K_i = k W_i^K, V_i = v W_i^V
 *   MultiHead = Concat(head_1, ..., head_h) W^O
 * </pre>
 * with d_k = d_v = embedDim / numHeads: h heads each look at the sequence in a smaller space of their
 * own, so they can attend to different things, for the cost of one full-size head. Self-attention
 * when q, k, v are the same sequence; cross-attention when k and v come from another (the encoder).
 *
 * <p>Shapes (as PyTorch): query [Tq, B, E], key [Tk, B, kdim], value [Tk, B, vdim], output [Tq, B, E];
 * with {@code batchFirst} [B, T, ...]; unbatched [T, ...] also works. Masks (1 = may not attend, see
 * {@link AttentionMasks}): {@code keyPaddingMask} [B, Tk] and {@code attnMask} [Tq, Tk] or
 * [B * numHeads, Tq, Tk]; both may be null.
 *
 * <p>Parameters with PyTorch's names: {@code in_proj_weight} [3E, E] (W^Q, W^K, W^V stacked, Xavier
 * uniform) and {@code in_proj_bias} [3E] (zeros) when kdim = vdim = E, else {@code q_proj_weight},
 * {@code k_proj_weight}, {@code v_proj_weight}; {@code out_proj} (Linear E to E, bias zero) is W^O.
 *
 * <p>{@link #attentionWeights()} keeps the weights of the last forward pass per head, [B, heads, Tq, Tk].
 */
public class MultiheadAttention extends Module {
    private final int embedDim, numHeads, headDim, kdim, vdim;
    private final boolean batchFirst;
    private final Tensor inProjWeight, qProjWeight, kProjWeight, vProjWeight, inProjBias;
    private final Linear outProj;
    private final Dropout dropout;
    private Tensor lastWeights;

    /** The output [Tq, B, E] (or batch first) and the weights per head [B, heads, Tq, Tk]. */
    public record Output(Tensor output, Tensor weights) {
    }

    /** Time-first self/cross attention with biases, no dropout. */
    public MultiheadAttention(int embedDim, int numHeads) {
        this(embedDim, numHeads, 0f, true, embedDim, embedDim, false);
    }

    /** With {@code batchFirst} inputs [B, T, E]. */
    public MultiheadAttention(int embedDim, int numHeads, boolean batchFirst) {
        this(embedDim, numHeads, 0f, true, embedDim, embedDim, batchFirst);
    }

    /** All options: dropout on the attention weights, biases, key and value sizes, layout. */
    public MultiheadAttention(int embedDim, int numHeads, float dropout, boolean bias, int kdim, int vdim, boolean batchFirst) {
        if (numHeads < 1 || embedDim % numHeads != 0) {
            throw new IllegalArgumentException("MultiheadAttention: embedDim " + embedDim + " must be divisible by numHeads "
                    + numHeads + " (each head gets embedDim / numHeads dimensions)");
        }
        this.embedDim = embedDim;
        this.numHeads = numHeads;
        this.headDim = embedDim / numHeads;
        this.kdim = kdim;
        this.vdim = vdim;
        this.batchFirst = batchFirst;
        if (kdim == embedDim && vdim == embedDim) {
            inProjWeight = registerParameter("in_proj_weight", xavierUniform(3 * embedDim, embedDim, embedDim, embedDim));
            qProjWeight = kProjWeight = vProjWeight = null;
        } else {
            inProjWeight = null;
            qProjWeight = registerParameter("q_proj_weight", xavierUniform(embedDim, embedDim, embedDim, embedDim));
            kProjWeight = registerParameter("k_proj_weight", xavierUniform(embedDim, kdim, embedDim, kdim));
            vProjWeight = registerParameter("v_proj_weight", xavierUniform(embedDim, vdim, embedDim, vdim));
        }
        inProjBias = bias ? registerParameter("in_proj_bias", Tensor.zeros(3 * embedDim)) : null;
        outProj = registerModule("out_proj", new Linear(embedDim, embedDim, bias));
        if (bias) {
            try (var s = Tensor.noGrad()) {
                outProj.bias.zero_();
            }
        }
        this.dropout = dropout > 0 ? registerModule("dropout", new Dropout(dropout)) : null;
    }

    /** Uniform in +-sqrt(6 / (fanIn + fanOut)) (Glorot/Xavier). */
    private static Tensor xavierUniform(int rows, int cols, int fanOut, int fanIn) {
        return RNNBase.uniform((float) Math.sqrt(6.0 / (fanIn + fanOut)), rows, cols);
    }

    /** Self-attention of x without masks; returns the output. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, x, x, null, null).output();
    }

    /** Attention from query to key/value without masks. */
    public Output forward(Tensor query, Tensor key, Tensor value) {
        return forward(query, key, value, null, null);
    }

    /** Attention with optional masks (null for none); see the class comment for the shapes. */
    public Output forward(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, Tensor attnMask) {
        boolean unbatched = query.dim() == 2;
        Tensor q = toBatchFirst(query, unbatched, embedDim, "query");
        Tensor k = toBatchFirst(key, unbatched, kdim, "key");
        Tensor v = toBatchFirst(value, unbatched, vdim, "value");
        int batch = q.size(0), tq = q.size(1), tk = k.size(1);
        if (k.size(0) != batch || v.size(0) != batch || v.size(1) != tk) {
            throw new ShapeException("MultiheadAttention: query " + Arrays.toString(query.shape()) + ", key "
                    + Arrays.toString(key.shape()) + " and value " + Arrays.toString(value.shape())
                    + " must agree on the batch size, and key and value on the length");
        }
        // Projections Q = q W^Q + b^Q etc., then split the E features into h heads of d_k: [B, h, T, d_k].
        Tensor qp, kp, vp;
        if (query == key && key == value && inProjWeight != null) {
            // Self-attention: one product with the stacked [W^Q; W^K; W^V] gives Q, K and V side by side.
            Tensor qkv = F.linear(q, inProjWeight, inProjBias);
            qp = heads(qkv.slice(2, 0, embedDim), batch, tq);
            kp = heads(qkv.slice(2, embedDim, 2 * embedDim), batch, tk);
            vp = heads(qkv.slice(2, 2 * embedDim, 3 * embedDim), batch, tk);
        } else {
            qp = heads(project(q, 0), batch, tq);
            kp = heads(project(k, 1), batch, tk);
            vp = heads(project(v, 2), batch, tk);
        }
        Tensor mask = combinedMask(keyPaddingMask, attnMask, batch, tq, tk);
        ScaledDotProductAttention.Result r = ScaledDotProductAttention.compute(qp, kp, vp, mask,
                dropout != null && isTraining() ? dropout : null);
        lastWeights = r.weights().detach();
        // Concat(head_1..head_h): [B, h, Tq, d_k] -> [B, Tq, E]; then W^O.
        Tensor concat = r.output().transpose(1, 2).reshape(batch, tq, embedDim);
        Tensor out = outProj.call(concat);
        if (unbatched) {
            return new Output(out.squeeze(0), r.weights().squeeze(0));
        }
        return new Output(batchFirst ? out : out.transpose(0, 1), r.weights());
    }

    /** The attention weights of the last forward pass per head, [B, heads, Tq, Tk]; null before the first. */
    public Tensor attentionWeights() {
        return lastWeights;
    }

    /** x W^T + b for projection {@code which} (0 = query, 1 = key, 2 = value). */
    private Tensor project(Tensor x, int which) {
        Tensor w = inProjWeight != null ? inProjWeight.slice(0, which * embedDim, (which + 1) * embedDim)
                : which == 0 ? qProjWeight : which == 1 ? kProjWeight : vProjWeight;
        Tensor b = inProjBias == null ? null : inProjBias.slice(0, which * embedDim, (which + 1) * embedDim);
        return F.linear(x, w, b);
    }

    /** [B, T, E] -> [B, h, T, d_k]. */
    private Tensor heads(Tensor x, int batch, int t) {
        return x.reshape(batch, t, numHeads, headDim).transpose(1, 2);
    }

    private Tensor toBatchFirst(Tensor x, boolean unbatched, int features, String what) {
        if ((unbatched && x.dim() != 2) || (!unbatched && x.dim() != 3) || x.size(-1) != features) {
            throw new ShapeException("MultiheadAttention: " + what + " must be " + (batchFirst ? "[B, T, " : "[T, B, ")
                    + features + "] (or [T, " + features + "] unbatched, like the query), got " + Arrays.toString(x.shape()));
        }
        if (unbatched) return x.unsqueeze(0);
        return batchFirst ? x : x.transpose(0, 1);
    }

    /** keyPaddingMask [B, Tk] and attnMask [Tq, Tk] or [B*h, Tq, Tk] as one mask broadcasting to [B, h, Tq, Tk]. */
    private Tensor combinedMask(Tensor keyPadding, Tensor attn, int batch, int tq, int tk) {
        Tensor mask = null;
        if (keyPadding != null) {
            Tensor kp = keyPadding.dim() == 1 ? keyPadding.unsqueeze(0) : keyPadding;
            if (kp.dim() != 2 || kp.size(0) != batch || kp.size(1) != tk) {
                throw new ShapeException("MultiheadAttention: keyPaddingMask must be [B, Tk] = [" + batch + ", " + tk
                        + "], got " + Arrays.toString(keyPadding.shape()));
            }
            mask = kp.reshape(batch, 1, 1, tk);
        }
        if (attn != null) {
            Tensor am;
            if (attn.dim() == 2 && attn.size(0) == tq && attn.size(1) == tk) {
                am = attn;
            } else if (attn.dim() == 3 && attn.size(0) == batch * numHeads && attn.size(1) == tq && attn.size(2) == tk) {
                am = attn.reshape(batch, numHeads, tq, tk);
            } else {
                throw new ShapeException("MultiheadAttention: attnMask must be [Tq, Tk] = [" + tq + ", " + tk + "] or [B * heads, Tq, Tk] = ["
                        + batch * numHeads + ", " + tq + ", " + tk + "], got " + Arrays.toString(attn.shape()));
            }
            mask = mask == null ? am : mask.add(am).gt(0f);
        }
        return mask;
    }

    public int embedDim() {
        return embedDim;
    }

    public int numHeads() {
        return numHeads;
    }

    /** d_k = embedDim / numHeads. */
    public int headDim() {
        return headDim;
    }

    @Override
    public String toString() {
        return "MultiheadAttention(" + embedDim + ", heads=" + numHeads + (batchFirst ? ", batchFirst=true" : "") + ")";
    }
}

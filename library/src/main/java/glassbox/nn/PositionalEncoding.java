package glassbox.nn;

import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;
import java.util.Arrays;

/**
 * The sinusoidal positional encoding of "Attention is all you need", added to the token embeddings
 * so that a Transformer (which has no recurrence) can tell positions apart:
 * <pre>
 *   PE[pos, 2i]   = sin(pos / 10000^(2i / dModel))
 *   PE[pos, 2i+1] = cos(pos / 10000^(2i / dModel))
 *   forward(x)    = dropout(x + PE[0..T-1])
 * </pre>
 * Each pair of dimensions is a clock of its own frequency, from one turn every 2 pi positions to one
 * every 10000 * 2 pi; nothing is learned. The table is {@link #encoding()} ([maxLen, dModel]), ready to
 * plot as a heatmap.
 *
 * <p>Input [B, T, dModel] (batch first, the default here) or [T, B, dModel] (with
 * {@code batchFirst = false}), or [T, dModel].
 */
public class PositionalEncoding extends Module {
    private final Tensor pe;
    private final int dModel, maxLen;
    private final boolean batchFirst;
    private final Dropout dropout;

    /** Batch-first, no dropout. */
    public PositionalEncoding(int dModel, int maxLen) {
        this(dModel, maxLen, 0f, true);
    }

    public PositionalEncoding(int dModel, int maxLen, float dropout, boolean batchFirst) {
        this.dModel = dModel;
        this.maxLen = maxLen;
        this.batchFirst = batchFirst;
        float[] v = new float[maxLen * dModel];
        for (int pos = 0; pos < maxLen; pos++) {
            for (int i = 0; 2 * i < dModel; i++) {
                double angle = pos / Math.pow(10000, 2.0 * i / dModel);
                v[pos * dModel + 2 * i] = (float) Math.sin(angle);
                if (2 * i + 1 < dModel) v[pos * dModel + 2 * i + 1] = (float) Math.cos(angle);
            }
        }
        pe = registerBuffer("pe", Tensor.fromArray(v, maxLen, dModel));   // saved with the model, not trained
        this.dropout = dropout > 0 ? registerModule("dropout", new Dropout(dropout)) : null;
    }

    /** The table PE [maxLen, dModel] (a buffer, not a parameter: it is not trained). */
    public Tensor encoding() {
        return pe;
    }

    @Override
    public Tensor forward(Tensor x) {
        int t = x.dim() == 3 && !batchFirst ? x.size(0) : x.size(-2);
        if (x.size(-1) != dModel || t > maxLen || x.dim() < 2 || x.dim() > 3) {
            throw new ShapeException("PositionalEncoding: input must be " + (batchFirst ? "[B, T, " : "[T, B, ") + dModel
                    + "] or [T, " + dModel + "] with T <= maxLen = " + maxLen + ", got " + Arrays.toString(x.shape()));
        }
        Tensor table = pe.slice(0, 0, t);
        if (x.dim() == 3 && !batchFirst) table = table.unsqueeze(1);   // [T, 1, d] broadcasts over the batch
        Tensor y = x.add(table);
        return dropout == null ? y : dropout.call(y);
    }

    @Override
    public String toString() {
        return "PositionalEncoding(" + dModel + ", maxLen=" + maxLen + ")";
    }
}

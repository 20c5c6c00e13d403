package glassbox.nn.functional;

import glassbox.tensor.Tensor;

/**
 * Embedding lookup: out[..., :] = weight[index[...], :], for an index tensor of any shape; the
 * output has shape index.shape + [dim]. Backward: each row's gradient is added to the weight row it
 * came from (rows used twice get two contributions).
 */
final class EmbeddingOp {
    private EmbeddingOp() {
    }

    static Tensor embedding(Tensor index, Tensor weight) {
        if (weight.dim() != 2) throw new IllegalArgumentException("embedding: weight must be [numEmbeddings, dim], got " + java.util.Arrays.toString(weight.shape()));
        int rows = weight.size(0), d = weight.size(1);
        float[] idxv = index.data();
        int[] idx = new int[idxv.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = (int) idxv[i];
            if (idx[i] != idxv[i] || idx[i] < 0 || idx[i] >= rows) {
                throw new IndexOutOfBoundsException("embedding: index " + idxv[i] + " (position " + i + ") is not a row of a table with "
                        + rows + " rows (valid: 0.." + (rows - 1) + ")");
            }
        }
        float[] w = weight.data();
        float[] out = new float[idx.length * d];
        for (int i = 0; i < idx.length; i++) System.arraycopy(w, idx[i] * d, out, i * d, d);
        int[] is = index.shape();
        int[] shape = java.util.Arrays.copyOf(is, is.length + 1);
        shape[is.length] = d;
        Tensor res = Tensor.result(out, shape, "embedding", weight);
        return res.onBackward(() -> {
            float[] g = res.grad().data();
            float[] dw = new float[rows * d];
            for (int i = 0; i < idx.length; i++) {
                int src = i * d, dst = idx[i] * d;
                for (int j = 0; j < d; j++) dw[dst + j] += g[src + j];
            }
            weight.addGrad(Tensor.fromArray(dw, rows, d));
        });
    }
}

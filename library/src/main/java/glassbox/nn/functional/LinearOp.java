package glassbox.nn.functional;

import glassbox.tensor.Tensor;

/**
 * The fully connected layer as one op: Y = X W^T + b for X [N, in], W [out, in], b [out].
 * Backward, with G = dL/dY [N, out]:
 * <pre>
 *   dL/dX = G W          [N, in]
 *   dL/dW = G^T X        [out, in]   (the same layout as W: no transpose to copy back)
 *   dL/db = sum_n G[n]   [out]
 * </pre>
 * The three products run on the tensor package's matrix product, which reads transposes through strides.
 */
final class LinearOp {
    private LinearOp() {
    }

    static Tensor linear(Tensor x, Tensor w, Tensor b) {
        int n = x.size(0), out = w.size(0);
        float[] y;
        try (var s = Tensor.noGrad()) {
            y = x.matmul(w.t()).data(); // a fresh result: ours to add the bias into
        }
        if (b != null) {
            float[] bv = b.data();
            for (int i = 0; i < n; i++) {
                int row = i * out;
                for (int j = 0; j < out; j++) y[row + j] += bv[j];
            }
        }
        Tensor res = b == null ? Tensor.result(y, new int[] {n, out}, "linear", x, w)
                : Tensor.result(y, new int[] {n, out}, "linear", x, w, b);
        return res.onBackward(() -> {
            Tensor g = res.grad();
            if (x.requiresGrad()) x.addGrad(g.matmul(w));
            if (w.requiresGrad()) w.addGrad(g.t().matmul(x));
            if (b != null && b.requiresGrad()) b.addGrad(g.sum(0, false));
        });
    }
}

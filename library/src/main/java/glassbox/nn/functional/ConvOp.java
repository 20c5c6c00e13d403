package glassbox.nn.functional;

import glassbox.tensor.Shape;
import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;

/**
 * 2-D convolution as one op: im2col, one matrix product per group, and the bias, forward and backward.
 *
 * <p>Forward, per image n and group: out[n] = W_g [K/g, C/g*kh*kw] @ cols_g[n] [C/g*kh*kw, L] + b.
 * Backward, with G = dL/dout reshaped to [N, K, L]:
 * <pre>
 *   dL/dW_g    = sum_n G_g[n] @ cols_g[n]^T
 *   dL/dcols_g = W_g^T @ G_g[n]        then col2im gives dL/dx
 *   dL/db[k]   = sum over n and positions of G[n, k]
 * </pre>
 * The same result as {@code unfold}, {@code matmul} and an add, in one node and without the
 * intermediate tensors (the form F.unfold shows step by step).
 */
final class ConvOp {
    private ConvOp() {
    }

    static Tensor conv2d(Tensor x, Tensor w, Tensor b, int[] stride, int[] pad4, int[] dilation, int groups) {
        if (w.dim() != 4) throw new ShapeException("conv2d: weight must have shape [out, in/groups, kh, kw], got " + Shape.str(w.shape()));
        int k = w.size(0), cg = w.size(1), kh = w.size(2), kw = w.size(3);
        if (x.dim() != 4) {
            throw new ShapeException("conv2d: input must have shape [batch, channels, height, width], got " + Shape.str(x.shape())
                    + (x.dim() == 3 ? " (add a batch dimension with unsqueeze(0))" : ""));
        }
        int c = x.size(1);
        if (groups < 1 || k % groups != 0 || cg * groups != c) {
            throw new ShapeException("conv2d: input of shape " + Shape.str(x.shape()) + " has " + c + " channels but the weight "
                    + Shape.str(w.shape()) + " with groups=" + groups + " expects " + (cg * groups));
        }
        if (b != null && (b.dim() != 1 || b.size(0) != k)) {
            throw new ShapeException("conv2d: bias must have shape [" + k + "], got " + Shape.str(b.shape()));
        }
        Unfold.Geometry g = Unfold.geometry("conv2d", x, kh, kw, stride[0], stride[1], pad4[0], pad4[1], pad4[2], pad4[3],
                dilation[0], dilation[1]);
        int n = g.n(), l = g.l(), rows = g.rows(), gr = rows / groups, kg = k / groups;
        float[] colsData = Unfold.im2col(x.data(), g);
        Tensor cols = Tensor.fromArray(colsData, n, rows, l);
        Tensor wm = w.detach().reshape(k, gr);
        float[] out = new float[n * k * l];
        try (var s = Tensor.noGrad()) {
            for (int q = 0; q < groups; q++) {
                // [kg, gr] @ [n, gr, l] -> [n, kg, l]
                Tensor part = wm.slice(0, q * kg, (q + 1) * kg).matmul(groups == 1 ? cols : cols.slice(1, q * gr, (q + 1) * gr));
                float[] p = part.data();
                if (groups == 1) {
                    out = p;
                } else {
                    for (int i = 0; i < n; i++) System.arraycopy(p, i * kg * l, out, (i * k + q * kg) * l, kg * l);
                }
            }
        }
        if (b != null) {
            float[] bv = b.data();
            for (int i = 0; i < n; i++) {
                for (int ch = 0; ch < k; ch++) {
                    int base = (i * k + ch) * l;
                    float bias = bv[ch];
                    for (int p = 0; p < l; p++) out[base + p] += bias;
                }
            }
        }
        int[] shape = {n, k, g.ho(), g.wo()};
        Tensor res = b == null ? Tensor.result(out, shape, "conv2d", x, w) : Tensor.result(out, shape, "conv2d", x, w, b);
        return res.onBackward(() -> {
            Tensor gOut = res.grad().reshape(n, k, l);
            if (b != null && b.requiresGrad()) {
                float[] gv = gOut.data();
                float[] db = new float[k];
                for (int i = 0; i < n; i++) {
                    for (int ch = 0; ch < k; ch++) {
                        int base = (i * k + ch) * l;
                        double sum = 0;
                        for (int p = 0; p < l; p++) sum += gv[base + p];
                        db[ch] += (float) sum;
                    }
                }
                b.addGrad(Tensor.fromArray(db, k));
            }
            float[] dw = w.requiresGrad() ? new float[k * gr] : null;
            float[] dcols = x.requiresGrad() ? new float[n * rows * l] : null;
            for (int q = 0; q < groups; q++) {
                Tensor gq = groups == 1 ? gOut : gOut.slice(1, q * kg, (q + 1) * kg);        // [n, kg, l]
                Tensor cq = groups == 1 ? cols : cols.slice(1, q * gr, (q + 1) * gr);        // [n, gr, l]
                if (dw != null) {
                    float[] part = gq.matmul(cq.transpose(1, 2)).sum(0, false).data();      // [kg, gr]
                    System.arraycopy(part, 0, dw, q * kg * gr, kg * gr);
                }
                if (dcols != null) {
                    Tensor wq = wm.slice(0, q * kg, (q + 1) * kg);                          // [kg, gr]
                    float[] dc = wq.t().matmul(gq).data();                                  // [n, gr, l]
                    if (groups == 1) {
                        dcols = dc;
                    } else {
                        for (int i = 0; i < n; i++) System.arraycopy(dc, i * gr * l, dcols, (i * rows + q * gr) * l, gr * l);
                    }
                }
            }
            if (dw != null) w.addGrad(Tensor.fromArray(dw, w.shape()));
            if (dcols != null) x.addGrad(Tensor.fromArray(Unfold.col2im(dcols, g), x.shape()));
        });
    }
}

package glassbox.nn.functional;

import glassbox.tensor.Shape;
import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;

/**
 * 2-D convolution as one op: im2col, one matrix product per group for the whole batch, and the bias,
 * forward and backward.
 *
 * <p>im2col puts the windows of all N images side by side: cols [R, N*L] with R = C*kh*kw rows and
 * L = Ho*Wo positions per image. Then, per group (K filters and R rows split in {@code groups} parts):
 * <pre>
 *   forward:   Y_g = W_g [K/g, R/g] @ cols_g [R/g, N*L],  out[n, k, p] = Y[k, n*L + p] + b[k]
 *   backward:  with G [K, N*L] the output gradient in the same layout,
 *              dL/dW_g    = G_g @ cols_g^T
 *              dL/dcols_g = W_g^T @ G_g        then col2im gives dL/dx
 *              dL/db[k]   = sum of row k of G
 * </pre>
 * It computes what {@link F#conv2dByUnfold} spells out with unfold, matmul and add, in one node and with
 * one large matrix product instead of N small ones.
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
        int n = g.n(), l = g.l(), rows = g.rows(), gr = rows / groups, kg = k / groups, nl = n * l;
        Tensor cols = Tensor.fromArray(Unfold.im2col(x.data(), g, true), rows, nl);
        Tensor wm = w.detach().reshape(k, gr);
        float[] y = new float[k * nl];
        try (var s = Tensor.noGrad()) {
            for (int q = 0; q < groups; q++) {
                float[] part = slice(wm, q, kg).matmul(slice(cols, q, gr)).data();   // [kg, N*L]
                System.arraycopy(part, 0, y, q * kg * nl, kg * nl);
            }
        }
        // [K, N, L] -> [N, K, L], adding the bias
        float[] out = new float[n * k * l];
        float[] bv = b == null ? null : b.data();
        for (int ch = 0; ch < k; ch++) {
            float bias = bv == null ? 0 : bv[ch];
            for (int i = 0; i < n; i++) {
                int src = (ch * n + i) * l, dst = (i * k + ch) * l;
                for (int p = 0; p < l; p++) out[dst + p] = y[src + p] + bias;
            }
        }
        int[] shape = {n, k, g.ho(), g.wo()};
        Tensor res = b == null ? Tensor.result(out, shape, "conv2d", x, w) : Tensor.result(out, shape, "conv2d", x, w, b);
        return res.onBackward(() -> {
            // G in the layout [K, N*L]
            float[] gv = res.grad().data();
            float[] gk = new float[k * nl];
            for (int i = 0; i < n; i++) {
                for (int ch = 0; ch < k; ch++) System.arraycopy(gv, (i * k + ch) * l, gk, (ch * n + i) * l, l);
            }
            Tensor gt = Tensor.fromArray(gk, k, nl);
            if (b != null && b.requiresGrad()) {
                float[] db = new float[k];
                for (int ch = 0; ch < k; ch++) {
                    double sum = 0;
                    for (int j = ch * nl, end = j + nl; j < end; j++) sum += gk[j];
                    db[ch] = (float) sum;
                }
                b.addGrad(Tensor.fromArray(db, k));
            }
            float[] dw = w.requiresGrad() ? new float[k * gr] : null;
            float[] dcols = x.requiresGrad() ? new float[rows * nl] : null;
            for (int q = 0; q < groups; q++) {
                Tensor gq = slice(gt, q, kg);                                                // [kg, N*L]
                if (dw != null) {
                    float[] part = gq.matmul(slice(cols, q, gr).t()).data();               // [kg, gr]
                    System.arraycopy(part, 0, dw, q * kg * gr, kg * gr);
                }
                if (dcols != null) {
                    float[] part = slice(wm, q, kg).t().matmul(gq).data();                 // [gr, N*L]
                    System.arraycopy(part, 0, dcols, q * gr * nl, gr * nl);
                }
            }
            if (dw != null) w.addGrad(Tensor.fromArray(dw, w.shape()));
            if (dcols != null) x.addGrad(Tensor.fromArray(Unfold.col2im(dcols, g, true), x.shape()));
        });
    }

    /** Rows q*size .. (q+1)*size of a matrix: group q's part. */
    private static Tensor slice(Tensor m, int q, int size) {
        return m.size(0) == size ? m : m.slice(0, q * size, (q + 1) * size);
    }
}

package glassbox.nn.functional;

import glassbox.tensor.Shape;
import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;

/**
 * im2col: the trick that turns a convolution into one matrix product.
 *
 * <p>For an image x [N, C, H, W] and a kh x kw window, {@link #unfold} lays every window out as a
 * column: cols [N, C*kh*kw, L] where L = Ho*Wo is the number of window positions and
 * Ho = (H + 2*padH - dilH*(kh-1) - 1) / strideH + 1 (same for Wo). A convolution with weight
 * w [K, C, kh, kw] is then w.reshape(K, C*kh*kw) @ cols, of shape [N, K, L].
 *
 * <p>Backward (col2im, or "fold"): every column entry came from one pixel (or from zero padding), so
 * its gradient is added back onto that pixel; pixels covered by several windows collect several terms.
 */
final class Unfold {
    private Unfold() {
    }

    /** Output size of a sliding window: (in + 2*pad - dil*(k-1) - 1) / stride + 1. */
    static int outSize(int in, int k, int stride, int pad, int dil) {
        return (in + 2 * pad - dil * (k - 1) - 1) / stride + 1;
    }

    static Tensor unfold(Tensor x, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw) {
        return unfold(x, kh, kw, sh, sw, ph, ph, pw, pw, dh, dw);
    }

    /** Like the above with different padding before and after (top/bottom, left/right), as 'same' needs for even kernels. */
    static Tensor unfold(Tensor x, int kh, int kw, int sh, int sw, int ph, int phEnd, int pw, int pwEnd, int dh, int dw) {
        if (x.dim() != 4) {
            throw new ShapeException("unfold: input must have shape [batch, channels, height, width], got " + Shape.str(x.shape()));
        }
        int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        int ho = (h + ph + phEnd - dh * (kh - 1) - 1) / sh + 1, wo = (w + pw + pwEnd - dw * (kw - 1) - 1) / sw + 1;
        if (ho <= 0 || wo <= 0) {
            throw new ShapeException("unfold: a " + kh + "x" + kw + " window (dilation " + dh + "x" + dw + ", padding " + ph + "x" + pw
                    + ") does not fit in an input of shape " + Shape.str(x.shape()));
        }
        int rows = c * kh * kw, l = ho * wo;
        float[] src = x.data();
        float[] cols = new float[n * rows * l];
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                int plane = (b * c + ch) * h * w;
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        int row = (ch * kh + i) * kw + j;
                        int base = (b * rows + row) * l;
                        for (int oy = 0; oy < ho; oy++) {
                            int iy = oy * sh - ph + i * dh;
                            int dst = base + oy * wo;
                            if (iy < 0 || iy >= h) continue; // stays zero: padding
                            int srow = plane + iy * w;
                            for (int ox = 0; ox < wo; ox++) {
                                int ix = ox * sw - pw + j * dw;
                                if (ix >= 0 && ix < w) cols[dst + ox] = src[srow + ix];
                            }
                        }
                    }
                }
            }
        }
        Tensor out = Tensor.result(cols, new int[] {n, rows, l}, "unfold", x);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] dx = new float[n * c * h * w];
            for (int b = 0; b < n; b++) {
                for (int ch = 0; ch < c; ch++) {
                    int plane = (b * c + ch) * h * w;
                    for (int i = 0; i < kh; i++) {
                        for (int j = 0; j < kw; j++) {
                            int base = (b * rows + (ch * kh + i) * kw + j) * l;
                            for (int oy = 0; oy < ho; oy++) {
                                int iy = oy * sh - ph + i * dh;
                                if (iy < 0 || iy >= h) continue;
                                int srow = plane + iy * w, gi = base + oy * wo;
                                for (int ox = 0; ox < wo; ox++) {
                                    int ix = ox * sw - pw + j * dw;
                                    if (ix >= 0 && ix < w) dx[srow + ix] += g[gi + ox];
                                }
                            }
                        }
                    }
                }
            }
            x.addGrad(Tensor.fromArray(dx, n, c, h, w));
        });
    }
}

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

    /** The sizes of one im2col: input [n, c, h, w], window, stride, padding (before/after), dilation, output ho x wo. */
    record Geometry(int n, int c, int h, int w, int kh, int kw, int sh, int sw, int ph, int phEnd, int pw, int pwEnd,
                    int dh, int dw, int ho, int wo) {
        /** Rows of the column matrix: c * kh * kw. */
        int rows() {
            return c * kh * kw;
        }

        /** Window positions: ho * wo. */
        int l() {
            return ho * wo;
        }
    }

    static Geometry geometry(String op, Tensor x, int kh, int kw, int sh, int sw, int ph, int phEnd, int pw, int pwEnd, int dh, int dw) {
        if (x.dim() != 4) {
            throw new ShapeException(op + ": input must have shape [batch, channels, height, width], got " + Shape.str(x.shape()));
        }
        int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        int ho = (h + ph + phEnd - dh * (kh - 1) - 1) / sh + 1, wo = (w + pw + pwEnd - dw * (kw - 1) - 1) / sw + 1;
        if (ho <= 0 || wo <= 0) {
            throw new ShapeException(op + ": a " + kh + "x" + kw + " window (dilation " + dh + "x" + dw + ", padding " + ph + "x" + pw
                    + ") does not fit in an input of shape " + Shape.str(x.shape()));
        }
        return new Geometry(n, c, h, w, kh, kw, sh, sw, ph, phEnd, pw, pwEnd, dh, dw, ho, wo);
    }

    static Tensor unfold(Tensor x, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw) {
        return unfold(x, kh, kw, sh, sw, ph, ph, pw, pw, dh, dw);
    }

    /** Like the above with different padding before and after (top/bottom, left/right), as 'same' needs for even kernels. */
    static Tensor unfold(Tensor x, int kh, int kw, int sh, int sw, int ph, int phEnd, int pw, int pwEnd, int dh, int dw) {
        Geometry g = geometry("unfold", x, kh, kw, sh, sw, ph, phEnd, pw, pwEnd, dh, dw);
        float[] cols = im2col(x.data(), g);
        Tensor out = Tensor.result(cols, new int[] {g.n(), g.rows(), g.l()}, "unfold", x);
        return out.onBackward(() -> x.addGrad(Tensor.fromArray(col2im(out.grad().data(), g), x.shape())));
    }

    /** The range of output columns ox whose input column ox*sw - pw + off lies inside 0..w-1: {first, end}. */
    private static int[] validRange(Geometry g, int off) {
        int lo = 0, hi = g.wo();
        while (lo < hi && lo * g.sw() - g.pw() + off < 0) lo++;
        while (hi > lo && (hi - 1) * g.sw() - g.pw() + off >= g.w()) hi--;
        return new int[] {lo, hi};
    }

    /** cols[b][(ch*kh + i)*kw + j][oy*wo + ox] = x[b][ch][oy*sh - ph + i*dh][ox*sw - pw + j*dw], 0 outside the image. */
    static float[] im2col(float[] src, Geometry g) {
        return im2col(src, g, false);
    }

    /** Where column entry (image b, row, position 0) goes: [b][row][.] or, with the batch in the columns, [row][b][.]. */
    private static int start(Geometry g, int b, int row, boolean batchInColumns) {
        return batchInColumns ? (row * g.n() + b) * g.l() : (b * g.rows() + row) * g.l();
    }

    /**
     * im2col; with {@code batchInColumns} the result is one matrix [rows, N*L] (all images side by side)
     * instead of N matrices [rows, L], so a convolution of the whole batch is a single matrix product.
     */
    static float[] im2col(float[] src, Geometry g, boolean batchInColumns) {
        int rows = g.rows(), h = g.h(), w = g.w(), wo = g.wo();
        float[] cols = new float[g.n() * rows * g.l()];
        for (int b = 0; b < g.n(); b++) {
            for (int ch = 0; ch < g.c(); ch++) {
                int plane = (b * g.c() + ch) * h * w;
                for (int i = 0; i < g.kh(); i++) {
                    for (int j = 0; j < g.kw(); j++) {
                        int base = start(g, b, (ch * g.kh() + i) * g.kw() + j, batchInColumns);
                        int[] r = validRange(g, j * g.dw());
                        for (int oy = 0; oy < g.ho(); oy++) {
                            int iy = oy * g.sh() - g.ph() + i * g.dh();
                            if (iy < 0 || iy >= h) continue; // stays zero: padding
                            int srow = plane + iy * w - g.pw() + j * g.dw(), dst = base + oy * wo;
                            if (g.sw() == 1) {
                                System.arraycopy(src, srow + r[0], cols, dst + r[0], r[1] - r[0]);
                            } else {
                                for (int ox = r[0]; ox < r[1]; ox++) cols[dst + ox] = src[srow + ox * g.sw()];
                            }
                        }
                    }
                }
            }
        }
        return cols;
    }

    /** The adjoint of im2col: each column entry is added back onto the pixel it was copied from. */
    static float[] col2im(float[] cols, Geometry g) {
        return col2im(cols, g, false);
    }

    /** col2im from either layout (see {@link #im2col(float[], Geometry, boolean)}). */
    static float[] col2im(float[] cols, Geometry g, boolean batchInColumns) {
        int rows = g.rows(), h = g.h(), w = g.w(), wo = g.wo();
        float[] dx = new float[g.n() * g.c() * h * w];
        for (int b = 0; b < g.n(); b++) {
            for (int ch = 0; ch < g.c(); ch++) {
                int plane = (b * g.c() + ch) * h * w;
                for (int i = 0; i < g.kh(); i++) {
                    for (int j = 0; j < g.kw(); j++) {
                        int base = start(g, b, (ch * g.kh() + i) * g.kw() + j, batchInColumns);
                        int[] r = validRange(g, j * g.dw());
                        for (int oy = 0; oy < g.ho(); oy++) {
                            int iy = oy * g.sh() - g.ph() + i * g.dh();
                            if (iy < 0 || iy >= h) continue;
                            int srow = plane + iy * w - g.pw() + j * g.dw(), gi = base + oy * wo;
                            for (int ox = r[0]; ox < r[1]; ox++) dx[srow + ox * g.sw()] += cols[gi + ox];
                        }
                    }
                }
            }
        }
        return dx;
    }
}

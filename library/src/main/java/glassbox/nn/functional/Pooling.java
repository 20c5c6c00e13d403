package glassbox.nn.functional;

import glassbox.tensor.Shape;
import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;

/**
 * Pooling over windows of an image x [N, C, H, W]: max, average and adaptive average.
 * Output size per side: (H + 2*pad - k) / stride + 1.
 */
final class Pooling {
    private Pooling() {
    }

    private static void check4d(String op, Tensor x) {
        if (x.dim() != 4) {
            throw new ShapeException(op + ": input must have shape [batch, channels, height, width], got " + Shape.str(x.shape()));
        }
    }

    /**
     * out = the largest value in each kh x kw window (padding counts as -infinity).
     * Backward: the whole gradient of an output goes to the input that was the maximum.
     */
    static Tensor maxPool2d(Tensor x, int kh, int kw, int sh, int sw, int ph, int pw) {
        check4d("maxPool2d", x);
        int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        int ho = (h + 2 * ph - kh) / sh + 1, wo = (w + 2 * pw - kw) / sw + 1;
        if (ho <= 0 || wo <= 0) throw new ShapeException("maxPool2d: a " + kh + "x" + kw + " window does not fit in " + Shape.str(x.shape()));
        float[] v = x.data();
        float[] out = new float[n * c * ho * wo];
        int[] arg = new int[out.length];
        if (ph == 0 && pw == 0) {
            // no padding: every window lies inside the image, so no bounds checks are needed
            for (int p = 0; p < n * c; p++) {
                int plane = p * h * w, o = p * ho * wo;
                for (int oy = 0; oy < ho; oy++) {
                    for (int ox = 0; ox < wo; ox++) {
                        int base = plane + oy * sh * w + ox * sw, bi = base;
                        float best = v[base];
                        for (int i = 0; i < kh; i++) {
                            for (int j = 0, at = base + i * w; j < kw; j++, at++) {
                                if (v[at] > best) {
                                    best = v[at];
                                    bi = at;
                                }
                            }
                        }
                        out[o + oy * wo + ox] = best;
                        arg[o + oy * wo + ox] = bi;
                    }
                }
            }
        } else {
    for (int p = 0; p < n * c; p++) {
                int plane = p * h * w, o = p * ho * wo;
                for (int oy = 0; oy < ho; oy++) {
                    for (int ox = 0; ox < wo; ox++) {
                        float best = Float.NEGATIVE_INFINITY;
                        int bi = -1;
                        for (int i = 0; i < kh; i++) {
                            int iy = oy * sh - ph + i;
                            if (iy < 0 || iy >= h) continue;
                            for (int j = 0; j < kw; j++) {
                                int ix = ox * sw - pw + j;
                                if (ix < 0 || ix >= w) continue;
                                float val = v[plane + iy * w + ix];
                                if (val > best || bi < 0) {
                                    best = val;
                                    bi = plane + iy * w + ix;
                                }
                            }
                        }
                        out[o + oy * wo + ox] = best;
                        arg[o + oy * wo + ox] = bi;
                    }
                }
            }
        }
        Tensor res = Tensor.result(out, new int[] {n, c, ho, wo}, "maxPool2d", x);
        return res.onBackward(() -> {
            float[] g = res.grad().data();
            float[] dx = new float[v.length];
            for (int i = 0; i < g.length; i++) if (arg[i] >= 0) dx[arg[i]] += g[i];
            x.addGrad(Tensor.fromArray(dx, x.shape()));
        });
    }

    /**
     * out = the mean of each kh x kw window; zero padding is counted in the mean (PyTorch's default
     * count_include_pad). Backward: each input in the window receives gradient / (kh*kw).
     */
    static Tensor avgPool2d(Tensor x, int kh, int kw, int sh, int sw, int ph, int pw) {
        check4d("avgPool2d", x);
        int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        int ho = (h + 2 * ph - kh) / sh + 1, wo = (w + 2 * pw - kw) / sw + 1;
        if (ho <= 0 || wo <= 0) throw new ShapeException("avgPool2d: a " + kh + "x" + kw + " window does not fit in " + Shape.str(x.shape()));
        float[] v = x.data();
        float[] out = new float[n * c * ho * wo];
        float inv = 1f / (kh * kw);
        for (int p = 0; p < n * c; p++) {
            int plane = p * h * w, o = p * ho * wo;
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    float s = 0;
                    for (int i = 0; i < kh; i++) {
                        int iy = oy * sh - ph + i;
                        if (iy < 0 || iy >= h) continue;
                        for (int j = 0; j < kw; j++) {
                            int ix = ox * sw - pw + j;
                            if (ix >= 0 && ix < w) s += v[plane + iy * w + ix];
                        }
                    }
                    out[o + oy * wo + ox] = s * inv;
                }
            }
        }
        Tensor res = Tensor.result(out, new int[] {n, c, ho, wo}, "avgPool2d", x);
        return res.onBackward(() -> {
            float[] g = res.grad().data();
            float[] dx = new float[v.length];
            for (int p = 0; p < n * c; p++) {
                int plane = p * h * w, o = p * ho * wo;
                for (int oy = 0; oy < ho; oy++) {
                    for (int ox = 0; ox < wo; ox++) {
                        float gi = g[o + oy * wo + ox] * inv;
                        for (int i = 0; i < kh; i++) {
                            int iy = oy * sh - ph + i;
                            if (iy < 0 || iy >= h) continue;
                            for (int j = 0; j < kw; j++) {
                                int ix = ox * sw - pw + j;
                                if (ix >= 0 && ix < w) dx[plane + iy * w + ix] += gi;
                            }
                        }
                    }
                }
            }
            x.addGrad(Tensor.fromArray(dx, x.shape()));
        });
    }

    /**
     * Average pooling to a fixed output size oh x ow: output cell (i, j) averages input rows
     * floor(i*H/oh) .. ceil((i+1)*H/oh)-1 and the same for columns. oh = ow = 1 is global average pooling.
     */
    static Tensor adaptiveAvgPool2d(Tensor x, int oh, int ow) {
        check4d("adaptiveAvgPool2d", x);
        int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        if (oh <= 0 || ow <= 0) throw new IllegalArgumentException("adaptiveAvgPool2d: output size must be positive, got " + oh + "x" + ow);
        float[] v = x.data();
        float[] out = new float[n * c * oh * ow];
        for (int p = 0; p < n * c; p++) {
            int plane = p * h * w, o = p * oh * ow;
            for (int i = 0; i < oh; i++) {
                int y0 = i * h / oh, y1 = ((i + 1) * h + oh - 1) / oh;
                for (int j = 0; j < ow; j++) {
                    int x0 = j * w / ow, x1 = ((j + 1) * w + ow - 1) / ow;
                    float s = 0;
                    for (int yy = y0; yy < y1; yy++) for (int xx = x0; xx < x1; xx++) s += v[plane + yy * w + xx];
                    out[o + i * ow + j] = s / ((y1 - y0) * (x1 - x0));
                }
            }
        }
        Tensor res = Tensor.result(out, new int[] {n, c, oh, ow}, "adaptiveAvgPool2d", x);
        return res.onBackward(() -> {
            float[] g = res.grad().data();
            float[] dx = new float[v.length];
            for (int p = 0; p < n * c; p++) {
                int plane = p * h * w, o = p * oh * ow;
                for (int i = 0; i < oh; i++) {
                    int y0 = i * h / oh, y1 = ((i + 1) * h + oh - 1) / oh;
                    for (int j = 0; j < ow; j++) {
                        int x0 = j * w / ow, x1 = ((j + 1) * w + ow - 1) / ow;
                        float gi = g[o + i * ow + j] / ((y1 - y0) * (x1 - x0));
                        for (int yy = y0; yy < y1; yy++) for (int xx = x0; xx < x1; xx++) dx[plane + yy * w + xx] += gi;
                    }
                }
            }
            x.addGrad(Tensor.fromArray(dx, x.shape()));
        });
    }
}

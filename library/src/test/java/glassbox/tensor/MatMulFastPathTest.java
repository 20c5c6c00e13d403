package glassbox.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * matmul with batch dimensions, broadcasting and transposed (strided) operands, forward and backward,
 * against matrices multiplied one by one with the triple loop; on both kernels and on 1 and 2 threads.
 */
class MatMulFastPathTest {
    private final boolean simdBefore = Gemm.simd();
    private final int threadsBefore = Parallel.threads();

    @AfterEach
    void restore() {
        Gemm.useSimd(simdBefore);
        Parallel.setThreads(threadsBefore);
    }

    @ParameterizedTest(name = "simd={0} threads={1}")
    @CsvSource({"true,1", "true,2", "false,1", "false,2"})
    void batchedBroadcastAndTransposedOperandsMatchTheTripleLoop(boolean simd, int threads) {
        Gemm.useSimd(simd);
        Parallel.setThreads(threads);
        Random rnd = new Random(3);
        // [batch..., m, k] x [batch..., k, n] pairs: shared weight, broadcast batch, size-1 batch dims, big batch.
        int[][][] cases = {
            {{7, 13}, {13, 5}},
            {{3, 9, 20}, {20, 17}},            // a Linear layer on a [B, L, D] input
            {{2, 3, 6, 5}, {3, 5, 4}},         // batch broadcast on the left operand's leading dim
            {{4, 1, 8, 6}, {1, 3, 6, 7}},      // both broadcast
            {{1, 5, 7}, {6, 7, 3}},
            {{16, 33, 16}, {16, 16, 33}},      // many small products (attention scores)
            {{2, 65, 129}, {129, 33}},
        };
        for (int[][] c : cases) {
            for (boolean transposeB : new boolean[] {false, true}) {
                Tensor a = Tensor.fromArray(GemmTest.random(rnd, Shape.numel(c[0])), c[0]).requiresGrad(true);
                Tensor b;
                Tensor bLeaf;
                if (transposeB) {
                    // b given as the transpose of a stored [..., n, k] tensor: a strided view, never copied.
                    int[] s = c[1].clone();
                    int r = s.length;
                    int t = s[r - 1];
                    s[r - 1] = s[r - 2];
                    s[r - 2] = t;
                    bLeaf = Tensor.fromArray(GemmTest.random(rnd, Shape.numel(s)), s).requiresGrad(true);
                    b = bLeaf.transpose(-1, -2);
                } else {
                    bLeaf = Tensor.fromArray(GemmTest.random(rnd, Shape.numel(c[1])), c[1]).requiresGrad(true);
                    b = bLeaf;
                }
                Tensor out = a.matmul(b);
                Tensor g = Tensor.fromArray(GemmTest.random(rnd, out.numel()), out.shape());
                out.backward(g);

                Tensor ac = a.detach().contiguous(), bc = b.detach().contiguous();
                String what = java.util.Arrays.toString(c[0]) + " x " + java.util.Arrays.toString(c[1]) + " tb=" + transposeB;
                assertArrayEquals(out.shape(), naiveBatched(ac, false, bc, false, out.shape()).shape(), what);
                GemmTest.assertClose(naiveBatched(ac, false, bc, false, out.shape()).data(), out.data(), 200, what + " forward");
                GemmTest.assertClose(naiveBatched(g, false, bc, true, a.shape()).data(), a.grad().data(), 200, what + " dA");
                Tensor dB = naiveBatched(ac, true, g, false, b.shape());
                Tensor expectedBLeafGrad = transposeB ? dB.transpose(-1, -2).contiguous() : dB;
                GemmTest.assertClose(expectedBLeafGrad.data(), bLeaf.grad().data(), 200, what + " dB");
            }
        }
    }

    /**
     * Reference: out[t] = sum of op(x[s]) op(y[s]) over the broadcast batch indices s that land on t,
     * one matrix at a time with the triple loop (output batch dims of size 1 or missing are summed).
     */
    static Tensor naiveBatched(Tensor x, boolean tx, Tensor y, boolean ty, int[] outShape) {
        x = x.contiguous();
        y = y.contiguous();
        int r = outShape.length, m = outShape[r - 2], n = outShape[r - 1];
        int k = tx ? x.size(-2) : x.size(-1);
        int[] xb = java.util.Arrays.copyOf(x.shape(), x.dim() - 2), yb = java.util.Arrays.copyOf(y.shape(), y.dim() - 2);
        int[] ob = java.util.Arrays.copyOf(outShape, r - 2);
        int[] batch = Shape.broadcast("test", Shape.broadcast("test", xb, yb), ob);
        float[] out = new float[Shape.numel(outShape)];
        float[] xd = x.data(), yd = y.data();
        int xr = x.size(-2), xc = x.size(-1), yr = y.size(-2), yc = y.size(-1);
        for (int t = 0; t < Shape.numel(batch); t++) {
            int[] idx = unravel(t, batch);
            int xo = ravel(idx, xb) * xr * xc, yo = ravel(idx, yb) * yr * yc, oo = ravel(idx, ob) * m * n;
            GemmTest.naive(m, n, k, xd, xo, tx ? 1 : xc, tx ? xc : 1, yd, yo, ty ? 1 : yc, ty ? yc : 1, out, oo, n);
        }
        return Tensor.fromArray(out, outShape);
    }

    private static int[] unravel(int t, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = t % shape[d];
            t /= shape[d];
        }
        return idx;
    }

    /** Flat index into a (right-aligned, broadcast) batch shape of the full batch index idx. */
    private static int ravel(int[] idx, int[] shape) {
        int lead = idx.length - shape.length, flat = 0;
        for (int d = 0; d < shape.length; d++) flat = flat * shape[d] + (shape[d] == 1 ? 0 : idx[d + lead]);
        return flat;
    }
}

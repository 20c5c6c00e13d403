package glassbox.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD micro-kernel of {@link Gemm}, written with the Vector API. Only loaded when the JVM has the
 * {@code jdk.incubator.vector} module ({@link Gemm} checks before touching this class).
 *
 * <p>It computes one 4 x 16 tile of C: C[r][0..16) += sum_p A[r][p] * B[p][0..16) for r = 0..3. The tile
 * lives in eight 8-float registers (two per row); each step along p loads 16 values of B into two
 * registers, broadcasts each of the 4 values of A, and does 8 fused multiply-adds (64 flops per 6 loads).
 */
final class GemmSimd {
    private GemmSimd() {
    }

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;

    /** True if this CPU runs 256-bit float vectors natively (AVX2 or better). */
    static boolean supported() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    }

    /**
     * JDK 17's compiler runs the loop fastest unrolled by hand two steps at a time; JDK 21 and later unroll
     * it themselves and run the simple loop fastest (measured here: ~85 vs ~65 GFLOP/s on JDK 17, ~90 vs
     * ~40-60 on JDK 25). Both compute exactly the same sums in the same order.
     */
    private static final boolean UNROLL_BY_HAND = Runtime.version().feature() < 21;

    /**
     * C[co + r*ldc + j] += sum_p a[ao + p*4 + r] * b[bo + p*16 + j], for r < 4, j < 16, p < kc; with
     * {@code store}, C[..] = the sum (C is not read).
     */
    static void kernel(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc, boolean store) {
        if (UNROLL_BY_HAND) {
            kernelUnrolled(kc, a, ao, b, bo, c, co, ldc, store);
            return;
        }
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        for (int p = 0; p < kc; p++, ao += 4, bo += 16) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + 8);
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ao + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ao + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ao + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        write(c, co, c00, c01, store);
        write(c, co + ldc, c10, c11, store);
        write(c, co + 2 * ldc, c20, c21, store);
        write(c, co + 3 * ldc, c30, c31, store);
    }

    /** The same tile, the loop over p unrolled by two (for JDK 17). */
    private static void kernelUnrolled(int kc, float[] a, int ao, float[] b, int bo, float[] c, int co, int ldc,
                                       boolean store) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        int p = 0;
        for (; p + 1 < kc; p += 2, ao += 8, bo += 32) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + 8);
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ao + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ao + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ao + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            b0 = FloatVector.fromArray(S, b, bo + 16);
            b1 = FloatVector.fromArray(S, b, bo + 24);
            x = FloatVector.broadcast(S, a[ao + 4]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ao + 5]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ao + 6]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ao + 7]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        if (p < kc) {
            FloatVector b0 = FloatVector.fromArray(S, b, bo);
            FloatVector b1 = FloatVector.fromArray(S, b, bo + 8);
            FloatVector x = FloatVector.broadcast(S, a[ao]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ao + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ao + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ao + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        write(c, co, c00, c01, store);
        write(c, co + ldc, c10, c11, store);
        write(c, co + 2 * ldc, c20, c21, store);
        write(c, co + 3 * ldc, c30, c31, store);
    }

    /** One row of the tile: c[o..o+16) = (or +=) the two accumulators. */
    private static void write(float[] c, int o, FloatVector lo, FloatVector hi, boolean store) {
        if (store) {
            lo.intoArray(c, o);
            hi.intoArray(c, o + 8);
        } else {
            FloatVector.fromArray(S, c, o).add(lo).intoArray(c, o);
            FloatVector.fromArray(S, c, o + 8).add(hi).intoArray(c, o + 8);
        }
    }
}

package glassbox.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast matrix product against the plain triple loop, on both kernels (Vector API and plain Java),
 * on one and two threads, for odd sizes, offsets and transposed operands.
 */
class GemmTest {
    private final boolean simdBefore = Gemm.simd();
    private final int threadsBefore = Parallel.threads();

    @AfterEach
    void restore() {
        Gemm.useSimd(simdBefore);
        Parallel.setThreads(threadsBefore);
    }

    static Stream<Arguments> shapes() {
        int[][] mnk = {
            {1, 1, 1}, {1, 7, 3}, {7, 1, 3}, {3, 5, 1}, {7, 13, 5}, {4, 16, 8}, {5, 17, 9}, {16, 16, 16},
            {17, 33, 65}, {65, 129, 33}, {33, 65, 257}, {128, 1, 300}, {1, 130, 70}, {100, 100, 100},
            {131, 67, 259}, {260, 140, 20}, {3, 2100, 7},
            {300, 310, 260}, {310, 300, 261}  // big enough that the shared operand is packed by both threads
        };
        Stream.Builder<Arguments> b = Stream.builder();
        for (int[] s : mnk) {
            for (boolean simd : new boolean[] {true, false}) {
                for (int threads : new int[] {1, 2}) b.add(Arguments.of(s[0], s[1], s[2], simd, threads));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}x{2} times {2}x{1}, simd={3}, threads={4}")
    @MethodSource("shapes")
    void matchesTheTripleLoopForEveryLayout(int m, int n, int k, boolean simd, int threads) {
        Gemm.useSimd(simd);
        Parallel.setThreads(threads);
        Random rnd = new Random(31L * m + 17L * n + k);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                // A stored with an offset and a padded leading dimension, row-major or transposed.
                int aOff = 3, lda = (ta ? m : k) + 2;
                float[] a = random(rnd, aOff + lda * (ta ? k : m));
                int aRs = ta ? 1 : lda, aCs = ta ? lda : 1;
                int bOff = 5, ldb = (tb ? k : n) + 1;
                float[] b = random(rnd, bOff + ldb * (tb ? n : k));
                int bRs = tb ? 1 : ldb, bCs = tb ? ldb : 1;
                int cOff = 2, ldc = n + 3;
                float[] c = random(rnd, cOff + ldc * m + 4);
                float[] expected = c.clone();
                naive(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, expected, cOff, ldc);
                Gemm.multiply(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc);
                assertClose(expected, c, k, "ta=" + ta + " tb=" + tb);
                // Into zeros, with the promise that C is zero (the kernels may store instead of add);
                // the padding between rows of C must stay untouched.
                float[] z = new float[c.length], expectedZ = new float[c.length];
                for (int i = 0; i < z.length; i++) if ((i - cOff) % ldc >= n || i < cOff) z[i] = expectedZ[i] = 7f;
                naive(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, expectedZ, cOff, ldc);
                Gemm.multiply(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, z, cOff, ldc, true);
                assertClose(expectedZ, z, k, "into zeros, ta=" + ta + " tb=" + tb);
            }
        }
    }

    @Test
    void bothKernelsComputeTheSameTile() {
        Random rnd = new Random(7);
        int kc = 37;
        float[] a = random(rnd, kc * Gemm.MR), b = random(rnd, kc * Gemm.NR);
        float[] plain = new float[Gemm.MR * Gemm.NR], expected = new float[Gemm.MR * Gemm.NR];
        Gemm.kernel(kc, a, 0, b, 0, plain, 0, Gemm.NR);
        for (int r = 0; r < Gemm.MR; r++) {
            for (int j = 0; j < Gemm.NR; j++) {
                double s = 0;
                for (int p = 0; p < kc; p++) s += a[p * Gemm.MR + r] * b[p * Gemm.NR + j];
                expected[r * Gemm.NR + j] = (float) s;
            }
        }
        assertClose(expected, plain, kc, "plain kernel");
        if (Gemm.simdAvailable()) {
            float[] vector = new float[Gemm.MR * Gemm.NR];
            GemmSimd.kernel(kc, a, 0, b, 0, vector, 0, Gemm.NR, false);
            assertClose(expected, vector, kc, "SIMD kernel");
            java.util.Arrays.fill(vector, 99f);
            GemmSimd.kernel(kc, a, 0, b, 0, vector, 0, Gemm.NR, true);
            assertClose(expected, vector, kc, "SIMD kernel storing");
            assertClose(expected, vector, kc, "SIMD kernel");
        }
    }

    @Test
    void simdIsUsedExactlyWhenTheVectorModuleIsPresent() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        boolean forcedOff = "false".equalsIgnoreCase(System.getProperty("glassbox.simd"));
        if (!module || forcedOff) {
            assertEquals(false, Gemm.simdAvailable(), "without the module (or with -Dglassbox.simd=false) the plain kernel runs");
        }
        // The library still multiplies correctly on whichever kernel this JVM has.
        Tensor x = Tensor.randn(new Generator(1), 70, 90), y = Tensor.randn(new Generator(2), 90, 50);
        float[] expected = new float[70 * 50];
        naive(70, 50, 90, x.data(), 0, 90, 1, y.data(), 0, 50, 1, expected, 0, 50);
        assertClose(expected, x.matmul(y).data(), 90, Gemm.describe());
        assertTrue(Gemm.describe().contains(Gemm.simd() ? "Vector API" : "plain-Java"));
    }

    @Test
    void packingPadsEdgePanelsWithZeros() {
        float[] b = {1, 2, 3, 4, 5, 6}; // 2 x 3, row-major
        float[] packed = new float[2 * Gemm.NR];
        java.util.Arrays.fill(packed, 99f);
        Gemm.packB(2, 3, b, 0, 3, 1, packed, 0);
        assertEquals(1f, packed[0]);
        assertEquals(3f, packed[2]);
        assertEquals(0f, packed[3], "column 3 of the panel is past the edge");
        assertEquals(4f, packed[Gemm.NR]);
        assertEquals(0f, packed[2 * Gemm.NR - 1]);
        float[] a = {1, 2, 3, 4, 5, 6}; // 3 x 2
        float[] pa = new float[2 * Gemm.MR];
        java.util.Arrays.fill(pa, 99f);
        Gemm.packA(3, 2, a, 0, 2, 1, pa, 0);
        assertEquals(1f, pa[0]);
        assertEquals(3f, pa[1]);
        assertEquals(5f, pa[2]);
        assertEquals(0f, pa[3], "row 3 of the panel is past the edge");
        assertEquals(2f, pa[Gemm.MR]);
    }

    @Test
    void aFailingPartOnAWorkerIsReportedToTheCaller() {
        Parallel.setThreads(2);
        try {
            Parallel.run(2, part -> {
                if (part == 1) throw new IllegalStateException("part one failed");
            });
            fail("the worker's exception must reach the caller");
        } catch (IllegalStateException e) {
            assertEquals("part one failed", e.getMessage());
        }
        int[] hits = new int[3];
        Parallel.run(3, part -> hits[part]++);
        assertEquals(1, hits[0] + hits[1] + hits[2] - 2, "every part ran exactly once");
        assertEquals(1, hits[2]);
    }

    static void naive(int m, int n, int k, float[] a, int aOff, int aRs, int aCs, float[] b, int bOff, int bRs, int bCs,
                      float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += (double) a[aOff + i * aRs + p * aCs] * b[bOff + p * bRs + j * bCs];
                c[cOff + i * ldc + j] += (float) s;
            }
        }
    }

    static float[] random(Random rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) rnd.nextGaussian();
        return x;
    }

    static void assertClose(float[] expected, float[] actual, int k, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        float tol = 1e-5f * (float) Math.sqrt(Math.max(k, 1)) * 8;
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            if (Math.abs(e - actual[i]) > tol * Math.max(1f, Math.abs(e))) {
                fail(what + ": element " + i + " expected " + e + " but was " + actual[i]);
            }
        }
    }
}

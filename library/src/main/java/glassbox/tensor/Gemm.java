package glassbox.tensor;

/**
 * The float32 matrix-product kernel behind {@link Tensor#matmul}: C = A B for row-major A (m x k) and
 * B (k x n), written into C (m x n).
 */
final class Gemm {
    private Gemm() {
    }

    /** C[cOff..] = A[aOff..] B[bOff..]; every matrix row-major and contiguous. */
    static void multiply(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * n;
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * k + p];
                int bp = bOff + p * n;
                for (int j = 0; j < n; j++) c[ci + j] += aip * b[bp + j];
            }
        }
    }
}

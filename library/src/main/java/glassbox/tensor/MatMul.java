package glassbox.tensor;

/**
 * Matrix product C = A B, with batch dimensions.
 *
 * <p>For 2-D A (m x k) and B (k x n): C[i][j] = sum_p A[i][p] B[p][j].
 * Backward: dL/dA = dL/dC B^T and dL/dB = A^T dL/dC. Leading dimensions are batch dimensions and
 * broadcast; a 1-D operand is treated as a row (left) or column (right) vector, as in PyTorch.
 */
final class MatMul {
    private MatMul() {
    }

    static Tensor matmul(Tensor a, Tensor b) {
        if (a.dim() == 0 || b.dim() == 0) {
            throw new ShapeException("matmul: both operands need at least 1 dimension, got shapes "
                    + Shape.str(a.shape) + " and " + Shape.str(b.shape) + " (use mul for scalars)");
        }
        if (a.dim() == 1 && b.dim() == 1) return matmul(a.unsqueeze(0), b.unsqueeze(1)).reshape();
        if (a.dim() == 1) return matmul(a.unsqueeze(0), b).squeeze(-2);
        if (b.dim() == 1) return matmul(a, b.unsqueeze(1)).squeeze(-1);
        return batched(a, b);
    }

    /** A [..., m, k] times B [..., k, n] -> C [..., m, n], batch dimensions broadcast. */
    private static Tensor batched(Tensor a, Tensor b) {
        int ra = a.dim(), rb = b.dim();
        int m = a.shape[ra - 2], k = a.shape[ra - 1], k2 = b.shape[rb - 2], n = b.shape[rb - 1];
        if (k != k2) {
            throw new ShapeException("matmul: shapes " + Shape.str(a.shape) + " and " + Shape.str(b.shape)
                    + " do not fit: the last dimension of the first (" + k + ") must equal the second-to-last of the second (" + k2 + ")");
        }
        int[] batchA = java.util.Arrays.copyOf(a.shape, ra - 2);
        int[] batchB = java.util.Arrays.copyOf(b.shape, rb - 2);
        int[] batch = Shape.broadcast("matmul (batch dimensions)", batchA, batchB);
        int[] shapeA = concat(batch, m, k), shapeB = concat(batch, k, n), shapeC = concat(batch, m, n);
        float[] x = Views.expandValues("matmul", a, shapeA);
        float[] y = Views.expandValues("matmul", b, shapeB);
        int batches = Shape.numel(batch);
        float[] z = new float[batches * m * n];
        for (int t = 0; t < batches; t++) {
            Gemm.multiply(x, t * m * k, y, t * k * n, z, t * m * n, m, k, n);
        }
        Tensor out = Tensor.result(z, shapeC, "matmul", a, b);
        return out.onBackward(() -> {
            Tensor g = out.grad();
            if (a.requiresGrad()) a.addGrad(Arithmetic.sumTo(batched(g, b.transpose(-1, -2)), a.shape));
            if (b.requiresGrad()) b.addGrad(Arithmetic.sumTo(batched(a.transpose(-1, -2), g), b.shape));
        });
    }

    private static int[] concat(int[] batch, int r, int c) {
        int[] s = java.util.Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = r;
        s[batch.length + 1] = c;
        return s;
    }
}

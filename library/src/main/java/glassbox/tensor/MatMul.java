package glassbox.tensor;

import java.util.Arrays;

/**
 * Matrix product C = A B, with batch dimensions.
 *
 * <p>For 2-D A (m x k) and B (k x n): C[i][j] = sum_p A[i][p] B[p][j].
 * Backward: dL/dA = dL/dC B^T and dL/dB = A^T dL/dC. Leading dimensions are batch dimensions and
 * broadcast (a gradient is summed over the batches its input was shared by); a 1-D operand is treated
 * as a row (left) or column (right) vector, as in PyTorch. The arithmetic is done by {@link Gemm}, which
 * reads transposed operands through their strides, so neither direction copies a transpose.
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
        int[] batch = Shape.broadcast("matmul (batch dimensions)", Arrays.copyOf(a.shape, ra - 2), Arrays.copyOf(b.shape, rb - 2));
        int[] shapeC = concat(batch, m, n);
        Tensor out = Tensor.result(product(a, false, b, false, shapeC), shapeC, "matmul", a, b);
        return out.onBackward(() -> {
            Tensor g = out.grad();
            // dL/dA = dL/dC B^T (summed over the batches A was broadcast along)
            if (a.requiresGrad()) a.addGrad(Tensor.fromArray(product(g, false, b, true, a.shape), a.shape));
            // dL/dB = A^T dL/dC
            if (b.requiresGrad()) b.addGrad(Tensor.fromArray(product(a, true, g, false, b.shape), b.shape));
        });
    }

    private static int[] concat(int[] batch, int r, int c) {
        int[] s = Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = r;
        s[batch.length + 1] = c;
        return s;
    }

    // ---- The batched product itself ------------------------------------------------------------

    /**
     * out[t] = sum over batch indices s that map to t of op(x[s]) op(y[s]), where op(x) is x or its
     * transpose (tx), and the output has shape {@code outShape}: [..., m, n]. Batch dimensions of x, y and
     * the output broadcast together; output batch dimensions of size 1 (or missing) are summed over,
     * which is what a gradient of a broadcast input needs.
     */
    static float[] product(Tensor x, boolean tx, Tensor y, boolean ty, int[] outShape) {
        Operand p = new Operand(x, tx), q = new Operand(y, ty);
        int r = outShape.length, m = outShape[r - 2], n = outShape[r - 1], k = p.cols;
        float[] c = new float[Shape.numel(outShape)];
        int[] batch = Shape.broadcast("matmul", Shape.broadcast("matmul", p.batch, q.batch), Arrays.copyOf(outShape, r - 2));
        int[] xs = p.batchStrides(batch), ys = q.batchStrides(batch);
        int[] cs = batchStrides(Arrays.copyOf(outShape, r - 2), Shape.contiguousStrides(outShape), batch);
        int count = Shape.numel(batch);
        if (count == 0 || c.length == 0) return c;

        // One big product instead of many small ones, when the layout allows it:
        // (1) y shared by every batch: stack the batches of x (and of C) as extra rows.
        if (count > 1 && allZero(ys) && stacks(batch, xs, m, p.rowStride) && stacks(batch, cs, m, n)) {
            Gemm.multiply(count * m, n, k, p.data, p.offset, p.rowStride, p.colStride,
                    q.data, q.offset, q.rowStride, q.colStride, c, 0, n, true);
            return c;
        }
        // (2) C shared by every batch (a gradient summed over the batch): sum_s X_s Y_s = [X_0 X_1 ..] [Y_0; Y_1; ..].
        if (count > 1 && allZero(cs) && stacks(batch, xs, k, p.colStride) && stacks(batch, ys, k, q.rowStride)) {
            Gemm.multiply(m, n, count * k, p.data, p.offset, p.rowStride, p.colStride,
                    q.data, q.offset, q.rowStride, q.colStride, c, 0, n, true);
            return c;
        }
        // Otherwise one product per batch index; when the batches write separate outputs and each product
        // is too small to be split itself, the threads take separate ranges of batches.
        long work = (long) m * n * k;
        int threads = (int) Math.min(Math.min(Parallel.threads(), count), (work * count) / Gemm.WORK_PER_THREAD);
        boolean separate = separate(batch, cs);  // every batch writes its own output (else they add up)
        if (threads > 1 && work < 4 * Gemm.WORK_PER_THREAD && separate) {
            int parts = Math.min(count, 4 * threads);  // several parts per thread, so a late thread takes fewer
            Parallel.run(parts, part -> batches(p, q, c, m, n, batch, xs, ys, cs,
                    (int) ((long) count * part / parts), (int) ((long) count * (part + 1) / parts), true));
        } else {
            batches(p, q, c, m, n, batch, xs, ys, cs, 0, count, separate);
        }
        return c;
    }

    /**
     * The products for batch indices from..to-1, walking the batch dimensions like an odometer
     * ({@code separate}: each writes its own block of C, still zero, so it may store rather than add).
     */
    private static void batches(Operand p, Operand q, float[] c, int m, int n, int[] batch,
                                int[] xs, int[] ys, int[] cs, int from, int to, boolean separate) {
        int[] idx = new int[batch.length];
        int xo = p.offset, yo = q.offset, co = 0;
        for (int d = batch.length - 1, rest = from; d >= 0; d--) {
            idx[d] = rest % batch[d];
            rest /= batch[d];
            xo += idx[d] * xs[d];
            yo += idx[d] * ys[d];
            co += idx[d] * cs[d];
        }
        for (int t = from; t < to; t++) {
            Gemm.multiply(m, n, p.cols, p.data, xo, p.rowStride, p.colStride, q.data, yo, q.rowStride, q.colStride, c, co, n,
                    separate);
            for (int d = batch.length - 1; d >= 0; d--) {
                idx[d]++;
                xo += xs[d];
                yo += ys[d];
                co += cs[d];
                if (idx[d] < batch[d]) break;
                xo -= xs[d] * batch[d];
                yo -= ys[d] * batch[d];
                co -= cs[d] * batch[d];
                idx[d] = 0;
            }
        }
    }

    /** A tensor seen as a batch of matrices (possibly transposed): its storage, offset and strides. */
    private static final class Operand {
        final float[] data;
        final int offset, rowStride, colStride, rows, cols;
        final int[] batch, batchStrides;

        Operand(Tensor t, boolean transposed) {
            int r = t.dim();
            data = t.storage.data;
            offset = t.offset;
            batch = Arrays.copyOf(t.shape, r - 2);
            batchStrides = Arrays.copyOf(t.strides, r - 2);
            rows = transposed ? t.shape[r - 1] : t.shape[r - 2];
            cols = transposed ? t.shape[r - 2] : t.shape[r - 1];
            rowStride = transposed ? t.strides[r - 1] : t.strides[r - 2];
            colStride = transposed ? t.strides[r - 2] : t.strides[r - 1];
        }

        int[] batchStrides(int[] full) {
            return MatMul.batchStrides(batch, batchStrides, full);
        }
    }

    /** Strides of a batch (shape, strides) broadcast to {@code full}: 0 along dimensions it is repeated. */
    private static int[] batchStrides(int[] shape, int[] strides, int[] full) {
        int[] s = new int[full.length];
        int lead = full.length - shape.length;
        for (int d = lead; d < full.length; d++) s[d] = shape[d - lead] == 1 ? 0 : strides[d - lead];
        return s;
    }

    /** True if no two batch indices share an output (no batch dimension of size > 1 has stride 0). */
    private static boolean separate(int[] batch, int[] strides) {
        for (int d = 0; d < batch.length; d++) if (batch[d] > 1 && strides[d] == 0) return false;
        return true;
    }

    private static boolean allZero(int[] strides) {
        for (int s : strides) if (s != 0) return false;
        return true;
    }

    /**
     * True if the batch dimensions continue a dimension of {@code size} elements spaced {@code stride}
     * apart with the same spacing, so batch index t and position i are simply position t*size + i.
     */
    private static boolean stacks(int[] batch, int[] strides, int size, int stride) {
        long expected = (long) size * stride;
        for (int d = batch.length - 1; d >= 0; d--) {
            if (batch[d] == 1) continue;
            if (strides[d] != expected) return false;
            expected *= batch[d];
        }
        return true;
    }
}

package glassbox.tensor;

import java.util.Arrays;

/** Helpers for shapes: element counts, row-major strides, broadcasting and dimension checks. */
public final class Shape {
    private Shape() {
    }

    /** Number of elements of a tensor of this shape (1 for a scalar, whose shape is []). */
    public static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) throw new IllegalArgumentException("negative dimension in shape " + str(shape));
            n *= s;
        }
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("shape " + str(shape) + " has too many elements");
        return (int) n;
    }

    /** Row-major (C order) strides: the last dimension is contiguous. */
    public static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = s;
            s *= Math.max(shape[d], 1);
        }
        return strides;
    }

    /**
     * The broadcast shape of two shapes, NumPy/PyTorch rules: align from the right; each pair of
     * sizes must be equal or one of them 1; missing leading dimensions count as 1.
     */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new ShapeException(op + ": shapes " + str(a) + " and " + str(b)
                        + " cannot be broadcast together (dimension " + i + " of the result: " + da + " vs " + db
                        + "; sizes must match or one of them be 1)");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Turns a possibly negative dimension (-1 = last) into an index, or explains what is wrong. */
    public static int dim(String op, int dim, int rank) {
        // A scalar (rank 0) accepts dimension 0 or -1, as in PyTorch.
        int d = dim < 0 ? dim + Math.max(rank, 1) : dim;
        if (d < 0 || d >= Math.max(rank, 1)) {
            throw new ShapeException(op + ": dimension " + dim + " is out of range for a tensor with " + rank
                    + " dimension" + (rank == 1 ? "" : "s") + " (valid: " + (-Math.max(rank, 1)) + " to " + (Math.max(rank, 1) - 1) + ")");
        }
        return d;
    }

    /** "[2, 3]" */
    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }
}

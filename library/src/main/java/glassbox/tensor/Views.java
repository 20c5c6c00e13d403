package glassbox.tensor;

import java.util.Arrays;

/**
 * Shape changes that share storage with their input: reshape, transpose, permute, squeeze,
 * unsqueeze, expand, slice, select. Only the shape, strides and offset change.
 *
 * <p>Backward of a view puts the gradient back into the input's layout: reshape it back, permute it
 * back, sum it over expanded dimensions, or write it into the sliced region of a zero tensor.
 */
final class Views {
    private Views() {
    }

    /** Reshape: a view when the tensor is contiguous, else a copy.  Backward: reshape dL/dout back. */
    static Tensor reshape(Tensor a, int... newShape) {
        int[] shape = inferShape("reshape", a, newShape);
        if (Arrays.equals(shape, a.shape)) return a;
        Tensor src = a.isContiguous() ? a : contiguous(a);
        Tensor out = src.view("reshape", shape, Shape.contiguousStrides(shape), src.offset);
        return out.onBackward(() -> src.addGrad(reshape(out.grad(), src.shape)));
    }

    /** Like reshape, but refuses to copy: the tensor must be contiguous. */
    static Tensor view(Tensor a, int... newShape) {
        if (!a.isContiguous()) {
            throw new ShapeException("view: tensor of shape " + Shape.str(a.shape) + " with strides "
                    + Shape.str(a.strides) + " is not contiguous; use reshape(), or contiguous().view()");
        }
        return reshape(a, newShape);
    }

    private static int[] inferShape(String op, Tensor a, int[] newShape) {
        int[] shape = newShape.clone();
        int unknown = -1;
        long known = 1;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == -1) {
                if (unknown >= 0) throw new ShapeException(op + ": only one size may be -1 in " + Shape.str(newShape));
                unknown = d;
            } else {
                known *= shape[d];
            }
        }
        int n = a.numel();
        if (unknown >= 0) {
            if (known == 0 || n % known != 0) {
                throw new ShapeException(op + ": cannot reshape tensor of shape " + Shape.str(a.shape) + " (" + n
                        + " elements) to " + Shape.str(newShape));
            }
            shape[unknown] = (int) (n / known);
        } else if (known != n) {
            throw new ShapeException(op + ": cannot reshape tensor of shape " + Shape.str(a.shape) + " (" + n
                    + " elements) to " + Shape.str(newShape) + " (" + known + " elements)");
        }
        return shape;
    }

    /** Swaps dimensions dim0 and dim1.  Backward: swap them back. */
    static Tensor transpose(Tensor a, int dim0, int dim1) {
        int r = a.shape.length;
        int d0 = Shape.dim("transpose", dim0, r), d1 = Shape.dim("transpose", dim1, r);
        if (r == 0 || d0 == d1) return a;
        int[] perm = new int[r];
        for (int i = 0; i < r; i++) perm[i] = i;
        perm[d0] = d1;
        perm[d1] = d0;
        return permute(a, perm);
    }

    /** out.shape[i] = a.shape[dims[i]].  Backward: permute dL/dout by the inverse permutation. */
    static Tensor permute(Tensor a, int... dims) {
        int r = a.shape.length;
        if (dims.length != r) {
            throw new ShapeException("permute: " + dims.length + " dimensions given for a tensor of shape " + Shape.str(a.shape));
        }
        int[] shape = new int[r], strides = new int[r], inverse = new int[r];
        boolean[] used = new boolean[r];
        for (int i = 0; i < r; i++) {
            int d = Shape.dim("permute", dims[i], r);
            if (used[d]) throw new ShapeException("permute: dimension " + d + " appears twice in " + Arrays.toString(dims));
            used[d] = true;
            shape[i] = a.shape[d];
            strides[i] = a.strides[d];
            inverse[d] = i;
        }
        Tensor out = a.view("permute", shape, strides, a.offset);
        return out.onBackward(() -> a.addGrad(permute(out.grad(), inverse)));
    }

    /** Removes every dimension of size 1 (a view).  Backward: reshape dL/dout back to the input's shape. */
    static Tensor squeeze(Tensor a) {
        boolean[] drop = new boolean[a.shape.length];
        for (int d = 0; d < drop.length; d++) drop[d] = a.shape[d] == 1;
        return dropDims("squeeze", a, drop);
    }

    /** Removes dimension dim if it has size 1 (otherwise returns the tensor unchanged, as PyTorch). */
    static Tensor squeeze(Tensor a, int dim) {
        int d = Shape.dim("squeeze", dim, a.shape.length);
        if (a.shape.length == 0 || a.shape[d] != 1) return a;
        boolean[] drop = new boolean[a.shape.length];
        drop[d] = true;
        return dropDims("squeeze", a, drop);
    }

    private static Tensor dropDims(String op, Tensor a, boolean[] drop) {
        int count = 0;
        for (boolean b : drop) if (!b) count++;
        if (count == a.shape.length) return a;
        int[] shape = new int[count], strides = new int[count];
        for (int d = 0, k = 0; d < drop.length; d++) {
            if (drop[d]) continue;
            shape[k] = a.shape[d];
            strides[k++] = a.strides[d];
        }
        Tensor out = a.view(op, shape, strides, a.offset);
        return out.onBackward(() -> a.addGrad(reshape(out.grad(), a.shape)));
    }

    /**
     * Inserts a dimension of size 1 at dim (dim may equal the rank: a new last dimension); a view.
     * Backward: reshape dL/dout back to the input's shape.
     */
    static Tensor unsqueeze(Tensor a, int dim) {
        int r = a.shape.length;
        int d = dim < 0 ? dim + r + 1 : dim;
        if (d < 0 || d > r) {
            throw new ShapeException("unsqueeze: dimension " + dim + " is out of range for a tensor of shape " + Shape.str(a.shape)
                    + " (valid: " + (-r - 1) + " to " + r + ")");
        }
        int[] shape = new int[r + 1], strides = new int[r + 1];
        for (int i = 0, k = 0; i <= r; i++) {
            if (i == d) {
                shape[i] = 1;
                strides[i] = d < r ? a.strides[d] * a.shape[d] : 1;  // any stride works for a size-1 dimension
            } else {
                shape[i] = a.shape[k];
                strides[i] = a.strides[k++];
            }
        }
        Tensor out = a.view("unsqueeze", shape, strides, a.offset);
        return out.onBackward(() -> a.addGrad(reshape(out.grad(), a.shape)));
    }

    /** Flattens dimensions startDim..endDim (inclusive) into one. */
    static Tensor flatten(Tensor a, int startDim, int endDim) {
        int r = a.shape.length;
        if (r == 0) return reshape(a, 1);
        int s = Shape.dim("flatten", startDim, r), e = Shape.dim("flatten", endDim, r);
        if (s > e) throw new ShapeException("flatten: start dimension " + startDim + " is after end dimension " + endDim);
        int[] shape = new int[r - (e - s)];
        int k = 0;
        for (int i = 0; i < s; i++) shape[k++] = a.shape[i];
        int m = 1;
        for (int i = s; i <= e; i++) m *= a.shape[i];
        shape[k++] = m;
        for (int i = e + 1; i < r; i++) shape[k++] = a.shape[i];
        return reshape(a, shape);
    }

    /** Stretches size-1 dimensions to newShape with stride 0.  Backward: sum dL/dout over them. */
    static Tensor expand(Tensor a, int... newShape) {
        int r = newShape.length, lead = r - a.shape.length;
        if (lead < 0) {
            throw new ShapeException("expand: cannot expand shape " + Shape.str(a.shape) + " to fewer dimensions " + Shape.str(newShape));
        }
        int[] shape = newShape.clone(), strides = new int[r];
        for (int d = 0; d < r; d++) {
            if (d < lead) {
                if (shape[d] < 0) {
                    throw new ShapeException("expand: size " + shape[d] + " is not allowed for the new leading dimension " + d
                            + " in " + Shape.str(newShape) + " (-1 only keeps an existing size)");
                }
                strides[d] = 0;
                continue;
            }
            int size = a.shape[d - lead];
            if (shape[d] == -1) shape[d] = size;
            if (size == shape[d]) {
                strides[d] = a.strides[d - lead];
            } else if (size == 1) {
                strides[d] = 0;
            } else {
                throw new ShapeException("expand: cannot expand shape " + Shape.str(a.shape) + " to " + Shape.str(newShape)
                        + " (dimension " + d + " has size " + size + ", only size-1 dimensions can be expanded)");
            }
        }
        if (Arrays.equals(shape, a.shape)) return a;
        Tensor out = a.view("expand", shape, strides, a.offset);
        return out.onBackward(() -> a.addGrad(Arithmetic.sumTo(out.grad(), a.shape)));
    }

    /**
     * The values of {@code t} broadcast to {@code shape}, row-major (no copy when nothing changes).
     * The common cases are copied in blocks: a scalar (fill), a bias [N] or [1, N] under [B, N]
     * (the same block tiled B times), and a column [B, 1] under [B, N] (each value repeated N times).
     */
    static float[] expandValues(String op, Tensor t, int[] shape) {
        if (Arrays.equals(t.shape, shape)) return t.data();
        Shape.broadcast(op, t.shape, shape);
        int r = shape.length, lead = r - t.shape.length;
        int n = Shape.numel(shape), m = t.numel();
        float[] out = new float[n];
        if (m == 1) {
            Arrays.fill(out, t.storage.data[t.offset]);
            return out;
        }
        if (t.isContiguous()) {
            // Split shape into [before, after] at the first dimension where t's size is not 1.
            int first = lead;
            while (first < r && t.shape[first - lead] == 1) first++;
            int last = r;
            while (last > first && t.shape[last - 1 - lead] == 1) last--;
            boolean tiled = true, repeated = true;  // t = [1.., after] (tiled) or [before.., 1..] (repeated)
            for (int d = first; d < r; d++) tiled &= t.shape[d - lead] == shape[d];
            for (int d = lead; d < last; d++) repeated &= t.shape[d - lead] == shape[d];
            for (int d = 0; d < lead; d++) repeated &= shape[d] == 1;
            if (tiled) {
                for (int at = 0; at < n; at += m) System.arraycopy(t.storage.data, t.offset, out, at, m);
                return out;
            }
            if (repeated) {
                int times = n / m;
                for (int i = 0; i < m; i++) Arrays.fill(out, i * times, (i + 1) * times, t.storage.data[t.offset + i]);
                return out;
            }
        }
        int[] strides = new int[r];
        for (int d = lead; d < r; d++) strides[d] = t.shape[d - lead] == 1 ? 0 : t.strides[d - lead];
        return new Tensor(t.storage, shape, strides, t.offset, "leaf", new Tensor[0]).toFloatArray();
    }

    /** Elements start, start+step, ... below end along dim.  Backward: dL/dout written into zeros. */
    static Tensor slice(Tensor a, int dim, int start, int end, int step) {
        if (a.shape.length == 0) throw new ShapeException("slice: a scalar (shape []) cannot be sliced");
        int d = Shape.dim("slice", dim, a.shape.length);
        int size = a.shape[d];
        int s = Math.min(Math.max(start < 0 ? start + size : start, 0), size);
        int e = Math.min(Math.max(end < 0 ? end + size : end, s), size);
        if (step < 1) throw new IllegalArgumentException("slice: step must be positive, got " + step);
        int[] shape = a.shape.clone(), strides = a.strides.clone();
        shape[d] = (e - s + step - 1) / step;
        strides[d] = a.strides[d] * step;
        Tensor out = a.view("slice", shape, strides, a.offset + s * a.strides[d]);
        return out.onBackward(() -> {
            Tensor g = Tensor.zeros(a.shape);
            slice(g, d, s, e, step).copy_(out.grad());
            a.addGrad(g);
        });
    }

    /** Index i along dim, with that dimension removed.  Backward: dL/dout written into zeros. */
    static Tensor select(Tensor a, int dim, int index) {
        if (a.shape.length == 0) throw new ShapeException("select: a scalar (shape []) has no dimension to index");
        int d = Shape.dim("select", dim, a.shape.length);
        int size = a.shape[d];
        int i = index < 0 ? index + size : index;
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("select: index " + index + " is out of range for dimension " + d
                    + " of size " + size + " (shape " + Shape.str(a.shape) + ")");
        }
        int[] shape = new int[a.shape.length - 1], strides = new int[a.shape.length - 1];
        for (int k = 0, j = 0; k < a.shape.length; k++) {
            if (k == d) continue;
            shape[j] = a.shape[k];
            strides[j++] = a.strides[k];
        }
        Tensor out = a.view("select", shape, strides, a.offset + i * a.strides[d]);
        return out.onBackward(() -> {
            Tensor g = Tensor.zeros(a.shape);
            select(g, d, i).copy_(out.grad());
            a.addGrad(g);
        });
    }

    /** A contiguous copy (or the tensor itself when already contiguous).  Backward: identity. */
    static Tensor contiguous(Tensor a) {
        if (a.isContiguous()) return a;
        Tensor out = Tensor.result(a.toFloatArray(), a.shape, "contiguous", a);
        return out.onBackward(() -> a.addGrad(out.grad()));
    }
}

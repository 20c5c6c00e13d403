package glassbox.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathering and joining: index select, gather, concatenation, stacking, splitting.
 *
 * <p>Picking elements copies them forward; backward adds each output gradient back to the element it
 * was picked from ("scatter-add"): an element picked twice receives both gradients.
 */
final class Indexing {
    private Indexing() {
    }

    /**
     * out = the slices of a at positions index[0], index[1], ... along dim (e.g. rows of an embedding
     * table: table.indexSelect(0, tokenIds)).  Backward: dL/da[.., index[j], ..] += dL/dout[.., j, ..].
     */
    static Tensor indexSelect(Tensor a, int dim, int[] index) {
        if (a.dim() == 0) throw new ShapeException("indexSelect: a scalar (shape []) has no dimension to select from");
        int d = Shape.dim("indexSelect", dim, a.dim());
        int n = a.shape[d], m = index.length, outer = Reductions.outer(a.shape, d), inner = Reductions.inner(a.shape, d);
        int[] idx = index.clone();
        for (int j = 0; j < m; j++) {
            if (idx[j] < 0 || idx[j] >= n) {
                throw new IndexOutOfBoundsException("indexSelect: index " + idx[j] + " (at position " + j
                        + ") is out of range for dimension " + d + " of size " + n + " (shape " + Shape.str(a.shape) + ")");
            }
        }
        float[] x = a.data();
        float[] z = new float[outer * m * inner];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < m; j++) {
                System.arraycopy(x, (o * n + idx[j]) * inner, z, (o * m + j) * inner, inner);
            }
        }
        int[] shape = a.shape.clone();
        shape[d] = m;
        Tensor out = Tensor.result(z, shape, "indexSelect", a);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] dx = new float[x.length];
            for (int o = 0; o < outer; o++) {
                for (int j = 0; j < m; j++) {
                    int from = (o * m + j) * inner, to = (o * n + idx[j]) * inner;
                    for (int i = 0; i < inner; i++) dx[to + i] += g[from + i];
                }
            }
            a.addGrad(Tensor.fromArray(dx, a.shape));
        });
    }

    /** indexSelect with the indices held in a tensor (any shape; its values are read as integers, row-major). */
    static Tensor indexSelect(Tensor a, int dim, Tensor index) {
        return indexSelect(a, dim, toInts("indexSelect", index));
    }

    /**
     * out has the shape of index; along dim it picks: out[i][j] = a[index[i][j]][j] for dim 0 and
     * out[i][j] = a[i][index[i][j]] for dim 1 (likewise in more dimensions). Every other size of index
     * must not exceed a's.  Backward: dL/da at each picked position += dL/dout.
     */
    static Tensor gather(Tensor a, int dim, Tensor index) {
        int r = a.dim();
        if (index.dim() != r) {
            throw new ShapeException("gather: index of shape " + Shape.str(index.shape) + " must have as many dimensions as the input of shape "
                    + Shape.str(a.shape));
        }
        int d = Shape.dim("gather", dim, r);
        for (int k = 0; k < r; k++) {
            if (k != d && index.shape[k] > a.shape[k]) {
                throw new ShapeException("gather: index of shape " + Shape.str(index.shape) + " is larger than the input of shape "
                        + Shape.str(a.shape) + " in dimension " + k + " (only dimension " + d + " may differ)");
            }
        }
        float[] x = a.data();
        float[] ix = index.data();
        int[] aStrides = Shape.contiguousStrides(a.shape);
        int[] from = new int[ix.length];   // where in a each output element comes from
        float[] z = new float[ix.length];
        int[] at = new int[r];              // the current position in index (and out), one number per dimension
        for (int p = 0; p < ix.length; p++) {
            int k = (int) ix[p];
            int n = Reductions.sizeAlong(a.shape, d);
            if (k != ix[p] || k < 0 || k >= n) {
                throw new IndexOutOfBoundsException("gather: index value " + TensorFormat.number(ix[p]) + " is out of range for dimension "
                        + d + " of size " + n + " (input shape " + Shape.str(a.shape) + ")");
            }
            int pos = 0;
            for (int q = 0; q < r; q++) pos += (q == d ? k : at[q]) * aStrides[q];
            from[p] = pos;
            z[p] = x[pos];
            for (int q = r - 1; q >= 0; q--) {       // next position, row-major
                if (++at[q] < index.shape[q]) break;
                at[q] = 0;
            }
        }
        Tensor out = Tensor.result(z, index.shape, "gather", a);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] dx = new float[x.length];
            for (int p = 0; p < g.length; p++) dx[from[p]] += g[p];
            a.addGrad(Tensor.fromArray(dx, a.shape));
        });
    }

    /**
     * Joins tensors along dim; all other sizes must match.  Backward: each input gets its own slice
     * of dL/dout.
     */
    static Tensor cat(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) throw new IllegalArgumentException("cat: needs at least one tensor, got an empty list");
        Tensor first = tensors.get(0);
        int r = first.dim();
        if (r == 0) throw new ShapeException("cat: scalars (shape []) have no dimension to join along; use stack");
        int d = Shape.dim("cat", dim, r);
        int total = 0;
        for (int t = 0; t < tensors.size(); t++) {
            int[] s = tensors.get(t).shape;
            boolean fits = s.length == r;
            for (int k = 0; fits && k < r; k++) fits = k == d || s[k] == first.shape[k];
            if (!fits) {
                throw new ShapeException("cat: tensor " + t + " has shape " + Shape.str(s) + " but tensor 0 has shape "
                        + Shape.str(first.shape) + "; all sizes must match except in dimension " + d);
            }
            total += s[d];
        }
        int outer = Reductions.outer(first.shape, d), inner = Reductions.inner(first.shape, d);
        float[] z = new float[outer * total * inner];
        int start = 0;                                   // where this tensor begins along dim
        for (Tensor t : tensors) {
            float[] x = t.data();
            int block = t.shape[d] * inner;              // one outer slice of t
            for (int o = 0; o < outer; o++) {
                System.arraycopy(x, o * block, z, (o * total + start) * inner, block);
            }
            start += t.shape[d];
        }
        int[] shape = first.shape.clone();
        shape[d] = total;
        Tensor out = Tensor.result(z, shape, "cat", tensors.toArray(new Tensor[0]));
        return out.onBackward(() -> {
            int s = 0;
            for (Tensor t : tensors) {
                int size = t.shape[d];
                if (t.requiresGrad()) t.addGrad(Views.slice(out.grad(), d, s, s + size, 1));
                s += size;
            }
        });
    }

    /** Stacks equal-shaped tensors along a new dimension dim: unsqueeze each, then cat (backward through both). */
    static Tensor stack(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) throw new IllegalArgumentException("stack: needs at least one tensor, got an empty list");
        int[] shape = tensors.get(0).shape;
        for (int t = 1; t < tensors.size(); t++) {
            if (!java.util.Arrays.equals(tensors.get(t).shape, shape)) {
                throw new ShapeException("stack: tensor " + t + " has shape " + Shape.str(tensors.get(t).shape)
                        + " but tensor 0 has shape " + Shape.str(shape) + "; stack needs tensors of equal shape");
            }
        }
        int r = shape.length;
        int d = dim < 0 ? dim + r + 1 : dim;
        if (d < 0 || d > r) {
            throw new ShapeException("stack: dimension " + dim + " is out of range for stacking tensors of shape " + Shape.str(shape)
                    + " (valid: " + (-r - 1) + " to " + r + ")");
        }
        List<Tensor> parts = new ArrayList<>();
        for (Tensor t : tensors) parts.add(Views.unsqueeze(t, d));
        return cat(parts, d);
    }

    /** Cuts a into pieces of {@code size} along dim (the last may be smaller); each piece is a slice view. */
    static List<Tensor> split(Tensor a, int size, int dim) {
        if (size < 1) throw new IllegalArgumentException("split: piece size must be at least 1, got " + size);
        if (a.dim() == 0) throw new ShapeException("split: a scalar (shape []) cannot be split");
        int d = Shape.dim("split", dim, a.dim());
        List<Tensor> pieces = new ArrayList<>();
        for (int s = 0; s < a.shape[d]; s += size) pieces.add(Views.slice(a, d, s, Math.min(s + size, a.shape[d]), 1));
        return pieces;
    }

    /** Cuts a into pieces of the given sizes along dim; the sizes must add up to that dimension's size. */
    static List<Tensor> split(Tensor a, int[] sizes, int dim) {
        if (a.dim() == 0) throw new ShapeException("split: a scalar (shape []) cannot be split");
        int d = Shape.dim("split", dim, a.dim());
        int sum = 0;
        for (int s : sizes) sum += s;
        if (sum != a.shape[d]) {
            throw new ShapeException("split: sizes " + java.util.Arrays.toString(sizes) + " add up to " + sum
                    + " but dimension " + d + " of shape " + Shape.str(a.shape) + " has size " + a.shape[d]);
        }
        List<Tensor> pieces = new ArrayList<>();
        int start = 0;
        for (int s : sizes) {
            pieces.add(Views.slice(a, d, start, start + s, 1));
            start += s;
        }
        return pieces;
    }

    /** Cuts a into {@code chunks} pieces of size ceil(n / chunks) along dim (so possibly fewer, and the last smaller). */
    static List<Tensor> chunk(Tensor a, int chunks, int dim) {
        if (chunks < 1) throw new IllegalArgumentException("chunk: number of chunks must be at least 1, got " + chunks);
        if (a.dim() == 0) throw new ShapeException("chunk: a scalar (shape []) cannot be chunked");
        int n = a.shape[Shape.dim("chunk", dim, a.dim())];
        return split(a, Math.max(1, (n + chunks - 1) / chunks), dim);
    }

    /** The values of an index tensor as ints; each must be a whole number. */
    static int[] toInts(String op, Tensor index) {
        float[] f = index.data();
        int[] ints = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            ints[i] = (int) f[i];
            if (ints[i] != f[i]) {
                throw new IllegalArgumentException(op + ": index values must be whole numbers, found " + TensorFormat.number(f[i]));
            }
        }
        return ints;
    }
}

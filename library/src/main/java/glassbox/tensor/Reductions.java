package glassbox.tensor;

import java.util.Arrays;

/**
 * Reductions: sum, mean, variance, max/min with indices, argmax, logsumexp.
 *
 * <p>Backward of a sum copies the output gradient back to every element that was added
 * (d(sum x)/dx_i = 1); a mean also divides by the count.
 */
final class Reductions {
    private Reductions() {
    }

    /** Sum of all elements.  Backward: dL/dx_i = dL/dout. */
    static Tensor sum(Tensor a) {
        float[] x = a.data();
        double s = 0;
        for (float v : x) s += v;
        Tensor out = Tensor.result(new float[] {(float) s}, new int[0], "sum", a);
        return out.onBackward(() -> a.addGrad(Tensor.full(out.grad().item(), a.shape)));
    }

    /** Sum over the given dimensions.  Backward: dL/dout broadcast back over the summed dimensions. */
    static Tensor sum(Tensor a, int[] dims, boolean keepDim) {
        int r = a.shape.length;
        boolean[] reduce = new boolean[r];
        for (int dim : dims) reduce[Shape.dim("sum", dim, r)] = true;
        int[] kept = a.shape.clone();
        for (int d = 0; d < r; d++) if (reduce[d]) kept[d] = 1;
        // Walk the input in row-major order; each element adds into the output cell it reduces to.
        int[] outStrides = Shape.contiguousStrides(kept);
        for (int d = 0; d < r; d++) if (reduce[d]) outStrides[d] = 0;
        double[] acc = new double[Shape.numel(kept)];
        float[] x = a.data();
        int[] idx = new int[r];
        int pos = 0;
        for (float v : x) {
            acc[pos] += v;
            for (int d = r - 1; d >= 0; d--) {
                idx[d]++;
                pos += outStrides[d];
                if (idx[d] < a.shape[d]) break;
                pos -= outStrides[d] * a.shape[d];
                idx[d] = 0;
            }
        }
        float[] z = new float[acc.length];
        for (int i = 0; i < z.length; i++) z[i] = (float) acc[i];
        int[] outShape = keepDim ? kept : dropReduced(a.shape, reduce);
        Tensor out = Tensor.result(z, outShape, "sum", a);
        return out.onBackward(() -> a.addGrad(Views.expand(Views.reshape(out.grad(), kept), a.shape)));
    }

    static int[] dropReduced(int[] shape, boolean[] reduce) {
        int n = 0;
        for (boolean b : reduce) if (!b) n++;
        int[] out = new int[n];
        for (int d = 0, k = 0; d < shape.length; d++) if (!reduce[d]) out[k++] = shape[d];
        return out;
    }

    /** Mean of all elements: sum / n. */
    static Tensor mean(Tensor a) {
        return sum(a).div(Math.max(a.numel(), 1));
    }

    /** Mean over the given dimensions: sum / (number of elements summed). */
    static Tensor mean(Tensor a, int[] dims, boolean keepDim) {
        int count = 1;
        boolean[] seen = new boolean[a.shape.length];
        for (int dim : dims) {
            int d = Shape.dim("mean", dim, a.shape.length);
            if (!seen[d]) count *= a.shape[d];
            seen[d] = true;
        }
        return sum(a, dims, keepDim).div(Math.max(count, 1));
    }

    /** Variance along dim: sum((x - mean)^2) / (n - 1 if unbiased else n), built from the ops above. */
    static Tensor var(Tensor a, int dim, boolean keepDim, boolean unbiased) {
        int d = Shape.dim("var", dim, a.shape.length);
        int n = a.shape[d];
        Tensor centered = a.sub(mean(a, new int[] {d}, true));
        return sum(centered.mul(centered), new int[] {d}, keepDim).div(unbiased ? Math.max(n - 1, 1) : n);
    }

    /** Unbiased variance of all elements. */
    static Tensor var(Tensor a) {
        Tensor centered = a.sub(mean(a));
        return sum(centered.mul(centered)).div(Math.max(a.numel() - 1, 1));
    }

    static Tensor max(Tensor a) {
        throw new UnsupportedOperationException("max: not implemented yet");
    }

    static MaxMin max(Tensor a, int dim, boolean keepDim) {
        throw new UnsupportedOperationException("max: not implemented yet");
    }

    static Tensor min(Tensor a) {
        throw new UnsupportedOperationException("min: not implemented yet");
    }

    static MaxMin min(Tensor a, int dim, boolean keepDim) {
        throw new UnsupportedOperationException("min: not implemented yet");
    }

    static Tensor argmax(Tensor a, int dim, boolean keepDim) {
        throw new UnsupportedOperationException("argmax: not implemented yet");
    }

    static int argmax(Tensor a) {
        float[] x = a.data();
        int best = 0;
        for (int i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
        return best;
    }

    static Tensor logsumexp(Tensor a, int dim, boolean keepDim) {
        throw new UnsupportedOperationException("logsumexp: not implemented yet " + Arrays.toString(a.shape));
    }
}

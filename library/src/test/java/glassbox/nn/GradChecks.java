package glassbox.nn;

import static org.junit.jupiter.api.Assertions.fail;

import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import java.util.function.Supplier;

/**
 * Central-difference gradient check for modules and losses: L = sum_i w_i f()_i with fixed random
 * weights w; every element x_j of every tensor in {@code wrt} is nudged by +-h (in place) and
 * (L(x+h) - L(x-h)) / 2h is compared with the gradient from backward().
 */
final class GradChecks {
    private GradChecks() {
    }

    static void check(Supplier<Tensor> f, Tensor... wrt) {
        check(1e-2, 2e-2, f, wrt);
    }

    static void check(double eps, double tol, Supplier<Tensor> f, Tensor... wrt) {
        for (Tensor t : wrt) t.zeroGrad();
        Tensor out = f.get();
        Tensor w = Tensor.randn(new Generator(42), out.shape());
        out.mul(w).sum().backward();
        for (int k = 0; k < wrt.length; k++) {
            Tensor t = wrt[k];
            if (t.grad() == null) fail("input " + k + " got no gradient at all");
            float[] analytic = t.grad().toFloatArray();
            int n = t.numel();
            int[] shape = t.shape();
            for (int j = 0; j < n; j++) {
                int[] idx = unravel(j, shape);
                float x0 = t.get(idx);
                double h = eps * Math.max(1, Math.abs(x0));
                double lp = loss(f, w, t, idx, (float) (x0 + h));
                double lm = loss(f, w, t, idx, (float) (x0 - h));
                set(t, idx, x0);
                double numeric = (lp - lm) / (2 * h);
                double err = Math.abs(analytic[j] - numeric) / Math.max(Math.max(Math.abs(analytic[j]), Math.abs(numeric)), 0.1);
                if (err > tol) {
                    fail("gradient check failed for input " + k + " (shape " + java.util.Arrays.toString(shape) + ") element " + j
                            + ": backward gives " + analytic[j] + ", central difference gives " + numeric);
                }
            }
        }
    }

    private static double loss(Supplier<Tensor> f, Tensor w, Tensor t, int[] idx, float v) {
        set(t, idx, v);
        try (var s = Tensor.noGrad()) {
            float[] o = f.get().data();
            float[] wv = w.data();
            double sum = 0;
            for (int i = 0; i < o.length; i++) sum += (double) o[i] * wv[i];
            return sum;
        }
    }

    private static void set(Tensor t, int[] idx, float v) {
        try (var s = Tensor.noGrad()) {
            t.set(v, idx);
        }
    }

    private static int[] unravel(int j, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = j % shape[d];
            j /= shape[d];
        }
        return idx;
    }
}

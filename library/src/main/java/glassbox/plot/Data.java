package glassbox.plot;

import glassbox.tensor.Tensor;
import java.util.List;
import tech.tablesaw.api.NumericColumn;

/** Turns what a student has at hand (tensors, Java arrays, lists, Tablesaw columns) into doubles. */
final class Data {
    private Data() {
    }

    static double[] of(Tensor t) {
        if (t == null) throw new IllegalArgumentException("expected a tensor of values, got null");
        float[] f = t.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    static double[] of(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    static double[] of(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }

    static double[] of(List<? extends Number> v) {
        double[] d = new double[v.size()];
        for (int i = 0; i < d.length; i++) d[i] = v.get(i) == null ? Double.NaN : v.get(i).doubleValue();
        return d;
    }

    static double[] of(NumericColumn<?> c) {
        return c.asDoubleArray();
    }

    /** 0, 1, 2, ... n-1 (the x values of a series given only its y values). */
    static double[] index(int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = i;
        return d;
    }

    /** Class numbers from a tensor of class indices (float values 0, 1, 2, ...). */
    static int[] classes(Tensor t) {
        float[] f = t.toFloatArray();
        int[] c = new int[f.length];
        for (int i = 0; i < f.length; i++) c[i] = Math.round(f[i]);
        return c;
    }

    /** The two columns of an [N, 2] tensor. */
    static double[][] points(String what, Tensor t) {
        int[] s = t.shape();
        if (s.length != 2 || s[1] != 2) {
            throw new IllegalArgumentException(what + ": points must have shape [N, 2] (one x, y pair per row), got "
                    + java.util.Arrays.toString(s));
        }
        float[] f = t.toFloatArray();
        int n = s[0];
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = f[2 * i];
            y[i] = f[2 * i + 1];
        }
        return new double[][] {x, y};
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) if (x < m) m = x;
        return m;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) if (x > m) m = x;
        return m;
    }

    static void sameLength(String what, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(what + ": " + x.length + " x values but " + y.length + " y values; give one x per y");
        }
    }
}

package glassbox.data;

import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated 2-D classification sets, the classic pictures for decision boundaries. Each point gets
 * Gaussian noise with standard deviation {@code noise}; the samples are shuffled; the same seed gives
 * the same set. {@code n} samples are shared as evenly as possible among the classes.
 *
 * <ul>
 *   <li>moons: two interleaving half circles, (cos t, sin t) and (1 - cos t, 0.5 - sin t), t in [0, pi];
 *   <li>circles: a circle of radius 1 around one of radius {@code factor} (0.5);
 *   <li>spirals: k arms r = t, angle = 4t + 2 pi c / k for class c, t in [0, 1] (as in CS231n);
 *   <li>blobs: Gaussian clusters around centres drawn uniformly from [-10, 10]^2.
 * </ul>
 */
final class Synthetic2d {
    private Synthetic2d() {}

    static TensorDataset moons(int n, double noise, long seed) {
        Generator gen = generator(n, noise, seed);
        int[] counts = share(n, 2);
        List<float[]> points = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < counts[c]; i++) {
                double t = counts[c] == 1 ? 0 : Math.PI * i / (counts[c] - 1);
                double px = c == 0 ? Math.cos(t) : 1 - Math.cos(t);
                double py = c == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
                points.add(new float[] {(float) px, (float) py, c});
            }
        }
        return finish("moons", points, gen, noise, List.of("upper moon", "lower moon"));
    }

    static TensorDataset circles(int n, double noise, double factor, long seed) {
        Generator gen = generator(n, noise, seed);
        if (!(factor > 0 && factor < 1)) throw new IllegalArgumentException("circles: factor must be in (0, 1), got " + factor);
        int[] counts = share(n, 2);
        List<float[]> points = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            double radius = c == 0 ? 1 : factor;
            for (int i = 0; i < counts[c]; i++) {
                double t = 2 * Math.PI * i / counts[c];
                points.add(new float[] {(float) (radius * Math.cos(t)), (float) (radius * Math.sin(t)), c});
            }
        }
        return finish("circles", points, gen, noise, List.of("outer", "inner"));
    }

    static TensorDataset spirals(int n, int classes, double noise, long seed) {
        Generator gen = generator(n, noise, seed);
        if (classes < 2) throw new IllegalArgumentException("spirals: need at least 2 classes, got " + classes);
        int[] counts = share(n, classes);
        List<float[]> points = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("arm " + c);
            for (int i = 0; i < counts[c]; i++) {
                double r = counts[c] == 1 ? 0 : (double) i / (counts[c] - 1);
                double angle = 4 * r + 2 * Math.PI * c / classes;
                points.add(new float[] {(float) (r * Math.sin(angle)), (float) (r * Math.cos(angle)), c});
            }
        }
        return finish("spirals", points, gen, noise, names);
    }

    static TensorDataset blobs(int n, int centers, double noise, long seed) {
        Generator gen = generator(n, noise, seed);
        if (centers < 1) throw new IllegalArgumentException("blobs: need at least 1 centre, got " + centers);
        int[] counts = share(n, centers);
        List<float[]> points = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < centers; c++) {
            names.add("blob " + c);
            float cx = -10 + 20 * gen.nextFloat();
            float cy = -10 + 20 * gen.nextFloat();
            for (int i = 0; i < counts[c]; i++) points.add(new float[] {cx, cy, c});
        }
        return finish("blobs", points, gen, noise, names);
    }

    // ---------------------------------------------------------------------------------------------

    private static Generator generator(int n, double noise, long seed) {
        if (n < 1) throw new IllegalArgumentException("need at least one sample, got n = " + n);
        if (noise < 0) throw new IllegalArgumentException("noise is a standard deviation and cannot be negative, got " + noise);
        return new Generator(seed);
    }

    /** n split into k counts differing by at most one. */
    private static int[] share(int n, int k) {
        int[] counts = new int[k];
        for (int c = 0; c < k; c++) counts[c] = n / k + (c < n % k ? 1 : 0);
        return counts;
    }

    /** Adds noise, shuffles, and packs (x, y, label) triples into tensors. */
    private static TensorDataset finish(String name, List<float[]> points, Generator gen, double noise,
                                        List<String> classNames) {
        int n = points.size();
        int[] order = gen.permutation(n);
        float[] x = new float[2 * n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            float[] p = points.get(order[i]);
            x[2 * i] = p[0] + (float) noise * gen.nextGaussian();
            x[2 * i + 1] = p[1] + (float) noise * gen.nextGaussian();
            y[i] = p[2];
        }
        return new TensorDataset(name, Tensor.fromArray(x, n, 2), Tensor.fromArray(y, n), classNames,
                List.of("x1", "x2"), null);
    }
}

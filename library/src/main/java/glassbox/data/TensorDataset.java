package glassbox.data;

import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A data set held in memory as two tensors: features {@code x} [N, ...] (float32) and targets
 * {@code y} [N] (class indices 0..C-1 as floats for classification, real values for regression).
 *
 * <p>Sample i is {@code (x[i], y[i])}. For classification {@code classNames.get(k)} names class k;
 * for regression {@code classNames} is empty. Tabular sets also carry the original columns as a
 * Tablesaw {@link Table} (raw units, the target as a named column); image sets have no table.
 *
 * @param name         short name, e.g. "iris"
 * @param x            features [N, ...]
 * @param y            targets [N]
 * @param classNames   names of the classes, in index order (empty for regression)
 * @param featureNames names of the feature columns of a tabular set (empty for images)
 * @param table        the raw table of a tabular set, or null
 */
public record TensorDataset(String name, Tensor x, Tensor y, List<String> classNames, List<String> featureNames,
                            Table table) implements Dataset {

    public TensorDataset {
        if (x.dim() == 0 || y.dim() != 1 || x.size(0) != y.size(0)) {
            throw new IllegalArgumentException("TensorDataset " + name + ": x must be [N, ...] and y [N] with the "
                    + "same N, got x " + Arrays.toString(x.shape()) + " and y " + Arrays.toString(y.shape()));
        }
        classNames = List.copyOf(classNames);
        featureNames = List.copyOf(featureNames);
    }

    /** A data set without names or table. */
    public TensorDataset(String name, Tensor x, Tensor y, List<String> classNames) {
        this(name, x, y, classNames, List.of(), null);
    }

    /** Number of samples N. */
    @Override
    public int size() {
        return y.size(0);
    }

    /** Sample {@code index}: x[index] (e.g. [1, 28, 28]) and y[index] (a scalar). */
    @Override
    public Example get(int index) {
        return new Example(x.get(index), y.get(index));
    }

    /** Number of classes C (0 for regression). */
    public int numClasses() {
        return classNames.size();
    }

    /** How many samples each class has: {@code counts[k]} for class k. */
    public int[] classCounts() {
        if (classNames.isEmpty()) {
            throw new IllegalStateException(name + " is a regression set (y holds values, not classes): it has no class counts.");
        }
        int[] counts = new int[numClasses()];
        for (float label : y.toFloatArray()) counts[(int) label]++;
        return counts;
    }

    /** Whether this set has a Tablesaw table (tabular sets do). */
    public boolean hasTable() {
        return table != null;
    }

    /** The raw table; tabular sets only. */
    @Override
    public Table table() {
        if (table == null) {
            throw new IllegalStateException(name + " is not a tabular data set and has no table; use x() and y().");
        }
        return table;
    }

    /** The same samples with each x[i] flattened: [N, d1, d2, ...] becomes [N, d1*d2*...]. */
    public TensorDataset flatten() {
        return new TensorDataset(name, x.reshape(size(), x.numel() / Math.max(1, size())), y, classNames,
                featureNames, table);
    }

    /** The samples at {@code indices}, in that order (a copy, still a TensorDataset, with its table rows). */
    @Override
    public TensorDataset subset(int... indices) {
        int n = size();
        int row = x.numel() / Math.max(1, n);
        float[] xs = x.toFloatArray();
        float[] ys = y.toFloatArray();
        float[] xOut = new float[indices.length * row];
        float[] yOut = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int k = indices[i];
            if (k < 0 || k >= n) {
                throw new IndexOutOfBoundsException("subset: index " + k + " outside 0.." + (n - 1) + " of " + name);
            }
            System.arraycopy(xs, k * row, xOut, i * row, row);
            yOut[i] = ys[k];
        }
        int[] shape = x.shape().clone();
        shape[0] = indices.length;
        return new TensorDataset(name, Tensor.fromArray(xOut, shape), Tensor.fromArray(yOut, indices.length),
                classNames, featureNames, table == null ? null : table.rows(indices));
    }

    /** The first {@code n} samples. */
    public TensorDataset head(int n) {
        int[] idx = new int[Math.min(n, size())];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        return subset(idx);
    }

    /**
     * Shuffles with {@code seed} and cuts into a training part and a test part holding
     * round(N * testFraction) samples. The same seed always gives the same split.
     */
    public Split.Pair trainTestSplit(double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("trainTestSplit: testFraction must be between 0 and 1, got " + testFraction);
        }
        int[] perm = new Generator(seed).permutation(size());
        int nTest = (int) Math.round(size() * testFraction);
        return new Split.Pair(subset(Arrays.copyOfRange(perm, nTest, perm.length)), subset(Arrays.copyOfRange(perm, 0, nTest)));
    }

    /** One line: name, shapes and classes. */
    @Override
    public String toString() {
        return name + ": x " + Arrays.toString(x.shape()) + ", y " + Arrays.toString(y.shape())
                + (classNames.isEmpty() ? " (regression)" : ", " + numClasses() + " classes " + classNames);
    }
}

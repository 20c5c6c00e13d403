package glassbox.data;

import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Cuts a data set into mini-batches: {@code for (DataLoader.Batch b : loader) { ... b.x() ... b.y() }}.
 * Each pass (epoch) visits every example once; with shuffling the order is a new random permutation
 * each epoch, drawn from a generator seeded once, so a run is repeatable. The last batch is smaller
 * unless {@code dropLast}.
 *
 * <p>Batches have the example dimension first: inputs [B, ...] and targets [B] (class indices) or [B, ...].
 * Tensors given directly (or a {@link TensorDataset}) are batched by copying rows, without per-example objects.
 */
public final class DataLoader implements Iterable<DataLoader.Batch> {
    private final Dataset dataset;
    private final Tensor xs, ys;
    private final int batchSize;
    private final boolean shuffle, dropLast;
    private final Generator gen;

    /**
     * A mini-batch.
     *
     * @param x inputs [B, ...]
     * @param y targets [B] or [B, ...]
     */
    public record Batch(Tensor x, Tensor y) {
        /** The number of examples in this batch. */
        public int size() {
            return x.size(0);
        }
    }

    /** Batches of two tensors (x [N, ...], y [N, ...]), shuffled each epoch with a generator seeded by {@code seed}. */
    public DataLoader(Tensor x, Tensor y, int batchSize, boolean shuffle, long seed) {
        this(null, x, y, batchSize, shuffle, false, seed);
    }

    /** Batches of a TensorDataset. */
    public DataLoader(TensorDataset data, int batchSize, boolean shuffle, long seed) {
        this(null, data.x(), data.y(), batchSize, shuffle, false, seed);
    }

    /** Batches of any Dataset (examples are stacked). */
    public DataLoader(Dataset data, int batchSize, boolean shuffle, long seed) {
        this(data, null, null, batchSize, shuffle, false, seed);
    }

    /** Batches of two tensors, in order, not shuffled (e.g. for evaluation). */
    public DataLoader(Tensor x, Tensor y, int batchSize) {
        this(x, y, batchSize, false, 0);
    }

    /** Every option: with {@code dropLast} a last batch smaller than batchSize is left out. */
    public DataLoader(Tensor x, Tensor y, int batchSize, boolean shuffle, boolean dropLast, long seed) {
        this(null, x, y, batchSize, shuffle, dropLast, seed);
    }

    private DataLoader(Dataset dataset, Tensor x, Tensor y, int batchSize, boolean shuffle, boolean dropLast, long seed) {
        if (batchSize <= 0) throw new IllegalArgumentException("DataLoader: batchSize must be positive, got " + batchSize);
        if (dataset == null && (x.dim() == 0 || y.dim() == 0 || x.size(0) != y.size(0))) {
            throw new IllegalArgumentException("DataLoader: x and y need the same first dimension (the examples), got "
                    + Arrays.toString(x.shape()) + " and " + Arrays.toString(y.shape()));
        }
        this.dataset = dataset;
        this.xs = x == null ? null : x.contiguous();
        this.ys = y == null ? null : y.contiguous();
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
        this.gen = new Generator(seed);
    }

    /** The number of examples. */
    public int size() {
        return dataset != null ? dataset.size() : xs.size(0);
    }

    /** The number of batches per epoch. */
    public int numBatches() {
        return dropLast ? size() / batchSize : (size() + batchSize - 1) / batchSize;
    }

    /** The batch size. */
    public int batchSize() {
        return batchSize;
    }

    /** One pass over the data (a new shuffle each time if shuffling). */
    @Override
    public Iterator<Batch> iterator() {
        int n = size();
        int[] order;
        if (shuffle) {
            order = gen.permutation(n);
        } else {
            order = new int[n];
            for (int i = 0; i < n; i++) order[i] = i;
        }
        int batches = numBatches();
        return new Iterator<>() {
            int b = 0;

            @Override
            public boolean hasNext() {
                return b < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) throw new NoSuchElementException();
                int from = b * batchSize, to = Math.min(n, from + batchSize);
                b++;
                int[] idx = Arrays.copyOfRange(order, from, to);
                return dataset != null ? stackExamples(idx) : new Batch(rows(xs, idx), rows(ys, idx));
            }
        };
    }

    /** Copies rows {@code idx} of t (first dimension) into a new tensor. */
    static Tensor rows(Tensor t, int[] idx) {
        int row = t.numel() / t.size(0);
        float[] src = t.data();
        float[] out = new float[idx.length * row];
        for (int i = 0; i < idx.length; i++) System.arraycopy(src, idx[i] * row, out, i * row, row);
        int[] shape = t.shape();
        shape[0] = idx.length;
        return Tensor.fromArray(out, shape);
    }

    private Batch stackExamples(int[] idx) {
        List<Tensor> x = new ArrayList<>(idx.length), y = new ArrayList<>(idx.length);
        for (int i : idx) {
            Dataset.Example e = dataset.get(i);
            x.add(e.x());
            y.add(e.y());
        }
        return new Batch(Tensor.stack(x, 0), Tensor.stack(y, 0));
    }
}

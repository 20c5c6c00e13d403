package glassbox.data;

import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import java.util.Arrays;

/**
 * A collection of examples that a {@link DataLoader} can batch: {@link #size()} examples, example i
 * being an input and a target ({@link #get(int)}). Like PyTorch's map-style {@code Dataset}.
 * A {@link TensorDataset} (everything in two tensors) is the usual one; implement this interface
 * for data made on the fly (augmentation, files read lazily).
 */
public interface Dataset {
    /** The number of examples. */
    int size();

    /** Example {@code index}: its input and target, without the batch dimension. */
    Example get(int index);

    /**
     * One example.
     *
     * @param x the input, e.g. [1, 28, 28] for an image
     * @param y the target: a class index as a scalar, or a tensor of values
     */
    record Example(Tensor x, Tensor y) {
    }

    /** The examples at {@code indices}, in that order (a view, nothing is copied). */
    default Dataset subset(int... indices) {
        Dataset parent = this;
        int[] idx = indices.clone();
        for (int i : idx) {
            if (i < 0 || i >= parent.size()) throw new IndexOutOfBoundsException("subset: index " + i + " outside 0.." + (parent.size() - 1));
        }
        return new Dataset() {
            @Override
            public int size() {
                return idx.length;
            }

            @Override
            public Example get(int index) {
                return parent.get(idx[index]);
            }
        };
    }

    /**
     * Shuffles with {@code seed} and cuts off round(size * fraction) examples: returns
     * {rest, cut}, e.g. {training, validation}. The same seed gives the same split.
     */
    default Dataset[] randomSplit(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("randomSplit: fraction must be in (0, 1), got " + fraction);
        int[] perm = new Generator(seed).permutation(size());
        int cut = (int) Math.round(size() * fraction);
        return new Dataset[] {subset(Arrays.copyOfRange(perm, cut, perm.length)), subset(Arrays.copyOfRange(perm, 0, cut))};
    }

    /** A dataset over two tensors whose first dimension indexes the examples. */
    static Dataset of(Tensor x, Tensor y) {
        if (x.dim() == 0 || y.dim() == 0 || x.size(0) != y.size(0)) {
            throw new IllegalArgumentException("Dataset.of: x and y need the same first dimension (the examples), got "
                    + Arrays.toString(x.shape()) + " and " + Arrays.toString(y.shape()));
        }
        return new Dataset() {
            @Override
            public int size() {
                return x.size(0);
            }

            @Override
            public Example get(int index) {
                return new Example(x.get(index), y.get(index));
            }
        };
    }
}

package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.tensor.Tensor;

/**
 * A lookup table of vectors: index i (a token or category id) maps to row i of the weight
 * [numEmbeddings, dim]. Input: a tensor of integer values of any shape; output: that shape + [dim].
 * It equals a Linear layer without bias applied to one-hot vectors, without building them.
 * Default initialisation: N(0, 1), as in PyTorch.
 */
public class Embedding extends Module {
    /** The table, shape [numEmbeddings, embeddingDim]. */
    public final Tensor weight;

    /** A table of {@code numEmbeddings} vectors of size {@code embeddingDim}. */
    public Embedding(int numEmbeddings, int embeddingDim) {
        if (numEmbeddings <= 0 || embeddingDim <= 0) {
            throw new IllegalArgumentException("Embedding: sizes must be positive, got " + numEmbeddings + " x " + embeddingDim);
        }
        weight = registerParameter("weight", Tensor.randn(numEmbeddings, embeddingDim));
    }

    @Override
    public Tensor forward(Tensor indices) {
        return F.embedding(indices, weight);
    }

    /** Looks up integer ids directly. */
    public Tensor forward(int... ids) {
        float[] f = new float[ids.length];
        for (int i = 0; i < f.length; i++) f[i] = ids[i];
        return call(Tensor.fromArray(f, ids.length));
    }

    @Override
    public String toString() {
        return "Embedding(" + weight.size(0) + ", " + weight.size(1) + ")";
    }
}

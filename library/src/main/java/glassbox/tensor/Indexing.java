package glassbox.tensor;

import java.util.List;

/** Gathering and joining: index select, gather, concatenation, stacking, splitting. */
final class Indexing {
    private Indexing() {
    }

    static Tensor indexSelect(Tensor a, int dim, int[] index) {
        throw new UnsupportedOperationException("indexSelect: not implemented yet");
    }

    static Tensor gather(Tensor a, int dim, Tensor index) {
        throw new UnsupportedOperationException("gather: not implemented yet");
    }

    static Tensor cat(List<Tensor> tensors, int dim) {
        throw new UnsupportedOperationException("cat: not implemented yet");
    }

    static Tensor stack(List<Tensor> tensors, int dim) {
        throw new UnsupportedOperationException("stack: not implemented yet");
    }

    static List<Tensor> split(Tensor a, int size, int dim) {
        throw new UnsupportedOperationException("split: not implemented yet");
    }

    static List<Tensor> chunk(Tensor a, int chunks, int dim) {
        throw new UnsupportedOperationException("chunk: not implemented yet");
    }
}

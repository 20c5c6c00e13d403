package glassbox.tensor;

/**
 * The flat float32 array behind one or more tensors, with a version counter.
 *
 * <p>Views (reshape, transpose, slices...) share one storage. Every in-place change bumps
 * {@link #version}; autograd remembers the version each op saw and refuses to run a backward
 * pass through values that were changed afterwards, so gradients are never silently wrong.
 */
final class Storage {
    final float[] data;
    int version;

    Storage(float[] data) {
        this.data = data;
    }
}

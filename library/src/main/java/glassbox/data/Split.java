package glassbox.data;

/** Which part of a data set: the training part or the held-out test part. */
public enum Split {
    TRAIN,
    TEST;

    /** A training set and a test set cut from the same data. */
    public record Pair(TensorDataset train, TensorDataset test) {}
}

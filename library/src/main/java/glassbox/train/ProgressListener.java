package glassbox.train;

import java.util.Map;

/**
 * Receives the progress of {@link Trainer#fit}: a notebook can draw a live loss curve from it, a
 * console a progress bar. Every method has an empty default; override what you need.
 */
public interface ProgressListener {
    /** Training starts: so many epochs of so many batches. */
    default void onTrainBegin(int epochs, int batchesPerEpoch) {
    }

    /** A batch was trained on (epoch and batch count from 1); {@code loss} is that batch's loss. */
    default void onBatchEnd(int epoch, int batch, int batches, double loss) {
    }

    /** An epoch ended; {@code row} holds its history row (train_loss, val_loss, accuracy, lr, ...). */
    default void onEpochEnd(int epoch, Map<String, Double> row) {
    }

    /** Training ended (finished, stopped early, or interrupted: then {@code reason} says so). */
    default void onTrainEnd(History history, String reason) {
    }
}

package glassbox.train;

/**
 * Thrown by {@link Trainer#fit} when the thread is interrupted (the notebook's stop button): training
 * stops after the current batch. The model keeps the weights of the last completed step, and
 * {@link #history()} holds the completed epochs.
 */
public class TrainingInterruptedException extends RuntimeException {
    private final transient History history;

    TrainingInterruptedException(String message, History history) {
        super(message);
        this.history = history;
    }

    /** The epochs completed before the interrupt. */
    public History history() {
        return history;
    }
}

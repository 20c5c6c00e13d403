package glassbox.kernel.exec;

/**
 * Thrown inside a cell's code when the cell is interrupted. It is an Error so that a student's
 * {@code catch (Exception e)} does not swallow it; even a {@code catch (Throwable t)} inside a loop only
 * delays the stop to the next back-edge, because the cancellation stays set until the cell ends.
 */
public final class CellInterrupted extends Error {
    private static final long serialVersionUID = 1L;

    public CellInterrupted(String message) {
        super(message, null, false, false);
    }
}

package glassbox.tensor;

/** Thrown when shapes do not fit an op; the message names the op and the shapes involved. */
public class ShapeException extends IllegalArgumentException {
    public ShapeException(String message) {
        super(message);
    }
}

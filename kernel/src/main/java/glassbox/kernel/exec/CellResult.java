package glassbox.kernel.exec;

import java.util.List;

/**
 * The outcome of running one cell: ok (maybe with the value of its last expression), an error
 * (compile or runtime, with a readable traceback), or interrupted.
 */
public final class CellResult {
    public enum Status { OK, ERROR, INTERRUPTED }

    private final Status status;
    private final boolean hasValue;
    private final Object value;
    private final String valueType;
    private final String errorName;
    private final String errorValue;
    private final List<String> traceback;
    private final Throwable exception;

    private CellResult(Status status, boolean hasValue, Object value, String valueType,
                       String errorName, String errorValue, List<String> traceback, Throwable exception) {
        this.status = status;
        this.hasValue = hasValue;
        this.value = value;
        this.valueType = valueType;
        this.errorName = errorName;
        this.errorValue = errorValue;
        this.traceback = traceback;
        this.exception = exception;
    }

    public static CellResult ok() {
        return new CellResult(Status.OK, false, null, null, null, null, List.of(), null);
    }

    public static CellResult value(Object value, String type) {
        return new CellResult(Status.OK, true, value, type, null, null, List.of(), null);
    }

    public static CellResult error(String name, String value, List<String> traceback) {
        return new CellResult(Status.ERROR, false, null, null, name, value, List.copyOf(traceback), null);
    }

    public static CellResult error(String name, String value, List<String> traceback, Throwable exception) {
        return new CellResult(Status.ERROR, false, null, null, name, value, List.copyOf(traceback), exception);
    }

    public static CellResult interrupted(List<String> traceback) {
        return new CellResult(Status.INTERRUPTED, false, null, null, "Interrupted",
                "The cell was interrupted", List.copyOf(traceback), null);
    }

    public Status status() { return status; }
    public boolean isOk() { return status == Status.OK; }
    /** True when the cell ended with an expression whose value should be shown. */
    public boolean hasValue() { return hasValue; }
    public Object value() { return value; }
    /** The static type of the value (as JShell names it), e.g. "int" or "Tensor". */
    public String valueType() { return valueType; }
    public String errorName() { return errorName; }
    public String errorValue() { return errorValue; }
    /** Lines of the error report (may hold ANSI colors). */
    public List<String> traceback() { return traceback; }
    /** For runtime errors: the exception as JShell reported it (an EvalException), else null. */
    public Throwable exception() { return exception; }

    @Override
    public String toString() {
        return switch (status) {
            case OK -> hasValue ? "ok: " + value : "ok";
            case ERROR -> "error: " + errorName + ": " + errorValue;
            case INTERRUPTED -> "interrupted";
        };
    }
}

package glassbox.kernel.exec;

/**
 * Replacements for {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}: the
 * {@link Instrumenter} rewrites calls in cell code to these, so a cell that exits gets an error and
 * the kernel (or the grader) lives on.
 */
public final class ExitGuard {
    private ExitGuard() { }

    public static void systemExit(int status) {
        throw new ExitAttempted("System.exit(" + status + ")");
    }

    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitAttempted("Runtime.getRuntime().exit(" + status + ")");
    }

    public static void runtimeHalt(Runtime runtime, int status) {
        throw new ExitAttempted("Runtime.getRuntime().halt(" + status + ")");
    }

    /** The error a cell gets when it tries to end the JVM. */
    public static final class ExitAttempted extends Error {
        private static final long serialVersionUID = 1L;

        ExitAttempted(String call) {
            super(call + " was called: a notebook cell cannot stop the kernel. "
                    + "The kernel keeps running with all your variables; to start over use Kernel > Restart.");
        }
    }
}

package glassbox.kernel.exec;

/**
 * Cooperative cancellation of running cells. The {@link Instrumenter} inserts a call to
 * {@link #check()} at every method entry and loop back-edge of code compiled from a cell, so even
 * {@code while (true) {}} stops when its cell is interrupted, on every JDK (Thread.stop is gone since 20).
 * The fast path is one volatile read; only when some token is cancelled does the check look at the
 * token of the current thread (inherited by threads a cell starts).
 */
public final class Cancel {
    private static volatile int cancelledTokens;
    private static final InheritableThreadLocal<Token> CURRENT = new InheritableThreadLocal<>();

    private Cancel() { }

    /** Called by instrumented code; throws {@link CellInterrupted} when this thread's cell was interrupted. */
    public static void check() {
        if (cancelledTokens != 0) slowCheck();
    }

    private static void slowCheck() {
        Token t = CURRENT.get();
        if (t != null && t.cancelled) throw new CellInterrupted(t.reason);
    }

    /** Binds {@code token} to the current thread and the threads it starts. */
    public static void bind(Token token) {
        if (token == null) CURRENT.remove(); else CURRENT.set(token);
    }

    /** The token bound to the current thread, or null. */
    public static Token current() {
        return CURRENT.get();
    }

    /** A cancellation flag for one session's cells (the grader may use one per test, with a time limit). */
    public static final class Token {
        private volatile boolean cancelled;
        private volatile String reason = "Interrupted";

        /** Requests that code bound to this token stop at its next check. */
        public void cancel(String why) {
            synchronized (Cancel.class) {
                reason = why;
                if (!cancelled) {
                    cancelled = true;
                    cancelledTokens++;
                }
            }
        }

        /** Clears a cancellation (done before each cell). */
        public void reset() {
            synchronized (Cancel.class) {
                if (cancelled) {
                    cancelled = false;
                    cancelledTokens--;
                }
            }
        }

        public boolean isCancelled() { return cancelled; }

        public String reason() { return reason; }
    }
}

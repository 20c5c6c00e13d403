package glassbox.tensor;

/**
 * Whether operations record the computation graph (on by default).
 *
 * <pre>{@code
 * try (var scope = Tensor.noGrad()) {
 *     // ops here build no graph: use it for evaluation and for optimizer updates
 * }
 * }</pre>
 */
public final class GradMode implements AutoCloseable {
    private static final ThreadLocal<int[]> DISABLED_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final int[] depth;
    private boolean closed;

    private GradMode() {
        depth = DISABLED_DEPTH.get();
        depth[0]++;
    }

    /** Opens a scope in which no graph is recorded; close it (try-with-resources) to restore. */
    static GradMode disable() {
        return new GradMode();
    }

    /** True when ops on this thread record the graph. */
    public static boolean isEnabled() {
        return DISABLED_DEPTH.get()[0] == 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            depth[0]--;
        }
    }
}

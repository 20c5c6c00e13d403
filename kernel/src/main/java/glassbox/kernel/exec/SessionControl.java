package glassbox.kernel.exec;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * JShell's execution control for a session: cell code runs in this JVM (so {@code Display.show} reaches
 * the kernel directly), on the thread that calls {@code eval} (the engine's big-stack thread), with
 * classes instrumented by {@link Instrumenter}. It keeps the object a snippet evaluated to, so the kernel
 * can render the real value rather than its string.
 */
final class SessionControl extends DirectExecutionControl {
    private final SnippetLoader loader;
    private final Runnable enterUserCode;
    private final Runnable leaveUserCode;
    private Object lastValue;

    SessionControl(SnippetLoader loader, Runnable enterUserCode, Runnable leaveUserCode) {
        super(loader);
        this.loader = loader;
        this.enterUserCode = enterUserCode;
        this.leaveUserCode = leaveUserCode;
    }

    SnippetLoader loader() { return loader; }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        lastValue = null;
        enterUserCode.run();
        try {
            lastValue = doitMethod.invoke(null);
        } finally {
            leaveUserCode.run();
        }
        return "";   // the kernel renders lastValue itself; no need to call toString here
    }

    /** The value the last snippet evaluated to (then forgets it). */
    Object takeLastValue() {
        Object v = lastValue;
        lastValue = null;
        return v;
    }

    @Override
    public void stop() {
        // interruption is handled by the engine through Cancel tokens
    }

    /** Hands a ready-made control to JShell's builder. */
    static ExecutionControlProvider provider(SessionControl control) {
        return new ExecutionControlProvider() {
            @Override
            public String name() { return "glassbox"; }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
    }
}

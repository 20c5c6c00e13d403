package glassbox.kernel.grade;

import glassbox.kernel.exec.Cancel;
import glassbox.kernel.exec.CellIO;
import glassbox.kernel.exec.CellInterrupted;
import glassbox.kernel.exec.Streams;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The JUnit 5 extension behind assignment tests (registered automatically when {@link TestRun} runs them):
 * injects the {@link Submission} parameter, stops a test at its time limit ({@link TimeLimit}, default
 * {@value #DEFAULT_LIMIT_SECONDS} s) through the cancellation checks compiled into the student's code, and
 * captures what the test prints (capped) for the report.
 */
public final class SubmissionExtension implements ParameterResolver, InvocationInterceptor {
    public static final double DEFAULT_LIMIT_SECONDS = 10;
    /** Output kept per test; the rest is counted and dropped. */
    public static final int OUTPUT_CAP = 8 * 1024;

    private static volatile Submission current;
    private static volatile double defaultLimit = DEFAULT_LIMIT_SECONDS;

    /** Sets the time limit of tests without {@link TimeLimit} (the grader's --test-timeout). */
    static void setDefaultLimit(double seconds) { defaultLimit = seconds; }
    static final Map<String, String> OUTPUT = new ConcurrentHashMap<>();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "glassbox-test-timer");
        t.setDaemon(true);
        return t;
    });

    static void setSubmission(Submission s) { current = s; }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return p.getParameter().getType() == Submission.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        Submission s = current;
        if (s == null) throw new ParameterResolutionException("no submission to test: run these tests with the Glassbox grader or %check");
        return s;
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> ic,
                                    ExtensionContext context) throws Throwable {
        double limit = limitOf(context);
        Capped out = new Capped(OUTPUT_CAP);
        Cancel.Token token = new Cancel.Token();
        Thread me = Thread.currentThread();
        ScheduledFuture<?> alarm = TIMER.schedule(() -> {
            token.cancel("time limit");
            me.interrupt();
        }, (long) (limit * 1000), TimeUnit.MILLISECONDS);
        Cancel.bind(token);
        Streams.bind(out);
        try {
            invocation.proceed();
        } catch (CellInterrupted | InterruptedException e) {
            if (token.isCancelled()) throw timeUp(limit);
            throw e;
        } catch (Throwable t) {
            if (token.isCancelled() && (t.getCause() instanceof CellInterrupted || t instanceof RuntimeException
                    && String.valueOf(t.getMessage()).contains("Interrupted"))) throw timeUp(limit);
            throw t;
        } finally {
            alarm.cancel(false);
            Streams.bind(null);
            Cancel.bind(null);
            token.reset();
            Thread.interrupted();
            OUTPUT.put(context.getUniqueId(), out.text());
        }
    }

    private static AssertionFailedError timeUp(double limit) {
        return new AssertionFailedError(String.format(Locale.ROOT,
                "stopped after the time limit of %.0f s: is there an infinite loop, or a loop whose end condition "
                        + "is never reached?", limit));
    }

    private static double limitOf(ExtensionContext c) {
        TimeLimit t = c.getRequiredTestMethod().getAnnotation(TimeLimit.class);
        if (t == null) t = c.getRequiredTestClass().getAnnotation(TimeLimit.class);
        return t != null ? t.value() : defaultLimit;
    }

    /** Keeps the first {@code cap} bytes a test prints (stdout and stderr), counts the rest. */
    static final class Capped implements CellIO {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int cap;
        private long dropped;

        Capped(int cap) { this.cap = cap; }

        @Override
        public synchronized void write(boolean err, byte[] b, int off, int len) {
            int room = Math.max(0, cap - kept.size());
            int n = Math.min(room, len);
            kept.write(b, off, n);
            dropped += len - n;
        }

        synchronized String text() {
            String s = kept.toString(java.nio.charset.StandardCharsets.UTF_8);
            return dropped > 0 ? s + "\n... (" + dropped + " more bytes of output not kept)" : s;
        }
    }
}

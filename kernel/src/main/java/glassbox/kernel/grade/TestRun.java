package glassbox.kernel.grade;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs assignment test classes against a {@link Submission} with the JUnit Platform Launcher, in this JVM,
 * and returns one {@link TestOutcome} per test method (in the order JUnit ran them).
 */
public final class TestRun {
    private TestRun() { }

    /**
     * Runs the tests of {@code classes} (those for which {@code include} holds) against {@code submission};
     * classes named in {@code hidden} are reported as hidden tests.
     */
    public static synchronized List<TestOutcome> run(Submission submission, Collection<Class<?>> classes,
                                                     Set<String> hidden, Predicate<Method> include) {
        SubmissionExtension.setSubmission(submission);
        SubmissionExtension.OUTPUT.clear();
        List<TestOutcome> outcomes = new ArrayList<>();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(classes.stream().map(DiscoverySelectors::selectClass).collect(Collectors.toList()))
                .filters((org.junit.platform.launcher.PostDiscoveryFilter) d -> {
                    if (d.getSource().orElse(null) instanceof MethodSource ms && !include.test(ms.getJavaMethod())) {
                        return org.junit.platform.engine.FilterResult.excluded("not selected");
                    }
                    return org.junit.platform.engine.FilterResult.included("selected");
                })
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .build();
        Launcher launcher = LauncherFactory.create();
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(TestRun.class.getClassLoader());
        try {
            launcher.execute(request, new TestExecutionListener() {
                @Override
                public void executionSkipped(TestIdentifier id, String reason) {
                    if (id.getSource().orElse(null) instanceof MethodSource ms) {
                        outcomes.add(outcome(ms, id, false, "skipped: " + reason, hidden));
                    }
                }

                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                    if (!(id.getSource().orElse(null) instanceof MethodSource ms)) {
                        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && id.isContainer()
                                && id.getSource().isPresent()) {
                            // a class that failed to start (e.g. a @BeforeAll threw): its tests are reported as failed
                            outcomes.add(new TestOutcome(id.getDisplayName(), "", id.getDisplayName() + " (setup)", 0, 0, false,
                                    message(result.getThrowable().orElse(null)), "", false, ""));
                        }
                        return;
                    }
                    boolean ok = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
                    outcomes.add(outcome(ms, id, ok, ok ? "" : message(result.getThrowable().orElse(null)), hidden));
                }
            });
        } finally {
            Thread.currentThread().setContextClassLoader(before);
            SubmissionExtension.setSubmission(null);
        }
        return outcomes;
    }

    private static TestOutcome outcome(MethodSource ms, TestIdentifier id, boolean passed, String message, Set<String> hidden) {
        Method m = ms.getJavaMethod();
        double points = pointsOf(m);
        String cls = m.getDeclaringClass().getSimpleName();
        String tags = id.getTags().stream().map(t -> t.getName()).sorted().collect(Collectors.joining(","));
        TestOutcome o = new TestOutcome(cls, m.getName(), cls + " > " + id.getDisplayName(), passed ? points : 0, points,
                passed, message, SubmissionExtension.OUTPUT.getOrDefault(id.getUniqueId(), ""),
                hidden.contains(m.getDeclaringClass().getName()), tags);
        return o;
    }

    /** Points of a test method: its {@link Points}, else its class's, else 1. */
    public static double pointsOf(Method m) {
        Points p = m.getAnnotation(Points.class);
        if (p == null) p = m.getDeclaringClass().getAnnotation(Points.class);
        return p != null ? p.value() : 1;
    }

    /** The message a student reads for a failed test: the assertion's message, or the exception and where. */
    static String message(Throwable t) {
        if (t == null) return "failed";
        if (t instanceof org.opentest4j.AssertionFailedError || t instanceof AssertionError) {
            return String.valueOf(t.getMessage());
        }
        StringBuilder sb = new StringBuilder(t.getClass().getSimpleName());
        if (t.getMessage() != null) sb.append(": ").append(t.getMessage());
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("REPL.")) {
                sb.append("\n    in your ").append(e.getMethodName().startsWith("lambda$") ? "code" : "method " + e.getMethodName());
                break;
            }
        }
        if (t.getCause() != null && t.getCause() != t) sb.append("\n  caused by ").append(t.getCause());
        return sb.toString();
    }
}

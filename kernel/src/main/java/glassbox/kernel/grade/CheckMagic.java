package glassbox.kernel.grade;

import glassbox.display.MimeBundle;
import glassbox.kernel.exec.CellResult;
import glassbox.kernel.magic.MagicContext;
import glassbox.kernel.magic.Magics;
import org.junit.jupiter.api.Tag;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code %check} and {@code %check q1}: runs the assignment's visible tests against the live session (what
 * the cells run so far defined) and shows a pass/fail table with the messages. The assignment is the folder
 * of the notebook (the kernel's working directory) or a folder above it with {@code tests/visible}.
 * {@code q1} selects the tests tagged {@code @Tag("q1")}, or the test class or method of that name.
 */
public final class CheckMagic {
    private CheckMagic() { }

    /** Makes {@code %check} available in every kernel of this JVM. */
    public static void register() {
        Magics.registerLine("check", CheckMagic::run);
    }

    static CellResult run(String args, MagicContext ctx) {
        Assignment a;
        Assignment.CompiledTests tests;
        try {
            a = Assignment.find(ctx.workingDirectory());
            tests = a.compile(false);
        } catch (RuntimeException e) {
            return CellResult.error("CheckUnavailable", e.getMessage(), List.of("\u001b[1;31mCheckUnavailable\u001b[0m: " + e.getMessage()));
        }
        String filter = args.strip();
        Assignment.TestLoader loader = new Assignment.TestLoader(tests.classes(), CheckMagic.class.getClassLoader());
        List<Class<?>> classes = new ArrayList<>();
        for (String n : tests.visible()) {
            try {
                classes.add(Class.forName(n, false, loader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        List<TestOutcome> outcomes = TestRun.run(new Submission(ctx.engine()), classes, Set.of(), selects(filter));
        if (outcomes.isEmpty()) {
            String msg = filter.isEmpty() ? "the assignment has no visible tests" : "no visible test is tagged or named " + filter;
            return CellResult.error("CheckUnavailable", msg, List.of("\u001b[1;31mCheckUnavailable\u001b[0m: " + msg));
        }
        ctx.display(MimeBundle.of("text/html", html(outcomes, a.name())).put("text/plain", text(outcomes)));
        return CellResult.ok();
    }

    static Predicate<Method> selects(String filter) {
        if (filter.isEmpty()) return m -> true;
        return m -> m.getName().equalsIgnoreCase(filter) || m.getDeclaringClass().getSimpleName().equalsIgnoreCase(filter)
                || hasTag(m.getAnnotationsByType(Tag.class), filter) || hasTag(m.getDeclaringClass().getAnnotationsByType(Tag.class), filter);
    }

    private static boolean hasTag(Tag[] tags, String f) {
        for (Tag t : tags) if (t.value().equalsIgnoreCase(f)) return true;
        return false;
    }

    static String text(List<TestOutcome> outcomes) {
        StringBuilder s = new StringBuilder();
        double got = 0, max = 0;
        for (TestOutcome t : outcomes) {
            got += t.score();
            max += t.maxScore();
            s.append(t.passed() ? "PASS " : "FAIL ").append(t.name()).append(" (").append(Reports.num(t.score())).append('/')
                    .append(Reports.num(t.maxScore())).append(")\n");
            if (!t.passed()) s.append("     ").append(t.message().replace("\n", "\n     ")).append('\n');
        }
        long passed = outcomes.stream().filter(TestOutcome::passed).count();
        s.append(String.format(Locale.ROOT, "%d of %d visible tests pass: %s / %s points (hidden tests are graded later)",
                passed, outcomes.size(), Reports.num(got), Reports.num(max)));
        return s.toString();
    }

    static String html(List<TestOutcome> outcomes, String assignment) {
        StringBuilder h = new StringBuilder("<div class=\"glassbox-check\"><table style=\"border-collapse:collapse\">");
        h.append("<caption style=\"text-align:left;font-weight:bold\">").append(Reports.esc(assignment)).append(": visible tests</caption>");
        h.append("<tr><th style=\"text-align:left\"></th><th style=\"text-align:left\">test</th><th>points</th><th style=\"text-align:left\">message</th></tr>");
        double got = 0, max = 0;
        for (TestOutcome t : outcomes) {
            got += t.score();
            max += t.maxScore();
            String mark = t.passed() ? "<span style=\"color:#2e7d32\">&#10004; pass</span>" : "<span style=\"color:#c62828\">&#10008; fail</span>";
            String msg = Reports.esc(t.message()).replace("\n", "<br>");
            if (t.output() != null && !t.output().isEmpty()) {
                msg += "<details><summary>printed</summary><pre>" + Reports.esc(t.output()) + "</pre></details>";
            }
            h.append("<tr><td>").append(mark).append("</td><td><code>").append(Reports.esc(t.name())).append("</code></td><td style=\"text-align:center\">")
                    .append(Reports.num(t.score())).append(" / ").append(Reports.num(t.maxScore())).append("</td><td>").append(msg).append("</td></tr>");
        }
        h.append("<tr><td></td><td><b>total</b></td><td style=\"text-align:center\"><b>").append(Reports.num(got)).append(" / ")
                .append(Reports.num(max)).append("</b></td><td>hidden tests are graded later</td></tr></table></div>");
        return h.toString();
    }
}

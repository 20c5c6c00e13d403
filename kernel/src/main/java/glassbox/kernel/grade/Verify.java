package glassbox.kernel.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves an assignment is sound: the instructor notebook passes every test (visible and hidden), and the
 * student release (stubs) compiles and fails every test, so each test can fail.
 */
public final class Verify {
    private Verify() { }

    /** What verification found; {@link #ok()} when there are no problems. */
    public record Report(Grader.Result solution, Grader.Result released, List<String> problems) {
        public boolean ok() { return problems.isEmpty(); }
    }

    public static Report verify(Assignment a) throws IOException, Notebook.Invalid {
        Assignment.CompiledTests tests = a.compile(true);
        Grader grader = new Grader(a, tests);
        List<String> problems = new ArrayList<>();
        if (grader.catalog().isEmpty()) problems.add("the assignment has no @Test methods in tests/visible or tests/hidden");
        Grader.Result sol = grader.grade("solution", a.notebook());
        if (sol.error() != null) problems.add("the instructor notebook could not be graded: " + sol.error());
        for (TestOutcome t : sol.tests()) {
            if (!t.passed()) problems.add("the solution fails " + t.name() + ": " + t.message());
        }
        if (sol.tests().size() != grader.catalog().size() && sol.error() == null) {
            problems.add("the solution ran " + sol.tests().size() + " tests, the assignment has " + grader.catalog().size());
        }
        Path tmp = Files.createTempDirectory("glassbox-release-");
        try {
            Path nb = Release.release(a, tmp.resolve(a.name()));
            Grader.Result rel = grader.grade("release", nb);
            if (rel.error() != null) problems.add("the released notebook could not be graded: " + rel.error());
            if (rel.log() != null && rel.log().contains("CompileError")) {
                problems.add("the released notebook does not compile (a stub needs a // STUB: line?):\n" + rel.log());
            }
            for (TestOutcome t : rel.tests()) {
                if (t.passed()) problems.add("the test " + t.name() + " passes on the released stubs: it cannot fail");
            }
            return new Report(sol, rel, problems);
        } finally {
            Assignment.deleteTree(tmp);
        }
    }
}

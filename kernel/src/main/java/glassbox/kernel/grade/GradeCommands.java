package glassbox.kernel.grade;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The teacher's commands: {@code release}, {@code verify-assignment}, {@code grade}. */
public final class GradeCommands {
    private GradeCommands() { }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = "Write the student version of an assignment: solutions replaced by stubs, hidden tests left out, outputs cleared.")
    public static final class ReleaseCommand implements Callable<Integer> {
        @Parameters(index = "0", description = "the assignment folder (notebooks/assignments/NN-name)")
        Path assignment;

        @Option(names = "--out", required = true, description = "where to write the release (a folder named like the assignment is created in it)")
        Path out;

        @Option(names = "--no-verify", description = "skip proving that the solution passes every test and the stubs fail them")
        boolean noVerify;

        @Override
        public Integer call() throws Exception {
            Assignment a = Assignment.open(assignment);
            if (!noVerify) {
                Verify.Report r = Verify.verify(a);
                print(r);
                if (!r.ok()) return 1;
            }
            Path nb = Release.release(a, out.resolve(a.name()));
            System.out.println("released " + nb + " (and " + a.visibleSources().size() + " visible test file(s); hidden tests left out)");
            return 0;
        }
    }

    @Command(name = "verify-assignment", mixinStandardHelpOptions = true,
            description = "Prove an assignment: the instructor notebook passes every test, the released stubs fail every test.")
    public static final class VerifyCommand implements Callable<Integer> {
        @Parameters(description = "assignment folders", arity = "1..*")
        List<Path> assignments;

        @Override
        public Integer call() throws Exception {
            int bad = 0;
            for (Path p : assignments) {
                Verify.Report r = Verify.verify(Assignment.open(p));
                System.out.println(p + ":");
                print(r);
                if (!r.ok()) bad++;
            }
            return bad == 0 ? 0 : 1;
        }
    }

    static void print(Verify.Report r) {
        System.out.printf(Locale.ROOT, "  solution: %s / %s points (%.1f s)%n", Reports.num(r.solution().score()),
                Reports.num(r.solution().maxScore()), r.solution().seconds());
        long failing = r.released().tests().stream().filter(t -> !t.passed()).count();
        System.out.printf(Locale.ROOT, "  release:  %d of %d tests fail on the stubs (%.1f s)%n", failing,
                r.released().tests().size(), r.released().seconds());
        if (r.ok()) System.out.println("  ok");
        for (String p : r.problems()) System.out.println("  PROBLEM: " + p);
    }

    @Command(name = "grade", mixinStandardHelpOptions = true,
            description = "Grade one notebook or a folder of submissions; writes results.json (Gradescope) and junit.xml per student, and grades.csv.")
    public static final class GradeCommand implements Callable<Integer> {
        @Parameters(index = "0", description = "the assignment folder (with tests/visible and tests/hidden)")
        Path assignment;

        @Parameters(index = "1", description = "a notebook, or a folder of student notebooks (NAME.ipynb or NAME/*.ipynb)")
        Path submissions;

        @Option(names = "--out", required = true, description = "output folder: OUT/<student>/results.json, junit.xml; OUT/grades.csv")
        Path out;

        @Option(names = {"-j", "--jobs"}, defaultValue = "2", description = "submissions graded at once (default ${DEFAULT-VALUE})")
        int jobs;

        @Option(names = "--cell-timeout", defaultValue = "60", description = "seconds a notebook cell may run (default ${DEFAULT-VALUE})")
        double cellSeconds;

        @Option(names = "--test-timeout", defaultValue = "10", description = "seconds a test may run unless it says otherwise with @TimeLimit (default ${DEFAULT-VALUE})")
        double testSeconds;

        @Override
        public Integer call() throws Exception {
            Assignment a = Assignment.open(assignment);
            Grader g = new Grader(a, a.compile(true)).cellSeconds(cellSeconds).testSeconds(testSeconds);
            List<Submissions.Entry> entries = Submissions.list(submissions, a.name());
            long t0 = System.nanoTime();
            List<Grader.Result> results = g.gradeAll(entries, jobs);
            double secs = (System.nanoTime() - t0) / 1e9;
            for (Grader.Result r : results) {
                Reports.write(r, out.resolve(r.student()), a.name());
                System.out.printf(Locale.ROOT, "%-24s %6s / %s%s%n", r.student(), Reports.num(r.score()), Reports.num(r.maxScore()),
                        r.error() == null ? "" : "   (" + r.error() + ")");
            }
            Files.createDirectories(out);
            Files.writeString(out.resolve("grades.csv"), Reports.csv(results, g.catalog()), StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "graded %d submission(s) in %.1f s with %d job(s); %s%n", results.size(), secs, jobs,
                    out.resolve("grades.csv"));
            return 0;
        }
    }
}

package glassbox.kernel.grade;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Grades notebooks against an assignment's tests. Each submission runs in its own JVM ({@link GradeWorker}):
 * a notebook that calls System.exit, loops forever, prints megabytes or runs out of memory can only end
 * its own process, which a watchdog kills when it overruns. The grader reads the submission's bytes and
 * never writes to it. The test classes are compiled here and handed to the worker through its stdin only
 * after the notebook's cells have run.
 */
public final class Grader {
    private final Assignment assignment;
    private final Assignment.CompiledTests tests;
    private final List<TestOutcome> catalog;
    private double cellSeconds = 60;
    private double testSeconds = SubmissionExtension.DEFAULT_LIMIT_SECONDS;
    private double slackSeconds = 60;
    private String maxHeap = "1g";

    public Grader(Assignment assignment, Assignment.CompiledTests tests) {
        this.assignment = assignment;
        this.tests = tests;
        this.catalog = catalog(tests);
    }

    public Grader cellSeconds(double s) { cellSeconds = s; return this; }
    public Grader slackSeconds(double s) { slackSeconds = s; return this; }
    /** Time limit of a test without {@link TimeLimit} (default 10 s). */
    public Grader testSeconds(double s) { testSeconds = s; return this; }
    public Assignment assignment() { return assignment; }

    /** The tests with their points (all failing): what a submission that cannot run gets. */
    public List<TestOutcome> catalog() { return catalog; }

    /** Points of all tests. */
    public double maxScore() {
        return catalog.stream().mapToDouble(TestOutcome::maxScore).sum();
    }

    private static List<TestOutcome> catalog(Assignment.CompiledTests tests) {
        Assignment.TestLoader loader = new Assignment.TestLoader(tests.classes(), Grader.class.getClassLoader());
        Set<String> hidden = Set.copyOf(tests.hidden());
        List<TestOutcome> out = new ArrayList<>();
        for (String n : tests.all()) {
            try {
                Class<?> k = Class.forName(n, false, loader);
                List<Method> ms = new ArrayList<>(List.of(k.getDeclaredMethods()));
                ms.sort(Comparator.comparing(Method::getName));
                for (Method m : ms) {
                    if (!m.isAnnotationPresent(Test.class)) continue;
                    double p = TestRun.pointsOf(m);
                    String display = m.isAnnotationPresent(org.junit.jupiter.api.DisplayName.class)
                            ? m.getAnnotation(org.junit.jupiter.api.DisplayName.class).value() : m.getName() + "(Submission)";
                    out.add(new TestOutcome(k.getSimpleName(), m.getName(), k.getSimpleName() + " > " + display, 0, p,
                            false, "", "", hidden.contains(n), ""));
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** What grading one notebook gave. {@code error} is set when the notebook could not be graded at all. */
    public record Result(String student, Path notebook, double score, double maxScore, List<TestOutcome> tests,
                         String log, String error, double seconds) { }

    /** Grades one notebook file (never modifies it). */
    public Result grade(String student, Path notebook) {
        long t0 = System.nanoTime();
        Result r = gradeUntimed(student, notebook);
        double s = (System.nanoTime() - t0) / 1e9;
        return new Result(r.student(), r.notebook(), r.score(), r.maxScore(), r.tests(), r.log(), r.error(), s);
    }

    private Result gradeUntimed(String student, Path notebook) {
        List<String> cells;
        try {
            cells = Notebook.codeCells(Notebook.read(notebook));
        } catch (Notebook.Invalid e) {
            return zero(student, notebook, e.getMessage(), "");
        }
        try {
            return runWorker(student, notebook, cells);
        } catch (IOException | InterruptedException e) {
            return zero(student, notebook, "the grading process failed: " + e, "");
        }
    }

    private Result zero(String student, Path notebook, String reason, String log) {
        List<TestOutcome> ts = new ArrayList<>();
        for (TestOutcome c : catalog) {
            ts.add(new TestOutcome(c.className(), c.method(), c.name(), 0, c.maxScore(), false,
                    "not graded: " + reason, "", c.hidden(), c.tags()));
        }
        return new Result(student, notebook, 0, maxScore(), ts, log, reason, 0);
    }

    private Result runWorker(String student, Path notebook, List<String> cells) throws IOException, InterruptedException {
        String nonce = HexFormat.of().formatHex(randomBytes());
        Path work = Files.createTempDirectory("glassbox-grade-");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules=jdk.incubator.vector");
        cmd.add("-Xmx" + maxHeap);
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Xshare:auto");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(absoluteClasspath(System.getProperty("java.class.path")));
        cmd.add(GradeWorker.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        StringBuilder stderr = new StringBuilder();
        CompletableFuture<Void> errDrain = CompletableFuture.runAsync(() -> drain(p.getErrorStream(), stderr, 16 * 1024));
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readNonceLines(p.getInputStream(), nonce, lines), "glassbox-grade-reader");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + (long) ((Math.min(cellSeconds * Math.max(1, cells.size()), 300) + slackSeconds
                + catalog.size() * testSeconds) * 1e9);
        try (OutputStream in = p.getOutputStream()) {
            JsonObject job = new JsonObject();
            job.addProperty("nonce", nonce);
            job.addProperty("cellSeconds", cellSeconds);
            job.addProperty("testSeconds", testSeconds);
            JsonArray cs = new JsonArray();
            cells.forEach(cs::add);
            job.add("cells", cs);
            in.write((job + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            String ready = poll(lines, deadline);
            if (ready == null || !ready.equals("READY")) {   // null: out of time; EOF: the worker ended
                return zero(student, notebook, ended(p, "the notebook's cells did not finish running", stderr, ready == null), "");
            }
            JsonObject t = new JsonObject();
            JsonObject classes = new JsonObject();
            tests.classes().forEach((k, v) -> classes.addProperty(k, Base64.getEncoder().encodeToString(v)));
            t.add("classes", classes);
            JsonArray vis = new JsonArray();
            tests.visible().forEach(vis::add);
            JsonArray hid = new JsonArray();
            tests.hidden().forEach(hid::add);
            t.add("visible", vis);
            t.add("hidden", hid);
            in.write((t + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            String res = poll(lines, deadline);
            if (res == null || !res.startsWith("RESULT ")) {
                return zero(student, notebook, ended(p, "the tests did not finish", stderr, res == null), "");
            }
            JsonObject r = JsonParser.parseString(res.substring(7)).getAsJsonObject();
            List<TestOutcome> outcomes = new ArrayList<>();
            Gson gson = new Gson();
            for (JsonElement e : r.getAsJsonArray("tests")) outcomes.add(gson.fromJson(e, TestOutcome.class));
            double score = outcomes.stream().mapToDouble(TestOutcome::score).sum();
            double max = outcomes.stream().mapToDouble(TestOutcome::maxScore).sum();
            return new Result(student, notebook, score, max, outcomes, r.get("log").getAsString(), null, 0);
        } catch (IOException e) {
            return zero(student, notebook, ended(p, "the grading process stopped", stderr, false), "");
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            errDrain.cancel(true);
            Assignment.deleteTree(work);
        }
    }

    /** The class path with every entry absolute (the worker runs in another directory); {@code dir/*} kept. */
    static String absoluteClasspath(String cp) {
        List<String> out = new ArrayList<>();
        for (String e : cp.split(java.io.File.pathSeparator)) {
            if (e.isEmpty()) continue;
            if (e.endsWith("*")) {
                String dir = e.substring(0, e.length() - 1);
                out.add(Path.of(dir.isEmpty() ? "." : dir).toAbsolutePath().normalize() + java.io.File.separator + "*");
            } else {
                out.add(Path.of(e).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private String ended(Process p, String what, StringBuilder stderr, boolean timedOut) throws InterruptedException {
        if (!timedOut) p.waitFor(10, TimeUnit.SECONDS);
        if (p.isAlive()) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            return what + " within the time limit (an infinite loop, or work far too slow?); the process was stopped";
        }
        p.waitFor(5, TimeUnit.SECONDS);
        String err;
        synchronized (stderr) {
            err = stderr.toString().strip();
        }
        String tail = err.length() > 500 ? err.substring(err.length() - 500) : err;
        return what + ": the grading process ended with exit code " + p.exitValue()
                + (p.exitValue() == 137 || err.contains("OutOfMemoryError") ? " (out of memory?)" : "")
                + (tail.isEmpty() ? "" : ": " + tail);
    }

    private static String poll(java.util.concurrent.BlockingQueue<String> q, long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        return left <= 0 ? null : q.poll(left, TimeUnit.NANOSECONDS);
    }

    /** Keeps the lines that start with the nonce; reads and drops everything else (bounded memory). */
    private static void readNonceLines(InputStream s, String nonce, java.util.concurrent.BlockingQueue<String> lines) {
        String prefix = nonce + " ";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8), 1 << 16)) {
            StringBuilder line = new StringBuilder();
            int c;
            boolean keep = true;
            while ((c = r.read()) != -1) {
                if (c == '\n') {
                    if (keep && line.indexOf(prefix) == 0) lines.add(line.substring(prefix.length()));
                    line.setLength(0);
                    keep = true;
                } else if (keep) {
                    line.append((char) c);
                    // a line that does not start with the nonce is dropped as it comes; a result line may be long
                    if (line.length() == prefix.length() && !line.toString().equals(prefix)) { keep = false; line.setLength(0); }
                    if (line.length() > 64 * 1024 * 1024) { keep = false; line.setLength(0); }
                }
            }
        } catch (IOException ignored) {
            // process ended
        }
        lines.add(EOF);
    }

    /** Put on the queue when the worker's stdout closes (it ended). */
    private static final String EOF = "\u0000EOF";

    private static void drain(InputStream s, StringBuilder into, int cap) {
        byte[] buf = new byte[8192];
        try (s) {
            int n;
            while ((n = s.read(buf)) > 0) {
                synchronized (into) {
                    if (into.length() < cap) into.append(new String(buf, 0, Math.min(n, cap - into.length()), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException ignored) {
            // process ended
        }
    }

    /** Grades every submission with at most {@code jobs} at once; results in the order given. */
    public List<Result> gradeAll(List<Submissions.Entry> entries, int jobs) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<Result>> fs = new ArrayList<>();
            for (Submissions.Entry e : entries) fs.add(pool.submit(() -> grade(e.student(), e.notebook())));
            List<Result> out = new ArrayList<>();
            for (Future<Result> f : fs) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException ex) {
                    throw new IllegalStateException(ex.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}

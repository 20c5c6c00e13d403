package glassbox.kernel.grade;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Grades variants of assignment 01-perceptron's instructor notebook (each in its own worker JVM, two at a
 * time): the solution, a planted bug, and hostile notebooks. Every variant is graded once, up front.
 */
class GraderTest {
    static final Path ASSIGNMENT = Path.of(System.getProperty("user.dir")).resolve("../notebooks/assignments/01-perceptron").normalize();
    static Path dir;
    static Grader grader;
    static final Map<String, Grader.Result> results = new LinkedHashMap<>();
    static final Map<String, byte[]> bytesBefore = new LinkedHashMap<>();
    static final Map<String, FileTime> timesBefore = new LinkedHashMap<>();

    /** The instructor notebook with the cell {@code gradeId} given new source. */
    static String variant(Function<String, String> edit, String gradeId) throws Exception {
        JsonObject nb = Notebook.read(ASSIGNMENT.resolve("01-perceptron.ipynb"));
        boolean found = false;
        for (JsonElement e : nb.getAsJsonArray("cells")) {
            JsonObject c = e.getAsJsonObject();
            JsonObject g = Notebook.nbgrader(c);
            if (g != null && g.get("grade_id").getAsString().equals(gradeId)) {
                Notebook.setSource(c, edit.apply(Notebook.source(c)));
                found = true;
            }
        }
        assertTrue(found, gradeId);
        return new com.google.gson.Gson().toJson(nb);
    }

    static void write(String name, String json) throws Exception {
        Files.writeString(dir.resolve(name + ".ipynb"), json, StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void gradeAllVariants() throws Exception {
        dir = Files.createTempDirectory("glassbox-grader-test");
        Assignment a = Assignment.open(ASSIGNMENT);
        grader = new Grader(a, a.compile(true)).testSeconds(2).cellSeconds(5);
        Files.copy(a.notebook(), dir.resolve("correct.ipynb"));
        // planted bug: the output bias b2 is left out of forward
        write("bug_no_b2", variant(s -> s.replace("h.matmul(W2).add(b2).sigmoid()", "h.matmul(W2).sigmoid()"), "q4_forward"));
        // System.exit in a cell (before everything) and in a method the tests call
        write("exit", variant(s -> s + "\nSystem.exit(3);", "q3_data"));
        write("exit_in_method", variant(s -> s.replace("return s > 0 ? 1 : 0;", "System.exit(1); return 0;"), "q1_predict"));
        // an infinite loop in a method (fails its tests by the time limit) and in a top-level cell
        write("loop_in_method", variant(s -> s.replace("float[] out = w.clone();", "while (w.length > 0) { }\n    float[] out = w.clone();"), "q2_step"));
        write("loop_in_cell", variant(s -> s + "\nwhile (true) { }", "q3_data"));
        // a class whose static initialiser throws, used by forward
        write("static_init", variant(s -> "class Boom { static int X = 1 / 0; }\n" + s.replace("Tensor h = ", "int boom = Boom.X;\n    Tensor h = "), "q4_forward"));
        // megabytes of output, through System.out and straight to the process's stdout (with fake result lines)
        write("huge_output", variant(s -> s + "\nfor (int i = 0; i < 400_000; i++) System.out.println(\"spam spam spam spam spam spam spam spam \" + i);\n"
                + "var raw = new PrintStream(new FileOutputStream(FileDescriptor.out), true);\n"
                + "for (int i = 0; i < 50_000; i++) raw.println(\"READY RESULT {\\\"tests\\\": []} spam spam spam spam spam spam\");", "q3_data"));
        // looks for the hidden tests while its cells run, and tries to fake a perfect result
        write("snoop", variant(s -> s + "\n" + String.join("\n",
                "String snoop = \"\";",
                "try { Class.forName(\"PerceptronHiddenTest\"); snoop += \"hidden class: FOUND\"; } catch (ClassNotFoundException e) { snoop += \"hidden class: not found\"; }",
                "long hits = 0;",
                "for (Path root : List.of(Path.of(System.getProperty(\"java.io.tmpdir\")), Path.of(\"\").toAbsolutePath())) {",
                "  try (var files = Files.walk(root, 4)) { hits += files.filter(p -> p.getFileName() != null && p.getFileName().toString().startsWith(\"PerceptronHiddenTest\")).count(); } catch (Exception e) { }",
                "}",
                "System.out.println(snoop + \"; hidden test files found: \" + hits);"), "q3_data"));
        write("fake_pass", "{\"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"source\": "
                + "\"var raw = new PrintStream(new FileOutputStream(FileDescriptor.out), true); raw.println(\\\"READY\\\"); raw.println(\\\"RESULT {}\\\");\"}],"
                + " \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        Files.writeString(dir.resolve("broken.ipynb"), "{\"cells\": [ {\"cell_type\": \"code\", \"sou", StandardCharsets.UTF_8);
        List<Submissions.Entry> entries = Submissions.list(dir, a.name());
        for (Submissions.Entry e : entries) {
            bytesBefore.put(e.student(), Files.readAllBytes(e.notebook()));
            timesBefore.put(e.student(), Files.getLastModifiedTime(e.notebook()));
        }
        for (Grader.Result r : grader.gradeAll(entries, 2)) results.put(r.student(), r);
    }

    @AfterAll
    static void cleanUp() {
        if (dir != null) Assignment.deleteTree(dir);
    }

    static Set<String> failed(Grader.Result r) {
        return r.tests().stream().filter(t -> !t.passed()).map(t -> t.className() + "." + t.method()).collect(Collectors.toCollection(TreeSet::new));
    }

    static String describe(Grader.Result r) {
        return r.student() + ": " + r.score() + "/" + r.maxScore() + " error=" + r.error() + " failed=" + failed(r)
                + r.tests().stream().filter(t -> !t.passed()).map(t -> "\n  " + t.name() + ": " + t.message()).collect(Collectors.joining());
    }

    @Test
    void correctSubmissionScoresFullMarks() {
        Grader.Result r = results.get("correct");
        assertEquals(15, r.maxScore(), describe(r));
        assertEquals(15, r.score(), describe(r));
        assertEquals(9, r.tests().size());
        assertEquals(4, r.tests().stream().filter(TestOutcome::hidden).count(), "hidden tests are marked hidden");
        assertTrue(r.log().contains("[1.0, 1.0] AND -> 1"), r.log());
    }

    @Test
    void plantedBugLosesExactlyThePointsOfTheTestsItBreaks() {
        Grader.Result r = results.get("bug_no_b2");
        assertEquals(Set.of("ForwardTest.forwardMatchesByHand", "PerceptronHiddenTest.forwardRandomBatch"), failed(r), describe(r));
        assertEquals(15 - 2 - 2, r.score(), describe(r));
        TestOutcome f = r.tests().stream().filter(t -> t.method().equals("forwardMatchesByHand")).findFirst().orElseThrow();
        assertTrue(f.message().startsWith("forward(x[2x3], W1[3x2], b1[2], W2[2x1], b2[1]): expected "), f.message());
        assertTrue(f.message().contains(" at [0, 0], got "), f.message());
    }

    @Test
    void systemExitInACellIsAnErrorAndTheRestIsGraded() {
        Grader.Result r = results.get("exit");
        assertNull(r.error(), describe(r));
        assertEquals(15, r.score(), describe(r));
        assertTrue(r.log().contains("System.exit(3)"), r.log());
    }

    @Test
    void systemExitInAMethodFailsTheTestsThatCallIt() {
        Grader.Result r = results.get("exit_in_method");
        assertNull(r.error(), describe(r));
        assertTrue(failed(r).contains("PerceptronTest.predictUsesBiasAndStrictThreshold"), describe(r));
        assertTrue(failed(r).contains("PerceptronTest.trainLearnsAnd"), describe(r));
        assertTrue(r.score() > 0, "tests that do not call predict still pass: " + describe(r));
        TestOutcome t = r.tests().stream().filter(o -> o.method().equals("predictUsesBiasAndStrictThreshold")).findFirst().orElseThrow();
        assertTrue(t.message().contains("System.exit(1) was called"), t.message());
    }

    @Test
    void infiniteLoopInAMethodFailsOnlyTheTestsThatRunIt() {
        Grader.Result r = results.get("loop_in_method");
        assertNull(r.error(), describe(r));
        assertEquals(Set.of("PerceptronTest.stepMovesTowardsTheTarget", "PerceptronTest.stepKeepsRightWeights", "PerceptronTest.trainLearnsAnd",
                "PerceptronHiddenTest.stepDoesNotModifyItsArgument", "PerceptronHiddenTest.trainLearnsOr"), failed(r), describe(r));
        TestOutcome t = r.tests().stream().filter(o -> o.method().equals("stepKeepsRightWeights")).findFirst().orElseThrow();
        assertTrue(t.message().contains("time limit of 2 s"), t.message());
    }

    @Test
    void infiniteLoopInACellIsStoppedAndTheRestRuns() {
        Grader.Result r = results.get("loop_in_cell");
        assertNull(r.error(), describe(r));
        assertEquals(15, r.score(), describe(r));
        assertTrue(r.log().contains("stopped after the time limit of 5 s"), r.log());
    }

    @Test
    void throwingStaticInitialiserFailsOnlyWhatUsesIt() {
        Grader.Result r = results.get("static_init");
        assertNull(r.error(), describe(r));
        assertEquals(Set.of("ForwardTest.forwardMatchesByHand", "PerceptronHiddenTest.forwardRandomBatch"), failed(r), describe(r));
        assertTrue(r.tests().stream().filter(t -> t.method().equals("forwardMatchesByHand")).findFirst().orElseThrow()
                .message().contains("Boom"), describe(r));
    }

    @Test
    void hugeOutputIsCappedAndCannotFakeResults() {
        Grader.Result r = results.get("huge_output");
        assertNull(r.error(), describe(r));
        assertEquals(15, r.score(), describe(r));
        assertTrue(r.log().length() < 100_000, "log kept: " + r.log().length());
        assertTrue(r.log().contains("more bytes of output not kept"), r.log().substring(0, 200));
    }

    @Test
    void hiddenTestsAreNeitherLoadedNorOnDiskWhileCellsRun() {
        Grader.Result r = results.get("snoop");
        assertEquals(15, r.score(), describe(r));
        assertTrue(r.log().contains("hidden class: not found; hidden test files found: 0"), r.log());
    }

    @Test
    void printingFakeResultLinesGivesNoPoints() {
        Grader.Result r = results.get("fake_pass");
        assertEquals(0, r.score(), describe(r));
        assertNull(r.error(), describe(r));
        assertTrue(r.tests().stream().allMatch(t -> t.message().startsWith("Your notebook does not define")), describe(r));
    }

    @Test
    void invalidJsonGetsZeroWithTheReasonAndTheOthersAreGraded() {
        Grader.Result r = results.get("broken");
        assertEquals(0, r.score());
        assertEquals(15, r.maxScore());
        assertNotNull(r.error());
        assertTrue(r.error().contains("broken.ipynb is not valid JSON"), r.error());
        assertEquals(9, r.tests().size());
        assertEquals(15, results.get("correct").score());
    }

    @Test
    void gradingNeverModifiesASubmission() throws Exception {
        for (Map.Entry<String, byte[]> e : bytesBefore.entrySet()) {
            Path p = dir.resolve(e.getKey() + ".ipynb");
            assertArrayEquals(e.getValue(), Files.readAllBytes(p), e.getKey());
            assertEquals(timesBefore.get(e.getKey()), Files.getLastModifiedTime(p), e.getKey());
        }
        assertEquals(bytesBefore.keySet(), results.keySet());
    }

    @Test
    void reportsAreGradescopeJsonJUnitXmlAndCsv() throws Exception {
        Path out = Files.createTempDirectory("glassbox-reports");
        try {
            Grader.Result good = results.get("correct"), bug = results.get("bug_no_b2");
            Reports.write(bug, out.resolve("bug"), "01-perceptron");
            JsonObject j = com.google.gson.JsonParser.parseString(Files.readString(out.resolve("bug/results.json"))).getAsJsonObject();
            assertEquals(11, j.get("score").getAsDouble());
            assertEquals(15, j.get("max_score").getAsDouble());
            assertEquals(9, j.getAsJsonArray("tests").size());
            long hiddenCount = 0;
            for (JsonElement t : j.getAsJsonArray("tests")) {
                JsonObject o = t.getAsJsonObject();
                assertTrue(o.has("name") && o.has("score") && o.has("max_score") && o.has("output") && o.has("visibility"));
                if (o.get("visibility").getAsString().equals("after_published")) hiddenCount++;
            }
            assertEquals(4, hiddenCount);
            String xml = Files.readString(out.resolve("bug/junit.xml"));
            assertTrue(xml.contains("tests=\"9\" failures=\"2\""), xml);
            javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("bug/junit.xml").toFile());
            String csv = Reports.csv(List.of(good, bug), grader.catalog());
            String[] lines = csv.split("\n");
            assertEquals(3, lines.length, csv);
            assertTrue(lines[1].startsWith("correct,15,15,"), csv);
            assertTrue(lines[2].startsWith("bug_no_b2,11,15,"), csv);
        } finally {
            Assignment.deleteTree(out);
        }
    }
}

package glassbox.kernel.exec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class EngineTest {
    static Engine engine;

    static final class Capture implements CellIO {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();

        @Override
        public synchronized void write(boolean e, byte[] b, int off, int len) {
            (e ? err : out).write(b, off, len);
        }

        String out() { return out.toString(StandardCharsets.UTF_8); }
        String err() { return err.toString(StandardCharsets.UTF_8); }
    }

    @BeforeAll
    static void start() {
        engine = Engine.start(EngineOptions.defaults());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static CellResult run(String code) {
        return engine.execute(code, "cell [t]", new Capture());
    }

    @Test
    void lastExpressionValueIsTheObject() {
        CellResult r = run("int a = 20;\nint b = 22;\na + b");
        assertTrue(r.isOk(), r.toString());
        assertTrue(r.hasValue());
        assertEquals(42, r.value());
        assertEquals("int", r.valueType());
    }

    @Test
    void declarationsAndVoidCallsHaveNoValue() {
        Capture io = new Capture();
        CellResult r = engine.execute("int q = 3;\nSystem.out.println(\"hello \" + q);", "cell [t]", io);
        assertTrue(r.isOk(), r.toString());
        assertFalse(r.hasValue());
        assertEquals("hello 3\n", io.out());
    }

    @Test
    void libraryIsPreloaded() {
        CellResult r = run("Tensor t = Tensor.of(1f, 2f, 3f);\nt.sum().item()");
        assertTrue(r.isOk(), r.toString());
        assertEquals(6f, r.value());
    }

    @Test
    void completionRightAfterAnAsyncStartWaitsForTheSession() {
        try (Engine fresh = Engine.startAsync(EngineOptions.defaults())) {
            assertEquals(List.of("sqrt"), fresh.complete("Math.sqr", 8).matches());
        }
    }

    @Test
    void everyLibraryPackageIsImportedAndGlassboxNamesWinOverJdkNames() {
        for (String pkg : Startup.scanPackages(EngineTest.class.getClassLoader()).keySet()) {
            assertTrue(engine.imports().contains(pkg + ".*"), pkg + " not imported: " + engine.imports());
        }
        assertTrue(engine.imports().contains("glassbox.nn.*"));
        assertEquals("glassbox.nn.Module", engine.evaluate("Module.class.getName()"));
        assertEquals("glassbox.tensor.Tensor", engine.evaluate("Tensor.class.getName()"));
        assertEquals("java.util.ArrayList", engine.evaluate("new ArrayList<Integer>().getClass().getName()"));
    }

    @Test
    void compileErrorNamesLineAndColumnAndUnderlines() {
        CellResult r = run("int ok = 1;\nint bad = undefinedThing + 1;");
        assertEquals(CellResult.Status.ERROR, r.status());
        String text = Ansi.strip(String.join("\n", r.traceback()));
        assertTrue(text.contains("cannot find symbol"), text);
        assertTrue(text.contains("line 2, column 11"), text);
        assertTrue(text.contains("int bad = undefinedThing + 1;"), text);
        assertTrue(text.contains("          ^~~~~~~~~~~~~"), text);
    }

    @Test
    void runtimeErrorShowsUserLineFirst() {
        run("int divide(int a, int b) {\n  return a / b;\n}");
        CellResult r = run("int z = 0;\ndivide(1, z)");
        assertEquals(CellResult.Status.ERROR, r.status());
        assertEquals("ArithmeticException", r.errorName());
        String text = Ansi.strip(String.join("\n", r.traceback()));
        assertTrue(text.startsWith("ArithmeticException: / by zero"), text);
        assertTrue(text.contains("line 2 in divide"), text);
        assertTrue(text.contains("return a / b;"), text);
        assertFalse(text.contains("jdk.jshell"), text);
        assertFalse(text.contains("glassbox.kernel"), text);
    }

    @Test
    void interruptStopsInfiniteLoopAndKeepsVariables() throws Exception {
        run("int before = 41;");
        CompletableFuture<CellResult> f = CompletableFuture.supplyAsync(() -> run("while (true) { }"));
        Thread.sleep(300);
        long t0 = System.nanoTime();
        engine.interrupt();
        CellResult r = f.get(2, TimeUnit.SECONDS);
        assertEquals(CellResult.Status.INTERRUPTED, r.status());
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
        assertEquals(42, run("before + 1").value());
    }

    @Test
    void interruptStopsRecursionAndSleep() throws Exception {
        CompletableFuture<CellResult> f = CompletableFuture.supplyAsync(() -> run("Thread.sleep(100000);"));
        Thread.sleep(300);
        engine.interrupt();
        assertEquals(CellResult.Status.INTERRUPTED, f.get(2, TimeUnit.SECONDS).status());
        CompletableFuture<CellResult> g = CompletableFuture.supplyAsync(() -> run(
                "long spin(long n) { long s = 0; for (long i = 0; i < n; i++) s += i % 7; return s; }\nwhile (true) { try { spin(1000); } catch (Throwable t) { } }"));
        Thread.sleep(300);
        engine.interrupt();
        assertEquals(CellResult.Status.INTERRUPTED, g.get(2, TimeUnit.SECONDS).status());
    }

    @Test
    void callingAMethodThatUsesSomethingUndefinedSaysWhat() {
        Capture io = new Capture();
        assertTrue(engine.execute("double area(double r) { return PI_CONSTANT * r * r; }", "cell [t]", io).isOk());
        assertTrue(io.err().contains("can be used only once"), io.err());
        CellResult r = run("area(2)");
        assertEquals("UnresolvedReference", r.errorName());
        assertTrue(r.errorValue().contains("method area(double) cannot run yet: it uses variable PI_CONSTANT"), r.errorValue());
        run("double PI_CONSTANT = 3;");
        assertEquals(12.0, run("area(2)").value());
    }

    @Test
    void systemExitIsAnErrorNotADeadJvm() {
        CellResult r = run("System.exit(3);");
        assertEquals(CellResult.Status.ERROR, r.status());
        assertTrue(r.errorValue().contains("System.exit(3)"), r.errorValue());
        CellResult r2 = run("Runtime.getRuntime().halt(1);");
        assertEquals(CellResult.Status.ERROR, r2.status());
        assertEquals(2, run("1 + 1").value());
    }

    @Test
    void stackOverflowAndOutOfMemoryAreErrors() {
        CellResult r = run("int down(int n) { return down(n + 1) + 1; }\ndown(0)");
        assertEquals("StackOverflowError", r.errorName());
        assertTrue(String.join("\n", r.traceback()).contains("repeats"), String.join("\n", r.traceback()));
        CellResult oom = run("float[] hog = new float[Integer.MAX_VALUE - 16];");
        assertEquals("OutOfMemoryError", oom.errorName());
        assertEquals(2, run("1 + 1").value());
    }

    @Test
    void redeclaringKeepsOtherVariablesAndWarnsAboutResets() {
        run("int keep = 7;\nint x = 1;");
        assertTrue(run("int x = 2;").isOk());
        assertEquals(7, run("keep").value());
        assertEquals(2, run("x").value());
        run("class Box { int v = 1; }\nBox box = new Box();\nint other = 5;");
        Capture io = new Capture();
        CellResult r = engine.execute("class Box { int v = 2; int w = 3; }", "cell [t]", io);
        assertTrue(r.isOk(), r.toString());
        assertTrue(io.err().contains("variable box (Box) was reset to null"), io.err());
        assertEquals(5, run("other").value());
    }

    @Test
    void isCompleteAnswersBeforeTheSessionHasStarted() throws Exception {
        try (Engine starting = Engine.startAsync(EngineOptions.defaults())) {
            // Asked at once, while JShell and the imports load: answered from the text, not "unknown".
            assertEquals("incomplete", starting.isComplete("for (int i = 0; i < 3; i++) {"));
            assertEquals("complete", starting.isComplete("int y = 3"));
            assertEquals("invalid", starting.isComplete("String s = \"abc"));
        }
    }

    @Test
    void completionAndInspection() {
        run("Tensor weights = Tensor.zeros(2, 3);");
        Completion.Result c = engine.complete("weights.res", 11);
        assertTrue(c.matches().stream().anyMatch(m -> m.startsWith("reshape")), c.matches().toString());
        assertEquals(8, c.start());
        Completion.Result v = engine.complete("int a1 = 1;\nweig", 16);
        assertTrue(v.matches().contains("weights"), v.matches().toString());
        assertEquals("incomplete", engine.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("complete", engine.isComplete("int y = 3;"));
        assertEquals("complete", engine.isComplete("import java.time.*;\nvoid f() { }\nf();\n1 + 1"));
        assertEquals("invalid", engine.isComplete("int x = ;"));
        Completion.Result sq = engine.complete("Math.sqr", 8);
        assertEquals(List.of("sqrt"), sq.matches());
        String cell = "String greeting = \"hi\"; greeting.toUpperC";
        Completion.Result inCell = engine.complete(cell, cell.length());
        assertTrue(inCell.matches().contains("toUpperCase"), inCell.matches().toString());
        assertEquals(cell.length() - "toUpperC".length(), inCell.start());
        Completion.Inspection in = engine.inspect("Tensor.zeros(2, 3)", 9);
        assertNotNull(in);
        assertTrue(in.plainText().contains("zeros"), in.plainText());
        assertTrue(in.documentation().contains("All zeros"), "Javadoc of the library, read from its sources: " + in.plainText());
        Completion.Inspection jdk = engine.inspect("Math.max(1, 2)", 6);
        assertNotNull(jdk);
        assertTrue(jdk.plainText().contains("max(int"), jdk.plainText());
    }
}

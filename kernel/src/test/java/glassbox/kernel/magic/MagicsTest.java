package glassbox.kernel.magic;

import glassbox.display.MimeBundle;
import glassbox.kernel.exec.CellIO;
import glassbox.kernel.exec.CellResult;
import glassbox.kernel.exec.Engine;
import glassbox.kernel.exec.EngineOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class MagicsTest {
    static Engine engine;
    static final Magics magics = new Magics();
    static final List<MimeBundle> shown = new ArrayList<>();
    static final ByteArrayOutputStream out = new ByteArrayOutputStream();
    static Path dir;

    static final CellIO io = (err, b, off, len) -> { synchronized (out) { out.write(b, off, len); } };

    static final MagicContext ctx = new MagicContext() {
        public Engine engine() { return engine; }
        public CellResult runJava(String code, int firstLine) { return engine.execute("\n".repeat(firstLine - 1) + code, "cell [m]", io); }
        public CellResult runCell(String code) {
            try { return magics.run(code, this); } catch (Exception e) { throw new RuntimeException(e); }
        }
        public void display(MimeBundle bundle) { shown.add(bundle); }
        public Path workingDirectory() { return dir; }
    };

    @BeforeAll
    static void start(@TempDir Path tmp) {
        dir = tmp;
        engine = Engine.start(EngineOptions.defaults());
    }

    @AfterAll
    static void stop() { engine.close(); }

    static CellResult run(String cell) throws Exception {
        synchronized (out) { out.reset(); }
        glassbox.kernel.exec.Streams.bind(io);   // magics print on the calling thread, as in the kernel
        try {
            return magics.run(cell, ctx);
        } finally {
            System.out.flush();
            glassbox.kernel.exec.Streams.bind(null);
        }
    }

    static String printed() {
        synchronized (out) { return out.toString(StandardCharsets.UTF_8); }
    }

    @Test
    void lsmagicListsEveryMagic() throws Exception {
        engine.execute("1", "x", io); // engine ready
        assertTrue(run("%lsmagic").isOk());
        String s = printed();
        for (String m : List.of("%time", "%load", "%classpath", "%maven", "%vars", "%check", "%%time", "%%html", "%%markdown", "%%latex")) {
            assertTrue(s.contains(m), m + " missing from " + s);
        }
    }

    @Test
    void javaAroundLineMagicsKeepsCellLineNumbers() throws Exception {
        CellResult r = run("int a = 1;\n%time int b = 2;\nint c = a + b;\nint d = nothing;");
        assertEquals(CellResult.Status.ERROR, r.status());
        String tb = String.join("\n", r.traceback());
        assertTrue(tb.contains("line 4, column 9"), tb);
        assertTrue(printed().contains("wall time"), printed());
        assertEquals(3, engine.evaluate("c"));
    }

    @Test
    void unknownMagicIsAClearError() throws Exception {
        CellResult r = run("%nosuchmagic");
        assertEquals("UnknownMagic", r.errorName());
        assertTrue(r.errorValue().contains("%nosuchmagic"));
    }

    @Test
    void cellMagicsDisplayHtmlMarkdownLatex() throws Exception {
        shown.clear();
        run("%%html\n<b>x</b>");
        run("%%markdown\n# Title");
        run("%%latex\n$x^2$");
        assertEquals("<b>x</b>", shown.get(0).get("text/html"));
        assertEquals("# Title", shown.get(1).get("text/markdown"));
        assertEquals("$x^2$", shown.get(2).get("text/latex"));
    }

    @Test
    void loadRunsJshFilesAndNotebookCodeCells() throws Exception {
        Files.writeString(dir.resolve("helpers.jsh"), "int triple(int x) { return 3 * x; }\nint loadedValue = triple(5);\n");
        assertTrue(run("%load helpers.jsh").isOk());
        assertEquals(15, engine.evaluate("loadedValue"));
        String nb = "{\"cells\":[{\"cell_type\":\"markdown\",\"source\":[\"# hi\"]},"
                + "{\"cell_type\":\"code\",\"source\":[\"int fromNotebook = 6;\\n\",\"fromNotebook *= 7;\"]},"
                + "{\"cell_type\":\"code\",\"source\":\"String alsoThere = \\\"yes\\\";\"}],\"nbformat\":4,\"nbformat_minor\":5,\"metadata\":{}}";
        Files.writeString(dir.resolve("other.ipynb"), nb);
        assertTrue(run("%load other.ipynb").isOk());
        assertEquals(42, engine.evaluate("fromNotebook"));
        assertEquals("yes", engine.evaluate("alsoThere"));
        CellResult missing = run("%load nope.java");
        assertEquals("FileNotFound", missing.errorName());
        assertTrue(missing.errorValue().contains("nope.java"));
    }

    @Test
    void varsShowsTypesAndTensorShapes() throws Exception {
        shown.clear();
        engine.execute("Tensor img = Tensor.zeros(2, 5, 5);\nint[] counts = new int[4];", "c", io);
        assertTrue(run("%vars").isOk());
        String text = shown.get(shown.size() - 1).plainText();
        assertTrue(text.contains("img") && text.contains("Tensor") && text.contains("shape [2, 5, 5]"), text);
        assertTrue(text.contains("counts") && text.contains("length 4"), text);
    }

    /** A file-system Maven repository with greeter:1.0 depending on words:1.0; nothing from the network. */
    @Test
    void mavenResolvesAnArtifactAndItsDependencyFromARepository(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        Path local = tmp.resolve("local");
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("demo"));
        Files.writeString(src.resolve("demo/Words.java"), "package demo; public class Words { public static String word() { return \"maven\"; } }");
        Files.writeString(src.resolve("demo/Greeter.java"), "package demo; public class Greeter { public static String greet() { return \"hello \" + Words.word(); } }");
        Path classes = tmp.resolve("classes");
        Files.createDirectories(classes);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.resolve("demo/Words.java").toString(), src.resolve("demo/Greeter.java").toString()));
        publish(repo, "words", classes, "demo/Words.class", "");
        publish(repo, "greeter", classes, "demo/Greeter.class",
                "<dependencies><dependency><groupId>org.example</groupId><artifactId>words</artifactId><version>1.0</version></dependency></dependencies>");
        System.setProperty("glassbox.maven.local", local.toString());
        try {
            CellResult r = run("%maven org.example:greeter:1.0 --repo " + repo.toUri() + " --no-central");
            assertTrue(r.isOk(), r.toString() + "\n" + String.join("\n", r.traceback()));
            assertTrue(printed().contains("greeter-1.0.jar") && printed().contains("words-1.0.jar"), printed());
            CellResult call = engine.execute("demo.Greeter.greet()", "c", io);
            assertEquals("hello maven", call.value());
            CellResult bad = run("%maven org.example:absent:9.9 --repo " + repo.toUri() + " --no-central");
            assertEquals("ResolutionFailed", bad.errorName());
            assertEquals("UsageError", run("%maven not-coordinates").errorName());
        } finally {
            System.clearProperty("glassbox.maven.local");
        }
    }

    private static void publish(Path repo, String artifact, Path classes, String classFile, String deps) throws Exception {
        Path d = repo.resolve("org/example/" + artifact + "/1.0");
        Files.createDirectories(d);
        try (OutputStream f = Files.newOutputStream(d.resolve(artifact + "-1.0.jar")); JarOutputStream jar = new JarOutputStream(f)) {
            jar.putNextEntry(new JarEntry(classFile));
            jar.write(Files.readAllBytes(classes.resolve(classFile)));
            jar.closeEntry();
        }
        Files.writeString(d.resolve(artifact + "-1.0.pom"), "<project><modelVersion>4.0.0</modelVersion><groupId>org.example</groupId>"
                + "<artifactId>" + artifact + "</artifactId><version>1.0</version>" + deps + "</project>");
    }
}

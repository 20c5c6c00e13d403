package glassbox.kernel.grade;

import glassbox.display.MimeBundle;
import glassbox.kernel.exec.CellIO;
import glassbox.kernel.exec.CellResult;
import glassbox.kernel.exec.Engine;
import glassbox.kernel.exec.EngineOptions;
import glassbox.kernel.magic.MagicContext;
import glassbox.kernel.magic.Magics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** %check against a live session, as a student runs it in the assignment's folder. */
class CheckMagicTest {
    static Engine engine;
    static final List<MimeBundle> shown = new ArrayList<>();
    static Magics magics;
    static MagicContext ctx;

    @BeforeAll
    static void start() throws Exception {
        engine = Engine.start(EngineOptions.defaults());
        CheckMagic.register();
        magics = new Magics();
        ctx = new MagicContext() {
            public Engine engine() { return engine; }
            public CellResult runJava(String code, int firstLine) { return engine.execute(code, "cell", CellIO.NULL); }
            public CellResult runCell(String code) {
                try { return magics.run(code, this); } catch (Exception e) { throw new IllegalStateException(e); }
            }
            public void display(MimeBundle bundle) { shown.add(bundle); }
            public Path workingDirectory() { return GraderTest.ASSIGNMENT.resolve("tests"); }   // a folder inside the assignment
        };
        for (String cell : Notebook.codeCells(Notebook.read(GraderTest.ASSIGNMENT.resolve("01-perceptron.ipynb")))) {
            if (cell.contains("%check")) continue;
            CellResult r = ctx.runCell(cell);
            assertTrue(r.isOk(), cell + " -> " + r);
        }
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void checkRunsTheVisibleTestsAgainstTheLiveSession() throws Exception {
        shown.clear();
        CellResult r = magics.run("%check", ctx);
        assertTrue(r.isOk(), r.toString());
        assertEquals(1, shown.size());
        String text = shown.get(0).plainText();
        assertTrue(text.endsWith("5 of 5 visible tests pass: 8 / 8 points (hidden tests are graded later)"), text);
        String html = (String) shown.get(0).get("text/html");
        assertEquals(5, html.split("&#10004; pass").length - 1, html);
        assertFalse(html.contains("PerceptronHiddenTest"), "hidden tests are not run by %check");
    }

    @Test
    void checkOneQuestionShowsTheFailureMessageOfTheLiveDefinition() throws Exception {
        assertTrue(engine.execute("int predict(float[] w, float[] x) { float s = w[x.length]; for (int i = 0; i < x.length; i++) s += w[i] * x[i]; return s >= 0 ? 1 : 0; }",
                "cell", CellIO.NULL).isOk());
        try {
            shown.clear();
            CellResult r = magics.run("%check q1", ctx);
            assertTrue(r.isOk(), r.toString());
            String text = shown.get(0).plainText();
            assertTrue(text.startsWith("FAIL PerceptronTest > q1: predict adds the bias and uses a strict >"), text);
            assertTrue(text.contains("(use > 0, not >= 0): expected 0, got 1"), text);
            assertTrue(text.endsWith("0 of 1 visible tests pass: 0 / 1 points (hidden tests are graded later)"), text);
        } finally {
            engine.execute("int predict(float[] w, float[] x) { float s = w[x.length]; for (int i = 0; i < x.length; i++) s += w[i] * x[i]; return s > 0 ? 1 : 0; }",
                    "cell", CellIO.NULL);
        }
    }

    @Test
    void checkOutsideAnAssignmentSaysWhy() throws Exception {
        MagicContext elsewhere = new MagicContext() {
            public Engine engine() { return engine; }
            public CellResult runJava(String code, int firstLine) { return ctx.runJava(code, firstLine); }
            public CellResult runCell(String code) { return ctx.runCell(code); }
            public void display(MimeBundle bundle) { shown.add(bundle); }
            public Path workingDirectory() { return Path.of("/"); }
        };
        CellResult r = magics.run("%check", elsewhere);
        assertFalse(r.isOk());
        assertTrue(r.errorValue().startsWith("no assignment here"), r.errorValue());
    }
}

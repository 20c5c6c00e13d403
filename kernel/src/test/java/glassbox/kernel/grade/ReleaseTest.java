package glassbox.kernel.grade;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ReleaseTest {

    @Test
    void methodBodyBecomesAThrowNamingTheMethod() {
        String src = "int predict(float[] w, float[] x) {\n    // BEGIN SOLUTION\n    float s = 0;\n    return s > 0 ? 1 : 0;\n    // END SOLUTION\n}";
        String out = Release.stubCell(src, "q1");
        assertEquals("int predict(float[] w, float[] x) {\n    // YOUR CODE HERE\n"
                + "    throw new UnsupportedOperationException(\"not implemented yet: predict\");\n}", out);
    }

    @Test
    void codeAfterTheRegionStillCompiles() {
        String src = "float f(float x) {\n    // BEGIN SOLUTION\n    float y = x * 2;\n    // END SOLUTION\n    return y + 1;\n}";
        String out = Release.stubCell(src, "q1");
        assertTrue(out.contains("    float y = 0f;\n"), out);
        assertTrue(out.contains("    if (true) throw new UnsupportedOperationException(\"not implemented yet: f\");\n    return y + 1;"), out);
    }

    @Test
    void topLevelDeclarationsKeepADefaultAndStubLinesWin() {
        String top = "// BEGIN SOLUTION\nTensor W1 = Tensor.of(1f);\nint[] ys = {1, 2};\n// END SOLUTION\nW1";
        assertEquals("// YOUR CODE HERE\nTensor W1 = null;\nint[] ys = null;\nW1", Release.stubCell(top, "q5"));
        String explicit = "// BEGIN SOLUTION\nfloat lr = 0.1f;\n// STUB: float lr = 0; // pick a learning rate\n// END SOLUTION";
        assertEquals("float lr = 0; // pick a learning rate", Release.stubCell(explicit, "q6"));
        String hidden = "int a = 1;\n// BEGIN HIDDEN TESTS\nassert a == 1;\n// END HIDDEN TESTS\nint b = 2;";
        assertEquals("int a = 1;\nint b = 2;", Release.stubCell(hidden, "t"));
    }

    @Test
    void releaseOfTheAssignmentHasNoSolutionsOutputsOrHiddenTests() throws Exception {
        Path out = Files.createTempDirectory("glassbox-release-test");
        try {
            Assignment a = Assignment.open(GraderTest.ASSIGNMENT);
            Path nb = Release.release(a, out.resolve(a.name()));
            String text = Files.readString(nb);
            assertFalse(text.contains("BEGIN SOLUTION"), text);
            assertFalse(text.contains("s > 0 ? 1 : 0"), "the solution of predict leaked");
            assertTrue(text.contains("not implemented yet: perceptronStep"), text);
            JsonObject j = Notebook.read(nb);
            for (JsonElement c : j.getAsJsonArray("cells")) {
                JsonObject cell = c.getAsJsonObject();
                if (cell.get("cell_type").getAsString().equals("code")) {
                    assertEquals(0, cell.getAsJsonArray("outputs").size());
                    assertTrue(cell.get("execution_count").isJsonNull());
                    assertNotNull(Notebook.nbgrader(cell), "nbgrader metadata is kept");
                }
            }
            assertTrue(Files.exists(out.resolve("01-perceptron/tests/visible/PerceptronTest.java")));
            assertFalse(Files.exists(out.resolve("01-perceptron/tests/hidden")));
            assertEquals("01-perceptron", j.getAsJsonObject("metadata").getAsJsonObject("glassbox").get("assignment").getAsString());
        } finally {
            Assignment.deleteTree(out);
        }
    }
}

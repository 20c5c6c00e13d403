package glassbox.kernel.exec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** is_complete from the text alone: what the kernel answers before the session is ready. */
class SyntaxTest {
    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "complete   | int x = 1;",
            "complete   | int x = 1",
            "complete   | 1 + 1",
            "complete   | `System.out.println(\"a)\")`",
            "complete   | `class A {\n  void f() { }\n}`",
            "complete   | `for (int i = 0; i < 3; i++) {\n  x += i;\n}`",
            "complete   | `import java.util.*;`",
            "complete   | `int y = 0; // a comment with an open { brace`",
            "complete   | i++",
            "incomplete | `for (int i = 0; i < 3; i++) {`",
            "incomplete | `void f() {\n  int a = 1;`",
            "incomplete | `Math.max(1,`",
            "incomplete | `int z = 1 +`",
            "incomplete | `/* an open comment`",
            "incomplete | `String s = \"\"\"\n  a text block`",
            "incomplete | `list.stream().map(x ->`",
            "complete   | int 3x = 4;",   // it runs, and javac reports the error
            "invalid    | `String s = \"abc`",
            "invalid    | `int a = 1; )`",
            "invalid    | `char c = 'x;`",
    })
    void classify(String expected, String code) {
        assertEquals(expected, Syntax.classify(code.replace("\\n", "\n")), code);
    }
}

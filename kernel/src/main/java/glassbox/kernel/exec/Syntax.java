package glassbox.kernel.exec;

import com.sun.source.util.JavacTask;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.net.URI;
import java.util.List;

/**
 * A syntax-only check for is_complete: JShell calls "int 3x = 4;" complete (it ends with a semicolon),
 * but it can never run. Code is "valid" if it parses as class members, as statements, or as an expression.
 */
final class Syntax {
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    private Syntax() { }

    static boolean parses(String code) {
        if (JAVAC == null) return true;
        if (code.strip().startsWith("import ")) return parsesAs(code + "\nclass $Cell { }");
        return parsesAs("class $Cell {\n" + code + "\n}")
                || parsesAs("class $Cell { void $run() throws Throwable {\n" + code + "\n} }")
                || parsesAs("class $Cell { Object $value = (\n" + code + "\n); }");
    }

    private static boolean parsesAs(String source) {
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///$Cell.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        try {
            JavacTask task = (JavacTask) JAVAC.getTask(null, null, diags, List.of("-proc:none", "-Xlint:none"), null, List.of(file));
            task.parse();
        } catch (Exception e) {
            return true;
        }
        return diags.getDiagnostics().stream().noneMatch(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR);
    }
}

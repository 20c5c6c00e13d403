package glassbox.kernel.grade;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An assignment folder: {@code NN-name/NN-name.ipynb} (the notebook), {@code tests/visible/*.java} (tests the
 * students get, run by {@code %check}) and {@code tests/hidden/*.java} (tests only the grader has; absent in
 * a student release). See notebooks/assignments/README.md.
 */
public final class Assignment {
    private final Path dir;
    private final Path notebook;

    private Assignment(Path dir, Path notebook) {
        this.dir = dir;
        this.notebook = notebook;
    }

    /** Opens the assignment in {@code dir}; says what is missing if it is not one. */
    public static Assignment open(Path dir) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no assignment folder at " + dir.toAbsolutePath());
        Path named = dir.resolve(dir.getFileName() + ".ipynb");
        Path nb = named;
        if (!Files.isRegularFile(named)) {
            try (Stream<Path> s = Files.list(dir)) {
                List<Path> all = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
                if (all.size() != 1) {
                    throw new IllegalArgumentException("the assignment folder " + dir.toAbsolutePath() + " should hold its notebook "
                            + named.getFileName() + (all.isEmpty() ? "; it has no .ipynb file" : "; it has " + all.size() + " notebooks"));
                }
                nb = all.get(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!Files.isDirectory(dir.resolve("tests/visible"))) {
            throw new IllegalArgumentException("the assignment folder " + dir.toAbsolutePath() + " has no tests/visible/ folder of JUnit tests");
        }
        return new Assignment(dir, nb);
    }

    /** Finds the assignment a notebook in {@code start} belongs to: {@code start} or a parent with tests/visible. */
    public static Assignment find(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("tests/visible"))) return open(p);
        }
        throw new IllegalArgumentException("no assignment here: neither " + start.toAbsolutePath()
                + " nor a folder above it has tests/visible/. Open the notebook from its assignment folder.");
    }

    public Path dir() { return dir; }
    public Path notebook() { return notebook; }
    public String name() { return dir.toAbsolutePath().normalize().getFileName().toString(); }

    public List<Path> visibleSources() { return sources("tests/visible"); }
    public List<Path> hiddenSources() { return sources("tests/hidden"); }

    private List<Path> sources(String sub) {
        Path d = dir.resolve(sub);
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.walk(d)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiled test classes: class file bytes by binary name, and which top-level classes are visible or hidden. */
    public record CompiledTests(Map<String, byte[]> classes, List<String> visible, List<String> hidden) {
        public List<String> all() {
            List<String> a = new ArrayList<>(visible);
            a.addAll(hidden);
            return a;
        }
    }

    /** Compiles the visible tests, and the hidden ones too if {@code withHidden}, against the kernel's class path. */
    public CompiledTests compile(boolean withHidden) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("glassbox-tests");
            Map<String, byte[]> classes = new LinkedHashMap<>();
            Path v = tmp.resolve("visible");
            List<String> visible = javac(visibleSources(), v, System.getProperty("java.class.path"), classes);
            List<String> hidden = List.of();
            if (withHidden && !hiddenSources().isEmpty()) {
                hidden = javac(hiddenSources(), tmp.resolve("hidden"),
                        System.getProperty("java.class.path") + File.pathSeparator + v, classes);
            }
            return new CompiledTests(classes, visible, hidden);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) deleteTree(tmp);
        }
    }

    private static List<String> javac(List<Path> sources, Path out, String classpath, Map<String, byte[]> classes) throws IOException {
        Files.createDirectories(out);
        if (sources.isEmpty()) return List.of();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new IllegalStateException("the grader needs a JDK (javax.tools compiler), not a JRE");
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            List<String> opts = List.of("-d", out.toString(), "-cp", classpath, "-proc:none", "-g",
                    "--add-modules", "jdk.incubator.vector", "-Xlint:-options", "-nowarn");
            boolean ok = javac.getTask(null, fm, diags, opts, null,
                    fm.getJavaFileObjectsFromPaths(sources)).call();
            if (!ok) {
                String msg = diags.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ENGLISH))
                        .collect(Collectors.joining("\n"));
                throw new IllegalStateException("the assignment's tests do not compile:\n" + msg);
            }
        }
        List<String> topLevel = new ArrayList<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = out.relativize(p).toString().replace(File.separatorChar, '.');
                name = name.substring(0, name.length() - ".class".length());
                classes.put(name, Files.readAllBytes(p));
                if (!name.contains("$")) topLevel.add(name);
            }
        }
        return topLevel;
    }

    static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Loads compiled test classes from memory, on top of the kernel's own classes. */
    public static final class TestLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        public TestLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super("glassbox-tests", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) throw new ClassNotFoundException(name);
            return defineClass(name, b, 0, b.length);
        }
    }
}

package glassbox.kernel.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The submissions to grade: one notebook file, or a folder holding {@code student.ipynb} files and/or one
 * sub-folder per student (whose notebook is the one named like the assignment, else its only .ipynb).
 */
public final class Submissions {
    private Submissions() { }

    /** A student's name (file or folder name) and notebook. */
    public record Entry(String student, Path notebook) { }

    public static List<Entry> list(Path path, String assignmentName) {
        if (Files.isRegularFile(path)) return List.of(new Entry(stem(path), path));
        if (!Files.isDirectory(path)) throw new IllegalArgumentException("no notebook or folder at " + path.toAbsolutePath());
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(path)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p) && p.toString().endsWith(".ipynb")) {
                    out.add(new Entry(stem(p), p));
                } else if (Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")) {
                    Path named = p.resolve(assignmentName + ".ipynb");
                    if (Files.isRegularFile(named)) { out.add(new Entry(p.getFileName().toString(), named)); continue; }
                    try (Stream<Path> in = Files.list(p)) {
                        List<Path> nbs = in.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
                        if (!nbs.isEmpty()) out.add(new Entry(p.getFileName().toString(), nbs.get(0)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no notebooks (.ipynb) in " + path.toAbsolutePath());
        return out;
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".ipynb") ? n.substring(0, n.length() - 6) : n;
    }
}

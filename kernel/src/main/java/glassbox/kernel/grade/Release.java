package glassbox.kernel.grade;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the student version of an assignment: every {@code // BEGIN SOLUTION ... // END SOLUTION} region
 * becomes a stub that compiles and says what to do, {@code // BEGIN HIDDEN TESTS ... // END HIDDEN TESTS}
 * regions are removed, outputs and execution counts are cleared, and only {@code tests/visible} is copied.
 *
 * <p>The stub of a region: lines inside it that start with {@code // STUB:} (if any) become the student's
 * code. Otherwise variable declarations in the region are kept with a default value
 * ({@code float[] w = null; // YOUR CODE HERE}) and, inside a method, a
 * {@code throw new UnsupportedOperationException("not implemented yet: perceptronStep")} follows
 * (written {@code if (true) throw ...} when code follows the region in that method, so it still compiles).
 */
public final class Release {
    private static final Pattern BEGIN = Pattern.compile("^\\s*//\\s*BEGIN SOLUTION\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*//\\s*END SOLUTION\\s*$");
    private static final Pattern BEGIN_HIDDEN = Pattern.compile("^\\s*//\\s*BEGIN HIDDEN TESTS\\s*$");
    private static final Pattern END_HIDDEN = Pattern.compile("^\\s*//\\s*END HIDDEN TESTS\\s*$");
    private static final Pattern STUB = Pattern.compile("^(\\s*)//\\s*STUB:\\s?(.*)$");
    private static final Pattern DECL = Pattern.compile(
            "^(\\s*)((?:final\\s+)?(?:[A-Za-z_][\\w.]*(?:<[^=;]*>)?(?:\\[\\])*))\\s+([A-Za-z_]\\w*)\\s*=.*;\\s*$");
    private static final Pattern METHOD = Pattern.compile("([A-Za-z_]\\w*)\\s*\\([^()]*\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\{\\s*$");

    private Release() { }

    /** Writes the student release of {@code assignment} into {@code out} (created; files in it are replaced). */
    public static Path release(Assignment assignment, Path out) throws IOException, Notebook.Invalid {
        Files.createDirectories(out);
        JsonObject nb = Notebook.read(assignment.notebook());
        for (JsonElement e : nb.getAsJsonArray("cells")) {
            JsonObject cell = e.getAsJsonObject();
            if ("code".equals(Notebook.str(cell, "cell_type"))) {
                String label = gradeId(cell);
                Notebook.setSource(cell, stubCell(Notebook.source(cell), label));
                cell.add("outputs", new JsonArray());
                cell.add("execution_count", JsonNull.INSTANCE);
            } else if (Notebook.source(cell).contains("BEGIN SOLUTION")) {
                Notebook.setSource(cell, stubMarkdown(Notebook.source(cell)));
            }
        }
        JsonObject meta = nb.has("metadata") ? nb.getAsJsonObject("metadata") : new JsonObject();
        JsonObject gb = new JsonObject();
        gb.addProperty("assignment", assignment.name());
        meta.add("glassbox", gb);
        nb.add("metadata", meta);
        Path target = out.resolve(assignment.notebook().getFileName());
        Notebook.write(nb, target);
        Path visible = out.resolve("tests/visible");
        Files.createDirectories(visible);
        for (Path src : assignment.visibleSources()) {
            Path rel = assignment.dir().resolve("tests/visible").relativize(src);
            Files.createDirectories(visible.resolve(rel).getParent());
            Files.copy(src, visible.resolve(rel), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static String gradeId(JsonObject cell) {
        JsonObject n = Notebook.nbgrader(cell);
        return n != null && n.has("grade_id") ? n.get("grade_id").getAsString() : "this cell";
    }

    /** The student's version of one code cell's source. */
    public static String stubCell(String source, String label) {
        String[] lines = source.split("\n", -1);
        List<String> out = new ArrayList<>();
        int depth = 0;
        String method = null;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (BEGIN_HIDDEN.matcher(l).matches()) {
                while (i < lines.length && !END_HIDDEN.matcher(lines[i]).matches()) i++;
                continue;
            }
            if (BEGIN.matcher(l).matches()) {
                int end = i + 1;
                while (end < lines.length && !END.matcher(lines[end]).matches()) end++;
                if (end >= lines.length) throw new IllegalArgumentException(label + ": // BEGIN SOLUTION without // END SOLUTION");
                String indent = l.substring(0, l.indexOf("//"));
                out.addAll(stub(lines, i + 1, end, indent, depth, method == null ? label : method,
                        codeFollowsInBlock(lines, end + 1)));
                i = end;
                continue;
            }
            out.add(l);
            Matcher m = METHOD.matcher(stripComment(l));
            if (m.find() && !isKeyword(m.group(1))) method = m.group(1);
            depth += braces(l);
            if (depth <= 0) { depth = 0; method = null; }
        }
        return String.join("\n", out);
    }

    private static List<String> stub(String[] lines, int from, int to, String indent, int depth, String what, boolean codeFollows) {
        List<String> out = new ArrayList<>();
        List<String> explicit = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Matcher s = STUB.matcher(lines[i]);
            if (s.matches()) explicit.add(s.group(1) + s.group(2));
        }
        if (!explicit.isEmpty()) return explicit;
        out.add(indent + "// YOUR CODE HERE");
        boolean keepDeclarations = depth == 0 || codeFollows;   // locals of a method that only throws are noise
        for (int i = from; i < to && keepDeclarations; i++) {
            Matcher d = DECL.matcher(lines[i]);
            if (d.matches() && braceDepthWithin(lines, from, i) == 0 && !isKeyword(d.group(2).split("\\s+")[0])) {
                String type = d.group(2).replaceFirst("^final\\s+", "");
                if (type.equals("var")) continue;
                out.add(d.group(1) + type + " " + d.group(3) + " = " + defaultValue(type) + ";");
            }
        }
        if (depth > 0) {
            String thr = "throw new UnsupportedOperationException(\"not implemented yet: " + what + "\");";
            out.add(indent + (codeFollows ? "if (true) " : "") + thr);
        }
        return out;
    }

    private static int braceDepthWithin(String[] lines, int from, int to) {
        int d = 0;
        for (int i = from; i < to; i++) d += braces(lines[i]);
        return d;
    }

    /** True when a statement (not just closing braces, comments or blank lines) follows before the block closes. */
    private static boolean codeFollowsInBlock(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            String t = stripComment(lines[i]).strip();
            if (t.isEmpty()) continue;
            return !t.startsWith("}");
        }
        return false;
    }

    private static String stubMarkdown(String source) {
        return source.replaceAll("(?s)BEGIN SOLUTION.*?END SOLUTION", "YOUR ANSWER HERE");
    }

    private static boolean isKeyword(String w) {
        return switch (w) {
            case "if", "for", "while", "switch", "catch", "synchronized", "return", "new", "else", "try", "do" -> true;
            default -> false;
        };
    }

    static String defaultValue(String type) {
        return switch (type) {
            case "int", "long", "short", "byte" -> "0";
            case "float" -> "0f";
            case "double" -> "0.0";
            case "boolean" -> "false";
            case "char" -> "'\\0'";
            default -> "null";
        };
    }

    private static String stripComment(String l) {
        int c = l.indexOf("//");
        return c < 0 ? l : l.substring(0, c);
    }

    /** Net braces of a line, ignoring those in strings, chars and // comments. */
    static int braces(String l) {
        int d = 0;
        boolean str = false, chr = false;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (!str && !chr && c == '/' && i + 1 < l.length() && l.charAt(i + 1) == '/') break;
            if (c == '\\') { i++; continue; }
            if (c == '"' && !chr) str = !str;
            else if (c == '\'' && !str) chr = !chr;
            else if (!str && !chr) {
                if (c == '{') d++;
                else if (c == '}') d--;
            }
        }
        return d;
    }
}

package glassbox.kernel.grade;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes grading results: per student a Gradescope {@code results.json} and a JUnit XML report, and for
 * the class a CSV (student, score, max, one column per test, error).
 */
public final class Reports {
    private Reports() { }

    /** Gradescope's results.json: score, max_score, tests[{name, score, max_score, output, visibility}]. */
    public static JsonObject gradescope(Grader.Result r) {
        JsonObject o = new JsonObject();
        o.addProperty("score", r.score());
        o.addProperty("max_score", r.maxScore());
        o.addProperty("execution_time", Math.round(r.seconds() * 1000) / 1000.0);
        StringBuilder out = new StringBuilder();
        if (r.error() != null) out.append("Not graded: ").append(r.error()).append('\n');
        if (r.log() != null && !r.log().isBlank()) out.append("Notebook output:\n").append(r.log());
        o.addProperty("output", out.toString());
        o.addProperty("stdout_visibility", "visible");
        JsonArray ts = new JsonArray();
        for (TestOutcome t : r.tests()) {
            JsonObject j = new JsonObject();
            j.addProperty("name", t.name());
            j.addProperty("score", t.score());
            j.addProperty("max_score", t.maxScore());
            j.addProperty("status", t.passed() ? "passed" : "failed");
            String text = t.message() == null ? "" : t.message();
            if (t.output() != null && !t.output().isEmpty()) text += (text.isEmpty() ? "" : "\n") + "Printed:\n" + t.output();
            j.addProperty("output", text);
            j.addProperty("visibility", t.hidden() ? "after_published" : "visible");
            ts.add(j);
        }
        o.add("tests", ts);
        return o;
    }

    /** A JUnit XML report (one testsuite, a testcase per test, failures with their messages). */
    public static String junitXml(Grader.Result r, String suite) {
        long failures = r.tests().stream().filter(t -> !t.passed()).count();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\" time=\"%.3f\">%n",
                esc(suite + "." + r.student()), r.tests().size(), failures, r.seconds()));
        x.append("  <properties><property name=\"score\" value=\"").append(num(r.score()))
                .append("\"/><property name=\"max_score\" value=\"").append(num(r.maxScore())).append("\"/></properties>\n");
        for (TestOutcome t : r.tests()) {
            x.append("  <testcase classname=\"").append(esc(t.className())).append("\" name=\"").append(esc(t.method()))
                    .append("\" time=\"0\">");
            if (!t.passed()) {
                x.append("\n    <failure message=\"").append(esc(firstLine(t.message()))).append("\">")
                        .append(esc(t.message())).append("</failure>\n  ");
            }
            if (t.output() != null && !t.output().isEmpty()) x.append("<system-out>").append(esc(t.output())).append("</system-out>");
            x.append("</testcase>\n");
        }
        if (r.error() != null) x.append("  <system-err>").append(esc(r.error())).append("</system-err>\n");
        x.append("</testsuite>\n");
        return x.toString();
    }

    /** The class's CSV: student, score, max_score, one column per test (points earned), error. */
    public static String csv(List<Grader.Result> results, List<TestOutcome> catalog) {
        StringBuilder s = new StringBuilder("student,score,max_score");
        for (TestOutcome t : catalog) s.append(',').append(csvCell(t.className() + "." + t.method()));
        s.append(",error\n");
        for (Grader.Result r : results) {
            s.append(csvCell(r.student())).append(',').append(num(r.score())).append(',').append(num(r.maxScore()));
            for (TestOutcome c : catalog) {
                double got = r.tests().stream().filter(t -> t.className().equals(c.className()) && t.method().equals(c.method()))
                        .mapToDouble(TestOutcome::score).sum();
                s.append(',').append(num(got));
            }
            s.append(',').append(csvCell(r.error() == null ? "" : r.error())).append('\n');
        }
        return s.toString();
    }

    /** Writes results.json and junit.xml into {@code dir}. */
    public static void write(Grader.Result r, Path dir, String suite) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.json"),
                new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(gradescope(r)) + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("junit.xml"), junitXml(r, suite), StandardCharsets.UTF_8);
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String csvCell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) return "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') b.append(' ');
                    else if (c == 0x1b) b.append(' ');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}

package glassbox.kernel.magic;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import glassbox.display.MimeBundle;
import glassbox.kernel.exec.CellResult;
import glassbox.kernel.exec.Engine;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The built-in magics: %lsmagic, %time / %%time, %load, %classpath, %maven, %vars, %%html,
 * %%markdown, %%latex, and the %check hook (filled in by the grader).
 */
final class BuiltinMagics {
    private BuiltinMagics() { }

    static void install(Magics m) {
        m.addLine("lsmagic", (args, ctx) -> {
            System.out.println("Line magics: " + String.join("  ", m.lineNames().stream().map(n -> "%" + n).toList()));
            System.out.println("Cell magics: " + String.join("  ", m.cellNames().stream().map(n -> "%%" + n).toList()));
            return CellResult.ok();
        });
        m.addLine("time", (args, ctx) -> timed(() -> ctx.runJava(args, 1)));
        m.addCell("time", (args, body, ctx) -> timed(() -> m.run(body, shifted(ctx))));
        m.addCell("html", (args, body, ctx) -> show(ctx, MimeBundle.of("text/html", body).put("text/plain", body)));
        m.addCell("markdown", (args, body, ctx) -> show(ctx, MimeBundle.of("text/markdown", body).put("text/plain", body)));
        m.addCell("latex", (args, body, ctx) -> show(ctx, MimeBundle.of("text/latex", body).put("text/plain", body)));
        m.addLine("load", BuiltinMagics::load);
        m.addLine("classpath", BuiltinMagics::classpath);
        m.addLine("vars", BuiltinMagics::vars);
        m.addLine("maven", MavenMagic::run);
        m.addLine("check", (args, ctx) -> CellResult.error("CheckUnavailable", "%check is not available in this kernel",
                List.of("\u001b[1;31mCheckUnavailable\u001b[0m: %check runs an assignment's tests; the grader is not installed in this kernel.")));
    }

    /** A context whose Java runs start one line lower (a %%magic cell's body starts on line 2). */
    private static MagicContext shifted(MagicContext ctx) {
        return new MagicContext() {
            public Engine engine() { return ctx.engine(); }
            public CellResult runJava(String code, int firstLine) { return ctx.runJava(code, firstLine + 1); }
            public CellResult runCell(String code) { return ctx.runCell(code); }
            public void display(MimeBundle bundle) { ctx.display(bundle); }
            public Path workingDirectory() { return ctx.workingDirectory(); }
        };
    }

    interface Body { CellResult run() throws Exception; }

    static CellResult timed(Body body) throws Exception {
        long cpu0 = cpuTime(), t0 = System.nanoTime();
        CellResult r = body.run();
        long wall = System.nanoTime() - t0, cpu = cpuTime() - cpu0;
        System.out.println("CPU time: " + format(cpu) + ", wall time: " + format(wall));
        return r;
    }

    private static long cpuTime() {
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : 0;
    }

    static String format(long nanos) {
        if (nanos < 1_000_000) return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
        if (nanos < 1_000_000_000) return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static CellResult show(MagicContext ctx, MimeBundle b) {
        ctx.display(b);
        return CellResult.ok();
    }

    static Path resolve(MagicContext ctx, String path) {
        String p = path.strip();
        if ((p.startsWith("\"") && p.endsWith("\"")) || (p.startsWith("'") && p.endsWith("'"))) p = p.substring(1, p.length() - 1);
        if (p.startsWith("~/")) p = System.getProperty("user.home") + p.substring(1);
        Path q = Path.of(p);
        return q.isAbsolute() ? q : ctx.workingDirectory().resolve(q).normalize();
    }

    /** %load file.java | file.jsh | notebook.ipynb: runs the file's code (a notebook's code cells, in order). */
    static CellResult load(String args, MagicContext ctx) throws Exception {
        if (args.isBlank()) return usage("%load <file.java | file.jsh | notebook.ipynb>");
        Path file = resolve(ctx, args);
        if (!Files.isRegularFile(file)) {
            return CellResult.error("FileNotFound", "No such file: " + file,
                    List.of("\u001b[1;31mFileNotFound\u001b[0m: %load found no file at " + file));
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (file.toString().endsWith(".ipynb")) {
            JsonObject nb = JsonParser.parseString(text).getAsJsonObject();
            JsonArray cells = nb.has("cells") ? nb.getAsJsonArray("cells") : new JsonArray();
            CellResult last = CellResult.ok();
            for (JsonElement c : cells) {
                JsonObject cell = c.getAsJsonObject();
                if (!"code".equals(cell.get("cell_type").getAsString())) continue;
                String src = source(cell.get("source"));
                if (src.isBlank()) continue;
                last = ctx.runCell(src);
                if (!last.isOk()) return last;
            }
            return CellResult.ok();
        }
        CellResult r = ctx.runCell(text);
        return r.isOk() ? CellResult.ok() : r;
    }

    static String source(JsonElement src) {
        if (src == null || src.isJsonNull()) return "";
        if (src.isJsonPrimitive()) return src.getAsString();
        StringBuilder sb = new StringBuilder();
        for (JsonElement e : src.getAsJsonArray()) sb.append(e.getAsString());
        return sb.toString();
    }

    /** %classpath: shows the class path; %classpath a.jar lib/* dir: adds jars and directories. */
    static CellResult classpath(String args, MagicContext ctx) {
        if (args.isBlank()) {
            for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) System.out.println(e);
            for (String e : added) System.out.println(e);
            return CellResult.ok();
        }
        List<String> paths = new ArrayList<>();
        for (String a : args.split("\\s+|" + File.pathSeparator)) {
            if (a.isBlank()) continue;
            if (a.endsWith("/*") || a.equals("*")) {
                Path dir = resolve(ctx, a.substring(0, a.length() - 1));
                File[] jars = dir.toFile().listFiles((d, n) -> n.endsWith(".jar"));
                if (jars == null) return missing(dir);
                Arrays.sort(jars);
                for (File j : jars) paths.add(j.getAbsolutePath());
            } else {
                Path p = resolve(ctx, a);
                if (!Files.exists(p)) return missing(p);
                paths.add(p.toString());
            }
        }
        for (String p : paths) {
            ctx.engine().addToClasspath(p);
            added.add(p);
            System.out.println("Added " + p);
        }
        return CellResult.ok();
    }

    private static final List<String> added = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static CellResult missing(Path p) {
        return CellResult.error("FileNotFound", "No such file or directory: " + p,
                List.of("\u001b[1;31mFileNotFound\u001b[0m: %classpath found nothing at " + p));
    }

    static CellResult usage(String usage) {
        return CellResult.error("UsageError", "usage: " + usage, List.of("\u001b[1;31mUsageError\u001b[0m: usage: " + usage));
    }

    /** %vars: the session's variables with type, and shape for tensors. */
    static CellResult vars(String args, MagicContext ctx) {
        List<Engine.Variable> vars = ctx.engine().variables();
        if (vars.isEmpty()) {
            System.out.println("No variables defined yet.");
            return CellResult.ok();
        }
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<table><thead><tr><th>Name</th><th>Type</th><th>Shape / value</th></tr></thead><tbody>");
        int w = Math.max(4, vars.stream().mapToInt(v -> v.name().length()).max().orElse(4));
        int tw = Math.max(4, vars.stream().mapToInt(v -> v.type().length()).max().orElse(4));
        text.append(pad("Name", w)).append("  ").append(pad("Type", tw)).append("  Shape / value\n");
        for (Engine.Variable v : vars) {
            String info = summary(ctx.engine(), v);
            text.append(pad(v.name(), w)).append("  ").append(pad(v.type(), tw)).append("  ").append(info).append('\n');
            html.append("<tr><td><code>").append(esc(v.name())).append("</code></td><td>").append(esc(v.type()))
                .append("</td><td>").append(esc(info)).append("</td></tr>");
        }
        html.append("</tbody></table>");
        ctx.display(MimeBundle.of("text/html", html.toString()).put("text/plain", text.toString()));
        return CellResult.ok();
    }

    private static String summary(Engine engine, Engine.Variable v) {
        try {
            Object value = engine.evaluate(v.name());
            if (value instanceof glassbox.tensor.Tensor t) return "shape " + Arrays.toString(t.shape());
            if (value == null) return "null";
            if (value.getClass().isArray()) {
                int n = java.lang.reflect.Array.getLength(value);
                return "length " + n;
            }
            if (value instanceof java.util.Collection<?> c) return "size " + c.size();
            if (value instanceof java.util.Map<?, ?> mp) return "size " + mp.size();
            String s = String.valueOf(value);
            return s.length() > 60 ? s.substring(0, 57) + "..." : s;
        } catch (RuntimeException | Error e) {
            return "";
        }
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

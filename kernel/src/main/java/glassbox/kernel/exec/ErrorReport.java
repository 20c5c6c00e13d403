package glassbox.kernel.exec;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns compile diagnostics and runtime exceptions into reports a student can read: the cell line and
 * column with the code underlined, the exception message first, then the student's own frames mapped
 * to cell lines, then the library frames; JShell's and the kernel's frames are left out.
 */
final class ErrorReport {
    /** Where a snippet came from: its cell and the offset of its first character in the cell. */
    record Origin(CellSource cell, int offset) { }

    private final Function<String, Origin> originOfSnippet;

    ErrorReport(Function<String, Origin> originOfSnippet) {
        this.originOfSnippet = originOfSnippet;
    }

    /** Lines reporting one compile diagnostic of a snippet at {@code snippetOffset} in {@code cell}. */
    static List<String> compileError(Diag d, CellSource cell, int snippetOffset) {
        List<String> out = new ArrayList<>();
        int start = (int) Math.max(0, d.getStartPosition());
        int pos = d.getPosition() >= 0 ? (int) d.getPosition() : start;
        int end = (int) Math.max(d.getEndPosition(), pos + 1);
        int line = cell.lineOf(snippetOffset + pos);
        int col = cell.columnOf(snippetOffset + pos);
        String[] msg = d.getMessage(Locale.ENGLISH).split("\n");
        out.add(Ansi.red(d.isError() ? "error" : "warning") + Ansi.bold(": " + msg[0]));
        for (int i = 1; i < msg.length; i++) out.add("  " + msg[i].strip());
        out.add("  " + Ansi.cyan("--> " + cell.label() + ", line " + line + ", column " + col));
        String text = cell.line(line);
        String gutter = String.valueOf(line);
        out.add("  " + " ".repeat(gutter.length()) + " |");
        out.add("  " + gutter + " | " + text);
        int lineStart = snippetOffset + pos - (col - 1);
        int underlineFrom = Math.max(0, snippetOffset + start - lineStart);
        int underlineTo = Math.min(text.length(), snippetOffset + end - lineStart);
        if (underlineFrom > col - 1) underlineFrom = col - 1;
        int width = Math.max(1, underlineTo - underlineFrom);
        out.add("  " + " ".repeat(gutter.length()) + " | " + " ".repeat(underlineFrom) + Ansi.red("^" + "~".repeat(width - 1)));
        return out;
    }

    /** The report of an exception a cell threw. */
    List<String> runtimeError(JShellException e) {
        List<String> out = new ArrayList<>();
        describe(e, out, false);
        return out;
    }

    /** The exception's class name as the user knows it. */
    static String className(JShellException e) {
        if (e instanceof EvalException ee) return ee.getExceptionClassName();
        if (e instanceof UnresolvedReferenceException) return "UnresolvedReference";
        return e.getClass().getName();
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }

    static String message(JShellException e) {
        if (e instanceof UnresolvedReferenceException ure) {
            return "this code uses " + ure.getSnippet() + " which cannot run yet: it refers to something not defined";
        }
        return e.getMessage();
    }

    private void describe(Throwable e, List<String> out, boolean cause) {
        String name = e instanceof JShellException je ? className(je) : e.getClass().getName();
        String msg = e instanceof JShellException je ? message(je) : e.getMessage();
        out.add((cause ? Ansi.bold("Caused by: ") : "") + Ansi.red(simpleName(name))
                + (msg == null ? "" : Ansi.bold(": " + msg)));
        StackTraceElement[] frames = e.getStackTrace();
        int lastUser = -1;
        for (int i = 0; i < frames.length; i++) if (isUserFrame(frames[i])) lastUser = i;
        // The student's own lines first.
        boolean any = false;
        for (int i = 0; i <= lastUser; i++) {
            StackTraceElement f = frames[i];
            if (!isUserFrame(f)) continue;
            Origin o = originOfSnippet.apply(snippetId(f));
            if (o == null) continue;
            int line = o.cell().lineOf(o.offset()) + Math.max(0, f.getLineNumber() - 1);
            String where = userMethod(f);
            if (!any) out.add(Ansi.bold("In your code:"));
            any = true;
            out.add("  " + Ansi.cyan(o.cell().label() + ", line " + line) + (where.isEmpty() ? "" : " in " + Ansi.bold(where)) + ":");
            out.add("      " + Ansi.yellow(o.cell().line(line).strip()));
        }
        // Then the library / JDK frames that led there, trimmed of JShell and kernel frames.
        int limit = lastUser >= 0 ? lastUser : frames.length - 1;
        List<String> trace = new ArrayList<>();
        int repeated = 0;
        for (int i = 0; i <= limit && i < frames.length; i++) {
            StackTraceElement f = frames[i];
            if (isInternal(f)) continue;
            if (i > 0 && f.equals(frames[i - 1])) { repeated++; continue; }
            if (repeated > 0) { trace.add("      ... (the frame above repeats " + repeated + " more times)"); repeated = 0; }
            if (trace.size() >= 30) { trace.add("      ... " + (limit - i + 1) + " more"); break; }
            trace.add("    at " + (isUserFrame(f) ? userFrame(f) : f.toString()));
        }
        if (repeated > 0) trace.add("      ... (the frame above repeats " + repeated + " more times)");
        if (!trace.isEmpty() && (lastUser < 0 || trace.size() > 1 || !any)) {
            out.add(Ansi.bold("Stack trace:"));
            out.addAll(trace);
        }
        if (e.getCause() != null && e.getCause() != e) describe(e.getCause(), out, true);
    }

    /** Frames of cell code: JShell names their file "#<snippet id>" (and hides the wrapper class). */
    private static boolean isUserFrame(StackTraceElement f) {
        return f.getClassName().startsWith("REPL.") || (f.getFileName() != null && f.getFileName().startsWith("#"));
    }

    private static String snippetId(StackTraceElement f) {
        String file = f.getFileName();
        return file != null && file.startsWith("#") ? file.substring(1) : "";
    }

    private static boolean isInternal(StackTraceElement f) {
        String c = f.getClassName();
        return c.startsWith("jdk.jshell.") || c.startsWith("glassbox.kernel.") || c.startsWith("java.lang.reflect.")
                || c.startsWith("jdk.internal.reflect.") || c.startsWith("sun.reflect.");
    }

    private static String userMethod(StackTraceElement f) {
        String cls = f.getClassName();
        String m = f.getMethodName();
        if (m.equals("do_it$")) return "";
        String owner;
        if (cls.startsWith("REPL.")) {
            int inner = cls.indexOf('$', cls.indexOf("$JShell$") + 8);
            owner = inner >= 0 ? cls.substring(inner + 1).replace('$', '.') : "";
        } else {
            owner = cls.replace('$', '.');
        }
        if (m.equals("<init>")) return owner.isEmpty() ? "constructor" : owner + " constructor";
        if (m.equals("<clinit>")) return owner.isEmpty() ? "initializer" : owner + " initializer";
        if (m.startsWith("lambda$")) return "a lambda";
        return owner.isEmpty() ? m : owner + "." + m;
    }

    private String userFrame(StackTraceElement f) {
        Origin o = originOfSnippet.apply(snippetId(f));
        String where = userMethod(f);
        String loc = o == null ? "an earlier cell" : o.cell().label() + ", line " + (o.cell().lineOf(o.offset()) + Math.max(0, f.getLineNumber() - 1));
        return (where.isEmpty() ? "" : where + " ") + "(" + loc + ")";
    }

    static Map<String, Object> none() { return Map.of(); }
}

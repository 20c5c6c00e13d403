package glassbox.kernel.exec;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Code intelligence for a session: completion, inspection (signature plus Javadoc) and the
 * "is this cell finished?" test. Works on the snippet of a multi-snippet cell that holds the cursor.
 */
public final class Completion {
    private final Engine engine;

    Completion(Engine engine) {
        this.engine = engine;
    }

    /** Completion matches replacing code[start, end). */
    public record Result(List<String> matches, int start, int end) { }

    /** What inspection found: the signature(s) and the rendered documentation. */
    public record Inspection(List<String> signatures, String documentation) {
        public String plainText() {
            StringBuilder sb = new StringBuilder();
            for (String s : signatures) sb.append(s).append('\n');
            if (documentation != null && !documentation.isBlank()) sb.append('\n').append(documentation.strip()).append('\n');
            return sb.toString();
        }
    }

    /** A snippet of the cell: [start, end) and the cursor's offset in it. */
    private record Piece(String text, int start) { }

    private Piece pieceAt(SourceCodeAnalysis sca, String code, int cursor) {
        String remaining = code;
        int offset = 0;
        while (!remaining.isBlank()) {
            CompletionInfo ci = sca.analyzeCompletion(remaining);
            if (!ci.completeness().isComplete() || ci.completeness() == Completeness.EMPTY) break;
            int consumed = remaining.length() - ci.remaining().length();
            if (consumed <= 0) break;
            if (offset + consumed >= cursor) {
                return new Piece(code.substring(offset, offset + consumed), offset);
            }
            offset += consumed;
            remaining = remaining.substring(consumed);
        }
        return new Piece(code.substring(offset), offset);
    }

    public Result complete(String code, int cursor) {
        cursor = Math.max(0, Math.min(cursor, code.length()));
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        String line = code.substring(lineStart, cursor);
        if (line.stripLeading().startsWith("%")) {
            return completeMagic(line, lineStart, cursor);
        }
        final int cur = cursor;
        Result r = engine.analyse(() -> {
            SourceCodeAnalysis sca = engine.jshell().sourceCodeAnalysis();
            Piece p = pieceAt(sca, code, cur);
            int rel = cur - p.start();
            String text = p.text().substring(0, Math.min(p.text().length(), Math.max(rel, 0)));
            int[] anchor = new int[1];
            List<Suggestion> sugg = sca.completionSuggestions(text, rel, anchor);
            int base = p.start();
            if (sugg.isEmpty() && p.start() > 0) {
                // Earlier statements of this cell have not run yet: complete inside a block that holds them,
                // so a variable declared earlier in the cell is known.
                String block = "{\n" + code.substring(0, cur);
                sugg = sca.completionSuggestions(block, block.length(), anchor);
                base = -2;
            }
            Set<String> matches = new LinkedHashSet<>();
            for (Suggestion s : sugg) if (s.matchesType()) matches.add(name(s.continuation()));
            for (Suggestion s : sugg) matches.add(name(s.continuation()));
            return new Result(new ArrayList<>(matches), base + anchor[0], cur);
        }, null);
        return r != null ? r : new Result(List.of(), cursor, cursor);
    }

    /** "sqrt(" -> "sqrt", "length()" -> "length": the popup lists names; the student types the parentheses. */
    private static String name(String continuation) {
        if (continuation.endsWith("()")) return continuation.substring(0, continuation.length() - 2);
        if (continuation.endsWith("(")) return continuation.substring(0, continuation.length() - 1);
        return continuation;
    }

    private Result completeMagic(String line, int lineStart, int cursor) {
        String trimmed = line.stripLeading();
        int at = lineStart + (line.length() - trimmed.length());
        if (trimmed.contains(" ")) return new Result(List.of(), cursor, cursor);
        List<String> out = new ArrayList<>();
        for (String m : engine.magicNames()) if (m.startsWith(trimmed)) out.add(m);
        return new Result(out, at, cursor);
    }

    public Inspection inspect(String code, int cursor) {
        int cur = Math.max(0, Math.min(cursor, code.length()));
        // Inspect the identifier under the cursor: move to its end.
        int end = cur;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) end++;
        final int at = end;
        return engine.analyse(() -> {
            SourceCodeAnalysis sca = engine.jshell().sourceCodeAnalysis();
            Piece p = pieceAt(sca, code, at);
            int rel = at - p.start();
            String text = p.text().substring(0, Math.min(p.text().length(), rel));
            List<Documentation> docs = sca.documentation(text, rel, true);
            if (docs.isEmpty()) docs = sca.documentation(text + "(", rel + 1, true);
            if (docs.isEmpty()) {
                // Inside a call's arguments: document the call.
                String upTo = p.text().substring(0, Math.min(p.text().length(), Math.max(0, cur - p.start())));
                int depth = 0;
                for (int i = upTo.length() - 1; i >= 0; i--) {
                    char c = upTo.charAt(i);
                    if (c == ')') depth++;
                    else if (c == '(' && depth-- == 0) { docs = sca.documentation(upTo.substring(0, i + 1), i + 1, true); break; }
                }
            }
            if (docs.isEmpty()) return null;
            List<String> sigs = new ArrayList<>();
            StringBuilder doc = new StringBuilder();
            for (Documentation d : docs) {
                sigs.add(d.signature());
                String jd = d.javadoc();
                if (jd == null || jd.isBlank()) jd = SourceDocs.javadocFor(d.signature(), engine.classLoader(), engine.imports());
                if (jd != null && !jd.isBlank() && doc.indexOf(jd.strip()) < 0) {
                    if (doc.length() > 0) doc.append("\n\n");
                    if (docs.size() > 1) doc.append(d.signature()).append('\n');
                    doc.append(jd.strip());
                }
            }
            return new Inspection(sigs, doc.toString());
        }, null);
    }

    /**
     * "complete", "incomplete" (an open block, string or statement) or "invalid". Never waits for the
     * session: before it has started, or while it compiles a cell, the answer comes from the text
     * alone ({@link Syntax#classify}); otherwise JShell's own snippet analysis decides (it knows, for
     * example, that a final semicolon may be left out). Code that is complete but cannot compile
     * ("int 3x = 4;") is called complete: it runs and shows the compiler's error, as "invalid" would.
     */
    public String isComplete(String code) {
        if (code.isBlank()) return "complete";
        String first = code.stripLeading();
        if (first.startsWith("%%")) return "complete";
        // Line magics: check the Java after them.
        StringBuilder java = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            if (line.stripLeading().startsWith("%")) java.append('\n'); else java.append(line).append('\n');
        }
        String rest = java.toString();
        String r = engine.analyseIfReady(() -> {
            SourceCodeAnalysis sca = engine.jshell().sourceCodeAnalysis();
            String remaining = rest;
            while (!remaining.isBlank()) {
                CompletionInfo ci = sca.analyzeCompletion(remaining);
                switch (ci.completeness()) {
                    case DEFINITELY_INCOMPLETE:
                    case CONSIDERED_INCOMPLETE:
                        return "incomplete";
                    case EMPTY:
                        return "complete";
                    case UNKNOWN:
                        return "invalid";
                    default:
                        break;
                }
                if (ci.remaining().length() >= remaining.length()) break;
                remaining = ci.remaining();
            }
            return "complete";
        }, IS_COMPLETE_WAIT_MS);
        return r != null ? r : Syntax.classify(rest);
    }

    /** How long is_complete waits for the session's lock before answering from the text alone. */
    private static final long IS_COMPLETE_WAIT_MS = 200;
}

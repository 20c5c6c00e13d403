package glassbox.kernel.exec;

/**
 * is_complete from the text alone, for when the JShell session cannot answer at once (it is still
 * starting, or compiling a cell): open brackets, an open comment or text block, or a trailing
 * operator mean more is coming; an unclosed string or a stray closing bracket is invalid. No javac:
 * a javac parse costs tens of milliseconds even when warm, and a console waits for this answer
 * after every Enter.
 */
final class Syntax {
    private Syntax() { }

    /**
     * The is_complete status of {@code code} from its text alone: "incomplete" when a bracket, a
     * comment or a text block is still open or the last token is an operator or a comma; "invalid"
     * for a string or character literal left open on its line or a closing bracket with no opening
     * one; else "complete" (javac will report anything else when the cell runs).
     */
    static String classify(String code) {
        if (code.isBlank()) return "complete";
        Scan s = scan(code);
        if (s.invalid) return "invalid";
        if (s.open) return "incomplete";
        String t = s.code.stripTrailing();
        if (!t.isEmpty() && "+-*/%=&|^<>!?:,.(".indexOf(t.charAt(t.length() - 1)) >= 0
                && !t.endsWith("++") && !t.endsWith("--")) return "incomplete";
        return "complete";
    }

    /** The code with strings, characters and comments blanked out; whether something is left open or broken. */
    private record Scan(String code, boolean open, boolean invalid) { }

    private static Scan scan(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int depth = 0;
        int i = 0, n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (code.startsWith("//", i)) {
                while (i < n && code.charAt(i) != '\n') i++;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                if (end < 0) return new Scan(out.toString(), true, false);
                i = end + 2;
                out.append(' ');
            } else if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                if (end < 0) return new Scan(out.toString(), true, false);
                i = end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && code.charAt(j) != c && code.charAt(j) != '\n') j += code.charAt(j) == '\\' ? 2 : 1;
                if (j >= n || code.charAt(j) != c) return new Scan(out.toString(), false, true);   // open literal
                i = j + 1;
                out.append(c).append(c);
            } else {
                if (c == '(' || c == '[' || c == '{') depth++;
                if (c == ')' || c == ']' || c == '}') depth--;
                if (depth < 0) return new Scan(out.toString(), false, true);
                out.append(c);
                i++;
            }
        }
        return new Scan(out.toString(), depth > 0, false);
    }
}

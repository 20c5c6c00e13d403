package glassbox.kernel.exec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Javadoc for classes whose sources ship in a jar under {@code glassbox-sources/} (the library's do):
 * finds the comment before a declaration and renders it as plain text, since JShell only reads the
 * JDK's own sources.
 */
final class SourceDocs {
    private static final Pattern SIGNATURE = Pattern.compile("(?:^|\\s)([\\w.$]+?)\\.([\\w$<>]+)\\(([^)]*)\\)");
    private static final Pattern TYPE = Pattern.compile("^(?:[\\w.]+\\s+)*([a-z][\\w]*(?:\\.[a-z][\\w]*)*)\\.([A-Z][\\w$]*)$");

    private SourceDocs() { }

    /** The rendered Javadoc for a JShell signature like "Tensor glassbox.tensor.Tensor.add(Tensor other)", or null. */
    static String javadocFor(String signature, ClassLoader loader, List<String> imports) {
        String sig = signature.strip();
        Matcher m = SIGNATURE.matcher(sig);
        String className, member;
        int params = -1;
        if (m.find()) {
            className = m.group(1);
            member = m.group(2);
            String p = m.group(3).strip();
            params = p.isEmpty() ? 0 : splitParams(p).size();
        } else {
            Matcher t = TYPE.matcher(sig);
            if (!t.find()) return null;
            className = t.group(1) + "." + t.group(2);
            member = null;
        }
        className = qualify(className, loader, imports);
        String outer = className;
        // Nested classes: glassbox.nn.Foo.Bar -> source of glassbox/nn/Foo.java
        String source = null;
        while (source == null && outer.contains(".")) {
            source = read(loader, "glassbox-sources/" + outer.replace('.', '/') + ".java");
            if (source == null) outer = outer.substring(0, outer.lastIndexOf('.'));
        }
        if (source == null) return null;
        String simple = className.substring(className.lastIndexOf('.') + 1);
        if (member == null || member.equals(simple)) {
            if (member == null) return render(commentBefore(source, Pattern.compile("(class|interface|enum|record)\\s+" + Pattern.quote(simple) + "\\b"), -1));
            return render(commentBefore(source, Pattern.compile("\\b" + Pattern.quote(simple) + "\\s*\\("), params));
        }
        return render(commentBefore(source, Pattern.compile("\\b" + Pattern.quote(member) + "\\s*\\("), params));
    }

    /** "Tensor" -> "glassbox.tensor.Tensor" through the session's on-demand imports; qualified names stay. */
    private static String qualify(String name, ClassLoader loader, List<String> imports) {
        if (Character.isLowerCase(name.charAt(0))) return name;
        String top = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        String rest = name.substring(top.length());
        for (String imp : imports) {
            String pkg = imp.startsWith("static ") ? null : imp.endsWith(".*") ? imp.substring(0, imp.length() - 2)
                    : imp.endsWith("." + top) ? imp.substring(0, imp.length() - top.length() - 1) : null;
            if (pkg == null) continue;
            try {
                Class.forName(pkg + "." + top, false, loader);
                return pkg + "." + top + rest;
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next import
            }
        }
        return name;
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String> splitParams(String p) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '<') depth++;
            else if (c == '>') depth--;
            else if (c == ',' && depth == 0) { out.add(p.substring(start, i)); start = i + 1; }
        }
        out.add(p.substring(start));
        return out;
    }

    /** The doc comment right before a declaration matching {@code decl} with {@code params} parameters. */
    private static String commentBefore(String src, Pattern decl, int params) {
        Matcher m = decl.matcher(src);
        String fallback = null;
        while (m.find()) {
            int declStart = src.lastIndexOf('\n', m.start()) + 1;
            String before = src.substring(0, declStart).stripTrailing();
            // skip annotations on their own lines
            while (true) {
                int ls = before.lastIndexOf('\n') + 1;
                String last = before.substring(ls).strip();
                if (last.startsWith("@") && !last.startsWith("@param")) before = before.substring(0, ls).stripTrailing();
                else break;
            }
            if (!before.endsWith("*/")) continue;
            int open = before.lastIndexOf("/**");
            if (open < 0) continue;
            String comment = before.substring(open + 3, before.length() - 2);
            if (params >= 0) {
                int paren = src.indexOf('(', m.start());
                int close = src.indexOf(')', paren);
                if (paren >= 0 && close > paren) {
                    String p = src.substring(paren + 1, close).strip();
                    int n = p.isEmpty() ? 0 : splitParams(p).size();
                    if (n == params) return comment;
                }
                if (fallback == null) fallback = comment;
                continue;
            }
            return comment;
        }
        return fallback;
    }

    /** Javadoc comment body -> readable text. */
    static String render(String comment) {
        if (comment == null) return null;
        StringBuilder body = new StringBuilder();
        List<String> params = new ArrayList<>();
        String returns = null;
        List<String> throwsList = new ArrayList<>();
        for (String raw : comment.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("*")) line = line.substring(1);
            if (line.startsWith(" ")) line = line.substring(1);
            String t = line.strip();
            if (t.startsWith("@param ")) params.add(t.substring(7));
            else if (t.startsWith("@return ")) returns = t.substring(8);
            else if (t.startsWith("@throws ")) throwsList.add(t.substring(8));
            else if (t.startsWith("@")) continue;
            else body.append(line).append('\n');
        }
        String text = inline(body.toString())
                .replaceAll("(?i)<p>\\s*", "\n")
                .replaceAll("(?i)</?(ul|ol)>\\s*", "\n")
                .replaceAll("(?i)<li>\\s*", "  - ")
                .replaceAll("(?i)</li>", "")
                .replaceAll("(?i)</?(b|i|em|strong|code|pre|tt)>", "")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
        StringBuilder out = new StringBuilder(text);
        if (!params.isEmpty()) {
            out.append("\n\nParameters:");
            for (String p : params) {
                String[] kv = p.split("\\s+", 2);
                out.append("\n  ").append(kv[0]).append(kv.length > 1 ? " - " + inline(kv[1]) : "");
            }
        }
        if (returns != null) out.append("\n\nReturns: ").append(inline(returns));
        for (String t : throwsList) out.append("\nThrows: ").append(inline(t));
        return out.toString().strip();
    }

    private static String inline(String s) {
        return s.replaceAll("\\{@(?:code|literal)\\s+([^}]*)}", "$1")
                .replaceAll("\\{@(?:link|linkplain)\\s+#?([^}\\s]*)(?:\\s+([^}]*))?}", "$1")
                .replaceAll("\\{@value\\s+#?([^}]*)}", "$1")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}

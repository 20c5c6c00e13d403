package glassbox.kernel.magic;

import glassbox.kernel.exec.CellResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The magic registry and the cell runner that understands magics. A cell starting with {@code %%name}
 * goes to that cell magic. Otherwise lines starting with {@code %name} run as line magics, in order with
 * the Java code around them (which keeps its cell line numbers for error reports). The grader registers
 * {@code %check} here through {@link #registerLine}.
 */
public final class Magics {
    private static final Map<String, LineMagic> SHARED_LINE = new ConcurrentHashMap<>();
    private static final Map<String, CellMagic> SHARED_CELL = new ConcurrentHashMap<>();

    private final Map<String, LineMagic> line = new TreeMap<>();
    private final Map<String, CellMagic> cell = new TreeMap<>();

    /** Registers a line magic for every kernel in this JVM (e.g. the grader's {@code %check}). */
    public static void registerLine(String name, LineMagic magic) {
        SHARED_LINE.put(name, magic);
    }

    /** Registers a cell magic for every kernel in this JVM. */
    public static void registerCell(String name, CellMagic magic) {
        SHARED_CELL.put(name, magic);
    }

    public Magics() {
        BuiltinMagics.install(this);
    }

    public void addLine(String name, LineMagic m) { line.put(name, m); }

    public void addCell(String name, CellMagic m) { cell.put(name, m); }

    private LineMagic lineMagic(String name) {
        LineMagic m = SHARED_LINE.get(name);
        return m != null ? m : line.get(name);
    }

    private CellMagic cellMagic(String name) {
        CellMagic m = SHARED_CELL.get(name);
        return m != null ? m : cell.get(name);
    }

    /** Line magic names, sorted. */
    public List<String> lineNames() {
        TreeMap<String, LineMagic> all = new TreeMap<>(line);
        all.putAll(SHARED_LINE);
        return new ArrayList<>(all.keySet());
    }

    /** Cell magic names, sorted. */
    public List<String> cellNames() {
        TreeMap<String, CellMagic> all = new TreeMap<>(cell);
        all.putAll(SHARED_CELL);
        return new ArrayList<>(all.keySet());
    }

    /** "%name" and "%%name" for completion. */
    public List<String> completionNames() {
        List<String> out = new ArrayList<>();
        for (String n : cellNames()) out.add("%%" + n);
        for (String n : lineNames()) out.add("%" + n);
        return out;
    }

    /** True if the cell uses any magic. */
    public static boolean hasMagic(String code) {
        for (String l : code.split("\n", -1)) if (l.stripLeading().startsWith("%")) return true;
        return false;
    }

    /** Runs a cell, magics included. */
    public CellResult run(String code, MagicContext ctx) throws Exception {
        String stripped = code.stripLeading();
        if (stripped.startsWith("%%")) {
            int nl = stripped.indexOf('\n');
            String first = nl < 0 ? stripped : stripped.substring(0, nl);
            String body = nl < 0 ? "" : stripped.substring(nl + 1);
            String[] nameArgs = first.substring(2).strip().split("\\s+", 2);
            CellMagic m = cellMagic(nameArgs[0]);
            if (m == null) return unknown("%%" + nameArgs[0]);
            return m.run(nameArgs.length > 1 ? nameArgs[1] : "", body, ctx);
        }
        if (!hasMagic(code)) return ctx.runJava(code, 1);
        String[] lines = code.split("\n", -1);
        StringBuilder java = new StringBuilder();
        int javaStart = 1;
        CellResult last = CellResult.ok();
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].stripLeading();
            if (l.startsWith("%")) {
                if (!java.toString().isBlank()) {
                    last = ctx.runJava(java.toString(), javaStart);
                    if (!last.isOk()) return last;
                }
                java.setLength(0);
                javaStart = i + 2;
                String[] nameArgs = l.substring(1).strip().split("\\s+", 2);
                LineMagic m = lineMagic(nameArgs[0]);
                if (m == null) return unknown("%" + nameArgs[0]);
                last = m.run(nameArgs.length > 1 ? nameArgs[1].strip() : "", ctx);
                if (last == null) last = CellResult.ok();
                if (!last.isOk()) return last;
            } else {
                java.append(lines[i]).append('\n');
            }
        }
        if (!java.toString().isBlank()) last = ctx.runJava(java.toString(), javaStart);
        return last;
    }

    private CellResult unknown(String name) {
        return CellResult.error("UnknownMagic", "There is no magic " + name,
                List.of("\u001b[1;31mUnknownMagic\u001b[0m: there is no magic " + name + ". Run %lsmagic to list the magics."));
    }
}

package glassbox.tensor;

import glassbox.display.Displayable;
import glassbox.display.MimeBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The computation graph of a tensor, drawn: every tensor that went into it is a box showing its
 * label, shape, value and gradient, and every op is a small ellipse between its inputs and its result,
 * flowing left to right as in micrograd's {@code draw_dot}. {@code Graph.of(loss).toSvg()} renders
 * SVG with no Graphviz needed; {@link #toDot()} gives the same graph as Graphviz DOT text.
 *
 * <p>Values are shown in full for up to four elements, otherwise summarised as
 * {@code mean} and {@code [min, max]}; the gradient row appears once {@code backward()} has run.
 *
 * <p>Layout ({@link GraphLayout}): each node goes in the column of its longest path from the inputs
 * (leaves move right, next to their first use), edges longer than one column are routed through
 * invisible waypoints, nodes within a column are ordered by the barycentre of their neighbours to
 * reduce crossings, then placed as close to their neighbours as the columns allow.
 */
public final class Graph implements Displayable {
    /** One box (a tensor) or ellipse (an op) of the drawing. */
    static final class Node {
        final Tensor tensor;
        final boolean isOp;
        final List<Node> in = new ArrayList<>();
        final List<Node> out = new ArrayList<>();
        int rank;
        int order;
        double x, y, w, h;
        /** Text lines: for a value box {header, data, grad}; for an op a single line. */
        String[] lines;
        final boolean dummy;

        Node(Tensor tensor, boolean isOp, boolean dummy) {
            this.tensor = tensor;
            this.isOp = isOp;
            this.dummy = dummy;
        }
    }

    /** An arrow of the drawing, from an input tensor to an op or from an op to its result. */
    static final class Edge {
        final Node from, to;
        int multiplicity = 1;
        final List<Node> waypoints = new ArrayList<>();

        Edge(Node from, Node to) {
            this.from = from;
            this.to = to;
        }
    }

    static final double CHAR_W = 7.2, LINE_H = 16, PAD = 8;
    private static final AtomicInteger IDS = new AtomicInteger();

    private final Tensor root;
    final List<Node> nodes = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    private final List<Tensor> tensors = new ArrayList<>();
    private final boolean showGrad;
    double width, height;

    private Graph(Tensor root) {
        this.root = root;
        List<Tensor> order = root.topologicalOrder();
        boolean anyGrad = false;
        for (Tensor t : order) anyGrad |= t.grad() != null;
        this.showGrad = anyGrad;
        Map<Tensor, Node> valueNode = new IdentityHashMap<>();
        for (Tensor t : order) {
            tensors.add(t);
            Node v = new Node(t, false, false);
            if (!t.isLeaf()) {
                Node op = new Node(t, true, false);
                op.lines = new String[] {opSymbol(t.op())};
                nodes.add(op);
                for (Tensor input : t.inputs()) {
                    Node from = valueNode.get(input);
                    Edge existing = null;
                    for (Edge e : edges) if (e.from == from && e.to == op) existing = e;
                    if (existing != null) {
                        existing.multiplicity++;
                    } else {
                        edges.add(new Edge(from, op));
                    }
                }
                edges.add(new Edge(op, v));
            }
            v.lines = valueLines(t);
            nodes.add(v);
            valueNode.put(t, v);
        }
        for (Edge e : edges) {
            e.from.out.add(e.to);
            e.to.in.add(e.from);
        }
        GraphLayout.layout(this);
    }

    /** The graph of everything {@code root} was computed from. */
    public static Graph of(Tensor root) {
        if (root == null) throw new IllegalArgumentException("Graph.of: the tensor is null");
        return new Graph(root);
    }

    /** The tensors of the graph, inputs before the tensors computed from them; the root is last. */
    public List<Tensor> tensors() {
        return Collections.unmodifiableList(tensors);
    }

    /** The number of ops drawn (one ellipse per tensor computed by an op). */
    public int opCount() {
        int n = 0;
        for (Node node : nodes) if (node.isOp) n++;
        return n;
    }

    /** The number of arrows drawn: input to op (once per distinct input) and op to result. */
    public int edgeCount() {
        return edges.size();
    }

    // =============================================================================================
    // Text shown on the nodes
    // =============================================================================================

    /** The symbol drawn in an op's ellipse: +, -, *, / and @ for the arithmetic ops, else the op's name. */
    static String opSymbol(String op) {
        switch (op) {
            case "add": return "+";
            case "sub": return "-";
            case "mul": return "*";
            case "div": return "/";
            case "matmul": return "@";
            default: return op;
        }
    }

    private String[] valueLines(Tensor t) {
        String header = t.label() == null ? "" : t.label();
        String shape = t.dim() == 0 ? "scalar" : Shape.str(t.shape);
        header = header.isEmpty() ? shape : header + "  " + shape;
        List<String> lines = new ArrayList<>();
        lines.add(header);
        addRows(lines, "data ", summaryRows(t));
        if (showGrad) addRows(lines, "grad ", t.grad() == null ? new String[] {"-"} : summaryRows(t.grad()));
        return lines.toArray(new String[0]);
    }

    private static void addRows(List<String> lines, String prefix, String[] rows) {
        for (int i = 0; i < rows.length; i++) lines.add((i == 0 ? prefix : " ".repeat(prefix.length())) + rows[i]);
    }

    /**
     * The value of a tensor in a few characters: the number for one element, the list for up to four,
     * else {@code mean m min a max b}. Long summaries come as two rows to keep boxes narrow.
     */
    static String[] summaryRows(Tensor t) {
        float[] v = t.toFloatArray();
        if (v.length == 0) return new String[] {"(empty)"};
        if (v.length == 1) return new String[] {TensorFormat.number(v[0])};
        if (v.length <= 4) {
            String[] parts = new String[v.length];
            for (int i = 0; i < v.length; i++) parts[i] = compact(v[i]);
            String one = "[" + String.join(", ", parts) + "]";
            if (one.length() <= 22) return new String[] {one};
            int half = (v.length + 1) / 2;
            return new String[] {"[" + String.join(", ", java.util.Arrays.copyOfRange(parts, 0, half)) + ",",
                " " + String.join(", ", java.util.Arrays.copyOfRange(parts, half, v.length)) + "]"};
        }
        double sum = 0;
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        for (float f : v) {
            sum += f;
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        return new String[] {"mean " + compact((float) (sum / v.length)), "min " + compact(min) + " max " + compact(max)};
    }

    /** {@link #summaryRows} on one line: {@code 2}, {@code [1, 2, 3]}, {@code mean 0.5 min 0 max 1}. */
    public static String summary(Tensor t) {
        return String.join(" ", summaryRows(t)).replace(",  ", ", ");
    }

    /** Three significant digits: 0.123, -12.3, 1.23e-05. */
    static String compact(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) return Float.toString(f);
        if (f == Math.rint(f) && Math.abs(f) < 1e6) return Long.toString((long) f);
        double a = Math.abs(f);
        String s;
        if (a >= 1e-3 && a < 1e6) {
            int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(a)));
            s = String.format(java.util.Locale.ROOT, "%." + decimals + "f", f);
            if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        } else {
            s = String.format(java.util.Locale.ROOT, "%.2e", f);
        }
        return s;
    }

    // =============================================================================================
    // SVG
    // =============================================================================================

    /** The graph as a standalone SVG document (white background, readable in light and dark themes). */
    public String toSvg() {
        String marker = "gb-arrow-" + IDS.incrementAndGet();
        StringBuilder s = new StringBuilder();
        int w = (int) Math.ceil(width), h = (int) Math.ceil(height);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" font-family=\"'DejaVu Sans Mono', Menlo, Consolas, monospace\" font-size=\"12\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        s.append("<defs><marker id=\"").append(marker).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                + "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#475569\"/>"
                + "</marker></defs>\n");
        s.append("<g class=\"edges\" fill=\"none\" stroke=\"#475569\" stroke-width=\"1.2\">\n");
        for (Edge e : edges) {
            s.append("<path class=\"edge\" marker-end=\"url(#").append(marker).append(")\" d=\"").append(edgePath(e)).append("\"/>\n");
            if (e.multiplicity > 1) {
                double tx = e.to.x - e.to.w / 2 - 14, ty = e.to.y - 6;
                s.append("<text x=\"").append(num(tx)).append("\" y=\"").append(num(ty))
                        .append("\" fill=\"#475569\" stroke=\"none\" font-size=\"10\">x").append(e.multiplicity).append("</text>\n");
            }
        }
        s.append("</g>\n");
        for (Node n : nodes) {
            if (n.dummy) continue;
            if (n.isOp) svgOp(s, n);
            else svgValue(s, n);
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private void svgOp(StringBuilder s, Node n) {
        s.append("<g class=\"node op\"><title>").append(esc(n.tensor.op())).append("</title>");
        s.append("<ellipse cx=\"").append(num(n.x)).append("\" cy=\"").append(num(n.y)).append("\" rx=\"")
                .append(num(n.w / 2)).append("\" ry=\"").append(num(n.h / 2))
                .append("\" fill=\"#fef3c7\" stroke=\"#92400e\" stroke-width=\"1.2\"/>");
        s.append("<text x=\"").append(num(n.x)).append("\" y=\"").append(num(n.y + 4))
                .append("\" text-anchor=\"middle\" fill=\"#1f2937\" font-weight=\"bold\">").append(esc(n.lines[0])).append("</text></g>\n");
    }

    private void svgValue(StringBuilder s, Node n) {
        double left = n.x - n.w / 2, top = n.y - n.h / 2;
        boolean isRoot = n.tensor == root;
        boolean isParam = n.tensor.isLeaf() && n.tensor.requiresGrad();
        String fill = isRoot ? "#e0f2fe" : isParam ? "#ecfdf5" : "#f8fafc";
        s.append("<g class=\"node value\"><title>").append(esc(n.tensor.label() == null ? n.tensor.op() : n.tensor.label()))
                .append("</title>");
        s.append("<rect x=\"").append(num(left)).append("\" y=\"").append(num(top)).append("\" width=\"").append(num(n.w))
                .append("\" height=\"").append(num(n.h)).append("\" rx=\"4\" fill=\"").append(fill)
                .append("\" stroke=\"#334155\" stroke-width=\"").append(isRoot ? "2" : "1").append("\"/>");
        // Separator under the header line.
        double sepY = top + PAD / 2 + LINE_H + 2;
        s.append("<line x1=\"").append(num(left)).append("\" y1=\"").append(num(sepY)).append("\" x2=\"").append(num(left + n.w))
                .append("\" y2=\"").append(num(sepY)).append("\" stroke=\"#cbd5e1\"/>");
        for (int i = 0; i < n.lines.length; i++) {
            double ty = top + PAD / 2 + LINE_H * (i + 1) - 4 + (i > 0 ? 4 : 0);
            boolean gradRow = false;
            for (int k = 1; k <= i; k++) if (n.lines[k].startsWith("grad ")) gradRow = true;
            String color = i == 0 ? "#0f172a" : gradRow ? "#b91c1c" : "#1e293b";
            s.append("<text x=\"").append(num(left + PAD)).append("\" y=\"").append(num(ty)).append("\" fill=\"").append(color).append('"');
            if (i == 0) {
                String label = n.tensor.label();
                if (label != null && !label.isEmpty()) {
                    // Bold label, then the shape in grey.
                    s.append("><tspan font-weight=\"bold\">").append(esc(label)).append("</tspan><tspan fill=\"#64748b\">")
                            .append(esc(n.lines[0].substring(label.length()))).append("</tspan></text>");
                    continue;
                }
                s.append(" font-style=\"italic\" fill-opacity=\"0.8\">").append(esc(n.lines[0])).append("</text>");
                continue;
            }
            String line = n.lines[i].stripLeading();
            int indent = n.lines[i].length() - line.length();
            if (indent > 0) s.append(" dx=\"").append(num(indent * CHAR_W)).append('"');
            s.append('>').append(esc(line)).append("</text>");
        }
        s.append("</g>\n");
    }

    /** A chain of cubic curves from the source's right side through the waypoints to the target's left side. */
    private String edgePath(Edge e) {
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {e.from.x + e.from.w / 2, e.from.y});
        for (Node d : e.waypoints) {
            pts.add(new double[] {d.x - d.w / 2, d.y});
            pts.add(new double[] {d.x + d.w / 2, d.y});
        }
        pts.add(new double[] {e.to.x - e.to.w / 2, e.to.y});
        StringBuilder p = new StringBuilder("M").append(num(pts.get(0)[0])).append(',').append(num(pts.get(0)[1]));
        for (int i = 1; i < pts.size(); i++) {
            double[] a = pts.get(i - 1), b = pts.get(i);
            if (i % 2 == 0) { // straight through a waypoint's column
                p.append(" L").append(num(b[0])).append(',').append(num(b[1]));
                continue;
            }
            double mx = (a[0] + b[0]) / 2;
            p.append(" C").append(num(mx)).append(',').append(num(a[1])).append(' ').append(num(mx)).append(',')
                    .append(num(b[1])).append(' ').append(num(b[0])).append(',').append(num(b[1]));
        }
        return p.toString();
    }

    private static String num(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Writes {@link #toSvg()} to {@code path}. */
    public void toSvg(Path path) {
        write(path, toSvg());
    }

    // =============================================================================================
    // DOT
    // =============================================================================================

    /** The graph as Graphviz DOT text (rankdir=LR, record boxes for tensors, ellipses for ops). */
    public String toDot() {
        Map<Node, String> ids = new IdentityHashMap<>();
        StringBuilder s = new StringBuilder("digraph G {\n  rankdir=LR;\n  bgcolor=\"white\";\n"
                + "  node [fontname=\"monospace\", fontsize=10];\n");
        int i = 0;
        for (Node n : nodes) {
            if (n.dummy) continue;
            String id = "n" + i++;
            ids.put(n, id);
            if (n.isOp) {
                s.append("  ").append(id).append(" [shape=ellipse, label=\"").append(dotEsc(n.lines[0])).append("\"];\n");
            } else {
                StringBuilder label = new StringBuilder("{ ");
                for (int k = 0; k < n.lines.length; k++) label.append(k > 0 ? " | " : "").append(recordEsc(n.lines[k]));
                s.append("  ").append(id).append(" [shape=record, label=\"").append(label).append(" }\"];\n");
            }
        }
        for (Edge e : edges) {
            s.append("  ").append(ids.get(e.from)).append(" -> ").append(ids.get(e.to));
            if (e.multiplicity > 1) s.append(" [label=\"x").append(e.multiplicity).append("\"]");
            s.append(";\n");
        }
        return s.append("}\n").toString();
    }

    private static String dotEsc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String recordEsc(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("{}|<>\"\\".indexOf(c) >= 0) b.append('\\');
            b.append(c);
        }
        return b.toString();
    }

    /** Writes {@link #toDot()} to {@code path}. */
    public void toDot(Path path) {
        write(path, toDot());
    }

    private static void write(Path path, String text) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Graph: could not write " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** What a notebook shows: the SVG drawing, and a one-line summary for plain consoles. */
    @Override
    public MimeBundle toMimeBundle() {
        return new MimeBundle().put("image/svg+xml", toSvg()).put("text/plain", summaryLine());
    }

    /** E.g. {@code Graph of L: 7 tensors, 3 ops}. */
    public String summaryLine() {
        String name = root.label() != null ? root.label() : root.op();
        return "Graph of " + name + ": " + tensors.size() + " tensors, " + opCount() + " ops";
    }

    /** The DOT text; {@code toSvg()} draws it. */
    @Override
    public String toString() {
        return toDot();
    }
}

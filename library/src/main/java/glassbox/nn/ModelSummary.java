package glassbox.nn;

import glassbox.display.Displayable;
import glassbox.display.MimeBundle;
import java.util.Arrays;
import java.util.List;

/**
 * The table printed by {@link Module#summary}: one row per layer with its name (path in the model),
 * type, output shape and number of parameters (its own and its children's), and the totals.
 * {@link #toString()} gives a text table, {@link #toHtml()} an HTML table; a notebook shows the HTML one.
 *
 * @param model       the model's class name
 * @param inputShape  the shape of the example input
 * @param outputShape the shape of the model's output
 * @param rows        the layers, depth first
 * @param totalParameters every parameter value of the model
 * @param trainableParameters the values that require a gradient
 */
public record ModelSummary(String model, int[] inputShape, int[] outputShape, List<Row> rows,
                           long totalParameters, long trainableParameters) implements Displayable {

    /** In a notebook: the HTML table, with the text table as plain text. */
    @Override
    public MimeBundle toMimeBundle() {
        return new MimeBundle().put("text/plain", toString()).put("text/html", toHtml());
    }

    /**
     * One layer.
     *
     * @param name        path in the model, e.g. "features.0"
     * @param depth       nesting depth (0 for a direct child)
     * @param type        class name, e.g. "Conv2d"
     * @param outputShape the shape of its output, or null if the forward pass did not call it
     * @param parameters  its parameter values, including those of its children
     * @param leaf        true if it has no children
     */
    public record Row(String name, int depth, String type, int[] outputShape, long parameters, boolean leaf) {
    }

    private static String shape(int[] s) {
        if (s == null) return "-";
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < s.length; i++) b.append(i == 0 ? "" : ", ").append(s[i]);
        return b.append(']').toString();
    }

    /** A text table. */
    @Override
    public String toString() {
        String[] head = {"Layer", "Type", "Output shape", "Params"};
        String[][] cells = new String[rows.size() + 1][];
        cells[0] = new String[] {"(input)", "", shape(inputShape), ""};
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            cells[i + 1] = new String[] {"  ".repeat(r.depth()) + r.name(), r.type(), shape(r.outputShape()),
                    String.format("%,d", r.parameters())};
        }
        int[] w = new int[4];
        for (int c = 0; c < 4; c++) {
            w[c] = head[c].length();
            for (String[] row : cells) w[c] = Math.max(w[c], row[c].length());
        }
        StringBuilder b = new StringBuilder();
        b.append(model).append('\n');
        String rule = "-".repeat(w[0] + w[1] + w[2] + w[3] + 6) + "\n";
        b.append(rule).append(line(head, w)).append(rule);
        for (String[] row : cells) b.append(line(row, w));
        b.append(rule);
        b.append(String.format("Total parameters: %,d (trainable: %,d)%n", totalParameters, trainableParameters));
        b.append("Output shape: ").append(shape(outputShape)).append('\n');
        return b.toString();
    }

    private static String line(String[] row, int[] w) {
        return String.format("%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %" + w[3] + "s%n",
                (Object[]) Arrays.copyOf(row, 4));
    }

    /** An HTML table (for a notebook cell). */
    public String toHtml() {
        StringBuilder b = new StringBuilder();
        b.append("<table class=\"glassbox-summary\"><caption>").append(esc(model)).append("</caption>");
        b.append("<thead><tr><th>Layer</th><th>Type</th><th>Output shape</th><th>Params</th></tr></thead><tbody>");
        b.append("<tr><td>(input)</td><td></td><td>").append(shape(inputShape)).append("</td><td></td></tr>");
        for (Row r : rows) {
            b.append("<tr><td style=\"padding-left:").append(0.5 + 1.5 * r.depth()).append("em\">")
                    .append(esc(r.name())).append("</td><td>").append(esc(r.type())).append("</td><td>")
                    .append(shape(r.outputShape())).append("</td><td style=\"text-align:right\">")
                    .append(String.format("%,d", r.parameters())).append("</td></tr>");
        }
        b.append("</tbody><tfoot><tr><td colspan=\"3\">Total parameters (trainable)</td><td style=\"text-align:right\">")
                .append(String.format("%,d (%,d)", totalParameters, trainableParameters)).append("</td></tr></tfoot></table>");
        return b.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

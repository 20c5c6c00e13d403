package glassbox.display;

import tech.tablesaw.api.Table;

/**
 * Shows a Tablesaw table as an HTML table: name, shape, column names and types, the first and
 * last rows when it has more than {@value #MAX_ROWS}.
 */
final class TableRenderer {
    static final int MAX_ROWS = 20;

    private TableRenderer() { }

    static void registerIfPresent() {
        try {
            Class.forName("tech.tablesaw.api.Table", false, TableRenderer.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        Renderers.register(Table.class, TableRenderer::render);
    }

    static MimeBundle render(Table t) {
        int rows = t.rowCount(), cols = t.columnCount();
        StringBuilder sb = new StringBuilder("<div style=\"font-family:monospace;font-size:90%\">");
        sb.append(escape(t.name() == null ? "Table" : t.name())).append(": ")
          .append(rows).append(" rows &times; ").append(cols).append(" columns</div>");
        sb.append("<table><thead><tr><th></th>");
        for (int c = 0; c < cols; c++) {
            sb.append("<th>").append(escape(t.column(c).name()))
              .append("<br><span style=\"font-weight:normal;opacity:0.6\">")
              .append(t.column(c).type().name().toLowerCase()).append("</span></th>");
        }
        sb.append("</tr></thead><tbody>");
        int head = rows > MAX_ROWS ? MAX_ROWS / 2 : rows;
        for (int r = 0; r < head; r++) row(sb, t, r);
        if (rows > MAX_ROWS) {
            sb.append("<tr><td>&hellip;</td>");
            for (int c = 0; c < cols; c++) sb.append("<td>&hellip;</td>");
            sb.append("</tr>");
            for (int r = rows - MAX_ROWS / 2; r < rows; r++) row(sb, t, r);
        }
        sb.append("</tbody></table>");
        return MimeBundle.of("text/html", sb.toString()).put("text/plain", t.print(MAX_ROWS));
    }

    private static void row(StringBuilder sb, Table t, int r) {
        sb.append("<tr><th>").append(r).append("</th>");
        for (int c = 0; c < t.columnCount(); c++) sb.append("<td>").append(escape(t.getString(r, c))).append("</td>");
        sb.append("</tr>");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

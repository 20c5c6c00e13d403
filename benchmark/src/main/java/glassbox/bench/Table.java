package glassbox.bench;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns (numbers right-aligned), printed as rows arrive. */
final class Table {
    private final String[] header;
    private final int[] width;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        this.header = header;
        this.width = new int[header.length];
        for (int i = 0; i < header.length; i++) width[i] = header[i].length();
    }

    Table row(Object... cells) {
        String[] r = new String[header.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "";
            width[i] = Math.max(width[i], r[i].length());
        }
        rows.add(r);
        return this;
    }

    void print() {
        System.out.println(line(header));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        System.out.println(rule);
        for (String[] r : rows) System.out.println(line(r));
        System.out.println();
        System.out.flush();
    }

    private String line(String[] cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) b.append(" | ");
            boolean numeric = !cells[i].isEmpty() && (Character.isDigit(cells[i].charAt(0)) || cells[i].charAt(0) == '-')
                    && i > 0;
            String pad = " ".repeat(width[i] - cells[i].length());
            b.append(numeric ? pad + cells[i] : cells[i] + pad);
        }
        return b.toString().stripTrailing();
    }

    static String f1(double x) {
        return String.format("%.1f", x);
    }

    static String f2(double x) {
        return String.format("%.2f", x);
    }

    static String f0(double x) {
        return String.format("%.0f", x);
    }
}

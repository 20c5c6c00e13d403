package glassbox.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame of a chart drawn by hand: title, axis labels, ticks with round numbers, grid lines, and
 * the mapping from data coordinates (x, y) to pixels of the plot area.
 */
final class Axes {
    final double x0, x1, y0, y1;
    final boolean logY;
    Rectangle2D plot;

    Axes(double x0, double x1, double y0, double y1, boolean logY) {
        if (!(x1 > x0)) { double c = x0; x0 = c - 0.5; x1 = c + 0.5; }
        if (!(y1 > y0)) { double c = y0; y0 = logY ? c / 2 : c - 0.5; y1 = logY ? c * 2 : c + 0.5; }
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
        this.logY = logY;
    }

    /** Data bounds padded by a fraction of their range on each side. */
    static double[] padded(double lo, double hi, double fraction) {
        if (!(hi > lo)) return new double[] {lo - 1, hi + 1};
        double pad = (hi - lo) * fraction;
        return new double[] {lo - pad, hi + pad};
    }

    double px(double x) {
        return plot.getX() + (x - x0) / (x1 - x0) * plot.getWidth();
    }

    double py(double y) {
        double u = logY ? (Math.log10(y) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0)) : (y - y0) / (y1 - y0);
        return plot.getY() + plot.getHeight() * (1 - u);
    }

    /**
     * Paints background, title, axis labels, grid and ticks for a chart of the given size, leaving
     * {@code rightMargin} pixels free at the right (for a legend or colour bar); sets {@link #plot}.
     */
    void paintFrame(Graphics2D g, int width, int height, String title, String xLabel, String yLabel, int rightMargin) {
        paintFrame(g, width, height, title, xLabel, yLabel, rightMargin, true, 0);
    }

    /**
     * As above; without x ticks when {@code xTicks} is false, the caller then draws its own labels
     * in {@code xTickSpace} pixels under the plot.
     */
    void paintFrame(Graphics2D g, int width, int height, String title, String xLabel, String yLabel, int rightMargin,
                    boolean xTicks, int xTickSpace) {
        g.setColor(Style.BACKGROUND);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        g.setFont(Style.TICK);
        FontMetrics fm = g.getFontMetrics();
        List<Double> yt = logY ? logTicks(y0, y1) : ticks(y0, y1, Math.max(3, height / 70));
        List<Double> xt = ticks(x0, x1, Math.max(3, width / 90));
        int yTickWidth = 0;
        for (double t : yt) yTickWidth = Math.max(yTickWidth, fm.stringWidth(format(t, yt)));
        double left = 12 + yTickWidth + 6 + (yLabel.isEmpty() ? 0 : 18);
        double top = title.isEmpty() ? 14 : 36;
        double bottom = 8 + (xTicks ? fm.getHeight() + 4 : xTickSpace) + (xLabel.isEmpty() ? 0 : 20);
        plot = new Rectangle2D.Double(left, top, Math.max(10, width - left - 14 - rightMargin), Math.max(10, height - top - bottom));
        paintLabels(g, width, height, title, xLabel, yLabel);
        // grid and ticks
        g.setStroke(Style.THIN);
        g.setFont(Style.TICK);
        for (double t : xTicks ? xt : List.<Double>of()) {
            double x = px(t);
            g.setColor(Style.GRID);
            g.draw(new Line2D.Double(x, plot.getY(), x, plot.getMaxY()));
            g.setColor(Style.MUTED);
            Style.centered(g, format(t, xt), x, plot.getMaxY() + 4 + fm.getAscent());
        }
        for (double t : yt) {
            double y = py(t);
            g.setColor(Style.GRID);
            g.draw(new Line2D.Double(plot.getX(), y, plot.getMaxX(), y));
            g.setColor(Style.MUTED);
            Style.rightAligned(g, format(t, yt), plot.getX() - 6, y + fm.getAscent() / 2.0 - 1);
        }
        g.setColor(Style.FRAME);
        g.draw(plot);
    }

    /** Title centred on top, x label under the plot, y label turned along the left side. */
    void paintLabels(Graphics2D g, int width, int height, String title, String xLabel, String yLabel) {
        g.setColor(Style.TEXT);
        if (!title.isEmpty()) {
            g.setFont(Style.TITLE);
            Style.centered(g, Style.fit(g, title, width - 10), plot.getCenterX(), 22);
        }
        g.setFont(Style.LABEL);
        if (!xLabel.isEmpty()) Style.centered(g, xLabel, plot.getCenterX(), height - 8);
        if (!yLabel.isEmpty()) Style.vertical(g, yLabel, 16, plot.getCenterY());
    }

    /** Clips to the plot area (restore with {@code g.setClip(null)}). */
    void clip(Graphics2D g) {
        g.clip(plot);
    }

    /** Round-numbered ticks (steps of 1, 2 or 5 times a power of ten) covering [lo, hi], about n of them. */
    static List<Double> ticks(double lo, double hi, int n) {
        List<Double> out = new ArrayList<>();
        double step = niceStep((hi - lo) / Math.max(1, n));
        double start = Math.ceil(lo / step - 1e-9) * step;
        for (double t = start; t <= hi + step * 1e-9; t += step) out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        return out;
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * p;
    }

    /** Powers of ten within [lo, hi] (and 2x, 5x when there are few). */
    static List<Double> logTicks(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        int a = (int) Math.floor(Math.log10(lo)), b = (int) Math.ceil(Math.log10(hi));
        boolean fine = b - a <= 3;
        for (int e = a; e <= b; e++) {
            for (double m : fine ? new double[] {1, 2, 5} : new double[] {1}) {
                double t = m * Math.pow(10, e);
                if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) out.add(t);
            }
        }
        return out;
    }

    /** A tick value with as many decimals as its neighbours need. */
    static String format(double v, List<Double> ticks) {
        double step = ticks.size() > 1 ? Math.abs(ticks.get(1) - ticks.get(0)) : Math.abs(v);
        double a = Math.abs(v);
        if (v != 0 && (a >= 1e6 || a < 1e-4 || (ticks.size() > 1 && ticks.get(1) / ticks.get(0) > 1.5 && ticks.get(0) > 0 && step < 1e-3))) {
            return String.format(java.util.Locale.ROOT, "%.0e", v).replace("e-0", "e-").replace("e+0", "e");
        }
        int decimals = step == 0 ? 0 : Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        if (ticks.size() > 1 && ticks.get(0) > 0 && ticks.get(1) / ticks.get(0) > 1.5) {
            decimals = Math.max(0, (int) Math.ceil(-Math.log10(a) - 1e-9)); // log axis: each tick its own precision
        }
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A legend box at the top right inside the plot: one coloured swatch and name per entry. */
    void legend(Graphics2D g, List<String> names, List<Color> colors, boolean dots) {
        if (names.isEmpty()) return;
        g.setFont(Style.LABEL);
        FontMetrics fm = g.getFontMetrics();
        int w = 0;
        for (String n : names) w = Math.max(w, fm.stringWidth(n));
        double bw = w + 34, bh = names.size() * (fm.getHeight() + 2) + 8;
        double bx = plot.getMaxX() - bw - 8, by = plot.getY() + 8;
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(new Rectangle2D.Double(bx, by, bw, bh));
        g.setColor(Style.GRID);
        g.draw(new Rectangle2D.Double(bx, by, bw, bh));
        for (int i = 0; i < names.size(); i++) {
            double y = by + 6 + i * (fm.getHeight() + 2) + fm.getAscent();
            g.setColor(colors.get(i));
            if (dots) {
                g.fill(new java.awt.geom.Ellipse2D.Double(bx + 10, y - fm.getAscent() / 2.0 - 4, 9, 9));
            } else {
                g.setStroke(Style.LINE);
                g.draw(new Line2D.Double(bx + 6, y - fm.getAscent() / 2.0 + 1, bx + 22, y - fm.getAscent() / 2.0 + 1));
                g.setStroke(Style.THIN);
            }
            g.setColor(Style.TEXT);
            g.drawString(names.get(i), (float) (bx + 28), (float) y);
        }
    }
}

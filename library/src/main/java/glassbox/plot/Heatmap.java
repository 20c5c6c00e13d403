package glassbox.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A matrix as coloured cells, with labelled rows and columns: attention weights (queries down, keys
 * across), LSTM gates (units down, the characters of the text across), a confusion matrix (counts in
 * the cells), similarities between embeddings. Column labels sit on top, turned upright when they
 * do not fit; a colour bar on the right reads colours back as values.
 */
public final class Heatmap extends Figure<Heatmap> {
    final double[] v;
    final int rows, cols;
    List<String> rowLabels, colLabels;
    Boolean showValues;
    Colormap colormap = Colormap.VIRIDIS;
    double vmin, vmax;
    boolean colorBar = true;
    int cell;

    Heatmap(double[] values, int rows, int cols) {
        super(600, 400);
        if (values.length != rows * cols) {
            throw new IllegalArgumentException("heatmap: " + values.length + " values do not fill " + rows + " x " + cols);
        }
        if (rows == 0 || cols == 0) throw new IllegalArgumentException("heatmap: the matrix is empty (" + rows + " x " + cols + ")");
        this.v = values;
        this.rows = rows;
        this.cols = cols;
        vmin = Double.POSITIVE_INFINITY;
        vmax = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (Double.isNaN(x)) continue;
            vmin = Math.min(vmin, x);
            vmax = Math.max(vmax, x);
        }
        if (!(vmax > vmin)) { vmin -= 0.5; vmax += 0.5; }
    }

    /** Labels of the rows, top to bottom (e.g. the query tokens). */
    public Heatmap rowLabels(List<String> labels) {
        if (labels != null && labels.size() != rows) {
            throw new IllegalArgumentException("rowLabels: " + labels.size() + " labels for " + rows + " rows");
        }
        this.rowLabels = labels == null ? null : new ArrayList<>(labels);
        return this;
    }

    /** Labels of the columns, left to right (e.g. the key tokens, or characters). */
    public Heatmap colLabels(List<String> labels) {
        if (labels != null && labels.size() != cols) {
            throw new IllegalArgumentException("colLabels: " + labels.size() + " labels for " + cols + " columns");
        }
        this.colLabels = labels == null ? null : new ArrayList<>(labels);
        return this;
    }

    /** Writes each value in its cell (default: when the cells are big enough and the matrix small). */
    public Heatmap showValues(boolean show) {
        this.showValues = show;
        return this;
    }

    /** The colour scale (default {@link Colormap#VIRIDIS}). */
    public Heatmap colormap(Colormap map) {
        this.colormap = map;
        return this;
    }

    /** Values mapped to the ends of the colour scale (default: the smallest and largest value). */
    public Heatmap range(double min, double max) {
        if (!(max > min)) throw new IllegalArgumentException("range: max (" + max + ") must be above min (" + min + ")");
        this.vmin = min;
        this.vmax = max;
        return this;
    }

    /** Whether to draw the colour bar (default true). */
    public Heatmap colorBar(boolean show) {
        this.colorBar = show;
        return this;
    }

    // ---- layout ---------------------------------------------------------------------------------

    private int rowLabelWidth(Graphics2D g) {
        if (rowLabels == null) return 0;
        g.setFont(Style.TICK);
        FontMetrics fm = g.getFontMetrics();
        int w = 0;
        for (String s : rowLabels) w = Math.max(w, fm.stringWidth(s));
        return Math.min(w, 160) + 6;
    }

    private boolean verticalColLabels(Graphics2D g, double cellW) {
        if (colLabels == null) return false;
        g.setFont(Style.TICK);
        FontMetrics fm = g.getFontMetrics();
        for (String s : colLabels) if (fm.stringWidth(s) > cellW - 2) return true;
        return false;
    }

    private int colLabelHeight(Graphics2D g, double cellW) {
        if (colLabels == null) return 0;
        g.setFont(Style.TICK);
        FontMetrics fm = g.getFontMetrics();
        if (!verticalColLabels(g, cellW)) return fm.getHeight() + 4;
        int w = 0;
        for (String s : colLabels) w = Math.max(w, fm.stringWidth(s));
        return Math.min(w, 120) + 8;
    }

    private static Graphics2D measuring() {
        return new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    }

    @Override
    void prepare() {
        if (fixedSize) return;
        // Square cells: as big as fits in about 720 x 560, between 3 and 44 pixels.
        cell = (int) Math.max(3, Math.min(44, Math.min(720.0 / cols, 560.0 / rows)));
        Graphics2D g = measuring();
        int left = 12 + (yLabel.isEmpty() ? 0 : 20) + rowLabelWidth(g);
        int top = 10 + (title.isEmpty() ? 0 : 26) + (xLabel.isEmpty() ? 0 : 18) + colLabelHeight(g, cell);
        int right = colorBar ? 70 : 14;
        g.setFont(Style.TITLE);
        int titleWidth = title.isEmpty() ? 0 : g.getFontMetrics().stringWidth(title) + 24;
        width = Math.max(Math.max(220, titleWidth), left + cols * cell + right);
        height = Math.max(120, top + rows * cell + 14);
        g.dispose();
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setColor(Style.BACKGROUND);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        int left = 12 + (yLabel.isEmpty() ? 0 : 20) + rowLabelWidth(g);
        int right = colorBar ? 70 : 14;
        int top0 = 10 + (title.isEmpty() ? 0 : 26) + (xLabel.isEmpty() ? 0 : 18);
        // Cell size: fit the space (twice, since column labels may turn upright when cells are narrow).
        double cw = Math.max(1, (width - left - right) / (double) cols);
        int top = top0 + colLabelHeight(g, cw);
        double ch = Math.max(1, (height - top - 14) / (double) rows);
        if (!fixedSize) { cw = Math.min(cw, ch); ch = cw; }
        Rectangle2D area = new Rectangle2D.Double(left, top, cw * cols, ch * rows);
        // title and axis labels
        g.setColor(Style.TEXT);
        if (!title.isEmpty()) {
            g.setFont(Style.TITLE);
            Style.centered(g, Style.fit(g, title, width - 10), Math.max(area.getCenterX(), 80), 24);
        }
        g.setFont(Style.LABEL);
        if (!xLabel.isEmpty()) Style.centered(g, xLabel, area.getCenterX(), top0 - 6);
        if (!yLabel.isEmpty()) Style.vertical(g, yLabel, 16, area.getCenterY());
        // cells: one image pixel per cell, scaled up without smoothing
        BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) img.setRGB(c, r, colormap.rgb(u(v[r * cols + c])));
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(img, left, top, (int) Math.round(area.getWidth()), (int) Math.round(area.getHeight()), null);
        boolean values = showValues != null ? showValues : rows * cols <= 400 && cw >= 26 && ch >= 16;
        if (values || (cw >= 16 && ch >= 16 && rows * cols <= 400)) {
            g.setColor(Color.WHITE);
            g.setStroke(Style.THIN);
            for (int c = 1; c < cols; c++) g.draw(new Line2D.Double(left + c * cw, top, left + c * cw, area.getMaxY()));
            for (int r = 1; r < rows; r++) g.draw(new Line2D.Double(left, top + r * ch, area.getMaxX(), top + r * ch));
        }
        if (values) paintValues(g, left, top, cw, ch);
        paintLabels(g, left, top, cw, ch);
        if (colorBar) paintColorBar(g, area);
    }

    double u(double x) {
        return (x - vmin) / (vmax - vmin);
    }

    private void paintValues(Graphics2D g, double left, double top, double cw, double ch) {
        boolean integers = true;
        for (double x : v) if (x != Math.rint(x)) { integers = false; break; }
        int size = (int) Math.max(7, Math.min(12, Math.min(ch * 0.55, cw / 3.2)));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        FontMetrics fm = g.getFontMetrics();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double x = v[r * cols + c];
                String s = integers ? String.valueOf((long) x) : Math.abs(x) >= 100 ? String.format(java.util.Locale.ROOT, "%.0f", x)
                        : String.format(java.util.Locale.ROOT, "%.2f", x);
                g.setColor(colormap.isDark(u(x)) ? Color.WHITE : Style.TEXT);
                Style.centered(g, Style.fit(g, s, cw - 2), left + (c + 0.5) * cw, top + (r + 0.5) * ch + fm.getAscent() / 2.0 - 1);
            }
        }
    }

    private void paintLabels(Graphics2D g, double left, double top, double cw, double ch) {
        g.setFont(Style.TICK);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Style.TEXT);
        if (rowLabels != null) {
            int step = (int) Math.ceil(fm.getHeight() / ch); // skip labels that would overlap
            for (int r = 0; r < rows; r += step) {
                Style.rightAligned(g, Style.fit(g, rowLabels.get(r), 160), left - 5, top + (r + 0.5) * ch + fm.getAscent() / 2.0 - 1);
            }
        }
        if (colLabels != null) {
            boolean vertical = verticalColLabels(g, cw);
            int step = vertical ? (int) Math.ceil(fm.getHeight() / cw) : 1;
            for (int c = 0; c < cols; c += step) {
                String s = colLabels.get(c);
                double x = left + (c + 0.5) * cw;
                if (vertical) {
                    java.awt.geom.AffineTransform saved = g.getTransform();
                    g.translate(x + fm.getAscent() / 2.0 - 1, top - 5);
                    g.rotate(-Math.PI / 2);
                    g.drawString(Style.fit(g, s, 120), 0, 0);
                    g.setTransform(saved);
                } else {
                    Style.centered(g, s, x, top - 5);
                }
            }
        }
    }

    private void paintColorBar(Graphics2D g, Rectangle2D area) {
        double bx = area.getMaxX() + 14, by = area.getY(), bw = 12, bh = Math.max(40, Math.min(area.getHeight(), 300));
        BufferedImage bar = new BufferedImage(1, 256, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 256; i++) bar.setRGB(0, i, colormap.rgb(1 - i / 255.0));
        g.drawImage(bar, (int) bx, (int) by, (int) bw, (int) bh, null);
        g.setColor(Style.FRAME);
        g.draw(new Rectangle2D.Double(bx, by, bw, bh));
        g.setFont(Style.SMALL);
        FontMetrics fm = g.getFontMetrics();
        List<Double> ticks = Axes.ticks(vmin, vmax, 4);
        g.setColor(Style.MUTED);
        for (double t : ticks) {
            double y = by + bh * (1 - u(t));
            g.draw(new Line2D.Double(bx + bw, y, bx + bw + 3, y));
            g.drawString(Axes.format(t, ticks), (float) (bx + bw + 5), (float) (y + fm.getAscent() / 2.0 - 1));
        }
    }
}

package glassbox.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;

/**
 * The look shared by every chart: an opaque white background (readable in light and dark notebook
 * themes), dark text, light grid lines, and ten distinguishable series colours (matplotlib's tab10).
 */
final class Style {
    private Style() {
    }

    static final Color BACKGROUND = Color.WHITE;
    static final Color TEXT = new Color(0x1f2937);
    static final Color MUTED = new Color(0x6b7280);
    static final Color GRID = new Color(0xe5e7eb);
    static final Color FRAME = new Color(0x9ca3af);
    static final int[] PALETTE = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    static final BasicStroke THIN = new BasicStroke(1f);
    static final BasicStroke LINE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    /** A number for people: 3, 0.25, 0.0312, 1.23e-05 (at most three significant digits, no trailing zeros). */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return String.valueOf(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return String.valueOf((long) v);
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e6) {
            int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(a)));
            String s = String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }
        return String.format(java.util.Locale.ROOT, "%.2e", v);
    }

    /** Series colour number i (cycling through the palette). */
    static Color series(int i) {
        return new Color(PALETTE[Math.floorMod(i, PALETTE.length)]);
    }

    /** Colour c mixed with white: amount 0 keeps c, 1 gives white. */
    static int lighten(int rgb, double amount) {
        int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
        r = (int) Math.round(r + (255 - r) * amount);
        g = (int) Math.round(g + (255 - g) * amount);
        b = (int) Math.round(b + (255 - b) * amount);
        return (r << 16) | (g << 8) | b;
    }

    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    }

    /** Draws text centred horizontally on x with its baseline at y. */
    static void centered(Graphics2D g, String s, double x, double y) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), (float) y);
    }

    /** Draws text ending at x (right-aligned) with its baseline at y. */
    static void rightAligned(Graphics2D g, String s, double x, double y) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, (float) (x - fm.stringWidth(s)), (float) y);
    }

    /** Draws text rotated a quarter turn counter-clockwise, centred on (x, y) along its length. */
    static void vertical(Graphics2D g, String s, double x, double y) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        centered(g, s, 0, 0);
        g.setTransform(saved);
    }

    /** Shortens s with "..." so it fits in maxWidth pixels in the current font. */
    static String fit(Graphics2D g, String s, double maxWidth) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(s) <= maxWidth) return s;
        for (int n = s.length() - 1; n > 0; n--) {
            String t = s.substring(0, n) + "…";
            if (fm.stringWidth(t) <= maxWidth) return t;
        }
        return "";
    }
}

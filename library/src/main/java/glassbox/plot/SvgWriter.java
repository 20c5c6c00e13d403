package glassbox.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.intermediate.commands.AffineTransformCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import de.erichseifert.vectorgraphics2d.intermediate.commands.CreateCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DisposeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawImageCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawStringCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.FillShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetClipCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetColorCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetCompositeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetFontCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetPaintCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetStrokeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetTransformCommand;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Image;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns what a chart drew on a {@link VectorGraphics2D} (a list of drawing commands) into SVG text:
 * shapes as paths, text as {@code <text>} (so labels stay text: searchable, selectable, sharp),
 * images as embedded PNG. Written here because VectorGraphics2D's own SVG writer scans every
 * installed font to resolve Java's logical fonts, which takes most of a second per chart.
 */
final class SvgWriter {
    private static final AtomicInteger DOCS = new AtomicInteger();

    /** The drawing state that commands change; Graphics.create() pushes a copy, dispose() pops it. */
    private static final class State implements Cloneable {
        Color color = Color.BLACK;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        Stroke stroke = new BasicStroke(1f);
        AffineTransform transform = new AffineTransform();
        Shape clip; // in SVG (device) coordinates
        float alpha = 1f;

        State copy() {
            State s = new State();
            s.color = color;
            s.font = font;
            s.stroke = stroke;
            s.transform = new AffineTransform(transform);
            s.clip = clip;
            s.alpha = alpha;
            return s;
        }
    }

    private final StringBuilder out = new StringBuilder();
    private final String idPrefix = "gb" + DOCS.incrementAndGet() + "c";
    private int clipCount;
    private Shape groupClip;
    private boolean groupOpen;

    static String write(VectorGraphics2D g, int width, int height) {
        return new SvgWriter().render(g, width, height);
    }

    private String render(VectorGraphics2D g, int width, int height) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\">\n");
        Deque<State> stack = new ArrayDeque<>();
        State s = new State();
        boolean first = true;
        for (Command<?> c : g.getCommands()) {
            if (c instanceof CreateCommand) {
                if (first) { first = false; continue; } // the root graphics itself
                stack.push(s);
                s = s.copy();
            } else if (c instanceof DisposeCommand) {
                if (!stack.isEmpty()) s = stack.pop();
            } else if (c instanceof SetColorCommand sc) {
                s.color = sc.getValue();
            } else if (c instanceof SetPaintCommand sp) {
                if (sp.getValue() instanceof Color col) s.color = col;
            } else if (c instanceof SetFontCommand sf) {
                s.font = sf.getValue();
            } else if (c instanceof SetStrokeCommand ss) {
                s.stroke = ss.getValue();
            } else if (c instanceof SetCompositeCommand comp) {
                s.alpha = comp.getValue() instanceof AlphaComposite ac ? ac.getAlpha() : 1f;
            } else if (c instanceof SetTransformCommand st) {
                s.transform = new AffineTransform(st.getValue());
            } else if (c instanceof AffineTransformCommand at) {
                s.transform.concatenate(at.getValue());
            } else if (c instanceof SetClipCommand clip) {
                s.clip = clip.getValue() == null ? null : s.transform.createTransformedShape(clip.getValue());
            } else if (c instanceof FillShapeCommand f) {
                useClip(s);
                shape(f.getValue(), s, true);
            } else if (c instanceof DrawShapeCommand d) {
                useClip(s);
                shape(d.getValue(), s, false);
            } else if (c instanceof DrawStringCommand t) {
                useClip(s);
                text(t, s);
            } else if (c instanceof DrawImageCommand im) {
                useClip(s);
                image(im, s);
            }
        }
        if (groupOpen) out.append("</g>\n");
        return out.append("</svg>\n").toString();
    }

    /** Opens a group clipped to the state's clip, if it differs from the open one. */
    private void useClip(State s) {
        if (s.clip == groupClip) return;
        if (groupOpen) out.append("</g>\n");
        groupOpen = false;
        groupClip = s.clip;
        if (s.clip == null) return;
        String id = idPrefix + (++clipCount);
        out.append("<clipPath id=\"").append(id).append("\"><path d=\"").append(path(s.clip, null)).append("\"/></clipPath>\n");
        out.append("<g clip-path=\"url(#").append(id).append(")\">\n");
        groupOpen = true;
    }

    private void shape(Shape shape, State s, boolean fill) {
        String paint = rgb(s.color);
        double opacity = s.alpha * s.color.getAlpha() / 255.0;
        if (shape instanceof Rectangle2D r && isTranslationOrScale(s.transform)) {
            Rectangle2D t = s.transform.createTransformedShape(r).getBounds2D();
            out.append("<rect x=\"").append(n(t.getX())).append("\" y=\"").append(n(t.getY())).append("\" width=\"")
                    .append(n(t.getWidth())).append("\" height=\"").append(n(t.getHeight())).append('"');
        } else {
            out.append("<path d=\"").append(path(shape, s.transform)).append('"');
            if (fill && shape.getPathIterator(null).getWindingRule() == PathIterator.WIND_EVEN_ODD) out.append(" fill-rule=\"evenodd\"");
        }
        if (fill) {
            out.append(" fill=\"").append(paint).append('"');
            if (opacity < 1) out.append(" fill-opacity=\"").append(n(opacity)).append('"');
        } else {
            out.append(" fill=\"none\" stroke=\"").append(paint).append('"');
            if (opacity < 1) out.append(" stroke-opacity=\"").append(n(opacity)).append('"');
            stroke(s);
        }
        out.append("/>\n");
    }

    private void stroke(State s) {
        if (!(s.stroke instanceof BasicStroke b)) return;
        double scale = Math.sqrt(Math.abs(s.transform.getDeterminant()));
        out.append(" stroke-width=\"").append(n(b.getLineWidth() * scale)).append('"');
        if (b.getEndCap() == BasicStroke.CAP_ROUND) out.append(" stroke-linecap=\"round\"");
        else if (b.getEndCap() == BasicStroke.CAP_SQUARE) out.append(" stroke-linecap=\"square\"");
        if (b.getLineJoin() == BasicStroke.JOIN_ROUND) out.append(" stroke-linejoin=\"round\"");
        else if (b.getLineJoin() == BasicStroke.JOIN_BEVEL) out.append(" stroke-linejoin=\"bevel\"");
        if (b.getDashArray() != null) {
            out.append(" stroke-dasharray=\"");
            float[] d = b.getDashArray();
            for (int i = 0; i < d.length; i++) out.append(i > 0 ? "," : "").append(n(d[i] * scale));
            out.append('"');
        }
    }

    private void text(DrawStringCommand t, State s) {
        Font f = s.font;
        out.append("<text x=\"").append(n(t.getX())).append("\" y=\"").append(n(t.getY())).append('"');
        if (!s.transform.isIdentity()) out.append(" transform=\"").append(matrix(s.transform)).append('"');
        out.append(" font-family=\"").append(family(f)).append("\" font-size=\"").append(n(f.getSize2D())).append('"');
        if (f.isBold()) out.append(" font-weight=\"bold\"");
        if (f.isItalic()) out.append(" font-style=\"italic\"");
        out.append(" fill=\"").append(rgb(s.color)).append('"');
        double opacity = s.alpha * s.color.getAlpha() / 255.0;
        if (opacity < 1) out.append(" fill-opacity=\"").append(n(opacity)).append('"');
        out.append(" xml:space=\"preserve\">").append(escape(t.getValue())).append("</text>\n");
    }

    private void image(DrawImageCommand im, State s) {
        Image img = im.getValue();
        BufferedImage b;
        if (img instanceof BufferedImage bi) {
            b = bi;
        } else {
            b = new BufferedImage(im.getImageWidth(), im.getImageHeight(), BufferedImage.TYPE_INT_ARGB);
            b.getGraphics().drawImage(img, 0, 0, null);
        }
        out.append("<image x=\"").append(n(im.getX())).append("\" y=\"").append(n(im.getY())).append("\" width=\"")
                .append(n(im.getWidth())).append("\" height=\"").append(n(im.getHeight()))
                .append("\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\"");
        if (!s.transform.isIdentity()) out.append(" transform=\"").append(matrix(s.transform)).append('"');
        out.append(" xlink:href=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(Png.encode(b))).append("\"/>\n");
    }

    private static boolean isTranslationOrScale(AffineTransform t) {
        return t.getShearX() == 0 && t.getShearY() == 0 && t.getScaleX() > 0 && t.getScaleY() > 0;
    }

    /** SVG path data of a shape, transformed by t (or as is when t is null). */
    private static String path(Shape shape, AffineTransform t) {
        StringBuilder d = new StringBuilder();
        double[] p = new double[6];
        for (PathIterator it = shape.getPathIterator(t); !it.isDone(); it.next()) {
            switch (it.currentSegment(p)) {
                case PathIterator.SEG_MOVETO -> d.append('M').append(n(p[0])).append(',').append(n(p[1]));
                case PathIterator.SEG_LINETO -> d.append('L').append(n(p[0])).append(',').append(n(p[1]));
                case PathIterator.SEG_QUADTO -> d.append('Q').append(n(p[0])).append(',').append(n(p[1])).append(' ')
                        .append(n(p[2])).append(',').append(n(p[3]));
                case PathIterator.SEG_CUBICTO -> d.append('C').append(n(p[0])).append(',').append(n(p[1])).append(' ')
                        .append(n(p[2])).append(',').append(n(p[3])).append(' ').append(n(p[4])).append(',').append(n(p[5]));
                default -> d.append('Z');
            }
        }
        return d.toString();
    }

    private static String matrix(AffineTransform t) {
        return "matrix(" + n(t.getScaleX()) + " " + n(t.getShearY()) + " " + n(t.getShearX()) + " " + n(t.getScaleY()) + " "
                + n(t.getTranslateX()) + " " + n(t.getTranslateY()) + ")";
    }

    private static String family(Font f) {
        String fam = f.getFamily();
        if (fam.equals(Font.MONOSPACED)) return "'DejaVu Sans Mono', Menlo, Consolas, monospace";
        if (fam.equals(Font.SERIF)) return "'DejaVu Serif', Georgia, serif";
        if (fam.equals(Font.SANS_SERIF) || fam.equals(Font.DIALOG) || fam.equals(Font.DIALOG_INPUT)) {
            return "'DejaVu Sans', Verdana, Helvetica, Arial, sans-serif";
        }
        return "'" + escape(fam) + "', sans-serif";
    }

    private static String rgb(Color c) {
        return String.format("#%06x", c.getRGB() & 0xffffff);
    }

    /** A coordinate with at most two decimals (written by hand: String.format is slow for thousands of points). */
    static String n(double v) {
        if (!Double.isFinite(v)) return "0";
        long r = Math.round(v * 100);
        StringBuilder b = new StringBuilder(12);
        if (r < 0) { b.append('-'); r = -r; }
        long whole = r / 100, frac = r % 100;
        b.append(whole);
        if (frac != 0) {
            b.append('.');
            if (frac % 10 == 0) b.append(frac / 10);
            else b.append(frac < 10 ? "0" : "").append(frac);
        }
        String s = b.toString();
        return s.equals("-0") ? "0" : s;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t') b.append(c);
                }
            }
        }
        return b.toString();
    }
}

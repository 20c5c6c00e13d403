package glassbox.kernel.install;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The kernel's logo. The only committed form is {@code logo.svg} (a resource next to this class);
 * the PNG sizes Jupyter asks for are drawn from it with Java2D at install time.
 *
 * <p>This is a deliberately small SVG renderer: {@code rect}, {@code circle}, {@code line},
 * {@code polygon} and {@code polyline}, with {@code fill}, {@code stroke}, {@code stroke-width},
 * {@code opacity}/{@code fill-opacity}/{@code stroke-opacity} and {@code stroke-linejoin}, in
 * document order, scaled from the {@code viewBox} to the requested size. Anything else in the file
 * is an error rather than a silently different picture.
 */
public final class Logo {

    private static final String RESOURCE = "logo.svg";

    private final String svg;

    private Logo(String svg) {
        this.svg = svg;
    }

    /** The logo shipped with the kernel. */
    public static Logo glassbox() {
        try (InputStream in = Logo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("logo resource " + RESOURCE + " is missing from the kernel jar");
            }
            return new Logo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A logo from SVG text (the supported subset only). */
    public static Logo fromSvg(String svg) {
        return new Logo(svg);
    }

    /** The SVG source, written as {@code logo-svg.svg}. */
    public String svg() {
        return svg;
    }

    /** The logo drawn into a transparent {@code size} x {@code size} image. */
    public BufferedImage render(int size) {
        Element root = parse();
        double[] box = viewBox(root);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            double scale = Math.min(size / box[2], size / box[3]);
            g.scale(scale, scale);
            g.translate(-box[0], -box[1]);
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    draw(g, e);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The logo as PNG bytes, {@code size} x {@code size}. */
    public byte[] png(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(render(size), "png", out)) {
                throw new IllegalStateException("this JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Element parse() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
            if (!root.getTagName().equals("svg")) {
                throw new IllegalArgumentException("logo: root element is <" + root.getTagName() + ">, expected <svg>");
            }
            return root;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("logo: cannot parse the SVG: " + e.getMessage(), e);
        }
    }

    private static double[] viewBox(Element root) {
        String vb = root.getAttribute("viewBox");
        if (vb.isBlank()) {
            return new double[] {0, 0, number(root, "width"), number(root, "height")};
        }
        String[] parts = vb.trim().split("[\\s,]+");
        if (parts.length != 4) {
            throw new IllegalArgumentException("logo: viewBox needs four numbers, got '" + vb + "'");
        }
        double[] box = new double[4];
        for (int i = 0; i < 4; i++) {
            box[i] = Double.parseDouble(parts[i]);
        }
        return box;
    }

    private static void draw(Graphics2D g, Element e) {
        Shape shape = switch (e.getTagName()) {
            case "rect" -> new RoundRectangle2D.Double(number(e, "x", 0), number(e, "y", 0),
                    number(e, "width"), number(e, "height"), 2 * number(e, "rx", 0), 2 * number(e, "rx", 0));
            case "circle" -> {
                double r = number(e, "r");
                yield new Ellipse2D.Double(number(e, "cx", 0) - r, number(e, "cy", 0) - r, 2 * r, 2 * r);
            }
            case "line" -> new Line2D.Double(number(e, "x1", 0), number(e, "y1", 0), number(e, "x2", 0), number(e, "y2", 0));
            case "polygon" -> points(e, true);
            case "polyline" -> points(e, false);
            default -> throw new IllegalArgumentException("logo: unsupported SVG element <" + e.getTagName()
                    + ">; use rect, circle, line, polygon or polyline");
        };
        double opacity = number(e, "opacity", 1);
        Color fill = color(e, "fill", e.getTagName().equals("line") || e.getTagName().equals("polyline") ? "none" : "#000000",
                opacity * number(e, "fill-opacity", 1));
        Color stroke = color(e, "stroke", "none", opacity * number(e, "stroke-opacity", 1));
        if (fill != null) {
            g.setColor(fill);
            g.fill(shape);
        }
        if (stroke != null) {
            int join = switch (e.getAttribute("stroke-linejoin")) {
                case "round" -> BasicStroke.JOIN_ROUND;
                case "bevel" -> BasicStroke.JOIN_BEVEL;
                default -> BasicStroke.JOIN_MITER;
            };
            int cap = switch (e.getAttribute("stroke-linecap")) {
                case "round" -> BasicStroke.CAP_ROUND;
                case "square" -> BasicStroke.CAP_SQUARE;
                default -> BasicStroke.CAP_BUTT;
            };
            g.setStroke(new BasicStroke((float) number(e, "stroke-width", 1), cap, join));
            g.setColor(stroke);
            g.draw(shape);
        }
    }

    private static Shape points(Element e, boolean close) {
        String[] parts = e.getAttribute("points").trim().split("[\\s,]+");
        if (parts.length < 4 || parts.length % 2 != 0) {
            throw new IllegalArgumentException("logo: <" + e.getTagName() + "> needs x,y pairs in 'points', got '"
                    + e.getAttribute("points") + "'");
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
        for (int i = 2; i < parts.length; i += 2) {
            path.lineTo(Double.parseDouble(parts[i]), Double.parseDouble(parts[i + 1]));
        }
        if (close) {
            path.closePath();
        }
        return path;
    }

    private static double number(Element e, String name) {
        if (!e.hasAttribute(name)) {
            throw new IllegalArgumentException("logo: <" + e.getTagName() + "> lacks the attribute '" + name + "'");
        }
        return number(e, name, 0);
    }

    private static double number(Element e, String name, double fallback) {
        String v = e.getAttribute(name).trim();
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.endsWith("px") ? v.substring(0, v.length() - 2) : v);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("logo: <" + e.getTagName() + "> " + name + "='" + v + "' is not a number");
        }
    }

    /** A {@code #rgb}/{@code #rrggbb} colour with the given opacity, or null for {@code none}. */
    private static Color color(Element e, String name, String fallback, double opacity) {
        String v = e.getAttribute(name).trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            v = fallback;
        }
        if (v.equals("none")) {
            return null;
        }
        if (v.startsWith("#") && v.length() == 4) {
            v = "#" + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2) + v.charAt(3) + v.charAt(3);
        }
        if (!v.matches("#[0-9a-f]{6}")) {
            throw new IllegalArgumentException("logo: <" + e.getTagName() + "> " + name + "='" + v
                    + "': only #rgb, #rrggbb and none are supported");
        }
        int rgb = Integer.parseInt(v.substring(1), 16);
        int alpha = (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255);
        return new Color((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
    }
}

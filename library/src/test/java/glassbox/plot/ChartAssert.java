package glassbox.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Renders a chart both ways and gives the test what it needs to check the content. */
final class ChartAssert {
    final BufferedImage png;
    final Document svg;
    final List<String> texts = new ArrayList<>();
    final String svgText;

    private ChartAssert(Figure<?> f) throws Exception {
        byte[] bytes = f.toPngBytes();
        png = ImageIO.read(new ByteArrayInputStream(bytes));
        assertEquals(2 * f.width(), png.getWidth(), "PNG at twice the width");
        assertEquals(2 * f.height(), png.getHeight(), "PNG at twice the height");
        svgText = f.toSvgString();
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        svg = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(svgText.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        assertEquals(String.valueOf(f.width()), svg.getDocumentElement().getAttribute("width"));
        assertEquals(String.valueOf(f.height()), svg.getDocumentElement().getAttribute("height"));
        assertTrue(!svgText.contains("<script"), "no JavaScript");
        NodeList list = svg.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < list.getLength(); i++) texts.add(list.item(i).getTextContent());
    }

    static ChartAssert render(Figure<?> f) throws Exception {
        return new ChartAssert(f);
    }

    ChartAssert hasText(String... expected) {
        for (String s : expected) assertTrue(texts.contains(s), "SVG text '" + s + "' in " + texts);
        return this;
    }

    /** Fraction of PNG pixels that satisfy the test. */
    double fraction(IntPredicate rgb) {
        long n = 0;
        for (int y = 0; y < png.getHeight(); y++) for (int x = 0; x < png.getWidth(); x++) if (rgb.test(png.getRGB(x, y) & 0xffffff)) n++;
        return (double) n / (png.getWidth() * png.getHeight());
    }

    /** Pixels within a small distance of the colour. */
    static IntPredicate near(int color, int tolerance) {
        return c -> Math.abs(((c >> 16) & 255) - ((color >> 16) & 255)) <= tolerance
                && Math.abs(((c >> 8) & 255) - ((color >> 8) & 255)) <= tolerance
                && Math.abs((c & 255) - (color & 255)) <= tolerance;
    }

    static IntPredicate bluish() {
        return c -> (c & 255) > ((c >> 16) & 255) + 25;
    }

    static IntPredicate orangish() {
        return c -> ((c >> 16) & 255) > (c & 255) + 25 && ((c >> 8) & 255) > (c & 255);
    }

    int pixel(int x, int y) {
        return png.getRGB(x, y) & 0xffffff;
    }
}

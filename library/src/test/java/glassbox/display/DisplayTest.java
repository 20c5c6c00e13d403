package glassbox.display;

import glassbox.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DisplayTest {
    @AfterEach
    void resetSink() {
        Display.setSink(null);
        Display.setThreadSink(null);
    }

    static BufferedImage png(MimeBundle b) throws Exception {
        byte[] bytes = Base64.getDecoder().decode((String) b.get("image/png"));
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void smallMatrixIsTextAndHtmlTable() {
        MimeBundle b = Renderers.render(Tensor.of(new float[][]{{1, 2.5f}, {3, 4}}));
        assertEquals(Tensor.of(new float[][]{{1, 2.5f}, {3, 4}}).toString(), b.plainText());
        String html = (String) b.get("text/html");
        assertTrue(html.contains("shape [2, 2]"), html);
        assertTrue(html.contains(">2.500<") && html.contains(">4<"), html);
        assertEquals(4, html.split("<td").length - 1);
    }

    @Test
    void bigMatrixIsAHeatmap() throws Exception {
        Tensor big = Tensor.arange(100 * 60).reshape(100, 60);
        MimeBundle b = Renderers.render(big);
        BufferedImage img = png(b);
        assertEquals(4 * 60, img.getWidth());
        assertEquals(4 * 100, img.getHeight());
        // low values blue, high values red
        int low = img.getRGB(0, 0), high = img.getRGB(img.getWidth() - 1, img.getHeight() - 1);
        assertTrue((low & 0xff) > ((low >> 16) & 0xff), Integer.toHexString(low));
        assertTrue(((high >> 16) & 0xff) > (high & 0xff), Integer.toHexString(high));
        assertTrue(((String) b.get("text/html")).contains("max 5999"));
    }

    @Test
    void imagesArePng() throws Exception {
        BufferedImage img = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 2, 0x00ff00);
        BufferedImage back = png(Renderers.render(img));
        assertEquals(7, back.getWidth());
        assertEquals(0x00ff00, back.getRGB(3, 2) & 0xffffff);
    }

    @Test
    void chartsArePngAtTwiceTheSizeAndSvg() throws Exception {
        XYChart chart = new XYChartBuilder().width(300).height(200).title("loss").build();
        chart.addSeries("train", new double[]{1, 2, 3}, new double[]{3, 2, 1});
        MimeBundle b = Renderers.render(chart);
        BufferedImage img = png(b);
        assertEquals(600, img.getWidth());
        assertEquals(400, img.getHeight());
        assertEquals(300, b.metadata().get("image/png").get("width"));
        assertEquals(200, b.metadata().get("image/png").get("height"));
        String svg = (String) b.get("image/svg+xml");
        assertNotNull(svg);
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
        assertTrue(b.plainText().contains("loss"));
    }

    @Test
    void tablesAreHtmlWithHeadAndTail() {
        int n = 30;
        double[] v = new double[n];
        String[] s = new String[n];
        for (int i = 0; i < n; i++) { v[i] = i; s[i] = "row" + i; }
        Table t = Table.create("metrics", DoubleColumn.create("loss", v), StringColumn.create("name", s));
        String html = (String) Renderers.render(t).get("text/html");
        assertTrue(html.contains("metrics: 30 rows &times; 2 columns"), html);
        assertTrue(html.contains(">loss<") && html.contains("row0") && html.contains("row29"), html);
        assertFalse(html.contains("row15"), "middle rows are elided");
        assertTrue(html.contains("&hellip;"));
    }

    static final class Graph implements Displayable {
        @Override
        public MimeBundle toMimeBundle() {
            return MimeBundle.of("image/svg+xml", "<svg/>").put("text/plain", "graph");
        }
    }

    interface Shape { }

    static final class Square implements Shape { }

    @Test
    void displayablesAndRegisteredRenderersWinOverToString() {
        assertEquals("<svg/>", Renderers.render(new Graph()).get("image/svg+xml"));
        Renderers.register(Shape.class, x -> MimeBundle.of("text/html", "<i>shape</i>"));
        MimeBundle b = Renderers.render(new Square());
        assertEquals("<i>shape</i>", b.get("text/html"));
        assertNotNull(b.plainText(), "text/plain is always filled in");
        assertEquals("42", Renderers.render(42).plainText());
        assertEquals("null", Renderers.render(null).plainText());
    }

    @Test
    void withoutAKernelShowPrintsPlainText() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Display.show(Tensor.of(1f, 2f)).update("later");
            Display.markdown("# hi");
        } finally {
            System.setOut(old);
        }
        String s = buf.toString(StandardCharsets.UTF_8);
        assertTrue(s.contains(Tensor.of(1f, 2f).toString()), s);
        assertTrue(s.contains("later") && s.contains("# hi"), s);
    }

    @Test
    void updatesReuseTheDisplayId() {
        List<String[]> calls = new ArrayList<>();
        Display.setThreadSink(new DisplaySink() {
            public void display(MimeBundle b, String id) { calls.add(new String[]{"display", id, b.plainText()}); }
            public void update(MimeBundle b, String id) { calls.add(new String[]{"update", id, b.plainText()}); }
        });
        DisplayHandle h = Display.show("epoch 1");
        h.update("epoch 2");
        h.update("epoch 3");
        assertEquals(3, calls.size());
        assertEquals("display", calls.get(0)[0]);
        assertEquals("update", calls.get(2)[0]);
        assertEquals(h.id(), calls.get(0)[1]);
        assertEquals(h.id(), calls.get(2)[1]);
        assertEquals("epoch 3", calls.get(2)[2]);
        assertNotEquals(h.id(), Display.show("other").id());
    }
}

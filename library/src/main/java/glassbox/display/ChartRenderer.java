package glassbox.display;

import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Shows an XChart chart as a PNG drawn at twice its size (sharp on high-DPI screens; width/height
 * metadata tell the front end to display it at the chart's own size) and as SVG.
 */
final class ChartRenderer {
    private ChartRenderer() { }

    static void registerIfPresent() {
        try {
            Class.forName("org.knowm.xchart.internal.chartpart.Chart", false, ChartRenderer.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        Renderers.register(Chart.class, ChartRenderer::render);
    }

    static MimeBundle render(Chart<?, ?> chart) {
        int w = chart.getWidth(), h = chart.getHeight();
        BufferedImage img = new BufferedImage(2 * w, 2 * h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(2, 2);
        chart.paint(g, w, h);
        g.dispose();
        String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "" : " \"" + chart.getTitle() + "\"";
        MimeBundle b = new MimeBundle()
                .put("text/plain", chart.getClass().getSimpleName() + title + " " + w + "x" + h)
                .putPng(Images.png(img))
                .putMetadata("image/png", "width", w)
                .putMetadata("image/png", "height", h);
        String svg = svg(chart);
        if (svg != null) b.put("image/svg+xml", svg);
        return b;
    }

    private static String svg(Chart<?, ?> chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException | LinkageError e) {
            return null; // PNG is enough
        }
    }
}

package glassbox.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import glassbox.display.Display;
import glassbox.display.DisplayHandle;
import glassbox.display.Displayable;
import glassbox.display.MimeBundle;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A chart that draws itself with Java2D, and so renders to PNG (at twice its size, sharp on high-DPI
 * screens) and to SVG. Every chart of {@link Plot} is one. Settings are fluent:
 * {@code Plot.line(losses).title("Loss").xLabel("step").toPng("loss.png")}.
 *
 * @param <F> the concrete chart type, so fluent setters keep it
 */
public abstract class Figure<F extends Figure<F>> implements Displayable {
    String title = "";
    String xLabel = "";
    String yLabel = "";
    int width;
    int height;
    /** True when the notebook should show SVG rather than PNG. */
    boolean showSvg;
    /** True once {@link #size} was called: charts that size themselves to their content then fit into it. */
    boolean fixedSize;

    protected Figure(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @SuppressWarnings("unchecked")
    final F self() {
        return (F) this;
    }

    /** The title drawn above the chart. */
    public F title(String title) {
        this.title = title == null ? "" : title;
        return self();
    }

    /** The label of the horizontal axis. */
    public F xLabel(String label) {
        this.xLabel = label == null ? "" : label;
        return self();
    }

    /** The label of the vertical axis. */
    public F yLabel(String label) {
        this.yLabel = label == null ? "" : label;
        return self();
    }

    /** The size in (CSS) pixels; PNGs have twice as many. */
    public F size(int width, int height) {
        this.fixedSize = true;
        if (width < 50 || height < 50) {
            throw new IllegalArgumentException("size: " + width + "x" + height + " is too small; use at least 50x50 pixels");
        }
        this.width = width;
        this.height = height;
        return self();
    }

    public String title() {
        return title;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Draws the whole chart, background included, into a width x height area at the origin of g. */
    public abstract void paint(Graphics2D g, int width, int height);

    /** Called before rendering: charts that size themselves to their content set width and height here. */
    void prepare() {
    }

    /** The chart as an image, {@code scale} image pixels per chart pixel. */
    public BufferedImage toImage(double scale) {
        prepare();
        int w = (int) Math.ceil(width * scale), h = (int) Math.ceil(height * scale);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Style.hints(g);
        g.scale(scale, scale);
        paint(g, width, height);
        g.dispose();
        return img;
    }

    /** The chart as an image at twice its size (for high-DPI screens). */
    public BufferedImage toImage() {
        return toImage(2);
    }

    /** PNG bytes of {@link #toImage()}. */
    public byte[] toPngBytes() {
        return Png.encode(toImage());
    }

    /** The chart as an SVG document (text as text, rasters such as heatmaps as embedded PNG). */
    public String toSvgString() {
        prepare();
        VectorGraphics2D g = new VectorGraphics2D();
        Style.hints(g);
        paint(g, width, height);
        return SvgWriter.write(g, width, height);
    }

    /** Writes the PNG (2x) to {@code path}, creating folders; returns the path. */
    public Path toPng(Path path) {
        return write(path, toPngBytes());
    }

    /** Writes the PNG (2x) to {@code path}. */
    public Path toPng(String path) {
        return toPng(Path.of(path));
    }

    /** Writes the SVG to {@code path}, creating folders; returns the path. */
    public Path toSvg(Path path) {
        return write(path, toSvgString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the SVG to {@code path}. */
    public Path toSvg(String path) {
        return toSvg(Path.of(path));
    }

    private static Path write(Path path, byte[] bytes) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.write(path, bytes);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write chart to " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Shows this chart as SVG in the notebook (vector, selectable text) instead of a 2x PNG. */
    public F asSvg() {
        this.showSvg = true;
        return self();
    }

    /**
     * What a notebook shows: a PNG drawn at twice the size, displayed at the chart's size (sharp on
     * high-DPI screens), or SVG after {@link #asSvg()}; and a line of text for plain consoles.
     */
    @Override
    public MimeBundle toMimeBundle() {
        MimeBundle b = new MimeBundle();
        if (showSvg) {
            b.put("image/svg+xml", toSvgString());
        } else {
            b.putPng(toPngBytes());
            b.putMetadata("image/png", "width", width);
            b.putMetadata("image/png", "height", height);
        }
        return b.put("text/plain", toString());
    }

    /** Shows the chart now (not only as a cell's last value); the handle can redraw it in place. */
    public DisplayHandle show() {
        return Display.show(this);
    }

    /** One line describing the chart (what a notebook shows when it cannot show images). */
    @Override
    public String toString() {
        String kind = getClass().getSimpleName();
        return kind + (title.isEmpty() ? "" : " \"" + title + "\"") + " " + width + "x" + height;
    }
}

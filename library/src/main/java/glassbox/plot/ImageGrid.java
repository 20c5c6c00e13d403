package glassbox.plot;

import glassbox.tensor.Tensor;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tensors as a grid of small images: digits with their predicted and true labels, the filters of a
 * convolution, the feature maps of one image, generated samples. Accepts [N, H, W] (grey),
 * [N, 1, H, W], [N, 3, H, W] (RGB in [0, 1]), [1, C, H, W] (C feature maps) or a single [H, W].
 * Grey tiles are scaled to the colour range by default per tile ({@link #perTile}), or with one
 * range for all ({@link #range}); signed filters read best with {@link Colormap#DIVERGING}.
 */
public final class ImageGrid extends Figure<ImageGrid> {
    final List<float[]> tiles = new ArrayList<>();
    final int h, w;
    final boolean rgb;
    int cols;
    int scale;
    List<String> captions;
    List<Boolean> captionOk;
    Colormap colormap = Colormap.GRAY;
    Double lo, hi;

    ImageGrid(Tensor images) {
        super(600, 400);
        int[] s = images.shape();
        float[] v = images.toFloatArray();
        int n, c;
        if (s.length == 2) { n = 1; c = 1; h = s[0]; w = s[1]; }
        else if (s.length == 3) { n = s[0]; c = 1; h = s[1]; w = s[2]; }
        else if (s.length == 4 && (s[1] == 1 || s[1] == 3)) { n = s[0]; c = s[1]; h = s[2]; w = s[3]; }
        else if (s.length == 4 && s[0] == 1) { n = s[1]; c = 1; h = s[2]; w = s[3]; }
        else {
            throw new IllegalArgumentException("images: expected [N, H, W], [N, 1 or 3, H, W], [1, C, H, W] or [H, W], got "
                    + Arrays.toString(s) + (s.length == 4 ? "; pick one image's feature maps with t.get(i).unsqueeze(0)" : ""));
        }
        if (n == 0) throw new IllegalArgumentException("images: no images to draw (shape " + Arrays.toString(s) + ")");
        rgb = c == 3;
        int size = c * h * w;
        for (int i = 0; i < n; i++) tiles.add(Arrays.copyOfRange(v, i * size, (i + 1) * size));
        cols = (int) Math.min(n, Math.max(1, Math.ceil(Math.sqrt(n * 1.6))));
        if (rgb) { lo = 0.0; hi = 1.0; }
        scale = (int) Math.max(1, Math.ceil(56.0 / Math.max(h, w)));
    }

    /** Tiles per row. */
    public ImageGrid cols(int cols) {
        if (cols < 1) throw new IllegalArgumentException("cols: need at least 1 tile per row, got " + cols);
        this.cols = cols;
        return this;
    }

    /** Screen pixels per image pixel (default: tiles of about 56 pixels). */
    public ImageGrid scale(int scale) {
        if (scale < 1) throw new IllegalArgumentException("scale: must be at least 1, got " + scale);
        this.scale = scale;
        return this;
    }

    /** A caption under each tile. */
    public ImageGrid captions(List<String> captions) {
        if (captions.size() != tiles.size()) {
            throw new IllegalArgumentException("captions: " + captions.size() + " captions for " + tiles.size() + " images");
        }
        this.captions = new ArrayList<>(captions);
        this.captionOk = null;
        return this;
    }

    /**
     * Captions "predicted (true)" under each tile, green when the prediction is right and red when wrong.
     * classNames may be null to show the class numbers.
     */
    public ImageGrid labels(int[] predicted, int[] actual, List<String> classNames) {
        if (predicted.length != tiles.size() || actual.length != tiles.size()) {
            throw new IllegalArgumentException("labels: " + predicted.length + " predictions and " + actual.length
                    + " true labels for " + tiles.size() + " images");
        }
        captions = new ArrayList<>();
        captionOk = new ArrayList<>();
        for (int i = 0; i < predicted.length; i++) {
            String p = name(predicted[i], classNames), a = name(actual[i], classNames);
            captions.add(predicted[i] == actual[i] ? p : p + " (" + a + ")");
            captionOk.add(predicted[i] == actual[i]);
        }
        return this;
    }

    /** {@link #labels(int[], int[], List)} with labels as tensors of class indices. */
    public ImageGrid labels(Tensor predicted, Tensor actual, List<String> classNames) {
        return labels(Data.classes(predicted), Data.classes(actual), classNames);
    }

    private static String name(int c, List<String> names) {
        return names != null && c >= 0 && c < names.size() ? names.get(c) : String.valueOf(c);
    }

    /** The colour scale for grey images (default {@link Colormap#GRAY}: low black, high white). */
    public ImageGrid colormap(Colormap map) {
        this.colormap = map;
        return this;
    }

    /** One value range for every tile: lo is drawn as the low colour, hi as the high one. */
    public ImageGrid range(double lo, double hi) {
        if (!(hi > lo)) throw new IllegalArgumentException("range: hi (" + hi + ") must be above lo (" + lo + ")");
        this.lo = lo;
        this.hi = hi;
        return this;
    }

    /** Scales each tile to its own range (the default for grey images). */
    public ImageGrid perTile() {
        this.lo = null;
        this.hi = null;
        return this;
    }

    /** The number of tiles. */
    public int count() {
        return tiles.size();
    }

    private int captionHeight() {
        return captions == null ? 0 : 15;
    }

    private int tileW() {
        return Math.max(w * scale, captions == null ? 0 : 44);
    }

    private static final int GAP = 4, MARGIN = 10;

    @Override
    void prepare() {
        if (fixedSize) return;
        int rows = (tiles.size() + cols - 1) / cols;
        width = Math.max(Math.max(120, titleWidth()), 2 * MARGIN + cols * tileW() + (cols - 1) * GAP);
        height = (title.isEmpty() ? MARGIN : 34) + rows * (h * scale + captionHeight() + GAP) + MARGIN - GAP;
    }

    private int titleWidth() {
        if (title.isEmpty()) return 0;
        java.awt.Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        g.setFont(Style.TITLE);
        int w = g.getFontMetrics().stringWidth(title) + 2 * MARGIN;
        g.dispose();
        return w;
    }

    /** The top-left corner (x, y) of tile i in a chart laid out at its own size. */
    int[] tileOrigin(int i) {
        int top = title.isEmpty() ? MARGIN : 34;
        int gridW = 2 * MARGIN + cols * tileW() + (cols - 1) * GAP;
        int shift = Math.max(0, (Math.max(120, titleWidth()) - gridW) / 2);
        return new int[] {shift + MARGIN + (i % cols) * (tileW() + GAP) + (tileW() - w * scale) / 2,
            top + (i / cols) * (h * scale + captionHeight() + GAP)};
    }

    BufferedImage tileImage(int i) {
        float[] t = tiles.get(i);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        if (rgb) {
            int plane = h * w;
            for (int p = 0; p < plane; p++) {
                int r = channel(t[p]), g = channel(t[plane + p]), b = channel(t[2 * plane + p]);
                img.setRGB(p % w, p / w, (r << 16) | (g << 8) | b);
            }
            return img;
        }
        double a = lo != null ? lo : Double.POSITIVE_INFINITY, b = hi != null ? hi : Double.NEGATIVE_INFINITY;
        if (lo == null) {
            for (float f : t) { a = Math.min(a, f); b = Math.max(b, f); }
            if (colormap == Colormap.DIVERGING) { double m = Math.max(Math.abs(a), Math.abs(b)); a = -m; b = m; }
            if (!(b > a)) { a -= 0.5; b += 0.5; }
        }
        for (int p = 0; p < h * w; p++) img.setRGB(p % w, p / w, colormap.rgb((t[p] - a) / (b - a)));
        return img;
    }

    private int channel(float f) {
        double u = (f - lo) / (hi - lo);
        return (int) Math.round(255 * Math.max(0, Math.min(1, u)));
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setColor(Style.BACKGROUND);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        // When given a fixed size, shrink the whole grid to fit it.
        int rows = (tiles.size() + cols - 1) / cols;
        int natW = Math.max(Math.max(120, titleWidth()), 2 * MARGIN + cols * tileW() + (cols - 1) * GAP);
        int natH = (title.isEmpty() ? MARGIN : 34) + rows * (h * scale + captionHeight() + GAP) + MARGIN - GAP;
        double f = Math.min(1.0 * width / natW, 1.0 * height / natH);
        java.awt.geom.AffineTransform saved = g.getTransform();
        if (f < 1) g.scale(f, f);
        if (!title.isEmpty()) {
            g.setColor(Style.TEXT);
            g.setFont(Style.TITLE);
            Style.centered(g, Style.fit(g, title, natW - 10), natW / 2.0, 24);
        }
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setFont(Style.SMALL);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < tiles.size(); i++) {
            int[] o = tileOrigin(i);
            g.drawImage(tileImage(i), o[0], o[1], w * scale, h * scale, null);
            if (captions != null) {
                boolean marked = captionOk != null;
                g.setColor(!marked ? Style.TEXT : captionOk.get(i) ? new Color(0x15803d) : new Color(0xb91c1c));
                double cx = o[0] + w * scale / 2.0;
                Style.centered(g, Style.fit(g, captions.get(i), tileW() + GAP - 1), cx, o[1] + h * scale + fm.getAscent() + 1);
            }
        }
        g.setTransform(saved);
    }
}

package glassbox.plot;

import java.awt.Color;

/**
 * Maps a number u in [0, 1] to a colour by interpolating between a few anchor colours.
 * {@link #VIRIDIS} (dark blue to yellow) suits any magnitude; {@link #DIVERGING} (blue, white, red)
 * suits signed values centred on zero (weights, gradients); {@link #GRAY} shows images as they are
 * (0 black, 1 white); {@link #BLUES} (white to dark blue) suits counts such as a confusion matrix.
 */
public enum Colormap {
    VIRIDIS(0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725),
    DIVERGING(0x2166ac, 0x67a9cf, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xef8a62, 0xb2182b),
    GRAY(0x000000, 0xffffff),
    GRAY_REVERSED(0xffffff, 0x000000),
    BLUES(0xf7fbff, 0xc6dbef, 0x6baed6, 0x2171b5, 0x08306b);

    private final int[] anchors;

    Colormap(int... anchors) {
        this.anchors = anchors;
    }

    /** The colour at u (clamped to [0, 1]; NaN gives mid grey) as 0xRRGGBB. */
    public int rgb(double u) {
        if (Double.isNaN(u)) return 0x9ca3af;
        u = Math.max(0, Math.min(1, u));
        double pos = u * (anchors.length - 1);
        int i = Math.min((int) pos, anchors.length - 2);
        double t = pos - i;
        int a = anchors[i], b = anchors[i + 1];
        int r = (int) Math.round(((a >> 16) & 255) * (1 - t) + ((b >> 16) & 255) * t);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - t) + ((b >> 8) & 255) * t);
        int bl = (int) Math.round((a & 255) * (1 - t) + (b & 255) * t);
        return (r << 16) | (g << 8) | bl;
    }

    /** The colour at u as a {@link Color}. */
    public Color color(double u) {
        return new Color(rgb(u));
    }

    /** True if text drawn on the colour at u should be white rather than black. */
    public boolean isDark(double u) {
        int c = rgb(u);
        double lum = 0.299 * ((c >> 16) & 255) + 0.587 * ((c >> 8) & 255) + 0.114 * (c & 255);
        return lum < 140;
    }
}

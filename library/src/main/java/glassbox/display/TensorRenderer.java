package glassbox.display;

import glassbox.tensor.Tensor;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Shows a tensor: text/plain is its usual string; a 1-D or small 2-D tensor also gets an HTML table
 * headed by its shape; a 2-D tensor too big for a table (more than 40 rows or columns) gets a heatmap
 * PNG (blue = low, white = middle, red = high) with the value range in the caption.
 */
final class TensorRenderer {
    static final int TABLE_LIMIT = 40;

    private TensorRenderer() { }

    static MimeBundle render(Tensor t) {
        MimeBundle b = MimeBundle.text(t.toString());
        int[] shape = t.shape();
        if (shape.length == 1 && shape[0] <= TABLE_LIMIT) {
            b.put("text/html", table(t.toFloatArray(), 1, shape[0], shape));
        } else if (shape.length == 2 && shape[0] <= TABLE_LIMIT && shape[1] <= TABLE_LIMIT) {
            b.put("text/html", table(t.toFloatArray(), shape[0], shape[1], shape));
        } else if (shape.length == 2 && shape[0] > 0 && shape[1] > 0) {
            float[] v = t.toFloatArray();
            float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
            for (float x : v) { if (x < min) min = x; if (x > max) max = x; }
            b.putPng(Images.png(heatmap(v, shape[0], shape[1], min, max)));
            b.put("text/html", caption(shape) + " min " + min + ", max " + max);
            b.data(); // keep order: text, png, html
        }
        return b;
    }

    private static String caption(int[] shape) {
        return "<div style=\"font-family:monospace;font-size:90%\">Tensor shape " + Arrays.toString(shape) + "</div>";
    }

    private static String table(float[] v, int rows, int cols, int[] shape) {
        StringBuilder sb = new StringBuilder(caption(shape));
        sb.append("<table style=\"font-family:monospace;border-collapse:collapse\">");
        for (int r = 0; r < rows; r++) {
            sb.append("<tr>");
            for (int c = 0; c < cols; c++) {
                sb.append("<td style=\"padding:2px 6px;text-align:right\">")
                  .append(format(v[r * cols + c])).append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</table>").toString();
    }

    private static String format(float x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e7) return String.valueOf((long) x);
        return String.format("%.4g", x);
    }

    static BufferedImage heatmap(float[] v, int rows, int cols, float min, float max) {
        int scale = Math.max(1, Math.min(8, 400 / Math.max(rows, cols)));
        BufferedImage img = new BufferedImage(cols * scale, rows * scale, BufferedImage.TYPE_INT_RGB);
        float range = max - min;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                float x = v[r * cols + c];
                float u = range > 0 ? (x - min) / range : 0.5f;   // 0 .. 1
                int rgb = Float.isNaN(x) ? 0x000000 : color(u);
                for (int dy = 0; dy < scale; dy++)
                    for (int dx = 0; dx < scale; dx++)
                        img.setRGB(c * scale + dx, r * scale + dy, rgb);
            }
        }
        return img;
    }

    /** Blue (0) -> white (0.5) -> red (1). */
    private static int color(float u) {
        int red, green, blue;
        if (u < 0.5f) {
            float w = u * 2;
            red = (int) (59 + w * (255 - 59)); green = (int) (76 + w * (255 - 76)); blue = (int) (192 + w * (255 - 192));
        } else {
            float w = (u - 0.5f) * 2;
            red = (int) (255 - w * (255 - 180)); green = (int) (255 - w * 255); blue = (int) (255 - w * (255 - 38));
        }
        return (red << 16) | (green << 8) | blue;
    }
}

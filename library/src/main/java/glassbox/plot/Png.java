package glassbox.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small PNG encoder for opaque RGB images. Each row is filtered the way libpng does by default:
 * all five PNG filters are tried (None; Sub, the difference to the pixel on the left; Up, to the
 * pixel above; Average of the two; Paeth, to whichever of left, above and upper-left predicts
 * best), and the row keeps the one whose bytes, read as signed numbers, have the smallest sum of
 * absolute values. Flat colour areas and vertical edges then become runs of zeros that Deflate
 * (level 6) squeezes well. On the course's charts this is about 30% smaller than Sub alone, which
 * matters because notebooks are committed with their outputs.
 */
final class Png {
    private Png() {
    }

    static byte[] encode(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight(), n = 3 * w;
        int[] argb = new int[w];
        byte[] prev = new byte[n], cur = new byte[n];
        byte[][] filtered = new byte[5][n];
        byte[] raw = new byte[h * (1 + n)];
        int p = 0;
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0, i = 0; x < w; x++) {
                int c = argb[x];
                cur[i++] = (byte) (c >> 16);
                cur[i++] = (byte) (c >> 8);
                cur[i++] = (byte) c;
            }
            int best = 0;
            long bestCost = Long.MAX_VALUE;
            for (int f = 0; f < 5; f++) {
                long cost = filterRow(f, cur, prev, filtered[f]);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = f;
                }
            }
            raw[p++] = (byte) best;
            System.arraycopy(filtered[best], 0, raw, p, n);
            p += n;
            byte[] t = prev;
            prev = cur;
            cur = t;
        }
        Deflater deflater = new Deflater(6);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream idat = new ByteArrayOutputStream(raw.length / 8 + 64);
        byte[] buf = new byte[1 << 16];
        while (!deflater.finished()) idat.write(buf, 0, deflater.deflate(buf));
        deflater.end();

        ByteArrayOutputStream out = new ByteArrayOutputStream(idat.size() + 64);
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, w);
        putInt(ihdr, 4, h);
        ihdr[8] = 8; // bits per channel
        ihdr[9] = 2; // colour type: RGB
        chunk(out, "IHDR", ihdr);
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * Applies PNG filter {@code type} (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth) to one row of RGB
     * bytes, given the row above; returns the sum of |filtered byte| (as signed), the cost to minimise.
     */
    static long filterRow(int type, byte[] cur, byte[] prev, byte[] out) {
        long cost = 0;
        for (int i = 0; i < cur.length; i++) {
            int x = cur[i] & 255;
            int a = i >= 3 ? cur[i - 3] & 255 : 0;   // left
            int b = prev[i] & 255;                  // above
            int predicted = switch (type) {
                case 0 -> 0;
                case 1 -> a;
                case 2 -> b;
                case 3 -> (a + b) >>> 1;
                default -> paeth(a, b, i >= 3 ? prev[i - 3] & 255 : 0);
            };
            byte v = (byte) (x - predicted);
            out[i] = v;
            cost += Math.abs(v);
        }
        return cost;
    }

    /** The Paeth predictor: of left, above and upper-left, the one closest to left + above - upper-left. */
    static int paeth(int a, int b, int c) {
        int p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] len = new byte[4];
        putInt(len, 0, data.length);
        out.writeBytes(len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.writeBytes(c);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}

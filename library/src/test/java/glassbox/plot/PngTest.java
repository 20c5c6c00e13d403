package glassbox.plot;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class PngTest {

    /** PNG's reconstruction of a filtered row (the decoder's side), written out for the test. */
    static byte[] unfilter(int type, byte[] filtered, byte[] prev) {
        byte[] out = new byte[filtered.length];
        for (int i = 0; i < out.length; i++) {
            int a = i >= 3 ? out[i - 3] & 255 : 0, b = prev[i] & 255, c = i >= 3 ? prev[i - 3] & 255 : 0;
            int predicted = switch (type) {
                case 0 -> 0;
                case 1 -> a;
                case 2 -> b;
                case 3 -> (a + b) / 2;
                default -> Png.paeth(a, b, c);
            };
            out[i] = (byte) ((filtered[i] & 255) + predicted);
        }
        return out;
    }

    @Test
    void everyFilterIsUndoneByThePngReconstruction() {
        Random r = new Random(3);
        byte[] prev = new byte[60], cur = new byte[60], filtered = new byte[60];
        r.nextBytes(prev);
        r.nextBytes(cur);
        for (int type = 0; type < 5; type++) {
            Png.filterRow(type, cur, prev, filtered);
            assertArrayEquals(cur, unfilter(type, filtered, prev), "filter " + type);
        }
    }

    @Test
    void imagesSurviveARoundTripThroughImageIoPixelForPixel() throws Exception {
        Random r = new Random(1);
        BufferedImage noise = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 23; y++) for (int x = 0; x < 37; x++) noise.setRGB(x, y, r.nextInt(1 << 24));
        BufferedImage chart = new BufferedImage(200, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = chart.createGraphics();
        Style.hints(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 120);
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.BLUE, 0, 120, Color.ORANGE));
        g.fillRect(10, 10, 60, 100);
        g.setColor(Color.BLACK);
        g.drawLine(0, 119, 199, 0);
        g.drawString("loss", 120, 60);
        g.dispose();
        for (BufferedImage img : new BufferedImage[] {noise, chart}) {
            byte[] png = Png.encode(img);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(img.getWidth(), back.getWidth());
            assertEquals(img.getHeight(), back.getHeight());
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    assertEquals(img.getRGB(x, y) & 0xffffff, back.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void aVerticalGradientCompressesBetterWithAdaptiveFiltersThanWithSubAlone() {
        // Every row of a vertical gradient differs from the row above by the same small step: "Up"
        // turns it into near-constant bytes, "Sub" alone leaves each row's first pixel and the steps.
        BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) for (int x = 0; x < 300; x++) img.setRGB(x, y, ((x * 7 + y * 3) & 255) << 8 | (y & 255));
        byte[] cur = new byte[900], prev = new byte[900], out = new byte[900];
        long sub = 0, best = 0;
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                int c = img.getRGB(x, y);
                cur[3 * x] = (byte) (c >> 16);
                cur[3 * x + 1] = (byte) (c >> 8);
                cur[3 * x + 2] = (byte) c;
            }
            sub += Png.filterRow(1, cur, prev, out);
            long min = Long.MAX_VALUE;
            for (int f = 0; f < 5; f++) min = Math.min(min, Png.filterRow(f, cur, prev, out));
            best += min;
            System.arraycopy(cur, 0, prev, 0, 900);
        }
        assertTrue(best < sub / 2, "adaptive cost " + best + " vs Sub " + sub);
    }
}

package glassbox.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LogoTest {

    @Test
    void drawsTheShippedLogoAtBothKernelspecSizes() throws Exception {
        for (int size : new int[] {32, 64}) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Logo.glassbox().png(size)));
            assertEquals(size, png.getWidth());
            assertEquals(size, png.getHeight());
            // The top-left and bottom-right corners are outside the cube: transparent.
            assertEquals(0, png.getRGB(0, size - 1) >>> 24, "bottom-left corner is transparent");
            assertEquals(0, png.getRGB(size - 1, size - 1) >>> 24, "bottom-right corner is transparent");
            // The output neuron (a red circle at 37,38 in the 64-unit viewBox) is drawn opaque and red.
            int rgb = png.getRGB(37 * size / 64, 38 * size / 64);
            assertEquals(255, rgb >>> 24, "output neuron is opaque");
            assertTrue(((rgb >> 16) & 0xff) > 200 && ((rgb >> 8) & 0xff) < 120, "output neuron is red: " + Integer.toHexString(rgb));
        }
    }

    @Test
    void scalesTheViewBoxAndHonoursFillOpacityAndStroke() {
        String svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'>"
                + "<rect x='0' y='0' width='5' height='10' fill='#0000ff'/>"
                + "<rect x='5' y='0' width='5' height='10' fill='#ff0000' fill-opacity='0.5'/>"
                + "<line x1='0' y1='9' x2='10' y2='9' stroke='#00ff00' stroke-width='2'/></svg>";
        BufferedImage img = Logo.fromSvg(svg).render(20);
        assertEquals(0xff0000ff, img.getRGB(4, 4), "left half blue");
        int right = img.getRGB(15, 4);
        assertEquals(0xff0000, right & 0xffffff, "right half red");
        assertTrue(Math.abs((right >>> 24) - 128) <= 1, "right half half-transparent: " + (right >>> 24));
        assertEquals(0xff00ff00, img.getRGB(10, 18), "the green line across the bottom, 2 units = 4 px thick");
    }

    @Test
    void refusesWhatItCannotDrawNamingTheElement() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Logo.fromSvg("<svg viewBox='0 0 1 1'><path d='M0 0L1 1'/></svg>").render(8));
        assertTrue(e.getMessage().contains("<path>"), e.getMessage());
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> Logo.fromSvg("<svg viewBox='0 0 1 1'><rect width='1' height='1' fill='red'/></svg>").render(8));
        assertTrue(c.getMessage().contains("fill='red'"), c.getMessage());
    }
}

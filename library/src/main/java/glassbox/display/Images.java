package glassbox.display;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** PNG encoding of images for display. */
final class Images {
    private Images() { }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MimeBundle bundle(BufferedImage image) {
        return new MimeBundle().putPng(png(image))
                .put("text/plain", "<image " + image.getWidth() + "x" + image.getHeight() + ">");
    }
}

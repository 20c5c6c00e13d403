package glassbox.data;

import glassbox.tensor.Tensor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST (optionally gzip-compressed).
 *
 * <p>An IDX file is a big-endian header then raw unsigned bytes: magic {@code 0x00000803} followed by
 * the count, rows and columns for images; magic {@code 0x00000801} followed by the count for labels.
 * Images become a float tensor [N, 1, rows, cols] with pixel values / 255 in [0, 1] (one channel, as
 * PyTorch's {@code ToTensor} gives); labels become float class indices [N].
 *
 * <p>A file whose length does not match its header is refused with a message saying how many bytes
 * the header promised and how many are there, so nothing is ever half-loaded.
 */
public final class Idx {
    private Idx() {}

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    /** Images [N, 1, rows, cols] in [0, 1] from an IDX file ({@code .gz} or not). */
    public static Tensor readImages(Path file) {
        return images(readFile(file), file.toString());
    }

    /** Labels [N] (float class indices) from an IDX file ({@code .gz} or not). */
    public static Tensor readLabels(Path file) {
        return labels(readFile(file), file.toString());
    }

    static Tensor images(byte[] fileBytes, String where) {
        ByteBuffer in = ByteBuffer.wrap(gunzip(fileBytes, where));
        requireHeader(in, where, 4);
        int magic = in.getInt();
        if (magic != IMAGES_MAGIC) {
            throw new DatasetException(where + " is not an IDX image file: magic number 0x"
                    + Integer.toHexString(magic) + ", expected 0x803 (labels files have 0x801).");
        }
        requireHeader(in, where, 12);
        int n = in.getInt();
        int rows = in.getInt();
        int cols = in.getInt();
        long expected = (long) n * rows * cols;
        checkLength(in, expected, where, n + " images of " + rows + "x" + cols);
        float[] pixels = new float[(int) expected];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (in.get() & 0xFF) / 255f;
        return Tensor.fromArray(pixels, n, 1, rows, cols);
    }

    static Tensor labels(byte[] fileBytes, String where) {
        ByteBuffer in = ByteBuffer.wrap(gunzip(fileBytes, where));
        requireHeader(in, where, 4);
        int magic = in.getInt();
        if (magic != LABELS_MAGIC) {
            throw new DatasetException(where + " is not an IDX label file: magic number 0x"
                    + Integer.toHexString(magic) + ", expected 0x801 (image files have 0x803).");
        }
        requireHeader(in, where, 4);
        int n = in.getInt();
        checkLength(in, n, where, n + " labels");
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) labels[i] = in.get() & 0xFF;
        return Tensor.fromArray(labels, n);
    }

    // ---------------------------------------------------------------------------------------------

    /** Checks that {@code bytes} more header bytes are there. */
    private static void requireHeader(ByteBuffer in, String where, int bytes) {
        if (in.remaining() < bytes) {
            throw new DatasetException(where + " is truncated inside its IDX header: " + in.remaining()
                    + " bytes left where " + bytes + " more header bytes were expected.");
        }
    }

    private static void checkLength(ByteBuffer in, long expected, String where, String what) {
        if (in.remaining() != expected) {
            throw new DatasetException(where + (in.remaining() < expected ? " is truncated" : " has trailing bytes")
                    + ": its header promises " + what + " (" + expected + " bytes of data) but "
                    + in.remaining() + " bytes follow the header.");
        }
    }

    private static byte[] readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException("IDX file not found: " + file);
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DatasetException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Decompresses gzip data (recognised by its magic bytes 1f 8b); other data is returned as is. */
    private static byte[] gunzip(byte[] bytes, String where) {
        if (bytes.length < 2 || (bytes[0] & 0xFF) != 0x1f || (bytes[1] & 0xFF) != 0x8b) return bytes;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DatasetException(where + " is a damaged or truncated gzip file (" + e.getMessage() + ").", e);
        }
    }
}

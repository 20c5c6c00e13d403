package glassbox.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding datasets/, and the errors for missing, corrupted and truncated files. */
class DatasetFilesTest {
    @TempDir
    Path temp;

    private final String userDir = System.getProperty("user.dir");

    @AfterEach
    void restore() {
        System.clearProperty(DatasetFiles.PROPERTY);
        System.setProperty("user.dir", userDir);
    }

    /** Copies one shipped file into temp/<relative> and returns the copy. */
    private Path copy(String relative) throws Exception {
        Path target = temp.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.write(target, DatasetFiles.read(relative));
        return target;
    }

    @Test
    void theRepositoryFolderIsFoundByLookingUpward() {
        assertTrue(DatasetFiles.location().endsWith("datasets"), DatasetFiles.location());
        assertTrue(Files.isRegularFile(Path.of(DatasetFiles.location(), "README.md")));
    }

    @Test
    void aConfiguredFolderIsUsed() throws Exception {
        copy("tabular/iris.csv");
        System.setProperty(DatasetFiles.PROPERTY, temp.toString());
        assertEquals(temp.toAbsolutePath().toString(), DatasetFiles.location());
        assertEquals(150, Datasets.iris().size());
    }

    @Test
    void aCorruptedFileNamesItsPathAndTheExpectedChecksum() throws Exception {
        Path file = copy("tabular/iris.csv");
        byte[] bytes = Files.readAllBytes(file);
        bytes[100] = (byte) (bytes[100] == '1' ? '2' : '1');
        Files.write(file, bytes);
        System.setProperty(DatasetFiles.PROPERTY, temp.toString());
        DatasetException e = assertThrows(DatasetException.class, Datasets::iris);
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(DatasetFiles.SHA256.get("tabular/iris.csv")), e.getMessage());
        assertTrue(e.getMessage().contains(DatasetFiles.sha256(bytes)), e.getMessage());
    }

    @Test
    void aTruncatedShippedImageFileIsRefusedByItsChecksum() throws Exception {
        Path file = copy("mnist/t10k-images-idx3-ubyte.gz");
        copy("mnist/t10k-labels-idx1-ubyte.gz");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        System.setProperty(DatasetFiles.PROPERTY, temp.toString());
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.mnist(Split.TEST));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(DatasetFiles.SHA256.get("mnist/t10k-images-idx3-ubyte.gz")), e.getMessage());
    }

    @Test
    void aMissingFileNamesItsPath() {
        System.setProperty(DatasetFiles.PROPERTY, temp.toString());
        DatasetException e = assertThrows(DatasetException.class, Datasets::breastCancer);
        assertTrue(e.getMessage().contains(temp.resolve("tabular/breast-cancer.csv").toString()), e.getMessage());
        assertTrue(e.getMessage().contains(DatasetFiles.PROPERTY), e.getMessage());
    }

    @Test
    void withoutAFolderTheCopyInTheJarIsUsed() {
        // No datasets/ above a temporary working directory: the build's copy on the classpath is read.
        System.setProperty("user.dir", temp.toString());
        assertTrue(DatasetFiles.location().startsWith("classpath:"), DatasetFiles.location());
        assertEquals(569, Datasets.breastCancer().size());
    }

    @Test
    void unknownFileIsRefused() {
        assertThrows(DatasetException.class, () -> DatasetFiles.read("tabular/titanic.csv"));
    }

    // ---- IDX -------------------------------------------------------------------------------------

    static byte[] idxImages(int n, int rows, int cols, int pixelBytes) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixelBytes);
        b.putInt(Idx.IMAGES_MAGIC).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < pixelBytes; i++) b.put((byte) (i * 51));
        return b.array();
    }

    static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void idxReadsImagesAndLabels() throws Exception {
        Path images = temp.resolve("images.gz");
        Files.write(images, gzip(idxImages(2, 2, 3, 12)));
        var x = Idx.readImages(images);
        assertArrayEquals(new int[] {2, 1, 2, 3}, x.shape());
        assertEquals(51f / 255f, x.get(0, 0, 0, 1));
        assertEquals(((11 * 51) & 0xFF) / 255f, x.get(1, 0, 1, 2));
        Path labels = temp.resolve("labels");
        Files.write(labels, ByteBuffer.allocate(11).putInt(Idx.LABELS_MAGIC).putInt(3).put((byte) 7).put((byte) 0)
                .put((byte) 9).array());
        assertArrayEquals(new float[] {7, 0, 9}, Idx.readLabels(labels).toFloatArray());
    }

    @Test
    void aTruncatedIdxFileSaysWhatTheHeaderPromised() throws Exception {
        Path images = temp.resolve("short-images.gz");
        Files.write(images, gzip(idxImages(10, 28, 28, 7000)));
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.readImages(images));
        assertTrue(e.getMessage().contains(images.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("10 images of 28x28 (7840 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("7000 bytes follow"), e.getMessage());
    }

    @Test
    void aCutGzipStreamIsRefused() throws Exception {
        byte[] gz = gzip(idxImages(10, 28, 28, 7840));
        Path images = temp.resolve("cut.gz");
        Files.write(images, Arrays.copyOf(gz, gz.length - 20));
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.readImages(images));
        assertTrue(e.getMessage().contains(images.toString()) && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void labelsAreNotImages() throws Exception {
        Path labels = temp.resolve("labels");
        Files.write(labels, ByteBuffer.allocate(9).putInt(Idx.LABELS_MAGIC).putInt(1).put((byte) 3).array());
        DatasetException e = assertThrows(DatasetException.class, () -> Idx.readImages(labels));
        assertTrue(e.getMessage().contains("0x801"), e.getMessage());
    }
}

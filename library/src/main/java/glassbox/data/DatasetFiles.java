package glassbox.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the files of the {@code datasets/} folder and checks each one against its SHA-256 before any
 * byte of it is used, so a damaged file is reported instead of half-loaded.
 *
 * <p>Where the folder is looked for, in this order:
 * <ol>
 *   <li>the system property {@code glassbox.datasets}, else the environment variable
 *       {@code GLASSBOX_DATASETS} (a path to a {@code datasets} folder; when set, nothing else is tried);
 *   <li>a {@code datasets/} folder holding this project's {@code README.md}, in the working directory or
 *       any directory above it (running from the repository);
 *   <li>the library jar itself: the build copies {@code datasets/} into it under
 *       {@code glassbox/datasets/} (an installed kernel has only jars).
 * </ol>
 *
 * <p>The expected SHA-256 of every shipped file is listed in {@link #SHA256} (and in
 * {@code datasets/README.md}); {@code sha256sum} computes the same value.
 */
public final class DatasetFiles {
    private DatasetFiles() {}

    /** System property naming the datasets folder. */
    public static final String PROPERTY = "glassbox.datasets";
    /** Environment variable naming the datasets folder. */
    public static final String ENVIRONMENT = "GLASSBOX_DATASETS";
    /** Where the build puts the files inside the library jar. */
    static final String RESOURCE_PREFIX = "glassbox/datasets/";
    /** The first line of datasets/README.md: how the upward search recognises our folder. */
    static final String README_TITLE = "# Glassbox datasets";

    /** Relative path inside {@code datasets/} -> expected SHA-256 (hex) of the file. */
    public static final Map<String, String> SHA256 = sums(
            "tabular/iris.csv", "9cc1c345c71bcc9b486b74cbf6063fa66f4bb5e0f603a4b3c3471ec2e5e8e355",
            "tabular/breast-cancer.csv", "518936fa92ca3d8a78c420aee22030c4e519ffcba3be15dd23e83f2fc22e20e5",
            "tabular/diabetes.csv", "204d81f03de9e7e697edd0aeb0f930eda353fbedc2c4709b04e115342fda7844",
            "tabular/digits.csv", "592cc047d0a1cc7fdef9fd724514209dcb45a80aa147dc3ab375e3e1a9a380f4",
            "mnist/train-images-idx3-ubyte.gz", "87150efe2c6571e4768b41a5b691c3cda0fd938c00623a992a25379f29ef4e5a",
            "mnist/train-labels-idx1-ubyte.gz", "cd8f4a0770ab9bd9326144a650dae6dbb57e858a8e307a67f4ca1c86c57bea02",
            "mnist/t10k-images-idx3-ubyte.gz", "c8dae9f7de9e1992e88415cc30ddda5de6c69e00937d71446fd7d27a23ead77f",
            "mnist/t10k-labels-idx1-ubyte.gz", "0d530e880e78567e73486646d5cdcbf59f56ba66d53598cd255d8f0d022236ea",
            "fashion-mnist/train-images-idx3-ubyte.gz", "1ecc7f90b9d150b40c359acf80cfec4990bfbcc1db9fe346f886d9e7fcae0000",
            "fashion-mnist/train-labels-idx1-ubyte.gz", "036b3a9440a684e6f8117e910b5dad249f9165250c2ae2341f2bfd8482381497",
            "fashion-mnist/t10k-images-idx3-ubyte.gz", "e60ede7714c657ced2d723c33140572b5476b46df34b385a6e176b0757dc4318",
            "fashion-mnist/t10k-labels-idx1-ubyte.gz", "e6d25f5f3e85bb315a10172898c1c8f69ce52c4f9306c5821205c821bfca8847",
            "text/austen/sense-and-sensibility.txt", "105e1651fe93bed7130078578efd31e0c557d68667ba672ddc876f735b30fe09",
            "text/austen/pride-and-prejudice.txt", "dfc684d4f857fa938268f9ab9c5567b64bd0691251eca959644adeabe6287a4d",
            "text/austen/mansfield-park.txt", "98bc90519cdf4ef663ad7de2734bb529435ef24f7abbde6bb1a50898871dafe9",
            "text/austen/emma.txt", "7c67b5985c6d0de1efaeb5d342d52cb82c38083c40e2295129e30e87ee690ebe",
            "text/austen/northanger-abbey.txt", "51f91bbe0517db8e65cff009b097ce0a1836124c4e0532ac19e6c0cad982abed",
            "text/austen/persuasion.txt", "8061549557aebd2fd6e353d18d9197cb707029112bd52d4d8b174583a925848a",
            "text/words.txt", "a43c50614fda43658df3e60aa07e8cc37f657d969fcf89938731bf059db16d16",
            "text/proper-nouns.txt", "d2d948dada14a103dfcbfb986b0249da79565931a1416078b93ab45959130336",
            "models/gpt-austen.safetensors", "03809a7ede8618649ec0614ed432780ce27b1e23cf346f3e9ced576f8e367be4",
            "models/bert-austen.safetensors", "2c3102a1d0a011af4a1fa8e2b332ed2fd35eb809e2b06ef51b7aa6d919fc15d1",
            "models/austen-char-lstm.safetensors", "29e350be57554036ba8e84b5813ee83f50ddb9f6a46b5b52adefb89fb08329ad",
            "models/pride-char-lstm.safetensors", "2aa3739cf5da5bca99ed325217754c0aae59f08a58ae21240abb31d623804b1a");

    /** The full Fashion-MNIST of Debian's {@code dataset-fashion-mnist} (Zalando's original files). */
    public static final Path FASHION_MNIST_FULL = Paths.get("/usr/share/datasets/fashion-mnist");

    /** File name -> SHA-256 of the full Fashion-MNIST files (as published by Zalando Research). */
    public static final Map<String, String> FASHION_MNIST_FULL_SHA256 = sums(
            "train-images-idx3-ubyte.gz", "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
            "train-labels-idx1-ubyte.gz", "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
            "t10k-images-idx3-ubyte.gz", "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
            "t10k-labels-idx1-ubyte.gz", "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05");

    /**
     * The bytes of {@code datasets/<relative>}, after checking their SHA-256.
     *
     * @throws DatasetException if the file cannot be found (the message says where it looked and what
     *     to do) or its checksum differs from the expected one (the message names both)
     */
    public static byte[] read(String relative) {
        String expected = SHA256.get(relative);
        if (expected == null) {
            throw new DatasetException("'" + relative + "' is not one of the shipped data files: " + SHA256.keySet());
        }
        Path root = configuredRoot();
        if (root != null) {
            Path file = root.resolve(relative);
            if (!Files.isRegularFile(file)) {
                throw new DatasetException("Data file not found: " + file + " (the folder comes from "
                        + configuredBy() + "). Point it at the datasets/ folder of the Glassbox repository, "
                        + "or unset it to use the copy inside the library jar.");
            }
            return readVerified(file, expected);
        }
        Path found = searchUpward();
        if (found != null && Files.isRegularFile(found.resolve(relative))) {
            return readVerified(found.resolve(relative), expected);
        }
        try (InputStream in = DatasetFiles.class.getClassLoader().getResourceAsStream(RESOURCE_PREFIX + relative)) {
            if (in != null) {
                return verify(in.readAllBytes(), "classpath:" + RESOURCE_PREFIX + relative, expected);
            }
        } catch (IOException e) {
            throw new DatasetException("Could not read classpath:" + RESOURCE_PREFIX + relative + ": " + e.getMessage(), e);
        }
        throw new DatasetException("Data file not found: datasets/" + relative + ". Looked in "
                + (found == null ? "no datasets/ folder above " + workingDirectory() : found.resolve(relative))
                + " and in the library jar (" + RESOURCE_PREFIX + relative + "). Run from inside the Glassbox "
                + "repository, or set -D" + PROPERTY + "=/path/to/glassbox/datasets (or " + ENVIRONMENT + ").");
    }

    /** Reads any file and checks it against {@code expectedSha256}; used for files outside datasets/. */
    public static byte[] readVerified(Path file, String expectedSha256) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException("Data file not found: " + file);
        }
        try {
            return verify(Files.readAllBytes(file), file.toString(), expectedSha256);
        } catch (IOException e) {
            throw new DatasetException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The datasets folder in use, or a description of the jar copy: where {@link #read} will look first.
     */
    public static String location() {
        Path root = configuredRoot();
        if (root != null) return root.toString();
        Path found = searchUpward();
        if (found != null) return found.toString();
        return "classpath:" + RESOURCE_PREFIX;
    }

    /**
     * Reads and checks every shipped file; returns one line per file ("ok" or the error). A quick way
     * for a teacher to check an installation.
     */
    public static List<String> verifyAll() {
        List<String> report = new ArrayList<>();
        for (String relative : SHA256.keySet()) {
            try {
                byte[] bytes = read(relative);
                report.add("ok    " + relative + " (" + bytes.length + " bytes)");
            } catch (DatasetException e) {
                report.add("FAIL  " + e.getMessage());
            }
        }
        return report;
    }

    /** Hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static byte[] verify(byte[] bytes, String where, String expected) {
        String actual = sha256(bytes);
        if (!actual.equals(expected)) {
            throw new DatasetException("Checksum mismatch for " + where + ": expected SHA-256 " + expected
                    + " but the file (" + bytes.length + " bytes) has " + actual
                    + ". The file is damaged or was changed; restore it (in the repository: "
                    + "git checkout -- datasets/) and try again.");
        }
        return bytes;
    }

    private static Path configuredRoot() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) value = System.getenv(ENVIRONMENT);
        if (value == null || value.isBlank()) return null;
        return Paths.get(value).toAbsolutePath();
    }

    private static String configuredBy() {
        String value = System.getProperty(PROPERTY);
        return value != null && !value.isBlank() ? "system property " + PROPERTY : "environment variable " + ENVIRONMENT;
    }

    private static Path workingDirectory() {
        return Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    }

    /** The nearest {@code datasets/} folder at or above the working directory whose README is ours. */
    private static Path searchUpward() {
        for (Path dir = workingDirectory(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("datasets");
            Path readme = candidate.resolve("README.md");
            if (Files.isRegularFile(readme)) {
                try (var lines = Files.lines(readme)) {
                    if (lines.findFirst().orElse("").startsWith(README_TITLE)) return candidate;
                } catch (IOException | java.io.UncheckedIOException e) {
                    // not readable: keep looking
                }
            }
        }
        return null;
    }

    private static Map<String, String> sums(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(map);
    }
}

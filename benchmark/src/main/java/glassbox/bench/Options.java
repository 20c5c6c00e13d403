package glassbox.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Command-line settings shared by all workloads. */
final class Options {
    /** Fewer and shorter samples: a rough figure in a fraction of the time. */
    boolean quick;
    /** Thread counts to measure (default 1 and 2). */
    int[] threads = {1, 2};
    /** Skip the Python references (OpenBLAS, PyTorch) even if they are installed. */
    boolean noReference;

    /** Seconds per timed sample. */
    double sampleSeconds() {
        return quick ? 0.05 : 0.2;
    }

    /** Number of timed samples; the median is reported. */
    int samples() {
        return quick ? 3 : 7;
    }

    /**
     * The folder of the shared reference scripts: {@code $GLASSBOX_REFERENCE_DIR}, else
     * {@code ../shared/bench} next to the repository.
     */
    static Path referenceDir() {
        String env = System.getenv("GLASSBOX_REFERENCE_DIR");
        if (env != null && !env.isBlank()) return Paths.get(env);
        Path here = Paths.get("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("bench");
            if (Files.isDirectory(candidate)) return candidate;
        }
        return here.resolve("../shared/bench").normalize();
    }
}

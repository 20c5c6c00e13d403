package glassbox.kernel.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The kernel's distribution folder as {@code ./mvnw package} builds it
 * ({@code kernel/target/glassbox-kernel/}): a {@code lib/} folder of plain jars (the kernel, the
 * library and their dependencies) that together form the kernel's class path.
 */
public record Distribution(Path root) {

    /** The class the kernel starts with. */
    public static final String MAIN_CLASS = "glassbox.kernel.Main";

    /** The distribution this installer runs from (the folder holding the {@code lib/} with its jar). */
    public static Distribution ofRunningInstaller() {
        Path location;
        try {
            location = Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where the installer runs from; pass --dist DIR", e);
        }
        Path lib = location.getParent();
        if (!Files.isRegularFile(location) || lib == null || !lib.getFileName().toString().equals("lib")) {
            throw new IllegalStateException("the installer runs from " + location + ", not from a packaged distribution."
                    + " Build it with ./mvnw package -DskipTests and run ./glassbox install (or pass --dist"
                    + " kernel/target/glassbox-kernel).");
        }
        return new Distribution(lib.getParent());
    }

    public Path lib() {
        return root.resolve("lib");
    }

    /** The jars of the class path, sorted by name. */
    public List<Path> jars() {
        try (Stream<Path> files = Files.list(lib())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with a clear message unless this looks like a built kernel distribution. */
    public Distribution check() {
        if (!Files.isDirectory(lib())) {
            throw new IllegalStateException("no kernel distribution at " + root + " (" + lib() + " is missing)."
                    + " Build it with ./mvnw package -DskipTests.");
        }
        String entry = MAIN_CLASS.replace('.', '/') + ".class";
        for (Path jar : jars()) {
            try (JarFile file = new JarFile(jar.toFile())) {
                if (file.getEntry(entry) != null) {
                    return this;
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + jar + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("no jar in " + lib() + " contains " + MAIN_CLASS
                + ". Rebuild the kernel with ./mvnw package -DskipTests.");
    }
}

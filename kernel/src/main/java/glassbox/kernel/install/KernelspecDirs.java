package glassbox.kernel.install;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Jupyter looks for kernelspecs, computed the way {@code jupyter_core.paths} does, so that
 * {@code jupyter kernelspec list} finds what we install:
 * <ul>
 *   <li>for the user: {@code $JUPYTER_DATA_DIR/kernels}, else on Linux
 *       {@code ${XDG_DATA_HOME:-~/.local/share}/jupyter/kernels}, on macOS
 *       {@code ~/Library/Jupyter/kernels}, on Windows {@code %APPDATA%\jupyter\kernels};</li>
 *   <li>into a prefix: {@code PREFIX/share/jupyter/kernels};</li>
 *   <li>into the current virtual environment: the prefix is {@code $VIRTUAL_ENV}, else
 *       {@code $CONDA_PREFIX}.</li>
 * </ul>
 */
public final class KernelspecDirs {

    private final Map<String, String> env;
    private final Path home;
    private final String os;

    /** Paths for this process's environment, home directory and operating system. */
    public static KernelspecDirs current() {
        return new KernelspecDirs(System.getenv(), Path.of(System.getProperty("user.home")),
                System.getProperty("os.name"));
    }

    /** Paths for an explicit environment (tests use this). */
    public KernelspecDirs(Map<String, String> env, Path home, String osName) {
        this.env = env;
        this.home = home;
        this.os = osName.toLowerCase(Locale.ROOT);
    }

    /** The per-user kernels folder. */
    public Path user() {
        String dataDir = env.get("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir).resolve("kernels");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Jupyter").resolve("kernels");
        }
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("jupyter").resolve("kernels");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("jupyter").resolve("kernels");
    }

    /** The kernels folder under an installation prefix. */
    public static Path prefix(Path prefix) {
        return prefix.resolve("share").resolve("jupyter").resolve("kernels");
    }

    /** The kernels folder of the active virtual (or conda) environment. */
    public Path sysPrefix() {
        for (String var : new String[] {"VIRTUAL_ENV", "CONDA_PREFIX"}) {
            String value = env.get(var);
            if (value != null && !value.isBlank()) {
                return prefix(Path.of(value));
            }
        }
        throw new IllegalStateException("--sys-prefix needs an active virtual environment, but neither VIRTUAL_ENV nor"
                + " CONDA_PREFIX is set. Activate the environment first (source VENV/bin/activate), or use"
                + " --prefix VENV instead.");
    }
}

package glassbox.kernel.install;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a kernelspec goes: for the user (the default), under {@code --prefix}, or into the active
 * virtual environment ({@code --sys-prefix}). Shared by {@code install} and {@code uninstall}.
 */
public final class Scope {

    @Option(names = "--user", description = "For the current user (the default).")
    boolean user;

    @Option(names = "--prefix", paramLabel = "DIR",
            description = "Under an installation prefix: DIR/share/jupyter/kernels.")
    Path prefix;

    @Option(names = "--sys-prefix", description = "Into the active virtual environment ($VIRTUAL_ENV or $CONDA_PREFIX).")
    boolean sysPrefix;

    /** The kernels folder this scope names. */
    Path kernelsDir(KernelspecDirs dirs) {
        if (prefix != null) {
            return KernelspecDirs.prefix(prefix.toAbsolutePath().normalize());
        }
        if (sysPrefix) {
            return dirs.sysPrefix();
        }
        return dirs.user();
    }
}

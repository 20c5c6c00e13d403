package glassbox.kernel.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glassbox uninstall}: removes the kernelspec that {@code glassbox install} wrote. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = "Remove the Glassbox kernelspec (for the user, a --prefix or the --sys-prefix).")
public final class UninstallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Scope scope = new Scope();

    @Option(names = "--name", defaultValue = InstallCommand.DEFAULT_NAME, paramLabel = "NAME",
            description = "Kernelspec folder name (default: ${DEFAULT-VALUE}).")
    String name;

    private final KernelspecDirs dirs;

    public UninstallCommand() {
        this(KernelspecDirs.current());
    }

    UninstallCommand(KernelspecDirs dirs) {
        this.dirs = dirs;
    }

    @Override
    public Integer call() throws IOException {
        Path target = (scope == null ? new Scope() : scope).kernelsDir(dirs).resolve(name);
        if (!Files.isRegularFile(target.resolve("kernel.json"))) {
            spec.commandLine().getErr().println("No kernelspec '" + name + "' at " + target + "; nothing to remove.");
            return 1;
        }
        FileTrees.delete(target);
        spec.commandLine().getOut().println("Removed the kernelspec '" + name + "' from " + target);
        return 0;
    }
}

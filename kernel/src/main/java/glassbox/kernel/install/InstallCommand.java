package glassbox.kernel.install;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code glassbox install}: installs the kernelspec "Java (Glassbox)" so Jupyter lists the kernel.
 * The distribution's jars are copied into the kernelspec folder, so the installed kernel keeps
 * working when the checkout moves or is rebuilt.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Install the Glassbox kernel for Jupyter (kernelspec 'Java (Glassbox)').",
                "Copies the kernel into the kernelspec folder and writes kernel.json and the logos.",
                "An existing kernelspec of the same name is replaced."},
        footer = {"", "Examples:",
                "  glassbox install                 for you (~/.local/share/jupyter/kernels)",
                "  glassbox install --sys-prefix    into the active virtual environment",
                "  glassbox install --jvm-flag=-Xmx8g --env=GLASSBOX_THREADS=2"})
public final class InstallCommand implements Callable<Integer> {

    /** JVM flags every installed kernel gets: the Vector API the library uses, and no window system. */
    public static final List<String> BASE_JVM_FLAGS = List.of("--add-modules=jdk.incubator.vector",
            "-Djava.awt.headless=true");

    /** Default kernelspec folder name and display name. */
    public static final String DEFAULT_NAME = "glassbox";
    public static final String DEFAULT_DISPLAY_NAME = "Java (Glassbox)";

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Scope scope = new Scope();

    @Option(names = "--name", defaultValue = DEFAULT_NAME, paramLabel = "NAME",
            description = "Kernelspec folder name, as in `jupyter console --kernel NAME` (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--display-name", defaultValue = DEFAULT_DISPLAY_NAME, paramLabel = "TEXT",
            description = "Name shown in Jupyter's launcher and kernel menu (default: ${DEFAULT-VALUE}).")
    String displayName;

    @Option(names = "--jvm-flag", paramLabel = "FLAG",
            description = "An extra JVM flag for the kernel, e.g. --jvm-flag=-Xmx8g (repeatable).")
    List<String> jvmFlags = new ArrayList<>();

    @Option(names = "--env", paramLabel = "KEY=VALUE",
            description = "An environment variable set for the kernel (repeatable).")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--java", paramLabel = "PATH",
            description = "The java executable the kernel runs with (default: the one running this installer, ${DEFAULT-VALUE}).")
    Path java = Path.of(System.getProperty("java.home"), "bin",
            System.getProperty("os.name").toLowerCase().startsWith("windows") ? "java.exe" : "java");

    @Option(names = "--interrupt-mode", defaultValue = "message", paramLabel = "MODE",
            description = "How Jupyter interrupts a running cell: 'message' (an interrupt_request on the control channel)"
                    + " or 'signal' (SIGINT) (default: ${DEFAULT-VALUE}).")
    String interruptMode;

    @Option(names = "--cds", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Create a class-data-sharing archive at install time so the kernel starts faster"
                    + " (runs the kernel once; default: on).")
    boolean cds;

    @Option(names = "--dist", paramLabel = "DIR",
            description = "The kernel distribution to install (default: the one this installer runs from).")
    Path dist;

    private final KernelspecDirs dirs;

    public InstallCommand() {
        this(KernelspecDirs.current());
    }

    InstallCommand(KernelspecDirs dirs) {
        this.dirs = dirs;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--name '" + name + "': a kernelspec name may only use letters, digits, '.', '_' and '-'");
        }
        if (!interruptMode.equals("message") && !interruptMode.equals("signal")) {
            throw new IllegalArgumentException("--interrupt-mode '" + interruptMode + "': use 'message' or 'signal'");
        }
        if (!Files.isExecutable(java)) {
            throw new IllegalArgumentException("--java " + java + ": no executable java there");
        }
        Distribution distribution = (dist != null ? new Distribution(dist.toAbsolutePath().normalize())
                : Distribution.ofRunningInstaller()).check();

        Path kernels = (scope == null ? new Scope() : scope).kernelsDir(dirs);
        Path target = kernels.resolve(name);
        if (Files.exists(target) && !Files.isRegularFile(target.resolve("kernel.json"))) {
            throw new IllegalStateException(target + " exists but holds no kernel.json; not replacing it."
                    + " Remove it yourself or choose another --name.");
        }
        Files.createDirectories(kernels);

        // Build the new kernelspec beside the old one, then swap, so a failed install leaves the old one.
        Path staging = Files.createTempDirectory(kernels, "." + name + "-installing-");
        try {
            Path lib = Files.createDirectories(staging.resolve("lib"));
            for (Path jar : distribution.jars()) {
                Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
            Logo logo = Logo.glassbox();
            Files.write(staging.resolve("logo-32x32.png"), logo.png(32));
            Files.write(staging.resolve("logo-64x64.png"), logo.png(64));
            Files.writeString(staging.resolve("logo-svg.svg"), logo.svg());

            List<String> flags = new ArrayList<>(BASE_JVM_FLAGS);
            flags.addAll(jvmFlags);
            KernelJson json = new KernelJson(java.toAbsolutePath().toString(), flags, target.resolve("lib"),
                    displayName, interruptMode, env);
            Files.writeString(staging.resolve("kernel.json"), json.toJson());

            if (Files.exists(target)) {
                Files.move(target, kernels.resolve("." + name + "-old-" + ProcessHandle.current().pid()));
                FileTrees.delete(kernels.resolve("." + name + "-old-" + ProcessHandle.current().pid()));
                out.println("Replaced the kernelspec at " + target);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            readableByAll(target);
        } finally {
            FileTrees.delete(staging);
        }

        if (cds) {
            AppCds.create(target, out, spec.commandLine().getErr());
        }
        out.println("Installed the kernelspec '" + name + "' (" + displayName + ") in " + target);
        out.println("Check with: jupyter kernelspec list");
        return 0;
    }

    /** A temporary folder is private (rwx------); a kernelspec in a shared prefix must be readable by everyone. */
    private static void readableByAll(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its default permissions apply
        }
    }
}

package glassbox.kernel;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the Glassbox kernel: {@code java --add-modules=jdk.incubator.vector -cp <dir>/* glassbox.kernel.Main <connection-file>}.
 * Handles SIGINT by interrupting the running cell (interrupt_mode "signal"), so Ctrl-C never kills the JVM.
 * Exits when the process that launched it (the notebook server, nbclient, jupyter console) dies without
 * shutting it down, as ipykernel does: otherwise an orphaned kernel keeps its memory and threads forever.
 */
public final class Main {
    private Main() { }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp <glassbox jars> glassbox.kernel.Main <connection-file.json>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (!Files.isReadable(file)) {
            System.err.println("glassbox: cannot read the connection file " + file.toAbsolutePath());
            System.exit(2);
        }
        KernelConnectionProperties conn = KernelConnectionProperties.parse(Files.readString(file, StandardCharsets.UTF_8));
        Kernel kernel = Kernel.start(conn);
        installSignalHandler(kernel);
        exitWithParent();
        kernel.awaitShutdown();
        System.exit(0);
    }

    /** Checks every 2 s whether the launching process still lives; halts the kernel when it is gone. */
    private static void exitWithParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null || parent.pid() == 1) return;   // started by init or a container: nothing to watch
        Thread watch = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
                if (!parent.isAlive()) {
                    glassbox.kernel.exec.Streams.ORIGINAL_ERR.println("glassbox: the process that started this kernel (pid " + parent.pid() + ") is gone; exiting");
                    Runtime.getRuntime().halt(0);
                }
            }
        }, "glassbox-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    @SuppressWarnings("restriction")
    private static void installSignalHandler(Kernel kernel) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> kernel.interrupt());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            System.err.println("glassbox: cannot handle SIGINT (" + e + "); use interrupt_mode \"message\"");
        }
    }
}

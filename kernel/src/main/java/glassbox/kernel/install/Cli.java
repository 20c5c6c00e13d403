package glassbox.kernel.install;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code glassbox} command line ({@code ./glassbox} at the repository root runs it):
 * {@code install} and {@code uninstall} the Jupyter kernelspec.
 */
@Command(name = "glassbox", mixinStandardHelpOptions = true, version = "Glassbox kernel installer",
        description = "Install the Glassbox Java kernel for Jupyter; release, verify and grade assignments.",
        subcommands = {InstallCommand.class, UninstallCommand.class,
                glassbox.kernel.grade.GradeCommands.ReleaseCommand.class,
                glassbox.kernel.grade.GradeCommands.VerifyCommand.class,
                glassbox.kernel.grade.GradeCommands.GradeCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line whose errors are one readable line (no stack trace) and exit code 1. */
    public static CommandLine commandLine() {
        return withReadableErrors(new CommandLine(new Cli()));
    }

    static CommandLine withReadableErrors(CommandLine cli) {
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("glassbox: " + e.getMessage());
            return 1;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }
}

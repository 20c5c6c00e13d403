package glassbox.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the shared Python reference scripts (OpenBLAS through numpy, PyTorch) with Debian's
 * {@code /usr/bin/python3} in the same run as the Java measurements, so the figures are side by side.
 */
final class Python {
    private Python() {
    }

    static final String PYTHON = "/usr/bin/python3";

    /** Null if {@code module} can be imported by /usr/bin/python3, else the reason it cannot. */
    static String missing(String module) {
        if (!Files.isExecutable(Path.of(PYTHON))) return PYTHON + " not found";
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import " + module).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "import " + module + " timed out";
            }
            return p.exitValue() == 0 ? null : "python3 cannot import " + module + " (" + lastLine(out) + ")";
        } catch (Exception e) {
            return "cannot run " + PYTHON + ": " + e.getMessage();
        }
    }

    /** Runs a reference script and returns its output lines (stderr included). */
    static List<String> run(Path script, Map<String, String> env, String... args) throws Exception {
        if (!Files.isRegularFile(script)) throw new IllegalStateException("reference script not found: " + script);
        List<String> cmd = new ArrayList<>();
        cmd.add(PYTHON);
        cmd.add(script.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) lines.add(line);
        }
        if (!p.waitFor(30, TimeUnit.MINUTES)) p.destroyForcibly();
        if (p.exitValue() != 0) {
            throw new IllegalStateException(script.getFileName() + " failed (exit " + p.exitValue() + "): "
                    + (lines.isEmpty() ? "" : lines.get(lines.size() - 1)));
        }
        return lines;
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }
}

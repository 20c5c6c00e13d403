package glassbox.kernel.install;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Application class-data sharing for a faster kernel start. At install time the installed kernel
 * runs once with {@code -XX:ArchiveClassesAtExit=glassbox.jsa}, answers {@code kernel_info} and a
 * warm-up cell, and shuts down; the JVM then writes the classes it loaded, already parsed and
 * verified, into the archive. {@code kernel.json} gets {@code -XX:SharedArchiveFile=glassbox.jsa},
 * so every later start maps them instead of loading them from the jars. On JDK 25 and later the
 * same training run records an ahead-of-time cache instead ({@code -XX:AOTCacheOutput}, JEP 514),
 * which also keeps the classes linked, and the kernel starts with {@code -XX:AOTCache}.
 *
 * <p>The archive belongs to one JDK build and one class path. If either changes the JVM ignores it
 * and starts normally (just slower); re-running {@code glassbox install} makes a new one.
 */
final class AppCds {

    static final String ARCHIVE = "glassbox.jsa";
    static final String AOT_CACHE = "glassbox.aot";

    /** What the warm-up run executes: enough to load the kernel's execution and display paths. */
    static final String WARM_UP_CODE = "1 + 1";

    private AppCds() {
    }

    /** Records the archive for the kernelspec in {@code dir} and adds it to its kernel.json; on failure warns and leaves kernel.json as it was. */
    static boolean create(Path dir, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        Path kernelJson = dir.resolve("kernel.json");
        JsonObject spec = JsonParser.parseString(Files.readString(kernelJson)).getAsJsonObject();
        List<String> argv = new ArrayList<>();
        for (JsonElement e : spec.getAsJsonArray("argv")) {
            argv.add(e.getAsString());
        }
        boolean aot = javaFeatureVersion(Path.of(argv.get(0))) >= 25;
        Path archive = dir.resolve(aot ? AOT_CACHE : ARCHIVE);
        Files.deleteIfExists(dir.resolve(ARCHIVE));
        Files.deleteIfExists(dir.resolve(AOT_CACHE));
        argv.removeIf(a -> a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-XX:AOTCache=") || a.startsWith("-Xshare:"));

        Path work = Files.createTempDirectory("glassbox-cds-");
        Path connection = work.resolve("connection.json");
        Path log = work.resolve("kernel.log");
        long started = System.nanoTime();
        try {
            Map<String, Object> info = KernelClient.writeConnectionFile(connection);
            List<String> command = new ArrayList<>(argv);
            command.add(1, (aot ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive);
            command.replaceAll(a -> a.equals("{connection_file}") ? connection.toString() : a);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (spec.has("env")) {
                spec.getAsJsonObject("env").entrySet().forEach(e -> builder.environment().put(e.getKey(), e.getValue().getAsString()));
            }
            out.println("Recording " + (aot ? "an ahead-of-time cache" : "a class-data-sharing archive")
                    + " for a faster start (runs the kernel once)...");
            out.flush();
            Process kernel = builder.start();
            try (KernelClient client = new KernelClient(info)) {
                JsonObject reply = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (reply == null && kernel.isAlive() && System.nanoTime() < deadline) {
                    reply = client.shell("kernel_info_request", new JsonObject(), Duration.ofSeconds(2));
                }
                if (reply == null) {
                    return warn(err, "the kernel did not answer kernel_info", log, kernel);
                }
                JsonObject execute = new JsonObject();
                execute.addProperty("code", WARM_UP_CODE);
                execute.addProperty("silent", false);
                execute.addProperty("store_history", true);
                execute.add("user_expressions", new JsonObject());
                execute.addProperty("allow_stdin", false);
                execute.addProperty("stop_on_error", true);
                if (client.shell("execute_request", execute, Duration.ofSeconds(90)) == null) {
                    return warn(err, "the warm-up cell did not finish", log, kernel);
                }
                JsonObject shutdown = new JsonObject();
                shutdown.addProperty("restart", false);
                client.control("shutdown_request", shutdown, Duration.ofSeconds(10));
            }
            if (!kernel.waitFor(60, TimeUnit.SECONDS)) {
                kernel.destroy();
                kernel.waitFor(30, TimeUnit.SECONDS);
            }
            if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
                return warn(err, "the JVM wrote no archive", log, kernel);
            }
            JsonArray withArchive = new JsonArray();
            List<String> original = new ArrayList<>(argv);
            withArchive.add(original.get(0));
            withArchive.add((aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
            for (String a : original.subList(1, original.size())) {
                withArchive.add(a);
            }
            spec.add("argv", withArchive);
            Files.writeString(kernelJson, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n");
            out.printf("Archive %s (%.0f MB) recorded in %.1f s.%n", archive, Files.size(archive) / 1e6,
                    (System.nanoTime() - started) / 1e9);
            return true;
        } finally {
            FileTrees.delete(work);
        }
    }

    /** The feature version (17, 21, 25...) of the JDK a java executable belongs to, from its release file; 0 if unknown. */
    static int javaFeatureVersion(Path java) {
        Path real;
        try {
            real = java.toRealPath();
        } catch (IOException e) {
            real = java.toAbsolutePath();
        }
        Path home = real.getParent() == null ? null : real.getParent().getParent();
        if (home == null || !Files.isRegularFile(home.resolve("release"))) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String first = v.split("[.+-]")[0];
                    return Integer.parseInt(first.equals("1") ? v.split("\\.")[1] : first);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static boolean warn(PrintWriter err, String what, Path log, Process kernel) throws IOException {
        kernel.destroyForcibly();
        try {
            kernel.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.println("warning: no class-data-sharing archive (" + what + "); the kernel works, it only starts slower.");
        String text = Files.exists(log) ? Files.readString(log) : "";
        if (!text.isBlank()) {
            err.println("kernel output:");
            err.println(text.length() > 4000 ? text.substring(text.length() - 4000) : text);
        }
        return false;
    }
}

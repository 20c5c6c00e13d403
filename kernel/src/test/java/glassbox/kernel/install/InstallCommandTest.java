package glassbox.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The installer against a made-up distribution (two jars, one with glassbox.kernel.Main). */
class InstallCommandTest {

    @TempDir
    Path tmp;

    Path dist;
    KernelspecDirs dirs;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void distribution() throws IOException {
        dist = tmp.resolve("dist");
        Path lib = Files.createDirectories(dist.resolve("lib"));
        jar(lib.resolve("glassbox-kernel-1.jar"), "glassbox/kernel/Main.class");
        jar(lib.resolve("gson-2.jar"), "com/google/gson/Gson.class");
        dirs = new KernelspecDirs(Map.of("JUPYTER_DATA_DIR", tmp.resolve("user").toString(),
                "VIRTUAL_ENV", tmp.resolve("venv").toString()), tmp, "Linux");
    }

    private static void jar(Path path, String entry) throws IOException {
        try (OutputStream file = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry(entry));
            jar.write(new byte[] {1, 2, 3});
            jar.closeEntry();
        }
    }

    private int run(Object command, String... args) {
        CommandLine cli = Cli.withReadableErrors(new CommandLine(command));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int install(String... args) {
        List<String> all = new ArrayList<>(List.of("--dist", dist.toString(), "--no-cds"));
        all.addAll(List.of(args));
        return run(new InstallCommand(dirs), all.toArray(String[]::new));
    }

    private static JsonObject kernelJson(Path spec) throws IOException {
        return JsonParser.parseString(Files.readString(spec.resolve("kernel.json"))).getAsJsonObject();
    }

    @Test
    void installsForTheUserWithKernelJsonJarsAndLogos() throws Exception {
        assertEquals(0, install("--jvm-flag=-Xmx2g", "--jvm-flag", "-Xss16m", "--env", "GLASSBOX_THREADS=1"), err.toString());
        Path spec = tmp.resolve("user/kernels/glassbox");
        JsonObject json = kernelJson(spec);
        List<String> argv = new ArrayList<>();
        json.getAsJsonArray("argv").forEach(e -> argv.add(e.getAsString()));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertEquals(List.of(java, "--add-modules=jdk.incubator.vector", "-Djava.awt.headless=true", "-Xmx2g", "-Xss16m",
                "-cp", spec.resolve("lib").resolve("*").toString(), "glassbox.kernel.Main", "{connection_file}"), argv);
        assertEquals("Java (Glassbox)", json.get("display_name").getAsString());
        assertEquals("java", json.get("language").getAsString());
        assertEquals("message", json.get("interrupt_mode").getAsString());
        assertEquals("1", json.getAsJsonObject("env").get("GLASSBOX_THREADS").getAsString());

        assertTrue(Files.isRegularFile(spec.resolve("lib/glassbox-kernel-1.jar")));
        assertTrue(Files.isRegularFile(spec.resolve("lib/gson-2.jar")));
        assertEquals(32, ImageIO.read(spec.resolve("logo-32x32.png").toFile()).getWidth());
        assertEquals(64, ImageIO.read(spec.resolve("logo-64x64.png").toFile()).getHeight());
        assertTrue(Files.readString(spec.resolve("logo-svg.svg")).contains("<svg"));
        assertTrue(out.toString().contains(spec.toString()), out.toString());
        assertTrue(Files.getPosixFilePermissions(spec).contains(PosixFilePermission.OTHERS_READ),
                "a kernelspec is readable by every user of a shared prefix");
        try (var files = Files.list(tmp.resolve("user/kernels"))) {
            assertEquals(List.of(spec), files.toList(), "no staging folder left behind");
        }
    }

    @Test
    void installsIntoAPrefixOrTheVirtualEnvironmentWithOptions() throws Exception {
        assertEquals(0, install("--prefix", tmp.resolve("pfx").toString(), "--name", "gb-test",
                "--display-name", "Java (test)", "--interrupt-mode", "signal"), err.toString());
        JsonObject json = kernelJson(tmp.resolve("pfx/share/jupyter/kernels/gb-test"));
        assertEquals("Java (test)", json.get("display_name").getAsString());
        assertEquals("signal", json.get("interrupt_mode").getAsString());
        assertFalse(json.has("env"));

        assertEquals(0, install("--sys-prefix"), err.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("venv/share/jupyter/kernels/glassbox/kernel.json")));
    }

    @Test
    void reinstallingReplacesTheOldKernelspecAndUninstallRemovesIt() throws Exception {
        assertEquals(0, install());
        Path spec = tmp.resolve("user/kernels/glassbox");
        Files.writeString(spec.resolve("lib/stale-0.jar"), "old");
        assertEquals(0, install("--jvm-flag=-Xmx1g"));
        assertFalse(Files.exists(spec.resolve("lib/stale-0.jar")), "old jars are gone after a reinstall");
        assertTrue(kernelJson(spec).toString().contains("-Xmx1g"));

        assertEquals(0, run(new UninstallCommand(dirs)), err.toString());
        assertFalse(Files.exists(spec));
        assertEquals(1, run(new UninstallCommand(dirs)));
        assertTrue(err.toString().contains("No kernelspec 'glassbox'"), err.toString());
    }

    @Test
    void clearErrorsForBadInput() throws Exception {
        Files.createDirectories(tmp.resolve("user/kernels/glassbox"));
        Files.writeString(tmp.resolve("user/kernels/glassbox/notes.txt"), "mine");
        assertEquals(1, install());
        assertTrue(err.toString().contains("holds no kernel.json; not replacing it"), err.toString());
        assertTrue(Files.exists(tmp.resolve("user/kernels/glassbox/notes.txt")), "a foreign folder is left alone");

        assertEquals(1, install("--name", "my kernel"));
        assertTrue(err.toString().contains("--name 'my kernel'"), err.toString());
        assertEquals(1, install("--interrupt-mode", "never"));
        assertTrue(err.toString().contains("'message' or 'signal'"), err.toString());

        KernelspecDirs noVenv = new KernelspecDirs(Map.of(), tmp, "Linux");
        assertEquals(1, run(new InstallCommand(noVenv), "--dist", dist.toString(), "--sys-prefix"));
        assertTrue(err.toString().contains("VIRTUAL_ENV"), err.toString());

        Files.delete(dist.resolve("lib/glassbox-kernel-1.jar"));
        assertEquals(1, install("--prefix", tmp.resolve("p2").toString()));
        assertTrue(err.toString().contains("contains glassbox.kernel.Main"), err.toString());

        assertEquals(2, install("--user", "--sys-prefix"), "the scopes exclude each other");
    }
}

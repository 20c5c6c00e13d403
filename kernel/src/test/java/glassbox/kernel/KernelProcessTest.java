package glassbox.kernel;

import com.google.gson.JsonObject;
import glassbox.kernel.protocol.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The kernel as Jupyter runs it: a separate JVM started with a connection file. */
class KernelProcessTest {

    @Test
    void sigintInterruptsTheCellNotTheJvmAndShutdownEndsTheProcess(@TempDir Path dir) throws Exception {
        try (KernelClient client = new KernelClient()) {
            Path conn = dir.resolve("kernel.json");
            Files.writeString(conn, client.connectionJson());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(java, "--add-modules=jdk.incubator.vector", "-Djava.awt.headless=true",
                    "-cp", System.getProperty("java.class.path"), "glassbox.kernel.Main", conn.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("kernel.log").toFile()).start();
            try {
                client.connect();
                assertEquals("ok", client.execute("int survivor = 7;").string("status", ""));
                Message loop = client.request(client.shell, "execute_request", KernelClient.executeContent("while (true) { }"));
                KernelClient.sleep(700);
                long t0 = System.nanoTime();
                assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor());
                Message r = client.replyTo(client.shell, loop, 2000);
                assertNotNull(r, "SIGINT did not stop the cell within 2 s; log:\n" + Files.readString(dir.resolve("kernel.log")));
                assertTrue((System.nanoTime() - t0) / 1_000_000 < 2000);
                assertEquals("Interrupted", r.string("ename", ""));
                assertTrue(p.isAlive(), "SIGINT must not kill the kernel");
                Message v = client.request(client.shell, "execute_request", KernelClient.executeContent("survivor * 6"));
                client.replyTo(client.shell, v, 30_000);
                Message result = client.iopubUntilIdle(v, 5000).stream().filter(m -> m.type().equals("execute_result")).findFirst().orElseThrow();
                assertEquals("42", result.content().getAsJsonObject("data").get("text/plain").getAsString());

                JsonObject sd = new JsonObject();
                sd.addProperty("restart", true);
                Message s = client.replyTo(client.control, client.request(client.control, "shutdown_request", sd), 10_000);
                assertNotNull(s);
                assertTrue(s.bool("restart", false));
                assertTrue(p.waitFor(15, TimeUnit.SECONDS), "the kernel did not exit after shutdown_request");
                assertEquals(0, p.exitValue());
            } finally {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void aKernelWhoseLauncherDiesExitsInsteadOfLingering(@TempDir Path dir) throws Exception {
        try (KernelClient client = new KernelClient()) {
            Path conn = dir.resolve("kernel.json");
            Files.writeString(conn, client.connectionJson());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // A shell plays the notebook server: it starts the kernel, prints its pid, and is then killed.
            String kernel = String.join(" ", List.of("'" + java + "'", "--add-modules=jdk.incubator.vector", "-Djava.awt.headless=true",
                    "-cp", "'" + System.getProperty("java.class.path") + "'", "glassbox.kernel.Main", "'" + conn + "'"));
            Process launcher = new ProcessBuilder("sh", "-c", kernel + " >'" + dir.resolve("kernel.log") + "' 2>&1 & echo $!; sleep 300")
                    .redirectErrorStream(true).start();
            long pid = Long.parseLong(new java.io.BufferedReader(new java.io.InputStreamReader(launcher.getInputStream())).readLine().trim());
            ProcessHandle k = ProcessHandle.of(pid).orElseThrow();
            try {
                client.connect();
                assertEquals("ok", client.execute("int alive = 1;").string("status", ""));
                launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                long t0 = System.nanoTime();
                while (k.isAlive() && System.nanoTime() - t0 < 15_000_000_000L) KernelClient.sleep(100);
                assertFalse(k.isAlive(), "the kernel outlived its launcher by 15 s; log:\n" + Files.readString(dir.resolve("kernel.log")));
            } finally {
                k.destroyForcibly();
            }
        }
    }

    @Test
    void missingConnectionFileIsAClearError(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "glassbox.kernel.Main",
                dir.resolve("absent.json").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertTrue(out.contains("cannot read the connection file") && out.contains("absent.json"), out);
        assertFalse(new File(dir.toFile(), "absent.json").exists());
    }
}

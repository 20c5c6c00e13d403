package glassbox.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The kernel as its users meet it: the packaged distribution is installed with {@code glassbox
 * install} into a prefix under target/ (never the user's own Jupyter folders), and then driven by
 * real Jupyter clients: jupyter_kernel_test, {@code jupyter nbconvert --execute}, {@code jupyter
 * console} in a pseudo-terminal, the classic Notebook in headless Chromium, and every course
 * notebook through nbclient.
 *
 * <p>Needs Debian's Jupyter stack, Chromium and Node (see .ci/run). Where a tool is missing the
 * test is skipped with a message, except under CI (the CI variable set), where it fails.
 */
@TestMethodOrder(OrderAnnotation.class)
class InstalledKernelIT {

    static final Path MODULE = Path.of(System.getProperty("glassbox.module.dir", ".")).toAbsolutePath().normalize();
    static final Path REPO = MODULE.getParent();
    static final Path TARGET = MODULE.resolve("target");
    static final Path DIST = TARGET.resolve("glassbox-kernel");
    static final Path IT = TARGET.resolve("it-jupyter");
    static final Path PREFIX = IT.resolve("prefix");
    static final Path SPEC = PREFIX.resolve("share/jupyter/kernels/glassbox");
    static final Path PYTHON_TESTS = MODULE.resolve("src/test/python");
    static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    static final Path PYTHON = Path.of("/usr/bin/python3");

    static final Map<String, String> ENV = new LinkedHashMap<>();

    @BeforeAll
    static void installIntoATemporaryPrefix() throws Exception {
        deleteTree(IT);
        Files.createDirectories(IT);
        // Jupyter finds the kernelspec through JUPYTER_PATH; its own data, config and runtime files go
        // under target/ too, so the user's Jupyter setup is neither read nor written.
        ENV.put("JUPYTER_PATH", PREFIX.resolve("share/jupyter").toString());
        ENV.put("JUPYTER_DATA_DIR", IT.resolve("data").toString());
        ENV.put("JUPYTER_CONFIG_DIR", IT.resolve("config").toString());
        ENV.put("JUPYTER_RUNTIME_DIR", IT.resolve("runtime").toString());
        ENV.put("IPYTHONDIR", IT.resolve("ipython").toString());
        ENV.put("JUPYTER_PLATFORM_DIRS", "0");
        ENV.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Result install = run(MODULE, 300, java, "-cp", DIST.resolve("lib").resolve("*").toString(),
                "glassbox.kernel.install.Cli", "install", "--prefix", PREFIX.toString());
        assertEquals(0, install.code, "glassbox install failed:\n" + install.output);
        assertTrue(Files.isRegularFile(SPEC.resolve("kernel.json")), "no kernel.json at " + SPEC);
    }

    @Test
    @Order(1)
    void jupyterListsTheInstalledKernelspecWithItsLogos() throws Exception {
        requireTool(JUPYTER, "apt-get install jupyter-client");
        Result list = run(MODULE, 60, JUPYTER.toString(), "kernelspec", "list", "--json");
        assertEquals(0, list.code, list.output);
        JsonObject specs = JsonParser.parseString(list.output.substring(list.output.indexOf('{')))
                .getAsJsonObject().getAsJsonObject("kernelspecs");
        assertTrue(specs.has("glassbox"), "jupyter kernelspec list does not show glassbox:\n" + list.output);
        JsonObject glassbox = specs.getAsJsonObject("glassbox");
        assertEquals(SPEC.toRealPath().toString(), Path.of(glassbox.get("resource_dir").getAsString()).toRealPath().toString());
        JsonObject spec = glassbox.getAsJsonObject("spec");
        assertEquals("Java (Glassbox)", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        JsonArray argv = spec.getAsJsonArray("argv");
        assertEquals("{connection_file}", argv.get(argv.size() - 1).getAsString());
        assertTrue(argv.toString().contains(SPEC.resolve("lib").toString()), "the kernel runs from its own copy: " + argv);
        for (String logo : List.of("logo-32x32.png", "logo-64x64.png", "logo-svg.svg")) {
            assertTrue(Files.size(SPEC.resolve(logo)) > 100, logo);
        }
        Result plain = run(MODULE, 60, JUPYTER.toString(), "kernelspec", "list");
        assertTrue(plain.output.lines().anyMatch(l -> l.trim().startsWith("glassbox ") && l.contains(SPEC.toString())),
                plain.output);
    }

    @Test
    @Order(2)
    void jupyterKernelTestSuitePassesWithEveryFeatureOn() throws Exception {
        requireTool(PYTHON, "apt-get install python3-jupyter-kernel-test");
        requirePythonModule("jupyter_kernel_test", "apt-get install python3-jupyter-kernel-test");
        Result suite = run(PYTHON_TESTS, 600, PYTHON.toString(), "-m", "unittest", "-v", "test_kernel_protocol");
        assertEquals(0, suite.code, "jupyter_kernel_test failed:\n" + suite.output);
        // Every sample is set except clear_output and the pager, which the kernel does not offer.
        List<String> skipped = suite.output.lines().filter(l -> l.contains("... skipped"))
                .map(l -> l.trim().split(" ")[0]).sorted().toList();
        assertEquals(List.of("test_clear_output", "test_pager"), skipped, "skipped kernel tests:\n" + suite.output);
        assertTrue(suite.output.contains("test_display_data") && suite.output.contains("test_stdin_input_request"),
                suite.output);
    }

    @Test
    @Order(3)
    void nbconvertExecutesANotebookThroughTheKernelspec() throws Exception {
        requireTool(JUPYTER, "apt-get install jupyter-nbconvert");
        Path work = Files.createDirectories(IT.resolve("nbconvert"));
        Files.copy(MODULE.resolve("src/test/notebooks/smoke.ipynb"), work.resolve("smoke.ipynb"));
        Result convert = run(work, 300, JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=120", "--output", "smoke-executed.ipynb", "smoke.ipynb");
        assertEquals(0, convert.code, "nbconvert --execute failed:\n" + convert.output);

        JsonArray cells = JsonParser.parseString(Files.readString(work.resolve("smoke-executed.ipynb")))
                .getAsJsonObject().getAsJsonArray("cells");
        List<JsonObject> code = new ArrayList<>();
        for (JsonElement c : cells) {
            if (c.getAsJsonObject().get("cell_type").getAsString().equals("code")) {
                code.add(c.getAsJsonObject());
            }
        }
        for (JsonObject cell : code) {
            for (JsonElement out : cell.getAsJsonArray("outputs")) {
                assertFalse(out.getAsJsonObject().get("output_type").getAsString().equals("error"), "error output: " + out);
            }
            assertTrue(cell.get("execution_count").isJsonPrimitive(), "every cell ran: " + cell);
        }
        assertEquals("2", text(output(code.get(0), "execute_result").getAsJsonObject("data").get("text/plain")));
        assertTrue(text(output(code.get(1), "stream").get("text")).contains("Hello from Glassbox"));
        assertTrue(text(output(code.get(2), "execute_result").getAsJsonObject("data").get("text/plain")).contains("10"),
                "the tensor sum shows 10: " + code.get(2));
        JsonObject chart = output(code.get(3), "display_data").getAsJsonObject("data");
        byte[] png = Base64.getMimeDecoder().decode(text(chart.get("image/png")));
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "the chart is a PNG");
        assertTrue(chart.has("image/svg+xml"), "the chart also comes as SVG");
        assertTrue(text(output(code.get(4), "display_data").getAsJsonObject("data").get("text/markdown"))
                .contains("All cells ran"));
        // The input notebook is left as it was.
        assertEquals(Files.readString(MODULE.resolve("src/test/notebooks/smoke.ipynb")), Files.readString(work.resolve("smoke.ipynb")));
    }

    @Test
    @Order(4)
    void consoleSessionEvaluatesCellsAndSurvivesACompileError() throws Exception {
        requireTool(Path.of("/usr/bin/jupyter-console"), "apt-get install jupyter-console");
        requirePythonModule("pexpect", "apt-get install python3-pexpect");
        Result console = run(PYTHON_TESTS, 300, PYTHON.toString(), "console_session.py");
        assertEquals(0, console.code, "jupyter console session failed:\n" + console.output);
        assertTrue(console.output.contains("console session OK"), console.output);
    }

    @Test
    @Order(4)
    void richConsoleAsksIsCompleteAndRunsAMultiLineLoopAsOneCell() throws Exception {
        requireTool(Path.of("/usr/bin/jupyter-console"), "apt-get install jupyter-console");
        requirePythonModule("pexpect", "apt-get install python3-pexpect");
        Result console = run(PYTHON_TESTS, 300, PYTHON.toString(), "console_session.py", "--rich");
        assertEquals(0, console.code, "jupyter console (prompt_toolkit) session failed:\n" + console.output);
        assertTrue(console.output.contains("console session OK"), console.output);
    }

    @Test
    @Order(4)
    void signalInterruptModeStopsAnEndlessLoopAndKeepsTheVariables() throws Exception {
        requireTool(PYTHON, "apt-get install python3-jupyter-client");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Result install = run(MODULE, 300, java, "-cp", DIST.resolve("lib").resolve("*").toString(),
                "glassbox.kernel.install.Cli", "install", "--prefix", PREFIX.toString(), "--no-cds",
                "--name", "glassbox-signal", "--interrupt-mode", "signal");
        assertEquals(0, install.code, "glassbox install --interrupt-mode signal failed:\n" + install.output);
        try {
            Result r = run(PYTHON_TESTS, 300, PYTHON.toString(), "signal_interrupt.py", "--kernel", "glassbox-signal");
            assertEquals(0, r.code, "interrupt by SIGINT failed:\n" + r.output);
            assertTrue(r.output.contains("signal interrupt OK"), r.output);
        } finally {
            run(MODULE, 60, java, "-cp", DIST.resolve("lib").resolve("*").toString(),
                    "glassbox.kernel.install.Cli", "uninstall", "--prefix", PREFIX.toString(), "--name", "glassbox-signal");
        }
    }

    @Test
    @Order(5)
    void classicNotebookInHeadlessChromiumRunsAllCellsAndShowsTheChart() throws Exception {
        requireTool(Path.of("/usr/bin/chromium"), "apt-get install chromium");
        requireTool(Path.of("/usr/bin/jupyter-notebook"), "apt-get install jupyter-notebook");
        Path node = which("node");
        Path npm = which("npm");
        Path e2e = MODULE.resolve("src/test/e2e");
        if (!Files.isDirectory(e2e.resolve("node_modules/playwright-core"))) {
            Result install = run(e2e, 300, npm.toString(), "ci", "--no-audit", "--no-fund");
            assertEquals(0, install.code, "npm ci failed:\n" + install.output);
        }
        Path shot = TARGET.resolve("e2e/smoke-notebook.png");
        Files.deleteIfExists(shot);
        Result browser = run(e2e, 600, node.toString(), "run-notebook.mjs",
                "--notebook", MODULE.resolve("src/test/notebooks/smoke.ipynb").toString(),
                "--screenshot", shot.toString(), "--expect-text", "Hello from Glassbox", "--expect-text", "All cells ran");
        assertEquals(0, browser.code, "the browser test failed:\n" + browser.output);
        assertTrue(browser.output.contains("[e2e] PASS"), browser.output);
        assertTrue(Files.size(shot) > 10_000, "a screenshot was taken: " + shot);
    }

    @Test
    @Order(5)
    void checkMagicInARunningKernelGradesTheSolutionAndTheStudentRelease() throws Exception {
        requirePythonModule("nbclient", "apt-get install python3-nbclient");
        // A copy of the assignment, so nothing in the repository is touched.
        Path assignment = REPO.resolve("notebooks/assignments/01-perceptron");
        Path work = IT.resolve("check");
        copyTree(assignment, work.resolve("instructor/01-perceptron"));
        Result solution = run(PYTHON_TESTS, 600, PYTHON.toString(), "check_magic.py",
                work.resolve("instructor/01-perceptron/01-perceptron.ipynb").toString(), "--all-pass");
        assertEquals(0, solution.code, "%check on the instructor notebook:\n" + solution.output);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Result release = run(MODULE, 600, java, "-cp", DIST.resolve("lib").resolve("*").toString(),
                "glassbox.kernel.install.Cli", "release", "--no-verify", "--out", work.resolve("student").toString(),
                work.resolve("instructor/01-perceptron").toString());
        assertEquals(0, release.code, "glassbox release failed:\n" + release.output);
        Result student = run(PYTHON_TESTS, 600, PYTHON.toString(), "check_magic.py",
                work.resolve("student/01-perceptron/01-perceptron.ipynb").toString(), "--failing");
        assertEquals(0, student.code, "%check on the student release:\n" + student.output);
    }

    @Test
    @Order(6)
    void everyCourseNotebookRunsWithoutErrors() throws Exception {
        // .ci/run executes the notebooks once, on its first JDK; the second JDK's run skips them with
        // -Dglassbox.notebooks=skip (they take most of a run; the engine tests cover the second JDK).
        org.junit.jupiter.api.Assumptions.assumeFalse("skip".equals(System.getProperty("glassbox.notebooks")),
                "course notebooks skipped (-Dglassbox.notebooks=skip)");
        requirePythonModule("nbclient", "apt-get install python3-nbclient");
        Result notebooks = run(REPO, 3600, PYTHON.toString(), "kernel/src/test/notebooks/run_notebooks.py",
                "--output-dir", TARGET.resolve("executed-notebooks").toString());
        assertEquals(0, notebooks.code, "a course notebook failed:\n" + notebooks.output);
    }

    @Test
    @Order(7)
    void uninstallRemovesTheKernelspec() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Result uninstall = run(MODULE, 60, java, "-cp", DIST.resolve("lib").resolve("*").toString(),
                "glassbox.kernel.install.Cli", "uninstall", "--prefix", PREFIX.toString());
        assertEquals(0, uninstall.code, uninstall.output);
        assertFalse(Files.exists(SPEC));
        if (Files.isExecutable(JUPYTER)) {
            Result list = run(MODULE, 60, JUPYTER.toString(), "kernelspec", "list");
            assertFalse(list.output.lines().anyMatch(l -> l.trim().startsWith("glassbox ") || l.trim().endsWith(SPEC.toString())),
                    list.output);
        }
    }

    /** A client that failed may leave its kernel running: stop every kernel started from the test kernelspec. */
    @AfterEach
    void stopLeftoverKernels() {
        String lib = SPEC.resolve("lib").toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(lib) && c.contains("glassbox.kernel.Main")).orElse(false))
                .forEach(p -> {
                    System.out.println("stopping a leftover kernel, pid " + p.pid());
                    p.destroyForcibly();
                });
    }

    // ---- helpers ------------------------------------------------------------------------------------

    record Result(int code, String output) { }

    /** Runs a command with the test environment, echoing its output into the build log. */
    static Result run(Path dir, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        System.out.println("$ " + String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(ENV);
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    System.out.println("  | " + line);
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            reader.join(5000);
            fail("timed out after " + timeoutSeconds + " s: " + String.join(" ", command) + "\n" + output);
        }
        reader.join(10_000);
        synchronized (output) {
            return new Result(process.exitValue(), output.toString());
        }
    }

    static void requireTool(Path tool, String howToInstall) {
        if (!Files.isExecutable(tool)) {
            missing(tool + " is not installed (" + howToInstall + ")");
        }
    }

    static void requirePythonModule(String module, String howToInstall) throws Exception {
        requireTool(PYTHON, "apt-get install python3");
        if (run(MODULE, 60, PYTHON.toString(), "-c", "import " + module).code != 0) {
            missing("the Python module " + module + " is missing (" + howToInstall + ")");
        }
    }

    static Path which(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        missing(name + " is not on the PATH (apt-get install nodejs npm)");
        return null;
    }

    static void missing(String what) {
        if (System.getenv("CI") != null) {
            fail(what + "; CI must install it (.ci/run)");
        }
        Assumptions.abort("SKIPPED: " + what);
    }

    static JsonObject output(JsonObject cell, String type) {
        for (JsonElement out : cell.getAsJsonArray("outputs")) {
            if (out.getAsJsonObject().get("output_type").getAsString().equals(type)) {
                return out.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + type + " output in cell " + cell);
    }

    /** A notebook text field: a string or a list of lines. */
    static String text(JsonElement e) {
        if (e.isJsonArray()) {
            StringBuilder s = new StringBuilder();
            e.getAsJsonArray().forEach(x -> s.append(x.getAsString()));
            return s.toString();
        }
        return e.getAsString();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}

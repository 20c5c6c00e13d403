package glassbox.kernel.grade;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import glassbox.display.MimeBundle;
import glassbox.kernel.exec.CellResult;
import glassbox.kernel.exec.Engine;
import glassbox.kernel.exec.EngineOptions;
import glassbox.kernel.exec.Streams;
import glassbox.kernel.magic.MagicContext;
import glassbox.kernel.magic.Magics;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The grading process for one submission (started by {@link Grader}, one JVM per notebook). Protocol on
 * stdin/stdout, one JSON line each way, every line it writes starting with a nonce the grader chose:
 * <ol>
 *   <li>reads {@code {"nonce", "cells": [...], "cellSeconds"}} and runs the code cells top to bottom in a
 *       fresh {@link Engine} (a failing cell is reported and the next cells still run; a cell over its time
 *       limit is interrupted), then writes {@code NONCE READY};</li>
 *   <li>only then reads the compiled test classes {@code {"classes": {name: base64}, "visible", "hidden"}}
 *       (so no test class exists in this JVM while the notebook's cells run), runs them with JUnit against
 *       the session and writes {@code NONCE RESULT {...}}, then halts.</li>
 * </ol>
 */
public final class GradeWorker {
    /** The seed of the library's default generator when a notebook is graded (a notebook may set its own). */
    public static final long SEED = 1234;

    private GradeWorker() { }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        JsonObject job = JsonParser.parseString(in.readLine()).getAsJsonObject();
        String nonce = job.get("nonce").getAsString();
        double cellSeconds = job.get("cellSeconds").getAsDouble();
        SubmissionExtension.setDefaultLimit(job.get("testSeconds").getAsDouble());
        List<String> cells = new ArrayList<>();
        for (JsonElement c : job.getAsJsonArray("cells")) cells.add(c.getAsString());

        Engine engine = Engine.start(EngineOptions.defaults());
        glassbox.tensor.Tensor.manualSeed(SEED);   // the same random numbers on every grading run
        SubmissionExtension.Capped log = new SubmissionExtension.Capped(64 * 1024);
        JsonArray cellReports = runCells(engine, cells, cellSeconds, log);
        out.println(nonce + " READY");

        JsonObject tests = JsonParser.parseString(in.readLine()).getAsJsonObject();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : tests.getAsJsonObject("classes").entrySet()) {
            classes.put(e.getKey(), Base64.getDecoder().decode(e.getValue().getAsString()));
        }
        Set<String> hidden = new HashSet<>();
        for (JsonElement h : tests.getAsJsonArray("hidden")) hidden.add(h.getAsString());
        List<String> names = new ArrayList<>();
        for (JsonElement v : tests.getAsJsonArray("visible")) names.add(v.getAsString());
        names.addAll(hidden);
        Assignment.TestLoader loader = new Assignment.TestLoader(classes, GradeWorker.class.getClassLoader());
        List<Class<?>> testClasses = new ArrayList<>();
        for (String n : names) testClasses.add(Class.forName(n, false, loader));
        List<TestOutcome> outcomes = TestRun.run(new Submission(engine), testClasses, hidden, m -> true);

        JsonObject result = new JsonObject();
        result.add("cells", cellReports);
        result.addProperty("log", log.text());
        result.add("tests", new Gson().toJsonTree(outcomes));
        out.println(nonce + " RESULT " + new Gson().toJson(result));
        out.flush();
        Runtime.getRuntime().halt(0);   // threads the notebook started must not keep this process alive
    }

    static JsonArray runCells(Engine engine, List<String> cells, double cellSeconds, SubmissionExtension.Capped log) {
        Magics.registerLine("check", (a, ctx) -> CellResult.ok());   // %check lines in a submission do nothing here
        Magics magics = new Magics();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "glassbox-cell-timer");
            t.setDaemon(true);
            return t;
        });
        JsonArray reports = new JsonArray();
        Streams.setFallback(log);
        for (int i = 0; i < cells.size(); i++) {
            String label = "code cell " + (i + 1);
            MagicContext ctx = context(engine, magics, label, log);
            ScheduledFuture<?> alarm = timer.schedule(engine::interrupt, (long) (cellSeconds * 1000), TimeUnit.MILLISECONDS);
            CellResult r;
            try {
                r = magics.run(cells.get(i), ctx);
            } catch (Exception e) {
                r = CellResult.error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), List.of(String.valueOf(e)));
            } finally {
                alarm.cancel(false);
            }
            JsonObject rep = new JsonObject();
            rep.addProperty("cell", i + 1);
            rep.addProperty("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            if (!r.isOk()) {
                String msg = r.status() == CellResult.Status.INTERRUPTED
                        ? "stopped after the time limit of " + (long) cellSeconds + " s"
                        : r.errorName() + ": " + r.errorValue();
                rep.addProperty("error", msg);
                byte[] line = ("[" + label + "] " + msg + "\n").getBytes(StandardCharsets.UTF_8);
                log.write(true, line, 0, line.length);
            }
            reports.add(rep);
        }
        timer.shutdownNow();
        return reports;
    }

    private static MagicContext context(Engine engine, Magics magics, String label, SubmissionExtension.Capped log) {
        return new MagicContext() {
            public Engine engine() { return engine; }
            public CellResult runJava(String code, int firstLine) {
                return engine.execute("\n".repeat(Math.max(0, firstLine - 1)) + code, label, log);
            }
            public CellResult runCell(String code) {
                try {
                    return magics.run(code, this);
                } catch (Exception e) {
                    return CellResult.error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), List.of());
                }
            }
            public void display(MimeBundle bundle) { }
            public Path workingDirectory() { return Path.of(System.getProperty("user.dir")); }
        };
    }
}

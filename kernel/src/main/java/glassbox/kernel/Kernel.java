package glassbox.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import glassbox.display.Display;
import glassbox.display.MimeBundle;
import glassbox.kernel.display.Bundles;
import glassbox.kernel.display.KernelDisplaySink;
import glassbox.kernel.exec.CellResult;
import glassbox.kernel.exec.Completion;
import glassbox.kernel.exec.Engine;
import glassbox.kernel.exec.EngineOptions;
import glassbox.kernel.exec.Streams;
import glassbox.kernel.magic.MagicContext;
import glassbox.kernel.magic.Magics;
import glassbox.kernel.protocol.Channel;
import glassbox.kernel.protocol.KernelSockets;
import glassbox.kernel.protocol.Message;
import glassbox.kernel.protocol.Wire;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The Glassbox Jupyter kernel: answers every request of messaging protocol 5.4 and runs cells in an
 * {@link Engine}. Threads: the socket I/O thread (answers control requests at once), a queue thread
 * that runs execute requests in order, and a helper thread for the other shell requests (completion,
 * inspection, history, ...), which therefore answer while a cell runs.
 */
public final class Kernel implements AutoCloseable {
    public static final String VERSION = "0.1.0";

    private final String session = UUID.randomUUID().toString();
    private final KernelSockets sockets;
    private final Engine engine;
    private final Magics magics = new Magics();
    private final BlockingQueue<Message> executeQueue = new LinkedBlockingQueue<>();
    private final ExecutorService helper = Executors.newSingleThreadExecutor(r -> daemon(r, "glassbox-shell"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "glassbox-flush"));
    private final Thread executor;
    private final List<String[]> history = new ArrayList<>();   // {line, input, output}
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private volatile boolean restartRequested;
    private volatile CellChannel current;
    private volatile Message lastParent;
    private int executionCount;
    private final Path workingDirectory;

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private Kernel(KernelConnectionProperties conn, EngineOptions options) throws Exception {
        java.util.logging.Logger.getLogger("").getHandlers();   // logging keeps the real stderr
        workingDirectory = Path.of(System.getProperty("user.dir"));
        sockets = new KernelSockets(conn, new Wire(conn.createHMACGenerator()), this::dispatch);
        glassbox.kernel.grade.CheckMagic.register();   // %check (the grader lives in its own package)
        engine = Engine.startAsync(options);
        engine.setMagicNames(magics.completionNames());
        Display.setSink(new KernelDisplaySink(this::publishToCurrent, () -> { CellChannel c = current; if (c != null) c.flush(); }));
        executor = new Thread(this::executeLoop, "glassbox-execute");
        executor.setDaemon(true);
        executor.start();
        ticker.scheduleWithFixedDelay(() -> { CellChannel c = current; if (c != null) c.tick(); }, 50, 50, TimeUnit.MILLISECONDS);
        sockets.start();
        publish("status", null, status("starting"));
    }

    /** Starts a kernel on the sockets of {@code conn}. */
    public static Kernel start(KernelConnectionProperties conn) throws Exception {
        return new Kernel(conn, EngineOptions.defaults());
    }

    public static Kernel start(KernelConnectionProperties conn, EngineOptions options) throws Exception {
        return new Kernel(conn, options);
    }

    /** The session's engine. */
    public Engine engine() { return engine; }

    /** How many messages were dropped for a bad signature. */
    public int droppedMessages() { return sockets.droppedMessages(); }

    /** Blocks until a shutdown_request; returns true if the client asked for a restart. */
    public boolean awaitShutdown() throws InterruptedException {
        shutdown.await();
        return restartRequested;
    }

    /** Interrupts the running cell (interrupt_request or SIGINT). */
    public void interrupt() {
        engine.interrupt();
    }

    // ---------------------------------------------------------------- dispatch

    private void dispatch(Channel channel, Message m) {
        switch (channel) {
            case CONTROL -> handleControl(m);
            case SHELL -> handleShell(m);
            case STDIN -> {
                if (m.type().equals("input_reply")) {
                    CellChannel c = current;
                    if (c != null) c.inputReply(m.string("value", ""));
                }
            }
            default -> { }
        }
    }

    private void handleControl(Message m) {
        busy(m, () -> {
            switch (m.type()) {
                case "kernel_info_request" -> reply(Channel.CONTROL, m, "kernel_info_reply", kernelInfo());
                case "interrupt_request" -> {
                    interrupt();
                    reply(Channel.CONTROL, m, "interrupt_reply", ok());
                }
                case "shutdown_request" -> shutdown(Channel.CONTROL, m);
                case "debug_request" -> {
                    JsonObject c = error("DebuggingNotSupported", "The Glassbox kernel has no debugger.");
                    reply(Channel.CONTROL, m, "debug_reply", c);
                }
                default -> handleRequest(Channel.CONTROL, m);
            }
        });
    }

    private void handleShell(Message m) {
        if (m.type().equals("execute_request")) {
            executeQueue.add(m);
            return;
        }
        helper.submit(() -> busy(m, () -> handleRequest(Channel.SHELL, m)));
    }

    private void handleRequest(Channel ch, Message m) {
        switch (m.type()) {
            case "kernel_info_request" -> reply(ch, m, "kernel_info_reply", kernelInfo());
            case "complete_request" -> reply(ch, m, "complete_reply", complete(m));
            case "inspect_request" -> reply(ch, m, "inspect_reply", inspect(m));
            case "is_complete_request" -> reply(ch, m, "is_complete_reply", isComplete(m));
            case "history_request" -> reply(ch, m, "history_reply", history(m));
            case "comm_info_request" -> {
                JsonObject c = ok();
                c.add("comms", new JsonObject());
                reply(ch, m, "comm_info_reply", c);
            }
            case "comm_open" -> {
                // No comm targets are registered: tell the front end the comm is closed (as the spec asks).
                JsonObject c = new JsonObject();
                c.addProperty("comm_id", m.string("comm_id", ""));
                c.add("data", new JsonObject());
                publish("comm_close", m, c);
            }
            case "comm_msg", "comm_close" -> { }
            case "shutdown_request" -> shutdown(ch, m);
            case "interrupt_request" -> {
                interrupt();
                reply(ch, m, "interrupt_reply", ok());
            }
            default -> {
                String type = m.type();
                if (type.endsWith("_request")) {
                    reply(ch, m, type.substring(0, type.length() - "_request".length()) + "_reply",
                            error("UnsupportedRequest", "The Glassbox kernel does not handle " + type));
                }
            }
        }
    }

    private void busy(Message m, Runnable r) {
        publish("status", m, status("busy"));
        try {
            r.run();
        } finally {
            publish("status", m, status("idle"));
        }
    }

    // ---------------------------------------------------------------- execute

    private void executeLoop() {
        while (true) {
            Message m;
            try {
                m = executeQueue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                busy(m, () -> execute(m));
            } catch (RuntimeException | Error e) {
                java.util.logging.Logger.getLogger("glassbox").severe("execute failed: " + e);
            }
        }
    }

    private void execute(Message m) {
        String code = m.string("code", "");
        boolean silent = m.bool("silent", false);
        boolean storeHistory = !silent && m.bool("store_history", true);
        boolean stopOnError = m.bool("stop_on_error", true);
        int count;
        synchronized (this) {
            if (storeHistory) executionCount++;
            count = executionCount;
        }
        if (!silent) {
            JsonObject in = new JsonObject();
            in.addProperty("code", code);
            in.addProperty("execution_count", count);
            publish("execute_input", m, in);
        }
        CellChannel channel = new CellChannel(sockets, session, m);
        current = channel;
        lastParent = m;
        Streams.setFallback(channel);
        String label = storeHistory ? "cell [" + count + "]" : "cell";
        CellResult result;
        try {
            result = magics.run(code, context(channel, label));
        } catch (Exception e) {
            result = CellResult.error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()),
                    List.of("\u001b[1;31m" + e.getClass().getSimpleName() + "\u001b[0m: " + e.getMessage()));
        }
        channel.flush();
        String output = null;
        // display(x) returns a handle for updates; like IPython's display, it shows nothing more itself.
        boolean shown = result.hasValue() && result.value() instanceof glassbox.display.DisplayHandle;
        if (result.isOk() && result.hasValue() && !shown && !silent) {
            MimeBundle b = Bundles.ofValue(result.value());
            output = b.plainText();
            JsonObject c = new JsonObject();
            c.addProperty("execution_count", count);
            c.add("data", Bundles.data(b));
            c.add("metadata", Bundles.metadata(b));
            publish("execute_result", m, c);
        }
        channel.flush();
        JsonObject reply = new JsonObject();
        reply.addProperty("execution_count", count);
        if (result.isOk()) {
            reply.addProperty("status", "ok");
            reply.add("payload", new JsonArray());
            reply.add("user_expressions", userExpressions(m));
        } else {
            JsonObject err = errorContent(result);
            if (!silent) publish("error", m, err);
            reply.addProperty("status", "error");
            err.entrySet().forEach(e -> reply.add(e.getKey(), e.getValue()));
            reply.add("user_expressions", new JsonObject());
            reply.add("payload", new JsonArray());
        }
        if (storeHistory) {
            synchronized (history) {
                history.add(new String[]{String.valueOf(count), code, output});
            }
        }
        channel.close();
        reply(Channel.SHELL, m, "execute_reply", reply);
        if (!result.isOk() && stopOnError) abortQueued();
    }

    private JsonObject errorContent(CellResult r) {
        JsonObject err = new JsonObject();
        err.addProperty("ename", r.status() == CellResult.Status.INTERRUPTED ? "Interrupted" : r.errorName());
        err.addProperty("evalue", r.errorValue() == null ? "" : r.errorValue());
        JsonArray tb = new JsonArray();
        for (String line : r.traceback()) tb.add(line);
        err.add("traceback", tb);
        return err;
    }

    /** After an error, the requests queued behind the failed cell are answered "aborted", not run. */
    private void abortQueued() {
        List<Message> queued = new ArrayList<>();
        executeQueue.drainTo(queued);
        for (Message q : queued) {
            busy(q, () -> {
                JsonObject c = new JsonObject();
                c.addProperty("status", "aborted");
                c.addProperty("execution_count", executionCount);
                reply(Channel.SHELL, q, "execute_reply", c);
            });
        }
    }

    private JsonObject userExpressions(Message m) {
        JsonObject out = new JsonObject();
        JsonElement ue = m.content().get("user_expressions");
        if (ue == null || !ue.isJsonObject()) return out;
        for (Map.Entry<String, JsonElement> e : ue.getAsJsonObject().entrySet()) {
            JsonObject r = new JsonObject();
            try {
                Object v = engine.evaluate(e.getValue().getAsString());
                MimeBundle b = Bundles.ofValue(v);
                r.addProperty("status", "ok");
                r.add("data", Bundles.data(b));
                r.add("metadata", Bundles.metadata(b));
            } catch (RuntimeException ex) {
                r = error(ex.getClass().getSimpleName(), String.valueOf(ex.getMessage()));
            }
            out.add(e.getKey(), r);
        }
        return out;
    }

    private MagicContext context(CellChannel channel, String label) {
        Kernel k = this;
        return new MagicContext() {
            public Engine engine() { return engine; }

            public CellResult runJava(String code, int firstLine) {
                return engine.execute("\n".repeat(Math.max(0, firstLine - 1)) + code, label, channel);
            }

            public CellResult runCell(String code) {
                try {
                    return magics.run(code, this);
                } catch (Exception e) {
                    return CellResult.error(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), List.of(String.valueOf(e)));
                }
            }

            public void display(MimeBundle bundle) {
                channel.flush();
                Display.showBundle(bundle);
            }

            public Path workingDirectory() { return k.workingDirectory; }
        };
    }

    // ---------------------------------------------------------------- other requests

    private JsonObject kernelInfo() {
        JsonObject c = ok();
        c.addProperty("protocol_version", Message.PROTOCOL_VERSION);
        c.addProperty("implementation", "glassbox");
        c.addProperty("implementation_version", VERSION);
        JsonObject li = new JsonObject();
        li.addProperty("name", "java");
        li.addProperty("version", Runtime.version().toString());
        li.addProperty("mimetype", "text/x-java");
        li.addProperty("file_extension", ".java");
        li.addProperty("pygments_lexer", "java");
        li.addProperty("codemirror_mode", "text/x-java");
        c.add("language_info", li);
        c.addProperty("banner", "Glassbox " + VERSION + ": Java " + Runtime.version().feature()
                + " (JShell) with the Glassbox deep learning library preloaded");
        c.add("help_links", new JsonArray());
        c.addProperty("debugger", false);
        return c;
    }

    private JsonObject complete(Message m) {
        String code = m.string("code", "");
        int cursor = Math.min(code.length(), Math.max(0, Unicode.toJava(code, m.integer("cursor_pos", code.length()))));
        Completion.Result r = engine.complete(code, cursor);
        JsonObject c = ok();
        JsonArray matches = new JsonArray();
        r.matches().forEach(matches::add);
        c.add("matches", matches);
        c.addProperty("cursor_start", Unicode.toCodePoints(code, r.start()));
        c.addProperty("cursor_end", Unicode.toCodePoints(code, r.end()));
        c.add("metadata", new JsonObject());
        return c;
    }

    private JsonObject inspect(Message m) {
        String code = m.string("code", "");
        int cursor = Math.min(code.length(), Math.max(0, Unicode.toJava(code, m.integer("cursor_pos", code.length()))));
        Completion.Inspection in = engine.inspect(code, cursor);
        JsonObject c = ok();
        c.addProperty("found", in != null);
        JsonObject data = new JsonObject();
        if (in != null) {
            data.addProperty("text/plain", in.plainText());
            StringBuilder md = new StringBuilder();
            for (String s : in.signatures()) md.append("```java\n").append(s).append("\n```\n");
            if (in.documentation() != null && !in.documentation().isBlank()) md.append('\n').append(in.documentation());
            data.addProperty("text/markdown", md.toString());
        }
        c.add("data", data);
        c.add("metadata", new JsonObject());
        return c;
    }

    private JsonObject isComplete(Message m) {
        String code = m.string("code", "");
        String status = engine.isComplete(code);
        JsonObject c = new JsonObject();
        c.addProperty("status", status);
        if (status.equals("incomplete")) {
            String lastLine = code.substring(code.lastIndexOf('\n') + 1);
            String indent = lastLine.substring(0, lastLine.length() - lastLine.stripLeading().length());
            if (code.stripTrailing().endsWith("{")) indent += "    ";
            c.addProperty("indent", indent);
        }
        return c;
    }

    private JsonObject history(Message m) {
        String access = m.string("hist_access_type", "tail");
        boolean output = m.bool("output", false);
        List<String[]> all;
        synchronized (history) {
            all = new ArrayList<>(history);
        }
        List<String[]> chosen = new ArrayList<>();
        switch (access) {
            case "range" -> {
                int start = m.integer("start", 0), stop = m.integer("stop", Integer.MAX_VALUE);
                for (String[] h : all) {
                    int line = Integer.parseInt(h[0]);
                    if (line >= start && line < stop) chosen.add(h);
                }
            }
            case "search" -> {
                String pattern = m.string("pattern", "*");
                Pattern p = Pattern.compile(("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"), Pattern.DOTALL);
                for (String[] h : all) if (p.matcher(h[1]).matches()) chosen.add(h);
                if (m.bool("unique", false)) {
                    List<String[]> unique = new ArrayList<>();
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    for (int i = chosen.size() - 1; i >= 0; i--) if (seen.add(chosen.get(i)[1])) unique.add(0, chosen.get(i));
                    chosen = unique;
                }
                int n = m.integer("n", chosen.size());
                if (chosen.size() > n) chosen = chosen.subList(chosen.size() - n, chosen.size());
            }
            default -> {
                int n = m.integer("n", all.size());
                chosen = all.subList(Math.max(0, all.size() - n), all.size());
            }
        }
        JsonArray list = new JsonArray();
        for (String[] h : chosen) {
            JsonArray e = new JsonArray();
            e.add(1);
            e.add(Integer.parseInt(h[0]));
            if (output) {
                JsonArray io = new JsonArray();
                io.add(h[1]);
                io.add(h[2]);
                e.add(io);
            } else {
                e.add(h[1]);
            }
            list.add(e);
        }
        JsonObject c = ok();
        c.add("history", list);
        return c;
    }

    private void shutdown(Channel ch, Message m) {
        boolean restart = m.bool("restart", false);
        JsonObject c = ok();
        c.addProperty("restart", restart);
        reply(ch, m, "shutdown_reply", c);
        restartRequested = restart;
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(100);   // let the reply and the idle status go out
            } catch (InterruptedException ignored) {
                // closing anyway
            }
            close();
            shutdown.countDown();
        }, "glassbox-shutdown");
        t.setDaemon(true);
        t.start();
    }

    // ---------------------------------------------------------------- messages

    private static JsonObject ok() {
        JsonObject c = new JsonObject();
        c.addProperty("status", "ok");
        return c;
    }

    private static JsonObject error(String name, String value) {
        JsonObject c = new JsonObject();
        c.addProperty("status", "error");
        c.addProperty("ename", name);
        c.addProperty("evalue", value);
        c.add("traceback", new JsonArray());
        return c;
    }

    private static JsonObject status(String state) {
        JsonObject c = new JsonObject();
        c.addProperty("execution_state", state);
        return c;
    }

    private void reply(Channel ch, Message request, String type, JsonObject content) {
        Message r = Message.create(session, type, request, content);
        if (type.equals("execute_reply")) {
            r.metadata().addProperty("status", content.get("status").getAsString());
        }
        sockets.send(ch, r);
    }

    private void publish(String type, Message parent, JsonObject content) {
        sockets.send(Channel.IOPUB, Message.create(session, type, parent, content));
    }

    private void publishToCurrent(String type, JsonObject content) {
        CellChannel c = current;
        publish(type, c != null ? c.request() : lastParent, content);
    }

    @Override
    public void close() {
        engine.close();
        ticker.shutdownNow();
        helper.shutdownNow();
        executor.interrupt();
        sockets.close();
        Display.setSink(null);
    }
}

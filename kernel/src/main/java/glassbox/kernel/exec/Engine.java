package glassbox.kernel.exec;

import jdk.jshell.Diag;
import jdk.jshell.ErroneousSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * A JShell session that runs notebook cells: the execution engine of the kernel and of the grader.
 * It works without Jupyter: {@code try (Engine e = Engine.start(EngineOptions.defaults())) { e.execute("1 + 1", "cell 1", io); }}.
 *
 * <p>Cells run in this JVM on one thread with a large stack (deep recursion gives a StackOverflowError
 * report, not a dead kernel). A cell may hold many snippets (statements, declarations); they are split
 * with JShell's completeness analysis and evaluated in order, stopping at the first error. The value of
 * the last expression is returned as the real object, for rich display. {@link #interrupt()} stops the
 * running cell at its next loop iteration or method call (see {@link Instrumenter}) and interrupts its
 * thread; everything defined before survives. Completion and inspection may be called from other
 * threads while a cell runs.
 */
public final class Engine implements AutoCloseable {
    private static final long STACK_SIZE = 512L * 1024 * 1024;

    private final EngineOptions options;
    private final ExecutorService thread;
    private final ReentrantLock jshellLock = new ReentrantLock();
    private final Cancel.Token token = new Cancel.Token();
    private final Map<String, ErrorReport.Origin> origins = new ConcurrentHashMap<>();
    private final ErrorReport errors = new ErrorReport(origins::get);
    private final List<String> importedPackages = new ArrayList<>();
    private volatile Thread execThread;
    private volatile boolean running;
    private JShell jshell;
    private SessionControl control;
    private final Completion completion = new Completion(this);

    private Engine(EngineOptions options) {
        this.options = options;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "glassbox-cell", STACK_SIZE);
            t.setDaemon(true);
            execThread = t;
            return t;
        });
    }

    /** Starts a session: creates JShell, loads the default imports and helpers. Blocks until ready. */
    public static Engine start(EngineOptions options) {
        Engine e = new Engine(options);
        e.call(e::init);
        return e;
    }

    /** Starts a session in the background; calls made before it is ready wait for it. */
    public static Engine startAsync(EngineOptions options) {
        Engine e = new Engine(options);
        e.thread.submit(() -> { e.init(); return null; });
        return e;
    }

    private Void init() {
        Streams.install();
        SnippetLoader loader = new SnippetLoader(options.parentLoader());
        control = new SessionControl(loader, this::enterUserCode, this::leaveUserCode);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
        jshellLock.lock();
        try {
            jshell = JShell.builder()
                    .executionEngine(SessionControl.provider(control), Map.of())
                    .out(quiet).err(quiet)
                    .compilerOptions(options.compilerOptions().toArray(new String[0]))
                    .build();
            for (String cp : options.extraClasspath()) jshell.addToClasspath(cp);
            CellSource startup = new CellSource("startup", "");
            for (String snippet : Startup.snippets(options)) {
                List<SnippetEvent> events = jshell.eval(snippet);
                for (SnippetEvent ev : events) {
                    if (ev.status() == Snippet.Status.REJECTED || !ev.status().isDefined()) {
                        Streams.ORIGINAL_ERR.println("glassbox: startup snippet failed: " + snippet + ": "
                                + jshell.diagnostics(ev.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("; ")));
                        jshell.drop(ev.snippet());   // a broken import would break every later cell
                    }
                }
                if (snippet.startsWith("import ") && !snippet.startsWith("import static ")) {
                    importedPackages.add(snippet.substring(7, snippet.length() - 1).trim());
                }
            }
            origins.clear();
            assert startup != null;
        } finally {
            jshellLock.unlock();
            ready.countDown();
        }
        return null;
    }

    /** The JShell behind this session (use from the engine's thread via {@link #call}). */
    public JShell jshell() { return jshell; }

    /** The imports the session started with. */
    public List<String> imports() { return List.copyOf(importedPackages); }

    /** Runs {@code task} on the engine's thread (where cells run) and waits for it. */
    public <T> T call(Callable<T> task) {
        Future<T> f = thread.submit(task);
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    /**
     * Runs one cell. {@code label} names it in error reports ("cell [3]"); output and input go through
     * {@code io}. Returns when the cell ends.
     */
    public CellResult execute(String code, String label, CellIO io) {
        return call(() -> runCell(code, label, io));
    }

    private volatile List<String> magicNames = List.of();

    /** The magic names ("%time", "%%html", ...) completion offers when a line starts with %. */
    public void setMagicNames(List<String> names) { magicNames = List.copyOf(names); }

    List<String> magicNames() { return magicNames; }

    /** True while a cell runs. */
    public boolean isRunning() { return running; }

    /** Stops the running cell (if any) at its next check; its thread is interrupted too. */
    public void interrupt() {
        if (!running) return;
        token.cancel("Interrupted");
        synchronized (userCodeMonitor) {
            // Thread.interrupt only while the cell's own code runs: javac reading a jar on an interrupted
            // thread would get ClosedByInterruptException and break the session's compiler.
            Thread t = execThread;
            if (inUserCode && t != null) t.interrupt();
        }
    }

    private final Object userCodeMonitor = new Object();
    private boolean inUserCode;

    private void enterUserCode() {
        synchronized (userCodeMonitor) {
            inUserCode = true;
        }
        jshellLock.unlock();     // let completion and inspection use JShell while user code runs
    }

    private void leaveUserCode() {
        synchronized (userCodeMonitor) {
            inUserCode = false;
            Thread.interrupted();   // never hand an interrupted thread back to JShell
        }
        jshellLock.lock();
    }

    private CellResult runCell(String code, String label, CellIO io) {
        token.reset();
        Thread.interrupted();
        Cancel.bind(token);
        Streams.bind(io);
        jshellLock.lock();
        running = true;
        try {
            return evalCell(new CellSource(label, code));
        } catch (CellInterrupted ci) {
            return CellResult.interrupted(List.of(Ansi.red("Interrupted") + ": the cell was stopped; variables defined before are kept."));
        } finally {
            running = false;
            Thread.interrupted();
            boolean wasCancelled = token.isCancelled();
            token.reset();
            System.out.flush();
            System.err.flush();
            io.flush();
            Streams.bind(null);
            Cancel.bind(null);
            jshellLock.unlock();
            if (wasCancelled) Thread.interrupted();
        }
    }

    private CellResult evalCell(CellSource cell) {
        SourceCodeAnalysis sca = jshell.sourceCodeAnalysis();
        String code = cell.code();
        String remaining = code;
        int offset = 0;
        CellResult result = CellResult.ok();
        List<String> notes = new ArrayList<>();
        while (!remaining.isBlank()) {
            CompletionInfo ci = sca.analyzeCompletion(remaining);
            if (ci.completeness() == Completeness.EMPTY) break;
            String source;
            int consumed;
            if (ci.completeness().isComplete()) {
                source = ci.source();
                consumed = remaining.length() - ci.remaining().length();
            } else {
                source = remaining;   // incomplete code: let JShell report what is missing
                consumed = remaining.length();
            }
            String consumedText = remaining.substring(0, consumed);
            int start = offset + startOf(consumedText, source);
            offset += consumed;
            remaining = remaining.substring(consumed);

            List<SnippetEvent> events = jshell.eval(source);
            result = CellResult.ok();
            for (SnippetEvent ev : events) {
                if (ev.causeSnippet() != null) {
                    noteDependent(ev, notes);
                    continue;
                }
                Snippet s = ev.snippet();
                origins.put(s.id(), new ErrorReport.Origin(cell, start));
                if (ev.status() == Snippet.Status.REJECTED) {
                    flushNotes(notes);
                    return compileError(s, cell, start);
                }
                JShellException ex = ev.exception();
                if (ex != null) {
                    flushNotes(notes);
                    control.takeLastValue();
                    if (token.isCancelled() || isInterrupt(ex)) return interrupted();
                    if (ex instanceof jdk.jshell.UnresolvedReferenceException ure) {
                        jdk.jshell.DeclarationSnippet d = ure.getSnippet();
                        String missing = jshell.unresolvedDependencies(d).collect(Collectors.joining(", "));
                        String msg = describe(d) + " cannot run yet: it uses " + (missing.isEmpty() ? "something" : missing)
                                + ", which is not defined. Define it (or run the cell that does), then run this cell again.";
                        return CellResult.error("UnresolvedReference", msg,
                                List.of(Ansi.red("UnresolvedReference") + Ansi.bold(": " + msg)), ex);
                    }
                    List<String> tb = errors.runtimeError(ex);
                    return CellResult.error(ErrorReport.simpleName(ErrorReport.className(ex)),
                            String.valueOf(ErrorReport.message(ex)), tb, ex);
                }
                if (ev.status() == Snippet.Status.RECOVERABLE_DEFINED || ev.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    String unresolved = jshell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) s)
                            .collect(Collectors.joining(", "));
                    notes.add("note: " + describe(s) + " is defined, but it can be used only once " + unresolved + " is defined.");
                }
                Object value = control.takeLastValue();
                String type = valueType(s);
                if (type != null && !type.equals("void")) result = CellResult.value(value, type);
            }
            if (token.isCancelled()) { flushNotes(notes); return interrupted(); }
        }
        flushNotes(notes);
        return result;
    }

    private static boolean isInterrupt(JShellException ex) {
        return ex instanceof EvalException ee && ee.getExceptionClassName().equals(CellInterrupted.class.getName());
    }

    private CellResult interrupted() {
        return CellResult.interrupted(List.of(Ansi.red("Interrupted") + Ansi.bold(": the cell was stopped.")
                + " Everything defined before the interrupt is still there."));
    }

    private CellResult compileError(Snippet s, CellSource cell, int start) {
        List<Diag> diags = jshell.diagnostics(s).collect(Collectors.toList());
        List<String> tb = new ArrayList<>();
        String first = "the code does not compile";
        for (Diag d : diags) {
            if (!d.isError()) continue;
            if (tb.isEmpty()) first = d.getMessage(java.util.Locale.ENGLISH).split("\n")[0];
            tb.addAll(ErrorReport.compileError(d, cell, start));
        }
        if (tb.isEmpty()) tb.add(Ansi.red("error") + ": " + first);
        if (s instanceof ErroneousSnippet && diags.isEmpty()) {
            tb.add("  " + Ansi.cyan("--> " + cell.label() + ", line " + cell.lineOf(start)) + ": this is not a complete Java statement or declaration");
        }
        return CellResult.error("CompileError", first, tb);
    }

    /** A dependent snippet changed because of this cell: say so rather than reset silently. */
    private void noteDependent(SnippetEvent ev, List<String> notes) {
        Snippet s = ev.snippet();
        if (s instanceof VarSnippet v && ev.status().isActive() && ev.previousStatus() != Snippet.Status.NONEXISTENT) {
            notes.add("note: variable " + v.name() + " (" + v.typeName() + ") was reset to "
                    + defaultValue(v.typeName()) + " because " + describe(ev.causeSnippet())
                    + " changed; run the cell that sets it again.");
        } else if (ev.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED || ev.status() == Snippet.Status.RECOVERABLE_DEFINED) {
            if (ev.previousStatus() == Snippet.Status.VALID) {
                notes.add("note: " + describe(s) + " now refers to something that no longer exists; it cannot be used until that is defined again.");
            }
        } else if (ev.status() == Snippet.Status.REJECTED && ev.previousStatus() == Snippet.Status.VALID) {
            notes.add("note: " + describe(s) + " no longer compiles after this change.");
        }
    }

    private static String defaultValue(String type) {
        return switch (type) {
            case "int", "long", "short", "byte" -> "0";
            case "float", "double" -> "0.0";
            case "boolean" -> "false";
            case "char" -> "'\\0'";
            default -> "null";
        };
    }

    private void flushNotes(List<String> notes) {
        for (String n : notes) System.err.println(n);
        notes.clear();
    }

    static String describe(Snippet s) {
        if (s instanceof MethodSnippet m) return "method " + m.name() + "(" + m.parameterTypes() + ")";
        if (s instanceof TypeDeclSnippet t) return "class " + t.name();
        if (s instanceof VarSnippet v) return "variable " + v.name();
        return "snippet " + s.source().strip();
    }

    private static String valueType(Snippet s) {
        if (s instanceof ExpressionSnippet e) return e.typeName();
        if (s instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) return v.typeName();
        return null;
    }

    /** Offset of {@code source} (as JShell normalised it) within the text it was cut from. */
    private static int startOf(String consumedText, String source) {
        int exact = consumedText.indexOf(source.endsWith(";") ? source.substring(0, source.length() - 1) : source);
        if (exact >= 0 && !source.isBlank()) return exact;
        String s = source.strip();
        if (s.isEmpty()) return 0;
        String firstLine = s.split("\n", 2)[0].strip();
        if (firstLine.endsWith(";")) firstLine = firstLine.substring(0, firstLine.length() - 1);
        int i = firstLine.isEmpty() ? -1 : consumedText.indexOf(firstLine);
        if (i >= 0) return i;
        int ws = 0;
        while (ws < consumedText.length() && Character.isWhitespace(consumedText.charAt(ws))) ws++;
        return ws;
    }

    // ---- analysis (any thread) ----

    /** Runs {@code analysis} holding the JShell lock; null if the engine is busy compiling for too long. */
    <T> T analyse(Callable<T> analysis, T busy) {
        try {
            if (jshell == null || !jshellLock.tryLock(3, TimeUnit.SECONDS)) return busy;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return busy;
        }
        try {
            return analysis.call();
        } catch (Exception e) {
            return busy;
        } finally {
            jshellLock.unlock();
        }
    }

    /**
     * Runs {@code analysis} if the session has started and its lock is free within {@code waitMs};
     * null otherwise (or if the analysis failed), so the caller can answer another way.
     */
    <T> T analyseIfReady(Callable<T> analysis, long waitMs) {
        try {
            if (ready.getCount() > 0 || jshell == null || !jshellLock.tryLock(waitMs, TimeUnit.MILLISECONDS)) return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            return analysis.call();
        } catch (Exception e) {
            return null;
        } finally {
            jshellLock.unlock();
        }
    }

    /** Completion for {@code code} at {@code cursor}. */
    public Completion.Result complete(String code, int cursor) {
        waitReady();
        return completion.complete(code, cursor);
    }

    /** Signature and documentation of the name at {@code cursor}, or null. */
    public Completion.Inspection inspect(String code, int cursor) {
        waitReady();
        return completion.inspect(code, cursor);
    }

    /** "complete", "incomplete" or "invalid", as Jupyter's is_complete wants it; never waits for startup. */
    public String isComplete(String code) {
        return completion.isComplete(code);
    }

    /** The variables of the session (name, type), in definition order. */
    public List<Variable> variables() {
        waitReady();
        return analyse(() -> jshell.variables().filter(v -> jshell.status(v).isActive() && !v.name().startsWith("$"))
                .map(v -> new Variable(v.name(), v.typeName())).collect(Collectors.toList()), List.of());
    }

    /** A session variable as name and static type. */
    public record Variable(String name, String type) { }

    /** Evaluates a Java expression in the session and returns its value (on the engine's thread). */
    public Object evaluate(String expression) {
        waitReady();
        return call(() -> {
            jshellLock.lock();
            try {
                List<SnippetEvent> events = jshell.eval(expression);
                for (SnippetEvent ev : events) {
                    if (ev.causeSnippet() != null) continue;
                    if (ev.status() == Snippet.Status.REJECTED) {
                        throw new IllegalArgumentException("cannot evaluate " + expression + ": "
                                + jshell.diagnostics(ev.snippet()).map(d -> d.getMessage(java.util.Locale.ENGLISH)).collect(Collectors.joining("; ")));
                    }
                    if (ev.exception() != null) throw new IllegalStateException(expression + " threw " + ev.exception().getMessage(), ev.exception());
                }
                Object v = control.takeLastValue();
                if (!events.isEmpty() && events.get(0).snippet() instanceof VarSnippet vs
                        && vs.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                    jshell.drop(vs);
                }
                return v;
            } finally {
                jshellLock.unlock();
            }
        });
    }

    /** Adds jars or directories (separated by the path separator) to the session's class path. */
    public void addToClasspath(String path) {
        call(() -> {
            jshellLock.lock();
            try {
                jshell.addToClasspath(path);
            } finally {
                jshellLock.unlock();
            }
            return null;
        });
    }

    /** The class loader of the session's code (classes defined in cells, added jars). */
    public ClassLoader classLoader() {
        waitReady();
        return control.loader().classLoader();
    }

    private final java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);

    /** Waits until the startup (JShell, imports) has finished. */
    private void waitReady() {
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops any running cell and closes JShell. */
    @Override
    public void close() {
        interrupt();
        try {
            thread.submit(() -> { if (jshell != null) jshell.close(); return null; }).get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing anyway
        }
        thread.shutdownNow();
    }
}

package glassbox.kernel.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * How to start an {@link Engine}: extra class path, compiler options, whether to load the default
 * imports and helpers (input, display), and extra startup code.
 */
public final class EngineOptions {
    private final List<String> extraClasspath = new ArrayList<>();
    private final List<String> compilerOptions = new ArrayList<>();
    private final List<String> startupCode = new ArrayList<>();
    private boolean defaultImports = true;
    private ClassLoader parentLoader = EngineOptions.class.getClassLoader();

    /** Default imports and helpers on, nothing extra. */
    public static EngineOptions defaults() {
        return new EngineOptions();
    }

    public EngineOptions addClasspath(String path) { extraClasspath.add(path); return this; }

    public EngineOptions addCompilerOption(String option) { compilerOptions.add(option); return this; }

    /** Code run at startup after the imports (one snippet per entry). */
    public EngineOptions addStartup(String snippet) { startupCode.add(snippet); return this; }

    public EngineOptions defaultImports(boolean on) { defaultImports = on; return this; }

    /** The parent class loader of cell code (default: the loader of the kernel, which sees the library). */
    public EngineOptions parentLoader(ClassLoader loader) { parentLoader = loader; return this; }

    List<String> extraClasspath() { return extraClasspath; }
    List<String> compilerOptions() { return compilerOptions; }
    List<String> startupCode() { return startupCode; }
    boolean defaultImports() { return defaultImports; }
    ClassLoader parentLoader() { return parentLoader; }
}

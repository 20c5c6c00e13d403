package glassbox.kernel.exec;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the classes JShell compiles from cells, instrumented by {@link Instrumenter}, in a class loader
 * whose parent is the kernel's own (so cells see the Glassbox library), plus jars added by
 * {@code %classpath} or {@code %maven}.
 */
final class SnippetLoader implements LoaderDelegate {
    private final Map<String, byte[]> classes = new ConcurrentHashMap<>();
    private final Loader loader;

    SnippetLoader(ClassLoader parent) {
        this.loader = new Loader(parent);
    }

    ClassLoader classLoader() { return loader; }

    private final class Loader extends URLClassLoader {
        static { ClassLoader.registerAsParallelCapable(); }

        Loader(ClassLoader parent) {
            super(new URL[0], parent);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) return super.findClass(name);
            return defineClass(name, bytes, 0, bytes.length);
        }

        void add(URL url) { addURL(url); }
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        boolean[] loaded = new boolean[cbcs.length];
        try {
            for (ClassBytecodes cbc : cbcs) classes.put(cbc.name(), Instrumenter.instrument(cbc.bytecodes()));
            for (int i = 0; i < cbcs.length; i++) {
                Class<?> k = loader.loadClass(cbcs[i].name());
                k.getDeclaredMethods(); // link it now, so errors surface here
                loaded[i] = true;
            }
        } catch (Throwable ex) {
            throw new ClassInstallException("load: " + ex, loaded);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] cbcs) {
        for (ClassBytecodes cbc : cbcs) classes.put(cbc.name(), cbc.bytecodes());
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isBlank()) continue;
            try {
                loader.add(new File(entry).toURI().toURL());
            } catch (MalformedURLException e) {
                throw new InternalException("Bad class path entry " + entry + ": " + e.getMessage());
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        return Class.forName(name, false, loader);
    }
}

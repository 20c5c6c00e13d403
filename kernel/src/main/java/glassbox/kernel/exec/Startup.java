package glassbox.kernel.exec;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The code every session starts with: the default imports (only the packages that exist on the class
 * path, so packages added to the library later are picked up), explicit imports where a Glassbox class
 * name would clash with a JDK one (e.g. {@code Module}), and the helpers {@code display(x)},
 * {@code input(prompt)} and {@code readLine(prompt)}.
 */
final class Startup {
    /** Library packages imported by default, when present. */
    static final List<String> GLASSBOX_PACKAGES = List.of(
            "glassbox.tensor", "glassbox.nn", "glassbox.optim", "glassbox.data", "glassbox.text", "glassbox.plot", "glassbox.display");
    static final List<String> JAVA_PACKAGES = List.of(
            "java.util", "java.util.function", "java.util.stream", "java.io", "java.nio.file", "java.math");
    static final List<String> OPTIONAL_PACKAGES = List.of("tech.tablesaw.api", "org.knowm.xchart");

    private Startup() { }

    static List<String> snippets(EngineOptions options) {
        List<String> out = new ArrayList<>();
        if (options.defaultImports()) {
            Map<String, Set<String>> classes = scanPackages(options.parentLoader());
            for (String p : JAVA_PACKAGES) out.add("import " + p + ".*;");
            for (String p : OPTIONAL_PACKAGES) if (exists(p, options.parentLoader())) out.add("import " + p + ".*;");
            // The preferred packages first, then any other glassbox.* package found on the class path,
            // so a package added to the library later is imported without touching the kernel.
            List<String> present = new ArrayList<>();
            for (String p : GLASSBOX_PACKAGES) if (classes.containsKey(p) || exists(p, options.parentLoader())) present.add(p);
            new java.util.TreeSet<>(classes.keySet()).forEach(p -> { if (!present.contains(p)) present.add(p); });
            for (String p : present) out.add("import " + p + ".*;");
            // Where a simple name exists in two imported packages, on-demand imports would make it ambiguous:
            // the first Glassbox package (in the order above) wins over later ones and over the JDK/Tablesaw.
            Map<String, List<String>> owners = new LinkedHashMap<>();
            for (String p : present) {
                for (String c : classes.getOrDefault(p, Set.of())) owners.computeIfAbsent(c, k -> new ArrayList<>()).add(p);
            }
            for (Map.Entry<String, List<String>> e : owners.entrySet()) {
                String name = e.getKey();
                List<String> publicOwners = e.getValue().size() > 1 || existsElsewhere(name, options.parentLoader())
                        ? e.getValue().stream().filter(p -> isPublic(p + "." + name, options.parentLoader())).toList() : List.of();
                if (publicOwners.isEmpty()) continue;
                if (publicOwners.size() > 1 || existsElsewhere(name, options.parentLoader())) {
                    out.add("import " + publicOwners.get(0) + "." + name + ";");
                }
            }
            out.add("import static glassbox.kernel.exec.Helpers.*;");
        }
        out.addAll(options.startupCode());
        return out;
    }

    private static final Map<ClassLoader, Set<String>> OPTIONAL_NAMES = new java.util.WeakHashMap<>();

    /** True if a JDK package we import, java.lang, Tablesaw or XChart has a class of this simple name. */
    private static boolean existsElsewhere(String simpleName, ClassLoader loader) {
        List<String> pkgs = new ArrayList<>(JAVA_PACKAGES);
        pkgs.add("java.lang");
        for (String p : pkgs) {
            try {
                Class.forName(p + "." + simpleName, false, null);   // the boot loader: a fast lookup
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                // not there
            }
        }
        Set<String> optional;
        synchronized (OPTIONAL_NAMES) {
            optional = OPTIONAL_NAMES.computeIfAbsent(loader, l -> {
                Set<String> names = new java.util.HashSet<>();
                for (String p : OPTIONAL_PACKAGES) names.addAll(classNamesIn(p, l));
                return names;
            });
        }
        return optional.contains(simpleName);
    }

    /** Simple names of the top-level classes of a package, listed from its jar or directory. */
    static Set<String> classNamesIn(String pkg, ClassLoader loader) {
        Set<String> out = new LinkedHashSet<>();
        String prefix = pkg.replace('.', '/') + "/";
        try {
            Enumeration<URL> roots = loader.getResources(prefix);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                List<String> entries = new ArrayList<>();
                if (url.getProtocol().equals("jar")) {
                    String s = url.getPath();
                    int bang = s.indexOf("!/");
                    if (bang < 0 || !s.startsWith("file:")) continue;
                    try (JarFile jar = new JarFile(new File(new URL(s.substring(0, bang)).toURI()))) {
                        jar.stream().map(JarEntry::getName).filter(n -> n.startsWith(prefix)).forEach(entries::add);
                    }
                } else if (url.getProtocol().equals("file")) {
                    File[] files = new File(url.toURI()).listFiles();
                    if (files != null) for (File f : files) entries.add(prefix + f.getName());
                }
                for (String n : entries) {
                    String rest = n.substring(prefix.length());
                    if (rest.endsWith(".class") && !rest.contains("/") && !rest.contains("$")) out.add(rest.substring(0, rest.length() - 6));
                }
            }
        } catch (Exception e) {
            // unknown: no names
        }
        return out;
    }

    private static boolean isPublic(String className, ClassLoader loader) {
        try {
            return java.lang.reflect.Modifier.isPublic(Class.forName(className, false, loader).getModifiers());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean exists(String pkg, ClassLoader loader) {
        return loader.getResource(pkg.replace('.', '/') + "/") != null;
    }

    /** Package -> public top-level class simple names, for the glassbox.* packages on the class path. */
    static Map<String, Set<String>> scanPackages(ClassLoader loader) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        try {
            Enumeration<URL> roots = loader.getResources("glassbox/");
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (url.getProtocol().equals("file")) scanDir(Path.of(url.toURI()), out);
                else if (url.getProtocol().equals("jar")) scanJar(url, out);
            }
        } catch (Exception e) {
            // fall back to resource probing in exists()
        }
        if (out.isEmpty()) {
            // Jars without directory entries: look through the class path jars themselves.
            for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (entry.endsWith(".jar") && new File(entry).isFile()) {
                    try (JarFile jar = new JarFile(entry)) {
                        addJarEntries(jar, out);
                    } catch (IOException ignored) {
                        // unreadable jar: skip
                    }
                }
            }
        }
        return out;
    }

    private static void scanDir(Path glassboxDir, Map<String, Set<String>> out) throws IOException {
        try (Stream<Path> files = Files.walk(glassboxDir, 2)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                Path rel = glassboxDir.getParent().relativize(f);
                if (rel.getNameCount() != 3) return;
                add(rel.toString().replace(File.separatorChar, '/'), out);
            });
        }
    }

    private static void scanJar(URL url, Map<String, Set<String>> out) throws IOException {
        String s = url.getPath();
        int bang = s.indexOf("!/");
        if (bang < 0 || !s.startsWith("file:")) return;
        try (JarFile jar = new JarFile(new File(URL.class.cast(new URL(s.substring(0, bang))).toURI().getPath()))) {
            addJarEntries(jar, out);
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static void addJarEntries(JarFile jar, Map<String, Set<String>> out) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            if (name.startsWith("glassbox/") && name.endsWith(".class") && name.chars().filter(c -> c == '/').count() == 2) add(name, out);
        }
    }

    private static void add(String path, Map<String, Set<String>> out) {
        // path like glassbox/tensor/Tensor.class
        String cls = path.substring(path.lastIndexOf('/') + 1, path.length() - ".class".length());
        if (cls.contains("$") || cls.equals("package-info")) return;
        String pkg = path.substring(0, path.lastIndexOf('/')).replace('/', '.');
        if (pkg.startsWith("glassbox.kernel") || pkg.equals("glassbox.bench")) return;
        out.computeIfAbsent(pkg, k -> new LinkedHashSet<>()).add(cls);
    }
}

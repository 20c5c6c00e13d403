package glassbox.tensor;

/**
 * Whether the fast loops use the Vector API ({@code jdk.incubator.vector}): only if the module is in the
 * boot layer (the JVM was started with {@code --add-modules jdk.incubator.vector}), the CPU has 256-bit
 * float vectors (AVX2 or better), and the system property {@code glassbox.simd} is not {@code false}.
 * No class that uses the Vector API is touched before this check, so a JVM without the module still
 * runs every op, on plain-Java loops.
 */
final class Simd {
    private Simd() {
    }

    /** True if the Vector API can be used in this JVM. */
    static final boolean AVAILABLE = detect();
    /** True while the SIMD paths are in use (tests switch them off to check the plain-Java paths). */
    static boolean enabled = AVAILABLE;

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty("glassbox.simd"))) return false;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        try {
            return GemmSimd.supported();
        } catch (Throwable t) {
            return false;
        }
    }

    /** For tests: turn the SIMD paths off (false) or back on if available; returns the old setting. */
    static boolean use(boolean on) {
        boolean old = enabled;
        enabled = on && AVAILABLE;
        return old;
    }
}

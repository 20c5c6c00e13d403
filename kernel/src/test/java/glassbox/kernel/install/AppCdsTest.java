package glassbox.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppCdsTest {

    @TempDir
    Path tmp;

    private Path jdk(String name, String release) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve(name).resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"), "");
        if (release != null) {
            Files.writeString(tmp.resolve(name).resolve("release"), release);
        }
        return java;
    }

    @Test
    void readsTheFeatureVersionFromTheJdkReleaseFile() throws Exception {
        assertEquals(17, AppCds.javaFeatureVersion(jdk("a", "IMPLEMENTOR=\"Debian\"\nJAVA_VERSION=\"17.0.15\"\n")));
        assertEquals(25, AppCds.javaFeatureVersion(jdk("b", "JAVA_VERSION=\"25\"\n")));
        assertEquals(8, AppCds.javaFeatureVersion(jdk("c", "JAVA_VERSION=\"1.8.0_412\"\n")));
        assertEquals(0, AppCds.javaFeatureVersion(jdk("d", null)), "unknown without a release file");
    }

    @Test
    void theRunningJdkIsRecognised() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertEquals(Runtime.version().feature(), AppCds.javaFeatureVersion(java));
    }
}

package glassbox.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelspecDirsTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void userKernelsFollowJupyterCoreOnLinux() {
        assertEquals(Path.of("/home/ada/.local/share/jupyter/kernels"), new KernelspecDirs(Map.of(), HOME, "Linux").user());
        assertEquals(Path.of("/xdg/jupyter/kernels"),
                new KernelspecDirs(Map.of("XDG_DATA_HOME", "/xdg"), HOME, "Linux").user());
        assertEquals(Path.of("/data/kernels"),
                new KernelspecDirs(Map.of("JUPYTER_DATA_DIR", "/data", "XDG_DATA_HOME", "/xdg"), HOME, "Linux").user());
    }

    @Test
    void userKernelsOnMacAndWindows() {
        assertEquals(Path.of("/home/ada/Library/Jupyter/kernels"), new KernelspecDirs(Map.of(), HOME, "Mac OS X").user());
        assertEquals(Path.of("/appdata/jupyter/kernels"),
                new KernelspecDirs(Map.of("APPDATA", "/appdata"), HOME, "Windows 11").user());
    }

    @Test
    void prefixAndVirtualEnvironment() {
        assertEquals(Path.of("/opt/j/share/jupyter/kernels"), KernelspecDirs.prefix(Path.of("/opt/j")));
        assertEquals(Path.of("/venv/share/jupyter/kernels"),
                new KernelspecDirs(Map.of("VIRTUAL_ENV", "/venv", "CONDA_PREFIX", "/conda"), HOME, "Linux").sysPrefix());
        assertEquals(Path.of("/conda/share/jupyter/kernels"),
                new KernelspecDirs(Map.of("CONDA_PREFIX", "/conda"), HOME, "Linux").sysPrefix());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new KernelspecDirs(Map.of(), HOME, "Linux").sysPrefix());
        assertTrue(e.getMessage().contains("VIRTUAL_ENV"), e.getMessage());
    }
}

package glassbox.kernel.install;

import com.google.gson.GsonBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code kernel.json} of a kernelspec: how Jupyter starts the kernel ({@code argv}, with
 * {@code {connection_file}} filled in by Jupyter), its name in menus, its language, how it is
 * interrupted, and extra environment variables.
 *
 * <pre>{"argv": [java, jvmFlags..., "-cp", "DIR/lib/*", "glassbox.kernel.Main", "{connection_file}"], ...}</pre>
 */
public record KernelJson(String java, List<String> jvmFlags, Path lib, String displayName,
                         String interruptMode, Map<String, String> env) {

    /** The command line Jupyter runs. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(java);
        argv.addAll(jvmFlags);
        argv.add("-cp");
        argv.add(lib.resolve("*").toString());
        argv.add(Distribution.MAIN_CLASS);
        argv.add("{connection_file}");
        return argv;
    }

    /** The file's text. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("argv", argv());
        json.put("display_name", displayName);
        json.put("language", "java");
        json.put("interrupt_mode", interruptMode);
        if (!env.isEmpty()) {
            json.put("env", env);
        }
        json.put("metadata", Map.of("debugger", false));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
    }
}

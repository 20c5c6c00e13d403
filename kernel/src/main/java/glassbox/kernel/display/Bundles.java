package glassbox.kernel.display;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Gson;
import glassbox.display.MimeBundle;
import glassbox.display.Renderers;

import java.util.Map;

/**
 * Turns values and {@link MimeBundle}s into the JSON of display_data / execute_result messages.
 * A cell's last value is rendered through the library's {@link Renderers} registry, like
 * {@code Display.show}; strings and characters show quoted, as in JShell.
 */
public final class Bundles {
    private static final Gson GSON = new Gson();

    private Bundles() { }

    /** The bundle for a cell's value. */
    public static MimeBundle ofValue(Object value) {
        if (value instanceof CharSequence || value instanceof Character) {
            return MimeBundle.text(Renderers.plainText(value instanceof CharSequence cs ? cs.toString() : value));
        }
        return Renderers.render(value);
    }

    /** {"text/plain": ..., "image/png": ...} */
    public static JsonObject data(MimeBundle b) {
        JsonObject o = new JsonObject();
        for (Map.Entry<String, Object> e : b.data().entrySet()) o.add(e.getKey(), json(e.getValue()));
        return o;
    }

    /** {"image/png": {"width": 400}} */
    public static JsonObject metadata(MimeBundle b) {
        JsonObject o = new JsonObject();
        for (Map.Entry<String, Map<String, Object>> e : b.metadata().entrySet()) o.add(e.getKey(), GSON.toJsonTree(e.getValue()));
        return o;
    }

    private static JsonElement json(Object v) {
        if (v instanceof String s) return new JsonPrimitive(s);
        if (v instanceof JsonElement je) return je;
        return GSON.toJsonTree(v);
    }
}

package glassbox.display;

import glassbox.tensor.Tensor;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry that turns any value into a {@link MimeBundle}, by class. Lookup walks the value's class,
 * then its superclasses, then its interfaces, so a renderer for {@code Chart} serves every chart type.
 * Built in: {@link Displayable} (asks the value), {@link MimeBundle} (as is), {@link Tensor}
 * (text plus an HTML table, or a heatmap for big matrices), {@link BufferedImage} (PNG),
 * XChart charts (PNG at 2x for sharp screens, plus SVG) and Tablesaw tables (HTML).
 * Anything else shows as {@code String.valueOf(value)}.
 */
public final class Renderers {
    private static final Map<Class<?>, Renderer<?>> renderers = new LinkedHashMap<>();

    static {
        register(MimeBundle.class, b -> b);
        register(Displayable.class, Displayable::toMimeBundle);
        register(Tensor.class, TensorRenderer::render);
        register(BufferedImage.class, Images::bundle);
        ChartRenderer.registerIfPresent();
        TableRenderer.registerIfPresent();
    }

    private Renderers() { }

    /** Registers (or replaces) the renderer for values of {@code type} and its subtypes. */
    public static synchronized <T> void register(Class<T> type, Renderer<? super T> renderer) {
        renderers.put(type, renderer);
    }

    /** The renderer that applies to {@code type}, or null when only the text fallback applies. */
    public static synchronized Renderer<?> find(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Renderer<?> r = renderers.get(c);
            if (r != null) return r;
        }
        List<Class<?>> queue = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) queue.addAll(List.of(c.getInterfaces()));
        for (int i = 0; i < queue.size(); i++) {
            Class<?> itf = queue.get(i);
            Renderer<?> r = renderers.get(itf);
            if (r != null) return r;
            queue.addAll(List.of(itf.getInterfaces()));
        }
        return null;
    }

    /** Renders {@code value}; never returns null and always includes text/plain. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static MimeBundle render(Object value) {
        if (value == null) return MimeBundle.text("null");
        Renderer r = find(value.getClass());
        MimeBundle bundle = null;
        if (r != null) {
            try {
                bundle = r.render(value);
            } catch (RuntimeException e) {
                bundle = MimeBundle.text(safeToString(value) + "\n(rendering failed: " + e + ")");
            }
        }
        if (bundle == null) bundle = new MimeBundle();
        if (bundle.get("text/plain") == null) bundle.put("text/plain", safeToString(value));
        return bundle;
    }

    /** The text a value shows as: strings quoted, as in JShell. */
    public static String plainText(Object value) {
        if (value instanceof String s) return '"' + s + '"';
        if (value instanceof Character ch) return "'" + ch + "'";
        return safeToString(value);
    }

    private static String safeToString(Object value) {
        try {
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return value.getClass().getName() + " (toString failed: " + e + ")";
        }
    }
}

package glassbox.display;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a notebook shows for one value: the same content in several MIME types (text/plain, text/html,
 * image/png, ...). The front end picks the richest type it understands. Binary data (PNG) is stored
 * base64-encoded, as the Jupyter protocol wants it. Optional per-type metadata (e.g. image width and height).
 */
public final class MimeBundle {
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> metadata = new LinkedHashMap<>();

    /** An empty bundle; add representations with {@link #put}. */
    public MimeBundle() { }

    /** A bundle with one representation. */
    public static MimeBundle of(String mimeType, Object value) {
        return new MimeBundle().put(mimeType, value);
    }

    /** A plain-text bundle. */
    public static MimeBundle text(String text) {
        return of("text/plain", text);
    }

    /** Adds (or replaces) the representation for {@code mimeType}; returns this bundle. */
    public MimeBundle put(String mimeType, Object value) {
        if (mimeType == null || mimeType.isBlank()) throw new IllegalArgumentException("MIME type must not be empty");
        data.put(mimeType, value);
        return this;
    }

    /** Adds a PNG image given as raw bytes (stored base64-encoded). */
    public MimeBundle putPng(byte[] png) {
        return put("image/png", Base64.getEncoder().encodeToString(png));
    }

    /** Adds one metadata entry for {@code mimeType}, e.g. {@code ("image/png", "width", 400)}. */
    public MimeBundle putMetadata(String mimeType, String key, Object value) {
        metadata.computeIfAbsent(mimeType, k -> new LinkedHashMap<>()).put(key, value);
        return this;
    }

    /** Copies every representation and metadata entry of {@code other} into this bundle. */
    public MimeBundle putAll(MimeBundle other) {
        data.putAll(other.data);
        other.metadata.forEach((k, v) -> metadata.computeIfAbsent(k, x -> new LinkedHashMap<>()).putAll(v));
        return this;
    }

    /** The representation for {@code mimeType}, or null. */
    public Object get(String mimeType) { return data.get(mimeType); }

    /** The plain-text representation, or null. */
    public String plainText() {
        Object t = data.get("text/plain");
        return t == null ? null : t.toString();
    }

    /** MIME type -> data, in insertion order (read-only). */
    public Map<String, Object> data() { return Collections.unmodifiableMap(data); }

    /** MIME type -> metadata map (read-only). */
    public Map<String, Map<String, Object>> metadata() { return Collections.unmodifiableMap(metadata); }

    public boolean isEmpty() { return data.isEmpty(); }

    @Override
    public String toString() {
        return "MimeBundle" + data.keySet();
    }
}

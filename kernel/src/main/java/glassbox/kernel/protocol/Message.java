package glassbox.kernel.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One Jupyter message: routing identities, header, parent header, metadata, content and binary buffers.
 * Content is kept as JSON so every message type, including ones newer than this code, can be handled.
 */
public final class Message {
    public static final String PROTOCOL_VERSION = "5.4";

    private final List<byte[]> identities;
    private final JsonObject header;
    private final JsonObject parentHeader;
    private final JsonObject metadata;
    private final JsonObject content;
    private final List<byte[]> buffers;

    public Message(List<byte[]> identities, JsonObject header, JsonObject parentHeader, JsonObject metadata,
                   JsonObject content, List<byte[]> buffers) {
        this.identities = identities == null ? List.of() : identities;
        this.header = header;
        this.parentHeader = parentHeader == null ? new JsonObject() : parentHeader;
        this.metadata = metadata == null ? new JsonObject() : metadata;
        this.content = content == null ? new JsonObject() : content;
        this.buffers = buffers == null ? List.of() : buffers;
    }

    /** A new message of {@code type} in {@code session}, answering {@code parent} (may be null). */
    public static Message create(String session, String type, Message parent, JsonObject content) {
        JsonObject h = new JsonObject();
        h.addProperty("msg_id", UUID.randomUUID().toString());
        h.addProperty("session", session);
        h.addProperty("username", parent != null && parent.header.has("username") ? parent.header.get("username").getAsString() : "kernel");
        h.addProperty("date", Instant.now().toString());
        h.addProperty("msg_type", type);
        h.addProperty("version", PROTOCOL_VERSION);
        return new Message(parent == null ? new ArrayList<>() : parent.identities, h,
                parent == null ? new JsonObject() : parent.header, new JsonObject(), content, null);
    }

    /** The same message with other identities (e.g. an IOPub topic). */
    public Message withIdentities(List<byte[]> ids) {
        return new Message(ids, header, parentHeader, metadata, content, buffers);
    }

    public String type() {
        JsonElement t = header.get("msg_type");
        return t == null || t.isJsonNull() ? "" : t.getAsString();
    }

    public String id() {
        JsonElement t = header.get("msg_id");
        return t == null || t.isJsonNull() ? "" : t.getAsString();
    }

    public List<byte[]> identities() { return identities; }
    public JsonObject header() { return header; }
    public JsonObject parentHeader() { return parentHeader; }
    public JsonObject metadata() { return metadata; }
    public JsonObject content() { return content; }
    public List<byte[]> buffers() { return buffers; }

    /** A string field of the content, or {@code fallback}. */
    public String string(String key, String fallback) {
        JsonElement e = content.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }

    /** A boolean field of the content, or {@code fallback}. */
    public boolean bool(String key, boolean fallback) {
        JsonElement e = content.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsBoolean();
    }

    /** An int field of the content, or {@code fallback}. */
    public int integer(String key, int fallback) {
        JsonElement e = content.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsInt();
    }

    @Override
    public String toString() {
        return type() + " " + content;
    }
}

package glassbox.kernel.display;

import com.google.gson.JsonObject;
import glassbox.display.DisplaySink;
import glassbox.display.MimeBundle;

import java.util.function.BiConsumer;

/**
 * The display sink the kernel installs: {@code Display.show} becomes a display_data message and
 * {@code DisplayHandle.update} an update_display_data message with the same display_id (so the front
 * end redraws that output in place). {@code publish} sends on IOPub with the running cell as parent.
 */
public final class KernelDisplaySink implements DisplaySink {
    private final BiConsumer<String, JsonObject> publish;
    private final Runnable beforeDisplay;

    /** {@code publish(msgType, content)}; {@code beforeDisplay} flushes pending stream output first. */
    public KernelDisplaySink(BiConsumer<String, JsonObject> publish, Runnable beforeDisplay) {
        this.publish = publish;
        this.beforeDisplay = beforeDisplay;
    }

    @Override
    public void display(MimeBundle bundle, String displayId) {
        beforeDisplay.run();
        publish.accept("display_data", content(bundle, displayId));
    }

    @Override
    public void update(MimeBundle bundle, String displayId) {
        beforeDisplay.run();
        publish.accept("update_display_data", content(bundle, displayId));
    }

    static JsonObject content(MimeBundle bundle, String displayId) {
        JsonObject c = new JsonObject();
        c.add("data", Bundles.data(bundle));
        c.add("metadata", Bundles.metadata(bundle));
        JsonObject transientPart = new JsonObject();
        if (displayId != null) transientPart.addProperty("display_id", displayId);
        c.add("transient", transientPart);
        return c;
    }
}

package glassbox.display;

/**
 * A shown output that can be redrawn in place, e.g. a live loss chart or a progress bar:
 * {@code var h = Display.show(chart); ... h.update(chart);}. Updates replace the output rather than
 * appending a new one, so a training loop redraws without flicker.
 */
public final class DisplayHandle {
    private final String displayId;
    private final DisplaySink sink;

    DisplayHandle(String displayId, DisplaySink sink) {
        this.displayId = displayId;
        this.sink = sink;
    }

    /** The display id shared by the original output and its updates. */
    public String id() { return displayId; }

    /** Redraws this output with {@code value}, rendered through {@link Renderers}. */
    public DisplayHandle update(Object value) {
        sink.update(Renderers.render(value), displayId);
        return this;
    }

    @Override
    public String toString() { return "DisplayHandle[" + displayId + "]"; }
}

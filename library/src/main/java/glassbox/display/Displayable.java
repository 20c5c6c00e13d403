package glassbox.display;

/**
 * A value that knows how to show itself in a notebook: a computation graph, a model summary, a chart.
 * The kernel calls {@link #toMimeBundle()} for a cell's last value and for {@link Display#show(Object)}.
 */
public interface Displayable {
    /** The representations of this value (at least text/plain is recommended). */
    MimeBundle toMimeBundle();
}

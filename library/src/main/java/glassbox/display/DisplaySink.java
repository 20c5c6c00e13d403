package glassbox.display;

/**
 * Where displayed bundles go. The Jupyter kernel installs one that sends display_data and
 * update_display_data messages; without a kernel the default prints the text/plain form to stdout.
 */
public interface DisplaySink {
    /** Shows a new output; {@code displayId} names it for later updates. */
    void display(MimeBundle bundle, String displayId);

    /** Replaces the output shown earlier under {@code displayId}, in place. */
    void update(MimeBundle bundle, String displayId);

    /** The sink used when no kernel is running: prints text/plain (or a note for other types) to stdout. */
    DisplaySink STDOUT = new DisplaySink() {
        @Override
        public void display(MimeBundle bundle, String displayId) {
            String text = bundle.plainText();
            System.out.println(text != null ? text : "<" + String.join(", ", bundle.data().keySet()) + ">");
        }

        @Override
        public void update(MimeBundle bundle, String displayId) {
            display(bundle, displayId);
        }
    };
}

package glassbox.display;

import java.awt.image.BufferedImage;
import java.util.UUID;

/**
 * Shows values in the notebook: {@code Display.show(tensor)}, {@code Display.html("<b>hi</b>")},
 * {@code Display.markdown("# Title")}, {@code Display.latex("$e^{i\\pi}+1=0$")}, {@code Display.image(img)}.
 * Each returns a {@link DisplayHandle} whose {@code update} redraws the same output in place.
 * Without a kernel the text/plain form is printed to stdout.
 */
public final class Display {
    private static volatile DisplaySink globalSink = DisplaySink.STDOUT;
    private static final InheritableThreadLocal<DisplaySink> threadSink = new InheritableThreadLocal<>();

    private Display() { }

    /** Installs the sink used by every thread that has no sink of its own (the kernel calls this). */
    public static void setSink(DisplaySink sink) {
        globalSink = sink == null ? DisplaySink.STDOUT : sink;
    }

    /** Installs a sink for the current thread and the threads it starts (null removes it). */
    public static void setThreadSink(DisplaySink sink) {
        if (sink == null) threadSink.remove(); else threadSink.set(sink);
    }

    /** The sink in effect on this thread. */
    public static DisplaySink sink() {
        DisplaySink s = threadSink.get();
        return s != null ? s : globalSink;
    }

    /** Shows {@code value} rendered through {@link Renderers}; returns a handle to update it. */
    public static DisplayHandle show(Object value) {
        return showBundle(Renderers.render(value));
    }

    /** Shows an already built bundle. */
    public static DisplayHandle showBundle(MimeBundle bundle) {
        DisplaySink sink = sink();
        String id = UUID.randomUUID().toString();
        sink.display(bundle, id);
        return new DisplayHandle(id, sink);
    }

    /** Shows HTML. */
    public static DisplayHandle html(String html) {
        return showBundle(html(html, null));
    }

    /** Shows Markdown (rendered by the front end). */
    public static DisplayHandle markdown(String markdown) {
        return showBundle(MimeBundle.of("text/markdown", markdown).put("text/plain", markdown));
    }

    /** Shows LaTeX, e.g. {@code "$\\sigma(x) = 1/(1+e^{-x})$"} (rendered by MathJax in the front end). */
    public static DisplayHandle latex(String latex) {
        return showBundle(MimeBundle.of("text/latex", latex).put("text/plain", latex));
    }

    /** Shows an image as PNG. */
    public static DisplayHandle image(BufferedImage image) {
        return show(image);
    }

    /** A bundle with HTML and a plain-text fallback (the HTML itself when none is given). */
    public static MimeBundle html(String html, String plainText) {
        return MimeBundle.of("text/html", html).put("text/plain", plainText != null ? plainText : html);
    }
}

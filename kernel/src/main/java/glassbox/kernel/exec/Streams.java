package glassbox.kernel.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Routes System.out, System.err and System.in to the {@link CellIO} of the cell running on the current
 * thread (inherited by threads the cell starts), else to a global fallback (the kernel's current cell),
 * else to the JVM's original streams. Installed once per JVM.
 */
public final class Streams {
    public static final PrintStream ORIGINAL_OUT = System.out;
    public static final PrintStream ORIGINAL_ERR = System.err;
    private static final InheritableThreadLocal<CellIO> CURRENT = new InheritableThreadLocal<>();
    private static volatile CellIO fallback;
    private static boolean installed;

    private Streams() { }

    /** Replaces System.out/err/in with the routing streams (idempotent). */
    public static synchronized void install() {
        if (installed) return;
        installed = true;
        System.setOut(new PrintStream(new Routed(false), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Routed(true), true, StandardCharsets.UTF_8));
        System.setIn(new RoutedInput());
    }

    /** Binds {@code io} to this thread and the threads it starts (null unbinds). */
    public static void bind(CellIO io) {
        if (io == null) CURRENT.remove(); else CURRENT.set(io);
    }

    /** Sets the destination for threads with no binding (e.g. a pool thread a cell reused). */
    public static void setFallback(CellIO io) {
        fallback = io;
    }

    static CellIO current() {
        CellIO io = CURRENT.get();
        return io != null ? io : fallback;
    }

    /** Reads a line through the current cell's input (used by input() and System.in). */
    public static String readLine(String prompt, boolean password) throws IOException {
        System.out.flush();
        System.err.flush();
        CellIO io = current();
        if (io == null) throw new IOException("No input is available outside a cell.");
        io.flush();
        return io.readLine(prompt, password);
    }

    private static final class Routed extends OutputStream {
        private final boolean err;

        Routed(boolean err) { this.err = err; }

        @Override
        public void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            CellIO io = current();
            if (io != null) io.write(err, b, off, len);
            else (err ? ORIGINAL_ERR : ORIGINAL_OUT).write(b, off, len);
        }

        /**
         * PrintStream's autoflush calls this after every write, e.g. once per piece of a printf; the
         * cell's IO batches stream output itself (and flushes before input, displays and the reply),
         * so forwarding it here would split one printed line into many stream messages.
         */
        @Override
        public void flush() {
            if (current() == null) (err ? ORIGINAL_ERR : ORIGINAL_OUT).flush();
        }
    }

    /** System.in: each time its buffer runs dry it asks for one more line. */
    private static final class RoutedInput extends InputStream {
        private byte[] buffer = new byte[0];
        private int pos;
        private boolean eof;

        @Override
        public synchronized int read() throws IOException {
            if (!fill()) return -1;
            return buffer[pos++] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (!fill()) return -1;
            int n = Math.min(len, buffer.length - pos);
            System.arraycopy(buffer, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public synchronized int available() {
            return buffer.length - pos;
        }

        private boolean fill() throws IOException {
            if (pos < buffer.length) return true;
            if (eof) { eof = false; return false; }
            String line = readLine("", false);
            if (line == null) return false;
            buffer = (line + "\n").getBytes(StandardCharsets.UTF_8);
            pos = 0;
            return true;
        }
    }
}

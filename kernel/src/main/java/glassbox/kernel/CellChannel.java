package glassbox.kernel;

import com.google.gson.JsonObject;
import glassbox.kernel.exec.CellInterrupted;
import glassbox.kernel.exec.CellIO;
import glassbox.kernel.protocol.Channel;
import glassbox.kernel.protocol.KernelSockets;
import glassbox.kernel.protocol.Message;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The {@link CellIO} of one execute_request: stdout/stderr bytes become "stream" messages (batched,
 * flushed at most every 50 ms, before any display and at the end of the cell); input is asked for with
 * an input_request on the stdin channel and the matching input_reply is awaited.
 */
final class CellChannel implements CellIO {
    private final KernelSockets sockets;
    private final String session;
    private final Message request;
    private final boolean allowStdin;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Stream out = new Stream("stdout"), err = new Stream("stderr");
    private volatile boolean closed;

    CellChannel(KernelSockets sockets, String session, Message request) {
        this.sockets = sockets;
        this.session = session;
        this.request = request;
        this.allowStdin = request.bool("allow_stdin", true);
    }

    Message request() { return request; }

    private final class Stream {
        final String name;
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        final StringBuilder text = new StringBuilder();
        ByteBuffer pending = ByteBuffer.allocate(0);
        long firstPendingAt;

        Stream(String name) { this.name = name; }

        synchronized void write(byte[] b, int off, int len) {
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + len);
            in.put(pending).put(b, off, len).flip();
            CharBuffer chars = CharBuffer.allocate(in.remaining() + 1);
            decoder.decode(in, chars, false);
            chars.flip();
            if (text.length() == 0) firstPendingAt = System.nanoTime();
            text.append(chars);
            pending = in.slice();
        }

        synchronized String take() {
            if (text.length() == 0) return null;
            String s = text.toString();
            text.setLength(0);
            return s;
        }

        synchronized boolean due() {
            return text.length() > 0 && (System.nanoTime() - firstPendingAt > 50_000_000L || text.length() > 64 * 1024);
        }
    }

    @Override
    public void write(boolean isErr, byte[] bytes, int off, int len) {
        Stream s = isErr ? err : out;
        s.write(bytes, off, len);
        if (closed || s.due()) flush();   // after the cell ended (a background thread): send at once
    }

    /** Flushes if output has waited long enough (called by the kernel's timer). */
    void tick() {
        if (out.due() || err.due()) flush();
    }

    @Override
    public synchronized void flush() {
        publish(out);
        publish(err);
    }

    private void publish(Stream s) {
        String text = s.take();
        if (text == null) return;
        JsonObject c = new JsonObject();
        c.addProperty("name", s.name);
        c.addProperty("text", text);
        sockets.send(Channel.IOPUB, Message.create(session, "stream", request, c));
    }

    @Override
    public String readLine(String prompt, boolean password) throws IOException {
        if (!allowStdin) {
            throw new IOException("This front end does not accept input (allow_stdin is false), so input() cannot ask for a line.");
        }
        flush();
        replies.clear();
        JsonObject c = new JsonObject();
        c.addProperty("prompt", prompt);
        c.addProperty("password", password);
        sockets.send(Channel.STDIN, Message.create(session, "input_request", request, c));
        while (true) {
            try {
                String line = replies.poll(100, TimeUnit.MILLISECONDS);
                if (line != null) return line;
            } catch (InterruptedException e) {
                throw new CellInterrupted("Interrupted while waiting for input");
            }
            if (Thread.currentThread().isInterrupted()) throw new CellInterrupted("Interrupted while waiting for input");
            glassbox.kernel.exec.Cancel.check();
        }
    }

    /** An input_reply arrived on the stdin channel. */
    void inputReply(String value) {
        replies.add(value == null ? "" : value);
    }

    void close() {
        flush();
        closed = true;
    }
}

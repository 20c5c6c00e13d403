package glassbox.kernel.protocol;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import org.zeromq.ZMQ;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Jupyter wire format: identities, {@code <IDS|MSG>}, HMAC signature, header, parent header,
 * metadata, content, buffers. Signs outgoing messages and checks incoming ones with basekernel's
 * {@link HMACGenerator} (the connection file's key and scheme). A message whose signature does not
 * match is rejected: {@link #decode} returns null and the caller drops it without running anything.
 */
public final class Wire {
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    private final HMACGenerator hmac;

    public Wire(HMACGenerator hmac) {
        this.hmac = hmac;
    }

    /** Reads all frames of one multipart message (non-blocking; null when none is waiting). */
    static List<byte[]> receiveFrames(ZMQ.Socket socket) {
        byte[] first = socket.recv(ZMQ.DONTWAIT);
        if (first == null) return null;
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) frames.add(socket.recv(0));
        return frames;
    }

    /** Parses and verifies frames; null (with a reason in {@code problem[0]}) if malformed or badly signed. */
    public Message decode(List<byte[]> frames, String[] problem) {
        int d = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) { d = i; break; }
        }
        if (d < 0 || frames.size() < d + 6) {
            problem[0] = "malformed message (" + frames.size() + " frames, no delimiter or too short)";
            return null;
        }
        byte[] sig = frames.get(d + 1);
        byte[] header = frames.get(d + 2), parent = frames.get(d + 3), meta = frames.get(d + 4), content = frames.get(d + 5);
        String expected = hmac.calculateSignature(header, parent, meta, content);
        if (expected != null && !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sig)) {
            problem[0] = "invalid HMAC signature";
            return null;
        }
        try {
            return new Message(new ArrayList<>(frames.subList(0, d)),
                    parse(header), parse(parent), parse(meta), parse(content),
                    new ArrayList<>(frames.subList(d + 6, frames.size())));
        } catch (RuntimeException e) {
            problem[0] = "unparseable JSON: " + e.getMessage();
            return null;
        }
    }

    private static JsonObject parse(byte[] json) {
        String s = new String(json, StandardCharsets.UTF_8).strip();
        if (s.isEmpty()) return new JsonObject();
        return JsonParser.parseString(s).getAsJsonObject();
    }

    /** Serialises and signs {@code m}, then sends it on {@code socket}. */
    public void send(ZMQ.Socket socket, Message m) {
        byte[] header = bytes(m.header()), parent = bytes(m.parentHeader()), meta = bytes(m.metadata()), content = bytes(m.content());
        String sig = hmac.calculateSignature(header, parent, meta, content);
        for (byte[] id : m.identities()) socket.sendMore(id);
        socket.sendMore(DELIMITER);
        socket.sendMore(sig == null ? "" : sig);
        socket.sendMore(header);
        socket.sendMore(parent);
        socket.sendMore(meta);
        if (m.buffers().isEmpty()) {
            socket.send(content, 0);
        } else {
            socket.sendMore(content);
            for (int i = 0; i < m.buffers().size(); i++) {
                if (i < m.buffers().size() - 1) socket.sendMore(m.buffers().get(i)); else socket.send(m.buffers().get(i), 0);
            }
        }
    }

    private static byte[] bytes(JsonObject o) {
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }
}

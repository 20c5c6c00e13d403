package glassbox.kernel.install;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Just enough of a Jupyter client to drive a kernel from Java: writes a connection file, sends
 * signed requests on the shell and control channels, and waits for their replies. The installer
 * uses it for the warm-up run that records the class-data-sharing archive.
 */
final class KernelClient implements AutoCloseable {

    private static final String DELIMITER = "<IDS|MSG>";
    private static final Gson GSON = new Gson();

    private final ZContext context = new ZContext();
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final Mac mac;
    private final String session = UUID.randomUUID().toString();

    /** A fresh connection file on free local ports, with a random key. */
    static Map<String, Object> writeConnectionFile(Path file) throws IOException {
        Map<String, Object> info = new java.util.LinkedHashMap<>();
        info.put("transport", "tcp");
        info.put("ip", "127.0.0.1");
        for (String port : new String[] {"shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"}) {
            try (ServerSocket socket = new ServerSocket(0)) {
                info.put(port, socket.getLocalPort());
            }
        }
        info.put("signature_scheme", "hmac-sha256");
        info.put("key", UUID.randomUUID().toString());
        info.put("kernel_name", "glassbox");
        Files.writeString(file, GSON.toJson(info));
        return info;
    }

    KernelClient(Map<String, Object> connection) {
        String base = "tcp://" + connection.get("ip") + ":";
        shell = context.createSocket(SocketType.DEALER);
        shell.connect(base + ((Number) connection.get("shell_port")).intValue());
        control = context.createSocket(SocketType.DEALER);
        control.connect(base + ((Number) connection.get("control_port")).intValue());
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(((String) connection.get("key")).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request on the shell channel and returns the reply's content, or null on timeout. */
    JsonObject shell(String type, JsonObject content, Duration timeout) {
        return request(shell, type, content, timeout);
    }

    /** Sends a request on the control channel and returns the reply's content, or null on timeout. */
    JsonObject control(String type, JsonObject content, Duration timeout) {
        return request(control, type, content, timeout);
    }

    private JsonObject request(ZMQ.Socket socket, String type, JsonObject content, Duration timeout) {
        String id = UUID.randomUUID().toString();
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", id);
        header.addProperty("session", session);
        header.addProperty("username", "glassbox-installer");
        header.addProperty("date", DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
        header.addProperty("msg_type", type);
        header.addProperty("version", "5.3");
        String[] parts = {GSON.toJson(header), "{}", "{}", GSON.toJson(content)};
        socket.sendMore(DELIMITER);
        socket.sendMore(sign(parts));
        socket.sendMore(parts[0]);
        socket.sendMore(parts[1]);
        socket.sendMore(parts[2]);
        socket.send(parts[3]);

        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            socket.setReceiveTimeOut((int) Math.max(1, Math.min(500, (deadline - System.nanoTime()) / 1_000_000)));
            List<String> frames = receive(socket);
            if (frames == null) {
                continue;
            }
            int at = frames.indexOf(DELIMITER);
            if (at < 0 || frames.size() < at + 6) {
                continue;
            }
            JsonObject parent = GSON.fromJson(frames.get(at + 3), JsonObject.class);
            if (parent != null && parent.has("msg_id") && parent.get("msg_id").getAsString().equals(id)) {
                return GSON.fromJson(frames.get(at + 5), JsonObject.class);
            }
        }
        return null;
    }

    private static List<String> receive(ZMQ.Socket socket) {
        byte[] first = socket.recv();
        if (first == null) {
            return null;
        }
        List<String> frames = new ArrayList<>();
        frames.add(new String(first, StandardCharsets.UTF_8));
        while (socket.hasReceiveMore()) {
            frames.add(new String(socket.recv(), StandardCharsets.UTF_8));
        }
        return frames;
    }

    private String sign(String[] parts) {
        synchronized (mac) {
            for (String part : parts) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(mac.doFinal());
        }
    }

    @Override
    public void close() {
        context.close();
    }
}

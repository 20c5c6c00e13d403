package glassbox.kernel;

import com.google.gson.JsonObject;
import glassbox.kernel.protocol.Message;
import glassbox.kernel.protocol.Wire;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A minimal Jupyter client over real ZeroMQ sockets, for tests. */
final class KernelClient implements AutoCloseable {
    final String key = UUID.randomUUID().toString();
    final String session = UUID.randomUUID().toString();
    final int shellPort, controlPort, stdinPort, hbPort, iopubPort;
    final ZContext ctx = new ZContext();
    final Wire wire;
    ZMQ.Socket shell, control, stdin, iopub, hb;
    final List<Message> iopubMessages = new CopyOnWriteArrayList<>();
    final BlockingQueue<Message> iopubQueue = new LinkedBlockingQueue<>();
    private Thread iopubReader;
    private volatile boolean running = true;

    KernelClient() throws Exception {
        shellPort = freePort(); controlPort = freePort(); stdinPort = freePort(); hbPort = freePort(); iopubPort = freePort();
        wire = new Wire(new HMACGenerator("hmac-sha256", key));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    String connectionJson() {
        return "{\"transport\":\"tcp\",\"ip\":\"127.0.0.1\",\"shell_port\":" + shellPort + ",\"control_port\":" + controlPort
                + ",\"stdin_port\":" + stdinPort + ",\"hb_port\":" + hbPort + ",\"iopub_port\":" + iopubPort
                + ",\"signature_scheme\":\"hmac-sha256\",\"key\":\"" + key + "\",\"kernel_name\":\"glassbox\"}";
    }

    KernelConnectionProperties connection() {
        return KernelConnectionProperties.parse(connectionJson());
    }

    void connect() throws Exception {
        byte[] identity = session.getBytes(StandardCharsets.UTF_8);
        shell = ctx.createSocket(SocketType.DEALER);
        shell.setIdentity(identity);
        shell.connect("tcp://127.0.0.1:" + shellPort);
        control = ctx.createSocket(SocketType.DEALER);
        control.connect("tcp://127.0.0.1:" + controlPort);
        stdin = ctx.createSocket(SocketType.DEALER);
        stdin.setIdentity(identity);
        stdin.connect("tcp://127.0.0.1:" + stdinPort);
        hb = ctx.createSocket(SocketType.REQ);
        hb.connect("tcp://127.0.0.1:" + hbPort);
        iopub = ctx.createSocket(SocketType.SUB);
        iopub.subscribe(new byte[0]);
        iopub.connect("tcp://127.0.0.1:" + iopubPort);
        iopubReader = new Thread(() -> {
            ZMQ.Poller p = ctx.createPoller(1);
            p.register(iopub, ZMQ.Poller.POLLIN);
            while (running) {
                try {
                    if (p.poll(100) > 0) {
                        List<byte[]> frames = new ArrayList<>();
                        frames.add(iopub.recv(0));
                        while (iopub.hasReceiveMore()) frames.add(iopub.recv(0));
                        Message m = wire.decode(frames, new String[1]);
                        if (m != null) { iopubMessages.add(m); iopubQueue.add(m); }
                    }
                } catch (RuntimeException e) {
                    if (!running) return;
                }
            }
        }, "test-iopub");
        iopubReader.setDaemon(true);
        iopubReader.start();
        // Wait until IOPub is subscribed: kernel_info until its status arrives.
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            Message req = request(control, "kernel_info_request", new JsonObject());
            receive(control, 10_000);
            long until = System.currentTimeMillis() + 300;
            while (System.currentTimeMillis() < until) {
                for (Message m : iopubMessages) if (req.id().equals(parentId(m))) return;
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("IOPub never delivered a status message");
    }

    static String parentId(Message m) {
        return m.parentHeader().has("msg_id") ? m.parentHeader().get("msg_id").getAsString() : "";
    }

    Message request(ZMQ.Socket socket, String type, JsonObject content) {
        Message m = Message.create(session, type, null, content);
        synchronized (socket) {
            wire.send(socket, m);
        }
        return m;
    }

    /** Sends raw frames with a wrong signature. */
    Message requestBadSignature(ZMQ.Socket socket, String type, JsonObject content) {
        Message m = Message.create(session, type, null, content);
        socket.sendMore("<IDS|MSG>");
        socket.sendMore("0000000000000000000000000000000000000000000000000000000000000000");
        socket.sendMore(m.header().toString());
        socket.sendMore("{}");
        socket.sendMore("{}");
        socket.send(m.content().toString());
        return m;
    }

    Message receive(ZMQ.Socket socket, long timeoutMs) {
        ZMQ.Poller p = ctx.createPoller(1);
        p.register(socket, ZMQ.Poller.POLLIN);
        if (p.poll(timeoutMs) <= 0) return null;
        List<byte[]> frames = new ArrayList<>();
        frames.add(socket.recv(0));
        while (socket.hasReceiveMore()) frames.add(socket.recv(0));
        p.close();
        String[] problem = new String[1];
        Message m = wire.decode(frames, problem);
        if (m == null) throw new IllegalStateException("bad message from kernel: " + problem[0]);
        return m;
    }

    /** The reply to {@code req} on {@code socket} (skipping replies to other requests). */
    Message replyTo(ZMQ.Socket socket, Message req, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            Message m = receive(socket, Math.max(1, deadline - System.currentTimeMillis()));
            if (m != null && req.id().equals(parentId(m))) return m;
        }
        return null;
    }

    /** IOPub messages for {@code req} up to and including its idle status. */
    List<Message> iopubUntilIdle(Message req, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            List<Message> mine = iopubFor(req);
            for (Message m : mine) {
                if (m.type().equals("status") && m.content().get("execution_state").getAsString().equals("idle")) return mine;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no idle status for " + req.type() + " within " + timeoutMs + " ms; got " + iopubFor(req));
    }

    List<Message> iopubFor(Message req) {
        List<Message> out = new ArrayList<>();
        for (Message m : iopubMessages) if (req.id().equals(parentId(m))) out.add(m);
        return out;
    }

    /** Executes code; returns the reply. */
    Message execute(String code) {
        return replyTo(shell, request(shell, "execute_request", executeContent(code)), 60_000);
    }

    static JsonObject executeContent(String code) {
        JsonObject c = new JsonObject();
        c.addProperty("code", code);
        c.addProperty("silent", false);
        c.addProperty("store_history", true);
        c.add("user_expressions", new JsonObject());
        c.addProperty("allow_stdin", true);
        c.addProperty("stop_on_error", true);
        return c;
    }

    @Override
    public void close() {
        running = false;
        try {
            if (iopubReader != null) iopubReader.join(1000);
        } catch (InterruptedException ignored) {
            // closing
        }
        ctx.close();
    }

    static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

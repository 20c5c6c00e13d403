package glassbox.kernel.protocol;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Binds the five sockets of a connection file and runs them on one I/O thread, which alone touches the
 * shell, control, stdin and IOPub sockets (ZeroMQ sockets are not thread-safe). Incoming messages are
 * verified and handed to a handler; any thread may {@link #send} (queued and picked up at once through
 * an in-process wake-up socket). The heartbeat echoes on its own thread.
 *
 * <p>This replaces basekernel's channel loop, which sleeps 50 ms between polls (so every reply waits),
 * runs shell requests on the socket's own thread (so completion waits for a running cell), and lets the
 * SecurityException of a badly signed message escape and end the loop thread (the kernel goes deaf).
 */
public final class KernelSockets implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KernelSockets.class.getName());

    private final ZContext ctx = new ZContext();
    private final Wire wire;
    private final ZMQ.Socket shell, control, stdin, iopub, heartbeat, wakeReceiver, wakeSender;
    private final Queue<Object[]> outgoing = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread io, hb;
    private final BiConsumer<Channel, Message> handler;
    private volatile int droppedMessages;

    public KernelSockets(KernelConnectionProperties conn, Wire wire, BiConsumer<Channel, Message> handler) {
        this.wire = wire;
        this.handler = handler;
        shell = bind(SocketType.ROUTER, conn, conn.getShellPort());
        control = bind(SocketType.ROUTER, conn, conn.getControlPort());
        stdin = bind(SocketType.ROUTER, conn, conn.getStdinPort());
        iopub = bind(SocketType.PUB, conn, conn.getIopubPort());
        heartbeat = bind(SocketType.REP, conn, conn.getHbPort());
        String wakeAddress = "inproc://glassbox-wake-" + System.identityHashCode(this);
        wakeReceiver = ctx.createSocket(SocketType.PAIR);
        wakeReceiver.bind(wakeAddress);
        wakeSender = ctx.createSocket(SocketType.PAIR);
        wakeSender.connect(wakeAddress);
        io = new Thread(this::ioLoop, "glassbox-io");
        io.setDaemon(true);
        hb = new Thread(this::heartbeatLoop, "glassbox-heartbeat");
        hb.setDaemon(true);
    }

    /** Starts the I/O and heartbeat threads. */
    public KernelSockets start() {
        io.start();
        hb.start();
        return this;
    }

    private ZMQ.Socket bind(SocketType type, KernelConnectionProperties conn, int port) {
        ZMQ.Socket s = ctx.createSocket(type);
        s.setLinger(1000);
        String sep = conn.getTransport().equals("ipc") ? "-" : ":";
        s.bind(conn.getTransport() + "://" + conn.getIp() + sep + port);
        return s;
    }

    /** Queues {@code m} for sending on {@code channel}; safe from any thread. */
    public void send(Channel channel, Message m) {
        if (!running.get()) return;
        outgoing.add(new Object[]{channel, m});
        synchronized (wakeSender) {
            wakeSender.send(new byte[]{1}, ZMQ.DONTWAIT);
        }
    }

    /** How many messages were dropped for a bad signature or bad format. */
    public int droppedMessages() { return droppedMessages; }

    private void ioLoop() {
        ZMQ.Poller poller = ctx.createPoller(4);
        int ctl = poller.register(control, ZMQ.Poller.POLLIN);
        int sh = poller.register(shell, ZMQ.Poller.POLLIN);
        int in = poller.register(stdin, ZMQ.Poller.POLLIN);
        int wk = poller.register(wakeReceiver, ZMQ.Poller.POLLIN);
        while (running.get()) {
            try {
                poller.poll(200);
                if (!running.get()) break;
                if (poller.pollin(ctl)) receiveAll(control, Channel.CONTROL);
                if (poller.pollin(sh)) receiveAll(shell, Channel.SHELL);
                if (poller.pollin(in)) receiveAll(stdin, Channel.STDIN);
                if (poller.pollin(wk)) while (wakeReceiver.recv(ZMQ.DONTWAIT) != null) { /* drain */ }
                flushOutgoing();
            } catch (RuntimeException e) {
                if (!running.get()) break;
                LOG.severe("glassbox I/O loop: " + e);
            }
        }
        flushOutgoing();
    }

    private void receiveAll(ZMQ.Socket socket, Channel channel) {
        List<byte[]> frames;
        while ((frames = Wire.receiveFrames(socket)) != null) {
            String[] problem = new String[1];
            Message m = wire.decode(frames, problem);
            if (m == null) {
                droppedMessages++;
                LOG.warning("glassbox: dropped a message on " + channel + ": " + problem[0]);
                continue;
            }
            try {
                handler.accept(channel, m);
            } catch (RuntimeException e) {
                LOG.severe("glassbox: handling " + m.type() + " failed: " + e);
            }
            flushOutgoing();
        }
    }

    private void flushOutgoing() {
        Object[] item;
        while ((item = outgoing.poll()) != null) {
            Channel ch = (Channel) item[0];
            Message m = (Message) item[1];
            ZMQ.Socket s = switch (ch) {
                case SHELL -> shell;
                case CONTROL -> control;
                case STDIN -> stdin;
                case IOPUB -> iopub;
            };
            try {
                wire.send(s, ch == Channel.IOPUB ? m.withIdentities(List.of(("kernel." + m.type()).getBytes())) : m);
            } catch (RuntimeException e) {
                LOG.severe("glassbox: sending " + m.type() + " failed: " + e);
            }
        }
    }

    private void heartbeatLoop() {
        heartbeat.setReceiveTimeOut(200);
        while (running.get()) {
            try {
                byte[] ping = heartbeat.recv(0);
                if (ping != null) heartbeat.send(ping, 0);
            } catch (RuntimeException e) {
                if (!running.get()) break;
            }
        }
    }

    /** Sends what is queued, stops the threads and closes the sockets. */
    @Override
    public void close() {
        if (!running.compareAndSet(true, false)) return;
        synchronized (wakeSender) {
            wakeSender.send(new byte[]{0}, ZMQ.DONTWAIT);
        }
        try {
            io.join(2000);
            hb.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ctx.close();
    }
}

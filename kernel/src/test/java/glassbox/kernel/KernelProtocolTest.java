package glassbox.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import glassbox.kernel.protocol.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The kernel over real ZeroMQ sockets, as a Jupyter front end talks to it. */
class KernelProtocolTest {
    static KernelClient client;
    static Kernel kernel;

    @BeforeAll
    static void start() throws Exception {
        client = new KernelClient();
        kernel = Kernel.start(client.connection());
        client.connect();
    }

    @AfterAll
    static void stop() {
        client.close();
        kernel.close();
    }

    static String text(Message m) {
        return m.content().getAsJsonObject("data").get("text/plain").getAsString();
    }

    static Message first(List<Message> ms, String type) {
        return ms.stream().filter(m -> m.type().equals(type)).findFirst().orElse(null);
    }

    static String stdout(List<Message> ms) {
        StringBuilder sb = new StringBuilder();
        for (Message m : ms) if (m.type().equals("stream") && m.string("name", "").equals("stdout")) sb.append(m.string("text", ""));
        return sb.toString();
    }

    @Test
    void kernelInfoOnShellAndControl() {
        for (var socket : List.of(client.shell, client.control)) {
            Message req = client.request(socket, "kernel_info_request", new JsonObject());
            Message r = client.replyTo(socket, req, 10_000);
            assertNotNull(r);
            assertEquals("kernel_info_reply", r.type());
            assertEquals("5.4", r.string("protocol_version", ""));
            assertEquals("glassbox", r.string("implementation", ""));
            JsonObject li = r.content().getAsJsonObject("language_info");
            assertEquals("java", li.get("name").getAsString());
            assertEquals("text/x-java", li.get("mimetype").getAsString());
            assertEquals(".java", li.get("file_extension").getAsString());
            assertEquals(Runtime.version().toString(), li.get("version").getAsString());
        }
    }

    @Test
    void executeOnePlusOne() throws Exception {
        Message req = client.request(client.shell, "execute_request", KernelClient.executeContent("1 + 1"));
        Message reply = client.replyTo(client.shell, req, 60_000);
        assertEquals("ok", reply.string("status", ""));
        List<Message> io = client.iopubUntilIdle(req, 5000);
        assertEquals("busy", io.get(0).content().get("execution_state").getAsString());
        Message input = first(io, "execute_input");
        assertEquals("1 + 1", input.string("code", ""));
        Message result = first(io, "execute_result");
        assertNotNull(result, io.toString());
        assertEquals("2", text(result));
        assertEquals(reply.integer("execution_count", -1), result.integer("execution_count", -2));
    }

    @Test
    void printfArrivesAsOneStreamMessage() throws Exception {
        Message req = client.request(client.shell, "execute_request", KernelClient.executeContent(
                "System.out.printf(\"a=%d b=%s c=%.2f%n\", 1, \"x\", 2.5);"));
        assertEquals("ok", client.replyTo(client.shell, req, 60_000).string("status", ""));
        List<Message> io = client.iopubUntilIdle(req, 5000);
        List<Message> streams = io.stream().filter(m -> m.type().equals("stream")).toList();
        assertEquals(1, streams.size(), streams.toString());
        assertEquals("a=1 b=x c=2.50\n", stdout(io));
    }

    @Test
    void displayAsLastExpressionShowsOnceWithoutAnOutValue() throws Exception {
        Message req = client.request(client.shell, "execute_request", KernelClient.executeContent("display(\"shown once\")"));
        assertEquals("ok", client.replyTo(client.shell, req, 60_000).string("status", ""));
        List<Message> io = client.iopubUntilIdle(req, 5000);
        assertNotNull(first(io, "display_data"), io.toString());
        assertNull(first(io, "execute_result"), io.toString());
    }

    @Test
    void streamsAndErrors() throws Exception {
        Message req = client.request(client.shell, "execute_request", KernelClient.executeContent(
                "for (int i = 0; i < 3; i++) System.out.println(\"line \" + i);\nSystem.err.println(\"oops\");"));
        assertEquals("ok", client.replyTo(client.shell, req, 60_000).string("status", ""));
        List<Message> io = client.iopubUntilIdle(req, 5000);
        assertEquals("line 0\nline 1\nline 2\n", stdout(io));
        assertTrue(io.stream().anyMatch(m -> m.type().equals("stream") && m.string("name", "").equals("stderr")
                && m.string("text", "").contains("oops")));

        Message bad = client.request(client.shell, "execute_request", KernelClient.executeContent("int k = nope;"));
        Message r = client.replyTo(client.shell, bad, 60_000);
        assertEquals("error", r.string("status", ""));
        assertEquals("CompileError", r.string("ename", ""));
        Message err = first(client.iopubUntilIdle(bad, 5000), "error");
        String tb = String.join("\n", List.of(new com.google.gson.Gson().fromJson(err.content().get("traceback"), String[].class)));
        assertTrue(tb.contains("line 1, column 9"), tb);

        Message thrown = client.request(client.shell, "execute_request", KernelClient.executeContent("throw new IllegalStateException(\"boom\");"));
        Message r2 = client.replyTo(client.shell, thrown, 60_000);
        assertEquals("IllegalStateException", r2.string("ename", ""));
        assertEquals("boom", r2.string("evalue", ""));
    }

    @Test
    void interruptStopsInfiniteLoopWithinTwoSecondsAndKeepsVariables() throws Exception {
        assertEquals("ok", client.execute("int kept = 123;").string("status", ""));
        Message loop = client.request(client.shell, "execute_request", KernelClient.executeContent("while (true) { }"));
        KernelClient.sleep(500);
        long t0 = System.nanoTime();
        Message ir = client.request(client.control, "interrupt_request", new JsonObject());
        assertNotNull(client.replyTo(client.control, ir, 5000));
        Message r = client.replyTo(client.shell, loop, 2000);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertNotNull(r, "no execute_reply within 2 s of the interrupt");
        assertTrue(ms < 2000, ms + " ms");
        assertEquals("error", r.string("status", ""));
        assertEquals("Interrupted", r.string("ename", ""));
        Message v = client.request(client.shell, "execute_request", KernelClient.executeContent("kept"));
        client.replyTo(client.shell, v, 60_000);
        assertEquals("123", text(first(client.iopubUntilIdle(v, 5000), "execute_result")));
    }

    @Test
    void systemExitDoesNotKillTheKernel() throws Exception {
        Message r = client.execute("System.exit(0);");
        assertEquals("error", r.string("status", ""));
        assertTrue(r.string("evalue", "").contains("System.exit(0)"));
        Message v = client.request(client.shell, "execute_request", KernelClient.executeContent("40 + 2"));
        client.replyTo(client.shell, v, 60_000);
        assertEquals("42", text(first(client.iopubUntilIdle(v, 5000), "execute_result")));
    }

    @Test
    void badSignatureIsDroppedAndNeverExecuted() throws Exception {
        int before = kernel.droppedMessages();
        Message forged = client.requestBadSignature(client.shell, "execute_request",
                KernelClient.executeContent("int forged = 666;"));
        assertNull(client.replyTo(client.shell, forged, 1500), "a badly signed request was answered");
        assertEquals(before + 1, kernel.droppedMessages());
        Message check = client.execute("forged");
        assertEquals("error", check.string("status", ""), "the forged code ran");
        assertEquals("CompileError", check.string("ename", ""));
    }

    @Test
    void completeAndInspectAnswerWhileACellRuns() throws Exception {
        assertEquals("ok", client.execute("Tensor weights = Tensor.zeros(2, 2);").string("status", ""));
        Message busy = client.request(client.shell, "execute_request", KernelClient.executeContent(
                "long t0 = System.currentTimeMillis();\nwhile (System.currentTimeMillis() - t0 < 6000) { }"));
        KernelClient.sleep(500);
        JsonObject cc = new JsonObject();
        cc.addProperty("code", "weights.resh");
        cc.addProperty("cursor_pos", 12);
        long t0 = System.nanoTime();
        Message creq = client.request(client.shell, "complete_request", cc);
        Message c = client.replyTo(client.shell, creq, 3000);
        assertNotNull(c, "complete_request was not answered while a cell ran");
        JsonArray matches = c.content().getAsJsonArray("matches");
        assertTrue(matches.toString().contains("reshape"), matches.toString());
        assertEquals(8, c.integer("cursor_start", -1));
        JsonObject ic = new JsonObject();
        ic.addProperty("code", "Tensor.zeros(2, 3)");
        ic.addProperty("cursor_pos", 9);
        ic.addProperty("detail_level", 0);
        Message ireq = client.request(client.shell, "inspect_request", ic);
        Message i = client.replyTo(client.shell, ireq, 3000);
        assertNotNull(i, "inspect_request was not answered while a cell ran");
        assertTrue(i.bool("found", false));
        assertTrue(i.content().getAsJsonObject("data").get("text/plain").getAsString().contains("zeros"));
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 4000);
        assertNull(client.replyTo(client.shell, busy, 10), "the long cell should still be running");
        assertEquals("ok", client.replyTo(client.shell, busy, 20_000).string("status", ""));
    }

    @Test
    void isCompleteAndMagicCompletion() {
        JsonObject c = new JsonObject();
        c.addProperty("code", "for (int i = 0; i < 3; i++) {");
        Message r = client.replyTo(client.shell, client.request(client.shell, "is_complete_request", c), 10_000);
        assertEquals("incomplete", r.string("status", ""));
        assertEquals("    ", r.string("indent", ""));
        c.addProperty("code", "int done = 1;");
        assertEquals("complete", client.replyTo(client.shell, client.request(client.shell, "is_complete_request", c), 10_000).string("status", ""));
        JsonObject cc = new JsonObject();
        cc.addProperty("code", "%ti");
        cc.addProperty("cursor_pos", 3);
        Message cr = client.replyTo(client.shell, client.request(client.shell, "complete_request", cc), 10_000);
        assertTrue(cr.content().getAsJsonArray("matches").toString().contains("%time"), cr.content().toString());
    }

    @Test
    void inputRequestRoundTrip() throws Exception {
        Message req = client.request(client.shell, "execute_request", KernelClient.executeContent(
                "String who = input(\"Name? \");\nSystem.out.println(\"hi \" + who);"));
        Message ask = client.receive(client.stdin, 20_000);
        assertNotNull(ask, "no input_request");
        assertEquals("input_request", ask.type());
        assertEquals("Name? ", ask.string("prompt", ""));
        JsonObject value = new JsonObject();
        value.addProperty("value", "Ada");
        Message answer = Message.create(client.session, "input_reply", ask, value);
        client.wire.send(client.stdin, answer.withIdentities(List.of()));
        assertEquals("ok", client.replyTo(client.shell, req, 20_000).string("status", ""));
        assertTrue(stdout(client.iopubUntilIdle(req, 5000)).contains("hi Ada"));
    }

    @Test
    void displayAndUpdateInPlace() throws Exception {
        Message req = client.request(client.shell, "execute_request", KernelClient.executeContent(
                "var h = Display.html(\"<b>epoch 1</b>\");\nh.update(Tensor.of(1f, 2f));"));
        assertEquals("ok", client.replyTo(client.shell, req, 60_000).string("status", ""));
        List<Message> io = client.iopubUntilIdle(req, 5000);
        Message shown = first(io, "display_data");
        Message updated = first(io, "update_display_data");
        assertNotNull(shown, io.toString());
        assertNotNull(updated, io.toString());
        assertEquals("<b>epoch 1</b>", shown.content().getAsJsonObject("data").get("text/html").getAsString());
        String id = shown.content().getAsJsonObject("transient").get("display_id").getAsString();
        assertEquals(id, updated.content().getAsJsonObject("transient").get("display_id").getAsString());
        assertTrue(updated.content().getAsJsonObject("data").has("text/html"), "a tensor renders as an HTML table");
    }

    @Test
    void historyCommInfoAndDebug() {
        client.execute("int historic = 5;");
        JsonObject h = new JsonObject();
        h.addProperty("hist_access_type", "tail");
        h.addProperty("n", 50);
        h.addProperty("output", false);
        h.addProperty("raw", true);
        Message r = client.replyTo(client.shell, client.request(client.shell, "history_request", h), 10_000);
        assertTrue(r.content().getAsJsonArray("history").toString().contains("int historic = 5;"), r.content().toString());

        Message ci = client.replyTo(client.shell, client.request(client.shell, "comm_info_request", new JsonObject()), 10_000);
        assertEquals("ok", ci.string("status", ""));
        assertTrue(ci.content().getAsJsonObject("comms").entrySet().isEmpty());

        Message d = client.replyTo(client.control, client.request(client.control, "debug_request", new JsonObject()), 10_000);
        assertNotNull(d, "debug_request got no reply");
        assertEquals("debug_reply", d.type());
        assertEquals("error", d.string("status", ""));
    }

    @Test
    void stopOnErrorAbortsQueuedCells() {
        Message failing = client.request(client.shell, "execute_request", KernelClient.executeContent(
                "Thread.sleep(300);\nthrow new RuntimeException(\"first fails\");"));
        Message queued = client.request(client.shell, "execute_request", KernelClient.executeContent("int neverRuns = 1;"));
        assertEquals("error", client.replyTo(client.shell, failing, 60_000).string("status", ""));
        assertEquals("aborted", client.replyTo(client.shell, queued, 10_000).string("status", ""));
        assertEquals("CompileError", client.execute("neverRuns").string("ename", ""));
    }

    @Test
    void silentStoreHistoryAndUserExpressions() throws Exception {
        int before = client.execute("int counter = 1;").integer("execution_count", -1);
        JsonObject silent = KernelClient.executeContent("counter = 2;\ncounter");
        silent.addProperty("silent", true);
        Message sreq = client.request(client.shell, "execute_request", silent);
        Message sr = client.replyTo(client.shell, sreq, 60_000);
        assertEquals("ok", sr.string("status", ""));
        List<Message> io = client.iopubUntilIdle(sreq, 5000);
        assertNull(first(io, "execute_input"));
        assertNull(first(io, "execute_result"));
        JsonObject c = KernelClient.executeContent("int other = 3;");
        JsonObject ue = new JsonObject();
        ue.addProperty("twice", "counter * 2");
        c.add("user_expressions", ue);
        Message r = client.replyTo(client.shell, client.request(client.shell, "execute_request", c), 60_000);
        assertEquals(before + 1, r.integer("execution_count", -1), "a silent cell must not count");
        JsonObject twice = r.content().getAsJsonObject("user_expressions").getAsJsonObject("twice");
        assertEquals("ok", twice.get("status").getAsString());
        assertEquals("4", twice.getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void magicsRun() throws Exception {
        Message req = client.request(client.shell, "execute_request", KernelClient.executeContent("%%html\n<i>hello</i>"));
        client.replyTo(client.shell, req, 60_000);
        Message d = first(client.iopubUntilIdle(req, 5000), "display_data");
        assertEquals("<i>hello</i>", d.content().getAsJsonObject("data").get("text/html").getAsString());
        Message t = client.request(client.shell, "execute_request", KernelClient.executeContent("%time int slow = 6 * 7;"));
        assertEquals("ok", client.replyTo(client.shell, t, 60_000).string("status", ""));
        assertTrue(stdout(client.iopubUntilIdle(t, 5000)).contains("wall time"));
        Message v = client.request(client.shell, "execute_request", KernelClient.executeContent("Tensor grid = Tensor.zeros(3, 4);\n%vars"));
        client.replyTo(client.shell, v, 60_000);
        Message vars = first(client.iopubUntilIdle(v, 5000), "display_data");
        assertTrue(text(vars).contains("grid") && text(vars).contains("shape [3, 4]"), text(vars));
    }
}

package glassbox.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import glassbox.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
    @TempDir
    Path dir;

    private static Sequential model() {
        return new Sequential(new Conv2d(1, 4, 3), new BatchNorm2d(4), new ReLU(), new Flatten(), new Linear(4 * 4 * 4, 3));
    }

    @Test
    void savedAndLoadedModelGivesIdenticalOutputs() {
        Sequential a = model();
        a.call(Tensor.randn(3, 1, 6, 6)); // move the running statistics away from their defaults
        a.eval();
        Path f = dir.resolve("m.safetensors");
        Safetensors.save(a, f);
        Sequential b = model();
        Safetensors.load(b, f);
        b.eval();
        Tensor x = Tensor.randn(2, 1, 6, 6);
        assertArrayEquals(a.call(x).data(), b.call(x).data());
        assertArrayEquals(a.stateDict().get("1.running_mean").data(), b.stateDict().get("1.running_mean").data());
    }

    @Test
    void loadsFromBytesInMemoryAsFromTheFile() throws IOException {
        Sequential a = model();
        a.eval();
        Path f = dir.resolve("m.safetensors");
        Safetensors.save(a, f);
        Sequential b = model();
        b.loadStateDict(Safetensors.parse(Files.readAllBytes(f), "m.safetensors"));
        b.eval();
        Tensor x = Tensor.randn(2, 1, 6, 6);
        assertArrayEquals(a.call(x).data(), b.call(x).data());
        Exception e = assertThrows(IllegalArgumentException.class, () -> Safetensors.parse(new byte[] {1, 2, 3}, "three bytes"));
        assertTrue(e.getMessage().contains("three bytes") && e.getMessage().contains("shorter than the 8-byte header"), e.getMessage());
    }

    @Test
    void byteLayoutFollowsTheFormat() throws IOException {
        Path f = dir.resolve("t.safetensors");
        Safetensors.save(Map.of("w", Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}})), f);
        byte[] b = Files.readAllBytes(f);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong();
        assertEquals(0, n % 8, "header padded to 8 bytes");
        String header = new String(b, 8, (int) n, StandardCharsets.UTF_8);
        assertTrue(header.contains("\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]}"), header);
        assertEquals(8 + n + 24, b.length);
        assertEquals(1f, buf.getFloat((int) (8 + n)));
        assertEquals(6f, buf.getFloat((int) (8 + n + 20)));
    }

    @Test
    void missingFileIsNamed() {
        Exception e = assertThrows(RuntimeException.class, () -> Safetensors.load(dir.resolve("nope.safetensors")));
        assertTrue(e.getMessage().contains("nope.safetensors"), e.getMessage());
    }

    private static boolean python(String module) {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import " + module).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** A reader written from the format description, in NumPy, reads our file back. */
    @Test
    void numpyReadsOurFile() throws Exception {
        assumeTrue(python("numpy"), "/usr/bin/python3 with numpy is not available");
        Linear l = new Linear(3, 2);
        Path f = dir.resolve("lin.safetensors");
        Safetensors.save(l, f);
        String out = run("import json, struct, numpy as np\n"
                + "b = open(r'" + f + "', 'rb').read()\n"
                + "n = struct.unpack('<Q', b[:8])[0]\n"
                + "h = json.loads(b[8:8+n])\n"
                + "w = h['weight']; s, e = w['data_offsets']\n"
                + "a = np.frombuffer(b[8+n+s:8+n+e], dtype='<f4').reshape(w['shape'])\n"
                + "print(w['dtype'], list(a.shape), ' '.join(repr(float(v)) for v in a.ravel()))\n");
        StringBuilder expect = new StringBuilder("F32 [2, 3]");
        for (float v : l.weight.data()) expect.append(' ').append((double) v);
        assertEquals(expect.toString(), out.trim());
    }

    /** A file written from PyTorch tensors (the same layout, F32 and F64) loads into a Glassbox Linear. */
    @Test
    void pytorchWrittenFileLoads() throws Exception {
        assumeTrue(python("torch"), "/usr/bin/python3 with torch is not available");
        Path f = dir.resolve("torch.safetensors");
        String writer = python("safetensors")
                ? "import torch\nfrom safetensors.torch import save_file\ntorch.manual_seed(0)\nlin = torch.nn.Linear(3, 2)\n"
                        + "save_file({k: v.contiguous() for k, v in lin.state_dict().items()}, r'" + f + "')\n"
                : "import torch, json, struct\ntorch.manual_seed(0)\nlin = torch.nn.Linear(3, 2)\n"
                        + "sd = lin.state_dict(); hdr = {}; data = b''\n"
                        + "for k, v in sd.items():\n"
                        + "    raw = v.detach().numpy().astype('<f4').tobytes()\n"
                        + "    hdr[k] = {'dtype': 'F32', 'shape': list(v.shape), 'data_offsets': [len(data), len(data) + len(raw)]}\n"
                        + "    data += raw\n"
                        + "h = json.dumps(hdr).encode(); h += b' ' * ((8 - len(h) % 8) % 8)\n"
                        + "open(r'" + f + "', 'wb').write(struct.pack('<Q', len(h)) + h + data)\n";
        String expected = run(writer + "x = torch.tensor([[1.0, -2.0, 0.5]])\nprint(' '.join(repr(float(v)) for v in lin(x).detach().ravel()))\n");
        Linear l = new Linear(3, 2);
        Safetensors.load(l, f);
        float[] y = l.call(Tensor.of(new float[][] {{1, -2, 0.5f}})).data();
        List<String> parts = List.of(expected.trim().split(" "));
        assertEquals(Float.parseFloat(parts.get(0)), y[0], 1e-6);
        assertEquals(Float.parseFloat(parts.get(1)), y[1], 1e-6);
    }
}

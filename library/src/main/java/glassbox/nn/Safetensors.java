package glassbox.nn;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import glassbox.tensor.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves and loads tensors in the safetensors format (Hugging Face), which PyTorch and NumPy read too:
 * <pre>
 *   8 bytes      N, the header length (unsigned little-endian 64-bit integer)
 *   N bytes      a JSON header: {"name": {"dtype": "F32", "shape": [out, in], "data_offsets": [begin, end]}, ...,
 *                "__metadata__": {...}}, padded with spaces to a multiple of 8 bytes
 *   the rest     the raw values, little-endian; a tensor's bytes are data[begin:end]
 * </pre>
 * In Python: {@code safetensors.torch.load_file("model.safetensors")} gives a dict for
 * {@code model.load_state_dict}. Glassbox writes F32; it reads F32, F64, F16, BF16, I64, I32 (converted to float).
 */
public final class Safetensors {
    private Safetensors() {
    }

    /** Writes a module's parameters and buffers ({@link Module#stateDict()}) to {@code file}. */
    public static void save(Module model, Path file) {
        save(model.stateDict(), file);
    }

    /** Writes named tensors to {@code file} as F32. */
    public static void save(Map<String, Tensor> tensors, Path file) {
        JsonObject header = new JsonObject();
        JsonObject meta = new JsonObject();
        meta.addProperty("format", "pt");
        header.add("__metadata__", meta);
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            JsonObject t = new JsonObject();
            t.addProperty("dtype", "F32");
            JsonArray shape = new JsonArray();
            for (int s : e.getValue().shape()) shape.add(s);
            t.add("shape", shape);
            JsonArray offs = new JsonArray();
            offs.add(offset);
            offset += 4L * e.getValue().numel();
            offs.add(offset);
            t.add("data_offsets", offs);
            header.add(e.getKey(), t);
        }
        byte[] json = new Gson().toJson(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(padded);
        buf.put(json);
        for (int i = json.length; i < padded; i++) buf.put((byte) ' ');
        for (Tensor t : tensors.values()) {
            for (float v : t.data()) buf.putFloat(v);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.write(file, buf.array());
        } catch (IOException ex) {
            throw new UncheckedIOException("Safetensors.save: cannot write " + file.toAbsolutePath() + ": " + ex.getMessage(), ex);
        }
    }

    /** Reads every tensor of a safetensors file, in file order, as float32 tensors. */
    public static Map<String, Tensor> load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException ex) {
            throw new UncheckedIOException("Safetensors.load: no file at " + file.toAbsolutePath(), ex);
        } catch (IOException ex) {
            throw new UncheckedIOException("Safetensors.load: cannot read " + file.toAbsolutePath() + ": " + ex.getMessage(), ex);
        }
        return parse(bytes, file.toAbsolutePath().toString());
    }

    /**
     * Loads a file shipped under the repository's {@code datasets/} folder (e.g. "models/gpt-austen.safetensors")
     * into a module, after checking its SHA-256 ({@link glassbox.data.DatasetFiles#read}).
     */
    public static void loadShipped(Module model, String relative) {
        model.loadStateDict(parse(glassbox.data.DatasetFiles.read(relative), "datasets/" + relative));
    }

    /** Reads every tensor of safetensors bytes; {@code source} names them in error messages. */
    public static Map<String, Tensor> parse(byte[] bytes, String source) {
        String file = source;
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 8) throw bad(file, "it is shorter than the 8-byte header length");
        long n = buf.getLong();
        if (n < 2 || 8 + n > bytes.length) throw bad(file, "the header length " + n + " does not fit in a file of " + bytes.length + " bytes");
        int dataStart = (int) (8 + n);
        JsonObject header;
        try {
            header = JsonParser.parseString(new String(bytes, 8, (int) n, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException ex) {
            throw bad(file, "the header is not a JSON object (" + ex.getMessage() + ")");
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : header.entrySet()) {
            if (e.getKey().equals("__metadata__")) continue;
            JsonObject t = e.getValue().getAsJsonObject();
            String dtype = t.get("dtype").getAsString();
            JsonArray shapeJson = t.getAsJsonArray("shape");
            int[] shape = new int[shapeJson.size()];
            for (int i = 0; i < shape.length; i++) shape[i] = shapeJson.get(i).getAsInt();
            JsonArray offs = t.getAsJsonArray("data_offsets");
            long begin = offs.get(0).getAsLong(), end = offs.get(1).getAsLong();
            int count = 1;
            for (int s : shape) count *= s;
            int size = switch (dtype) {
                case "F32", "I32" -> 4;
                case "F64", "I64" -> 8;
                case "F16", "BF16" -> 2;
                default -> throw bad(file, "tensor '" + e.getKey() + "' has dtype " + dtype + ", which Glassbox cannot read (F32, F64, F16, BF16, I32, I64)");
            };
            if (end - begin != (long) count * size || dataStart + end > bytes.length) {
                throw bad(file, "tensor '" + e.getKey() + "' has offsets [" + begin + ", " + end + "] that do not match its shape and dtype");
            }
            float[] v = new float[count];
            int pos = (int) (dataStart + begin);
            for (int i = 0; i < count; i++, pos += size) {
                v[i] = switch (dtype) {
                    case "F32" -> buf.getFloat(pos);
                    case "F64" -> (float) buf.getDouble(pos);
                    case "I32" -> buf.getInt(pos);
                    case "I64" -> buf.getLong(pos);
                    case "F16" -> halfToFloat(buf.getShort(pos));
                    default -> Float.intBitsToFloat((buf.getShort(pos) & 0xffff) << 16); // BF16
                };
            }
            out.put(e.getKey(), Tensor.fromArray(v, shape));
        }
        return out;
    }

    /** Loads a file into a module's parameters and buffers (names and shapes must match). */
    public static void load(Module model, Path file) {
        model.loadStateDict(load(file));
    }

    private static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits >>> 15) << 31, exp = (bits >>> 10) & 0x1f, mant = bits & 0x3ff;
        if (exp == 0) return (sign != 0 ? -1 : 1) * mant * (float) Math.pow(2, -24);
        if (exp == 31) return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    private static IllegalArgumentException bad(String file, String what) {
        return new IllegalArgumentException("Safetensors.load: " + file + " is not a valid safetensors file: " + what);
    }
}

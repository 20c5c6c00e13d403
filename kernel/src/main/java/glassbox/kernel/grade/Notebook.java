package glassbox.kernel.grade;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading and writing Jupyter notebooks (nbformat 4 JSON) for the grader. */
public final class Notebook {
    private Notebook() { }

    /** A notebook that cannot be graded, with the reason a teacher and student can read. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        public Invalid(String reason) { super(reason); }
    }

    /** Reads {@code file} as a notebook; {@link Invalid} says why it is not one. */
    public static JsonObject read(Path file) throws Invalid {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Invalid("cannot read " + file + ": " + e.getMessage());
        }
        return parse(text, file.getFileName().toString());
    }

    /** Parses notebook JSON text. */
    public static JsonObject parse(String text, String name) throws Invalid {
        JsonElement e;
        try {
            e = JsonParser.parseString(text);
        } catch (JsonParseException ex) {
            String why = ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage();
            throw new Invalid(name + " is not valid JSON (" + why + "); the file may be damaged or not a notebook");
        }
        if (!e.isJsonObject() || !e.getAsJsonObject().has("cells") || !e.getAsJsonObject().get("cells").isJsonArray()) {
            throw new Invalid(name + " is JSON but not a Jupyter notebook (it has no \"cells\" list)");
        }
        return e.getAsJsonObject();
    }

    /** The source of a cell (a string or a list of lines in the file). */
    public static String source(JsonObject cell) {
        JsonElement s = cell.get("source");
        if (s == null || s.isJsonNull()) return "";
        if (s.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonElement l : s.getAsJsonArray()) sb.append(l.getAsString());
            return sb.toString();
        }
        return s.getAsString();
    }

    /** Sets a cell's source as a list of lines, as Jupyter writes it. */
    public static void setSource(JsonObject cell, String text) {
        JsonArray lines = new JsonArray();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        cell.add("source", lines);
    }

    /** The sources of the code cells, in order. */
    public static List<String> codeCells(JsonObject notebook) {
        List<String> out = new ArrayList<>();
        for (JsonElement c : notebook.getAsJsonArray("cells")) {
            if (c.isJsonObject() && "code".equals(str(c.getAsJsonObject(), "cell_type"))) out.add(source(c.getAsJsonObject()));
        }
        return out;
    }

    /** The nbgrader metadata of a cell, or null. */
    public static JsonObject nbgrader(JsonObject cell) {
        JsonElement m = cell.get("metadata");
        if (m == null || !m.isJsonObject()) return null;
        JsonElement n = m.getAsJsonObject().get("nbgrader");
        return n != null && n.isJsonObject() ? n.getAsJsonObject() : null;
    }

    static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** Writes a notebook as Jupyter does (1-space indent, trailing newline). */
    public static void write(JsonObject notebook, Path file) throws IOException {
        String json = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(notebook);
        Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
    }
}

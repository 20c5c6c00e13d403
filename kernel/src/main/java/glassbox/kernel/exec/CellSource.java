package glassbox.kernel.exec;

/** One cell's source and its label ("cell [3]"), to turn offsets into line/column and show lines. */
record CellSource(String label, String code) {

    /** 1-based line of {@code offset}. */
    int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, code.length()); i++) if (code.charAt(i) == '\n') line++;
        return line;
    }

    /** 1-based column of {@code offset}. */
    int columnOf(int offset) {
        int start = code.lastIndexOf('\n', Math.max(0, Math.min(offset, code.length()) - 1)) + 1;
        if (offset > 0 && offset <= code.length() && code.charAt(offset - 1) == '\n') start = offset;
        return offset - start + 1;
    }

    /** The text of 1-based line {@code line}, or "" when out of range. */
    String line(int line) {
        String[] lines = code.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }
}

package glassbox.kernel.magic;

import glassbox.display.MimeBundle;
import glassbox.kernel.exec.CellResult;
import glassbox.kernel.exec.Engine;

import java.nio.file.Path;

/** What a magic can use: the session's engine, Java execution with cell line numbers, display, files. */
public interface MagicContext {
    Engine engine();

    /** Runs Java code whose first line is line {@code firstLine} (1-based) of the current cell. */
    CellResult runJava(String code, int firstLine);

    /** Runs a whole cell (magics included), e.g. a cell of a notebook given to %load. */
    CellResult runCell(String code);

    /** Shows a bundle as display_data. */
    void display(MimeBundle bundle);

    /** The directory relative paths are resolved against (the notebook's directory). */
    Path workingDirectory();
}

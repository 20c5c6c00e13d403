package glassbox.kernel.magic;

import glassbox.kernel.exec.CellResult;

/** A magic on one line: {@code %name args}. Returns the result of what it ran (or ok). */
@FunctionalInterface
public interface LineMagic {
    CellResult run(String args, MagicContext ctx) throws Exception;
}

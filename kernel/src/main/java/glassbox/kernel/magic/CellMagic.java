package glassbox.kernel.magic;

import glassbox.kernel.exec.CellResult;

/** A magic for a whole cell: {@code %%name args} on the first line, the body below. */
@FunctionalInterface
public interface CellMagic {
    CellResult run(String args, String body, MagicContext ctx) throws Exception;
}

package glassbox.kernel.magic;

import glassbox.kernel.exec.CellResult;

import java.util.List;

/** %maven group:artifact:version — resolves an artifact and its dependencies into the session. */
final class MavenMagic {
    private MavenMagic() { }

    static CellResult run(String args, MagicContext ctx) {
        return CellResult.error("NotAvailable", "%maven is not implemented yet",
                List.of("\u001b[1;31mNotAvailable\u001b[0m: %maven is not implemented in this build; use %classpath with a jar."));
    }
}

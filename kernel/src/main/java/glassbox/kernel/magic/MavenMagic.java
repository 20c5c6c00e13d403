package glassbox.kernel.magic;

import glassbox.kernel.exec.CellResult;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code %maven group:artifact:version [more coordinates] [--repo URL]... [--no-central] [--offline]}:
 * resolves artifacts and their runtime dependencies with Maven Resolver (Maven Central by default,
 * the local repository ~/.m2/repository, or the one named by the system property
 * {@code glassbox.maven.local} / environment variable {@code GLASSBOX_MAVEN_LOCAL}) and adds the jars
 * to the session's class path.
 */
final class MavenMagic {
    private static final String USAGE = "%maven group:artifact:version [...] [--repo URL]... [--no-central] [--offline]";
    private static RepositorySystem system;

    private MavenMagic() { }

    private static synchronized RepositorySystem system() {
        if (system == null) system = new RepositorySystemSupplier().get();
        return system;
    }

    static Path localRepository() {
        String p = System.getProperty("glassbox.maven.local");
        if (p == null || p.isBlank()) p = System.getenv("GLASSBOX_MAVEN_LOCAL");
        if (p == null || p.isBlank()) p = System.getProperty("user.home") + "/.m2/repository";
        return Path.of(p);
    }

    static CellResult run(String args, MagicContext ctx) {
        List<String> coords = new ArrayList<>();
        List<RemoteRepository> repos = new ArrayList<>();
        boolean central = true, offline = false;
        String[] tokens = args.strip().isEmpty() ? new String[0] : args.strip().split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            switch (t) {
                case "--repo", "-r" -> {
                    if (i + 1 >= tokens.length) return BuiltinMagics.usage(USAGE);
                    String url = tokens[++i];
                    repos.add(new RemoteRepository.Builder("repo" + repos.size(), "default", url).build());
                }
                case "--no-central" -> central = false;
                case "--offline" -> offline = true;
                default -> {
                    if (t.startsWith("-") || t.split(":").length < 3) {
                        return BuiltinMagics.usage(USAGE + "   (got '" + t + "')");
                    }
                    coords.add(t);
                }
            }
        }
        if (coords.isEmpty()) return BuiltinMagics.usage(USAGE);
        if (central) repos.add(new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build());

        RepositorySystem sys = system();
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(sys.newLocalRepositoryManager(session, new LocalRepository(localRepository().toFile())));
        session.setOffline(offline);
        CollectRequest collect = new CollectRequest();
        for (String c : coords) collect.addDependency(new Dependency(new DefaultArtifact(c), JavaScopes.RUNTIME));
        collect.setRepositories(repos);
        DependencyResult result;
        try {
            result = sys.resolveDependencies(session, new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME)));
        } catch (DependencyResolutionException e) {
            String msg = e.getMessage();
            return CellResult.error("ResolutionFailed", msg,
                    List.of("\u001b[1;31mResolutionFailed\u001b[0m: %maven could not resolve " + String.join(", ", coords) + ":",
                            "  " + msg,
                            "  Check the coordinates (group:artifact:version) and the repositories: " + urls(repos)));
        }
        Set<String> jars = new LinkedHashSet<>();
        for (ArtifactResult ar : result.getArtifactResults()) {
            if (ar.getArtifact() != null && ar.getArtifact().getFile() != null) jars.add(ar.getArtifact().getFile().getAbsolutePath());
        }
        if (!jars.isEmpty()) ctx.engine().addToClasspath(String.join(File.pathSeparator, jars));
        System.out.println("Added " + jars.size() + (jars.size() == 1 ? " jar" : " jars") + " to the class path:");
        for (String j : jars) System.out.println("  " + Path.of(j).getFileName());
        return CellResult.ok();
    }

    private static String urls(List<RemoteRepository> repos) {
        List<String> out = new ArrayList<>();
        for (RemoteRepository r : repos) out.add(r.getUrl());
        return String.join(", ", out);
    }
}

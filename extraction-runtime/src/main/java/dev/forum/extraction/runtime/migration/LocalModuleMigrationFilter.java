package dev.forum.extraction.runtime.migration;

import dev.forum.extraction.runtime.topology.Topology;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.core.ApplicationModuleIdentifier;
import org.springframework.modulith.runtime.flyway.MigrationFilter;

/**
 * Keeps Spring Modulith's own per-module migrations ({@code spring-modulith-runtime}'s
 * {@code SpringModulithFlywayMigrationStrategy}, which runs {@code <location>/__root} and then
 * {@code <location>/<module>} of every module it knows) to the modules that run in this process: a module the module
 * metadata names and the topology places in another process is skipped, since that process migrates it. The root
 * folder, every local module and a module the metadata does not know (so Spring Modulith's list, not ours, decides)
 * are migrated; without module metadata (no topology) every module is. So in a monolith the result is exactly Spring
 * Modulith's own, and in a service the same as {@link ModuleMigrations}.
 */
public final class LocalModuleMigrationFilter implements MigrationFilter {

    private static final Logger log = LoggerFactory.getLogger(LocalModuleMigrationFilter.class);

    private final ObjectProvider<Topology> topology;

    /**
     * @param topology this process's topology, looked up when the migrations run (it is registered after the
     *                 auto-configurations' conditions are evaluated); none when the application has no module metadata
     */
    public LocalModuleMigrationFilter(ObjectProvider<Topology> topology) {
        this.topology = topology;
    }

    /**
     * @param identifier a module's identifier, or {@code __root}
     * @param flyway     the Flyway of that module's migrations (not used)
     * @return false only for a module of the metadata that runs in another process
     */
    @Override
    public boolean shouldMigrate(ApplicationModuleIdentifier identifier, Flyway flyway) {
        Topology resolved = topology.getIfAvailable();
        String module = identifier.toString();
        if (resolved == null || ModuleMigrations.ROOT.equals(module) || resolved.isLocal(module) || resolved.metadata().module(module).isEmpty()) {
            return true;
        }
        log.info("Migrations of {} left to the process it runs in", module);
        return false;
    }
}

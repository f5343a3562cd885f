package forum.platform.data;

import java.util.List;
import java.util.Locale;

/**
 * A local module refused to migrate its schema at start-up because the database it would change is not the one that
 * should change: its data is being moved (the rule of {@code data-move/README.md}: no migration of a module runs
 * while replication keeps a copy of it on another database), or its data has moved to another database that this
 * process was not given. Nothing was changed on any database. Its message is one line naming the module, the
 * databases and what was found; {@link #fix()} says what to do.
 */
public class ModuleMigrationRefusedException extends RuntimeException {

    private final String fix;

    private ModuleMigrationRefusedException(String message, String fix) {
        super(message);
        this.fix = fix;
    }

    /**
     * The module has migrations to run while a move's replication runs.
     *
     * @param module      the module
     * @param url         the database it would migrate (the authoritative one)
     * @param pending     the pending migrations, e.g. {@code V3 (add post notes)}
     * @param replication the move's subscriptions and replication slots found on that database
     */
    static ModuleMigrationRefusedException duringMove(String module, String url, List<String> pending,
                                                      List<String> replication) {
        return new ModuleMigrationRefusedException("The " + module + " module has " + pending.size() + " migration"
                + (pending.size() == 1 ? "" : "s") + " to run (" + String.join(", ", pending) + ") on " + url
                + ", but its data is being moved: replication " + String.join(", ", replication)
                + " keeps a copy on its other database, and a migration must not run during a move",
                "End the move first: after the switch, drop the old copy (data-move drop-source; on ECS the stack's"
                        + " DropSourceTask" + capitalized(module) + ") or roll back (the move back with"
                        + " --then-drop-source, deploy.sh's step 3b); before it, finish the move or stop it (data-move"
                        + " abort). Then start this release again; until then run the release before it");
    }

    /**
     * The module's data has moved away from the only database this process was given.
     *
     * @param module        the module
     * @param url           the database this process was given
     * @param here          the label of that database in its placement row
     * @param authoritative the label of the database that holds the module now
     * @param epoch         the row's epoch
     */
    static ModuleMigrationRefusedException movedAway(String module, String url, String here, String authoritative,
                                                     long epoch) {
        return new ModuleMigrationRefusedException("The " + module + " module's data is on database " + authoritative
                + " (epoch " + epoch + "), not on " + here + " (" + url + ") where this process would migrate and serve it",
                "Give this process that database as well: forum.datasource." + module + ".moved.url (FORUM_DATASOURCE_"
                        + module.replace("-", "").toUpperCase(Locale.ROOT) + "_MOVED_URL), as the service's task definition does");
    }

    /** What to do, in one line. */
    public String fix() {
        return fix;
    }

    private static String capitalized(String module) {
        return module.isEmpty() ? module : module.substring(0, 1).toUpperCase(Locale.ROOT) + module.substring(1);
    }
}

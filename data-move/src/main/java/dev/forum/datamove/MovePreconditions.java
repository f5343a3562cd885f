package dev.forum.datamove;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a move checks before it writes anything ({@link ModuleMove#run()}, before the source's placement row), so
 * that what its steps would otherwise find out part way, after the source's write guard and the target's migrated
 * tables, is refused in one line with nothing changed: the roles it acts as and for, and a target whose copy of the
 * module holds rows of its own.
 */
final class MovePreconditions {

    /** The module's data version table, one row made by its migration (see {@link #tablesWithRows}). */
    static final String DATA_VERSION = "data_version";

    private MovePreconditions() {
    }

    /**
     * @param s         a connection to the source as its administrator role
     * @param t         a connection to the target as its administrator role
     * @param untouched whether no move has touched the target's copy of the module (it has no placement row)
     * @throws MoveException            one line naming what to change, nothing changed
     * @throws PasswordRefusedException when the target refuses the owner role's password
     */
    static void check(Endpoint source, Connection s, Endpoint target, Connection t, MoveSettings settings,
            boolean untouched) throws SQLException {
        checkRoles(source, s, target, t, settings);
        if (untouched) {
            refuseRowsNoMovePut(target, t, settings);
        }
    }

    /**
     * Checks, before a move writes anything, what its steps would otherwise find out part way: that each side's
     * administrator role may make the move's objects there (a superuser; or, on RDS, a member of
     * {@code rds_superuser}; on PostgreSQL 16 and later a member of {@code pg_create_subscription} with {@code CREATE}
     * on the database), that the module's owner role and runtime role exist on the target, and that the target takes
     * the owner role's password.
     *
     * @param s a connection to the source as its administrator role
     * @param t a connection to the target as its administrator role
     * @throws MoveException            one line naming the role and the option or setting to change
     * @throws PasswordRefusedException when the target refuses the owner role's password
     */
    private static void checkRoles(Endpoint source, Connection s, Endpoint target, Connection t, MoveSettings settings)
            throws SQLException {
        checkAdministrator(source, s, "--source-user");
        checkAdministrator(target, t, "--target-user");
        List<String[]> roles = new ArrayList<>();
        roles.add(new String[] {settings.ownerRole(), "--owner"});
        if (settings.runtimeRole() != null) {
            roles.add(new String[] {settings.runtimeRole(), "--runtime-role"});
        }
        for (String[] role : roles) {
            try (PreparedStatement query = t.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                query.setString(1, role[0]);
                try (ResultSet result = query.executeQuery()) {
                    if (!result.next()) {
                        throw new MoveException("role " + role[0] + " (" + role[1] + ") does not exist on " + target.describe()
                                + ": make it there (deploy/postgres/module-roles.sql) or give the module's role; nothing was"
                                + " changed");
                    }
                }
            }
        }
        Endpoint asOwner = new Endpoint(target.label(), target.host(), target.port(), target.database(),
                settings.ownerRole(), settings.ownerPassword(), target.sslRootCert());
        try (Connection owner = asOwner.connect()) {
            owner.isValid(1);
        } catch (PasswordRefusedException refused) {
            throw new PasswordRefusedException("the server of " + target.describe() + " refused the password of the"
                    + " module's owner role " + settings.ownerRole() + " before the move changed anything", target.label(),
                    PasswordRefusedException.Role.OWNER, refused);
        }
    }

    private static void checkAdministrator(Endpoint side, Connection connection, String option) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("""
                select current_user, rolsuper or exists (select 1 from pg_roles g where g.rolname = 'rds_superuser'
                        and pg_has_role(current_user, g.oid, 'member'))
                    or (exists (select 1 from pg_roles g where g.rolname = 'pg_create_subscription'
                        and pg_has_role(current_user, g.oid, 'member'))
                        and has_database_privilege(current_database(), 'CREATE'))
                from pg_roles where rolname = current_user""")) {
            if (result.next() && !result.getBoolean(2)) {
                throw new MoveException(option + " " + result.getString(1) + " may not make a move's publication,"
                        + " subscription and control schema on " + side.describe() + ": give a superuser (on RDS, a member"
                        + " of rds_superuser); nothing was changed");
            }
        }
    }

    /**
     * Refuses, before anything is written, a target whose copy of the module no move has touched (no placement row)
     * and which holds rows: the move copies into empty tables, so it would empty them first, and rows there are data
     * of their own (a wrong {@code --target}, or a database the module's processes wrote to).
     */
    private static void refuseRowsNoMovePut(Endpoint target, Connection t, MoveSettings settings) throws SQLException {
        List<String> filled = tablesWithRows(t, settings.module());
        if (!filled.isEmpty()) {
            throw new MoveException("target " + target.describe() + " already holds rows of " + settings.module()
                    + " that no move put there (tables " + String.join(", ", filled) + "): a move copies into empty"
                    + " tables and would delete them; give as --target the database the module moves to, or empty those"
                    + " tables first if their rows are not needed; nothing was changed");
        }
    }

    /**
     * The module's data tables that hold rows its migrations did not put there (read with {@code exists}, so a large
     * table costs no count): any row, but in the data version table ({@value #DATA_VERSION}, whose one row the
     * module's migration makes at version 0 and its writes raise: {@code forum.platform.data.DataVersion}) a version
     * above 0.
     *
     * @return their names, sorted; empty when no data table holds such a row
     */
    static List<String> tablesWithRows(Connection connection, String module) throws SQLException {
        List<String> filled = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : TargetSchema.dataTables(connection, module)) {
                try (ResultSet result = statement.executeQuery("select exists (select 1 from " + Placement.ident(module)
                        + "." + Placement.ident(table) + (table.equals(DATA_VERSION) ? " where version <> 0" : "") + ")")) {
                    result.next();
                    if (result.getBoolean(1)) {
                        filled.add(table);
                    }
                }
            }
        }
        return filled;
    }
}

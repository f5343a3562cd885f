package dev.forum.extraction.ecs;

/**
 * How an application reads its database, as the ecs goal decides it from what the service jars hold: each way gets
 * the settings Spring Boot reads for it, and the deployment one PostgreSQL database whatever the ways.
 *
 * <ul>
 * <li>JDBC: Spring Boot's DataSource auto-configuration ({@code org.springframework.boot:spring-boot-jdbc} with
 * {@code org.springframework:spring-jdbc}) reads {@code SPRING_DATASOURCE_URL}, {@code _USERNAME}, {@code _PASSWORD};</li>
 * <li>R2DBC: Spring Boot's R2DBC auto-configuration ({@code org.springframework.boot:spring-boot-r2dbc} with
 * {@code io.r2dbc:r2dbc-spi}) reads {@code SPRING_R2DBC_URL}, {@code _USERNAME}, {@code _PASSWORD}.</li>
 * </ul>
 */
public enum DatabaseClients {

    /** Neither: the deployment has no database, its tasks no database settings or credentials. */
    NONE(false, false),
    /** A JDBC DataSource only. */
    JDBC(true, false),
    /** An R2DBC ConnectionFactory only (e.g. Spring Data R2DBC). */
    R2DBC(false, true),
    /** Both, on the one database (e.g. Spring Modulith's JDBC event publication registry with Spring Data R2DBC). */
    BOTH(true, true);

    private final boolean jdbc;
    private final boolean r2dbc;

    DatabaseClients(boolean jdbc, boolean r2dbc) {
        this.jdbc = jdbc;
        this.r2dbc = r2dbc;
    }

    /**
     * @param jdbc  whether the application makes a JDBC DataSource
     * @param r2dbc whether it makes an R2DBC ConnectionFactory
     * @return the value with those two answers
     */
    public static DatabaseClients of(boolean jdbc, boolean r2dbc) {
        return jdbc ? (r2dbc ? BOTH : JDBC) : (r2dbc ? R2DBC : NONE);
    }

    /** Whether the tasks get {@code SPRING_DATASOURCE_*} (a JDBC DataSource). */
    public boolean jdbc() {
        return jdbc;
    }

    /** Whether the tasks get {@code SPRING_R2DBC_*} (an R2DBC ConnectionFactory). */
    public boolean r2dbc() {
        return r2dbc;
    }

    /** Whether the application reads a database at all: only then is one rendered. */
    public boolean any() {
        return jdbc || r2dbc;
    }
}

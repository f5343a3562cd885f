package forum.platform.data;

/**
 * When the tutorial's sample data is loaded into an empty module schema ({@code forum.seed-data}).
 * Production ({@code prod} profile) never seeds.
 */
public enum SeedPolicy {
    /** Only into an embedded in-memory database: the default, so local runs and tests have data. */
    EMBEDDED,
    /** Into any empty database (tests against PostgreSQL). */
    ALWAYS,
    /** Never. */
    NEVER
}

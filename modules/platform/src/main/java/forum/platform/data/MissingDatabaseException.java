package forum.platform.data;

/** A local module has no database configured (the production profile has no default). */
public class MissingDatabaseException extends RuntimeException {

    public MissingDatabaseException(String module) {
        super("Module '" + module + "' runs here but no database is configured: set spring.datasource.url"
                + " (SPRING_DATASOURCE_URL) or forum.datasource." + module + ".url");
    }
}

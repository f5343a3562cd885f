package forum.platform.topology;

/**
 * One module as the topology knows it: its name, its API interface and the path prefix of its routes
 * (from the interface's {@code @HttpExchange}).
 */
public record ModuleContract(String name, Class<?> api, String path) {

    /** Whether a request path belongs to this module: the prefix itself or anything below it. */
    public boolean owns(String requestPath) {
        return requestPath.equals(path) || requestPath.startsWith(path + "/");
    }
}

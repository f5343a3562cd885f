package forum.platform.security;

/**
 * One module's HTTP contract as the security rules read it: the module's name, its {@code @ModuleApi} interface and
 * the path prefix of its routes (the interface's class-level {@code @HttpExchange} value, e.g. {@code /api/users}).
 */
public record ModuleContract(String name, Class<?> api, String path) {
}

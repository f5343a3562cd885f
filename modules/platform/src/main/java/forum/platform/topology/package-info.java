/**
 * Which modules run in this process and where the others live: the topology settings
 * ({@code forum.topology.*}), their validation, and {@link forum.platform.topology.ConditionalOnLocalModule}
 * which keeps a module that is not local from starting anything here.
 */
package forum.platform.topology;

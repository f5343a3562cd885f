/**
 * Shared kernel of the forum: domain outcomes every module API may throw ({@link forum.platform.ResourceNotFoundException},
 * {@link forum.platform.ConflictException}, {@link forum.platform.ReferenceNotFoundException},
 * {@link forum.platform.ValidationException}) and the paging rule ({@link forum.platform.Paging}).
 * Plain Java only: module APIs depend on this package. It is an open module: every module may use all of it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package forum.platform;

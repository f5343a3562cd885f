/**
 * Read answers kept in the process and given again while their module's data is unchanged: safe in every topology,
 * as every read asks the module's database for its data version first.
 */
package forum.platform.web.cache;

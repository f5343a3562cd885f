/**
 * Settings that cannot work, the forum's own ({@code forum.*}), the HTTP servers' address and port
 * ({@code ServerBindingSettings}) and the names no longer read ({@code RenamedSettings}):
 * {@link forum.platform.settings.InvalidSettingException} for a value out of its range or a name renamed, and the
 * failure analyzer that prints it, or a value of the wrong type, as one description naming the setting instead of a
 * stack trace.
 */
package forum.platform.settings;

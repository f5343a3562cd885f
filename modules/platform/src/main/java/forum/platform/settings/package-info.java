/**
 * Settings that cannot work, the forum's own ({@code forum.*}) and the HTTP servers' address and port
 * ({@code ServerBindingSettings}): {@link forum.platform.settings.InvalidSettingException}
 * for a value out of its range, and the failure analyzer that prints it, or a value of the wrong type, as one
 * description naming the setting instead of a stack trace.
 */
package forum.platform.settings;

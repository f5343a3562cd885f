/**
 * Each module's own schema: its migrations, with a history of their own, and its seed data.
 */
package forum.platform.data;

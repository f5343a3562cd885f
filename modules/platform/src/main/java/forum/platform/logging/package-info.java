/** How the forum's log lines are written: the prod profile's JSON lines (Elastic Common Schema). */
package forum.platform.logging;

/** Storage of threads in the module's own {@code threads} schema (Spring Data JDBC). */
package forum.threads.internal.persistence;

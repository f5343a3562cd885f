/**
 * The data move: one module's schema moved live from one PostgreSQL database to another with logical replication.
 *
 * <p>{@link dev.forum.datamove.ModuleMove} runs the steps of {@link dev.forum.datamove.Step} in order against two
 * {@link dev.forum.datamove.Endpoint}s; {@link dev.forum.datamove.Placement} is the control table both databases
 * carry (which database is authoritative for the module, at which epoch) and the guard that refuses local writes
 * where it is not; {@link dev.forum.datamove.Replication} checks the servers and owns the publications,
 * {@link dev.forum.datamove.Subscriptions} the subscriptions and {@link dev.forum.datamove.ReplicationSlots} the slots;
 * {@link dev.forum.datamove.TargetSchema} migrates the target with the module's own Flyway migrations;
 * {@link dev.forum.datamove.Verification} compares the two sides with writes held, by {@link dev.forum.datamove.TableChecksums}.
 * {@link dev.forum.datamove.MoveAbort} gives up a move before its switch, {@link dev.forum.datamove.MoveStatus} reads
 * where one stands, and {@link dev.forum.datamove.SourceDrop} drops what a finished one left on its source.
 * Plain JDBC (the PostgreSQL driver) and Flyway.
 */
package dev.forum.datamove;

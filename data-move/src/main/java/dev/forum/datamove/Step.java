package dev.forum.datamove;

/**
 * The points a move passes, in order. A {@link ModuleMove.StepListener} is told of each as it is reached; a
 * failure (or a kill of the process) after any of them leaves exactly one authoritative database: the source up to
 * and including {@link #SWITCH_REVERSE_SUBSCRIBED}, the target from {@link #SWITCH_SOURCE_COMMITTED} on (there the
 * target's own row may still name the source until the run is repeated, and both databases refuse the module's
 * writes meanwhile). Running the move again resumes from what it finds.
 */
public enum Step {
    /** Both servers reachable, logical replication possible, placement read: who is authoritative now. */
    CHECKED,
    /** Control table and write guard on both sides; the target's schema migrated to the source's version. */
    TARGET_PREPARED,
    /** The publications naming the module's data tables exist (on both sides: the target's for the way back). */
    PUBLISHED,
    /** The target's subscription exists, with its slot on the source; the initial copy runs. */
    SUBSCRIBED,
    /** The initial copy is done and the target has confirmed the source's WAL position of that moment. */
    CAUGHT_UP,
    /** Switch: writes held on the source, the target caught up to the source's position, sequences advanced. */
    SWITCH_TARGET_READY,
    /** Switch: the forward subscription is dropped (its slot on the source with it). */
    SWITCH_FORWARD_DROPPED,
    /** Switch: the source subscribes to the target (no copy), so a rollback is a switch back. */
    SWITCH_REVERSE_SUBSCRIBED,
    /** Switch: the source's row names the target (committed); the source refuses the module's writes from now on. */
    SWITCH_SOURCE_COMMITTED,
    /** Switch done: the target's row names the target; it takes the module's writes. */
    SWITCHED,
    /** Counts and checksums of every table equal on both sides. */
    VERIFIED
}

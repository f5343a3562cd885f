package dev.forum.standin.haproxy;

/**
 * One server of one backend as {@code show stat} reports it.
 *
 * @param status   {@code UP}, {@code DOWN}, {@code DRAIN} (up but draining), {@code MAINT}, or a transition such
 *                 as {@code UP 1/2}; a tracking server reports its tracked server's health
 * @param current  requests (sessions) in flight on it now
 * @param total    requests it has taken so far
 */
public record ServerStatus(String backend, String server, String status, int weight, int current, long total,
        String checkStatus) {

    /** Checked healthy (draining or not), not in a transition. */
    public boolean healthy() {
        return status.equals("UP") || status.equals("DRAIN");
    }

    /** Healthy, not draining, not in maintenance. */
    public boolean ready() {
        return status.equals("UP");
    }
}

package dev.forum.extraction.runtime.topology.guarded.catalog;

/** A contract of catalog that a service of widgets lacks ({@code GuardedCodeContractsTest}). */
public interface ReviewsApi {

    /** @return the reviews' titles, one a line */
    String list();
}

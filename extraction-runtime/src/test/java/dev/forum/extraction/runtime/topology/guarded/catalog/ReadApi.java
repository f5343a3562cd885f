package dev.forum.extraction.runtime.topology.guarded.catalog;

/** A contract of catalog that a service of widgets carries ({@code GuardedCodeContractsTest}). */
public interface ReadApi {
}

package dev.forum.extraction.runtime.topology;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused topology as one line per refusal (after a line counting them, when several), instead of a stack trace. */
class InvalidTopologyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTopologyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidTopologyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the extraction.topology settings (or EXTRACTION_TOPOLOGY_* variables) as the description says.", cause);
    }
}

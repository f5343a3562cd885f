package dev.forum.extraction.runtime.topology;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused topology as one line per refusal (after a line counting them, when several), instead of a stack trace. */
class InvalidTopologyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTopologyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidTopologyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix what the description names (an extraction.topology setting or EXTRACTION_TOPOLOGY_* variable, a remote"
                        + " module's contract, a persistence unit) as it says.", cause);
    }
}

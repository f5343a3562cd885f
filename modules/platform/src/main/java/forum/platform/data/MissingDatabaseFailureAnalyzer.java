package forum.platform.data;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a missing database as one line, instead of a stack trace. */
class MissingDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<MissingDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingDatabaseException cause) {
        return new FailureAnalysis(cause.getMessage(), "Configure the module's database as the description says.", cause);
    }
}

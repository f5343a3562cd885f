package forum.platform.data;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a module's unreachable database as one line and its fix as another, instead of a stack trace. */
class ModuleDatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<ModuleDatabaseUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ModuleDatabaseUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.fix(), cause);
    }
}

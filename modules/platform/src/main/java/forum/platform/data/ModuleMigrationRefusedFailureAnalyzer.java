package forum.platform.data;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused migration as one line and its fix as another, instead of a stack trace. */
class ModuleMigrationRefusedFailureAnalyzer extends AbstractFailureAnalyzer<ModuleMigrationRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ModuleMigrationRefusedException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.fix(), cause);
    }
}

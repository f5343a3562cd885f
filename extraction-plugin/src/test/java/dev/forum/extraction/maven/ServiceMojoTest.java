package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import org.junit.jupiter.api.Test;

/** The service goal with no service named: harmless where the POM binds it, a refusal where it was asked for by name. */
class ServiceMojoTest {

    @Test
    void boundInThePomItSaysInOneLineThatNothingIsExtractedAndHowToAsk() {
        assertEquals("[extract] service: nothing extracted (no -Dextract); to build a service: -Dextract=MODULE[,MODULE]"
                + " (a module, or a service of the topology file; extract:report lists the modules)",
                ServiceMojo.nothingRequested(false));
    }

    @Test
    void runFromTheCommandLineItRefusesSayingWhatToSet() {
        ExtractionException e = assertThrows(ExtractionException.class, () -> ServiceMojo.nothingRequested(true));
        assertEquals("extract:service was run with no service to build: name one with -Dextract=MODULE[,MODULE] (a module, or"
                + " a service of the topology file; extract:report lists the modules)", e.getMessage());
    }
}

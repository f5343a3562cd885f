package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import org.junit.jupiter.api.Test;

/** Ports and seconds given as text are refused in the plugin's own words, naming the property, not Maven's "Cannot convert". */
class NumberSettingsTest {

    @Test
    void aPortThatIsNoNumberIsRefusedAsOneOutOfRangeIs() {
        assertEquals("-Dextract.image.port=abc is not a TCP port (1 to 65535): set -Dextract.image.port=<port>",
                assertThrows(ExtractionException.class, () -> NumberSettings.port("abc", "extract.image.port")).getMessage());
        assertEquals("-Dextract.image.port=70000 is not a TCP port (1 to 65535): set -Dextract.image.port=<port>",
                assertThrows(ExtractionException.class, () -> NumberSettings.port("70000", "extract.image.port")).getMessage());
        assertEquals("-Dextract.image.port=99999999999 is not a TCP port (1 to 65535): set -Dextract.image.port=<port>",
                assertThrows(ExtractionException.class, () -> NumberSettings.port("99999999999", "extract.image.port")).getMessage());
        assertEquals("-Dextract.image.port=0 is not a TCP port (1 to 65535): set -Dextract.image.port=<port>",
                assertThrows(ExtractionException.class, () -> NumberSettings.port("0", "extract.image.port")).getMessage());
        assertEquals(9090, NumberSettings.port(" 9090 ", "extract.image.port"));
        assertNull(NumberSettings.port(null, "extract.image.port"), "unset: the application's own");
        assertNull(NumberSettings.port("", "extract.image.port"));
    }

    @Test
    void theEcsGoalsPortsAndSecondsAreCheckedTheSameWay() {
        assertEquals(3000, NumberSettings.requiredPort("3000", "extract.ecs.containerPort"));
        assertEquals("-Dextract.ecs.containerPort= is not a TCP port (1 to 65535): set -Dextract.ecs.containerPort=<port>",
                assertThrows(ExtractionException.class, () -> NumberSettings.requiredPort(" ", "extract.ecs.containerPort"))
                        .getMessage());
        assertEquals(30, NumberSettings.seconds("30", "extract.ecs.stopTimeout", 2, 120));
        assertEquals("-Dextract.ecs.stopTimeout=half is not a number of seconds from 2 to 120: set"
                + " -Dextract.ecs.stopTimeout=<seconds>", assertThrows(ExtractionException.class,
                        () -> NumberSettings.seconds("half", "extract.ecs.stopTimeout", 2, 120)).getMessage());
        assertEquals("-Dextract.ecs.stopTimeout=300 is not a number of seconds from 2 to 120: set"
                + " -Dextract.ecs.stopTimeout=<seconds>", assertThrows(ExtractionException.class,
                        () -> NumberSettings.seconds("300", "extract.ecs.stopTimeout", 2, 120)).getMessage());
    }
}

package dev.forum.extraction.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * The warm-up is on unless the application turns it off: without it the first request across a boundary after a start
 * met a cold process and a 504 (the remote module had done the work). In: {@code extraction.warm-up.rounds} set or not;
 * out: the rounds of the auto-configured {@link WarmUp}.
 */
class WarmUpSettingsTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RemoteModuleWebAutoConfiguration.class));

    @Test
    void unsetItWarmsUpInThreeRounds() {
        runner.run(context -> assertThat(context.getBean(WarmUp.class).rounds()).isEqualTo(3).isEqualTo(WarmUp.DEFAULT_ROUNDS));
    }

    @Test
    void zeroTurnsItOffAndAnyOtherCountIsTaken() {
        runner.withPropertyValues("extraction.warm-up.rounds=0")
                .run(context -> assertThat(context.getBean(WarmUp.class).rounds()).isZero());
        runner.withPropertyValues("extraction.warm-up.rounds=1")
                .run(context -> assertThat(context.getBean(WarmUp.class).rounds()).isEqualTo(1));
    }
}

package dev.forum.extraction.runtime.web;

import dev.forum.extraction.runtime.topology.Topology;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The warm-up of a web application with module metadata ({@link WarmUp}): {@code extraction.warm-up.rounds} rounds
 * (0: off); unset, {@link WarmUp#defaultRounds} ({@link WarmUp#DEFAULT_ROUNDS} where some module is remote, else 0).
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass(name = "org.springframework.boot.web.server.context.WebServerApplicationContext")
public class RemoteModuleWebAutoConfiguration {

    /** The topology is registered after conditions are evaluated, so it is looked up when the warm-up runs. */
    @Bean
    WarmUp moduleWarmUp(ObjectProvider<Topology> topology, Environment environment) {
        Binder binder = Binder.get(environment);
        return new WarmUp(topology::getIfAvailable, binder.bind("extraction.warm-up.rounds", Integer.class).orElse(null),
                binder.bind("extraction.warm-up.suffixes", Bindable.listOf(String.class)).orElse(List.of()),
                binder.bind("extraction.warm-up.paths", Bindable.listOf(String.class)).orElse(List.of()));
    }
}

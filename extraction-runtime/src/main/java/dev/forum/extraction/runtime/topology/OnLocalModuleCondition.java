package dev.forum.extraction.runtime.topology;

import java.util.Optional;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the module named by {@link ConditionalOnLocalModule} is local. Conditions are evaluated while bean
 * definitions are read, before the topology bean exists, so the topology is resolved here from the same settings
 * and metadata (a setting that cannot work is refused the same way, in one line).
 */
class OnLocalModuleCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String module = (String) metadata.getAnnotationAttributes(ConditionalOnLocalModule.class.getName()).get("value");
        Optional<ModuleMetadata> modules = ModuleMetadata.load(context.getClassLoader());
        if (modules.isEmpty()) {
            return true;
        }
        return Topology.resolve(TopologySettings.from(context.getEnvironment(), modules.get().runnableModules()),
                modules.get()).isLocal(module);
    }
}

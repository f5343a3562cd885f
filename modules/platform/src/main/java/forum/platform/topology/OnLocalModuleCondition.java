package forum.platform.topology;

import java.util.Set;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the module named by {@link ConditionalOnLocalModule} is local in this process. */
class OnLocalModuleCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String module = (String) metadata.getAnnotationAttributes(ConditionalOnLocalModule.class.getName()).get("value");
        Set<String> local = TopologySettings.localModules(context.getEnvironment());
        return local.isEmpty() || local.contains(module);
    }
}

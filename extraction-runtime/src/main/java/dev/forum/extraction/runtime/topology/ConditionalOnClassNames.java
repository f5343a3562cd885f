package dev.forum.extraction.runtime.topology;

import static dev.forum.extraction.runtime.topology.UsedNames.addType;

import java.util.Set;
import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;

/**
 * The classes a {@code @ConditionalOnClass} on a class or a method names ({@link ClassUse}'s guards), read with Spring's
 * ASM: its {@code value} (classes) and {@code name} (binary names), as internal names ({@code shop/catalog/ReviewsApi}).
 */
final class ConditionalOnClassNames extends AnnotationVisitor {

    private static final String CONDITIONAL_ON_CLASS = "Lorg/springframework/boot/autoconfigure/condition/ConditionalOnClass;";

    private final Set<String> into;

    private ConditionalOnClassNames(Set<String> into) {
        super(SpringAsmInfo.ASM_VERSION);
        this.into = into;
    }

    /**
     * @param descriptor an annotation's descriptor, as ASM's {@code visitAnnotation} gets it
     * @param into       the set the names go into
     * @return a visitor adding the names to {@code into} when the annotation is {@code @ConditionalOnClass}, else null
     *     (ASM then skips the annotation)
     */
    static AnnotationVisitor of(String descriptor, Set<String> into) {
        return CONDITIONAL_ON_CLASS.equals(descriptor) ? new ConditionalOnClassNames(into) : null;
    }

    @Override
    public AnnotationVisitor visitArray(String name) {
        return this;
    }

    @Override
    public void visit(String name, Object value) {
        if (value instanceof Type type) {
            addType(into, type);
        } else if (value instanceof String className) {
            into.add(className.replace('.', '/'));
        }
    }
}

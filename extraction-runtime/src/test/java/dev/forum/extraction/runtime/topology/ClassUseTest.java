package dev.forum.extraction.runtime.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Import;

/**
 * What a class file uses, read with ASM from classes compiled here: a class named by a field, a signature or code is
 * used; one named only in an annotation is not; {@code @ConditionalOnClass} on a method takes its class out of that
 * method's uses, and on a class is the class's guard. In: a class's bytes; out: its {@link ClassUse}.
 */
class ClassUseTest {

    private static final String REVIEWS = internal(Reviews.class);

    interface Reviews {
    }

    interface Other {
    }

    static class InGenericField {
        List<Reviews> reviews;
    }

    static class AsConstantInCode {
        Object type() {
            return Reviews.class;
        }
    }

    static class CastInCode {
        Object cast(Object value) {
            return (Reviews) value;
        }
    }

    static class InLambda {
        Supplier<Object> supplier() {
            return () -> new Reviews[0];
        }
    }

    @Import(Reviews.class)
    static class OnlyInAnImport {
    }

    @ConditionalOnClass(Reviews.class)
    static class Guarded {

        static class Beans {
            Reviews reviews;
        }
    }

    static class GuardedMethod {

        Other other;

        @ConditionalOnClass(name = "dev.forum.extraction.runtime.topology.ClassUseTest$Reviews")
        Object reviews(Reviews reviews) {
            return reviews.toString();
        }
    }

    @Test
    void aClassNamedByAFieldSignatureOrCodeIsUsed() throws IOException {
        for (Class<?> type : List.of(InGenericField.class, AsConstantInCode.class, CastInCode.class, InLambda.class)) {
            assertThat(read(type).uses()).as(type.getSimpleName()).contains(REVIEWS);
        }
    }

    @Test
    void aClassNamedOnlyInAnAnnotationIsNotUsed() throws IOException {
        assertThat(read(OnlyInAnImport.class).uses()).doesNotContain(REVIEWS);
        assertThat(read(OnlyInAnImport.class).guards()).isEmpty();
    }

    @Test
    void conditionalOnClassOnAClassIsItsGuardAndAClassNestedInItNamesItsOuterClass() throws IOException {
        ClassUse guarded = read(Guarded.class);
        ClassUse beans = read(Guarded.Beans.class);

        assertThat(guarded.guards()).containsExactly(REVIEWS);
        assertThat(guarded.uses()).doesNotContain(REVIEWS);
        assertThat(beans.outer()).isEqualTo(internal(Guarded.class));
        assertThat(beans.uses()).contains(REVIEWS);
    }

    @Test
    void conditionalOnClassOnAMethodTakesItsClassOutOfTheMethodsUses() throws IOException {
        ClassUse use = read(GuardedMethod.class);

        assertThat(use.uses()).doesNotContain(REVIEWS).contains(internal(Other.class));
        assertThat(use.guards()).isEmpty();
    }

    @Test
    void aSignatureNamesEachClassTypeNotTheTypeVariablesNorAPartOfAName() {
        Set<String> names = new HashSet<>();
        ClassUse.addSignature(names, "<L:Ljava/lang/Object;>Lp/Base<TL;>;Ljava/util/function/Supplier<[Lt7/catalog/ReviewsApi;>;");
        ClassUse.addSignature(names, "(Lp/Outer<-Lp/Arg;>.Inner<*>;)TL;");

        assertThat(names).contains("java/lang/Object", "p/Base", "java/util/function/Supplier", "t7/catalog/ReviewsApi",
                "p/Outer", "p/Arg").doesNotContain("t7/catalog/ReviewsApiV2", "Inner", "L", "ava/lang/Object");
    }

    private static ClassUse read(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + internal(type) + ".class")) {
            return ClassUse.read(in.readAllBytes());
        }
    }

    private static String internal(Class<?> type) {
        return type.getName().replace('.', '/');
    }
}

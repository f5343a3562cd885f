package dev.forum.extraction.runtime.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Import;

/**
 * What a class file uses, read with ASM from classes compiled here (and from two that Kotlin 2.3.21 compiled, kept in
 * {@code src/test/resources/kotlin-lambdas} with their source, as {@code .class.bin}: surefire would run a
 * {@code .class} there as a test): a class named by a field, a signature or code is used;
 * one named only in an annotation is not; {@code @ConditionalOnClass} on a method takes its class out of that method's
 * uses and its lambdas' (javac's, Kotlin's, serializable ones' remaking), not out of a method a method reference names,
 * and is the guard of an anonymous class declared in it; on a class it is the class's guard. In: a class's bytes; out:
 * its {@link ClassUse}.
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

    static class GuardedLambdas {

        @ConditionalOnClass(Reviews.class)
        Supplier<Supplier<Object>> reviews(Object value) {
            return () -> () -> (Reviews) value;
        }
    }

    static class GuardedSerializableLambda {

        @ConditionalOnClass(Reviews.class)
        Supplier<Object> reviews(Reviews reviews) {
            return (Supplier<Object> & Serializable) () -> reviews;
        }
    }

    /** {@code $deserializeLambda$} remakes both lambdas: only one of the methods making them is guarded. */
    static class PartlyGuardedSerializableLambdas {

        @ConditionalOnClass(Reviews.class)
        Supplier<Object> reviews(Reviews reviews) {
            return (Supplier<Object> & Serializable) () -> reviews;
        }

        Supplier<Object> other(Other other) {
            return (Supplier<Object> & Serializable) () -> other;
        }
    }

    static class GuardedMethodReference {

        @ConditionalOnClass(Reviews.class)
        Function<Object, Object> reviews() {
            return this::cast;
        }

        private Object cast(Object value) {
            return (Reviews) value;
        }
    }

    static class GuardedAnonymous {

        @ConditionalOnClass(Reviews.class)
        Supplier<Object> reviews(Object value) {
            return new Supplier<>() {
                @Override
                public Object get() {
                    return (Reviews) value;
                }
            };
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
    void conditionalOnClassOnAMethodTakesItsClassOutOfItsLambdasAndTheLambdasInThem() throws IOException {
        ClassUse use = read(GuardedLambdas.class);

        assertThat(use.uses()).doesNotContain(REVIEWS);
        assertThat(use.methodGuards().keySet()).filteredOn(method -> method.startsWith("lambda$reviews$")).hasSize(2);
        assertThat(use.methodGuards().values()).allSatisfy(guards -> assertThat(guards).containsExactly(REVIEWS));
    }

    @Test
    void conditionalOnClassOnAMethodTakesItsClassOutOfKotlinsLambdasWhichAreNotSynthetic() throws IOException {
        ClassUse guarded = readKotlin("GuardedReviewBeans");
        ClassUse plain = readKotlin("PlainReviewBeans");

        assertThat(guarded.uses()).doesNotContain("shop/ReviewsApi");
        assertThat(guarded.methodGuards()).containsOnlyKeys("reviews(Lshop/ReviewsApi;)Ljava/util/function/Supplier;",
                "reviews$lambda$0(Lshop/ReviewsApi;)Ljava/util/function/Supplier;",
                "reviews$lambda$0$0(Lshop/ReviewsApi;)Ljava/lang/String;");
        assertThat(guarded.methodGuards().values()).allSatisfy(guards -> assertThat(guards).containsExactly("shop/ReviewsApi"));
        assertThat(plain.uses()).contains("shop/ReviewsApi");
        assertThat(plain.methodGuards()).isEmpty();
    }

    @Test
    void conditionalOnClassOnAMethodStaysOnItsSerializableLambdaAndTheCodeRemakingIt() throws IOException {
        ClassUse use = read(GuardedSerializableLambda.class);

        assertThat(use.uses()).doesNotContain(REVIEWS);
        assertThat(use.methodGuards().keySet()).anyMatch(method -> method.startsWith("lambda$reviews$"))
                .anyMatch(method -> method.startsWith("$deserializeLambda$"));
        assertThat(use.methodGuards().values()).allSatisfy(guards -> assertThat(guards).containsExactly(REVIEWS));
    }

    @Test
    void theCodeRemakingSerializableLambdasIsGuardedOnlyWhenEveryMethodMakingOneIs() throws IOException {
        ClassUse use = read(PartlyGuardedSerializableLambdas.class);

        assertThat(use.uses()).contains(REVIEWS);
        assertThat(use.methodGuards().keySet()).anyMatch(method -> method.startsWith("lambda$reviews$"))
                .noneMatch(method -> method.startsWith("$deserializeLambda$") || method.startsWith("lambda$other$"));
    }

    @Test
    void aMethodThatAMethodReferenceOfAGuardedMethodNamesIsNotGuarded() throws IOException {
        ClassUse use = read(GuardedMethodReference.class);

        assertThat(use.uses()).contains(REVIEWS);
        assertThat(use.methodGuards()).containsOnlyKeys("reviews()Ljava/util/function/Function;");
    }

    @Test
    void anAnonymousClassNamesTheMethodItIsDeclaredInWhoseGuardsItsClassKeeps() throws IOException {
        ClassUse outer = read(GuardedAnonymous.class);
        ClassUse anonymous = read(new GuardedAnonymous().reviews(null).getClass());

        assertThat(anonymous.uses()).contains(REVIEWS);
        assertThat(anonymous.outer()).isEqualTo(internal(GuardedAnonymous.class));
        assertThat(anonymous.outerMethod()).isEqualTo("reviews(Ljava/lang/Object;)Ljava/util/function/Supplier;");
        assertThat(outer.methodGuards()).containsOnlyKeys(anonymous.outerMethod());
        assertThat(outer.methodGuards().get(anonymous.outerMethod())).containsExactly(REVIEWS);
        assertThat(read(GuardedMethod.class).outerMethod()).isNull();
    }

    @Test
    void aSignatureNamesEachClassTypeNotTheTypeVariablesNorAPartOfAName() {
        Set<String> names = new HashSet<>();
        UsedNames.addSignature(names, "<L:Ljava/lang/Object;>Lp/Base<TL;>;Ljava/util/function/Supplier<[Lt7/catalog/ReviewsApi;>;");
        UsedNames.addSignature(names, "(Lp/Outer<-Lp/Arg;>.Inner<*>;)TL;");

        assertThat(names).contains("java/lang/Object", "p/Base", "java/util/function/Supplier", "t7/catalog/ReviewsApi",
                "p/Outer", "p/Arg", "p/Outer$Inner").doesNotContain("t7/catalog/ReviewsApiV2", "Inner", "L", "ava/lang/Object");
    }

    @Test
    void aSignatureNamesTheInnerClassOfAGenericOuterOneByItsBinaryName() {
        Set<String> names = new HashSet<>();
        UsedNames.addSignature(names, "Lp/Outer<TT;>.Inner;");
        UsedNames.addSignature(names, "(Lq/Map<Lq/Key<TK;>.Entry;TV;>.Node<TK;>.Leaf;)V");

        assertThat(names).containsExactlyInAnyOrder("p/Outer", "p/Outer$Inner", "q/Map", "q/Key", "q/Key$Entry",
                "q/Map$Node", "q/Map$Node$Leaf");
    }

    private static ClassUse read(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream("/" + internal(type) + ".class")) {
            return ClassUse.read(in.readAllBytes());
        }
    }

    /** @param simpleName a class of package {@code shop} that Kotlin compiled, kept as a test resource */
    private static ClassUse readKotlin(String simpleName) throws IOException {
        try (InputStream in = ClassUseTest.class.getResourceAsStream("/kotlin-lambdas/" + simpleName + ".class.bin")) {
            return ClassUse.read(in.readAllBytes());
        }
    }

    private static String internal(Class<?> type) {
        return type.getName().replace('.', '/');
    }
}

package dev.forum.extraction.runtime.topology.guarded.widgets;

import dev.forum.extraction.runtime.topology.guarded.catalog.ReviewsApi;
import java.io.Serializable;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * {@code @Bean} methods whose own code does not name {@link ReviewsApi}: only the code compiled out of them does, a
 * lambda's body or an anonymous class, guarded by {@code @ConditionalOnClass} on the method, or not
 * ({@code GuardedCodeContractsTest}). Compiled by javac, read as class files, never run.
 */
public final class ReviewBeans {

    private ReviewBeans() {
    }

    /** A guarded method's lambda uses the contract. */
    public static class GuardedLambda {

        @Bean
        @ConditionalOnClass(ReviewsApi.class)
        Supplier<String> reviewTitles(ApplicationContext context) {
            return () -> context.getBean(ReviewsApi.class).list();
        }
    }

    /**
     * A guarded method's serializable lambda captures the contract, so {@code $deserializeLambda$}, which remakes it,
     * names the contract too.
     */
    public static class GuardedSerializableLambda {

        @Bean
        @ConditionalOnClass(ReviewsApi.class)
        Supplier<String> reviewTitles(ApplicationContext context) {
            ReviewsApi reviews = context.getBean(ReviewsApi.class);
            return (Supplier<String> & Serializable) () -> reviews.list();
        }
    }

    /** A guarded method's anonymous class uses the contract. */
    public static class GuardedAnonymous {

        @Bean
        @ConditionalOnClass(ReviewsApi.class)
        Supplier<String> reviewTitles(ApplicationContext context) {
            return new Supplier<>() {
                @Override
                public String get() {
                    return context.getBean(ReviewsApi.class).list();
                }
            };
        }
    }

    /** {@link GuardedLambda} without the guard. */
    public static class PlainLambda {

        @Bean
        Supplier<String> reviewTitles(ApplicationContext context) {
            return () -> context.getBean(ReviewsApi.class).list();
        }
    }

    /** {@link GuardedAnonymous} without the guard. */
    public static class PlainAnonymous {

        @Bean
        Supplier<String> reviewTitles(ApplicationContext context) {
            return new Supplier<>() {
                @Override
                public String get() {
                    return context.getBean(ReviewsApi.class).list();
                }
            };
        }
    }
}

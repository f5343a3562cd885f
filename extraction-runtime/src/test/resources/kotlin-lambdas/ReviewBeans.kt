// ClassUseTest's Kotlin fixture, kept compiled next to this file: built by Kotlin 2.3.21 (the build's kotlin.version;
// default -Xlambdas=indy; -jvm-target 17) with ReviewsApi.kt, against spring-boot-autoconfigure and spring-context;
// only the two bean classes' files are kept. Kotlin 2 compiles a lambda's body to a private static final method named
// <method>$lambda$N (a lambda in it: <method>$lambda$N$M), which is not synthetic.
package shop

import java.util.function.Supplier
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass
import org.springframework.context.annotation.Bean

class GuardedReviewBeans {

    @Bean
    @ConditionalOnClass(ReviewsApi::class)
    fun reviews(api: ReviewsApi) = Supplier { Supplier { api.list() } }
}

class PlainReviewBeans {

    @Bean
    fun reviews(api: ReviewsApi) = Supplier { api.list() }
}

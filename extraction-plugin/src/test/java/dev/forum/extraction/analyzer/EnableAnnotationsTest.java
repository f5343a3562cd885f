package dev.forum.extraction.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What each kind of {@code @Enable*} does to a process without it, and the Jackson 2 customizer's Spring Boot 4 name. */
class EnableAnnotationsTest {

    private static final String AUDIT = "org.springframework.data.annotation.";

    private static Object effect(String annotation) {
        return EnableAnnotations.of(annotation, "@" + annotation.substring(annotation.lastIndexOf('.') + 1)).get("effect");
    }

    /** Spring Session's switches (servlet and reactive, every store) change where every session lives: they block. */
    @Test
    void springSessionSwitchesChangeEveryAnswer() {
        for (String session : List.of("org.springframework.session.config.annotation.web.http.EnableSpringHttpSession",
                "org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession",
                "org.springframework.session.data.redis.config.annotation.web.http.EnableRedisIndexedHttpSession",
                "org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession",
                "org.springframework.session.config.annotation.web.server.EnableSpringWebSession",
                "org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession")) {
            assertEquals(ApplicationWideBeans.BLOCKS, effect(session), session);
        }
    }

    /**
     * Each auditing switch enables the four auditing annotations, Spring Data's Auditable type and JPA's auditing
     * listener (by their real names, as in spring-data-commons and spring-data-jpa 4.1); Spring Boot's own switches
     * count for nothing.
     */
    @Test
    void auditingSwitchesEnableTheAuditingAnnotations() {
        List<String> audited = List.of(AUDIT + "CreatedBy", AUDIT + "CreatedDate", AUDIT + "LastModifiedBy",
                AUDIT + "LastModifiedDate", "org.springframework.data.domain.Auditable",
                "org.springframework.data.jpa.domain.support.AuditingEntityListener");
        for (String auditing : List.of("org.springframework.data.jpa.repository.config.EnableJpaAuditing",
                "org.springframework.data.jdbc.repository.config.EnableJdbcAuditing",
                "org.springframework.data.mongodb.config.EnableMongoAuditing",
                "org.springframework.data.r2dbc.config.EnableR2dbcAuditing")) {
            assertEquals(ApplicationWideBeans.ENABLES, effect(auditing), auditing);
            assertEquals(audited, EnableAnnotations.of(auditing, "@x").get("needs"), auditing);
        }
        assertNull(EnableAnnotations.of("org.springframework.transaction.annotation.EnableTransactionManagement", "@x"));
        assertEquals(ApplicationWideBeans.WARNS, effect("org.springframework.kafka.annotation.EnableKafka"));
    }

    /** A Jackson 2 customizer bean blocks under its Spring Boot 4 name as under Spring Boot 3's. */
    @Test
    void theJackson2CustomizerBlocksUnderBothNames() {
        for (String customizer : List.of("org.springframework.boot.jackson2.autoconfigure.Jackson2ObjectMapperBuilderCustomizer",
                "org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer")) {
            assertEquals(ApplicationWideBeans.BLOCKS, ApplicationWideBeans.BEAN_TYPES.get(customizer).effect(), customizer);
        }
        assertEquals(ApplicationWideBeans.BLOCKS, ApplicationWideBeans.BEAN_TYPES
                .get("org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer").effect());
    }
}

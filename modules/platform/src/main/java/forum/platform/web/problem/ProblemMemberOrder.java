package forum.platform.web.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every problem document has its members in one order, whichever layer writes it: {@code type, title, status,
 * detail, instance}, then the problem's own properties ({@code errors}, ...), as {@link ProblemResponses} writes
 * them for the layers before Spring MVC. Jackson 3 sorts a class's properties alphabetically by default, so
 * without this Spring MVC's problems began with {@code detail} and the filters' with {@code type}. Order does not
 * change what a problem means (RFC 9457); it makes the two layers' answers read alike.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemMemberOrder {

    /**
     * A module of the application's {@code JsonMapper} (Spring Boot registers every {@link JacksonModule} bean) that
     * writes {@link ProblemDetail} with {@link Members}. A module's mixins are applied when the mapper is built,
     * after the mixin Spring Boot adds for the same class, which this one replaces.
     */
    @Bean
    public JacksonModule problemDetailMembersInOrder() {
        SimpleModule module = new SimpleModule("forum-problem-member-order");
        module.setMixInAnnotation(ProblemDetail.class, Members.class);
        return module;
    }

    /**
     * The members in RFC 9457's order; empty ones left out and the properties written as members of their own, as
     * Spring's own mixin for {@link ProblemDetail} does.
     */
    @JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    interface Members {

        @JsonAnySetter
        void setProperty(String name, Object value);

        @JsonAnyGetter
        Map<String, Object> getProperties();
    }
}

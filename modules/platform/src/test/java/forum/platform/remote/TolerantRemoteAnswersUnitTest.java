package forum.platform.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class TolerantRemoteAnswersUnitTest {

    record Thread(long id, String title) {
    }

    /** The application's mapper refuses fields it does not know, as it must for what clients send. */
    private static final JsonMapper STRICT = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** A newer version of the module, during a canary: one field more than this version knows. */
    private static final String NEWER_ANSWER = "{\"id\":7,\"title\":\"Snacks\",\"pinned\":true}";

    private static Thread read(RestClient.Builder builder) {
        MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
        server.expect(requestTo("http://threads.example/api/threads/7")).andRespond(withSuccess(NEWER_ANSWER, MediaType.APPLICATION_JSON));
        return builder.build().get().uri("http://threads.example/api/threads/7").retrieve().body(Thread.class);
    }

    @Test
    void a_remote_modules_answer_with_a_field_this_version_does_not_know_is_read() {
        RestClient.Builder builder = RestClient.builder();
        new TolerantRemoteAnswers(STRICT).customize(builder);
        assertThat(read(builder)).isEqualTo(new Thread(7, "Snacks"));
    }

    @Test
    void without_it_the_strict_mapper_refuses_the_same_answer() {
        RestClient.Builder strict = RestClient.builder()
                .configureMessageConverters(converters -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(STRICT)));
        assertThat(catchThrowable(() -> read(strict))).isNotNull();
    }
}

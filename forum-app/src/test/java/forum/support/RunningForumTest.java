package forum.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test of the forum running on a random port, talked to over real HTTP: {@link #http} as nobody,
 * {@link #marceline} (user 1) with the token the login route gave her.
 */
public abstract class RunningForumTest {

    /** One login per running forum: a token lasts 15 minutes, longer than any test class. */
    private static final Map<Integer, String> TOKENS = new ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;
    protected ForumHttp http;
    protected ForumHttp marceline;

    @BeforeEach
    protected void connectClient() {
        http = new ForumHttp(port);
        String token = TOKENS.computeIfAbsent(port,
                ignored -> http.loggedInAs(SampleUsers.MARCELINE, SampleUsers.MARCELINE_PASSWORD).token());
        marceline = http.withToken(token);
    }
}

package forum.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A test of the forum running on a random port, talked to over real HTTP by {@link #http}. */
public abstract class RunningForumTest {

    @LocalServerPort
    protected int port;
    protected ForumHttp http;

    @BeforeEach
    protected void connectClient() {
        http = new ForumHttp(port);
    }
}

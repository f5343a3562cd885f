package forum.platform.web.error;

import org.apache.coyote.UpgradeProtocol;
import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's NIO HTTP/1.1 protocol handler (Spring Boot's default), which answers a connection that opens with HTTP/2's
 * client connection preface with a 505 problem ({@link PriorKnowledgeHttp2Refusal}) instead of closing it without a
 * byte. Where HTTP/2 is on ({@code server.http2.enabled}, Tomcat's {@code Http2Protocol}), that protocol takes the
 * connection as before. The connector's protocol, set by {@link ProblemsConfiguration}; public with a public
 * constructor because Tomcat makes it from its class name.
 */
public class Http11NioProtocolRefusingHttp2 extends Http11NioProtocol {

    private final UpgradeProtocol refusal = new PriorKnowledgeHttp2Refusal();

    /**
     * @param name the protocol Tomcat looks up: {@code h2c} for a connection that opened with the preface or a
     *             request with {@code Upgrade: h2c}, else what the request's {@code Upgrade} names
     * @return the configured upgrade protocol of that name; for {@code h2c} with none configured, the refusal
     */
    @Override
    public UpgradeProtocol getUpgradeProtocol(String name) {
        UpgradeProtocol configured = super.getUpgradeProtocol(name);
        return configured == null && PriorKnowledgeHttp2Refusal.H2C.equals(name) ? refusal : configured;
    }
}

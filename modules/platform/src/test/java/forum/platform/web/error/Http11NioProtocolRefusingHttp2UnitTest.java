package forum.platform.web.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.apache.coyote.Adapter;
import org.apache.coyote.http2.Http2Protocol;
import org.junit.jupiter.api.Test;

/**
 * Which protocol Tomcat finds for a connection that opens with HTTP/2's preface (the name {@code h2c}): the 505
 * refusal when HTTP/2 is off, Tomcat's own HTTP/2 when it is on; other names as configured. In: the protocol handler
 * initialised on a free loopback port (Tomcat fills its table of upgrade protocols then); out: the lookup.
 */
class Http11NioProtocolRefusingHttp2UnitTest {

    @Test
    void h2c_finds_the_refusal_when_http2_is_off_and_tomcats_http2_when_it_is_on() throws Exception {
        Http11NioProtocolRefusingHttp2 plain = initialised(new Http11NioProtocolRefusingHttp2());
        try {
            assertThat(plain.getUpgradeProtocol("h2c")).isInstanceOf(PriorKnowledgeHttp2Refusal.class);
            assertThat(plain.getUpgradeProtocol("websocket")).isNull();
            assertThat(plain.getUpgradeProtocol("H2C")).as("upgrade names are tokens Tomcat matches exactly").isNull();
        } finally {
            plain.destroy();
        }

        Http11NioProtocolRefusingHttp2 http2 = new Http11NioProtocolRefusingHttp2();
        http2.addUpgradeProtocol(new Http2Protocol());
        initialised(http2);
        try {
            assertThat(http2.getUpgradeProtocol("h2c")).isInstanceOf(Http2Protocol.class);
        } finally {
            http2.destroy();
        }
    }

    @Test
    void the_refusal_declines_an_upgrade_request_and_answers_the_preface_with_a_whole_505_problem() {
        PriorKnowledgeHttp2Refusal refusal = new PriorKnowledgeHttp2Refusal();
        assertThat(refusal.accept(new org.apache.coyote.Request())).as("Upgrade: h2c is served in HTTP/1.1").isFalse();
        assertThat(refusal.getHttpUpgradeName(false)).as("not offered by name").isNull();
        assertThat(refusal.getAlpnName()).isNull();

        String answer = new String(PriorKnowledgeHttp2Refusal.answer(), StandardCharsets.US_ASCII);
        int end = answer.indexOf("\r\n\r\n");
        String head = answer.substring(0, end);
        String body = answer.substring(end + 4);
        assertThat(head).startsWith("HTTP/1.1 505 \r\n").contains("\r\nContent-Type: application/problem+json\r\n",
                "\r\nConnection: close", "\r\nContent-Length: " + body.length() + "\r\n");
        assertThat(body).startsWith("{\"type\":\"urn:forum:problem:http-version-not-supported\"")
                .contains("\"status\":505", PriorKnowledgeHttp2Refusal.DETAIL).doesNotContain("instance");
    }

    private static Http11NioProtocolRefusingHttp2 initialised(Http11NioProtocolRefusingHttp2 protocol) throws Exception {
        protocol.setAddress(InetAddress.getLoopbackAddress());
        protocol.setPort(0);
        // Tomcat's connector gives the handler its adapter before init; no request reaches it here.
        protocol.setAdapter(mock(Adapter.class));
        protocol.init();
        return protocol;
    }
}

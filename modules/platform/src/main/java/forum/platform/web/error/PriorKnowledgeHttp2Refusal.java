package forum.platform.web.error;

import forum.platform.web.problem.ProblemResponses;
import forum.platform.web.problem.ProblemType;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.coyote.Adapter;
import org.apache.coyote.Processor;
import org.apache.coyote.Request;
import org.apache.coyote.UpgradeProtocol;
import org.apache.coyote.UpgradeToken;
import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;
import org.apache.coyote.http11.upgrade.UpgradeProcessorInternal;
import org.apache.tomcat.util.http.FastHttpDateFormat;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.SSLSupport;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.springframework.http.ProblemDetail;

/**
 * What Tomcat hands a connection that opens with HTTP/2's client connection preface ({@code PRI * HTTP/2.0}, a client
 * with prior knowledge of HTTP/2, RFC 9113 3.3 and 3.4) on a connector that does not speak HTTP/2: a 505
 * {@code http-version-not-supported} problem in HTTP/1.1, then the connection closes. Without it Tomcat closes such a
 * connection without a byte, and the client is left guessing; the preface was made to look like a request an
 * HTTP/1.1 server refuses (RFC 9113 3.4), and this refuses it as the forum refuses any version it does not take
 * ({@link ProblemErrorReportValve}). An HTTP/2 client stops at the answer's first bytes, which are not the SETTINGS frame
 * it expects (nghttp2, under curl, says "SETTINGS expected" to the server); anyone reading the bytes (a capture, a
 * balancer's log, a client that speaks HTTP/1.1) reads why. A request asking to upgrade ({@code Upgrade: h2c}) is not refused: it is served in
 * HTTP/1.1, which RFC 9110 7.8 lets a server do. Found by Tomcat through {@link Http11NioProtocolRefusingHttp2}.
 */
final class PriorKnowledgeHttp2Refusal implements UpgradeProtocol {

    /** The name Tomcat looks an HTTP/2 connection's protocol up by, for a preface and for {@code Upgrade: h2c}. */
    static final String H2C = "h2c";
    /** The detail of the 505. */
    static final String DETAIL = ProblemErrorReportValve.versionNotTaken("HTTP/2.0")
            + " (PRI * HTTP/2.0 opens HTTP/2's client connection preface, RFC 9113 3.4)";
    /** At most this much of what the client sent after the preface is read and dropped before the connection closes. */
    private static final int DRAIN_LIMIT = 64 * 1024;

    /** Not offered to clients by name: Tomcat would log that the connector upgrades to h2c, which it does not. */
    @Override
    public String getHttpUpgradeName(boolean isSSLEnabled) {
        return null;
    }

    @Override
    public byte[] getAlpnIdentifier() {
        return null;
    }

    @Override
    public String getAlpnName() {
        return null;
    }

    /** The processor of a connection that opened with the preface: it answers the 505 and has the connection closed. */
    @Override
    public Processor getProcessor(SocketWrapperBase<?> socketWrapper, Adapter adapter) {
        return new UpgradeProcessorInternal(socketWrapper, new UpgradeToken(new Refusal(), null, null, H2C), null);
    }

    @Override
    public InternalHttpUpgradeHandler getInternalUpgradeHandler(SocketWrapperBase<?> socketWrapper, Adapter adapter,
            Request request) {
        return new Refusal();
    }

    /** {@code Upgrade: h2c} is declined: the request is served in HTTP/1.1. */
    @Override
    public boolean accept(Request request) {
        return false;
    }

    /** The 505 {@code http-version-not-supported} problem for HTTP/2's connection preface, with no instance. */
    static ProblemDetail problem() {
        return ProblemType.HTTP_VERSION_NOT_SUPPORTED.problem(DETAIL);
    }

    /**
     * The answer, whole: status line, head and a problem document.
     *
     * @return its bytes, ASCII
     */
    static byte[] answer() {
        String problem = ProblemResponses.toAsciiJson(problem());
        String head = "HTTP/1.1 505 \r\nContent-Type: " + ProblemResponses.CONTENT_TYPE + "\r\nContent-Length: "
                + problem.length() + "\r\nDate: " + FastHttpDateFormat.getCurrentDate() + "\r\nConnection: close\r\n\r\n";
        return (head + problem).getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes {@link #answer()} on the first event of the connection and has Tomcat close it. */
    private static final class Refusal implements InternalHttpUpgradeHandler {

        private SocketWrapperBase<?> socket;
        private boolean answered;

        @Override
        public void setSocketWrapper(SocketWrapperBase<?> wrapper) {
            this.socket = wrapper;
        }

        @Override
        public SocketState upgradeDispatch(SocketEvent status) {
            if (!answered && socket != null && status == SocketEvent.OPEN_READ) {
                answered = true;
                try {
                    byte[] answer = answer();
                    socket.write(true, answer, 0, answer.length);
                    socket.flush(true);
                    drain();
                } catch (IOException gone) {
                    // The client closed first: there is no one to tell.
                }
            }
            return SocketState.CLOSED;
        }

        /**
         * Reads what the client has already sent after the preface (its SETTINGS frame, often a request's frames), so
         * the close is a FIN: a socket closed with unread bytes resets the connection, and a reset can reach the
         * client before it has read the answer.
         */
        private void drain() throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            int total = 0;
            int read;
            while (total < DRAIN_LIMIT && (read = socket.read(false, buffer)) > 0) {
                total += read;
                buffer.clear();
            }
        }

        @Override
        public void init(WebConnection connection) {
        }

        @Override
        public void destroy() {
        }

        @Override
        public void timeoutAsync(long now) {
        }

        @Override
        public void setSslSupport(SSLSupport sslSupport) {
        }

        @Override
        public void pause() {
        }
    }
}

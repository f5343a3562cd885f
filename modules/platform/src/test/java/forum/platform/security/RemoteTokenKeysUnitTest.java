package forum.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The keys of a process whose token issuer is remote, fetched from the issuer's JWK set over real HTTP: a key id the
 * issuer does not publish finds no key however often it is asked (so its token is a 401), never an error that the
 * keys cannot be fetched (a 503 telling the holder of a forged or retired token to try again); and asking does not
 * make the issuer be fetched more than once per refetch interval.
 */
class RemoteTokenKeysUnitTest {

    @Test
    void an_unknown_key_id_finds_no_key_every_time_and_is_looked_up_at_most_once_per_interval() throws Exception {
        ECKey published = new ECKeyGenerator(Curve.P_256).keyID("published").generate();
        byte[] keySet = new JWKSet(published.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        AtomicInteger fetches = new AtomicInteger();
        // A one-route HTTP/1.1 issuer on loopback, one request per connection (the JDK's HttpServer is not readable
        // from the named module these tests are compiled into).
        ServerSocket issuer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!issuer.isClosed()) {
                try (Socket connection = issuer.accept()) {
                    BufferedReader request = new BufferedReader(
                            new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
                    String line = request.readLine();
                    while (line != null && !line.isEmpty()) {
                        line = request.readLine();
                    }
                    fetches.incrementAndGet();
                    OutputStream answer = connection.getOutputStream();
                    answer.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                            + "Content-Length: " + keySet.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    answer.write(keySet);
                } catch (IOException closed) {
                    // the test is over
                }
            }
        });
        try {
            String baseUrl = "http://127.0.0.1:" + issuer.getLocalPort();
            TokenSettings settings = new TokenSettings("users", "/api/users/jwks.json", null, Duration.ofSeconds(60), null);
            JWKSource<SecurityContext> keys = TokenVerification.remote(baseUrl + "/api/users/jwks.json", settings);

            assertThat(keys.get(byKeyId("published"), null)).extracting(JWK::getKeyID).containsExactly("published");
            for (int i = 0; i < 8; i++) {
                List<JWK> found = keys.get(byKeyId("forged-" + (i % 2)), null);
                assertThat(found).as("lookup %s of an unknown key id", i + 1).isEmpty();
            }
            assertThat(keys.get(byKeyId("published"), null)).as("the published key is still found").hasSize(1);
            assertThat(fetches.get()).as("fetches of the JWK set within one 30 s refetch interval").isBetween(1, 3);
        } finally {
            issuer.close();
        }
    }

    private static JWKSelector byKeyId(String keyId) {
        return new JWKSelector(new JWKMatcher.Builder().keyID(keyId).build());
    }
}

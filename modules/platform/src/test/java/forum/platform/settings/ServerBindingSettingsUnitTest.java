package forum.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Which ports and addresses a server could bind to, and that a real context refuses the others before any bean. */
class ServerBindingSettingsUnitTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "3000", "65535", "-1", " 8080 "})
    void aPortFromMinusOneTo65535IsTaken(String port) {
        assertThatCode(() -> ServerBindingSettings.checkPort("server.port", port)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"65536", "99999", "-2", "abc", "3000,3001", "", "2147483648"})
    void anyOtherPortIsRefusedNamingTheSetting(String port) {
        Throwable refused = catchThrowable(() -> ServerBindingSettings.checkPort("management.server.port", port));

        assertThat(refused).isInstanceOf(InvalidSettingException.class)
                .hasMessage("management.server.port=" + port + ": a port is a whole number from 1 to 65535"
                        + " (0: any free port, -1: no HTTP server)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "0.0.0.0", "localhost", "::"})
    void anAddressOfThisMachineIsTaken(String address) {
        assertThatCode(() -> ServerBindingSettings.checkAddress("server.address", address)).doesNotThrowAnyException();
    }

    @Test
    void anAddressOfAnotherMachineIsRefused() {
        // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never an interface's address.
        assertThat(catchThrowable(() -> ServerBindingSettings.checkAddress("server.address", "192.0.2.7")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("server.address=192.0.2.7: 192.0.2.7 is not an address of this machine");
    }

    @Test
    void aNameThatResolvesToNothingIsRefused() {
        // .invalid never resolves (RFC 6761).
        assertThat(catchThrowable(() -> ServerBindingSettings.checkAddress("management.server.address", "forum.invalid")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("management.server.address=forum.invalid: no such host");
    }

    @Test
    void aContextWithAnUnbindablePortStopsBeforeMakingAnyBean() {
        Throwable failure = catchThrowable(() -> {
            try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test",
                        Map.of("server.port", "3000", "management.server.port", "99999")));
                context.register(ServerBindingSettings.class, NeverMade.class);
                context.refresh();
            }
        });

        assertThat(failure).isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("management.server.port=99999:");
        assertThat(NeverMade.made).isFalse();
    }

    static class NeverMade {
        static boolean made;

        NeverMade() {
            made = true;
        }
    }
}

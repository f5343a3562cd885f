package forum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which client an address counts as, for the per-client limits: an IPv4 address, or an IPv6 /64 network. */
class ClientAddressUnitTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            203.0.113.7                             | 203.0.113.7
            ::ffff:203.0.113.7                      | 203.0.113.7
            2001:db8:1:2::1                         | 2001:db8:1:2::/64
            2001:db8:1:2:ffff:ffff:ffff:fffe        | 2001:db8:1:2::/64
            2001:0DB8:0001:0002:0:0:0:9             | 2001:db8:1:2::/64
            2001:db8::7:0:0:0:1                     | 2001:db8:0:7::/64
            0:0:0:0:0:0:0:1                         | 0:0:0:0::/64
            fe80::1%eth0                            | fe80:0:0:0::/64
            in-process                              | in-process
            not:an:address                          | not:an:address
            """)
    void a_client_is_an_ipv4_address_or_an_ipv6_network_of_64_bits(String address, String client) {
        assertThat(ClientAddress.of(address)).isEqualTo(client);
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2001:db8:1:2::1     | 2001:db8:1:3::1
            203.0.113.7         | 203.0.113.8
            """)
    void neighbours_in_other_networks_are_other_clients(String one, String other) {
        assertThat(ClientAddress.of(one)).isNotEqualTo(ClientAddress.of(other));
    }
}

package forum.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainDecimalUnitTest {

    @Test
    void plain_decimal_digits_are_read() {
        assertThat(PlainDecimal.parseLong("0")).isZero();
        assertThat(PlainDecimal.parseLong("42")).isEqualTo(42);
        assertThat(PlainDecimal.parseLong("-1")).isEqualTo(-1);
        assertThat(PlainDecimal.parseLong("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(PlainDecimal.parseInt("1000")).isEqualTo(1000);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", " 1", "1 ", "+1", "01", "-01", "00", "0x10", "#10", "1e2", "1.0", "1_000", "1,000",
            "\u0661", "\uff11", "--1", "-", "-0", "-00", "9223372036854775808"})
    void any_other_spelling_is_refused(String text) {
        assertThatThrownBy(() -> PlainDecimal.parseLong(text)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void an_int_must_fit() {
        assertThatThrownBy(() -> PlainDecimal.parseInt("2147483648")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> PlainDecimal.parseInt(null)).isInstanceOf(NumberFormatException.class);
    }
}

package forum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** If-Match and If-None-Match as RFC 9110 writes them (8.8.3, 13.1.1, 13.1.2): parsed, compared strongly and weakly. */
class EntityTagsUnitTest {

    private static Optional<EntityTags> parse(String... values) {
        return EntityTags.parse("If-Match", Collections.enumeration(List.of(values)));
    }

    @Test
    void a_field_is_a_star_or_a_list_of_tags_over_one_or_more_lines() {
        assertThat(parse("*")).hasValue(new EntityTags(true, List.of()));
        assertThat(parse(" * ")).hasValue(new EntityTags(true, List.of()));
        assertThat(parse("\"a\"")).hasValue(new EntityTags(false, List.of("\"a\"")));
        assertThat(parse("W/\"a\",\"b\" ,  \"c,d\"")).hasValue(new EntityTags(false, List.of("W/\"a\"", "\"b\"", "\"c,d\"")));
        assertThat(parse("\"a\"", "\"b\"")).hasValue(new EntityTags(false, List.of("\"a\"", "\"b\"")));
        assertThat(parse("\"\"")).hasValue(new EntityTags(false, List.of("\"\"")));
        assertThat(parse(", \"a\",,")).hasValue(new EntityTags(false, List.of("\"a\"")));
    }

    @Test
    void a_field_not_sent_is_empty() {
        assertThat(parse()).isEmpty();
        assertThat(EntityTags.parse("If-Match", null)).isEmpty();
    }

    @Test
    void a_field_sent_listing_nothing_is_the_empty_list_that_nothing_matches() {
        for (String[] sent : List.of(new String[] {""}, new String[] {" , "}, new String[] {",", ""})) {
            EntityTags none = parse(sent).orElseThrow();
            assertThat(none).isEqualTo(new EntityTags(false, List.of()));
            assertThat(none.matchStrongly("\"a\"", true)).as("If-Match of no tag fails").isFalse();
            assertThat(none.matchStrongly(null, true)).isFalse();
            assertThat(none.matchWeakly("\"a\"", true)).as("If-None-Match of no tag holds").isFalse();
        }
    }

    @Test
    void anything_else_is_malformed_and_says_what_to_send() {
        for (String malformed : List.of("nope", "\"abc", "*, \"a\"", "\"a\"\"b\"", "W/ \"a\"", "w/\"a\"", "\"a b\"", "'a'", "\"a\";q=1")) {
            assertThatThrownBy(() -> parse(malformed)).as(malformed).isInstanceOf(EntityTags.MalformedException.class)
                    .hasMessage("The If-Match field must be * or a list of entity tags in double quotes (\"abc\" or W/\"abc\","
                            + " separated by commas), not " + malformed);
        }
        assertThatThrownBy(() -> parse("x".repeat(500))).hasMessageEndingWith("x".repeat(60) + "...");
    }

    @Test
    void if_match_compares_strongly_and_star_asks_only_that_the_target_exists() {
        EntityTags tags = parse("\"0123\", \"abcd\"").orElseThrow();
        assertThat(tags.matchStrongly("\"abcd\"", true)).isTrue();
        assertThat(tags.matchStrongly("\"ab\"", true)).isFalse();
        assertThat(tags.matchStrongly(null, true)).as("no tag to match").isFalse();
        assertThat(parse("W/\"abcd\"").orElseThrow().matchStrongly("\"abcd\"", true)).isFalse();
        assertThat(tags.matchStrongly("W/\"abcd\"", true)).isFalse();
        assertThat(parse("*").orElseThrow().matchStrongly(null, true)).isTrue();
        assertThat(parse("*").orElseThrow().matchStrongly(null, false)).isFalse();
    }

    @Test
    void if_none_match_compares_weakly() {
        assertThat(parse("W/\"abcd\"").orElseThrow().matchWeakly("\"abcd\"", true)).isTrue();
        assertThat(parse("\"abcd\"").orElseThrow().matchWeakly("W/\"abcd\"", true)).isTrue();
        assertThat(parse("\"abcd\"").orElseThrow().matchWeakly("\"abc\"", true)).isFalse();
        assertThat(parse("\"abcd\"").orElseThrow().matchWeakly(null, true)).isFalse();
        assertThat(parse("*").orElseThrow().matchWeakly(null, true)).isTrue();
    }
}

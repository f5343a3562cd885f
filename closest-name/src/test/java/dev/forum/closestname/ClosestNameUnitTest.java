package dev.forum.closestname;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClosestNameUnitTest {

    private static final List<String> MODULES = List.of("catalog", "orders", "ratings", "reviews");

    @Test
    void suggestsTheNameWithinOneEditForShortNamesAndTwoForLongerOnes() {
        assertEquals(Optional.of("orders"), ClosestName.of("ordrs", MODULES));
        assertEquals(Optional.of("catalog"), ClosestName.of("catlaog", MODULES));
        assertEquals(Optional.of("reviews"), ClosestName.of("Reviews", MODULES));
        assertEquals(Optional.of("beta"), ClosestName.of("betx", List.of("alpha", "beta")));
        assertEquals(Optional.empty(), ClosestName.of("delta", List.of("alpha", "beta", "gamma")));
        assertEquals(Optional.empty(), ClosestName.of("shipping", MODULES));
        assertEquals(Optional.empty(), ClosestName.of("ab", List.of("cd")));
    }

    @Test
    void aFiveLetterNameTakesTwoEditsWhenFourOfItsLettersStayInOrder() {
        List<String> library = List.of("audit", "books", "loans", "store", "users");
        // A letter dropped and another added.
        assertEquals(Optional.of("loans"), ClosestName.of("lones", library));
        assertEquals(Optional.of("loans"), ClosestName.of("lonse", library));
        assertEquals(Optional.of("books"), ClosestName.of("boosk", library));
        assertEquals(Optional.of("users"), ClosestName.of("usres", library));
        assertEquals(Optional.of("audit"), ClosestName.of("adiit", library));
        // Two letters of five replaced, or a first letter replaced and another dropped: another word.
        assertEquals(Optional.empty(), ClosestName.of("stock", library));
        assertEquals(Optional.empty(), ClosestName.of("boats", library));
        assertEquals(Optional.empty(), ClosestName.of("delta", List.of("alpha", "beta", "gamma")));
        assertEquals(Optional.empty(), ClosestName.of("posts", List.of("parts", "pasta")));
        // Up to four letters: one edit only.
        assertEquals(Optional.of("loan"), ClosestName.of("laon", List.of("loan")));
        assertEquals(Optional.empty(), ClosestName.of("lnoa", List.of("loan")));
    }

    @Test
    void aTieGoesToTheFirstByName() {
        assertEquals(Optional.of("rater"), ClosestName.of("ratex", List.of("rates", "rater")));
        assertEquals(" (did you mean rater?)", ClosestName.hint("ratex", List.of("rater", "rates")));
        assertEquals("", ClosestName.hint("shipping", MODULES));
    }

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, ClosestName.distance("posts", "posts"));
        assertEquals(1, ClosestName.distance("postz", "posts"));
        assertEquals(1, ClosestName.distance("thread", "threads"));
        assertEquals(2, ClosestName.distance("thrads", "threads!"));
        assertEquals(3, ClosestName.distance("", "abc"));
    }

    @Test
    void aSwapOfTwoAdjacentLettersCountsOne() {
        assertEquals(1, ClosestName.distance("lonas", "loans"));
        assertEquals(1, ClosestName.distance("thredas", "threads"));
        assertEquals(2, ClosestName.distance("olnas", "loans"));
        // No part is edited twice: "ca" to "abc" is a deletion, then two insertions, not a swap and an insertion.
        assertEquals(3, ClosestName.distance("ca", "abc"));
        assertEquals(Optional.of("loans"), ClosestName.of("lonas", List.of("books", "loans", "members")));
        assertEquals(" (did you mean members?)", ClosestName.hint("memebrs", List.of("books", "loans", "members")));
        assertEquals(Optional.empty(), ClosestName.of("olans", List.of("books", "members")));
    }
}

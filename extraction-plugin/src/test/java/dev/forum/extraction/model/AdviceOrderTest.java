package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The advice of every blocker names the modules of the one service to make in one order, whatever module the blockers
 * were followed from (user6's library: members -> loans -> notifications by events, members-svc holding members).
 */
class AdviceOrderTest {

    private static final Pattern MODULES = Pattern.compile("\\(modules: \\[([^]]*)]\\)");

    /**
     * members publishes an event loans listens to; loans one that notifications listens to; catalog, tied to none, keeps
     * the advised service from holding every module (which would be the monolith, advised otherwise).
     */
    private static ModulithModel library() {
        BoundaryTest.Shop shop = new BoundaryTest.Shop().module("members", false, List.of("MemberRegistered"))
                .module("loans", false, List.of("BookLent", "internal.BorrowerRegistration"))
                .module("notifications", false, List.of("internal.LoanNotifier"))
                .module("catalog", false, List.of("Catalog"));
        shop.listeners.add(new ModulithModel.Listener("shop.members.MemberRegistered", "shop.loans.internal.BorrowerRegistration", "on"));
        shop.listeners.add(new ModulithModel.Listener("shop.loans.BookLent", "shop.notifications.internal.LoanNotifier", "on"));
        return shop.model();
    }

    /** Every module list the lines of these plans advise. */
    private static Set<String> advised(ModulithModel model, TopologyServices services, String... alone) {
        Set<String> lists = new TreeSet<>();
        for (String module : alone) {
            for (Blocker blocker : Planner.plan(model, List.of(), new ServiceRequest(module, List.of(module)), services).blockers()) {
                Matcher matcher = MODULES.matcher(blocker.message());
                while (matcher.find()) {
                    lists.add(matcher.group(1));
                }
            }
        }
        return lists;
    }

    @Test
    void everyLineAddingToAServiceOfTheFileListsItsModulesInOneOrder() {
        TopologyServices split = new TopologyServices("split.yml", "monolith", Map.of("members-svc", List.of("members")));
        // Before: [members, loans, notifications] for loans and members alone, [members, notifications, loans] for
        // notifications alone (the modules it lacks in the order the blockers were followed from the requested one).
        assertEquals(Set.of("members, loans, notifications"), advised(library(), split, "members", "loans", "notifications"));
    }

    @Test
    void aServiceOfTheFileKeepsTheFilesOrderNotTheNameOrder() {
        // The file lists notifications before members: name order would put members first.
        TopologyServices split = new TopologyServices("split.yml", "monolith",
                Map.of("desk", List.of("notifications", "members")));
        assertEquals(Set.of("notifications, members, loans"), advised(library(), split, "members", "loans", "notifications"));
    }

    @Test
    void everyLineListingANewServiceNamesItsModulesInNameOrder() {
        assertEquals(Set.of("loans, members, notifications"),
                advised(library(), TopologyServices.NONE, "members", "loans", "notifications"));
    }
}

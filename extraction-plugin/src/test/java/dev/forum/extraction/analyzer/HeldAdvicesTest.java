package dev.forum.extraction.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP the module's process answers a contract's call, so an advice for every controller answers it there only
 * where that process holds the advice. (The analyzer's reading of the modules: {@code ValidatedControllerForkTest}.)
 */
class HeldAdvicesTest {

    private static final Optional<String> INVENTORY = Optional.of("inventory");
    private static final Set<String> EVERYWHERE = Set.of("shared", "open");

    @Test
    void theContractsProcessHoldsTheRootPackageTheModulesEveryProcessRunsAndItsOwn() {
        assertEquals(true, HeldAdvices.heldWith(Optional.empty(), INVENTORY, EVERYWHERE), "the root package");
        assertEquals(true, HeldAdvices.heldWith(Optional.of("shared"), INVENTORY, EVERYWHERE), "a shared module");
        assertEquals(true, HeldAdvices.heldWith(Optional.of("open"), INVENTORY, EVERYWHERE), "an open module");
        assertEquals(true, HeldAdvices.heldWith(INVENTORY, INVENTORY, EVERYWHERE), "the contract's own module");
    }

    @Test
    void anotherModulesAdviceIsNotInTheContractsProcess() {
        assertEquals(false, HeldAdvices.heldWith(Optional.of("checkout"), INVENTORY, EVERYWHERE),
                "the caller's module: the inventory service does not hold it");
        assertEquals(false, HeldAdvices.heldWith(Optional.of("checkout"), Optional.empty(), EVERYWHERE),
                "a module's advice, for a contract outside every module");
    }
}

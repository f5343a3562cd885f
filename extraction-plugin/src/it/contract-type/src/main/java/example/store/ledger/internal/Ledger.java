package example.store.ledger.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Work of its own, no controller and no HTTP contract: as a service of its own it gets no requests. */
@Component
class Ledger {

    private final List<String> entries = new ArrayList<>();

    void record(String entry) {
        entries.add(entry);
    }
}

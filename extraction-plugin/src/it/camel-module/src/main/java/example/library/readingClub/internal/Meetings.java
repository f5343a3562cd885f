package example.library.readingClub.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** A module in a camelCase package: a valid module, in no service of the topology file, so it runs in the monolith. */
@Component
class Meetings {

    private final List<String> held = new ArrayList<>();

    void hold(String book) {
        held.add(book);
    }
}

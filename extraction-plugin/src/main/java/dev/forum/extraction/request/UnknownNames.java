package dev.forum.extraction.request;

import dev.forum.extraction.model.ExtractionException;
import java.util.List;

/**
 * A refusal of names the application has no module (or service) for: a requested name ({@code -Dextract=},
 * {@code -Pextract=}) or a module the topology file lists. It carries the names themselves, so that a goal can say
 * where each one's code is (a project of the build the application does not depend on) without reading its lines.
 */
public class UnknownNames extends ExtractionException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> names;

    /**
     * @param lines   one refusal per line, at least one ({@link ExtractionException#ExtractionException(List, String)})
     * @param summary what the build fails with when there are several lines; null: the default
     * @param names   the unknown names the lines refuse, each once, as written (e.g. {@code billing}); at least one
     * @throws IllegalArgumentException when {@code names} is empty
     */
    public UnknownNames(List<String> lines, String summary, List<String> names) {
        super(lines, summary);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("an unknown-names refusal names at least one");
        }
        this.names = List.copyOf(names.stream().distinct().toList());
    }

    /** The unknown names, each once, in the order the lines name them. */
    public List<String> names() {
        return names;
    }
}

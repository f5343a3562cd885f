package dev.forum.extraction.ecs;

import java.util.List;

/**
 * The ECS settings that are out of range or do not fit together ({@link EcsSettings}), every one of them: one build
 * names them all instead of the first alone. An {@link IllegalArgumentException}, as a single wrong setting was.
 */
public final class SettingsMismatch extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    /**
     * @param problems one line each naming the setting and what it takes, at least one
     * @throws IllegalArgumentException when {@code problems} is empty
     */
    public SettingsMismatch(List<String> problems) {
        super(String.join("; ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a settings mismatch needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** The problems, one line each, in the order the settings are checked. */
    public List<String> problems() {
        return problems;
    }
}

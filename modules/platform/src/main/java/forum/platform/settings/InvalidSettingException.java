package forum.platform.settings;

/**
 * A setting whose value the application cannot work with (a budget of 0, a negative wait), thrown while the
 * application starts; {@link InvalidSettingFailureAnalyzer} prints its message, with no stack trace.
 */
public class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one line: the setting(s) with the value(s) given, and what a value must be, e.g.
     *                {@code forum.users.budget.sign-ups=0: a budget needs a limit of 1 or more}
     * @param cause   the rule that refused it, or null
     */
    public InvalidSettingException(String message, Throwable cause) {
        super(message, cause);
    }
}

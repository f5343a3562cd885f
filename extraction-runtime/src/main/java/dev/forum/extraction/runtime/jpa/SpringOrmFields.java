package dev.forum.extraction.runtime.jpa;

import org.springframework.beans.BeansException;
import org.springframework.beans.DirectFieldAccessor;

/**
 * Reads a private field of a Spring ORM object that has no getter for it: the one way this package reads a factory's own
 * persistence unit manager ({@link LocalPersistenceUnitBeanPostProcessor}) and that manager's settings
 * ({@link BuiltUnit}). A Spring ORM whose class no longer has the field, or has it of another type, is refused in one
 * line naming the field, whose it is and what to do.
 */
final class SpringOrmFields {

    private SpringOrmFields() {
    }

    /**
     * @param target the Spring ORM object
     * @param field  the name of its private field
     * @param type   the field's type
     * @param whose  what the object is, for the refusal: {@code the persistence unit manager of entity manager factory
     *               'archive'}
     * @param fix    what to do besides using the Spring ORM of extraction-runtime's Spring Boot version, or empty
     * @return the field's value (null when the field is null)
     * @throws IllegalStateException (one line) when the target's class has no readable field of that name and type
     */
    static <T> T read(Object target, String field, Class<T> type, String whose, String fix) {
        Object value;
        try {
            value = new DirectFieldAccessor(target).getPropertyValue(field);
        } catch (BeansException ex) {
            throw new IllegalStateException(refusal(target, field, whose, "has no such field", fix), ex);
        }
        if (value != null && !type.isInstance(value)) {
            throw new IllegalStateException(refusal(target, field, whose, "holds a " + value.getClass().getName()
                    + " there, not a " + type.getName(), fix));
        }
        return type.cast(value);
    }

    private static String refusal(Object target, String field, String whose, String problem, String fix) {
        return "Cannot read field '" + field + "' of " + whose + ": " + target.getClass().getName()
                + " of this Spring ORM " + problem + "; extraction-runtime supports the Spring ORM of its Spring Boot"
                + " version: use that one" + (fix.isEmpty() ? "" : ", or " + fix);
    }
}

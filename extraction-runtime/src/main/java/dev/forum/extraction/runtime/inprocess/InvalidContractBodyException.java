package dev.forum.extraction.runtime.inprocess;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.server.ResponseStatusException;

/**
 * An in-process call of a contract method refused because a {@code @Valid @RequestBody} (or {@code @RequestPart})
 * argument is invalid: the call Spring MVC refuses over HTTP with a {@link MethodArgumentNotValidException}, whose
 * problem document this one has (status 400, title "Bad Request", detail "Invalid request content.", with the same
 * message codes, so an application's {@code MessageSource} words both alike). Spring's exception is checked, so a
 * contract method cannot throw it: it is this one's cause, with the {@link BindingResult} of the field errors.
 *
 * <p>A {@link ResponseStatusException}, so the caller's Spring MVC (its {@code ResponseEntityExceptionHandler} when
 * {@code spring.mvc.problemdetails.enabled}, else its {@code ResponseStatusExceptionResolver}, with the detail as the
 * error message as Spring MVC gives its own) and Spring WebFlux (likewise, or Spring Boot's error handler) answer it
 * with status 400.
 */
public class InvalidContractBodyException extends ResponseStatusException {

    private static final long serialVersionUID = 1L;

    private final transient MethodArgumentNotValidException invalid;

    /**
     * @param parameter the contract method's parameter whose argument is invalid (as Spring MVC reads it: the
     *     implementing class's method with the interface's parameter annotations)
     * @param errors    the argument's validation errors, at least one
     */
    public InvalidContractBodyException(MethodParameter parameter, BindingResult errors) {
        this(new MethodArgumentNotValidException(parameter, errors));
    }

    private InvalidContractBodyException(MethodArgumentNotValidException invalid) {
        super(HttpStatus.BAD_REQUEST, invalid.getBody().getDetail(), invalid);
        this.invalid = invalid;
    }

    /** @return the invalid argument's field and object errors */
    public BindingResult getBindingResult() {
        return invalid.getBindingResult();
    }

    /** @return the parameter whose argument is invalid */
    public MethodParameter getParameter() {
        return invalid.getParameter();
    }

    /** @return Spring MVC's message: the method, the parameter and each error */
    @Override
    public String getMessage() {
        return invalid.getMessage();
    }

    @Override
    public String getDetailMessageCode() {
        return invalid.getDetailMessageCode();
    }

    @Override
    public String getTitleMessageCode() {
        return invalid.getTitleMessageCode();
    }

    @Override
    public String getTypeMessageCode() {
        return invalid.getTypeMessageCode();
    }

    @Override
    public Object[] getDetailMessageArguments() {
        return invalid.getDetailMessageArguments();
    }

    @Override
    public Object[] getDetailMessageArguments(MessageSource messageSource, Locale locale) {
        return invalid.getDetailMessageArguments(messageSource, locale);
    }
}

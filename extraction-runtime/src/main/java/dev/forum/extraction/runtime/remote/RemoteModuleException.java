package dev.forum.extraction.runtime.remote;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A module in another process failed in a way that is not a domain outcome (answered 502). Its subtypes
 * say it could not be reached (503) or did not answer in time (504). The statuses are Spring MVC's
 * {@link ResponseStatus}, so an application with no handler of its own answers them (through Spring Boot's error
 * page); an application that maps its exceptions to problem details (as the forum does) handles them first. A 4xx
 * answer that no {@link RemoteErrorDecoder} turns back into the application's own exception is one of these (502)
 * when it is about the call between the two processes, not about the request ({@link RemoteErrorResponseException}).
 */
@ResponseStatus(HttpStatus.BAD_GATEWAY)
public class RemoteModuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String module;

    public RemoteModuleException(String module, String message, Throwable cause) {
        super(message, cause);
        this.module = module;
    }

    public String module() {
        return module;
    }
}

package forum.platform.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tutorial's two text routes; its load balancer health check asks for {@code /}. */
@RestController
class RootController {

    @GetMapping(path = "/", produces = "text/plain")
    String root() {
        return "Ready to receive requests";
    }

    @GetMapping(path = {"/api", "/api/"}, produces = "text/plain")
    String api() {
        return "API ready to receive requests";
    }
}

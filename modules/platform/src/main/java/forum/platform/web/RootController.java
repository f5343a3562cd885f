package forum.platform.web;

import forum.platform.CacheableRead;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tutorial's two text routes; its load balancer health check asks for {@code /}. Their answers depend on nothing,
 * so after the first they are given again by the read cache (forum.platform.web.cache), past Spring MVC; public only
 * so that the cache can read these mappings.
 */
@RestController
public final class RootController {

    RootController() {
    }

    @CacheableRead
    @GetMapping(path = "/", produces = "text/plain")
    String root() {
        return "Ready to receive requests";
    }

    @CacheableRead
    @GetMapping(path = {"/api", "/api/"}, produces = "text/plain")
    String api() {
        return "API ready to receive requests";
    }
}

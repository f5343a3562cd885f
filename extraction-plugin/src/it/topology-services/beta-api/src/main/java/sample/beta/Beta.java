package sample.beta;

import sample.kernel.ModuleApi;

@ModuleApi("beta")
// Written without the leading '/': the plugin completes a routeAnnotation value as Spring MVC does an @HttpExchange
// path, so the route prefix is /api/beta all the same (Spring itself never reads this annotation).
@sample.kernel.Routes("api/beta")
public interface Beta {
    String welcome(String name);
}

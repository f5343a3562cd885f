package sample.beta;

import sample.kernel.ModuleApi;

@ModuleApi("beta")
// Written without the leading '/', as Spring MVC reads it: the route prefix is /api/beta all the same.
@sample.kernel.Routes("api/beta")
public interface Beta {
    String welcome(String name);
}

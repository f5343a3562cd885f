package sample.beta;

import sample.kernel.ModuleApi;

@ModuleApi("beta")
@sample.kernel.Routes("/api/beta")
public interface Beta {
    String welcome(String name);
}

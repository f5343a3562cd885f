package sample.alpha;

import sample.kernel.ModuleApi;

@ModuleApi("alpha")
@sample.kernel.Routes(Alpha.PATH)
public interface Alpha {
    String PATH = "/api/alpha";

    String greet(String name);
}

package sample.alpha;

import sample.kernel.ModuleApi;

@ModuleApi("alpha")
public interface Alpha {
    String greet(String name);
}

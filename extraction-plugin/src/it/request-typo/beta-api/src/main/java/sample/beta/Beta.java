package sample.beta;

import sample.kernel.ModuleApi;

@ModuleApi("beta")
public interface Beta {
    String welcome(String name);
}

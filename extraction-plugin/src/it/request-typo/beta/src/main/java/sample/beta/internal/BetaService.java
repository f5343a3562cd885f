package sample.beta.internal;

import sample.alpha.Alpha;
import sample.beta.Beta;
import sample.kernel.Modules;

/** Calls alpha through its API only. */
public class BetaService implements Beta {
    @Override
    public String welcome(String name) {
        return Modules.find(Alpha.class).greet(name) + ", welcome";
    }
}

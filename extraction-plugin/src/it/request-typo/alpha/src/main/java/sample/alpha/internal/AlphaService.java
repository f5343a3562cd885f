package sample.alpha.internal;

import sample.alpha.Alpha;

public class AlphaService implements Alpha {
    @Override
    public String greet(String name) {
        return "hello " + name;
    }
}

package sample.kernel;

import java.util.ServiceLoader;

/** Finds a module's implementation, so that callers name only its API. */
public final class Modules {

    private Modules() {
    }

    public static <T> T find(Class<T> api) {
        return ServiceLoader.load(api).findFirst()
                .orElseThrow(() -> new IllegalStateException("No implementation of " + api.getName()));
    }
}

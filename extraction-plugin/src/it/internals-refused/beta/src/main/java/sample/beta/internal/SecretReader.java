package sample.beta.internal;

import sample.alpha.internal.Secret;

/** Reaches into alpha's internals: it compiles (beta depends on alpha's implementation jar here), but extraction refuses it. */
final class SecretReader {

    private SecretReader() {
    }

    static String read() {
        return Secret.value();
    }
}

/** The threads module's published API: the only part of threads other modules may see. */
open module forum.threads.api {
    requires transitive forum.platform;
    requires transitive forum.users.api;
    requires transitive spring.web;
    requires com.fasterxml.jackson.annotation;

    exports forum.threads;
}

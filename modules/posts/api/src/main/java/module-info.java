/** The posts module's published API: the only part of posts other modules may see. */
open module forum.posts.api {
    requires transitive forum.platform;
    requires transitive forum.users.api;
    requires transitive forum.threads.api;
    requires transitive spring.web;
    requires com.fasterxml.jackson.annotation;

    exports forum.posts;
}

/** The users module's published API: the only part of users other modules may see. */
open module forum.users.api {
    requires transitive forum.platform;
    requires transitive spring.web;
    requires com.fasterxml.jackson.annotation;

    exports forum.users;
}

/**
 * A module nested in books: Spring Modulith names it by its path below the root, books.covers, a name no service can
 * carry, so it runs in the monolith (the report advises an @ApplicationModule id to extract it).
 */
@ApplicationModule
package example.library.books.covers;

import org.springframework.modulith.ApplicationModule;

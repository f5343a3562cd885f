package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.forum.extraction.ecs.EcsSettings;
import dev.forum.extraction.model.ModulithModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The ecs goal's token settings: defaults named after the application and the issuer module, and every mistake
 * gathered (not thrown) so that one run names them all.
 */
class TokenSettingsTest {

    /** A shop's modules: users issues tokens; readingClub's camelCase name can name no route. */
    private static final ModulithModel SHOP = ModulithModel.builder("shop.ShopApplication", List.of("shop"),
            java.util.stream.Stream.of("users", "orders", "readingClub")
                    .map(name -> new ModulithModel.Module(name, "shop." + name, false, false, Set.of(), Set.of(),
                            Map.of(), List.of()))
                    .toList()).build();

    private final List<String> refused = new ArrayList<>();
    private final List<String> mismatched = new ArrayList<>();

    @Test
    void theIssuerModuleNamesTheDefaults() {
        assertEquals(new EcsSettings.Identity("users", "/api/users/jwks.json", "urn:shop:users", "urn:shop:api"),
                new TokenSettings(" users ", null, null, null).identity("shop", SHOP, refused, mismatched));
        assertEquals(new EcsSettings.Identity("users", "/keys", "https://id.example", "shop-api"),
                new TokenSettings("users", "/keys", "https://id.example", "shop-api").identity("shop", SHOP, refused,
                        mismatched));
        assertEquals(List.of(), refused);
        assertEquals(List.of(), mismatched);
    }

    @Test
    void noIssuerModuleIsNoTokenSettingsAndItsSettingsAloneAreRefused() {
        assertNull(new TokenSettings(null, null, null, null).identity("shop", SHOP, refused, mismatched));
        assertNull(new TokenSettings(" ", null, null, null).identity("shop", SHOP, refused, mismatched));
        assertEquals(List.of(), refused);
        assertNull(new TokenSettings(null, null, "urn:x", null).identity("shop", SHOP, refused, mismatched));
        assertEquals(List.of("extract.ecs.tokenIssuer, tokenAudience and jwkSetPath need extract.ecs.tokenIssuerModule"
                + " (the module that signs the tokens): set it, or leave them out"), refused);
    }

    @Test
    void anIssuerThatIsNoModuleOrCannotNameARouteIsRefusedInOneLine() {
        new TokenSettings("user", null, null, null).identity("shop", SHOP, refused, mismatched);
        new TokenSettings("readingClub", null, null, null).identity("shop", SHOP, refused, mismatched);
        assertEquals(List.of("extract.ecs.tokenIssuerModule 'user' is not a module of the application (did you mean"
                + " users?): valid are orders, readingClub, users; leave the setting out when no module issues tokens",
                "Module 'readingClub' cannot be the token issuer (extract.ecs.tokenIssuerModule: its JWK set path"
                        + " /api/readingClub/jwks.json and its key's secret are named after it) as it is: its name is not a"
                        + " valid route or resource name (lower-case letters, digits and '-': the service, the load"
                        + " balancer's rules and the deployment's resources are named after it): name it reading-club with"
                        + " @ApplicationModule(id = \"reading-club\") on its package-info.java, then use that name"
                        + " wherever the module is named (allowedDependencies, a per-module migration folder) (or leave the"
                        + " setting out)"), refused);
        assertEquals(List.of(), mismatched);
    }

    @Test
    void aValueOfTheWrongShapeIsAMismatchNotAnException() {
        assertNull(new TokenSettings("users", "keys", null, null).identity("shop", SHOP, refused, mismatched));
        assertEquals(List.of("jwkSetPath must start with '/': keys"), mismatched);
        assertEquals(List.of(), refused);
    }
}

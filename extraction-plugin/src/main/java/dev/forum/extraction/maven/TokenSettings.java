package dev.forum.extraction.maven;

import dev.forum.closestname.ClosestName;
import dev.forum.extraction.ecs.EcsSettings;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModuleNames;
import dev.forum.extraction.model.ModulithModel;
import java.util.List;

/**
 * The ecs goal's token settings as given ({@code extract.ecs.tokenIssuerModule}, {@code jwkSetPath},
 * {@code tokenIssuer}, {@code tokenAudience}; each null when unset), turned into who signs the tokens and how every
 * task verifies them ({@link EcsSettings.Identity}). The issuer must be a module of the application whose name a
 * route and a resource can carry ({@link ModuleNames}), since its JWK set path and its key's secret are named after it.
 *
 * @param issuerModule the module whose processes sign tokens, or null (blank counts as unset): no token settings
 * @param jwkSetPath   the token keys' path on the internal load balancer; default {@code /api/<issuerModule>/jwks.json}
 * @param issuer       the tokens' {@code iss}; default {@code urn:<app>:<issuerModule>}
 * @param audience     the tokens' {@code aud}; default {@code urn:<app>:api}
 */
record TokenSettings(String issuerModule, String jwkSetPath, String issuer, String audience) {

    /**
     * The tokens' identity: null when no module issues tokens. Nothing is thrown, so that one run names every mistake:
     * a refusal (the issuer is no module, an issuer's setting without one) goes to {@code refused}, a value of the
     * wrong shape ({@link EcsSettings.Identity}'s check) to {@code mismatched}, and null is returned.
     *
     * @param app the application's name, for the default issuer and audience
     */
    EcsSettings.Identity identity(String app, ModulithModel model, List<String> refused, List<String> mismatched) {
        if (issuerModule == null || issuerModule.isBlank()) {
            if (issuer != null || audience != null || jwkSetPath != null) {
                refused.add("extract.ecs.tokenIssuer, tokenAudience and jwkSetPath need"
                        + " extract.ecs.tokenIssuerModule (the module that signs the tokens): set it, or leave them out");
            }
            return null;
        }
        String module = issuerModule.trim();
        EcsRefusals.kept(() -> {
            requireModule(module, model);
            return module;
        }, null, refused);
        try {
            return new EcsSettings.Identity(module, jwkSetPath != null ? jwkSetPath : "/api/" + module + "/jwks.json",
                    issuer != null ? issuer : "urn:" + app + ":" + module,
                    audience != null ? audience : "urn:" + app + ":api");
        } catch (IllegalArgumentException e) {
            mismatched.add(e.getMessage());
            return null;
        }
    }

    /**
     * Refuses a token issuer that is not a module of the application, in one line with the closest and the valid names;
     * or whose name no route or resource can carry ({@link ModuleNames}).
     *
     * @throws ExtractionException the refusal, one line
     */
    static void requireModule(String issuer, ModulithModel model) {
        if (model.module(issuer).isEmpty()) {
            List<String> modules = model.modules().stream().map(ModulithModel.Module::name).toList();
            throw new ExtractionException("extract.ecs.tokenIssuerModule '" + issuer + "' is not a module of the application"
                    + ClosestName.hint(issuer, modules) + ": valid are " + String.join(", ", modules)
                    + "; leave the setting out when no module issues tokens");
        }
        ModuleNames.problem(issuer, model.modules().stream().map(ModulithModel.Module::name).toList(), "the token issuer (extract.ecs.tokenIssuerModule: its JWK set path /api/" + issuer
                + "/jwks.json and its key's secret are named after it)", "or leave the setting out").ifPresent(line -> {
                    throw new ExtractionException(line);
                });
    }
}

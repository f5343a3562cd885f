package forum.users.internal.auth;

import dev.forum.extraction.runtime.topology.ConditionalOnLocalModule;
import forum.platform.security.LocalTokenKeys;
import forum.platform.settings.InvalidSettingException;
import forum.users.internal.persistence.CredentialStore;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The users module's issuer side, where the module is local: its signing keys ({@link SigningKeys}), the tokens
 * they sign, password hashing (Spring Security's delegating encoder: bcrypt, upgradable; bounded by
 * {@link BoundedPasswordEncoder}), the login throttle and the per-address budgets ({@link ClientBudgets}), and its
 * public keys for this process's own token verification ({@link LocalTokenKeys}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnLocalModule("users")
class AuthConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthConfiguration.class);

    @Bean
    SigningKeys signingKeys(@Value("${forum.security.jwt.signing-keys:}") String jwkSet,
                            @Value("${forum.security.jwt.generate-signing-key:false}") boolean generate) {
        SigningKeys keys = SigningKeys.from(jwkSet, generate);
        if (jwkSet.isBlank()) {
            log.warn("Access tokens are signed with a key made for this run (kid {}): tokens end with the process, and"
                    + " other processes cannot verify them. Set forum.security.jwt.signing-keys to share one", keys.active().getKeyID());
        } else {
            log.info("Access tokens are signed with key {} ({}); {} key(s) published", keys.active().getKeyID(),
                    keys.algorithm(), keys.publicKeys().size());
        }
        return keys;
    }

    @Bean
    LocalTokenKeys localTokenKeys(SigningKeys keys) {
        return keys::publicKeys;
    }

    @Bean
    TokenIssuer tokenIssuer(SigningKeys keys, OAuth2ResourceServerProperties properties,
                            @Value("${forum.security.jwt.lifetime:15m}") Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new InvalidSettingException("forum.security.jwt.lifetime=" + lifetime + ": a token's lifetime must be"
                    + " positive (e.g. 15m)", null);
        }
        return new TokenIssuer(keys, properties.getJwt().getIssuerUri(), properties.getJwt().getAudiences(), lifetime,
                Clock.systemUTC());
    }

    /**
     * Spring Security's delegating encoder (bcrypt), at most {@code forum.users.password-hashing.slots} hashes at once
     * (0, the default: one per available CPU), a caller waiting at most {@code forum.users.password-hashing.wait}.
     */
    @Bean(destroyMethod = "close")
    BoundedPasswordEncoder passwordEncoder(@Value("${forum.users.password-hashing.slots:0}") int slots,
                                           @Value("${forum.users.password-hashing.wait:2s}") Duration wait) {
        if (slots < 0 || wait.isNegative()) {
            throw new InvalidSettingException("forum.users.password-hashing.slots=" + slots
                    + " and forum.users.password-hashing.wait=" + wait + ": slots must be 0 (one per CPU) or more, and"
                    + " the wait 0 or more (e.g. 2s)", null);
        }
        return new BoundedPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                slots > 0 ? slots : Runtime.getRuntime().availableProcessors(), wait);
    }

    @Bean
    ClientBudgets clientBudgets(@Qualifier("usersDataSource") DataSource usersDataSource) {
        return new ClientBudgets(usersDataSource, Clock.systemUTC());
    }

    /** Failed logins per client address and window, across all usernames (README, "Identity", "Logins"). */
    @Bean
    ClientBudgets.Budget failedLoginBudget(@Value("${forum.users.budget.failed-logins:100}") int limit,
                                           @Value("${forum.users.budget.failed-logins-window:15m}") Duration window) {
        return budget("forum.users.budget.failed-logins", "login-failure", limit, window,
                "Too many failed logins from your address: try again later");
    }

    /** Sign-ups (users created) per client address and window (README, "Identity", "Logins"). */
    @Bean
    ClientBudgets.Budget signUpBudget(@Value("${forum.users.budget.sign-ups:20}") int limit,
                                      @Value("${forum.users.budget.sign-ups-window:1h}") Duration window) {
        return budget("forum.users.budget.sign-ups", "sign-up", limit, window,
                "Too many sign-ups from your address: try again later");
    }

    /** @throws InvalidSettingException naming {@code setting} and {@code setting-window} when the budget cannot work */
    private static ClientBudgets.Budget budget(String setting, String name, int limit, Duration window, String refusal) {
        try {
            return new ClientBudgets.Budget(name, limit, window, refusal);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(setting + "=" + limit + " and " + setting + "-window=" + window
                    + ": a budget needs a limit of 1 or more and a positive window (e.g. 20 per 1h)", e);
        }
    }

    @Bean
    LoginThrottle loginThrottle(@Qualifier("usersDataSource") DataSource usersDataSource, ClientBudgets budgets,
                                @Qualifier("failedLoginBudget") ClientBudgets.Budget failedLogins) {
        return new LoginThrottle(usersDataSource, Clock.systemUTC(), budgets, failedLogins);
    }

    @Bean
    CredentialStore credentialStore(@Qualifier("usersDataSource") DataSource usersDataSource) {
        return new CredentialStore(usersDataSource);
    }
}

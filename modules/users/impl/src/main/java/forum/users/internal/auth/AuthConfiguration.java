package forum.users.internal.auth;

import dev.forum.extraction.runtime.topology.ConditionalOnLocalModule;
import forum.platform.security.LocalTokenKeys;
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
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users module's issuer side, where the module is local: its signing keys ({@link SigningKeys}), the tokens
 * they sign, password hashing (Spring Security's delegating encoder: bcrypt, upgradable), the login throttle, and
 * its public keys for this process's own token verification ({@link LocalTokenKeys}).
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
        return new TokenIssuer(keys, properties.getJwt().getIssuerUri(), properties.getJwt().getAudiences(), lifetime,
                Clock.systemUTC());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LoginThrottle loginThrottle(@Qualifier("usersDataSource") DataSource usersDataSource) {
        return new LoginThrottle(usersDataSource, Clock.systemUTC());
    }

    @Bean
    CredentialStore credentialStore(@Qualifier("usersDataSource") DataSource usersDataSource) {
        return new CredentialStore(usersDataSource);
    }
}

package forum.users;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a login answers, shaped as an OAuth 2.0 token response (RFC 6749, section 5.1): a signed JWT to send as
 * {@code Authorization: Bearer <access_token>}, good for {@code expires_in} seconds.
 */
public record AccessToken(@JsonProperty("access_token") String accessToken,
                          @JsonProperty("token_type") String tokenType,
                          @JsonProperty("expires_in") long expiresIn) {

    @Override
    public String toString() {
        return "AccessToken[token_type=" + tokenType + ", expires_in=" + expiresIn + ", access_token=(hidden)]";
    }
}

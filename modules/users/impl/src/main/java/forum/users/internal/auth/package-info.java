/**
 * The users module as the forum's token issuer: password rules and hashes, login throttling, the signing keys and
 * the access tokens they sign.
 */
package forum.users.internal.auth;

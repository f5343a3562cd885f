/**
 * The token signing keys of a stand-in run: made for the run, given to every process that holds the users module
 * (the token issuer), rotated on request in the two steps that refuse no token.
 */
package dev.forum.standin.keys;

/** The ES256 signing keys: generated or loaded from a file, published as the JWKS. */
package io.agentic.auth.keys;

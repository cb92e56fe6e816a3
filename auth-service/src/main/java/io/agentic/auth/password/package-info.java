/** Argon2id password hashing, with a cap on how many hashes run at once. */
package io.agentic.auth.password;

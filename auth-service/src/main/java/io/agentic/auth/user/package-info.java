/** Accounts: storage, the rules for new ones, the caller's own account and search. */
package io.agentic.auth.user;

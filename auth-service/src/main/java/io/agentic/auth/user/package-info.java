/** Accounts: storage, the rules for new ones, the caller's own account, search and roles. */
package io.agentic.auth.user;

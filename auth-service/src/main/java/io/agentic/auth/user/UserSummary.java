package io.agentic.auth.user;

/** What a non-admin may learn about another user: enough to share a workflow with them. */
record UserSummary(String id, String username) {}

package io.agentic.auth.token;

/** What presenting a refresh token led to. */
public sealed interface RefreshOutcome {

  /** The token was valid and is now spent; a new one of the same family may be issued. */
  record Spent(String userId, String familyId) implements RefreshOutcome {}

  /** The token had been spent already: its whole family is now revoked. */
  record Reused(String userId, String familyId) implements RefreshOutcome {}

  /** Unknown, expired or revoked. */
  record Rejected() implements RefreshOutcome {}
}

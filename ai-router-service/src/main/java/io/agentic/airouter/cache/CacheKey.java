package io.agentic.airouter.cache;

import io.agentic.airouter.provider.ChatMessage;
import java.util.List;

/**
 * Everything that decides a deterministic answer; two requests with equal keys get the same answer.
 * The user is part of it so that one user's answers are never served to another.
 *
 * @param messages the exact messages sent, system prompt and instructions included
 * @param responseFormat {@code text} or {@code json}
 */
public record CacheKey(
    int version,
    String userId,
    String provider,
    String model,
    String taskType,
    List<ChatMessage> messages,
    Double temperature,
    Integer maxTokens,
    String responseFormat) {

  /** Bump when the meaning of a cached answer changes, so old entries stop matching. */
  public static final int VERSION = 1;
}

package io.agentic.airouter.provider;

/**
 * One message of a conversation.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 */
public record ChatMessage(String role, String content) {

  public static final String SYSTEM = "system";
  public static final String USER = "user";
  public static final String ASSISTANT = "assistant";

  public static ChatMessage system(String content) {
    return new ChatMessage(SYSTEM, content);
  }

  public static ChatMessage user(String content) {
    return new ChatMessage(USER, content);
  }
}

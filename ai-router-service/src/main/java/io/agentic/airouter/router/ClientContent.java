package io.agentic.airouter.router;

import tools.jackson.databind.JsonNode;

/**
 * An answer as a chat client reads it: the text, or for a JSON answer (a sentiment's {@code {label,
 * score}} included) the JSON itself, compact — so a client that asked for JSON can parse what it
 * gets even when the model wrapped it in prose or a Markdown fence.
 */
public final class ClientContent {

  private ClientContent() {}

  public static String of(AiOutput output) {
    return of(output.text(), output.json());
  }

  static String of(String text, JsonNode json) {
    return json == null ? text : JsonAnswers.write(json);
  }
}

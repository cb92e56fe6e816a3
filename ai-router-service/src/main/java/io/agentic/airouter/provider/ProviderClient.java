package io.agentic.airouter.provider;

import java.util.List;
import java.util.function.Consumer;

/**
 * One AI provider, spoken to in its own protocol. Implementations hold the provider's key and send
 * it only to the provider's configured base URL; nothing in a request can change where it goes.
 * Every failure is a {@link ProviderException} saying what went wrong.
 */
public interface ProviderClient {

  /** The provider's name, e.g. {@code gemini}. */
  String name();

  ChatAnswer chat(ChatRequest request);

  /**
   * Streams the answer: {@code onDelta} receives each piece of text as it arrives; the returned
   * answer holds the whole text and the usage reported at the end of the stream.
   */
  ChatAnswer streamChat(ChatRequest request, Consumer<String> onDelta);

  /** Text classification; only some providers offer it. */
  default List<LabelScore> classify(String model, String text) {
    throw new ProviderException(
        ProviderException.Kind.REJECTED, 0, "text classification is not supported");
  }
}

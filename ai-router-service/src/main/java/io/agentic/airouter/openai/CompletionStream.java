package io.agentic.airouter.openai;

import io.agentic.airouter.openai.CompletionShapes.Agentic;
import io.agentic.airouter.openai.CompletionShapes.Chunk;
import io.agentic.airouter.openai.CompletionShapes.ChunkChoice;
import io.agentic.airouter.openai.CompletionShapes.Delta;
import io.agentic.airouter.openai.CompletionShapes.Usage;
import io.agentic.airouter.openai.StreamRelay.Event;
import io.agentic.airouter.openai.StreamRelay.Finished;
import io.agentic.airouter.openai.StreamRelay.Piece;
import io.agentic.airouter.router.AiOutcome.Answered;
import io.agentic.airouter.router.AiOutcome.Failed;
import io.agentic.airouter.router.AiOutput;
import io.agentic.airouter.router.AiRouter;
import io.agentic.airouter.router.ClientContent;
import io.agentic.airouter.routing.RouteTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one streamed completion as OpenAI's server-sent events: a first chunk with the role, one
 * chunk per piece of the answer, a last chunk with {@code finish_reason} (and the router's {@code
 * agentic} member), a usage chunk when asked for, then {@code data: [DONE]}. A failure after the
 * first piece becomes an {@code error} chunk before {@code [DONE]}, which OpenAI SDKs raise.
 */
final class CompletionStream {

  /** ASCII only, so the text survives whatever charset a converter on the way assumes. */
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

  private final String id;
  private final long created;
  private final boolean includeUsage;
  private final SseEmitter emitter;
  private final StreamRelay relay;
  private final Supplier<Duration> patience;
  private String model;

  /**
   * @param patience how long to wait for the router's next event before giving up
   */
  CompletionStream(
      String id,
      long created,
      boolean includeUsage,
      SseEmitter emitter,
      StreamRelay relay,
      Supplier<Duration> patience) {
    this.id = id;
    this.created = created;
    this.includeUsage = includeUsage;
    this.emitter = emitter;
    this.relay = relay;
    this.patience = patience;
  }

  /** Writes from {@code first} (a piece, or the outcome) until the router is done. */
  void run(Event first) {
    try {
      Event event = first;
      while (event instanceof Piece(RouteTarget from, String text)) {
        piece(from.provider() + "/" + from.model(), text);
        event = relay.next(patience.get()).orElse(null);
      }
      switch (event) {
        case Finished(Answered answered) -> answered(answered.output());
        case Finished(Failed failed) -> failed(failed.code(), failed.message());
        case null, default -> {
          relay.cancel();
          failed(AiRouter.PROVIDERS_FAILED, "The answer took too long");
        }
      }
      data("[DONE]");
      emitter.complete();
    } catch (IOException | IllegalStateException e) {
      // the client went away (or the emitter timed out): stop reading the provider
      relay.cancel();
    } catch (InterruptedException e) {
      relay.cancel();
      Thread.currentThread().interrupt();
      emitter.complete();
    }
  }

  private void piece(String from, String text) throws IOException {
    if (model == null) {
      model = from;
      chunk(new Delta("assistant", ""), null, null, null);
    }
    chunk(new Delta(null, text), null, null, null);
  }

  private void answered(AiOutput output) throws IOException {
    if (model == null) {
      piece(CompletionShapes.modelName(output), ClientContent.of(output));
    }
    chunk(new Delta(null, null), output.finishReason().openAi(), null, Agentic.of(output));
    if (includeUsage) {
      send(
          new Chunk(
              id,
              "chat.completion.chunk",
              created,
              model,
              List.of(),
              Usage.of(output.usage()),
              null));
    }
  }

  private void failed(String code, String message) throws IOException {
    send(Map.of("error", OpenAiErrors.error(message, "server_error", null, code)));
  }

  private void chunk(Delta delta, String finishReason, Usage usage, Agentic agentic)
      throws IOException {
    send(
        new Chunk(
            id,
            "chat.completion.chunk",
            created,
            model,
            List.of(new ChunkChoice(0, delta, null, finishReason)),
            usage,
            agentic));
  }

  private void send(Object value) throws IOException {
    data(JSON.writeValueAsString(value));
  }

  private void data(String data) throws IOException {
    emitter.send(SseEmitter.event().data(data, TEXT));
  }
}

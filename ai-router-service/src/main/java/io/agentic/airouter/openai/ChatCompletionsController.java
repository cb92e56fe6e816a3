package io.agentic.airouter.openai;

import io.agentic.airouter.AiRouterProperties;
import io.agentic.airouter.cost.PriceTable;
import io.agentic.airouter.openai.ModelCatalog.Choice;
import io.agentic.airouter.openai.StreamRelay.Event;
import io.agentic.airouter.openai.StreamRelay.Finished;
import io.agentic.airouter.provider.ProviderClients;
import io.agentic.airouter.resilience.Deadline;
import io.agentic.airouter.router.AiOutcome;
import io.agentic.airouter.router.AiOutcome.Answered;
import io.agentic.airouter.router.AiOutcome.Failed;
import io.agentic.airouter.router.AiRouter;
import io.agentic.airouter.router.AiTask;
import io.agentic.airouter.router.CallContext;
import io.agentic.platform.observability.ContextExecutors;
import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /v1}: OpenAI's chat completions and model list, answered by the router. Authenticated like
 * the rest of the API (an API key's token needs {@code ai:use}); usage is the caller's, recorded
 * without an execution.
 */
@RestController
@RequestMapping("/v1")
class ChatCompletionsController {

  private static final Logger log = LoggerFactory.getLogger(ChatCompletionsController.class);

  /** How much longer than the router's deadline a stream may stay open, to say how it ended. */
  static final Duration STREAM_GRACE = Duration.ofSeconds(30);

  private final AiRouter router;
  private final ModelCatalog catalog;
  private final Failures failures;
  private final Duration timeout;
  private final Clock clock;

  /**
   * A stream's reader and writer, each on a virtual thread of its own, in the request's trace and
   * log context (the provider's span stays a child of the request's).
   */
  private final ExecutorService threads =
      ContextExecutors.wrap(
          Executors.newThreadPerTaskExecutor(
              Thread.ofVirtual().name("chat-completion-", 0).factory()));

  ChatCompletionsController(
      AiRouter router,
      ProviderClients clients,
      PriceTable prices,
      AiRouterProperties properties,
      Clock clock) {
    this.router = router;
    this.catalog = new ModelCatalog(clients, prices, clock.instant().getEpochSecond());
    this.failures = new Failures(clock);
    this.timeout = properties.chatCompletions().timeout();
    this.clock = clock;
  }

  @GetMapping("/models")
  ModelList models(CurrentUser user) {
    return ModelList.of(catalog.list());
  }

  /**
   * A completion, whole or streamed. Everything that can go wrong before the first piece of the
   * answer (bad input, unknown model, budget, quotas, every provider failing) is a problem with its
   * status; a stream that already began ends with an error chunk instead.
   */
  @PostMapping("/chat/completions")
  ResponseEntity<?> complete(CurrentUser user, HttpServletRequest http)
      throws IOException, InterruptedException {
    if (user.isViewer()) {
      throw ApiException.forbidden("Viewers may not use AI models");
    }
    CompletionRequest request = CompletionRequestParser.parse(RequestBodies.read(http));
    Choice choice = catalog.resolve(request.model());
    AiTask task =
        new AiTask(
            choice.taskType(),
            request.classifiedText(),
            null,
            request.temperature(),
            request.maxTokens(),
            choice.provider(),
            choice.model(),
            request.json(),
            request.messages(),
            choice.exact());
    CallContext context = new CallContext(null, null, user.id());
    Deadline deadline = Deadline.after(timeout, clock);
    String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    long created = clock.instant().getEpochSecond();
    if (!request.stream()) {
      return switch (router.answer(task, context, deadline)) {
        case Answered answered ->
            ResponseEntity.ok(CompletionShapes.completion(id, created, answered.output()));
        case Failed failed -> throw failures.problem(failed);
      };
    }
    return stream(task, context, deadline, id, created, request.includeUsage());
  }

  private ResponseEntity<SseEmitter> stream(
      AiTask task,
      CallContext context,
      Deadline deadline,
      String id,
      long created,
      boolean includeUsage)
      throws InterruptedException {
    StreamRelay relay = new StreamRelay();
    threads.execute(() -> relay.finish(streamSafely(task, context, deadline, relay)));
    // nothing is committed until the first piece: until then a failure is still a problem
    Event first = relay.next(deadline.remaining().plus(STREAM_GRACE)).orElse(null);
    if (first == null) {
      relay.cancel();
      throw failures.problem(
          new Failed(
              AiRouter.PROVIDERS_FAILED, "The answer took too long", true, AiOutcome.Spend.NONE));
    }
    if (first instanceof Finished(Failed failed)) {
      throw failures.problem(failed);
    }
    SseEmitter emitter = new SseEmitter(deadline.remaining().plus(STREAM_GRACE).toMillis());
    emitter.onTimeout(relay::cancel);
    emitter.onError(e -> relay.cancel());
    CompletionStream writer =
        new CompletionStream(
            id,
            created,
            includeUsage,
            emitter,
            relay,
            () -> deadline.remaining().plus(STREAM_GRACE));
    threads.execute(() -> writer.run(first));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noCache())
        // proxies that buffer (nginx) must pass each chunk on as it comes
        .header("X-Accel-Buffering", "no")
        .body(emitter);
  }

  private AiOutcome streamSafely(
      AiTask task, CallContext context, Deadline deadline, StreamRelay relay) {
    try {
      return router.stream(task, context, deadline, relay);
    } catch (RuntimeException e) {
      log.error("Streamed completion failed unexpectedly", e);
      return new Failed(
          AiRouter.PROVIDERS_FAILED, "The answer failed unexpectedly", true, AiOutcome.Spend.NONE);
    }
  }
}

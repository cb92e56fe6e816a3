package io.agentic.execution.nodes.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends a node's request through the {@link OutboundGuard}: the guard's resolver is the client's
 * only resolver, redirects are followed here one vetted hop at a time, and one deadline covers the
 * whole exchange (connect, every hop, reading the body), enforced by cancelling the request.
 */
final class GuardedHttpClient implements AutoCloseable {

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final OutboundGuard guard;
  private final HttpStepProperties properties;
  private final CloseableHttpClient client;
  private final ScheduledExecutorService deadlines =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("http-step-deadline").daemon().factory());

  GuardedHttpClient(OutboundGuard guard, HttpStepProperties properties) {
    this.guard = guard;
    this.properties = properties;
    Timeout timeout = Timeout.of(properties.defaultTimeout());
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(guard.dnsResolver())
                    .setConnectionFactory(
                        ManagedHttpClientConnectionFactory.builder()
                            .http1Config(
                                Http1Config.custom()
                                    .setMaxHeaderCount(100)
                                    .setMaxLineLength(16 * 1024)
                                    .build())
                            .build())
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(timeout)
                            .setSocketTimeout(timeout)
                            .build())
                    .setMaxConnTotal(200)
                    .setMaxConnPerRoute(20)
                    .build())
            // No proxy from the environment: it would connect to an address the guard never saw.
            .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
            .disableRedirectHandling()
            .disableAutomaticRetries() // the node's retry policy decides, with backoff
            .disableCookieManagement() // no state shared between executions
            .disableAuthCaching()
            .setUserAgent(properties.userAgent())
            .build();
  }

  /** Sends the call and its redirects within {@code timeout}; failures are {@link StepFailure}s. */
  HttpReply exchange(HttpCall call, String idempotencyKey, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Hop hop = Hop.first(call, vet(call.url()));
    for (int redirects = 0; ; redirects++) {
      Outcome outcome = send(hop, idempotencyKey, deadline, timeout);
      if (outcome.location() == null) {
        return outcome.reply();
      }
      if (redirects >= properties.maxRedirects()) {
        throw new StepFailure(
            StepFailure.TOO_MANY_REDIRECTS,
            hop.describe() + " redirected again after " + redirects + " redirects",
            false);
      }
      hop = hop.redirect(outcome.status(), vet(resolve(hop, outcome.location())));
    }
  }

  /** Either a reply, or a redirect (status and Location) to follow. */
  private record Outcome(HttpReply reply, int status, String location) {}

  private Outcome send(Hop hop, String idempotencyKey, long deadline, Duration timeout) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw timedOut(hop, timeout);
    }
    HttpUriRequestBase request = new HttpUriRequestBase(hop.method(), hop.target().uri());
    hop.headers().forEach(request::addHeader);
    request.setHeader("Idempotency-Key", idempotencyKey);
    if (hop.body() != null) {
      boolean typed =
          hop.headers().stream().anyMatch(h -> h.getName().equalsIgnoreCase("Content-Type"));
      request.setEntity(new ByteArrayEntity(hop.body(), typed ? null : hop.bodyType()));
    }
    Timeout left = Timeout.of(remaining, TimeUnit.NANOSECONDS);
    request.setConfig(
        RequestConfig.custom()
            .setConnectionRequestTimeout(left)
            .setResponseTimeout(left)
            .setRedirectsEnabled(false)
            .setProtocolUpgradeEnabled(false)
            .build());
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> timer =
        deadlines.schedule(
            () -> {
              expired.set(true);
              request.cancel(); // closes the socket: unblocks a connect or a read in progress
            },
            remaining,
            TimeUnit.NANOSECONDS);
    ClassicHttpResponse response = null;
    boolean drained = false;
    try {
      response = client.executeOpen(hop.target().host(), request, null);
      Header location = response.getFirstHeader("Location");
      if (REDIRECTS.contains(response.getCode()) && location != null) {
        return new Outcome(null, response.getCode(), location.getValue());
      }
      HttpReply reply =
          HttpReply.read(response, properties.maxResponseBytes().toBytes(), hop.describe());
      drained = true;
      return new Outcome(reply, reply.status(), null);
    } catch (IOException e) {
      throw failure(e, expired.get(), hop, timeout);
    } finally {
      timer.cancel(false);
      close(response, drained);
    }
  }

  private OutboundGuard.Target vet(String url) {
    try {
      return guard.vet(url);
    } catch (OutboundRefusedException e) {
      throw StepFailure.of(e);
    }
  }

  private static String resolve(Hop hop, String location) {
    try {
      return hop.target().uri().resolve(new URI(location)).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new StepFailure(
          OutboundRefusedException.INVALID_URL,
          hop.describe() + " redirected to an invalid URL",
          false);
    }
  }

  /** Messages name the request, never the socket error or a resolved address. */
  private static StepFailure failure(IOException e, boolean expired, Hop hop, Duration timeout) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutboundRefusedException refused) {
        return StepFailure.of(refused);
      }
    }
    if (expired || e instanceof InterruptedIOException) {
      return timedOut(hop, timeout);
    }
    if (e instanceof MessageConstraintException) {
      return new StepFailure(
          StepFailure.RESPONSE_TOO_LARGE, hop.describe() + " sent headers over the limit", false);
    }
    return new StepFailure(
        StepFailure.CONNECTION_FAILED, hop.describe() + " failed: could not connect or read", true);
  }

  private static StepFailure timedOut(Hop hop, Duration timeout) {
    return new StepFailure(
        StepFailure.TIMEOUT,
        hop.describe() + " did not complete within " + timeout.toMillis() + " ms",
        true);
  }

  /** Returns a drained connection to the pool; discards one with unread data. */
  private static void close(ClassicHttpResponse response, boolean drained) {
    if (response == null) {
      return;
    }
    try {
      if (!drained && response instanceof ModalCloseable modal) {
        modal.close(CloseMode.IMMEDIATE);
      } else {
        response.close();
      }
    } catch (IOException | RuntimeException e) {
      // The connection is gone either way; nothing to report for this node.
    }
  }

  @Override
  public void close() {
    deadlines.shutdownNow();
    client.close(CloseMode.IMMEDIATE);
  }
}

package io.agentic.airouter.provider;

import io.agentic.airouter.provider.ProviderException.Kind;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side every provider client shares: one {@link RestClient} on the JDK HttpClient per
 * provider, POSTs of JSON, answers read up to a size limit, and HTTP failures classified as {@link
 * ProviderException}s. Redirects are never followed, so a key cannot be carried to another host.
 * The client comes from the builder it is given (Boot's is observed: each call is timed and
 * traced).
 */
final class ProviderHttp {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final int ERROR_BODY_LIMIT = 16 * 1024;

  private final RestClient rest;
  private final long maxResponseBytes;
  private final Clock clock;

  /**
   * @param settings connect and read timeouts (the read timeout bounds one call), SSL; redirects
   *     are turned off whatever it says
   */
  ProviderHttp(
      Endpoint endpoint,
      RestClient.Builder rest,
      HttpClientSettings settings,
      long maxResponseBytes,
      Clock clock) {
    // the JDK client, whatever Boot would pick: failures are classified by its exceptions
    JdkClientHttpRequestFactory factory =
        ClientHttpRequestFactoryBuilder.jdk()
            .withHttpClientCustomizer(
                // h2c upgrades over plain HTTP confuse some self-hosted servers; TLS negotiates h2
                client ->
                    client.version(
                        endpoint.plainHttp()
                            ? HttpClient.Version.HTTP_1_1
                            : HttpClient.Version.HTTP_2))
            .build(settings.withRedirects(HttpRedirects.DONT_FOLLOW));
    this.rest = rest.clone().requestFactory(factory).build();
    this.maxResponseBytes = maxResponseBytes;
    this.clock = clock;
  }

  /** POSTs {@code body} as JSON and returns the JSON answer of a 2xx response. */
  JsonNode postJson(URI uri, Map<String, String> headers, Object body) {
    return exchange(
        uri,
        headers,
        body,
        MediaType.APPLICATION_JSON,
        response -> {
          byte[] bytes = limited(response, maxResponseBytes).readAllBytes();
          try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || node.isMissingNode()) {
              throw new ProviderException(Kind.BAD_RESPONSE, 200, "unreadable answer");
            }
            return node;
          } catch (JacksonException e) {
            throw new ProviderException(Kind.BAD_RESPONSE, 200, "unreadable answer");
          }
        });
  }

  /** POSTs {@code body} as JSON and hands the 2xx event stream, size-limited, to {@code reader}. */
  <T> T postForEvents(URI uri, Map<String, String> headers, Object body, StreamReader<T> reader) {
    return exchange(
        uri,
        headers,
        body,
        MediaType.TEXT_EVENT_STREAM,
        response -> reader.read(limited(response, maxResponseBytes)));
  }

  /** Reads a successful response. */
  @FunctionalInterface
  interface StreamReader<T> {
    T read(InputStream body) throws IOException;
  }

  private <T> T exchange(
      URI uri,
      Map<String, String> headers,
      Object body,
      MediaType accept,
      StreamReader<T> onSuccess) {
    byte[] payload = JSON.writeValueAsBytes(body);
    try {
      return rest.post()
          .uri(uri)
          .headers(h -> headers.forEach(h::set))
          .contentType(MediaType.APPLICATION_JSON)
          .accept(accept)
          .body(payload)
          .exchange(
              (request, response) -> {
                int status = response.getStatusCode().value();
                if (status >= 200 && status < 300) {
                  return onSuccess.read(response.getBody());
                }
                throw failure(status, response);
              },
              true);
    } catch (ProviderException e) {
      throw e;
    } catch (ResourceAccessException e) {
      throw fromIo(e.getCause() == null ? e : e.getCause());
    } catch (RestClientException | JacksonException e) {
      throw new ProviderException(Kind.BAD_RESPONSE, 0, "unreadable answer");
    } catch (RuntimeException e) {
      if (e.getCause() instanceof IOException io) {
        throw fromIo(io);
      }
      throw e;
    }
  }

  private ProviderException failure(int status, ClientHttpResponse response) throws IOException {
    if (status == 429) {
      Optional<Duration> wait =
          RetryAfter.parse(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), clock)
              .or(() -> retryDelayInBody(response));
      return ProviderException.rateLimited(wait.orElse(null));
    }
    if (status == 401 || status == 403) {
      return new ProviderException(Kind.UNAUTHORIZED, status, status + " unauthorized");
    }
    if (status == 408) {
      return new ProviderException(Kind.SERVER_ERROR, status, "408 request timeout");
    }
    if (status >= 500) {
      return new ProviderException(Kind.SERVER_ERROR, status, status + " server error");
    }
    return new ProviderException(Kind.REJECTED, status, status + " request rejected");
  }

  /** Gemini puts its advice in the body: {@code error.details[].retryDelay}. */
  private static Optional<Duration> retryDelayInBody(ClientHttpResponse response) {
    try {
      byte[] bytes = response.getBody().readNBytes(ERROR_BODY_LIMIT);
      JsonNode details = JSON.readTree(bytes).path("error").path("details");
      for (JsonNode detail : details) {
        Optional<Duration> delay =
            RetryAfter.parseProtobufDuration(detail.path("retryDelay").asString(null));
        if (delay.isPresent()) {
          return delay;
        }
      }
    } catch (IOException | JacksonException e) {
      // no advice in the body; fall back to our own backoff
    }
    return Optional.empty();
  }

  private static ProviderException fromIo(Throwable e) {
    if (e instanceof HttpTimeoutException) {
      return new ProviderException(Kind.TIMEOUT, 0, "timeout");
    }
    if (e instanceof InterruptedIOException || e instanceof ClosedByInterruptException) {
      return new ProviderException(Kind.TIMEOUT, 0, "timeout");
    }
    return new ProviderException(Kind.CONNECTION, 0, "connection error");
  }

  private static InputStream limited(InputStream in, long max) {
    return new FilterInputStream(in) {
      private long read;

      @Override
      public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
      }

      private void count(int n) {
        read += n;
        if (read > max) {
          throw new ProviderException(Kind.BAD_RESPONSE, 200, "answer too large");
        }
      }
    };
  }
}

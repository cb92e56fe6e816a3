package io.agentic.airouter.provider;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.RestClient;

/** Provider clients against a fake, with test-sized timeouts. */
final class Clients {

  static final Duration READ_TIMEOUT = Duration.ofMillis(400);

  private Clients() {}

  static ProviderHttp http(Endpoint endpoint) {
    return new ProviderHttp(
        endpoint,
        RestClient.builder(),
        HttpClientSettings.defaults().withTimeouts(Duration.ofMillis(500), READ_TIMEOUT),
        64 * 1024,
        Clock.systemUTC());
  }

  static OpenAiCompatibleClient openAi(String baseUrl, String key) {
    Endpoint endpoint = Endpoint.parse(baseUrl);
    return new OpenAiCompatibleClient("groq", endpoint, key, http(endpoint), true);
  }

  static GeminiClient gemini(String baseUrl, String key) {
    Endpoint endpoint = Endpoint.parse(baseUrl);
    return new GeminiClient("gemini", endpoint, key, http(endpoint));
  }

  static HuggingFaceClient huggingFace(String baseUrl, String key) {
    Endpoint endpoint = Endpoint.parse(baseUrl);
    return new HuggingFaceClient("huggingface", endpoint, key, http(endpoint));
  }

  static ChatRequest hello(String model) {
    return new ChatRequest(
        model,
        List.of(ChatMessage.system("Be brief."), ChatMessage.user("Say hello")),
        0.0,
        50,
        false);
  }
}

package io.agentic.auth;

import io.agentic.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * auth-service as {@link AuthServiceIntegrationTest} has it, but with its Redis gone: the URL
 * points at a loopback port nothing listens on, so every Redis call fails at once (connection
 * refused) while the shared Redis server goes on serving everyone else. Kafka and MongoDB are the
 * shared test infrastructure. Every class using it shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=auth-service",
      "agentic.auth.admin-email=" + AuthServiceIntegrationTest.ADMIN_EMAIL,
      "agentic.auth.admin-password=" + AuthServiceIntegrationTest.ADMIN_PASSWORD,
      "agentic.auth.gateway-secret=" + AuthServiceIntegrationTest.GATEWAY_SECRET
    })
@ContextConfiguration(initializers = AuthServiceWithoutRedis.Infrastructure.class)
public @interface AuthServiceWithoutRedis {

  /** The shared infrastructure, with {@code spring.data.redis.url} on a closed port. */
  class Infrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final int CLOSED_PORT = closedPort();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      Map<String, Object> properties = new HashMap<>(TestInfrastructure.springProperties());
      properties.put("spring.data.redis.url", "redis://127.0.0.1:" + CLOSED_PORT);
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(new MapPropertySource("testInfrastructureWithoutRedis", properties));
    }

    /** A port that was free a moment ago: the OS hands it out again only after many others. */
    private static int closedPort() {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

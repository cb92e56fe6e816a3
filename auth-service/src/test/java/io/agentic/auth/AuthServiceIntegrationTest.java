package io.agentic.auth;

import io.agentic.testsupport.TestInfrastructureInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * auth-service on a random port against the shared test infrastructure. Every IT uses exactly this
 * configuration, so they all share one cached Spring context.
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
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
public @interface AuthServiceIntegrationTest {

  String ADMIN_EMAIL = "Root.Admin@agentic.test";
  String ADMIN_PASSWORD = "correct-horse-battery";
  String GATEWAY_SECRET = "test-gateway-secret-0123456789";
}

package io.agentic.workflow;

import io.agentic.testsupport.TestInfrastructureInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a random port, against the embedded Kafka broker, MongoDB-wire server and
 * Redis, accepting {@link TestTokens}. Every IT uses the same setup, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=workflow-service")
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
@Import(TestTokens.Decoder.class)
public @interface WorkflowServiceTest {}

package io.agentic.local.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.PortInUseException;

class ServiceFailedExceptionTest {

  @Test
  void namesTheServiceAndTheInnermostCauseInOneLine() {
    // given
    Exception failure =
        new IllegalStateException(
            "Error creating bean with name 'x'",
            new IllegalArgumentException("Database name must not be empty\nsecond line"));

    // when
    ServiceFailedException e = ServiceFailedException.failedToStart(AgenticService.AUTH, failure);

    // then
    assertThat(e.getMessage())
        .isEqualTo("auth-service failed to start: Database name must not be empty");
    assertThat(e.service()).isEqualTo(AgenticService.AUTH);
  }

  @Test
  void prefersBootsPortInUseMessageToTheSocketError() {
    // given
    Exception failure =
        new RuntimeException(
            "Failed to start bean 'webServerStartStop'",
            new PortInUseException(8081, new BindException("Address already in use")));

    // when
    String reason = ServiceFailedException.reasonOf(failure);

    // then
    assertThat(reason).isEqualTo("Port 8081 is already in use");
  }

  @Test
  void cutsAVeryLongMessageToOneReadableLine() {
    String reason = ServiceFailedException.reasonOf(new IllegalStateException("x".repeat(1000)));

    assertThat(reason).hasSize(200).endsWith("…");
  }

  @Test
  void fallsBackToTheExceptionTypeWhenThereIsNoMessage() {
    assertThat(ServiceFailedException.reasonOf(new NullPointerException()))
        .isEqualTo("NullPointerException");
  }
}

package io.agentic.execution.workflows;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.agentic.contracts.workflow.WorkflowEdge;
import io.agentic.contracts.workflow.WorkflowNode;
import io.agentic.execution.ExecutionProperties;
import io.agentic.platform.kafka.ContractJson;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks workflow-service for a workflow the read model has not seen yet (a start right after the
 * workflow was saved can beat the topic consumer), forwarding the caller's token so that
 * workflow-service applies its own visibility rules. Off the hot path: once per such start.
 */
@Component
class WorkflowServiceClient {

  private static final Logger log = LoggerFactory.getLogger(WorkflowServiceClient.class);

  /** The parts of API.md's workflow shape execution-service needs. */
  record RemoteWorkflow(
      String id,
      String name,
      List<WorkflowNode> nodes,
      List<WorkflowEdge> edges,
      @JsonProperty("isPublic") Boolean isPublic,
      String status,
      Integer version,
      String ownerId,
      Permissions permissions,
      Instant updatedAt) {}

  record Permissions(List<String> owners, List<String> editors, List<String> viewers) {}

  private final RestClient http;

  /**
   * Built from Boot's builder, so that each call is observed ({@code http.client.requests}) and
   * carries the trace on to workflow-service.
   */
  WorkflowServiceClient(ExecutionProperties properties, RestClient.Builder builder) {
    JdkClientHttpRequestFactory factory =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    factory.setReadTimeout(Duration.ofSeconds(5));
    this.http =
        builder
            .clone()
            .baseUrl(properties.workflowServiceUrl().toString())
            .requestFactory(factory)
            .build();
  }

  Optional<RemoteWorkflow> workflow(String workflowId, String authorization) {
    return get("/api/workflows/{id}", authorization, workflowId);
  }

  Optional<RemoteWorkflow> version(String workflowId, int version, String authorization) {
    return get("/api/workflows/{id}/versions/{n}", authorization, workflowId, version);
  }

  /** Empty when workflow-service answers 404 (or any error, or cannot be reached). */
  private Optional<RemoteWorkflow> get(String path, String authorization, Object... vars) {
    try {
      ResponseEntity<String> response =
          http.get()
              .uri(path, vars)
              .headers(h -> setAuthorization(h, authorization))
              .retrieve()
              .onStatus(HttpStatusCode::isError, (request, r) -> {})
              .toEntity(String.class);
      String body = response.getBody();
      if (!response.getStatusCode().is2xxSuccessful() || body == null || body.isBlank()) {
        return Optional.empty();
      }
      RemoteWorkflow workflow = ContractJson.mapper().readValue(body, RemoteWorkflow.class);
      return workflow.id() == null || workflow.version() == null
          ? Optional.empty()
          : Optional.of(workflow);
    } catch (RestClientException | IllegalArgumentException e) {
      log.warn("workflow-service could not be asked for {}: {}", path, e.toString());
      return Optional.empty();
    } catch (RuntimeException e) {
      log.warn("workflow-service gave an unreadable answer for {}: {}", path, e.toString());
      return Optional.empty();
    }
  }

  private static void setAuthorization(HttpHeaders headers, String authorization) {
    if (authorization != null) {
      headers.set(HttpHeaders.AUTHORIZATION, authorization);
    }
  }
}

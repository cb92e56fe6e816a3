package io.agentic.workflow.transfer;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.CurrentUser;
import io.agentic.workflow.crud.WorkflowRequest;
import io.agentic.workflow.crud.WorkflowService;
import io.agentic.workflow.crud.WorkflowView;
import io.agentic.workflow.graph.GraphValidator;
import io.agentic.workflow.graph.Violation;
import io.agentic.workflow.graph.WorkflowDraft;
import io.agentic.workflow.store.WorkflowAccess;
import io.agentic.workflow.store.WorkflowDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/workflows/{id}/export} and {@code POST /api/workflows/import}: a workflow as a
 * portable file ({@link PortableWorkflow}) and back. Export is readable by whoever may read the
 * workflow; an import is a new workflow owned by the caller, validated like any save.
 */
@RestController
@Tag(name = "Workflows")
class TransferController {

  private final WorkflowService workflows;
  private final GraphValidator validator;

  TransferController(WorkflowService workflows, GraphValidator validator) {
    this.workflows = workflows;
    this.validator = validator;
  }

  @GetMapping("/api/workflows/{id}/export")
  @Operation(summary = "Download a workflow as a portable file (no ids of users, secrets hidden)")
  ResponseEntity<PortableWorkflow> export(CurrentUser user, @PathVariable String id) {
    WorkflowDocument w = workflows.readable(user, id);
    ContentDisposition attachment =
        ContentDisposition.attachment().filename(fileName(w.name())).build();
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment.toString())
        .body(PortableWorkflow.of(w));
  }

  @PostMapping("/api/workflows/import")
  @Operation(summary = "Create a workflow owned by the caller from a portable file")
  ResponseEntity<WorkflowView> importWorkflow(CurrentUser user, @RequestBody JsonNode body) {
    if (!WorkflowAccess.canCreate(user)) {
      throw ApiException.forbidden("Users with role viewer cannot create workflows");
    }
    List<Violation> violations = new ArrayList<>();
    PortableWorkflow file = ImportReader.read(body, violations);
    if (file != null) {
      violations.addAll(
          validator.validate(
              new WorkflowDraft(
                  file.name(), file.description(), file.tags(), file.nodes(), file.edges())));
    }
    if (!violations.isEmpty()) {
      throw WorkflowService.rejection(violations);
    }
    WorkflowDocument created =
        workflows.create(
            user,
            new WorkflowRequest(
                file.name(),
                file.description(),
                file.nodes(),
                file.edges(),
                file.tags(),
                null,
                null));
    return ResponseEntity.status(HttpStatus.CREATED)
        .eTag(WorkflowView.etag(created.version()))
        .location(URI.create("/api/workflows/" + created.id()))
        .body(WorkflowView.of(created));
  }

  /** An ASCII file name from the workflow's name: {@code Blog pipeline} → {@code blog-pipeline}. */
  static String fileName(String name) {
    String slug =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.length() > 80) {
      slug = slug.substring(0, 80).replaceAll("-+$", "");
    }
    return (slug.isEmpty() ? "workflow" : slug) + ".workflow.json";
  }
}

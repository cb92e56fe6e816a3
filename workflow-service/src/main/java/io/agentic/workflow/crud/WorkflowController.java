package io.agentic.workflow.crud;

import io.agentic.platform.security.CurrentUser;
import io.agentic.workflow.store.WorkflowDocument;
import io.agentic.workflow.store.WorkflowStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/workflows}: create, list, read, replace, delete and copy workflows. */
@RestController
@RequestMapping("/api/workflows")
@Tag(name = "Workflows")
class WorkflowController {

  private final WorkflowService workflows;

  WorkflowController(WorkflowService workflows) {
    this.workflows = workflows;
  }

  @PostMapping({"", "/"})
  @Operation(summary = "Create a workflow (version 1), owned by the caller")
  ResponseEntity<WorkflowView> create(CurrentUser user, @RequestBody WorkflowRequest request) {
    return created(workflows.create(user, request));
  }

  @GetMapping({"", "/"})
  @Operation(summary = "List the workflows the caller may see, newest change first")
  PageView<WorkflowView> list(
      CurrentUser user,
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    WorkflowStore.Slice<WorkflowDocument> slice =
        workflows.list(user, new ListFilter(tag, status, q), page, size);
    return new PageView<>(
        slice.items().stream().map(WorkflowView::of).toList(), page, size, slice.total());
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read a workflow (ETag = its version; If-None-Match answers 304)")
  ResponseEntity<WorkflowView> get(CurrentUser user, @PathVariable String id) {
    return current(workflows.readable(user, id));
  }

  @PutMapping("/{id}")
  @Operation(summary = "Replace a workflow's content as a new version (If-Match optional)")
  ResponseEntity<WorkflowView> replace(
      CurrentUser user,
      @PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody WorkflowRequest request) {
    return current(workflows.update(user, id, request, ifMatch));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a workflow and its versions (owners and admins)")
  ResponseEntity<Void> delete(CurrentUser user, @PathVariable String id) {
    workflows.delete(user, id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/duplicate")
  @Operation(summary = "Copy a workflow into a new private workflow owned by the caller")
  ResponseEntity<WorkflowView> duplicate(CurrentUser user, @PathVariable String id) {
    return created(workflows.duplicate(user, id));
  }

  private static ResponseEntity<WorkflowView> created(WorkflowDocument w) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .eTag(WorkflowView.etag(w.version()))
        .location(URI.create("/api/workflows/" + w.id()))
        .body(WorkflowView.of(w));
  }

  /** A workflow with its ETag, for reads and for the answers to changes. */
  static ResponseEntity<WorkflowView> current(WorkflowDocument w) {
    return ResponseEntity.ok().eTag(WorkflowView.etag(w.version())).body(WorkflowView.of(w));
  }
}

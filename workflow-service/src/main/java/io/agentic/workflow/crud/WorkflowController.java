package io.agentic.workflow.crud;

import io.agentic.platform.security.CurrentUser;
import io.agentic.workflow.store.WorkflowDocument;
import io.agentic.workflow.store.WorkflowStore;
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
class WorkflowController {

  private final WorkflowService workflows;

  WorkflowController(WorkflowService workflows) {
    this.workflows = workflows;
  }

  @PostMapping({"", "/"})
  ResponseEntity<WorkflowView> create(CurrentUser user, @RequestBody WorkflowRequest request) {
    return created(workflows.create(user, request));
  }

  @GetMapping({"", "/"})
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
  ResponseEntity<WorkflowView> get(CurrentUser user, @PathVariable String id) {
    return current(workflows.readable(user, id));
  }

  @PutMapping("/{id}")
  ResponseEntity<WorkflowView> replace(
      CurrentUser user,
      @PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody WorkflowRequest request) {
    return current(workflows.update(user, id, request, ifMatch));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(CurrentUser user, @PathVariable String id) {
    workflows.delete(user, id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/duplicate")
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

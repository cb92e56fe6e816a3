package io.agentic.workflow.versions;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.CurrentUser;
import io.agentic.workflow.crud.PageView;
import io.agentic.workflow.crud.WorkflowService;
import io.agentic.workflow.crud.WorkflowView;
import io.agentic.workflow.store.WorkflowDocument;
import io.agentic.workflow.store.WorkflowStore;
import io.agentic.workflow.store.WorkflowVersionDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/workflows/{id}/versions}: every saved version, newest first, and each one in full.
 * Readable by whoever may read the workflow now.
 */
@RestController
@RequestMapping("/api/workflows/{id}/versions")
@Tag(name = "Workflows")
class VersionsController {

  private final WorkflowService workflows;
  private final WorkflowStore store;

  VersionsController(WorkflowService workflows, WorkflowStore store) {
    this.workflows = workflows;
    this.store = store;
  }

  @GetMapping({"", "/"})
  @Operation(summary = "List a workflow's saved versions, newest first")
  PageView<VersionSummary> list(
      CurrentUser user,
      @PathVariable String id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    workflows.readable(user, id);
    PageView.checkPaging(page, size);
    WorkflowStore.Slice<WorkflowVersionDocument> slice = store.listVersions(id, page, size);
    return new PageView<>(
        slice.items().stream().map(VersionSummary::of).toList(), page, size, slice.total());
  }

  @GetMapping("/{version}")
  @Operation(summary = "Read a workflow as it was saved at one version")
  ResponseEntity<WorkflowView> get(
      CurrentUser user, @PathVariable String id, @PathVariable int version) {
    WorkflowDocument current = workflows.readable(user, id);
    WorkflowVersionDocument saved =
        workflows
            .version(id, version)
            // A save interrupted between its two writes left its version only in the workflow.
            .or(
                () ->
                    version == current.version()
                        ? java.util.Optional.of(WorkflowVersionDocument.of(current))
                        : java.util.Optional.empty())
            .orElseThrow(() -> ApiException.notFound("Version " + version + " of workflow " + id));
    return ResponseEntity.ok()
        .eTag(WorkflowView.etag(saved.version()))
        .body(WorkflowView.of(current, saved));
  }
}

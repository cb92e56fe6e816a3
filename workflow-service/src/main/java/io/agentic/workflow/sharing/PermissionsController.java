package io.agentic.workflow.sharing;

import io.agentic.platform.security.CurrentUser;
import io.agentic.workflow.crud.WorkflowView;
import io.agentic.workflow.store.WorkflowDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/workflows/{id}/permissions}: who may read, change and manage a workflow. */
@RestController
@Tag(name = "Workflows")
class PermissionsController {

  private final SharingService sharing;

  PermissionsController(SharingService sharing) {
    this.sharing = sharing;
  }

  @PutMapping("/api/workflows/{id}/permissions")
  @Operation(summary = "Set who owns, edits and views a workflow, and whether it is public")
  ResponseEntity<WorkflowView> share(
      CurrentUser user,
      @PathVariable String id,
      @RequestBody PermissionsRequest request,
      HttpServletRequest http) {
    WorkflowDocument shared = sharing.share(user, id, request, http.getRemoteAddr());
    return ResponseEntity.ok()
        .eTag(WorkflowView.etag(shared.version()))
        .body(WorkflowView.of(shared));
  }
}

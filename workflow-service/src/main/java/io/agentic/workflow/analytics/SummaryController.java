package io.agentic.workflow.analytics;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/workflows/analytics/summary}: counts over every workflow, for admins. */
@RestController
@Tag(name = "Workflow analytics")
class SummaryController {

  private final SummaryQueries queries;

  SummaryController(SummaryQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/api/workflows/analytics/summary")
  @Operation(
      summary = "Workflow counts by status, tag and owner, and the latest changes (admins only)")
  WorkflowSummary summary(CurrentUser user) {
    if (!user.isAdmin()) {
      throw ApiException.forbidden("Only admins may see the workflow summary");
    }
    return queries.summary();
  }
}

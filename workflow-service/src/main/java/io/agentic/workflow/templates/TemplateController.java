package io.agentic.workflow.templates;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.CurrentUser;
import io.agentic.workflow.crud.PageView;
import io.agentic.workflow.crud.WorkflowView;
import io.agentic.workflow.store.WorkflowDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/templates}: ready workflows to browse and to copy into one's own workflows. */
@RestController
@RequestMapping("/api/templates")
@Tag(name = "Templates")
class TemplateController {

  private final TemplateCatalog catalog;
  private final TemplateInstantiation instantiation;

  TemplateController(TemplateCatalog catalog, TemplateInstantiation instantiation) {
    this.catalog = catalog;
    this.instantiation = instantiation;
  }

  @GetMapping({"", "/"})
  @Operation(summary = "List the templates, optionally of one category or with one tag")
  PageView<TemplateViews.Summary> list(
      CurrentUser user,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String tag,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    PageView.checkPaging(page, size);
    List<Template> matching =
        catalog.all().stream()
            .filter(t -> category == null || category.isBlank() || t.category().equals(category))
            .filter(t -> tag == null || tag.isBlank() || t.tags().contains(tag))
            .toList();
    List<TemplateViews.Summary> items =
        matching.stream()
            .skip((long) page * size)
            .limit(size)
            .map(TemplateViews.Summary::of)
            .toList();
    return new PageView<>(items, page, size, matching.size());
  }

  @GetMapping("/{id}")
  @Operation(summary = "One template with its graph and the templates it runs")
  TemplateViews.Detail get(CurrentUser user, @PathVariable String id) {
    return catalog
        .find(id)
        .map(TemplateViews.Detail::of)
        .orElseThrow(() -> ApiException.notFound("Template " + id));
  }

  @PostMapping("/{id}/instantiate")
  @Operation(
      summary = "Create a workflow owned by the caller from a template",
      description =
          "Templates it runs as sub-workflows or loop bodies are created first, as workflows of"
              + " the caller too, and the new workflow refers to them by their new ids.")
  ResponseEntity<WorkflowView> instantiate(
      CurrentUser user,
      @PathVariable String id,
      @RequestBody(required = false) TemplateViews.InstantiateRequest request) {
    WorkflowDocument created =
        instantiation.instantiate(user, id, request == null ? null : request.name());
    return ResponseEntity.status(HttpStatus.CREATED)
        .eTag(WorkflowView.etag(created.version()))
        .location(URI.create("/api/workflows/" + created.id()))
        .body(WorkflowView.of(created));
  }
}

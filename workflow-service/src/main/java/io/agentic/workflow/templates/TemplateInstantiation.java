package io.agentic.workflow.templates;

import io.agentic.platform.problem.ApiException;
import io.agentic.platform.security.CurrentUser;
import io.agentic.workflow.crud.WorkflowRequest;
import io.agentic.workflow.crud.WorkflowService;
import io.agentic.workflow.graph.GraphValidator;
import io.agentic.workflow.graph.Violation;
import io.agentic.workflow.store.WorkflowAccess;
import io.agentic.workflow.store.WorkflowDocument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Turns a template into workflows owned by the caller, through the same path as {@code POST
 * /api/workflows} (validation, version 1, publication). The templates it runs come first, once
 * each, so that its SUB_WORKFLOW and LOOP nodes can name their new ids.
 */
@Service
class TemplateInstantiation {

  private final TemplateCatalog catalog;
  private final WorkflowService workflows;
  private final GraphValidator validator;

  TemplateInstantiation(
      TemplateCatalog catalog, WorkflowService workflows, GraphValidator validator) {
    this.catalog = catalog;
    this.workflows = workflows;
    this.validator = validator;
  }

  /** The workflow made from template {@code id}, named {@code name} or as the template. */
  WorkflowDocument instantiate(CurrentUser user, String id, String name) {
    if (!WorkflowAccess.canCreate(user)) {
      throw ApiException.forbidden("Users with role viewer cannot create workflows");
    }
    Template template = catalog.find(id).orElseThrow(() -> ApiException.notFound("Template " + id));
    String workflowName = name == null ? template.name() : name;
    // Check the one thing the caller chose before anything is created.
    List<Violation> violations =
        validator.validate(template.draft(workflowName)).stream()
            .filter(v -> v.field().equals("name"))
            .toList();
    if (!violations.isEmpty()) {
      throw WorkflowService.rejection(violations);
    }
    return create(user, template, workflowName, new HashMap<>());
  }

  private WorkflowDocument create(
      CurrentUser user, Template template, String name, Map<String, String> created) {
    for (String required : template.requires()) {
      if (!created.containsKey(required)) {
        Template child = catalog.find(required).orElseThrow();
        created.put(required, create(user, child, childName(child, name), created).id());
      }
    }
    return workflows.create(
        user,
        new WorkflowRequest(
            name,
            template.description(),
            template.nodesResolved(created),
            template.edges(),
            template.tags(),
            null,
            null));
  }

  /**
   * {@code Summarise one article (for My digest)}, or the template's name when that is too long.
   */
  private static String childName(Template child, String parentName) {
    String name = child.name() + " (for " + parentName + ")";
    return name.length() <= GraphValidator.MAX_NAME ? name : child.name();
  }
}

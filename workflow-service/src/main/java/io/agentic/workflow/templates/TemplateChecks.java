package io.agentic.workflow.templates;

import io.agentic.contracts.workflow.NodeType;
import io.agentic.workflow.graph.GraphValidator;
import io.agentic.workflow.graph.Node;
import io.agentic.workflow.graph.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a template valid: its graph passes {@link GraphValidator} as a save would; it has an
 * id, name, description and category; its declared inputs are exactly its INPUT node's fields; and
 * every SUB_WORKFLOW or LOOP runs another template of the catalogue ({@code template:<id>}, never a
 * concrete workflow id, which would not exist elsewhere), without templates reaching themselves.
 */
final class TemplateChecks {

  static final Pattern ID = Pattern.compile("^[a-z][a-z0-9-]{0,63}$");

  private final GraphValidator validator;
  private final Map<String, Template> templates;
  private final List<String> problems = new ArrayList<>();

  TemplateChecks(GraphValidator validator, Map<String, Template> templates) {
    this.validator = validator;
    this.templates = templates;
  }

  List<String> problems() {
    for (Template t : templates.values()) {
      check(t);
    }
    for (Template t : templates.values()) {
      List<String> cycle = cycleFrom(t.id(), new ArrayList<>());
      if (cycle != null && cycle.getFirst().equals(t.id())) {
        problems.add(
            t.id() + ": templates run each other in a cycle: " + String.join(" -> ", cycle));
      }
    }
    return problems;
  }

  private void check(Template t) {
    String id = t.id();
    if (id == null || !ID.matcher(id).matches()) {
      problems.add(id + ": a template id must match " + ID);
    }
    for (String field : List.of("name", "description", "category")) {
      String value =
          switch (field) {
            case "name" -> t.name();
            case "description" -> t.description();
            default -> t.category();
          };
      if (value == null || value.isBlank()) {
        problems.add(id + ": " + field + " is required");
      }
    }
    for (Violation v : validator.validate(t.draft(t.name()))) {
      problems.add(id + ": " + v.field() + ": " + v.message());
    }
    checkInputs(t);
    for (Node node : t.nodes()) {
      Object ref = Template.childWorkflow(node);
      if (ref == null) {
        continue;
      }
      String target =
          ref instanceof String s && s.startsWith(Template.REFERENCE)
              ? s.substring(Template.REFERENCE.length())
              : null;
      if (target == null) {
        problems.add(
            id + ": node '" + node.id() + "' must name the workflow it runs as \"template:<id>\"");
      } else if (!templates.containsKey(target)) {
        problems.add(id + ": node '" + node.id() + "' runs unknown template '" + target + "'");
      }
    }
  }

  /** The declared inputs are the INPUT nodes' fields, with the same types, each once. */
  private void checkInputs(Template t) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Node node : t.nodes()) {
      if (NodeType.INPUT.name().equals(node.type())
          && node.data().get("fields") instanceof Map<?, ?> declared) {
        declared.forEach((name, type) -> fields.put(String.valueOf(name), type));
      }
    }
    Set<String> seen = new HashSet<>();
    for (TemplateInput input : t.inputs()) {
      if (!seen.add(input.name())) {
        problems.add(t.id() + ": input '" + input.name() + "' is declared twice");
      } else if (!fields.containsKey(input.name())) {
        problems.add(t.id() + ": input '" + input.name() + "' is not a field of its INPUT node");
      } else if (!fields.get(input.name()).equals(input.type())) {
        problems.add(
            t.id()
                + ": input '"
                + input.name()
                + "' is declared as "
                + input.type()
                + " but its INPUT node says "
                + fields.get(input.name()));
      }
      if (input.description() == null || input.description().isBlank()) {
        problems.add(t.id() + ": input '" + input.name() + "' needs a description");
      }
    }
    for (String field : fields.keySet()) {
      if (!seen.contains(field)) {
        problems.add(t.id() + ": INPUT field '" + field + "' is not listed in inputs");
      }
    }
  }

  /** A path of template references from {@code id} back to a template already on the path. */
  private List<String> cycleFrom(String id, List<String> path) {
    if (path.contains(id)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
      cycle.add(id);
      return cycle;
    }
    Template t = templates.get(id);
    if (t == null) {
      return null;
    }
    path.add(id);
    for (String next : t.requires()) {
      List<String> cycle = cycleFrom(next, path);
      if (cycle != null) {
        return cycle;
      }
    }
    path.removeLast();
    return null;
  }
}

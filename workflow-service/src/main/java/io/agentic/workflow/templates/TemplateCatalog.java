package io.agentic.workflow.templates;

import io.agentic.workflow.graph.GraphValidator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ready workflows offered by {@code /api/templates}, read once from {@code templates/*.json} on
 * the classpath. Every template is checked at start-up as a save would check it (and more: see
 * {@link TemplateChecks}); one invalid template stops the service from starting, so a broken
 * template is found by the build, never by a user.
 */
@Component
public class TemplateCatalog {

  static final String LOCATION = "classpath*:templates/*.json";

  private static final JsonMapper STRICT =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final Map<String, Template> byId;
  private final List<Template> ordered;

  @Autowired
  TemplateCatalog(GraphValidator validator) {
    this(LOCATION, validator);
  }

  /**
   * @throws IllegalStateException naming every problem of every template, when there is one
   */
  TemplateCatalog(String location, GraphValidator validator) {
    List<String> problems = new ArrayList<>();
    Map<String, Template> templates = new LinkedHashMap<>();
    for (Resource file : files(location)) {
      Template template = parse(file, problems);
      if (template == null) {
        continue;
      }
      String expectedFile = template.id() + ".json";
      if (!expectedFile.equals(file.getFilename())) {
        problems.add(file.getFilename() + ": the file must be named " + expectedFile);
      }
      if (templates.putIfAbsent(template.id(), template) != null) {
        problems.add(file.getFilename() + ": template id '" + template.id() + "' is used twice");
      }
    }
    if (templates.isEmpty() && problems.isEmpty()) {
      problems.add("no templates found at " + location);
    }
    problems.addAll(new TemplateChecks(validator, templates).problems());
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Invalid workflow templates:\n  - " + String.join("\n  - ", problems));
    }
    this.byId = Map.copyOf(templates);
    this.ordered = List.copyOf(templates.values());
  }

  /** Every template, ordered by file name. */
  public Collection<Template> all() {
    return ordered;
  }

  public Optional<Template> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  private static List<Resource> files(String location) {
    try {
      List<Resource> files =
          new ArrayList<>(
              List.of(new PathMatchingResourcePatternResolver().getResources(location)));
      files.sort(
          (a, b) -> String.valueOf(a.getFilename()).compareTo(String.valueOf(b.getFilename())));
      return files;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list the workflow templates at " + location, e);
    }
  }

  private static Template parse(Resource file, List<String> problems) {
    try (InputStream in = file.getInputStream()) {
      return STRICT.readValue(in, Template.class);
    } catch (IOException | JacksonException e) {
      problems.add(file.getFilename() + ": not a readable template: " + e.getMessage());
      return null;
    }
  }
}

package io.agentic.expression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The expression language of workflows: CEL with the suite's variables, extensions and limits.
 * workflow-service checks expressions when a workflow is saved; execution-service evaluates them.
 *
 * <p>An expression sees {@code inputs}, {@code nodes.<nodeId>.output} and {@code execution}; any
 * other bare name is an execution input ({@code topic} means {@code inputs.topic}). Values that
 * arrive as data are never evaluated: only the expression text and the template given here are.
 *
 * <p>Thread-safe; compiled programs are cached (bounded LRU keyed by expression text).
 */
public final class Expressions {

  private final ExpressionLimits limits;
  private final ExpressionCompiler compiler;
  private final Evaluator evaluator;
  private final CompilationCache cache;

  private Expressions(ExpressionLimits limits, long maxUnits) {
    this.limits = limits;
    this.compiler = new ExpressionCompiler(limits, maxUnits);
    this.evaluator = new Evaluator(limits, maxUnits);
    this.cache = new CompilationCache(limits.cacheSize());
    warmUp();
  }

  /**
   * Loads the classes an evaluation touches (interpreter, macros, extensions, regex, conversions)
   * now, so that the first real evaluation does not spend its time budget on class loading. A
   * failure here is harmless: the same error would surface on real use.
   */
  private void warmUp() {
    var context =
        new EvaluationContext(
            Map.of("items", List.of(1, 2.5, "x"), "name", "n"),
            Map.of("a", Map.of("k", List.of(true))),
            Map.of("id", "warm-up"));
    try {
      resolveTree(
          Map.of(
              "check",
                  "{{ items.filter(i, type(i) == type(1)).map(i, i * 2).size() > 0 && has(nodes.a) }}",
              "text", "{{ name.upperAscii().replace('N', 'm') }} {{ nodes.a.output }}",
              "regex", "{{ execution.id.matches('^w.*p$') ? math.greatest(1, 2) : 0 }}"),
          context);
    } catch (ExpressionException ignored) {
      // see above
    }
  }

  /** The suite's one environment with {@link ExpressionLimits#defaults()}; built on first use. */
  public static Expressions standard() {
    return Standard.INSTANCE;
  }

  /** An environment with other limits (tests, or a service that configures its own). */
  public static Expressions withLimits(ExpressionLimits limits) {
    return new Expressions(limits, EvaluationBudget.DEFAULT_MAX_UNITS);
  }

  /**
   * With a different cap on what one evaluation may build (characters plus list and map items),
   * which otherwise is 32 Mi; for tests.
   */
  static Expressions withLimits(ExpressionLimits limits, long maxUnits) {
    return new Expressions(limits, maxUnits);
  }

  public ExpressionLimits limits() {
    return limits;
  }

  /**
   * Parses and type-checks without evaluating. Empty list = valid. Each string is a human message
   * saying what is wrong and where (it does not repeat the expression).
   */
  public List<String> check(String expression) {
    return compile(expression).problems();
  }

  /** Evaluates a bare expression. Never throws anything but {@link ExpressionException}. */
  public Object evaluate(String expression, EvaluationContext context) {
    Compilation compilation = compile(expression);
    if (!compilation.isOk()) {
      throw compilation.toException(expression);
    }
    return evaluator.evaluate(compilation.compiled(), orEmpty(context));
  }

  /**
   * A template string: exactly one "{{ expr }}" (whitespace around allowed) → the value with its
   * type; otherwise each {{ }} is interpolated as text (strings as-is, other values as JSON text).
   * A string without {{ }} is returned unchanged.
   */
  public Object resolveTemplate(String template, EvaluationContext context) {
    if (template == null || !template.contains("{{")) {
      return template;
    }
    Template parsed = Template.parse(template);
    Optional<String> single = parsed.single();
    if (single.isPresent()) {
      return evaluate(single.get(), context);
    }
    StringBuilder text = new StringBuilder();
    for (Template.Part part : parsed.parts()) {
      if (!part.expression()) {
        text.append(part.text());
        continue;
      }
      Object value = evaluate(part.text(), context);
      text.append(value instanceof String s ? s : JsonText.write(value));
    }
    return text.toString();
  }

  /**
   * Resolves templates in every string of a JSON-like tree (Map&lt;String,Object&gt;/List/String/
   * Number/Boolean/null), returning a new tree; substitution is by value (never splicing text into
   * JSON). Map keys are not templates.
   */
  public Object resolveTree(Object tree, EvaluationContext context) {
    try {
      return resolveNode(tree, orEmpty(context));
    } catch (StackOverflowError e) {
      throw new ExpressionException(
          ExpressionException.LIMIT,
          null,
          "The value is nested too deeply to resolve its templates");
    }
  }

  /**
   * The expressions inside the {{ }} of a template string, for save-time checks. Unbalanced braces
   * → ExpressionException with code EXPRESSION_INVALID.
   */
  public static List<String> templateExpressions(String template) {
    if (template == null || !template.contains("{{")) {
      return List.of();
    }
    return Template.parse(template).expressions();
  }

  private Object resolveNode(Object node, EvaluationContext context) {
    return switch (node) {
      case String template -> resolveTemplate(template, context);
      case Map<?, ?> map -> {
        Map<String, Object> resolved = LinkedHashMap.newLinkedHashMap(map.size());
        map.forEach(
            (key, value) ->
                resolved.put(
                    key instanceof String s ? s : String.valueOf(key),
                    resolveNode(value, context)));
        yield resolved;
      }
      case List<?> list -> {
        List<Object> resolved = new ArrayList<>(list.size());
        list.forEach(item -> resolved.add(resolveNode(item, context)));
        yield resolved;
      }
      case null, default -> node;
    };
  }

  private Compilation compile(String expression) {
    if (expression == null) {
      return compiler.compile(null);
    }
    return cache.get(expression, compiler::compile);
  }

  int cachedPrograms() {
    return cache.size();
  }

  boolean isCached(String expression) {
    return cache.contains(expression);
  }

  private static EvaluationContext orEmpty(EvaluationContext context) {
    return context == null ? new EvaluationContext(null, null, null) : context;
  }

  private static final class Standard {
    static final Expressions INSTANCE = withLimits(ExpressionLimits.defaults());
  }
}

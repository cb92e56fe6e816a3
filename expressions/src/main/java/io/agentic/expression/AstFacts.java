package io.agentic.expression;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelComprehension;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the compiler needs to know about an expression's syntax tree.
 *
 * @param freeIdentifiers bare names that are neither a context variable ({@code inputs}, {@code
 *     nodes}, {@code execution}) nor a comprehension variable: they name execution inputs ({@code
 *     topic} means {@code inputs.topic}). That includes CEL's type names: an input called {@code
 *     type} or {@code map} is common in workflows, so {@code type} means the input, and a type is
 *     written {@code type(1)} rather than {@code int}
 * @param accumulationSteps ids of the {@code accumulator + [item]} calls that macros such as {@code
 *     map} and {@code filter} expand to; they grow a list by one item, so the budget must not
 *     charge them the whole list each iteration
 */
record AstFacts(Set<String> freeIdentifiers, Set<Long> accumulationSteps) {

  static final Set<String> CONTEXT_VARIABLES = Set.of("inputs", "nodes", "execution");

  static AstFacts of(CelExpr root) {
    AstFacts facts = new AstFacts(new LinkedHashSet<>(), new HashSet<>());
    facts.walk(root, Set.of());
    return new AstFacts(Set.copyOf(facts.freeIdentifiers), Set.copyOf(facts.accumulationSteps));
  }

  private void walk(CelExpr expr, Set<String> bound) {
    switch (expr.getKind()) {
      case IDENT -> {
        String name = expr.ident().name();
        if (!bound.contains(name) && !CONTEXT_VARIABLES.contains(name)) {
          freeIdentifiers.add(name);
        }
      }
      case SELECT -> walk(expr.select().operand(), bound);
      case CALL -> {
        if (isAccumulationStep(expr, bound)) {
          accumulationSteps.add(expr.id());
        }
        expr.call().target().ifPresent(target -> walk(target, bound));
        expr.call().args().forEach(arg -> walk(arg, bound));
      }
      case LIST -> expr.list().elements().forEach(element -> walk(element, bound));
      case MAP ->
          expr.map()
              .entries()
              .forEach(
                  entry -> {
                    walk(entry.key(), bound);
                    walk(entry.value(), bound);
                  });
      case STRUCT -> expr.struct().entries().forEach(entry -> walk(entry.value(), bound));
      case COMPREHENSION -> walkComprehension(expr.comprehension(), bound);
      default -> {}
    }
  }

  private void walkComprehension(CelComprehension comprehension, Set<String> bound) {
    walk(comprehension.iterRange(), bound);
    walk(comprehension.accuInit(), bound);
    Set<String> inner = new HashSet<>(bound);
    inner.add(comprehension.iterVar());
    if (!comprehension.iterVar2().isEmpty()) {
      inner.add(comprehension.iterVar2());
    }
    inner.add(comprehension.accuVar());
    walk(comprehension.loopCondition(), inner);
    walk(comprehension.loopStep(), inner);
    walk(comprehension.result(), inner);
  }

  /** {@code accumulator + [...]} where the accumulator is a comprehension's own variable. */
  private static boolean isAccumulationStep(CelExpr expr, Set<String> bound) {
    var call = expr.call();
    if (!call.function().equals("_+_") || call.args().size() != 2) {
      return false;
    }
    CelExpr left = call.args().getFirst();
    return left.getKind() == CelExpr.ExprKind.Kind.IDENT
        && left.ident().name().startsWith("@")
        && bound.contains(left.ident().name());
  }
}

package io.agentic.expression;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.checker.CelChecker;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelException;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.CelVarDecl;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelListsExtensions;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.parser.CelStandardMacro;
import java.util.EnumSet;
import java.util.List;

/**
 * The suite's one CEL environment: standard library and macros, the strings, math, lists and
 * encoders extensions (with {@link BoundedFunctions} standing in for the two whose output is
 * unbounded), {@code inputs}, {@code nodes} and {@code execution} as maps of {@code dyn}, int and
 * double comparable with each other, and the parse limits of {@link ExpressionLimits}. Nothing in
 * it can reach Java classes, reflection or I/O. Compiles text to a program; thread-safe.
 */
final class ExpressionCompiler {

  /** re2j program size cap: a regex like {@code (a{1000}){1000}} is refused, not compiled. */
  private static final int MAX_REGEX_PROGRAM_SIZE = 10_000;

  private final ExpressionLimits limits;
  private final Cel cel;

  ExpressionCompiler(ExpressionLimits limits, long maxUnits) {
    this.limits = limits;
    CelOptions options =
        CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .maxExpressionCodePointSize(limits.maxLength())
            .maxParseRecursionDepth(limits.maxDepth())
            .comprehensionMaxIterations(limits.maxIterations())
            .maxRegexProgramSize(MAX_REGEX_PROGRAM_SIZE)
            .build();
    var strings =
        CelExtensions.strings(
            EnumSet.complementOf(EnumSet.of(CelStringExtensions.Function.REPLACE)));
    var lists =
        CelExtensions.lists(EnumSet.complementOf(EnumSet.of(CelListsExtensions.Function.RANGE)));
    var math = CelExtensions.math(options);
    var encoders = CelExtensions.encoders(options);
    var map = MapType.create(SimpleType.STRING, SimpleType.DYN);
    this.cel =
        CelFactory.standardCelBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(strings, math, lists, encoders)
            .addRuntimeLibraries(strings, math, lists, encoders)
            .addFunctionDeclarations(BoundedFunctions.declarations())
            .addFunctionBindings(BoundedFunctions.bindings(limits.maxIterations(), maxUnits))
            .addVar("inputs", map)
            .addVar("nodes", map)
            .addVar("execution", map)
            .build();
  }

  Compilation compile(String text) {
    if (text == null || text.isBlank()) {
      return Compilation.failed(ExpressionException.INVALID, List.of("it is empty"));
    }
    int length = text.codePointCount(0, text.length());
    if (length > limits.maxLength()) {
      return Compilation.failed(
          ExpressionException.LIMIT,
          List.of("it is " + length + " characters long, over the limit of " + limits.maxLength()));
    }
    try {
      CelValidationResult parsed = cel.parse(text);
      if (parsed.hasError()) {
        return failed(parsed.getErrors());
      }
      CelAbstractSyntaxTree ast = parsed.getAst();
      CelValidationResult checked = checkerFor(AstFacts.of(ast.getExpr())).check(ast);
      if (checked.hasError()) {
        return failed(checked.getErrors());
      }
      CelAbstractSyntaxTree checkedAst = checked.getAst();
      // After checking, names such as base64 in base64.encode(...) are resolved as functions and
      // no longer appear as identifiers: only the names still there are bound to inputs.
      AstFacts facts = AstFacts.of(checkedAst.getExpr());
      return Compilation.ok(
          new Compilation.Compiled(
              text,
              cel.createProgram(checkedAst),
              facts.freeIdentifiers(),
              facts.accumulationSteps()));
    } catch (CelException e) {
      return Compilation.failed(
          ExpressionException.INVALID, List.of(CelMessages.plain(e.getMessage())));
    } catch (StackOverflowError e) {
      return Compilation.failed(ExpressionException.LIMIT, List.of("it is nested too deeply"));
    } catch (RuntimeException e) {
      // Not expected from CEL; still an answer about the text rather than a server error.
      return Compilation.failed(
          ExpressionException.INVALID, List.of(CelMessages.plain(e.getMessage())));
    }
  }

  /** The base checker, or one that also declares each input named by a bare identifier. */
  private CelChecker checkerFor(AstFacts facts) {
    if (facts.freeIdentifiers().isEmpty()) {
      return cel;
    }
    return cel.toCheckerBuilder()
        .addVarDeclarations(
            facts.freeIdentifiers().stream()
                .map(name -> CelVarDecl.newVarDeclaration(name, SimpleType.DYN))
                .toList())
        .build();
  }

  private static Compilation failed(List<CelIssue> issues) {
    List<String> problems = CelMessages.describe(issues);
    boolean tooDeep =
        issues.stream().anyMatch(issue -> CelMessages.isDepthLimit(issue.getMessage()));
    return Compilation.failed(
        tooDeep ? ExpressionException.LIMIT : ExpressionException.INVALID, problems);
  }
}

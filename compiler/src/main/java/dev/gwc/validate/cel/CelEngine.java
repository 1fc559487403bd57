package dev.gwc.validate.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelProtoAbstractSyntaxTree;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.MutableMapValue;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelStandardFunctions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The CEL environment of Kubernetes CRD validation rules, on Google's CEL for Java: {@code self}
 * (and {@code oldSelf}) typed dynamically, the standard macros, the strings extension and the
 * Kubernetes library functions CRDs use. Expressions are compiled lazily, once per distinct text,
 * and shared by every schema node and thread that uses them.
 */
public final class CelEngine {
  /** The value of JSON null inside values handed to {@link CompiledRule#evaluate}. */
  public static final Object NULL = dev.cel.common.values.NullValue.NULL_VALUE;

  private static final Pattern OLD_SELF = Pattern.compile("\\boldSelf\\b");

  private static final Pattern NO_SUCH_KEY = Pattern.compile("key '([^']*)' is not present in map");

  private static final CelOptions OPTIONS =
      CelOptions.current()
          .enableHeterogeneousNumericComparisons(true)
          .comprehensionMaxIterations(DirectPlan.MAX_ITERATIONS)
          .build();

  /**
   * The runtime, one per process (its options and functions never change), built when a rule first
   * needs the library's program: most bundled rules are evaluated by {@link DirectPlan}, and a
   * small run that never needs the library does not pay for it. The compiler likewise, only when a
   * rule is not among the precompiled bundled rules (a user's CRD).
   */
  private static volatile CelRuntime runtime;

  private volatile CelCompiler compiler;
  private final ConcurrentHashMap<String, CompiledRule> cache = new ConcurrentHashMap<>();

  private static CelRuntime runtime() {
    CelRuntime r = runtime;
    if (r == null) {
      synchronized (CelEngine.class) {
        r = runtime;
        if (r == null) {
          r = buildRuntime();
          runtime = r;
        }
      }
    }
    return r;
  }

  private static CelRuntime buildRuntime() {
    return CelRuntimeFactory.plannerRuntimeBuilder()
        .setOptions(OPTIONS)
        // matches() with compiled patterns kept, instead of compiling the regex on every call
        .setStandardFunctions(
            CelStandardFunctions.newBuilder()
                .excludeFunctions(CelStandardFunctions.StandardFunction.MATCHES)
                .build())
        .addFunctionBindings(RegexCache.bindings())
        .addLibraries(CelExtensions.strings())
        .addFunctionBindings(KubernetesLibrary.bindings())
        .build();
  }

  private CelCompiler compiler() {
    CelCompiler c = compiler;
    if (c == null) {
      synchronized (this) {
        c = compiler;
        if (c == null) {
          c =
              CelCompilerFactory.standardCelCompilerBuilder()
                  .setOptions(OPTIONS)
                  .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                  .addLibraries(CelExtensions.strings())
                  .addVar("self", SimpleType.DYN)
                  .addVar("oldSelf", SimpleType.DYN)
                  .addFunctionDeclarations(KubernetesLibrary.declarations())
                  .build();
          compiler = c;
        }
      }
    }
    return c;
  }

  /**
   * The value CEL sees for an object. The planner runtime converts every plain Java map it meets on
   * each evaluation, which made a rule on a large object cost as much as the object; a CEL map
   * value is taken as it is, so each node's value is built once, bottom-up, and shared.
   */
  public static Map<Object, Object> mapValue(Map<String, Object> fields) {
    return MutableMapValue.create(fields);
  }

  /** The value CEL sees for a list (its items are already CEL values). */
  public static List<Object> listValue(List<Object> items) {
    return Collections.unmodifiableList(items);
  }

  /**
   * A deep copy with plain Java maps and lists, for value equality outside CEL and for output:
   * without the escaped names that rules read properties by ({@link PropertyNames}).
   */
  public static Object plainCopy(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach(
          (k, x) -> {
            if (!isEscapedAlias(m, k, x)) {
              out.put(k, plainCopy(x));
            }
          });
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(plainCopy(x)));
      return out;
    }
    return v;
  }

  /** Whether the key is the escaped name of another key of the map that holds the same value. */
  private static boolean isEscapedAlias(Map<?, ?> m, Object key, Object value) {
    String raw = key instanceof String k ? PropertyNames.unescaped(k) : null;
    return raw != null && m.get(raw) == value;
  }

  /** The compiled form of an expression; compile errors are kept in the result, not thrown. */
  public CompiledRule compile(String expression) {
    return cache.computeIfAbsent(expression, this::doCompile);
  }

  private CompiledRule doCompile(String expression) {
    boolean needsOldSelf = OLD_SELF.matcher(expression).find();
    PrecompiledRules.Rule precompiled = PrecompiledRules.lookup(expression);
    if (precompiled != null) {
      return new CompiledRule(
          expression,
          CompiledRule.ProgramSource.memoized(() -> runtime().createProgram(checked(precompiled))),
          null,
          needsOldSelf,
          needsOldSelf || precompiled.expr() == null ? null : DirectPlan.of(precompiled.expr()));
    }
    CelValidationResult result = compiler().compile(expression);
    if (result.hasError()) {
      return new CompiledRule(expression, null, clean(result.getErrorString()), needsOldSelf);
    }
    try {
      String badPattern = RegexCache.invalidConstantPattern(result.getAst());
      if (badPattern != null) {
        // The API server checks constant patterns when the CRD is created: the rule does not
        // compile.
        return new CompiledRule(expression, null, badPattern, needsOldSelf);
      }
      CelRuntime.Program program = runtime().createProgram(result.getAst());
      return new CompiledRule(
          expression,
          () -> program,
          null,
          needsOldSelf,
          needsOldSelf ? null : DirectPlan.of(result.getAst()));
    } catch (Exception e) {
      return new CompiledRule(expression, null, clean(e.getMessage()), needsOldSelf);
    }
  }

  /** A precompiled rule's checked AST; from its text should the stored bytes not parse. */
  private CelAbstractSyntaxTree checked(PrecompiledRules.Rule rule)
      throws dev.cel.runtime.CelEvaluationException {
    CelAbstractSyntaxTree ast = rule.ast();
    if (ast != null) {
      return ast;
    }
    try {
      return compiler().compile(rule.expression()).getAst();
    } catch (dev.cel.common.CelValidationException e) {
      throw new dev.cel.runtime.CelEvaluationException(clean(e.getMessage()), e);
    }
  }

  /** The loops of an expression ({@link RuleLoops}); empty when it does not compile. */
  public List<RuleLoops.Loop> loops(String expression) {
    CelValidationResult result = compiler().compile(expression);
    if (result.hasError()) {
      return List.of();
    }
    try {
      return RuleLoops.of(result.getAst());
    } catch (dev.cel.common.CelValidationException e) {
      return List.of();
    }
  }

  /**
   * The checked form of an expression, serialized, for the build-time cache of bundled rules; null
   * when it does not compile.
   */
  public byte[] checkedBytes(String expression) {
    CelValidationResult result = compiler().compile(expression);
    if (result.hasError()) {
      return null;
    }
    try {
      return CelProtoAbstractSyntaxTree.fromCelAst(result.getAst()).toCheckedExpr().toByteArray();
    } catch (Exception e) {
      return null;
    }
  }

  /** A CEL library message as one lowercase line. */
  static String clean(String message) {
    if (message == null) {
      return "evaluation failed";
    }
    String s = message.strip();
    if (s.toLowerCase(Locale.ROOT).contains("iteration budget exceeded")) {
      return String.format(
          Locale.ROOT,
          "too expensive: its loops ran more than %,d iterations on this object (the API server"
              + " cancels a rule that exceeds its cost limit); bound the lists it iterates with"
              + " maxItems",
          DirectPlan.MAX_ITERATIONS);
    }
    int nl = s.indexOf('\n');
    if (nl >= 0) {
      s = s.substring(0, nl);
    }
    // An error value that met an operator ("expected boolean value, found :ErrorValue{... value=
    // ...Exception: key 'x' is not present in map.}") is that error: its own message, no class.
    int inner = s.lastIndexOf("Exception: ");
    if (s.contains("ErrorValue{") && inner >= 0) {
      s = s.substring(inner + "Exception: ".length());
      if (s.endsWith("}")) {
        s = s.substring(0, s.length() - 1);
      }
    }
    java.util.regex.Matcher noKey = NO_SUCH_KEY.matcher(s);
    if (noKey.find()) {
      return "no such key: " + noKey.group(1); // the API server's (cel-go's) wording
    }
    s = s.replaceFirst("^(ERROR: )?<input>:\\d+:\\d+: ", "");
    s = s.replaceFirst("^evaluation error( at <input>:\\d+)?: ", "");
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    if (!s.isEmpty()
        && Character.isUpperCase(s.charAt(0))
        && (s.length() < 2 || !Character.isUpperCase(s.charAt(1)))) {
      s = s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
    return s;
  }
}

package dev.gwc.validate.cel;

import dev.cel.common.exceptions.CelAttributeNotFoundException;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/**
 * One CEL expression, compiled once and evaluated against many values.
 *
 * @param expression the rule text
 * @param program the program, or null when the expression did not compile
 * @param compileError what is wrong with the expression, or null
 * @param needsOldSelf whether it is a transition rule (uses {@code oldSelf}); such rules cannot run
 *     on a manifest that is being created
 */
public record CompiledRule(
    String expression,
    ProgramSource program,
    String compileError,
    boolean needsOldSelf,
    DirectPlan direct) {

  CompiledRule(
      String expression, ProgramSource program, String compileError, boolean needsOldSelf) {
    this(expression, program, compileError, needsOldSelf, null);
  }

  /**
   * The library's program of a rule, made when first needed: most bundled rules are evaluated by
   * {@link DirectPlan} and never need one, and a small run then never builds the CEL runtime.
   */
  @FunctionalInterface
  interface ProgramSource {
    CelRuntime.Program get() throws CelEvaluationException;

    /** A source that makes the program once, on first use, and keeps it. */
    static ProgramSource memoized(ProgramSource make) {
      return new ProgramSource() {
        private volatile CelRuntime.Program made;

        @Override
        public CelRuntime.Program get() throws CelEvaluationException {
          CelRuntime.Program p = made;
          if (p == null) {
            synchronized (this) {
              p = made;
              if (p == null) {
                p = make.get();
                made = p;
              }
            }
          }
          return p;
        }
      };
    }
  }

  /** When set (tests), every evaluation the direct plan makes is checked against the library's. */
  static volatile boolean crossCheck;

  /** With {@link #crossCheck}: evaluations made directly, and those the library made. */
  static final java.util.concurrent.atomic.AtomicLong DIRECT =
      new java.util.concurrent.atomic.AtomicLong();

  static final java.util.concurrent.atomic.AtomicLong HANDED_OVER =
      new java.util.concurrent.atomic.AtomicLong();

  /** What one evaluation gave. */
  public sealed interface Outcome {}

  /**
   * The expression evaluated to a value.
   *
   * @param value the value, a Boolean for validation rules, a String for message expressions
   */
  public record Value(Object value) implements Outcome {}

  /**
   * The expression failed at run time (no such key, no such overload, cost limit).
   *
   * @param message what failed, a lowercase fragment
   */
  public record Failure(String message) implements Outcome {}

  /**
   * Evaluates with {@code self} bound to a value built by the schema stage: directly when the
   * expression is in {@link DirectPlan}'s subset, else (or when that gives up) with the library.
   */
  public Outcome evaluate(Object self) {
    if (program == null) {
      return new Failure(compileError);
    }
    if (direct != null) {
      try {
        Object v = direct.eval(self);
        if (crossCheck) {
          DIRECT.incrementAndGet();
          Outcome library = library(self);
          if (!(library instanceof Value lv) || !lv.value().equals(v)) {
            throw new AssertionError(
                "direct plan of '" + expression + "' gave " + v + ", the library " + library);
          }
        }
        return new Value(v);
      } catch (DirectPlan.Unsupported e) {
        // the library decides (and words any error)
      }
    }
    if (crossCheck) {
      HANDED_OVER.incrementAndGet();
    }
    return library(self);
  }

  private Outcome library(Object self) {
    try {
      return new Value(program.get().eval(Map.of("self", self)));
    } catch (CelEvaluationException e) {
      if (e.getCause() instanceof CelAttributeNotFoundException missing) {
        // The API server's wording; the library says "key 'x' is not present in map" or just "x".
        String m = CelEngine.clean(missing.getMessage());
        return new Failure(m.startsWith("no such key: ") ? m : "no such key: " + m);
      }
      return new Failure(CelEngine.clean(e.getMessage()));
    } catch (RuntimeException e) {
      // Library functions signal bad arguments with unchecked exceptions.
      return new Failure(CelEngine.clean(String.valueOf(e.getMessage())));
    }
  }
}

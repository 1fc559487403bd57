package dev.gwc.validate.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The loops of a rule (the macros {@code all}, {@code exists}, {@code map}, {@code filter} and the
 * like), with what each iterates over and which loop it runs inside: what an estimate of the rule's
 * cost needs, without CEL's types.
 */
public final class RuleLoops {
  private RuleLoops() {}

  /**
   * A loop.
   *
   * @param parent the index of the loop it runs inside, or -1
   * @param fromLoop the index of the loop whose variable its range starts at, or -1 for {@code
   *     self}
   * @param path the field names from there to the range ({@code [spec, items]} for {@code
   *     self.spec.items}), or null when the range is something else (a literal, a function's
   *     result)
   */
  public record Loop(int parent, int fromLoop, List<String> path) {}

  /** The loops of an expression that compiles, in the order they open; empty when none. */
  static List<Loop> of(CelAbstractSyntaxTree ast) {
    List<Loop> out = new ArrayList<>();
    visit(ast.getExpr(), -1, new HashMap<>(), out);
    return out;
  }

  private static void visit(CelExpr e, int parent, Map<String, Integer> vars, List<Loop> out) {
    if (e.getKind() != CelExpr.ExprKind.Kind.COMPREHENSION) {
      CelNavigableExpr.fromExpr(e)
          .children()
          .forEach(child -> visit(child.expr(), parent, vars, out));
      return;
    }
    CelExpr.CelComprehension c = e.comprehension();
    visit(c.iterRange(), parent, vars, out);
    visit(c.accuInit(), parent, vars, out);
    int index = out.size();
    List<String> path = new ArrayList<>();
    int from = start(c.iterRange(), vars, path);
    out.add(
        new Loop(
            parent,
            from == Integer.MIN_VALUE ? -1 : from,
            from == Integer.MIN_VALUE ? null : List.copyOf(path)));
    Map<String, Integer> inner = new HashMap<>(vars);
    inner.put(c.iterVar(), index);
    visit(c.loopCondition(), index, inner, out);
    visit(c.loopStep(), index, inner, out);
    visit(c.result(), parent, vars, out);
  }

  /**
   * Where a chain of field selections starts: -1 for {@code self}, a loop's index for its variable,
   * {@code Integer.MIN_VALUE} for anything else; the field names are added to {@code path}.
   */
  private static int start(CelExpr e, Map<String, Integer> vars, List<String> path) {
    switch (e.getKind()) {
      case SELECT -> {
        int from = start(e.select().operand(), vars, path);
        path.add(e.select().field());
        return from;
      }
      case IDENT -> {
        String name = e.ident().name();
        if (vars.containsKey(name)) {
          return vars.get(name);
        }
        return name.equals("self") ? -1 : Integer.MIN_VALUE;
      }
      default -> {
        return Integer.MIN_VALUE;
      }
    }
  }
}

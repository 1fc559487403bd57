package dev.gwc.sim;

import dev.gwc.table.BackendRef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Traffic shares of weighted backendRefs, and how numbers are printed. */
public final class Shares {
  private Shares() {}

  public static List<Result.Share> of(List<BackendRef> refs) {
    long total = WeightedChoice.total(refs);
    List<Result.Share> out = new ArrayList<>(refs.size());
    for (BackendRef r : refs) {
      out.add(new Result.Share(r, total == 0 ? 0 : (double) Math.max(0, r.weight()) / total));
    }
    return out;
  }

  /** A number without a trailing {@code .0}: 100, 12.5. */
  public static String percent(double p) {
    return BigDecimal.valueOf(p).stripTrailingZeros().toPlainString();
  }
}

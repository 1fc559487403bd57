package dev.gwc.sim;

/**
 * A traced simulation's routing decision and a bulk lookup's ({@link Simulator#lookup}), written
 * alike so that tests can compare them: listener, route, rule and match, and the backend when both
 * name one.
 */
public final class DecisionText {
  private DecisionText() {}

  /** The simulation's decision, or {@code none}. */
  public static String traced(Result r) {
    return r.route() == null
        ? "none"
        : r.listener()
            + " "
            + r.route().namespace()
            + "/"
            + r.route().name()
            + " "
            + r.route().rule()
            + "/"
            + r.route().match()
            + (r.backend() == null ? "" : " " + r.backend().display());
  }

  /** The lookup's decision, or {@code none}; its backend only when the simulation has one. */
  public static String looked(Simulator.Decision d, Result r) {
    return d == null
        ? "none"
        : d.listener()
            + " "
            + d.route().display()
            + " "
            + d.rule()
            + "/"
            + d.match()
            + (d.backend() == null || r.backend() == null ? "" : " " + d.backend().display());
  }
}

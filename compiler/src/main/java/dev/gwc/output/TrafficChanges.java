package dev.gwc.output;

import dev.gwc.graph.Nodes.ListenerNode;
import dev.gwc.graph.Resolution;
import dev.gwc.pipeline.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an edit changed for traffic, from the set compiled before and after it: the listeners and
 * the route attachments gained ({@code +}) or lost ({@code -}).
 */
public final class TrafficChanges {
  private TrafficChanges() {}

  /** "+ HTTPRoute ns/name on Gateway ns/gw listener 'l'" for each attachment gained or lost. */
  public static List<String> of(Report before, Report after) {
    Set<String> was = attachments(before.resolution());
    Set<String> now = attachments(after.resolution());
    List<String> out = new ArrayList<>();
    for (String a : now) {
      if (!was.contains(a)) {
        out.add("  + " + a);
      }
    }
    for (String a : was) {
      if (!now.contains(a)) {
        out.add("  - " + a);
      }
    }
    if (!out.isEmpty()) {
      out.add(0, "traffic:");
    }
    return out;
  }

  private static Set<String> attachments(Resolution r) {
    Set<String> sorted = new TreeSet<>();
    for (Resolution.RouteResult rr : r.routes()) {
      for (Resolution.ParentResult p : rr.parents()) {
        for (ListenerNode l : p.listeners()) {
          String s =
              rr.node().kind()
                  + " "
                  + rr.node().namespace()
                  + "/"
                  + rr.node().name()
                  + " on Gateway "
                  + p.gateway().namespace()
                  + "/"
                  + p.gateway().name()
                  + " listener '"
                  + l.name()
                  + "'";
          sorted.add(s);
        }
      }
    }
    for (Resolution.GatewayResult g : r.gateways()) {
      for (Resolution.ListenerResult l : g.listeners()) {
        String s =
            "listener '"
                + l.node().name()
                + "' of Gateway "
                + g.node().namespace()
                + "/"
                + g.node().name()
                + " ("
                + l.node().protocol()
                + " "
                + l.node().port()
                + (l.conditions().get(0).isTrue() ? "" : ", not accepted")
                + ")";
        sorted.add(s);
      }
    }
    return sorted;
  }
}

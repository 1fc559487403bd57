package dev.gwc.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gwc.source.SourceFile;
import dev.gwc.testing.Gwc;
import dev.gwc.yaml.Plain;
import dev.gwc.yaml.YScalar;
import dev.gwc.yaml.YamlLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The status conditions the Gateway API conformance suite asserts ({@code
 * ../shared/conformance/cases.json}), checked against what {@code gwc compile --complete} computes
 * for the same manifests, helper by helper as {@code ../shared/conformance/README.md} describes.
 *
 * <p>A case in {@link #KNOWN_GAPS} is expected to fail; once gwc meets it, the test fails and asks
 * for the entry to be removed, so the list only shrinks.
 */
class ConformanceStatusTest {
  private static final String GATEWAY_GROUP = "gateway.networking.k8s.io";

  /** Test name → why gwc does not meet the suite yet. Keep as short as the truth allows. */
  static final Map<String, String> KNOWN_GAPS = Map.of();

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> cases() throws IOException {
    Path file = Gwc.shared().resolve("conformance/cases.json");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return (List<Map<String, Object>>)
        Plain.of(YamlLoader.load(new SourceFile("cases.json", text)).documents().get(0).root());
  }

  @TestFactory
  Stream<DynamicTest> conformanceCase_statusMatchesSuite() throws IOException {
    List<Map<String, Object>> cases =
        cases().stream().filter(c -> !list(c.get("status")).isEmpty()).toList();
    assertTrue(!cases.isEmpty(), "no conformance case has status expectations");
    Set<String> names = cases.stream().map(c -> (String) c.get("test")).collect(Collectors.toSet());
    Set<String> stale = new LinkedHashSet<>(KNOWN_GAPS.keySet());
    stale.removeAll(names);
    assertTrue(stale.isEmpty(), () -> "KNOWN_GAPS names cases that do not exist: " + stale);
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest((String) c.get("test"), () -> runCase(c)));
  }

  private static void runCase(Map<String, Object> c) {
    String test = (String) c.get("test");
    Path dir = Gwc.shared().resolve("conformance/manifests");
    List<String> args = new ArrayList<>(List.of("compile", "--format", "json", "--complete"));
    for (Object m : list(c.get("manifests"))) {
      args.add(dir.resolve((String) m).toString());
    }
    Gwc.Run run = Gwc.run(args.toArray(String[]::new));
    // A crash or usage error is never a known gap: only a wrong status is.
    if (run.exit() != 0 && run.exit() != 1) {
      fail(test + ": gwc exited " + run.exit() + "\n" + run.err());
    }
    Map<String, Object> out;
    try {
      out = run.json();
    } catch (RuntimeException | AssertionError e) {
      throw new AssertionError(test + ": gwc printed no JSON List:\n" + run.err(), e);
    }
    List<String> failures = new Checker(test, out).check(maps(c.get("status")));
    String gap = KNOWN_GAPS.get(test);
    if (gap == null) {
      if (!failures.isEmpty()) {
        fail(
            test
                + ": "
                + failures.size()
                + " status expectation(s) of the conformance suite not met:\n  - "
                + String.join("\n  - ", failures));
      }
    } else if (failures.isEmpty()) {
      fail(
          test
              + " now meets every status expectation: remove it from"
              + " ConformanceStatusTest.KNOWN_GAPS (it was listed as: "
              + gap
              + ")");
    }
  }

  /** Checks one case's expectations against gwc's output. */
  private static final class Checker {
    private final String test;
    private final Map<String, Map<String, Object>> objects = new HashMap<>();
    private final List<String> failures = new ArrayList<>();

    Checker(String test, Map<String, Object> out) {
      this.test = test;
      for (Map<String, Object> item : maps(out.get("items"))) {
        Map<String, Object> meta = map(item.get("metadata"));
        objects.put(
            key((String) item.get("kind"), str(meta.get("namespace")), str(meta.get("name"))),
            item);
      }
    }

    List<String> check(List<Map<String, Object>> expectations) {
      // GatewayAndHTTPRoutesMustBeAccepted expands to one entry per listener of the Gateway: the
      // listeners it names are all the Gateway's listeners, each of which must have the conditions.
      Map<String, Set<String>> acceptedListeners = new LinkedHashMap<>();
      for (Map<String, Object> e : expectations) {
        String helper = (String) e.get("helper");
        switch (helper) {
          case "GatewayAndHTTPRoutesMustBeAccepted" -> {
            if ("Gateway".equals(e.get("kind"))) {
              acceptedListeners
                  .computeIfAbsent(
                      str(e.get("namespace")) + "/" + e.get("name"), k -> new LinkedHashSet<>())
                  .add((String) e.get("listener"));
              listenerMustHave(e);
            } else {
              routeMustBeAccepted(e);
            }
          }
          case "HTTPRouteMustHaveResolvedRefsConditionsTrue", "HTTPRouteMustHaveCondition" ->
              routeMustHaveCondition(e);
          case "HTTPRouteMustHaveNoAcceptedParents" -> routeMustHaveNoAcceptedParents(e);
          case "GatewayMustHaveZeroRoutes" -> gatewayMustHaveZeroRoutes(e);
          case "GatewayStatusMustHaveListeners" -> gatewayStatusMustHaveListeners(e);
          case "GatewayListenerMustHaveConditions" -> listenerMustHave(e);
          case "GatewayMustHaveCondition" -> gatewayMustHaveCondition(e);
          default -> failures.add("unsupported helper " + helper + " (teach this test about it)");
        }
      }
      acceptedListeners.forEach(
          (gw, names) -> {
            int slash = gw.indexOf('/');
            Map<String, Object> status =
                status("Gateway", gw.substring(0, slash), gw.substring(slash + 1));
            if (status == null) {
              return; // already reported
            }
            List<String> extra =
                maps(status.get("listeners")).stream()
                    .map(l -> (String) l.get("name"))
                    .filter(n -> !names.contains(n))
                    .toList();
            if (!extra.isEmpty()) {
              failures.add(
                  "[GatewayAndHTTPRoutesMustBeAccepted] Gateway "
                      + gw
                      + ": the suite expects listeners "
                      + names
                      + ", gwc's status also lists "
                      + extra);
            }
          });
      return failures;
    }

    // --- HTTPRoute helpers ---

    private void routeMustBeAccepted(Map<String, Object> e) {
      String what = what(e) + " parent " + parentName(e);
      Map<String, Object> status = status(e);
      if (status == null) {
        return;
      }
      List<Map<String, Object>> candidates = parentsMatching(e, status);
      if (candidates.isEmpty()) {
        failures.add(
            what
                + ": no status.parents entry for that Gateway; gwc computed "
                + parents(e, status));
        return;
      }
      String controller = controllerOf(map(e.get("parent")));
      List<Map<String, Object>> conditions = maps(e.get("conditions"));
      for (Map<String, Object> p : candidates) {
        if ((controller == null || controller.equals(p.get("controllerName")))
            && missing(conditions, maps(p.get("conditions"))).isEmpty()) {
          return;
        }
      }
      Map<String, Object> p = candidates.get(0);
      if (controller != null && !controller.equals(p.get("controllerName"))) {
        failures.add(
            what + ": controllerName is " + p.get("controllerName") + ", expected " + controller);
      }
      conditionsFailure(what, conditions, maps(p.get("conditions")));
    }

    private void routeMustHaveCondition(Map<String, Object> e) {
      String what = what(e) + " parent " + parentName(e);
      Map<String, Object> status = status(e);
      if (status == null) {
        return;
      }
      List<Map<String, Object>> candidates = parentsMatching(e, status);
      if (candidates.isEmpty()) {
        failures.add(
            what
                + ": no status.parents entry for that Gateway; gwc computed "
                + parents(e, status));
        return;
      }
      for (Map<String, Object> cond : maps(e.get("conditions"))) {
        if (candidates.stream()
            .noneMatch(p -> missing(List.of(cond), maps(p.get("conditions"))).isEmpty())) {
          conditionsFailure(what, List.of(cond), maps(candidates.get(0).get("conditions")));
        }
      }
    }

    private void routeMustHaveNoAcceptedParents(Map<String, Object> e) {
      Map<String, Object> status = status(e);
      if (status == null) {
        return;
      }
      List<Map<String, Object>> parents = maps(status.get("parents"));
      if (parents.isEmpty()) {
        return;
      }
      if (parents.size() > 1) {
        failures.add(
            what(e)
                + ": expected no parents or exactly one with Accepted=False; gwc computed "
                + parents.size()
                + " parents: "
                + parents(e, status));
        return;
      }
      conditionsFailure(
          what(e) + " (its only parent)",
          maps(e.get("conditions")),
          maps(parents.get(0).get("conditions")));
    }

    private List<Map<String, Object>> parentsMatching(
        Map<String, Object> e, Map<String, Object> status) {
      Map<String, Object> parent = map(e.get("parent"));
      String routeNs = str(e.get("namespace"));
      List<Map<String, Object>> out = new ArrayList<>();
      for (Map<String, Object> p : maps(status.get("parents"))) {
        Map<String, Object> ref = map(p.get("parentRef"));
        String ns = isNull(ref.get("namespace")) ? routeNs : str(ref.get("namespace"));
        if (Objects.equals(ns, str(parent.get("namespace")))
            && Objects.equals(str(ref.get("name")), str(parent.get("name")))) {
          out.add(p);
        }
      }
      return out;
    }

    private String parents(Map<String, Object> e, Map<String, Object> status) {
      String routeNs = str(e.get("namespace"));
      List<String> out = new ArrayList<>();
      for (Map<String, Object> p : maps(status.get("parents"))) {
        Map<String, Object> ref = map(p.get("parentRef"));
        String ns = isNull(ref.get("namespace")) ? routeNs : str(ref.get("namespace"));
        String section = isNull(ref.get("sectionName")) ? "" : "#" + ref.get("sectionName");
        String port = isNull(ref.get("port")) ? "" : ":" + ref.get("port");
        out.add(
            ns
                + "/"
                + ref.get("name")
                + section
                + port
                + " "
                + conditions(maps(p.get("conditions"))));
      }
      return out.isEmpty() ? "no parents" : String.join("; ", out);
    }

    /** The controllerName of the GatewayClass the parent Gateway names, or null if unknown. */
    private String controllerOf(Map<String, Object> parent) {
      Map<String, Object> gw =
          objects.get(key("Gateway", str(parent.get("namespace")), str(parent.get("name"))));
      if (gw == null) {
        return null;
      }
      Object className = map(gw.get("spec")).get("gatewayClassName");
      Map<String, Object> gc = objects.get(key("GatewayClass", null, str(className)));
      return gc == null ? null : str(map(gc.get("spec")).get("controllerName"));
    }

    // --- Gateway helpers ---

    private void listenerMustHave(Map<String, Object> e) {
      Map<String, Object> status = status(e);
      if (status == null) {
        return;
      }
      String name = (String) e.get("listener");
      String what = what(e) + " listener " + name;
      Map<String, Object> l = listener(status, name);
      if (l == null) {
        failures.add(
            what + ": not in status.listeners; gwc computed listeners " + listenerNames(status));
        return;
      }
      attachedRoutes(what, e, l);
      conditionsFailure(what, maps(e.get("conditions")), maps(l.get("conditions")));
    }

    private void gatewayStatusMustHaveListeners(Map<String, Object> e) {
      Map<String, Object> status = status(e);
      if (status == null) {
        return;
      }
      List<Map<String, Object>> listeners = maps(status.get("listeners"));
      long count = ((Number) e.get("listenerCount")).longValue();
      if (listeners.size() != count) {
        failures.add(
            what(e)
                + ": expected "
                + count
                + " listener status entries, gwc computed "
                + listeners.size()
                + " "
                + listenerNames(status));
      }
      String name = (String) e.get("listener");
      String what = what(e) + " listener " + name;
      Map<String, Object> l = listener(status, name);
      if (l == null) {
        failures.add(
            what + ": not in status.listeners; gwc computed listeners " + listenerNames(status));
        return;
      }
      List<String> expectedKinds = kinds(maps(e.get("supportedKinds")));
      List<String> actualKinds = kinds(maps(l.get("supportedKinds")));
      if (expectedKinds.isEmpty() && !actualKinds.isEmpty()) {
        failures.add(what + ": expected supportedKinds [], gwc computed " + actualKinds);
      } else if (!actualKinds.containsAll(expectedKinds)) {
        failures.add(
            what
                + ": expected supportedKinds to include "
                + expectedKinds
                + ", gwc computed "
                + actualKinds);
      }
      attachedRoutes(what, e, l);
      conditionsFailure(what, maps(e.get("conditions")), maps(l.get("conditions")));
    }

    private void gatewayMustHaveZeroRoutes(Map<String, Object> e) {
      Map<String, Object> status = status(e);
      if (status == null) {
        return;
      }
      List<Map<String, Object>> listeners = maps(status.get("listeners"));
      if (listeners.isEmpty() || (listeners.size() == 1 && attached(listeners.get(0)) == 0)) {
        return;
      }
      failures.add(
          what(e)
              + ": expected no listener status or exactly one listener with attachedRoutes 0; gwc computed "
              + listeners.stream()
                  .map(l -> l.get("name") + " attachedRoutes=" + attached(l))
                  .toList());
    }

    private void gatewayMustHaveCondition(Map<String, Object> e) {
      Map<String, Object> status = status(e);
      if (status != null) {
        conditionsFailure(what(e), maps(e.get("conditions")), maps(status.get("conditions")));
      }
    }

    private void attachedRoutes(String what, Map<String, Object> e, Map<String, Object> l) {
      Object expected = e.get("attachedRoutes");
      if (!isNull(expected) && ((Number) expected).longValue() != attached(l)) {
        failures.add(
            what + ": expected attachedRoutes " + expected + ", gwc computed " + attached(l));
      }
    }

    private static long attached(Map<String, Object> l) {
      Object n = l.get("attachedRoutes");
      return n instanceof Number num ? num.longValue() : -1;
    }

    private static Map<String, Object> listener(Map<String, Object> status, String name) {
      return maps(status.get("listeners")).stream()
          .filter(l -> Objects.equals(l.get("name"), name))
          .findFirst()
          .orElse(null);
    }

    private static List<Object> listenerNames(Map<String, Object> status) {
      return maps(status.get("listeners")).stream().map(l -> l.get("name")).toList();
    }

    private static List<String> kinds(List<Map<String, Object>> kinds) {
      return kinds.stream()
          .map(
              k ->
                  (isNull(k.get("group")) ? GATEWAY_GROUP : str(k.get("group")))
                      + "/"
                      + k.get("kind"))
          .toList();
    }

    // --- shared ---

    /** The object's status; reports and returns null when gwc did not output the object. */
    private Map<String, Object> status(Map<String, Object> e) {
      return status(str(e.get("kind")), str(e.get("namespace")), str(e.get("name")));
    }

    private Map<String, Object> status(String kind, String ns, String name) {
      Map<String, Object> obj = objects.get(key(kind, ns, name));
      if (obj == null) {
        String msg = kind + " " + ns + "/" + name + ": not in gwc's output";
        if (!failures.contains(msg)) {
          failures.add(msg);
        }
        return null;
      }
      return isNull(obj.get("status")) ? Map.of() : map(obj.get("status"));
    }

    private void conditionsFailure(
        String what, List<Map<String, Object>> expected, List<Map<String, Object>> actual) {
      List<String> missing = missing(expected, actual);
      if (!missing.isEmpty()) {
        failures.add(
            what
                + ": expected "
                + String.join(", ", missing)
                + "; gwc computed "
                + conditions(actual));
      }
    }

    /** The expected conditions (as text) that the actual list does not have. */
    private static List<String> missing(
        List<Map<String, Object>> expected, List<Map<String, Object>> actual) {
      List<String> out = new ArrayList<>();
      for (Map<String, Object> c : expected) {
        boolean found =
            actual.stream()
                .anyMatch(
                    a ->
                        Objects.equals(a.get("type"), c.get("type"))
                            && Objects.equals(a.get("status"), c.get("status"))
                            && (isNull(c.get("reason"))
                                || Objects.equals(a.get("reason"), c.get("reason"))));
        if (!found) {
          out.add(
              c.get("type")
                  + "="
                  + c.get("status")
                  + "/"
                  + (isNull(c.get("reason")) ? "(any reason)" : c.get("reason")));
        }
      }
      return out;
    }

    private static String conditions(List<Map<String, Object>> actual) {
      if (actual.isEmpty()) {
        return "no conditions";
      }
      return actual.stream()
          .map(a -> a.get("type") + "=" + a.get("status") + "/" + a.get("reason") + messageOf(a))
          .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String messageOf(Map<String, Object> a) {
      Object m = a.get("message");
      return isNull(m) || "".equals(m) ? "" : " (\"" + m + "\")";
    }

    private String what(Map<String, Object> e) {
      return "["
          + e.get("helper")
          + "] "
          + e.get("kind")
          + " "
          + e.get("namespace")
          + "/"
          + e.get("name");
    }

    private static String parentName(Map<String, Object> e) {
      Map<String, Object> p = map(e.get("parent"));
      return p.get("namespace") + "/" + p.get("name");
    }

    @Override
    public String toString() {
      return test;
    }
  }

  private static String key(String kind, String ns, String name) {
    return kind + "/" + (ns == null ? "" : ns) + "/" + name;
  }

  private static boolean isNull(Object o) {
    return o == null || o == YScalar.NULL;
  }

  private static String str(Object o) {
    return isNull(o) ? null : o.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return isNull(o) ? Map.of() : (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return isNull(o) ? List.of() : (List<Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object o) {
    return isNull(o) ? List.of() : (List<Map<String, Object>>) o;
  }
}

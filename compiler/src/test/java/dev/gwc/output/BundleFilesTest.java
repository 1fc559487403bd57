package dev.gwc.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BundleFilesTest {
  private static Map<String, Object> item(String apiVersion, String kind, String ns, String name) {
    Map<String, Object> meta = new LinkedHashMap<>();
    if (ns != null) {
      meta.put("namespace", ns);
    }
    meta.put("name", name);
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("apiVersion", apiVersion);
    item.put("kind", kind);
    item.put("metadata", meta);
    return item;
  }

  private static String name(String kind, String ns, String name) {
    return BundleFiles.name(item("gateway.networking.k8s.io/v1", kind, ns, name));
  }

  @Test
  void names() {
    assertEquals("httproute_team-a_c", name("HTTPRoute", "team-a", "c"));
    assertEquals("httproute_team_a-c", name("HTTPRoute", "team", "a-c"));
    assertEquals("gatewayclass_eg", name("GatewayClass", null, "eg"));
    assertEquals("httproute_ns_a%5Fb", name("HTTPRoute", "ns", "a_b"));
    assertEquals("httproute_ns_..%2Fx", name("HTTPRoute", "ns", "../x"));
    assertEquals("httproute_ns_%C3%A9", name("HTTPRoute", "ns", "é"));
    assertEquals("httproute_ns_%41bc", name("HTTPRoute", "ns", "Abc"));
    assertEquals(
        "gateway.networking.istio.io_ns_web",
        BundleFiles.name(item("networking.istio.io/v1", "Gateway", "ns", "web")));
    assertEquals("service_ns_web", BundleFiles.name(item("v1", "Service", "ns", "web")));
  }

  @Test
  void noSlashOrDotDotCanLeaveTheFolder() {
    String n = name("HTTPRoute", "..", "../../etc/passwd");
    assertTrue(!n.contains("/"), n);
  }

  @Test
  void longNames_shortAndStable() {
    String longName = "a".repeat(253);
    String n = name("HTTPRoute", "ns", longName);
    assertTrue(n.length() <= BundleFiles.MAX_BYTES, n);
    assertEquals(n, name("HTTPRoute", "ns", longName));
    String other = name("HTTPRoute", "ns", "a".repeat(252) + "b");
    assertTrue(!n.equals(other));
    assertTrue(n.matches("httproute_ns_a+~[0-9a-f]{16}"), n);
  }

  @Test
  void distinctResources_distinctNames() throws Exception {
    String[] parts = {"a", "a-b", "b", "a.b", "-", "_", "A", "a_b", "b-a"};
    Set<String> seen = new HashSet<>();
    int count = 0;
    for (String ns : parts) {
      for (String name : parts) {
        count++;
        seen.add(name("HTTPRoute", ns, name));
      }
      seen.add(name("HTTPRoute", null, ns + "_x"));
      count++;
    }
    assertEquals(count, seen.size());
  }

  @Test
  void collision_isAnError() {
    List<Map<String, Object>> items =
        List.of(
            item("example.com/v1", "Widget", "ns", "w"),
            item("example.com/v1", "WIDGET", "ns", "w"));
    BundleFiles.CollisionException e =
        assertThrows(
            BundleFiles.CollisionException.class,
            () -> BundleFiles.of(items, "yaml", String::valueOf));
    assertTrue(
        e.getMessage().contains("would both be written to 'widget.example.com_ns_w.yaml'"),
        e.getMessage());
  }
}

package dev.gwc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk lookup's host index ({@link Simulator#lookup}, by hostname and wildcard suffix) against
 * the traced simulation, which picks the listener and the virtual hosts request by request: random
 * Gateways with exact, wildcard and hostname-less listeners on two ports (some of them conflicted,
 * some not HTTP), random routes with exact and wildcard hostnames, and request hosts known by name,
 * matched by a suffix at several depths, matched by nothing, and malformed.
 */
class HostIndexTest {
  @TempDir Path tmp;

  private static final String[] LISTENER_HOSTS = {
    null, "a.example.com", "*.example.com", "*.a.example.com", "b.example.org", "*.org"
  };
  private static final String[] ROUTE_HOSTS = {
    "a.example.com",
    "*.example.com",
    "x.a.example.com",
    "*.a.example.com",
    "c.example.com",
    "*.org",
    "b.example.org"
  };
  private static final String[] REQUEST_HOSTS = {
    "a.example.com",
    "b.example.com",
    "x.a.example.com",
    "y.x.a.example.com",
    "example.com",
    "c.example.com",
    "b.example.org",
    "q.b.example.org",
    "other.net",
    ".example.com",
    "a.example.com.",
    "a..example.com",
    "org"
  };

  @Test
  void lookup_randomGatewaysAndHosts_sameAsTracedSimulation() throws IOException {
    Random random = new Random(Long.getLong("seed", 20261122L));
    int compared = 0;
    int routed = 0;
    int bySuffix = 0;
    for (int round = 0; round < 40; round++) {
      Path f = tmp.resolve("round-" + round + ".yaml");
      Files.writeString(f, manifests(random));
      RoutingTable table = TestTables.of(f);
      GatewayTable gw = table.gateway("app", "gw");
      for (String host : REQUEST_HOSTS) {
        for (int port : new int[] {80, 8080, 9000}) {
          for (String path : new String[] {"/", "/p1", "/p2/x"}) {
            // Made directly: Request.parse refuses some of these hosts.
            Request req =
                new Request(
                    "GET", "http", host, port, path, null, HeaderList.EMPTY, HeaderList.EMPTY);
            Result r = Simulator.simulate(table, gw, req, 0, false);
            Simulator.Decision d = Simulator.lookup(gw, req, 0);
            String where = "round " + round + ", " + host + ":" + port + path;
            assertEquals(
                DecisionText.traced(r),
                DecisionText.looked(d, r),
                where + "\n" + Files.readString(f));
            compared++;
            routed += d == null ? 0 : 1;
            bySuffix += d != null && host.matches("b\\.example\\.com|y\\..*|q\\..*") ? 1 : 0;
          }
        }
      }
    }
    assertTrue(routed > compared / 20, "too few requests routed: " + routed + " of " + compared);
    assertTrue(bySuffix > 20, "too few requests routed by a wildcard suffix: " + bySuffix);
  }

  /**
   * A listener with more wildcard virtual hosts than it scans (it then looks up each suffix of the
   * host in a map): both ways must find the longest matching wildcard.
   */
  @Test
  void lookup_manyWildcardHosts_sameAsTracedSimulation() throws IOException {
    StringBuilder yaml =
        new StringBuilder(
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: app}
            spec:
              gatewayClassName: any
              listeners:
              - {name: any, protocol: HTTP, port: 80}
            """);
    for (int i = 0; i < 12; i++) {
      String host = i == 11 ? "*.example.com" : "*.w" + i + ".example.com";
      yaml.append("---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n")
          .append("metadata: {name: r")
          .append(i)
          .append(", namespace: app}\nspec:\n  parentRefs: [{name: gw}]\n  hostnames: [\"")
          .append(host)
          .append("\"]\n  rules:\n  - backendRefs: [{name: svc, port: 80}]\n");
    }
    Path f = tmp.resolve("wildcards.yaml");
    Files.writeString(f, yaml.toString());
    RoutingTable table = TestTables.of(f);
    GatewayTable gw = table.gateway("app", "gw");
    for (String host :
        new String[] {
          "a.w3.example.com", "b.a.w7.example.com", "w3.example.com", "z.example.com"
        }) {
      Request req =
          new Request("GET", "http", host, 80, "/", null, HeaderList.EMPTY, HeaderList.EMPTY);
      Result r = Simulator.simulate(table, gw, req, 0, false);
      String expected = host.contains(".w3.") ? "r3" : host.contains(".w7.") ? "r7" : "r11";
      assertEquals(expected, r.route() == null ? null : r.route().name(), host);
      assertEquals(
          DecisionText.traced(r), DecisionText.looked(Simulator.lookup(gw, req, 0), r), host);
    }
  }

  private static String manifests(Random random) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw, namespace: app}
        spec:
          gatewayClassName: any
          listeners:
        """);
    int listeners = 1 + random.nextInt(5);
    for (int i = 0; i < listeners; i++) {
      String host = LISTENER_HOSTS[random.nextInt(LISTENER_HOSTS.length)];
      String protocol = random.nextInt(6) == 0 ? "TCP" : "HTTP";
      sb.append("  - {name: l")
          .append(i)
          .append(", protocol: ")
          .append(protocol)
          .append(", port: ")
          .append(random.nextInt(3) == 0 ? 8080 : 80)
          .append(host == null || protocol.equals("TCP") ? "" : ", hostname: \"" + host + "\"")
          .append("}\n");
    }
    int routes = 1 + random.nextInt(6);
    for (int i = 0; i < routes; i++) {
      sb.append("---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n")
          .append("metadata: {name: r")
          .append(i)
          .append(", namespace: app}\nspec:\n  parentRefs: [{name: gw")
          .append(random.nextInt(4) == 0 ? ", sectionName: l" + random.nextInt(listeners) : "")
          .append("}]\n");
      List<String> hosts = new ArrayList<>();
      for (int h = random.nextInt(3); h > 0; h--) {
        String host = ROUTE_HOSTS[random.nextInt(ROUTE_HOSTS.length)];
        if (!hosts.contains(host)) {
          hosts.add(host);
        }
      }
      if (!hosts.isEmpty()) {
        sb.append("  hostnames: [\"").append(String.join("\", \"", hosts)).append("\"]\n");
      }
      sb.append("  rules:\n  - matches:\n    - path: {type: PathPrefix, value: ")
          .append(random.nextBoolean() ? "/" : "/p" + (1 + random.nextInt(2)))
          .append("}\n    backendRefs: [{name: svc")
          .append(i)
          .append(", port: 80}]\n");
    }
    return sb.toString();
  }
}

package dev.gwc.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gwc.graph.Nodes.ListenerNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListenersTest {
  private static ListenerNode listener(String protocol, String hostname) {
    return listener("l", protocol, 443, hostname, null);
  }

  private static ListenerNode listener(
      String name, String protocol, int port, String hostname, String tlsMode) {
    return new ListenerNode(
        0, name, protocol, port, hostname, tlsMode, List.of(), "Same", Map.of(), List.of(),
        List.of(), "x");
  }

  @ParameterizedTest(name = "{0}/{1} vs {2}/{3}: {4}")
  @CsvSource({
    "HTTP, a.example.com, HTTP, b.example.com, ",
    "HTTP, a.example.com, HTTP, a.example.com, HostnameConflict",
    "HTTP, , HTTP, , HostnameConflict",
    "HTTPS, a.example.com, TLS, b.example.com, ",
    "HTTP, a.example.com, HTTPS, b.example.com, ProtocolConflict",
    "TCP, , HTTP, a.example.com, ProtocolConflict",
    "TCP, , TCP, , ProtocolConflict",
    "TCP, , UDP, , ",
    "UDP, , UDP, , ProtocolConflict",
  })
  void conflictReason_samePort(String p1, String h1, String p2, String h2, String expected) {
    assertEquals(expected, Listeners.conflictReason(listener(p1, h1), listener(p2, h2)));
  }

  /** OverlappingTLSConfig: which pairs on one port overlap, from GEP-3567 and the API's example. */
  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @CsvSource({
    "HTTPS foo.example.com 443, HTTPS *.example.com 443, true",
    "HTTPS foo.example.com 443, HTTPS foo.example.org 443, false",
    "HTTPS *.example.com 443, HTTPS *.a.example.com 443, true",
    "HTTPS - 443, HTTPS foo.example.com 443, true",
    "HTTPS foo.example.com 443, HTTPS *.example.com 8443, false",
    "HTTPS foo.example.com 443, TLS *.example.com 443, true",
    "HTTPS foo.example.com 443, TLS-Passthrough *.example.com 443, false",
    "HTTPS foo.example.com 443, HTTP *.example.com 443, false",
    "HTTPS foo.example.com 443, HTTPS foo.example.com 443, false",
  })
  void overlappingTls(String a, String b, boolean overlap) {
    ListenerNode la = parse("a", a);
    ListenerNode lb = parse("b", b);
    Map<ListenerNode, Condition> out = Listeners.overlappingTls(List.of(la, lb));
    assertEquals(overlap ? 2 : 0, out.size(), out.toString());
    out.values()
        .forEach(
            c -> {
              assertEquals("OverlappingTLSConfig", c.type());
              assertEquals("True", c.status());
              assertEquals("OverlappingHostnames", c.reason());
            });
  }

  /** "PROTOCOL[-Passthrough] HOSTNAME|- PORT". */
  private static ListenerNode parse(String name, String spec) {
    String[] p = spec.split(" ");
    String[] protocol = p[0].split("-");
    return listener(
        name,
        protocol[0],
        Integer.parseInt(p[2]),
        p[1].equals("-") ? null : p[1],
        protocol.length > 1 ? protocol[1] : null);
  }
}

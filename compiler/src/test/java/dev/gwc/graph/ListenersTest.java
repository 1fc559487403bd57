package dev.gwc.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gwc.graph.Nodes.ListenerNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListenersTest {
  private static ListenerNode listener(String protocol, String hostname) {
    return new ListenerNode(
        0, "l", protocol, 443, hostname, null, List.of(), "Same", Map.of(), List.of(), List.of(),
        "x");
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
}

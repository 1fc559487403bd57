package dev.gwc.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostnamesTest {
  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource({
    "a.example.com, a.example.com, true",
    "a.example.com, b.example.com, false",
    "*.example.com, a.example.com, true",
    "*.example.com, a.b.example.com, true",
    "*.example.com, example.com, false",
    "*.com, example.com, true",
    "*.example.com, *.example.com, true",
    "*.example.com, *.a.example.com, true",
    "*.a.example.com, *.example.com, true",
    "*.example.com, *.example.org, false",
    "foo.example.com, *.example.com, true",
    "example.com, *.example.com, false",
  })
  void intersect_followsGatewayApiWildcards(String a, String b, boolean expected) {
    assertEquals(expected, Hostnames.intersect(a, b));
    assertEquals(expected, Hostnames.intersect(b, a));
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "*.example.com, a.example.com, true",
    "*.example.com, a.b.example.com, true",
    "*.example.com, example.com, false",
    "*.example.com, .example.com, false",
    "*.example.com, aexample.com, false",
    "*.example.com, a.example.org, false",
    "a.example.com, a.example.com, false",
  })
  void wildcardMatches_oneOrMoreLabelsBeforeTheSuffix(
      String wildcard, String host, boolean expected) {
    assertEquals(expected, Hostnames.wildcardMatches(wildcard, host));
  }

  @ParameterizedTest(name = "listener {0}, route {1}: {2}")
  @CsvSource({
    ", a.example.com, true",
    "a.example.com, '', true",
    "foo.example.com, not-accepted.test.com, false",
  })
  void anyIntersects_emptySideMatchesEverything(String listener, String route, boolean expected) {
    List<String> routes = route == null || route.isEmpty() ? List.of() : List.of(route);
    assertEquals(expected, Hostnames.anyIntersects(listener, routes));
  }
}

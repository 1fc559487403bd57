package dev.gwc.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expectations compare any subset of a result's fields. */
class ExpectationsTest {
  private static Map<String, Object> result() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("status", 200);
    r.put("backend", Map.of("kind", "Service", "namespace", "app", "name", "web", "port", 80L));
    r.put("redirect", null);
    r.put("mirrors", List.of());
    return r;
  }

  @Test
  void diff_subsetThatHolds_isEmpty() {
    Map<String, Object> expect = new LinkedHashMap<>();
    expect.put("status", 200L);
    expect.put("backend", Map.of("name", "web"));
    expect.put("redirect", null);
    assertEquals(List.of(), Expectations.diff(expect, result()));
  }

  @Test
  void diff_differentFields_oneLineEach() {
    Map<String, Object> expect = new LinkedHashMap<>();
    expect.put("status", 404L);
    expect.put("backend", Map.of("name", "api"));
    expect.put("mirrors", List.of(Map.of("name", "shadow")));
    expect.put("colour", "blue");
    assertEquals(
        List.of(
            "status: expected 404, got 200",
            "backend.name: expected 'api', got 'web'",
            "mirrors: expected [{\"name\":\"shadow\"}], got []",
            "'colour' is not a field of the result"),
        Expectations.diff(expect, result()));
  }
}

package dev.gwc.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostHeaderTest {
  @ParameterizedTest
  @CsvSource({
    "a.example, a.example, -1",
    "a.example:8443, a.example, 8443",
    "[::1], [::1], -1",
    "[::1]:8080, [::1], 8080",
    "127.0.0.1:80, 127.0.0.1, 80",
  })
  void split(String header, String host, int port) {
    assertEquals(new HostHeader(host, port), HostHeader.of(header));
  }

  @ParameterizedTest
  @CsvSource({"a.example:", "a.example:x", "a.example:0", "a.example:65536", "a.example:123456"})
  void malformedPort_isAnError(String header) {
    assertThrows(IllegalArgumentException.class, () -> HostHeader.of(header));
  }
}

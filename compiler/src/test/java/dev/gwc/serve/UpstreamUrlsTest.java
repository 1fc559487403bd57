package dev.gwc.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstreamUrlsTest {
  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:9000, /a?b=1, http://127.0.0.1:9000/a?b=1",
    "http://127.0.0.1:9000/, /a, http://127.0.0.1:9000/a",
    "http://127.0.0.1:9000/base/, /a, http://127.0.0.1:9000/base/a",
    "http://127.0.0.1:9000, //evil.example:1/x, http://127.0.0.1:9000//evil.example:1/x",
    "http://127.0.0.1:9000, ///x, http://127.0.0.1:9000///x",
    "http://127.0.0.1:9000, a, http://127.0.0.1:9000/a",
    "http://[::1]:9000, /@evil/x, http://[::1]:9000/@evil/x",
  })
  void target_keepsTheConfiguredAuthority(String upstream, String path, String expected) {
    assertEquals(URI.create(expected), UpstreamUrls.target(URI.create(upstream), path));
  }

  @ParameterizedTest
  @CsvSource({"/a b", "/a\\x", "/%zz"})
  void target_refusesWhatIsNotAUrlPath(String path) {
    assertNull(UpstreamUrls.target(URI.create("http://127.0.0.1:9000"), path));
  }

  @ParameterizedTest
  @CsvSource({
    "/, /",
    "/a/b, /a/b",
    "/a/./b, /a/b",
    "/a/../b, /b",
    "/a/b/.., /a/",
    "/a/b/., /a/b/",
    "/../../etc, /etc",
    "/.., /",
    "/a/%2e%2e/b, /b",
    "/a/%2E/b, /a/b",
    "/a/.../b, /a/.../b",
    "/a/..b/c, /a/..b/c",
    "//x/../y, //y",
    "*, *",
  })
  void removeDotSegments(String path, String expected) {
    assertEquals(expected, UpstreamUrls.removeDotSegments(path));
  }

  @org.junit.jupiter.api.Test
  void logs_escapeControlCharacters() {
    assertEquals("plain caf\u00e9", Logs.escape("plain caf\u00e9"));
    assertEquals("a\\x1b[31mred", Logs.escape("a\u001b[31mred"));
    assertEquals("line\\x0aforged", Logs.escape("line\nforged"));
    assertEquals("back\\x5cslash\\x9b", Logs.escape("back\\slash\u009b"));
  }
}

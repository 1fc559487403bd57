package dev.gwc.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gwc.source.SourceFile;
import dev.gwc.table.HeaderList;
import dev.gwc.table.Request;
import dev.gwc.yaml.Plain;
import dev.gwc.yaml.YamlLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast readers of request lines agree with the YAML loader and {@link java.net.URI}. */
class RequestFileTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"method\":\"GET\",\"host\":\"a.example\",\"port\":80,\"path\":\"/x?y=1\"}",
        "{ \"host\" : \"a.example\" , \"headers\" : {\"k\": \"v\", \"l\": [\"1\", \"2\"]} }",
        "{\"host\":\"a\\\"b\\\\c\\/d\\n\",\"expect\":{\"status\":200,\"route\":{\"rule\":0}}}",
        "{\"host\":\"ünï.example\",\"gateway\":\"ns/gw\",\"port\":8080}",
        "{}"
      })
  void jsonLine_commonShapes_readAsTheYamlLoaderReadsThem(String line) {
    Object expected =
        RequestFile.withNulls(
            Plain.of(YamlLoader.load(new SourceFile("line", line)).documents().get(0).root()));
    assertEquals(expected, JsonLine.read(line));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":true}",
        "{\"a\":null}",
        "{\"a\":1.5}",
        "{\"a\":-1}",
        "{\"a\":1,\"a\":2}",
        "{\"a\":\"\\u0041\"}",
        "{\"a\":\"x\"",
        "{\"a\":\"x\"} trailing",
        "{\"a\":007}"
      })
  void jsonLine_otherShapes_declined(String line) {
    assertNull(JsonLine.read(line));
  }

  @ParameterizedTest
  @CsvSource({
    "http, a.example, , /",
    "https, A.Example.com, 8443, /x/y?q=1&r=%20",
    "http, svc-1.ns.example, 80, /a;b=c:d@e/~f",
    "http, localhost, , /x?a?b"
  })
  void urls_plainParts_requestAsTheUriParserMakesIt(
      String scheme, String host, Integer port, String path) {
    Request fast =
        Urls.request("GET", scheme, host, port, path, HeaderList.EMPTY, HeaderList.EMPTY);
    Request slow =
        Request.fromUrl(
            "GET",
            scheme + "://" + host + (port == null ? "" : ":" + port) + path,
            HeaderList.EMPTY,
            HeaderList.EMPTY);
    assertEquals(slow, fast);
  }

  @ParameterizedTest
  @CsvSource({
    "http, 10.0.0.1, /",
    "http, a.123, /",
    "http, -a.example, /",
    "HTTP, a.example, /",
    "tcp, a.example, /",
    "http, a.example, /x#frag",
    "http, a.example, /x y",
    "http, a.example, /%zz",
    "http, a.example, /x?"
  })
  void urls_otherParts_leftToTheUriParser(String scheme, String host, String path) {
    assertNull(Urls.request("GET", scheme, host, null, path, HeaderList.EMPTY, HeaderList.EMPTY));
  }
}

package dev.gwc.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gwc.sim.Result;
import dev.gwc.table.BackendRef;
import dev.gwc.table.GatewayId;
import dev.gwc.table.HeaderList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A result's JSON in the contract's shape, as text and as maps, from the one writer. */
class ResultJsonTest {
  private static BackendRef ref(String name, Integer port, int weight) {
    return new BackendRef("", "Service", "app", name, port, weight, List.of(), null, false);
  }

  private static final Result FULL =
      new Result(
          Result.Plane.GATEWAY_API,
          new GatewayId("infra", "gw"),
          "http",
          new Result.RouteHit("HTTPRoute", "app", "web", 1, 2),
          200,
          ref("web-v1", 8080, 2),
          List.of(
              new Result.Share(ref("web-v1", 8080, 2), 2 / 3.0),
              new Result.Share(ref("web-v2", null, 1), 1 / 3.0)),
          new Result.Upstream(
              "GET",
              "http",
              "a.example",
              "/x?y=1",
              HeaderList.EMPTY.add("X-Env", "prod").add("accept", "*/*").add("x-env", "dev")),
          HeaderList.EMPTY.add("X-Served-By", "gw"),
          null,
          List.of(new Result.MirrorHit(ref("shadow", 80, 1), 12.5)),
          List.of("listener http: \"quoted\" \\ tab\t", "status 200 ✓"));

  @Test
  void bytes_everyField_inTheContractsOrder() {
    assertEquals(
        "{\"gateway\":{\"namespace\":\"infra\",\"name\":\"gw\"},\"listener\":\"http\","
            + "\"route\":{\"kind\":\"HTTPRoute\",\"namespace\":\"app\",\"name\":\"web\",\"rule\":1,"
            + "\"match\":2},\"status\":200,"
            + "\"backend\":{\"kind\":\"Service\",\"namespace\":\"app\",\"name\":\"web-v1\","
            + "\"port\":8080},"
            + "\"backends\":[{\"kind\":\"Service\",\"namespace\":\"app\",\"name\":\"web-v1\","
            + "\"port\":8080,\"weight\":2,\"share\":0.6667},{\"kind\":\"Service\","
            + "\"namespace\":\"app\",\"name\":\"web-v2\",\"port\":null,\"weight\":1,"
            + "\"share\":0.3333}],"
            + "\"upstream\":{\"method\":\"GET\",\"scheme\":\"http\",\"host\":\"a.example\","
            + "\"path\":\"/x?y=1\",\"headers\":{\"accept\":[\"*/*\"],\"x-env\":[\"prod\",\"dev\"]}},"
            + "\"response\":{\"headers\":{\"x-served-by\":[\"gw\"]}},\"redirect\":null,"
            + "\"mirrors\":[{\"kind\":\"Service\",\"namespace\":\"app\",\"name\":\"shadow\","
            + "\"port\":80,\"percent\":12.5}],"
            + "\"trace\":[\"listener http: \\\"quoted\\\" \\\\ tab\\t\",\"status 200 ✓\"]}",
        new String(ResultJson.bytes(FULL), StandardCharsets.UTF_8));
  }

  @Test
  void bytes_noGateway_nullsAndEmptyLists() {
    Result none =
        new Result(
            Result.Plane.NONE,
            null,
            null,
            null,
            404,
            null,
            List.of(),
            null,
            HeaderList.EMPTY,
            "https://a.example:443/x",
            List.of(),
            List.of("no listener"));
    assertEquals(
        "{\"gateway\":null,\"listener\":null,\"route\":null,\"status\":404,\"backend\":null,"
            + "\"backends\":[],\"upstream\":null,\"response\":{\"headers\":{}},"
            + "\"redirect\":{\"location\":\"https://a.example:443/x\"},\"mirrors\":[],"
            + "\"trace\":[\"no listener\"]}",
        new String(ResultJson.bytes(none), StandardCharsets.UTF_8));
  }

  @Test
  void of_theSameValuesAsMaps() {
    Map<String, Object> m = ResultJson.of(FULL);
    assertEquals(new String(ResultJson.bytes(FULL), StandardCharsets.UTF_8), Values.compactJson(m));
    assertEquals(200L, m.get("status"));
    assertEquals(
        Map.of(
            "kind", "Service", "namespace", "app", "name", "shadow", "port", 80L, "percent", 12.5),
        ((List<?>) m.get("mirrors")).get(0));
    assertEquals(
        List.of("prod", "dev"),
        ((Map<?, ?>) ((Map<?, ?>) m.get("upstream")).get("headers")).get("x-env"));
  }
}

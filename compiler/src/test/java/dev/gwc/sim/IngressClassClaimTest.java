package dev.gwc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ingress-nginx data plane serves the Ingresses of the classes the controller claims: by
 * default the IngressClasses whose controller is k8s.io/ingress-nginx and the class 'nginx'
 * (ingress-nginx's --controller-class and --ingress-class defaults); {@code --ingress-class}
 * chooses others. A request for a host only an unclaimed Ingress names says why in its trace.
 */
class IngressClassClaimTest {
  @TempDir Path tmp;

  private static final String SET =
      """
      apiVersion: networking.k8s.io/v1
      kind: IngressClass
      metadata: {name: edge}
      spec: {controller: k8s.io/ingress-nginx}
      ---
      apiVersion: networking.k8s.io/v1
      kind: IngressClass
      metadata: {name: traefik}
      spec: {controller: traefik.io/ingress-controller}
      ---
      apiVersion: networking.k8s.io/v1
      kind: IngressClass
      metadata: {name: nginx}
      spec: {controller: %s}
      """;

  private static String ingress(String name, String classLine) {
    return """
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: %s
          namespace: default
          %s
        spec:
          %s
          rules:
          - host: %s.example
            http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service: {name: %s, port: {number: 80}}
        """
        .formatted(
            name,
            classLine.startsWith("annotation:")
                ? "annotations: {kubernetes.io/ingress.class: " + classLine.substring(11) + "}"
                : "",
            classLine.startsWith("annotation:") ? "" : "ingressClassName: " + classLine,
            name,
            name);
  }

  @ParameterizedTest(name = "{0} with nginx owned by {1}, --ingress-class {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Ingress class | the nginx IngressClass's controller | --ingress-class | served
        "edge|k8s.io/ingress-nginx||true",
        "traefik|k8s.io/ingress-nginx||false",
        "nginx|k8s.io/ingress-nginx||true",
        "nginx|example.com/other||false",
        "annotation:nginx|k8s.io/ingress-nginx||true",
        "annotation:public|k8s.io/ingress-nginx||false",
        "annotation:public|k8s.io/ingress-nginx|public|true",
        "traefik|k8s.io/ingress-nginx|traefik|true",
        "edge|k8s.io/ingress-nginx|traefik|false",
      })
  void servesOnlyClaimedClasses(String cls, String nginxController, String flag, boolean served)
      throws IOException {
    Path set = tmp.resolve("set.yaml");
    Files.writeString(
        set, String.format(SET, nginxController) + ingress("web", cls), StandardCharsets.UTF_8);
    List<String> args =
        new ArrayList<>(
            List.of(
                "simulate",
                "--format",
                "json",
                "--request",
                "GET http://web.example/",
                set.toString()));
    if (flag != null) {
      args.addAll(List.of("--ingress-class", flag));
    }
    Gwc.Run run = Gwc.run(args.toArray(String[]::new));
    Map<String, Object> result = run.json();
    assertEquals(served ? 200L : 404L, result.get("status"), run.out());
    String trace = String.valueOf(result.get("trace"));
    assertEquals(
        !served,
        trace.contains(
            "Ingress default/web is not served: its class '"
                + cls.replace("annotation:", "")
                + "'"),
        trace);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"traefik", "edge"})
  void otherHostsCarryNoNote(String cls) throws IOException {
    Path set = tmp.resolve("set.yaml");
    Files.writeString(
        set,
        String.format(SET, "k8s.io/ingress-nginx") + ingress("web", cls) + ingress("api", "edge"),
        StandardCharsets.UTF_8);
    Gwc.Run run =
        Gwc.run(
            "simulate", "--format", "json", "--request", "GET http://api.example/", set.toString());
    assertEquals(200L, run.json().get("status"), run.out());
    assertTrue(!String.valueOf(run.json().get("trace")).contains("is not served"), run.out());
  }
}

package dev.gwc.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gwc.testing.Gwc;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An Ingress's Services, ports and TLS Secrets against the input, with and without --complete. */
class IngressRefsTest {
  private static final String INGRESS =
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: web
        namespace: shop
      spec:
        ingressClassName: nginx
        tls:
        - hosts: [shop.example.com]
          secretName: shop-tls
        rules:
        - host: shop.example.com
          http:
            paths:
            - path: /
              pathType: Prefix
              backend:
                service:
                  name: web
                  port:
                    %s
      """;

  private static final String SERVICE =
      """
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        namespace: shop
      spec:
        ports:
        - name: http
          port: 80
        - name: admin
          port: 8443
      """;

  private static final String SECRET =
      """
      ---
      apiVersion: v1
      kind: Secret
      metadata:
        name: shop-tls
        namespace: shop
      type: kubernetes.io/tls
      data: {tls.crt: "", tls.key: ""}
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "port number of the Service|number: 80|yes|yes|false|",
        "another port number|number: 8443|yes|yes|false|",
        "named port of the Service|name: http|yes|yes|false|",
        "port number it does not have|number: 81|yes|yes|false|backend-not-found",
        "port name it does not have|name: https|yes|yes|false|backend-not-found",
        "no Service, assumed|number: 80|no|no|false|",
        "no Service, --complete|number: 80|no|yes|true|backend-not-found",
        "no Secret, --complete|number: 80|yes|no|true|invalid-certificate-ref"
      })
  void ingressReferences(
      String name, String port, String service, String secret, boolean complete, String rule) {
    String input =
        String.format(INGRESS, port)
            + ("yes".equals(service) ? SERVICE : "")
            + ("yes".equals(secret) ? SECRET : "");
    List<String> args =
        complete
            ? List.of("validate", "--complete", "--format", "json", "-")
            : List.of("validate", "--format", "json", "-");
    Gwc.Run run = Gwc.runWithStdin(input, args.toArray(String[]::new));
    List<String> errors =
        run.diagnostics().stream()
            .filter(d -> "error".equals(d.get("severity")))
            .map(d -> String.valueOf(d.get("rule")))
            .toList();
    assertEquals(rule == null ? List.of() : List.of(rule), errors, run.out());
    assertEquals(rule == null ? 0 : 1, run.exit(), run.out());
  }
}

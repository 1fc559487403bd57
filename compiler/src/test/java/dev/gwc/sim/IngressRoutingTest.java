package dev.gwc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gwc.testing.Gwc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per piece of ingress-nginx routing: Ingresses, a request, and where it lands ({@code
 * status backend -> upstream host+path} or {@code status -> location}).
 */
class IngressRoutingTest {
  @TempDir Path tmp;

  /**
   * One case.
   *
   * @param name subject_condition_expectation
   * @param yaml the Ingresses (and Services)
   * @param request the request line, then header lines
   * @param expected the outcome
   */
  record Row(String name, String yaml, List<String> request, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** An Ingress in namespace {@code app}, class nginx. */
  static String ingress(String name, String created, String annotations, String spec) {
    return "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: "
        + name
        + "\n  namespace: app\n  creationTimestamp: \""
        + created
        + "\"\n  annotations:\n    x: \"y\"\n"
        + annotations.indent(4)
        + "spec:\n  ingressClassName: nginx\n"
        + spec.indent(2)
        + "---\n";
  }

  /** A rule for a host with paths given as {@code "type path service:port"}. */
  static String rule(String host, String... paths) {
    StringBuilder sb = new StringBuilder("rules:\n- host: \"" + host + "\"\n  http:\n    paths:\n");
    for (String p : paths) {
      String[] f = p.split(" ");
      String[] svc = f[2].split(":");
      String port = svc[1].matches("\\d+") ? "number: " + svc[1] : "name: " + svc[1];
      sb.append("    - path: \"")
          .append(f[1])
          .append("\"\n      pathType: ")
          .append(f[0])
          .append("\n      backend:\n        service:\n          name: ")
          .append(svc[0])
          .append("\n          port:\n            ")
          .append(port)
          .append('\n');
    }
    return sb.toString();
  }

  static String nginx(String key, String value) {
    return "nginx.ingress.kubernetes.io/" + key + ": \"" + value + "\"\n";
  }

  static Row row(String name, String yaml, String request, String expected) {
    return new Row(name, yaml, List.of(request.split(" \\| ")), expected);
  }

  static final String T1 = "2024-01-01T00:00:00Z";
  static final String T2 = "2024-02-01T00:00:00Z";

  static Stream<Row> rows() {
    String web =
        ingress("web", T1, "", rule("a.example.com", "Prefix /foo foo:80", "Prefix / web:80"));
    return Stream.of(
        row(
            "prefix_subPath_matches",
            web,
            "GET http://a.example.com/foo/bar",
            "200 foo:80 a.example.com/foo/bar"),
        row(
            "prefix_sibling_notMatched",
            web,
            "GET http://a.example.com/foobar",
            "200 web:80 a.example.com/foobar"),
        row(
            "prefix_otherCase_notMatched",
            web,
            "GET http://a.example.com/FOO",
            "200 web:80 a.example.com/FOO"),
        row(
            "prefix_trailingSlash_pathWithoutIt_301ToTheSlash",
            ingress("web", T1, "", rule("a.example.com", "Prefix /foo/ foo:80", "Prefix / web:80")),
            "GET http://a.example.com/foo?x=1",
            "301 -> http://a.example.com/foo/?x=1"),
        row(
            "prefix_trailingSlash_pathWithIt_served",
            ingress("web", T1, "", rule("a.example.com", "Prefix /foo/ foo:80", "Prefix / web:80")),
            "GET http://a.example.com/foo/",
            "200 foo:80 a.example.com/foo/"),
        row(
            "exact_trailingSlash_pathWithoutIt_301",
            ingress("web", T1, "", rule("a.example.com", "Exact /foo/ foo:80")),
            "GET http://a.example.com/foo",
            "301 -> http://a.example.com/foo/"),
        row(
            "implementationSpecific_trailingSlash_pathWithoutIt_301",
            ingress("web", T1, "", rule("a.example.com", "ImplementationSpecific /foo/ foo:80")),
            "GET https://a.example.com/foo",
            "301 -> https://a.example.com/foo/"),
        row(
            "prefix_trailingSlash_regexHost_noAutoRedirect",
            ingress(
                "web",
                T1,
                nginx("use-regex", "true"),
                rule("a.example.com", "Prefix /foo/ foo:80", "Prefix / web:80")),
            "GET http://a.example.com/foo",
            "200 web:80 a.example.com/foo"),
        row(
            "exact_subPath_notMatched",
            ingress("web", T1, "", rule("a.example.com", "Exact /foo foo:80")),
            "GET http://a.example.com/foo/",
            "404"),
        row(
            "implementationSpecific_sibling_stringPrefix",
            ingress("web", T1, "", rule("a.example.com", "ImplementationSpecific /foo foo:80")),
            "GET http://a.example.com/foobar",
            "200 foo:80 a.example.com/foobar"),
        row(
            "useRegex_otherCase_caseInsensitive",
            ingress(
                "web",
                T1,
                nginx("use-regex", "true"),
                rule("a.example.com", "ImplementationSpecific /api/v[0-9]+ api:80")),
            "GET http://a.example.com/API/V2/x",
            "200 api:80 a.example.com/API/V2/x"),
        row(
            "useRegex_twoPaths_longestFirst",
            ingress(
                "web",
                T1,
                nginx("use-regex", "true"),
                rule(
                    "a.example.com",
                    "ImplementationSpecific /a.* short:80",
                    "ImplementationSpecific /a/b.* long:80")),
            "GET http://a.example.com/a/b/c",
            "200 long:80 a.example.com/a/b/c"),
        row(
            "useRegex_onOtherIngressOfHost_appliesToAllPaths",
            ingress(
                    "one",
                    T1,
                    nginx("use-regex", "true"),
                    rule("a.example.com", "ImplementationSpecific /x.+ x:80"))
                + ingress("two", T2, "", rule("a.example.com", "Exact /docs docs:80")),
            "GET http://a.example.com/DOCS/more",
            "200 docs:80 a.example.com/DOCS/more"),
        row(
            "duplicatePath_olderIngress_wins",
            ingress("new", T2, "", rule("a.example.com", "Prefix /x new:80"))
                + ingress("old", T1, "", rule("a.example.com", "Prefix /x old:80")),
            "GET http://a.example.com/x",
            "200 old:80 a.example.com/x"),
        row(
            "wildcardHost_oneLabel_matches",
            ingress("web", T1, "", rule("*.example.com", "Prefix / web:80")),
            "GET http://b.example.com/",
            "200 web:80 b.example.com/"),
        row(
            "wildcardHost_twoLabels_defaultBackend404",
            ingress("web", T1, "", rule("*.example.com", "Prefix / web:80")),
            "GET http://a.b.example.com/",
            "404"),
        row(
            "exactHost_overWildcard_wins",
            ingress("wild", T1, "", rule("*.example.com", "Prefix / wild:80"))
                + ingress("exact", T2, "", rule("a.example.com", "Prefix / exact:80")),
            "GET http://a.example.com/",
            "200 exact:80 a.example.com/"),
        row(
            "defaultBackend_noRules_catchesUnknownHosts",
            ingress(
                "fallback",
                T1,
                "",
                "defaultBackend:\n  service:\n    name: fallback\n    port:\n      number: 80\n"),
            "GET http://nowhere.example.com/x",
            "200 fallback:80 nowhere.example.com/x"),
        row(
            "tls_http_redirects308",
            ingress(
                "web",
                T1,
                "",
                "tls:\n- hosts: [a.example.com]\n  secretName: a-tls\n"
                    + rule("a.example.com", "Prefix / web:80")),
            "GET http://a.example.com/x?y=1",
            "308 -> https://a.example.com/x?y=1"),
        row(
            "tls_unknownPathOfHost_redirectsToo",
            ingress(
                "web",
                T1,
                "",
                "tls:\n- hosts: [a.example.com]\n  secretName: a-tls\n"
                    + rule("a.example.com", "Exact /x web:80")),
            "GET http://a.example.com/other",
            "308 -> https://a.example.com/other"),
        row(
            "sslRedirectFalse_http_served",
            ingress(
                "web",
                T1,
                nginx("ssl-redirect", "false"),
                "tls:\n- hosts: [a.example.com]\n  secretName: a-tls\n"
                    + rule("a.example.com", "Prefix / web:80")),
            "GET http://a.example.com/x",
            "200 web:80 a.example.com/x"),
        row(
            "forceSslRedirect_withoutTls_redirects",
            ingress(
                "web",
                T1,
                nginx("force-ssl-redirect", "true"),
                rule("a.example.com", "Prefix / web:80")),
            "GET http://a.example.com/x",
            "308 -> https://a.example.com/x"),
        row(
            "permanentRedirect_code_used",
            ingress(
                "web",
                T1,
                nginx("permanent-redirect", "https://b.example.com/new")
                    + nginx("permanent-redirect-code", "308"),
                rule("a.example.com", "Prefix / web:80")),
            "GET http://a.example.com/x",
            "308 -> https://b.example.com/new"),
        row(
            "temporalAndPermanent_temporal_wins",
            ingress(
                "web",
                T1,
                nginx("permanent-redirect", "https://b.example.com/")
                    + nginx("temporal-redirect", "https://c.example.com/"),
                rule("a.example.com", "Prefix / web:80")),
            "GET http://a.example.com/x",
            "302 -> https://c.example.com/"),
        row(
            "appRoot_root_redirects302BeforeHttps",
            ingress(
                "web",
                T1,
                nginx("app-root", "/home"),
                "tls:\n- hosts: [a.example.com]\n  secretName: a-tls\n"
                    + rule("a.example.com", "Prefix / web:80")),
            "GET http://a.example.com/",
            "302 -> http://a.example.com/home"),
        row(
            "appRoot_absoluteUrl_ignoredByTheController",
            ingress(
                "web",
                T1,
                nginx("app-root", "https://b.example.com/home"),
                rule("a.example.com", "Prefix / web:80")),
            "GET http://a.example.com/",
            "200 web:80 a.example.com/"),
        row(
            "appRoot_relativePath_ignoredByTheController",
            ingress("web", T1, nginx("app-root", "home"), rule("a.example.com", "Prefix / web:80")),
            "GET http://a.example.com/",
            "200 web:80 a.example.com/"),
        row(
            "fromToWww_bareHost_redirects308ToWww",
            ingress(
                "web",
                T1,
                nginx("from-to-www-redirect", "true"),
                rule("www.a.example.com", "Prefix / web:80")),
            "GET http://a.example.com/docs/?x=1",
            "308 -> http://www.a.example.com:80/docs/?x=1"),
        row(
            "fromToWww_trailingSlash_dropped",
            ingress(
                "web",
                T1,
                nginx("from-to-www-redirect", "true"),
                rule("www.a.example.com", "Prefix / web:80")),
            "GET https://a.example.com/docs/",
            "308 -> https://www.a.example.com:443/docs"),
        row(
            "fromToWww_wwwHost_redirects308ToBare",
            ingress(
                "web",
                T1,
                nginx("from-to-www-redirect", "true"),
                rule("a.example.com", "Prefix / web:80")),
            "GET http://www.a.example.com/",
            "308 -> http://a.example.com:80"),
        row(
            "fromToWww_counterpartHasItsOwnIngress_noRedirect",
            ingress(
                    "web",
                    T1,
                    nginx("from-to-www-redirect", "true"),
                    rule("www.a.example.com", "Prefix / web:80"))
                + ingress("bare", T2, "", rule("a.example.com", "Prefix / bare:80")),
            "GET http://a.example.com/",
            "200 bare:80 a.example.com/"),
        row(
            "cors_preflightFromAllowedOrigin_204BeforeTheHttpsRedirect",
            ingress(
                "web",
                T1,
                nginx("enable-cors", "true")
                    + nginx("cors-allow-origin", "https://app.example.com")
                    + nginx("force-ssl-redirect", "true"),
                rule("a.example.com", "Prefix / web:80")),
            "OPTIONS http://a.example.com/x | Origin: https://app.example.com",
            "204"),
        row(
            "cors_preflightFromWildcardOrigin_204",
            ingress(
                "web",
                T1,
                nginx("enable-cors", "true")
                    + nginx("cors-allow-origin", "https://app.example.com, https://*.example.org"),
                rule("a.example.com", "Prefix / web:80")),
            "OPTIONS http://a.example.com/x | Origin: https://b.example.org",
            "204"),
        row(
            "cors_preflightFromOtherOrigin_proxied",
            ingress(
                "web",
                T1,
                nginx("enable-cors", "true")
                    + nginx("cors-allow-origin", "https://app.example.com"),
                rule("a.example.com", "Prefix / web:80")),
            "OPTIONS http://a.example.com/x | Origin: https://evil.example.net",
            "200 web:80 a.example.com/x"),
        row(
            "cors_anyOrigin_everyOptionsRequestAnswered204",
            ingress(
                "web", T1, nginx("enable-cors", "true"), rule("a.example.com", "Prefix / web:80")),
            "OPTIONS http://a.example.com/x",
            "204"),
        row(
            "cors_disabled_optionsProxied",
            ingress("web", T1, "", rule("a.example.com", "Prefix / web:80")),
            "OPTIONS http://a.example.com/x | Origin: https://app.example.com",
            "200 web:80 a.example.com/x"),
        row(
            "rewriteTarget_captureGroup_replacesPath",
            ingress(
                "web",
                T1,
                nginx("rewrite-target", "/$2"),
                rule("a.example.com", "ImplementationSpecific /api(/|$)(.*) api:80")),
            "GET http://a.example.com/api/users?id=1",
            "200 api:80 a.example.com/users?id=1"),
        row(
            "upstreamVhost_set_hostSent",
            ingress(
                "web",
                T1,
                nginx("upstream-vhost", "internal.example"),
                rule("a.example.com", "Prefix / web:80")),
            "GET http://a.example.com/",
            "200 web:80 internal.example/"),
        row(
            "namedPort_serviceInInput_resolved",
            ingress("web", T1, "", rule("a.example.com", "Prefix / web:http"))
                + "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: app\nspec:\n  ports:\n  - name: http\n    port: 8080\n",
            "GET http://a.example.com/",
            "200 web:8080 a.example.com/"),
        row(
            "namedPort_missingOnService_503",
            ingress("web", T1, "", rule("a.example.com", "Prefix / web:nope"))
                + "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: app\nspec:\n  ports:\n  - name: http\n    port: 8080\n",
            "GET http://a.example.com/",
            "503"),
        row(
            "portNumber_missingOnService_503",
            ingress("web", T1, "", rule("a.example.com", "Prefix / web:81"))
                + "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: app\nspec:\n  ports:\n  - name: http\n    port: 8080\n",
            "GET http://a.example.com/",
            "503"),
        row(
            "portNumber_serviceNotInTheInput_assumed",
            ingress("web", T1, "", rule("a.example.com", "Prefix / web:81")),
            "GET http://a.example.com/",
            "200 web:81 a.example.com/"),
        row(
            "canaryHeader_always_toCanary",
            canary(nginx("canary-by-header", "x-c")),
            "GET http://a.example.com/ | x-c: always",
            "200 v2:80 a.example.com/"),
        row(
            "canaryHeader_never_toPrimary",
            canary(nginx("canary-by-header", "x-c") + nginx("canary-weight", "100")),
            "GET http://a.example.com/ | x-c: never",
            "200 v1:80 a.example.com/"),
        row(
            "canaryHeaderValue_match_toCanary",
            canary(nginx("canary-by-header", "x-c") + nginx("canary-by-header-value", "beta")),
            "GET http://a.example.com/ | x-c: beta",
            "200 v2:80 a.example.com/"),
        row(
            "canaryHeaderPattern_match_toCanary",
            canary(nginx("canary-by-header", "x-c") + nginx("canary-by-header-pattern", "be.*")),
            "GET http://a.example.com/ | x-c: better",
            "200 v2:80 a.example.com/"),
        row(
            "canaryCookie_always_toCanary",
            canary(nginx("canary-by-cookie", "c")),
            "GET http://a.example.com/ | Cookie: a=1; c=always",
            "200 v2:80 a.example.com/"),
        row(
            "canaryWeight_30_split",
            canary(nginx("canary-weight", "30")),
            "GET http://a.example.com/",
            "200 v1:80 70%, v2:80 30% a.example.com/"));
  }

  static String canary(String annotations) {
    return ingress("web", T1, "", rule("a.example.com", "Prefix / v1:80"))
        + ingress(
            "web-canary",
            T2,
            nginx("canary", "true") + annotations,
            rule("a.example.com", "Prefix / v2:80"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void ingress_request_landsAsIngressNginxRoutesIt(Row row) throws IOException {
    Path in = tmp.resolve("input.yaml");
    Files.writeString(in, row.yaml());
    List<String> args =
        new ArrayList<>(List.of("simulate", "--format", "json", "--request", row.request().get(0)));
    for (String h : row.request().subList(1, row.request().size())) {
      args.add("-H");
      args.add(h);
    }
    args.add(in.toString());
    Gwc.Run run = Gwc.run(args.toArray(String[]::new));
    // Exit 1 only where the input itself has an error (a backend port its Service lacks).
    assertEquals(run.err().contains(": error[") ? 1 : 0, run.exit(), run.err());
    assertEquals(row.expected(), outcome(run.json()), run.out());
  }

  @SuppressWarnings("unchecked")
  private static String outcome(Map<String, Object> r) {
    StringBuilder sb = new StringBuilder().append(r.get("status"));
    List<Map<String, Object>> backends = (List<Map<String, Object>>) r.get("backends");
    Map<String, Object> backend =
        r.get("backend") instanceof Map<?, ?> b ? (Map<String, Object>) b : null;
    if (backends.size() > 1) {
      List<String> parts = new ArrayList<>();
      for (Map<String, Object> b : backends) {
        parts.add(
            b.get("name")
                + ":"
                + b.get("port")
                + " "
                + Math.round(((Number) b.get("share")).doubleValue() * 100)
                + "%");
      }
      sb.append(' ').append(String.join(", ", parts));
    } else if (backend != null) {
      sb.append(' ').append(backend.get("name")).append(':').append(backend.get("port"));
    }
    Map<String, Object> up =
        r.get("upstream") instanceof Map<?, ?> u ? (Map<String, Object>) u : null;
    if (up != null) {
      sb.append(' ').append(up.get("host")).append(up.get("path"));
    }
    Map<String, Object> redirect =
        r.get("redirect") instanceof Map<?, ?> d ? (Map<String, Object>) d : null;
    if (redirect != null) {
      sb.append(" -> ").append(redirect.get("location"));
    }
    return sb.toString();
  }
}

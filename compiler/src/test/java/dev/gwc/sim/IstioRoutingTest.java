package dev.gwc.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * One row per piece of Istio ingress routing: the Istio objects, a request, where it lands ({@code
 * status service:port[/subset] -> upstream host+path}, {@code status -> location}), and the page of
 * the Istio reference the row restates. Pages are named by their path under istio.io/latest/docs/
 * and the anchor of the field.
 */
class IstioRoutingTest {
  private static final String VS = "reference/config/networking/virtual-service/";
  private static final String GW = "reference/config/networking/gateway/";
  private static final String DR = "reference/config/networking/destination-rule/";

  @TempDir Path tmp;

  /**
   * One case.
   *
   * @param name subject_condition_expectation
   * @param cite the Istio reference page and field the row restates
   * @param yaml the Istio objects (and Services)
   * @param request the request line, then header lines
   * @param expected the outcome
   */
  record Row(String name, String cite, String yaml, List<String> request, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Row row(String name, String cite, String yaml, String request, String expected) {
    return new Row(name, cite, yaml, List.of(request.split(" \\| ")), expected);
  }

  /** Services web:80, api:8080 and reviews:9080 in namespace app, reviews' subsets v1 and v2. */
  static final String SERVICES =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: app}
      spec: {ports: [{port: 80}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: api, namespace: app}
      spec: {ports: [{port: 8080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: reviews, namespace: app}
      spec: {ports: [{port: 9080}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: reviews, namespace: app}
      spec:
        host: reviews
        subsets:
        - {name: v1, labels: {version: v1}}
        - {name: v2, labels: {version: v2}}
      ---
      """;

  /** Gateway app/gw (selector istio=ingressgateway) with the given servers. */
  static String gateway(String name, String servers) {
    return "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: "
        + name
        + ", namespace: app}\nspec:\n  selector: {istio: ingressgateway}\n  servers:\n"
        + servers.indent(2)
        + "---\n";
  }

  static final String HTTP_ANY =
      gateway("gw", "- port: {number: 80, name: http, protocol: HTTP}\n  hosts: [\"*\"]");

  /** VirtualService {@code name} in namespace app for a.example.com on gw, with its http rules. */
  static String virtualService(String name, String http) {
    return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: "
        + name
        + ", namespace: app}\nspec:\n  hosts: [a.example.com]\n  gateways: [gw]\n  http:\n"
        + http.indent(2)
        + "---\n";
  }

  /** The gateway for every host on port 80 and one VirtualService with these rules. */
  static String set(String http) {
    return SERVICES + HTTP_ANY + virtualService("vs", http);
  }

  static final String TO_WEB = "route: [{destination: {host: web}}]";
  static final String TO_API = "route: [{destination: {host: api}}]";

  static Stream<Row> rows() {
    return Stream.of(
        row(
            "rules_firstInOrder_winsOverLongerLaterMatch",
            VS + "#HTTPRoute (rules are evaluated in order; the first that matches is used)",
            set(
                "- match: [{uri: {prefix: /api}}]\n  "
                    + TO_API
                    + "\n- match: [{uri: {prefix: /api/v2}}]\n  "
                    + TO_WEB),
            "GET http://a.example.com/api/v2/x",
            "200 api:8080 a.example.com/api/v2/x"),
        row(
            "matchBlocks_anyBlock_matches",
            VS + "#HTTPRoute-match (match blocks are ORed)",
            set("- match: [{uri: {exact: /a}}, {uri: {exact: /b}}]\n  " + TO_API + "\n- " + TO_WEB),
            "GET http://a.example.com/b",
            "200 api:8080 a.example.com/b"),
        row(
            "matchBlock_conditions_allMustHold",
            VS + "#HTTPMatchRequest (conditions within a block are ANDed)",
            set(
                "- match: [{uri: {prefix: /a}, method: {exact: POST}}]\n  "
                    + TO_API
                    + "\n- "
                    + TO_WEB),
            "GET http://a.example.com/a",
            "200 web:80 a.example.com/a"),
        row(
            "matchBlock_conditions_allHold_matches",
            VS + "#HTTPMatchRequest (conditions within a block are ANDed)",
            set(
                "- match: [{uri: {prefix: /a}, method: {exact: POST}}]\n  "
                    + TO_API
                    + "\n- "
                    + TO_WEB),
            "POST http://a.example.com/a",
            "200 api:8080 a.example.com/a"),
        row(
            "noMatch_ruleTakesEveryRequest",
            VS + "#HTTPRoute-match (a rule without match matches all requests)",
            set("- " + TO_WEB),
            "DELETE http://a.example.com/any/where?x=1",
            "200 web:80 a.example.com/any/where?x=1"),
        row(
            "uriPrefix_isStringPrefix_notPathSegment",
            VS + "#StringMatch (prefix: prefix-based match)",
            set("- match: [{uri: {prefix: /api}}]\n  " + TO_API + "\n- " + TO_WEB),
            "GET http://a.example.com/apis",
            "200 api:8080 a.example.com/apis"),
        row(
            "uriRegex_mustMatchWholePath",
            VS + "#StringMatch (regex: RE2 style, whole value)",
            set("- match: [{uri: {regex: \"/v[0-9]\"}}]\n  " + TO_API + "\n- " + TO_WEB),
            "GET http://a.example.com/v1/users",
            "200 web:80 a.example.com/v1/users"),
        row(
            "uriRegex_wholePath_matches",
            VS + "#StringMatch (regex: RE2 style, whole value)",
            set("- match: [{uri: {regex: \"/v[0-9]/.*\"}}]\n  " + TO_API + "\n- " + TO_WEB),
            "GET http://a.example.com/v1/users",
            "200 api:8080 a.example.com/v1/users"),
        row(
            "ignoreUriCase_exact_matchesOtherCase",
            VS + "#HTTPMatchRequest-ignore_uri_case",
            set(
                "- match: [{uri: {exact: /Login}, ignoreUriCase: true}]\n  "
                    + TO_API
                    + "\n- "
                    + TO_WEB),
            "GET http://a.example.com/LOGIN",
            "200 api:8080 a.example.com/LOGIN"),
        row(
            "uriExact_caseSensitive_byDefault",
            VS + "#HTTPMatchRequest-uri (case-sensitive unless ignoreUriCase)",
            set("- match: [{uri: {exact: /Login}}]\n  " + TO_API + "\n- " + TO_WEB),
            "GET http://a.example.com/login",
            "200 web:80 a.example.com/login"),
        row(
            "headerPrefix_matches",
            VS + "#HTTPMatchRequest-headers",
            set("- match: [{headers: {x-user: {prefix: adm}}}]\n  " + TO_API + "\n- " + TO_WEB),
            "GET http://a.example.com/ | x-user: admin",
            "200 api:8080 a.example.com/"),
        row(
            "headerRegex_wholeValue_only",
            VS + "#HTTPMatchRequest-headers (regex on the whole value)",
            set("- match: [{headers: {x-user: {regex: \"adm\"}}}]\n  " + TO_API + "\n- " + TO_WEB),
            "GET http://a.example.com/ | x-user: admin",
            "200 web:80 a.example.com/"),
        row(
            "headerAbsent_doesNotMatch",
            VS + "#HTTPMatchRequest-headers",
            set("- match: [{headers: {x-user: {exact: admin}}}]\n  " + TO_API + "\n- " + TO_WEB),
            "GET http://a.example.com/",
            "200 web:80 a.example.com/"),
        row(
            "withoutHeaders_presentHeader_skipsRule",
            VS + "#HTTPMatchRequest-without_headers",
            set(
                "- match: [{withoutHeaders: {x-canary: {exact: \"1\"}}}]\n  "
                    + TO_API
                    + "\n- "
                    + TO_WEB),
            "GET http://a.example.com/ | x-canary: 1",
            "200 web:80 a.example.com/"),
        row(
            "withoutHeaders_absentHeader_matches",
            VS + "#HTTPMatchRequest-without_headers",
            set(
                "- match: [{withoutHeaders: {x-canary: {exact: \"1\"}}}]\n  "
                    + TO_API
                    + "\n- "
                    + TO_WEB),
            "GET http://a.example.com/",
            "200 api:8080 a.example.com/"),
        row(
            "queryParams_exact_matches",
            VS + "#HTTPMatchRequest-query_params",
            set("- match: [{queryParams: {v: {exact: \"2\"}}}]\n  " + TO_API + "\n- " + TO_WEB),
            "GET http://a.example.com/list?v=2",
            "200 api:8080 a.example.com/list?v=2"),
        row(
            "port_otherPort_skipsRule",
            VS + "#HTTPMatchRequest-port",
            set("- match: [{port: 8080}]\n  " + TO_API + "\n- " + TO_WEB),
            "GET http://a.example.com/",
            "200 web:80 a.example.com/"),
        row(
            "redirect_default_is301",
            VS + "#HTTPRedirect-redirect_code (default 301)",
            set("- redirect: {uri: /new}"),
            "GET http://a.example.com/old",
            "301 -> http://a.example.com/new"),
        row(
            "redirect_schemeAuthorityCode",
            VS + "#HTTPRedirect",
            set("- redirect: {scheme: https, authority: b.example.com, redirectCode: 302}"),
            "GET http://a.example.com/p",
            "302 -> https://b.example.com/p"),
        row(
            "directResponse_answersStatus",
            VS + "#HTTPDirectResponse",
            set("- directResponse: {status: 503}"),
            "GET http://a.example.com/",
            "503"),
        row(
            "rewriteUri_replacesMatchedPrefix",
            VS + "#HTTPRewrite-uri (replaces the matched prefix)",
            set("- match: [{uri: {prefix: /api}}]\n  rewrite: {uri: /v1}\n  " + TO_API),
            "GET http://a.example.com/api/users",
            "200 api:8080 a.example.com/v1/users"),
        row(
            "uriRegexRewrite_groups",
            VS + "#RegexRewrite",
            set(
                "- rewrite: {uriRegexRewrite: {match: \"^/service/([^/]+)(/.*)$\", rewrite: \"\\\\2/\\\\1\"}}\n  "
                    + TO_API),
            "GET http://a.example.com/service/foo/v1/bar",
            "200 api:8080 a.example.com/v1/bar/foo"),
        row(
            "rewriteAuthority_changesHost",
            VS + "#HTTPRewrite-authority",
            set("- rewrite: {authority: internal.example.com}\n  " + TO_API),
            "GET http://a.example.com/x",
            "200 api:8080 internal.example.com/x"),
        row(
            "weights_subsets_shares",
            VS + "#HTTPRouteDestination-weight; " + DR + "#Subset",
            set(
                "- route:\n  - {destination: {host: reviews, subset: v1}, weight: 75}\n"
                    + "  - {destination: {host: reviews, subset: v2}, weight: 25}"),
            "GET http://a.example.com/r",
            "200 reviews:9080/v1 75%, reviews:9080/v2 25%"),
        row(
            "subset_notDefined_is503",
            DR + "#Subset (a destination subset must be defined by a DestinationRule)",
            set("- route: [{destination: {host: reviews, subset: v9}}]"),
            "GET http://a.example.com/r",
            "503 reviews:9080/v9"),
        row(
            "faultAbort_everyRequest_answersStatus",
            VS + "#HTTPFaultInjection-Abort",
            set("- fault: {abort: {httpStatus: 418, percentage: {value: 100}}}\n  " + TO_API),
            "GET http://a.example.com/",
            "418"),
        row(
            "httpsRedirect_plainHttp_301",
            GW + "#ServerTLSSettings-https_redirect",
            SERVICES
                + gateway(
                    "gw",
                    "- port: {number: 80, name: http, protocol: HTTP}\n  hosts: [\"*\"]\n  tls: {httpsRedirect: true}")
                + virtualService("vs", "- " + TO_WEB),
            "GET http://a.example.com/p?q=1",
            "301 -> https://a.example.com/p?q=1"),
        row(
            "server_noServerOnPort_404",
            GW + "#Server-port",
            set("- " + TO_WEB),
            "GET http://a.example.com:8080/",
            "404"),
        row(
            "gatewaysShortName_isVirtualServiceNamespace",
            VS + "#VirtualService-gateways (a short name is in the VirtualService's namespace)",
            SERVICES
                + HTTP_ANY
                + virtualService("vs", "- " + TO_WEB)
                    .replace("namespace: app}", "namespace: other}"),
            "GET http://a.example.com/",
            "404"),
        row(
            "serverHosts_namespaceQualifier_admitsOnlyThatNamespace",
            GW + "#Server-hosts (namespace/host)",
            SERVICES
                + gateway(
                    "gw", "- port: {number: 80, name: http, protocol: HTTP}\n  hosts: [\"team/*\"]")
                + virtualService("vs", "- " + TO_WEB),
            "GET http://a.example.com/",
            "404"),
        row(
            "delegate_rulesMergedWithRootMatch",
            VS + "#Delegate",
            set(
                    "- match: [{uri: {prefix: /reviews}}]\n  delegate: {name: reviews-routes}\n- "
                        + TO_WEB)
                + DELEGATE,
            "GET http://a.example.com/reviews/v2/x",
            "200 reviews:9080/v2 a.example.com/reviews/v2/x"),
        row(
            "delegate_delegateWithoutMatch_takesRestOfRootMatch",
            VS + "#Delegate",
            set(
                    "- match: [{uri: {prefix: /reviews}}]\n  delegate: {name: reviews-routes}\n- "
                        + TO_WEB)
                + DELEGATE,
            "GET http://a.example.com/reviews/x",
            "200 reviews:9080/v1 a.example.com/reviews/x"),
        row(
            "delegate_outsideRootMatch_nextRootRule",
            VS + "#Delegate",
            set(
                    "- match: [{uri: {prefix: /reviews}}]\n  delegate: {name: reviews-routes}\n- "
                        + TO_WEB)
                + DELEGATE,
            "GET http://a.example.com/ratings/v2",
            "200 web:80 a.example.com/ratings/v2"),
        row(
            "delegate_conflictingUri_ruleNotUsed",
            VS + "#Delegate (a delegate's match must lie within the root's)",
            set(
                    "- match: [{uri: {prefix: /reviews}}]\n  delegate: {name: reviews-routes}\n- "
                        + TO_WEB)
                + DELEGATE,
            "GET http://a.example.com/reviews/legacy",
            "200 reviews:9080/v1 a.example.com/reviews/legacy"),
        row(
            "delegate_notInInput_ruleHasNoEffect",
            VS + "#Delegate",
            set("- match: [{uri: {prefix: /reviews}}]\n  delegate: {name: missing}\n- " + TO_WEB),
            "GET http://a.example.com/reviews/x",
            "200 web:80 a.example.com/reviews/x"));
  }

  /**
   * A delegate VirtualService (no hosts, no gateways): /reviews/v2 to subset v2, a rule for a path
   * outside the root's prefix (never used), and everything else to v1.
   */
  static final String DELEGATE =
      """
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: reviews-routes, namespace: app}
      spec:
        http:
        - match: [{uri: {prefix: /reviews/v2}}]
          route: [{destination: {host: reviews, subset: v2}}]
        - match: [{uri: {prefix: /legacy}}]
          route: [{destination: {host: api}}]
        - route: [{destination: {host: reviews, subset: v1}}]
      ---
      """;

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void istio_request_landsAsTheReferenceSays(Row row) throws IOException {
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
    // 1: the set has error findings (an undefined subset, a host no server admits); the request
    // is still simulated as the gateway would route it.
    assertTrue(run.exit() <= 1, run.err());
    assertEquals(row.expected(), outcome(run.json()), row.cite() + "\n" + run.out());
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
            backendName(b) + " " + Math.round(((Number) b.get("share")).doubleValue() * 100) + "%");
      }
      return sb.append(' ').append(String.join(", ", parts)).toString();
    }
    if (backend != null) {
      sb.append(' ').append(backendName(backend));
    }
    Map<String, Object> up =
        r.get("upstream") instanceof Map<?, ?> u ? (Map<String, Object>) u : null;
    if (up != null && backend != null) {
      sb.append(' ').append(up.get("host")).append(up.get("path"));
    }
    Map<String, Object> redirect =
        r.get("redirect") instanceof Map<?, ?> d ? (Map<String, Object>) d : null;
    if (redirect != null) {
      sb.append(" -> ").append(redirect.get("location"));
    }
    return sb.toString();
  }

  private static String backendName(Map<String, Object> b) {
    return b.get("name")
        + ":"
        + b.get("port")
        + (b.get("subset") instanceof String subset ? "/" + subset : "");
  }
}

package dev.gwc.convert;

import static dev.gwc.convert.ConvertInput.ingress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * One row per Ingress feature and ingress-nginx annotation: what the converted YAML must contain,
 * the notification expected (or none), and that the output validates without errors.
 */
class ConvertFeaturesTest {
  @TempDir Path tmp;

  /**
   * One case.
   *
   * @param name subject_condition_expectation
   * @param input the input
   * @param flags extra convert flags
   * @param expected lines the converted YAML must contain (trimmed)
   * @param absent lines it must not contain
   * @param note a fragment of the expected notification, or null for none above info
   * @param exit the expected exit code
   */
  record Row(
      String name,
      ConvertInput input,
      List<String> flags,
      List<String> expected,
      List<String> absent,
      String note,
      int exit) {
    @Override
    public String toString() {
      return name;
    }

    Row flags(String... f) {
      return new Row(name, input, List.of(f), expected, absent, note, exit);
    }

    Row without(String... lines) {
      return new Row(name, input, flags, expected, List.of(lines), note, exit);
    }

    Row note(String n) {
      return new Row(name, input, flags, expected, absent, n, exit);
    }

    Row exit(int code) {
      return new Row(name, input, flags, expected, absent, note, code);
    }
  }

  static Row row(String name, ConvertInput input, String... expected) {
    return new Row(name, input, List.of(), List.of(expected), List.of(), null, 0);
  }

  static Stream<Row> rows() {
    return Stream.of(
        // Paths
        row(
                "pathType_prefixEndingInSlash_notesNginxsRedirect",
                ingress().path("/docs/", "Prefix"),
                "type: PathPrefix",
                "value: /docs/")
            .note("ingress-nginx answers '/docs' with 301 to '/docs/'"),
        row(
                "pathType_exactEndingInSlash_notesNginxsRedirect",
                ingress().path("/docs/", "Exact"),
                "type: Exact",
                "value: /docs/")
            .note("the converted Exact match does not match '/docs'"),
        row(
            "pathType_exact_becomesExact",
            ingress().path("/x", "Exact"),
            "type: Exact",
            "value: /x"),
        row(
            "pathType_prefix_becomesPathPrefix",
            ingress().path("/x", "Prefix"),
            "type: PathPrefix"),
        row(
            "pathType_implementationSpecific_becomesPathPrefix",
            ingress().path("/x", "ImplementationSpecific"),
            "type: PathPrefix"),
        row(
            "useRegex_regexPath_becomesRegularExpression",
            ingress()
                .annotate("use-regex", "true")
                .path("/v[0-9]+/items", "ImplementationSpecific"),
            "type: RegularExpression",
            "value: \"(?i)/v[0-9]+/items.*\""),
        row(
                "prefixPath_regexSyntaxWithoutUseRegex_notConverted",
                ingress().path("/a|b", "Prefix").path("/ok", "Prefix"),
                "value: /ok")
            .note("is not a valid Gateway API PathPrefix path"),
        row(
            // nginx's ~* "^/plain": also /plainx and /PLAIN, as the regular expression says
            "useRegex_plainPath_becomesCaseInsensitiveRegex",
            ingress().annotate("use-regex", "true").path("/plain", "Prefix"),
            "type: RegularExpression",
            "value: \"(?i)/plain.*\""),
        row(
            "useRegex_rootPath_staysPathPrefix",
            ingress().annotate("use-regex", "true").path("/", "Prefix"),
            "type: PathPrefix",
            "value: /"),
        // rewrite-target
        row(
            "rewriteTarget_noCaptureGroups_replacesFullPath",
            ingress().annotate("rewrite-target", "/").path("/old", "Prefix"),
            "type: ReplaceFullPath",
            "replaceFullPath: /"),
        row(
            "rewriteTarget_stripForm_replacesPrefixMatch",
            ingress()
                .annotate("rewrite-target", "/$2")
                .path("/api(/|$)(.*)", "ImplementationSpecific"),
            "value: /api",
            "replacePrefixMatch: /"),
        row(
            "rewriteTarget_tailForm_replacesPrefixMatch",
            ingress()
                .annotate("rewrite-target", "/new$1")
                .path("/old(/.*)", "ImplementationSpecific"),
            "value: /old",
            "replacePrefixMatch: /new"),
        row(
                "rewriteTarget_reorderedGroups_notified",
                ingress()
                    .annotate("rewrite-target", "/$2/$1")
                    .path("/(a|b)/(.*)", "ImplementationSpecific"),
                "type: RegularExpression")
            .without("type: URLRewrite")
            .note("cannot express"),
        // HTTPS redirects
        row(
            "tls_default_redirectsHttpToHttps308",
            ingress().tls("a-tls").path("/", "Prefix"),
            "name: https-a.example.com",
            "name: a.example.com-http",
            "scheme: https",
            "statusCode: 308",
            "name: a-tls"),
        row(
                "sslRedirect_false_oneRouteOnBothListeners",
                ingress().annotate("ssl-redirect", "false").tls("a-tls").path("/", "Prefix"),
                "sectionName: http",
                "sectionName: https-a.example.com")
            .without("scheme: https"),
        row(
            "forceSslRedirect_withoutTls_redirectsOnHttp",
            ingress().annotate("force-ssl-redirect", "true").path("/", "Prefix"),
            "scheme: https"),
        row(
                "tls_release141_redirectsWith301",
                ingress().tls("a-tls").path("/", "Prefix"),
                "statusCode: 301")
            .flags("--gateway-api-version", "1.4.1"),
        // Redirect annotations
        row(
            "permanentRedirect_url_requestRedirect301",
            ingress()
                .annotate("permanent-redirect", "https://b.example.com/new")
                .path("/", "Prefix"),
            "hostname: b.example.com",
            "replaceFullPath: /new",
            "statusCode: 301"),
        row(
            "permanentRedirectCode_308_used",
            ingress()
                .annotate("permanent-redirect", "https://b.example.com")
                .annotate("permanent-redirect-code", "308")
                .path("/", "Prefix"),
            "statusCode: 308",
            "replaceFullPath: /"),
        row(
            "temporalRedirect_url_requestRedirect302",
            ingress()
                .annotate("temporal-redirect", "http://b.example.com:8080/")
                .path("/", "Prefix"),
            "port: 8080",
            "statusCode: 302"),
        row(
            "appRoot_path_redirectsRoot302",
            ingress().annotate("app-root", "/app").path("/app", "Prefix"),
            "replaceFullPath: /app",
            "statusCode: 302"),
        // Canary
        row(
            "canaryWeight_ten_weightedBackends",
            ingress()
                .path("/", "Prefix")
                .extra(
                    ingress()
                        .name("web-canary")
                        .annotate("canary", "true")
                        .annotate("canary-weight", "10")
                        .path("/", "Prefix", "web-v2", "number: 80")
                        .ingressOnly()),
            "weight: 90",
            "weight: 10"),
        row(
            "canaryByHeader_always_headerMatch",
            canary("canary-by-header", "x-canary"),
            "name: x-canary",
            "value: always"),
        row(
            "canaryByHeaderValue_value_exactHeaderMatch",
            canary("canary-by-header", "x-canary", "canary-by-header-value", "beta"),
            "name: x-canary",
            "value: beta"),
        row(
            "canaryByHeaderPattern_regex_regexHeaderMatch",
            canary("canary-by-header", "x-canary", "canary-by-header-pattern", "^b.*"),
            "type: RegularExpression",
            "value: \"^b.*\""),
        row(
                "canaryByCookie_notExpressible_notified",
                canary("canary-by-cookie", "beta"),
                "weight: 100")
            .note("cannot match on a cookie"),
        // Headers, host, protocols
        row(
            "upstreamVhost_host_urlRewriteHostname",
            ingress().annotate("upstream-vhost", "internal.example").path("/", "Prefix"),
            "hostname: internal.example"),
        row(
                "upstreamVhost_withPort_notified",
                ingress().annotate("upstream-vhost", "internal.example:8080").path("/", "Prefix"))
            .without("type: URLRewrite")
            .note("is not a plain host name"),
        row(
                "permanentRedirect_ftpUrl_notified",
                ingress()
                    .annotate("permanent-redirect", "ftp://files.example.com/")
                    .path("/", "Prefix"),
                "type: PathPrefix")
            .without("type: RequestRedirect")
            .note("is not an http or https URL"),
        row(
            "xForwardedPrefix_value_requestHeaderModifier",
            ingress().annotate("x-forwarded-prefix", "/shop").path("/", "Prefix"),
            "type: RequestHeaderModifier",
            "name: X-Forwarded-Prefix"),
        row(
            "customHeaders_configMap_responseHeaderModifier",
            ingress()
                .annotate("custom-headers", "shop/headers")
                .path("/", "Prefix")
                .extra(
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: headers\n  namespace: shop\n"
                        + "data:\n  X-Frame-Options: DENY\n"),
            "type: ResponseHeaderModifier",
            "name: X-Frame-Options",
            "value: DENY"),
        row(
                "customHeaders_missingConfigMap_notified",
                ingress().annotate("custom-headers", "shop/nope").path("/", "Prefix"))
            .note("is not in the input"),
        row(
            "backendProtocolGrpc_servicePath_grpcRoute",
            ingress()
                .annotate("backend-protocol", "GRPC")
                .path("/shop.Cart", "Prefix", "api", "number: 9090"),
            "kind: GRPCRoute",
            "service: shop.Cart"),
        row(
                "backendProtocolHttps_service_backendTlsPolicy",
                ingress().annotate("backend-protocol", "HTTPS").path("/", "Prefix"),
                "kind: BackendTLSPolicy",
                "hostname: web.shop.svc")
            .note("verifies the backend's certificate"),
        row(
                "backendProtocolHttps_release121_notified",
                ingress().annotate("backend-protocol", "HTTPS").path("/", "Prefix"))
            .flags("--gateway-api-version", "1.2.1")
            .without("kind: BackendTLSPolicy")
            .note("does not have"),
        row(
            "enableCors_release161_corsFilter",
            ingress()
                .annotate("enable-cors", "true")
                .annotate("cors-allow-origin", "https://a.example.com, https://b.example.com")
                .path("/", "Prefix"),
            "type: CORS",
            "- https://b.example.com",
            "maxAge: 1728000"),
        row(
                "enableCors_release141_notified",
                ingress().annotate("enable-cors", "true").path("/", "Prefix"))
            .flags("--gateway-api-version", "1.4.1")
            .without("type: CORS")
            .note("the CORS filter is not in Gateway API 1.4.1 (standard)"),
        row(
                "enableCors_release130AnyOrigin_notified",
                ingress().annotate("enable-cors", "true").path("/", "Prefix"))
            .flags("--gateway-api-version", "1.3.0", "--channel", "experimental")
            .without("type: CORS")
            .note("cannot allow any origin"),
        row(
                "enableCors_release130Origins_corsFilter",
                ingress()
                    .annotate("enable-cors", "true")
                    .annotate("cors-allow-origin", "https://a.example.com")
                    .path("/", "Prefix"),
                "type: CORS")
            .flags("--gateway-api-version", "1.3.0", "--channel", "experimental"),
        row(
                "backendProtocolHttps_release121Experimental_v1alpha3Policy",
                ingress().annotate("backend-protocol", "HTTPS").path("/", "Prefix"),
                "apiVersion: gateway.networking.k8s.io/v1alpha3")
            .flags("--gateway-api-version", "1.2.1", "--channel", "experimental")
            .note("verifies the backend's certificate"),
        // Unsupported annotations
        unsupported("configuration-snippet", "raw nginx configuration"),
        unsupported("server-snippet", "raw nginx configuration"),
        unsupported("auth-url", "authentication"),
        unsupported("limit-rps", "rate and connection limits"),
        unsupported("whitelist-source-range", "client address filtering"),
        unsupported("affinity", "session affinity"),
        unsupported("session-cookie-name", "session affinity"),
        unsupported("proxy-read-timeout", "timeouts"),
        unsupported("proxy-body-size", "body size"),
        unsupported("made-up-annotation", "does not know"),
        row(
                "providerCommon_nginxAnnotation_reportedNotApplied",
                ingress().annotate("rewrite-target", "/").path("/old", "Prefix"))
            .flags("--provider", "common")
            .without("type: URLRewrite")
            .note("ignored with --provider common"),
        // Ingress spec
        row(
            "defaultBackend_noRules_catchAllRoute",
            ingress().defaultBackend("web"),
            "name: catch-all",
            "value: /"),
        row(
            "defaultBackend_withRules_rootOfHost",
            ingress().defaultBackend("web-v2").path("/x", "Prefix"),
            "value: /x",
            "- name: web-v2"),
        row(
                "rule_withoutHost_routeWithoutHostnames",
                ingress().host("").path("/x", "Prefix"),
                "name: catch-all")
            .without("hostnames:"),
        row(
            "backendPort_name_resolvedThroughService",
            ingress().path("/", "Prefix", "api", "name: grpc"),
            "port: 9090"),
        row("backendPort_unknownName_error", ingress().path("/", "Prefix", "api", "name: nope"))
            .note("cannot be resolved")
            .exit(1),
        row(
            "legacyClassAnnotation_class_namesGateway",
            ingress()
                .noClass()
                .annotate("kubernetes.io/ingress.class", "internal")
                .path("/", "Prefix"),
            "name: internal",
            "gatewayClassName: internal"),
        row(
                "gatewayClassFlag_override_gatewayClassName",
                ingress().path("/", "Prefix"),
                "gatewayClassName: eg")
            .flags("--gateway-class", "eg"),
        row(
            "sourceAnnotation_everyObject_namesIngress",
            ingress().path("/", "Prefix"),
            "gwc.dev/source: shop/web"),
        row(
                "samePath_twoIngresses_olderWins",
                ingress()
                    .path("/", "Prefix")
                    .extra(
                        ingress()
                            .name("web-b")
                            .path("/", "Prefix", "web-v2", "number: 80")
                            .ingressOnly()))
            .without("- name: web-v2")
            .note("which is older and wins"),
        // Edge cases
        row(
            "useRegex_otherIngressOfHost_regexToo",
            ingress()
                .annotate("use-regex", "true")
                .path("/a", "Prefix")
                .extra(
                    ingress()
                        .name("web-b")
                        .path("/b/[0-9]+", "ImplementationSpecific")
                        .ingressOnly()),
            "value: \"(?i)/b/[0-9]+.*\""),
        row(
                "tls_sameHostTwoSecrets_olderWins",
                ingress()
                    .tls("a-tls")
                    .path("/", "Prefix")
                    .extra(ingress().name("web-b").tls("b-tls").path("/b", "Prefix").ingressOnly()),
                "name: a-tls")
            .without("name: b-tls")
            .note("already has Secret 'shop/a-tls'"),
        row(
                "tls_withoutSecretName_noHttpsListener",
                ingress().tlsEntries("  - hosts: [a.example.com]\n").path("/", "Prefix"))
            .without("protocol: HTTPS")
            .note("default certificate"),
        row(
            "tls_withoutHosts_httpsListenerWithoutHostname",
            ingress().host("").tlsEntries("  - secretName: any-tls\n").path("/", "Prefix"),
            "name: https",
            "name: any-tls",
            "sectionName: https"),
        row(
                "canary_withoutPrimary_notified",
                ingress().name("lonely").annotate("canary", "true").path("/", "Prefix"))
            .note("has no primary Ingress"),
        row(
                "canaryWeight_withoutCanaryTrue_notified",
                ingress().annotate("canary-weight", "50").path("/", "Prefix"))
            .note("has no effect without canary"),
        row(
                "canary_ownAnnotations_ignored",
                canary("canary-weight", "30", "rewrite-target", "/x"),
                "weight: 70")
            .without("type: URLRewrite")
            .note("on a canary Ingress is ignored"),
        row(
                "canary_defaultBackend_notified",
                ingress()
                    .path("/", "Prefix")
                    .extra(
                        ingress()
                            .name("web-canary")
                            .annotate("canary", "true")
                            .defaultBackend("web-v2")
                            .path("/", "Prefix", "web-v2", "number: 80")
                            .ingressOnly()),
                "weight: 100")
            .note("defaultBackend of a canary Ingress is not converted"),
        row(
            "canaryWeightTotal_thousand_weightsOfTotal",
            canary("canary-weight", "5", "canary-weight-total", "1000"),
            "weight: 995",
            "weight: 5"),
        row(
                "corsAnnotation_withoutEnableCors_notified",
                ingress()
                    .annotate("cors-allow-origin", "https://a.example.com")
                    .path("/", "Prefix"))
            .without("type: CORS")
            .note("has no effect without 'enable-cors'"),
        row(
                "permanentRedirectCode_withoutRedirect_notified",
                ingress().annotate("permanent-redirect-code", "308").path("/", "Prefix"))
            .without("type: RequestRedirect")
            .note("has no effect without 'permanent-redirect'"),
        row(
                "sslRedirect_notBoolean_notified",
                ingress().annotate("ssl-redirect", "maybe").tls("a-tls").path("/", "Prefix"),
                "scheme: https")
            .note("expects \"true\" or \"false\""),
        row(
            "twoClasses_sameHostAndNamespace_routeNamesDiffer",
            ingress()
                .path("/", "Prefix")
                .extra(
                    ingress()
                        .name("web-int")
                        .className("internal")
                        .path("/int", "Prefix")
                        .ingressOnly()),
            "name: a.example.com",
            "name: a.example.com-nginx"),
        row(
            "wildcardHost_route_namedWildcard",
            ingress().host("*.example.com").tls("wild-tls").path("/", "Prefix"),
            "name: wildcard.example.com",
            "name: https-wildcard.example.com",
            "- \"*.example.com\""),
        row(
                "resourceBackend_notConvertible_error",
                ingress()
                    .rawPath(
                        "/",
                        "          resource:\n            apiGroup: k8s.example.com\n"
                            + "            kind: Bucket\n            name: assets\n"))
            .note("resource backends")
            .exit(1),
        row(
            "manyPaths_overRuleLimit_routeSplit",
            manyPaths(130),
            "name: a.example.com",
            "name: a.example.com-2"),
        row(
                "permanentRedirectCode_notInRelease_fallsBackTo301",
                ingress()
                    .annotate("permanent-redirect", "https://b.example.com")
                    .annotate("permanent-redirect-code", "308")
                    .path("/", "Prefix"),
                "statusCode: 301")
            .flags("--gateway-api-version", "1.4.1")
            .note("is not allowed by Gateway API 1.4.1"),
        row(
                "temporalAndPermanentRedirect_temporalWins",
                ingress()
                    .annotate("permanent-redirect", "https://b.example.com")
                    .annotate("temporal-redirect", "https://c.example.com")
                    .path("/", "Prefix"),
                "hostname: c.example.com",
                "statusCode: 302")
            .note("'temporal-redirect' takes precedence"),
        row(
                "grpc_pathNotAService_notified",
                ingress()
                    .annotate("backend-protocol", "GRPC")
                    .path("/v1/items/list", "Prefix", "api", "number: 9090"))
            .note("a GRPCRoute cannot match it"),
        row(
                "backendProtocol_autoHttp_notified",
                ingress().annotate("backend-protocol", "AUTO_HTTP").path("/", "Prefix"),
                "type: PathPrefix")
            .note("converted as HTTP"),
        row(
            "ingressClass_markedDefault_usedWhenIngressNamesNone",
            ingress()
                .noClass()
                .path("/", "Prefix")
                .extra(
                    "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: edge\n"
                        + "  annotations:\n    ingressclass.kubernetes.io/is-default-class: \"true\"\n"
                        + "spec:\n  controller: k8s.io/ingress-nginx\n"),
            "gatewayClassName: edge"),
        row(
                "noClass_noDefault_assumedNginx",
                ingress().noClass().path("/", "Prefix"),
                "gatewayClassName: nginx")
            .note("--watch-ingress-without-class"),
        row(
                "otherControllersAnnotation_info",
                ingress().annotate("cert-manager.io/cluster-issuer", "le").path("/", "Prefix"),
                "type: PathPrefix")
            .note("is not an ingress-nginx annotation"));
  }

  private static ConvertInput manyPaths(int n) {
    ConvertInput in = ingress();
    for (int i = 0; i < n; i++) {
      in.path(
          "/p" + i, i % 2 == 0 ? "Prefix" : "Exact", i % 2 == 0 ? "web" : "web-v2", "number: 80");
    }
    in.annotate("x-forwarded-prefix", "/x");
    return in;
  }

  private static ConvertInput canary(String... keysAndValues) {
    ConvertInput c = ingress().name("web-canary").annotate("canary", "true");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      c.annotate(keysAndValues[i], keysAndValues[i + 1]);
    }
    return ingress()
        .path("/", "Prefix")
        .extra(c.path("/", "Prefix", "web-v2", "number: 80").ingressOnly());
  }

  private static Row unsupported(String annotation, String reason) {
    return row(
            "annotation_" + annotation + "_notified",
            ingress().annotate(annotation, "x").path("/", "Prefix"),
            "type: PathPrefix")
        .note(reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void feature_converts_andValidates(Row row) throws IOException {
    Path in = tmp.resolve("input.yaml");
    Files.writeString(in, row.input().yaml());
    List<String> args = new ArrayList<>(List.of("convert"));
    args.addAll(row.flags());
    args.add(in.toString());
    Gwc.Run run = Gwc.run(args.toArray(String[]::new));
    assertEquals(row.exit(), run.exit(), run.err());
    List<String> lines = new ArrayList<>();
    run.out()
        .lines()
        .map(String::trim)
        .forEach(
            l -> {
              lines.add(l);
              lines.add(l.replaceFirst("^- ", ""));
            });
    for (String e : row.expected()) {
      assertTrue(lines.contains(e), () -> "missing '" + e + "' in\n" + run.out() + run.err());
    }
    for (String a : row.absent()) {
      assertFalse(lines.contains(a), () -> "unexpected '" + a + "' in\n" + run.out());
    }
    if (row.note() == null) {
      assertFalse(run.err().contains(": warning: ") || run.err().contains(": error: "), run.err());
    } else {
      assertTrue(run.err().contains(row.note()), run.err());
    }
    // The converted output, with the input's Services, validates without errors.
    Path out = tmp.resolve("converted.yaml");
    Files.writeString(out, run.out());
    List<String> validate = new ArrayList<>(List.of("validate", "--format", "json"));
    // The release and channel the output targets apply to validation too; convert's own flags do
    // not.
    for (int i = 0; i + 1 < row.flags().size(); i += 2) {
      if (List.of("--gateway-api-version", "--channel").contains(row.flags().get(i))) {
        validate.addAll(row.flags().subList(i, i + 2));
      }
    }
    validate.add(out.toString());
    validate.add(in.toString());
    Gwc.Run v = Gwc.run(validate.toArray(String[]::new));
    // Errors in the converted output only: an input that is itself wrong (the row expects exit 1)
    // keeps its own findings.
    List<Map<String, Object>> errors =
        v.diagnostics().stream()
            .filter(d -> "error".equals(d.get("severity")))
            .filter(d -> row.exit() == 0 || out.toString().equals(d.get("file")))
            .toList();
    assertTrue(errors.isEmpty(), () -> errors + "\n" + run.out());
  }
}

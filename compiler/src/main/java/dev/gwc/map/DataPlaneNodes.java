package dev.gwc.map;

import dev.gwc.map.MapGraph.Status;
import dev.gwc.pipeline.Compiled;
import dev.gwc.pipeline.Report;
import dev.gwc.table.IstioRoutes;
import dev.gwc.table.IstioTable;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;

/**
 * The map's other data planes, drawn in the Gateway API's style: Istio's ingress gateways (one node
 * per selector, its Gateways' servers, the VirtualServices bound to them, their destination
 * Services) and ingress-nginx (each ingress class, its Ingresses with their rules, their Services).
 * Services are the same nodes the Gateway API routes point at, so a half-migrated set shows both
 * ways to one Service.
 */
final class DataPlaneNodes {
  private DataPlaneNodes() {}

  static void istio(MapBuilder b, Report report) {
    IstioTable table = IstioTable.build(report);
    for (IstioTable.SelectorTable t : table.selectors()) {
      String workload = "istio:" + t.selector;
      b.node(
          workload,
          "IstioIngressGateway",
          "",
          "Istio ingress gateway",
          List.of(t.selector),
          List.of(),
          Status.OK,
          "the gateway workload the Istio Gateways of selector " + t.selector + " configure");
      for (IstioTable.Server s : t.servers()) {
        String gateway = s.gateway().namespace() + "/" + s.gateway().name();
        String gatewayId = "istio-gateway:" + gateway;
        if (!b.has(gatewayId)) {
          b.node(
              gatewayId,
              "IstioGateway",
              s.gateway().namespace(),
              "Gateway " + s.gateway().name() + " (Istio)",
              List.of(),
              List.of(),
              b.found("Gateway", s.gateway().namespace(), s.gateway().name()),
              "Istio Gateway " + gateway);
          b.edge(workload, gatewayId, "", Status.OK, "selects the gateway workload");
        }
        // As a request's result names it: by its port's name, else its index.
        String serverId = gatewayId + "#" + (s.portName() == null ? s.index() : s.portName());
        b.node(
            serverId,
            "IstioServer",
            s.gateway().namespace(),
            "server " + (s.portName() == null ? s.index() : s.portName()),
            List.of(
                s.port() + " " + s.protocol() + (s.tlsMode() == null ? "" : " " + s.tlsMode()),
                String.join(", ", s.hosts())),
            s.httpsRedirect() ? List.of("httpsRedirect") : List.of(),
            Status.OK,
            "server " + s.index() + " of Istio Gateway " + gateway);
        b.edge(gatewayId, serverId, "", Status.OK, "server " + s.index());
        for (IstioRoutes.VirtualService vs : t.boundTo(s.gateway())) {
          List<String> served = new ArrayList<>();
          vs.hosts().stream().filter(h -> s.admits(vs.namespace(), h)).forEach(served::add);
          if (served.isEmpty()) {
            continue;
          }
          String vsId = "virtualservice:" + vs.namespace() + "/" + vs.name();
          if (!b.has(vsId)) {
            virtualService(b, vs, vsId);
          }
          b.edge(serverId, vsId, "", Status.OK, "binds for " + String.join(", ", served));
        }
      }
    }
  }

  private static void virtualService(MapBuilder b, IstioRoutes.VirtualService vs, String id) {
    List<String> lines = new ArrayList<>();
    lines.add(String.join(", ", vs.hosts()));
    for (IstioRoutes.HttpRule r : vs.http()) {
      List<String> to = new ArrayList<>();
      r.route().forEach(d -> to.add(d.host() + (d.subset() == null ? "" : "/" + d.subset())));
      lines.add(
          r.label()
              + " → "
              + (r.redirect() != null
                  ? "redirect"
                  : r.directResponse() != null
                      ? String.valueOf(r.directResponse())
                      : String.join(", ", to)));
    }
    b.node(
        id,
        "VirtualService",
        vs.namespace(),
        "VirtualService " + vs.name(),
        lines,
        List.of(),
        b.found("VirtualService", vs.namespace(), vs.name()),
        "VirtualService " + vs.namespace() + "/" + vs.name());
    List<IstioRoutes.Destination> all = new ArrayList<>();
    vs.http().forEach(r -> all.addAll(r.route()));
    vs.tls().forEach(r -> all.addAll(r.route()));
    vs.tcp().forEach(r -> all.addAll(r.route()));
    for (IstioRoutes.Destination d : all) {
      var service = IstioTable.service(IstioTable.fqdn(d.host(), vs.namespace()));
      if (service == null) {
        continue; // a ServiceEntry host: outside the cluster
      }
      b.service(service.namespace(), service.name());
      String label =
          (d.subset() == null ? "" : d.subset()) + (d.port() == null ? "" : " :" + d.port());
      b.edge(
          id,
          MapBuilder.backendId("Service", service.namespace(), service.name()),
          label.strip(),
          Status.OK,
          d.host() + (d.subset() == null ? "" : " subset " + d.subset()));
    }
  }

  static void ingresses(MapBuilder b, Report report) {
    for (Compiled c : report.compiled()) {
      var m = c.manifest();
      if (!m.group().equals("networking.k8s.io")
          || !m.kind().equals("Ingress")
          || m.name() == null
          || m.root() == null
          || !(m.root().get("spec") instanceof YMap spec)) {
        continue;
      }
      String cls = spec.string("ingressClassName");
      if (cls == null
          && m.root().get("metadata") instanceof YMap meta
          && meta.get("annotations") instanceof YMap ann) {
        cls = ann.string("kubernetes.io/ingress.class");
      }
      String classId = "ingressclass:" + (cls == null ? "(default)" : cls);
      if (!b.has(classId)) {
        b.node(
            classId,
            "IngressClass",
            "",
            "IngressClass " + (cls == null ? "(default)" : cls),
            List.of("ingress-nginx"),
            List.of(),
            Status.OK,
            "ingress class " + (cls == null ? "(the default class)" : cls));
      }
      String id = "ingress:" + m.namespace() + "/" + m.name();
      List<String> lines = new ArrayList<>();
      List<String[]> backends = new ArrayList<>();
      if (spec.get("rules") instanceof YSeq rules) {
        for (YNode r : rules.items()) {
          if (!(r instanceof YMap rule)) {
            continue;
          }
          String host = rule.string("host") == null ? "*" : rule.string("host");
          if (rule.get("http") instanceof YMap http && http.get("paths") instanceof YSeq paths) {
            for (YNode p : paths.items()) {
              if (p instanceof YMap path) {
                String[] svc = service(path.get("backend"));
                lines.add(
                    host
                        + (path.string("path") == null ? "/" : path.string("path"))
                        + " → "
                        + (svc == null ? "?" : svc[0] + ":" + svc[1]));
                if (svc != null) {
                  backends.add(svc);
                }
              }
            }
          }
        }
      }
      String[] fallback = service(spec.get("defaultBackend"));
      if (fallback != null) {
        lines.add("default → " + fallback[0] + ":" + fallback[1]);
        backends.add(fallback);
      }
      b.node(
          id,
          "Ingress",
          m.namespace(),
          "Ingress " + m.name(),
          lines,
          List.of(),
          b.found("Ingress", m.namespace(), m.name()),
          "Ingress "
              + m.namespace()
              + "/"
              + m.name()
              + "\n"
              + m.nameSpan().file()
              + ":"
              + m.nameSpan().line());
      b.edge(classId, id, "", Status.OK, "class of the Ingress");
      for (String[] svc : backends) {
        b.service(m.namespace(), svc[0]);
        b.edge(
            id,
            MapBuilder.backendId("Service", m.namespace(), svc[0]),
            ":" + svc[1],
            Status.OK,
            "backend " + svc[0] + ":" + svc[1]);
      }
    }
  }

  /** An Ingress backend's Service name and port (number or name), or null. */
  private static String[] service(YNode backend) {
    if (backend instanceof YMap b
        && b.get("service") instanceof YMap s
        && s.string("name") != null) {
      String port = "?";
      if (s.get("port") instanceof YMap p) {
        port = p.string("number") != null ? p.string("number") : String.valueOf(p.string("name"));
      }
      return new String[] {s.string("name"), port};
    }
    return null;
  }
}

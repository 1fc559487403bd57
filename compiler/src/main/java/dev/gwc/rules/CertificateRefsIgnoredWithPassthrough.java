package dev.gwc.rules;

import dev.gwc.diag.Rule;
import dev.gwc.diag.Severity;
import dev.gwc.resource.Manifest;
import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YSeq;

/** A TLS listener in Passthrough mode that lists certificateRefs, which the Gateway never uses. */
public final class CertificateRefsIgnoredWithPassthrough implements ResourceCheck {
  static final Rule RULE =
      new Rule(
          "certificate-refs-ignored",
          Severity.WARNING,
          "a listener with tls.mode Passthrough lists certificateRefs, which are ignored",
          "Gateway API GatewayTLSConfig (certificateRefs are ignored when mode is Passthrough)");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public boolean appliesTo(Manifest m) {
    return m.group().equals("gateway.networking.k8s.io")
        && (m.kind().equals("Gateway") || m.kind().equals("ListenerSet"));
  }

  @Override
  public void check(Manifest m, Reporter r) {
    YSeq listeners = ResourceCheck.specList(m, "listeners");
    if (listeners == null) {
      return;
    }
    for (int i = 0; i < listeners.items().size(); i++) {
      if (!(listeners.items().get(i) instanceof YMap listener)
          || !(listener.get("tls") instanceof YMap tls)) {
        continue;
      }
      YNode refs = tls.get("certificateRefs");
      if ("Passthrough".equals(tls.string("mode"))
          && refs instanceof YSeq seq
          && !seq.items().isEmpty()) {
        String name = listener.string("name");
        r.report(
            tls.entry("certificateRefs").key(),
            "spec.listeners[" + i + "].tls.certificateRefs",
            "listener '"
                + name
                + "' passes TLS through to the backend, so "
                + (seq.items().size() == 1
                    ? "its certificateRef is ignored; remove it"
                    : "its " + seq.items().size() + " certificateRefs are ignored; remove them")
                + ", or use mode Terminate to terminate TLS at the Gateway");
      }
    }
  }
}

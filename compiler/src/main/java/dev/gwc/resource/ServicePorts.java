package dev.gwc.resource;

import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YScalar;
import dev.gwc.yaml.YSeq;
import java.util.HashMap;
import java.util.Map;

/** The named ports of a Service, which Ingress backends may name instead of a number. */
public final class ServicePorts {
  private ServicePorts() {}

  /** Port name to number, from a Service's {@code spec.ports} (unnamed ports are left out). */
  public static Map<String, Long> named(YMap service) {
    Map<String, Long> out = new HashMap<>();
    if (service.get("spec") instanceof YMap spec && spec.get("ports") instanceof YSeq ports) {
      for (YNode p : ports.items()) {
        if (p instanceof YMap pm
            && pm.string("name") != null
            && pm.get("port") instanceof YScalar s
            && s.value() instanceof Long n) {
          out.put(pm.string("name"), n);
        }
      }
    }
    return out;
  }
}

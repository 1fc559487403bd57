package dev.gwc.resource;

import dev.gwc.yaml.YMap;
import dev.gwc.yaml.YNode;
import dev.gwc.yaml.YScalar;
import dev.gwc.yaml.YSeq;
import java.util.HashMap;
import java.util.Map;

/**
 * The ports of a Service, which Ingress backends name by number or by name.
 *
 * @param numbers every port number of {@code spec.ports}
 * @param named port name to number (unnamed ports are left out)
 */
public record ServicePorts(java.util.Set<Long> numbers, Map<String, Long> named) {
  public ServicePorts {
    numbers = java.util.Set.copyOf(numbers);
    named = Map.copyOf(named);
  }

  /** The ports of a Service manifest's tree. */
  public static ServicePorts of(YMap service) {
    java.util.Set<Long> numbers = new java.util.TreeSet<>();
    if (service.get("spec") instanceof YMap spec && spec.get("ports") instanceof YSeq ports) {
      for (YNode p : ports.items()) {
        if (p instanceof YMap pm
            && pm.get("port") instanceof YScalar s
            && s.value() instanceof Long n) {
          numbers.add(n);
        }
      }
    }
    return new ServicePorts(numbers, named(service));
  }

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

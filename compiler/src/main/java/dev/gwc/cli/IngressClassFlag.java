package dev.gwc.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --ingress-class}: which ingress classes the ingress-nginx data plane serves. */
final class IngressClassFlag {
  @Option(
      names = "--ingress-class",
      paramLabel = "NAME",
      description =
          "An ingress class the ingress-nginx data plane serves (repeatable). Default: the ones an"
              + " ingress-nginx controller claims, the input's IngressClasses whose controller is"
              + " k8s.io/ingress-nginx and 'nginx'; Ingresses of other classes are not routed, and"
              + " traces say so.")
  List<String> ingressClasses = new ArrayList<>();
}

package dev.gwc.convert;

/**
 * The settings of one conversion.
 *
 * @param provider whose annotations are understood
 * @param gatewayClass the gatewayClassName of every generated Gateway, or null for the Ingress
 *     class name
 * @param gatewayNamespace where Gateways go, or null: the namespace of the class's Ingresses when
 *     they share one, else {@code defaultNamespace}
 * @param defaultNamespace the namespace of input objects that do not name one
 * @param release the Gateway API release the output targets, e.g. {@code 1.6.1}
 * @param channel {@code standard} or {@code experimental}
 */
public record ConvertOptions(
    Provider provider,
    String gatewayClass,
    String gatewayNamespace,
    String defaultNamespace,
    String release,
    String channel,
    boolean subsetServices) {

  /** Options without generated subset Services. */
  public ConvertOptions(
      Provider provider,
      String gatewayClass,
      String gatewayNamespace,
      String defaultNamespace,
      String release,
      String channel) {
    this(provider, gatewayClass, gatewayNamespace, defaultNamespace, release, channel, false);
  }
}

package dev.gwc.graph;

/**
 * A status condition as the API writes it.
 *
 * @param type e.g. Accepted
 * @param status True, False or Unknown
 * @param reason the CamelCase reason
 * @param message a human-readable message
 */
public record Condition(String type, String status, String reason, String message) {
  public static Condition yes(String type, String reason, String message) {
    return new Condition(type, "True", reason, message);
  }

  public static Condition no(String type, String reason, String message) {
    return new Condition(type, "False", reason, message);
  }

  public boolean isTrue() {
    return status.equals("True");
  }
}

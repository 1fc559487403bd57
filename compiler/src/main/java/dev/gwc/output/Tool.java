package dev.gwc.output;

/**
 * What machine formats say about gwc itself.
 *
 * @param version the version as {@code gwc -V} prints it ({@code 0.2.0 (abc1234)})
 * @param rulesUrl the base of the rule pages: a rule's page is {@code rulesUrl + id + ".md"}
 */
public record Tool(String version, String rulesUrl) {
  /** Where the rule pages are published unless {@code --rules-url} says otherwise. */
  public static final String DEFAULT_RULES_URL = "https://gwc.dev/rules/";

  /** A development build's. */
  public static final Tool DEV = new Tool("dev", DEFAULT_RULES_URL);

  /** The page of a rule. */
  public String helpUri(String ruleId) {
    return rulesUrl + (rulesUrl.endsWith("/") ? "" : "/") + ruleId + ".md";
  }

  /** The semantic version alone ({@code 0.2.0}). */
  public String semanticVersion() {
    int space = version.indexOf(' ');
    return space < 0 ? version : version.substring(0, space);
  }
}

package dev.gatehouse.iam.policy.match;

/**
 * One entry of a Resource / NotResource element (or an ArnLike condition value): a precompiled {@link ArnPattern},
 * or a {@link Template} that is resolved against the request and compiled per evaluation (variables are rare, so
 * only policies that use them pay for that).
 */
public final class ResourcePattern {
  private final ArnPattern compiled;
  private final Template template;

  private ResourcePattern(ArnPattern compiled, Template template) {
    this.compiled = compiled;
    this.template = template;
  }

  /** {@code variables} is whether the policy's version enables policy variables. */
  public static ResourcePattern of(String pattern, boolean variables) {
    Template t = variables ? Template.parseOrNull(pattern) : null;
    return t != null ? new ResourcePattern(null, t) : new ResourcePattern(ArnPattern.of(pattern), null);
  }

  public boolean matches(String value, Lookup lookup) {
    if (compiled != null) {
      return compiled.matches(value);
    }
    int[] codes = template.resolvePattern(lookup);
    return codes != null && ArnPattern.of(codes, template.source()).matches(value);
  }

  @Override
  public String toString() {
    return compiled != null ? compiled.toString() : template.toString();
  }
}

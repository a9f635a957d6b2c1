package dev.gatehouse.eks.mapping;

import dev.gatehouse.eks.token.AwsIdentity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * aws-iam-authenticator's {@code renderTemplate}: the placeholders a mapped username or group may hold.
 * {@code {{EC2PrivateDNSName}}} needs EC2's DescribeInstances, which Gatehouse does not emulate, so a mapping
 * that uses it fails (after upstream's own check that the session name is an instance ID).
 */
public final class Templates {
  public static final String EC2_PRIVATE_DNS_NAME = "{{EC2PrivateDNSName}}";
  private static final Pattern INSTANCE_ID = Pattern.compile("^i-(\\w{8}|\\w{17})$");

  private Templates() {}

  /** A rendered value, or why it could not be rendered. */
  public sealed interface Rendered {
    record Value(String text) implements Rendered {}

    record Failed(String reason) implements Rendered {}
  }

  /** The rendered username and groups of one mapping, or upstream's error text for the first failure. */
  public sealed interface RenderedMapping {
    record Done(String username, List<String> groups) implements RenderedMapping {
      public Done {
        groups = List.copyOf(groups);
      }
    }

    record Failed(String reason) implements RenderedMapping {}
  }

  public static Rendered render(String template, AwsIdentity id) {
    String sessionName = id.sessionName() == null ? "" : id.sessionName();
    String out = template;
    if (out.contains(EC2_PRIVATE_DNS_NAME)) {
      if (!INSTANCE_ID.matcher(sessionName).matches()) {
        return new Rendered.Failed("SessionName did not contain an instance id");
      }
      return new Rendered.Failed("{{EC2PrivateDNSName}} needs the private DNS name of EC2 instance " + sessionName
          + ", and Gatehouse does not emulate EC2");
    }
    out = out.replace("{{AccountID}}", id.accountId());
    out = out.replace("{{SessionName}}", sessionName.replace('@', '-'));
    out = out.replace("{{SessionNameRaw}}", sessionName);
    out = out.replace("{{AccessKeyID}}", id.accessKeyId() == null ? "" : id.accessKeyId());
    return new Rendered.Value(out);
  }

  /** Upstream's {@code renderTemplates}: the username, then each group, with its error wording. */
  public static RenderedMapping renderMapping(String username, List<String> groups, AwsIdentity id) {
    Rendered name = render(username, id);
    if (name instanceof Rendered.Failed f) {
      return new RenderedMapping.Failed("error rendering username template \"" + username + "\": " + f.reason());
    }
    List<String> rendered = new ArrayList<>(groups.size());
    for (String g : groups) {
      Rendered group = render(g, id);
      if (group instanceof Rendered.Failed f) {
        return new RenderedMapping.Failed("error rendering group template \"" + g + "\": " + f.reason());
      }
      rendered.add(((Rendered.Value) group).text());
    }
    return new RenderedMapping.Done(((Rendered.Value) name).text(), rendered);
  }
}

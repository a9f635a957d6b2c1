package dev.gatehouse.aws.iam;

import dev.gatehouse.aws.api.Params;
import dev.gatehouse.iam.policy.ParseResult;
import dev.gatehouse.iam.policy.Policies;
import dev.gatehouse.iam.policy.PolicyKind;
import dev.gatehouse.iam.policy.PolicySource;
import dev.gatehouse.iam.policy.RequestContext;
import dev.gatehouse.iam.policy.SourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parameters SimulatePrincipalPolicy and SimulateCustomPolicy share, validated as IAM validates them.
 * Policy documents are compiled here; a document that does not parse is refused with InvalidInput (the
 * simulator actions model no MalformedPolicyDocument error) carrying the grammar's message.
 *
 * @param resources the ResourceArns, empty when the request simulates "*"
 * @param resourcePolicy compiled; a document without Resource (a trust policy) is accepted as one, since the
 *     simulator takes role trust policies here too
 * @param resourceOwner the account of ResourceOwner ({@code arn:aws:iam::ACCOUNT:root})
 * @param callerArn an IAM user ARN
 */
record SimulationRequest(List<String> actions, List<String> resources, List<PolicySource> inputPolicies,
    Optional<PolicySource> boundary, Optional<SimulationRequest.ResourcePolicy> resourcePolicy,
    Optional<String> resourceOwner, Optional<String> callerArn, RequestContext context) {

  /** A resource policy and whether it is a trust policy (which must name the caller to allow anything). */
  record ResourcePolicy(PolicySource source, boolean trust) {}

  private static final Pattern ACCOUNT_ROOT = Pattern.compile("arn:aws:iam::(\\d{12}):root");
  private static final Pattern USER_ARN = Pattern.compile("arn:aws:iam::\\d{12}:user/(?:[\\x21-\\x7e]*/)?[\\w+=,.@-]+");

  static SimulationRequest parse(Params p, boolean policyInputRequired) {
    if (!p.request().has("ActionNames")) {
      p.required("ActionNames");
    }
    List<String> actions = p.members("ActionNames");
    for (String a : actions) {
      p.checkLength("ActionNames", a, 3, 128);
    }
    List<String> resources = new ArrayList<>();
    for (String r : p.members("ResourceArns")) {
      p.checkLength("ResourceArns", r, 1, 2048);
      if (!r.equals("*") && !isArn(r)) {
        throw IamErrors.invalidInput("ResourceNames are not in a valid ARN format: " + r + ".");
      }
      resources.add(r);
    }
    if (policyInputRequired && !p.request().has("PolicyInputList")) {
      p.required("PolicyInputList");
    }
    List<PolicySource> inputs = documents(p, "PolicyInputList", PolicyKind.IDENTITY);
    List<PolicySource> boundaries = documents(p, "PermissionsBoundaryPolicyInputList", PolicyKind.BOUNDARY);
    if (boundaries.size() > 1) {
      // The API documents that only one boundary can be simulated; the exact refusal text is Gatehouse's.
      throw IamErrors.invalidInput("Only one permissions boundary policy can be simulated.");
    }
    Optional<ResourcePolicy> resourcePolicy = p.optional("ResourcePolicy").map(doc -> resourcePolicy(p));
    Optional<String> owner = p.optional("ResourceOwner").map(o -> {
      p.checkLength("ResourceOwner", o, 1, 2048);
      var m = ACCOUNT_ROOT.matcher(o);
      if (!m.matches()) {
        throw IamErrors.invalidInput("'" + o + "' is not a valid as a Resource Owner.");
      }
      return m.group(1);
    });
    Optional<String> callerArn = p.optional("CallerArn").map(c -> {
      p.checkLength("CallerArn", c, 1, 2048);
      if (!USER_ARN.matcher(c).matches()) {
        throw IamErrors.invalidInput("Invalid CallerArn " + c + ": only the ARN of an IAM user can be the caller.");
      }
      return c;
    });
    p.optional("ResourceHandlingOption").ifPresent(o -> p.checkLength("ResourceHandlingOption", o, 1, 64));
    RequestContext context = SimulationContextEntries.parse(p);
    return new SimulationRequest(List.copyOf(actions), List.copyOf(resources), inputs,
        boundaries.stream().findFirst(), resourcePolicy, owner, callerArn, context);
  }

  /** The resources to evaluate: the ResourceArns, or "*". */
  List<String> resourcesOrWildcard() {
    return resources.isEmpty() ? List.of("*") : resources;
  }

  private static List<PolicySource> documents(Params p, String param, PolicyKind kind) {
    List<PolicySource> out = new ArrayList<>();
    List<String> docs = p.members(param);
    for (int i = 0; i < docs.size(); i++) {
      String doc = docs.get(i);
      checkText(p, param, doc);
      ParseResult parsed = Policies.parse(doc, kind);
      if (parsed instanceof ParseResult.Malformed m) {
        throw IamErrors.invalidInput(m.message());
      }
      out.add(new PolicySource(param + "." + (i + 1), SourceType.NONE, ((ParseResult.Parsed) parsed).policy()));
    }
    return out;
  }

  private static ResourcePolicy resourcePolicy(Params p) {
    String doc = p.policyDocument("ResourcePolicy");
    ParseResult parsed = Policies.parse(doc, PolicyKind.RESOURCE);
    if (parsed instanceof ParseResult.Parsed ok) {
      return new ResourcePolicy(new PolicySource("ResourcePolicy", SourceType.RESOURCE, ok.policy()), false);
    }
    ParseResult asTrust = Policies.parse(doc, PolicyKind.TRUST);
    if (asTrust instanceof ParseResult.Parsed trust) {
      return new ResourcePolicy(new PolicySource("ResourcePolicy", SourceType.RESOURCE, trust.policy()), true);
    }
    throw IamErrors.invalidInput(((ParseResult.Malformed) parsed).message());
  }

  private static void checkText(Params p, String param, String doc) {
    p.checkLength(param, doc, 1, 131072);
    for (int i = 0; i < doc.length(); i++) {
      char c = doc.charAt(i);
      if (!(c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xff))) {
        throw Params.patternError(param, doc, "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
      }
    }
  }

  /** Six colon-separated parts starting with "arn:" and naming a service. */
  static boolean isArn(String s) {
    String[] parts = s.split(":", 6);
    return parts.length == 6 && parts[0].equals("arn") && !parts[1].isEmpty() && !parts[2].isEmpty();
  }

  /** The account an ARN names, or null when its account part is empty ("arn:aws:s3:::bucket"). */
  static String accountOf(String arn) {
    String[] parts = arn.split(":", 6);
    return parts.length == 6 && !parts[4].isEmpty() ? parts[4] : null;
  }
}

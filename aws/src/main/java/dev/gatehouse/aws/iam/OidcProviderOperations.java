package dev.gatehouse.aws.iam;

import static dev.gatehouse.aws.api.OperationSpec.iam;

import dev.gatehouse.aws.api.OperationContext;
import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.api.Params;
import dev.gatehouse.aws.api.Shape;
import dev.gatehouse.aws.api.Target;
import dev.gatehouse.aws.model.OidcProvider;
import dev.gatehouse.aws.model.Tag;
import dev.gatehouse.aws.protocol.Node;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.AwsState;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** IAM OpenID Connect providers: the issuers AssumeRoleWithWebIdentity trusts. */
public final class OidcProviderOperations {
  private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-Fa-f]{40}");
  static final int MAX_CLIENT_IDS = 100;
  static final int MAX_THUMBPRINTS = 5;

  private final IamServices iam;

  public OidcProviderOperations(IamServices iam) {
    this.iam = iam;
  }

  public List<OperationSpec> specs() {
    return List.of(
        iam("CreateOpenIDConnectProvider", ctx -> new Target("iam:CreateOpenIDConnectProvider",
            "arn:aws:iam::" + ctx.account() + ":oidc-provider/" + strip(ctx.params().required("Url")),
            IamTargets.tagKeys(ctx.params().tags("Tags"))), this::create),
        iam("GetOpenIDConnectProvider", byArn("iam:GetOpenIDConnectProvider"), this::get),
        iam("ListOpenIDConnectProviders", ctx -> Target.of("iam:ListOpenIDConnectProviders", "*"), this::list),
        iam("DeleteOpenIDConnectProvider", byArn("iam:DeleteOpenIDConnectProvider"), this::delete),
        iam("AddClientIDToOpenIDConnectProvider", byArn("iam:AddClientIDToOpenIDConnectProvider"), this::addClientId),
        iam("RemoveClientIDFromOpenIDConnectProvider", byArn("iam:RemoveClientIDFromOpenIDConnectProvider"),
            this::removeClientId),
        iam("UpdateOpenIDConnectProviderThumbprint", byArn("iam:UpdateOpenIDConnectProviderThumbprint"),
            this::updateThumbprints),
        iam("TagOpenIDConnectProvider", IamTargets.withRequestTags(byArn("iam:TagOpenIDConnectProvider")), this::tag),
        iam("UntagOpenIDConnectProvider", byArn("iam:UntagOpenIDConnectProvider"), this::untag),
        iam("ListOpenIDConnectProviderTags", byArn("iam:ListOpenIDConnectProviderTags"), this::listTags));
  }

  private static Function<OperationContext, Target> byArn(String action) {
    return ctx -> Target.of(action, ctx.params().required("OpenIDConnectProviderArn"));
  }

  /** The provider URL as IAM keeps it: without "https://" and without a trailing slash. */
  static String strip(String url) {
    String u = url.startsWith("https://") ? url.substring(8) : url;
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  /** The provider an issuer URL names in {@code account}. */
  public static Optional<OidcProvider> byIssuer(AwsState state, String account, String issuer) {
    return state.get(AwsKeys.oidcProvider(account, strip(issuer)), OidcProvider.class).map(AwsState.Versioned::value);
  }

  private OidcProvider provider(OperationContext ctx) {
    String arn = ctx.params().required("OpenIDConnectProviderArn");
    String prefix = "arn:aws:iam::" + ctx.account() + ":oidc-provider/";
    if (!arn.startsWith(prefix)) {
      throw IamErrors.noSuchEntity("OpenIDConnect Provider not found for arn " + arn);
    }
    return iam.state().get(AwsKeys.oidcProvider(ctx.account(), arn.substring(prefix.length())), OidcProvider.class)
        .map(AwsState.Versioned::value)
        .orElseThrow(() -> IamErrors.noSuchEntity("OpenIDConnect Provider not found for arn " + arn));
  }

  private void save(OidcProvider p) {
    iam.commit(iam.batch().put(AwsKeys.oidcProvider(p.account(), p.url()), p));
  }

  private static List<String> thumbprints(Params p) {
    List<String> prints = p.members("ThumbprintList");
    for (String t : prints) {
      if (!THUMBPRINT.matcher(t).matches()) {
        throw Params.invalid("Value '" + t + "' at 'thumbprintList' failed to satisfy constraint: Member must have"
            + " length greater than or equal to 40");
      }
    }
    if (prints.size() > MAX_THUMBPRINTS) {
      throw IamErrors.invalidInput("Thumbprint list must contain fewer than " + (MAX_THUMBPRINTS + 1) + " entries.");
    }
    return prints;
  }

  private Node create(OperationContext ctx) {
    Params p = ctx.params();
    String url = p.required("Url");
    p.checkLength("Url", url, 1, 255);
    URI parsed;
    try {
      parsed = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw IamErrors.invalidInput("Invalid Open ID Connect Provider URL");
    }
    if (!"https".equals(parsed.getScheme()) || parsed.getHost() == null) {
      throw IamErrors.invalidInput("Invalid Open ID Connect Provider URL");
    }
    List<String> clientIds = p.members("ClientIDList");
    clientIds.forEach(id -> p.checkLength("ClientIDList", id, 1, 255));
    if (clientIds.size() > MAX_CLIENT_IDS) {
      throw IamErrors.limitExceeded("Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: " + MAX_CLIENT_IDS);
    }
    List<Tag> tags = p.tags("Tags");
    Tags.checkUnique(tags);
    OidcProvider provider = new OidcProvider(ctx.account(), strip(url), clientIds, thumbprints(p), ctx.now(), tags);
    String key = AwsKeys.oidcProvider(ctx.account(), provider.url());
    if (iam.state().get(key, OidcProvider.class).isPresent()) {
      throw IamErrors.alreadyExists("Provider with url " + url + " already exists.");
    }
    iam.commit(iam.batch().put(key, provider));
    Shape s = Shape.struct().str("OpenIDConnectProviderArn", provider.arn());
    if (!tags.isEmpty()) {
      s.list("Tags", tags, IamShapes::tag);
    }
    return s.toNode();
  }

  private Node get(OperationContext ctx) {
    OidcProvider p = provider(ctx);
    Shape s = Shape.struct().str("Url", p.url()).strings("ClientIDList", p.clientIds())
        .strings("ThumbprintList", p.thumbprints()).time("CreateDate", p.created());
    if (!p.tags().isEmpty()) {
      s.list("Tags", p.tags(), IamShapes::tag);
    }
    return s.toNode();
  }

  private Node list(OperationContext ctx) {
    List<OidcProvider> all = iam.state().values(AwsKeys.entityPrefix(ctx.account(), "oidc-providers"), OidcProvider.class);
    return Shape.struct().list("OpenIDConnectProviderList", all, p -> Shape.struct().str("Arn", p.arn())).toNode();
  }

  private Node delete(OperationContext ctx) {
    OidcProvider p = provider(ctx);
    iam.commit(iam.batch().delete(AwsKeys.oidcProvider(p.account(), p.url())));
    return null;
  }

  private Node addClientId(OperationContext ctx) {
    OidcProvider p = provider(ctx);
    String id = ctx.params().required("ClientID");
    ctx.params().checkLength("ClientID", id, 1, 255);
    if (!p.clientIds().contains(id)) {
      List<String> ids = new ArrayList<>(p.clientIds());
      ids.add(id);
      if (ids.size() > MAX_CLIENT_IDS) {
        throw IamErrors.limitExceeded("Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: " + MAX_CLIENT_IDS);
      }
      save(p.withClientIds(ids));
    }
    return null;
  }

  private Node removeClientId(OperationContext ctx) {
    OidcProvider p = provider(ctx);
    String id = ctx.params().required("ClientID");
    save(p.withClientIds(p.clientIds().stream().filter(c -> !c.equals(id)).toList()));
    return null;
  }

  private Node updateThumbprints(OperationContext ctx) {
    OidcProvider p = provider(ctx);
    save(p.withThumbprints(thumbprints(ctx.params())));
    return null;
  }

  private Node tag(OperationContext ctx) {
    OidcProvider p = provider(ctx);
    List<Tag> tags = ctx.params().tags("Tags");
    Tags.checkUnique(tags);
    save(p.withTags(Tags.merge(p.tags(), tags)));
    return null;
  }

  private Node untag(OperationContext ctx) {
    OidcProvider p = provider(ctx);
    save(p.withTags(Tags.remove(p.tags(), ctx.params().members("TagKeys"))));
    return null;
  }

  private Node listTags(OperationContext ctx) {
    return IamShapes.tags(provider(ctx).tags()).toNode();
  }
}

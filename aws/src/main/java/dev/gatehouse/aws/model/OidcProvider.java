package dev.gatehouse.aws.model;

import java.time.Instant;
import java.util.List;

/** An IAM OpenID Connect provider. {@code url} is stored without its scheme, as its ARN carries it. */
public record OidcProvider(String account, String url, List<String> clientIds, List<String> thumbprints,
    Instant created, List<Tag> tags) {
  public OidcProvider {
    clientIds = List.copyOf(clientIds);
    thumbprints = List.copyOf(thumbprints);
    tags = List.copyOf(tags);
  }

  public String arn() {
    return "arn:aws:iam::" + account + ":oidc-provider/" + url;
  }

  public OidcProvider withClientIds(List<String> ids) {
    return new OidcProvider(account, url, ids, thumbprints, created, tags);
  }

  public OidcProvider withThumbprints(List<String> prints) {
    return new OidcProvider(account, url, clientIds, prints, created, tags);
  }

  public OidcProvider withTags(List<Tag> newTags) {
    return new OidcProvider(account, url, clientIds, thumbprints, created, newTags);
  }
}

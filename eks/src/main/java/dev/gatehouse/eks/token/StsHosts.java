package dev.gatehouse.eks.token;

import dev.gatehouse.kube.authn.tokens.serviceaccount.GoText;
import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a token's presigned GetCallerIdentity may point: the STS endpoints aws-iam-authenticator accepts, and
 * Gatehouse's own AWS endpoint.
 *
 * <p><b>AWS STS hostnames</b> (https only), as upstream's {@code verifyHost} accepts them for the verifier's
 * partition: the global {@code sts.amazonaws.com} (partition {@code aws} only), and for each region
 * {@code sts.R.D}, {@code sts-fips.R.D} and, where the partition has a dual-stack domain, {@code sts.R.DS} and
 * {@code sts-fips.R.DS}. With regions given, only those regions' hostnames are accepted (stricter than upstream,
 * which adds its configured region to what the SDK resolves). With an empty region list, what upstream accepts
 * unconfigured: in partition {@code aws} any well-formed region label (the SDK's resolver falls back to the
 * commercial format for unknown regions, so upstream cannot tell a made-up region from a real one); in the
 * other partitions the regions the SDK knows.
 *
 * <p><b>Deviation from upstream: Gatehouse's own endpoint.</b> {@code aws eks get-token} ignores
 * {@code --endpoint-url} but honours {@code AWS_ENDPOINT_URL_STS}, so a client pointed at Gatehouse mints
 * tokens for e.g. {@code http://127.0.0.1:6480/}, which upstream refuses ("unexpected scheme"). The endpoint
 * URLs given at construction are accepted when the token's scheme and {@code host[:port]} equal one of them
 * exactly: plain {@code http} only for an endpoint configured as {@code http://…}; any other {@code http} URL
 * still gets "unexpected scheme". Nothing is fetched from any of these hosts: the host only has to be allowed
 * here and be the one the client signed.
 */
public final class StsHosts {
  private static final String GLOBAL_HOST = "sts.amazonaws.com";
  /** The region a client signs a global-endpoint request with. */
  private static final String GLOBAL_SIGNING_REGION = "us-east-1";
  /** Partition → {domain, dual-stack domain or null}, as upstream's {@code endpoints} package lists them. */
  private static final Map<String, String[]> DOMAINS = domains();
  /** The regions the Go SDK's STS resolver knows outside the commercial partition. */
  private static final Map<String, Set<String>> KNOWN_REGIONS = Map.of(
      "aws-cn", Set.of("cn-north-1", "cn-northwest-1"),
      "aws-us-gov", Set.of("us-gov-east-1", "us-gov-west-1"),
      "aws-iso", Set.of("us-iso-east-1", "us-iso-west-1"),
      "aws-iso-b", Set.of("us-isob-east-1"),
      "aws-iso-e", Set.of("eu-isoe-west-1"),
      "aws-iso-f", Set.of("us-isof-south-1", "us-isof-east-1"),
      "aws-eusc", Set.of("eusc-de-east-1"));

  /** What a token URL's scheme and host amount to. */
  public sealed interface HostCheck {}

  /** An AWS STS endpoint; the signature's scope must name {@code signingRegion}, as STS there would demand. */
  public record AwsEndpoint(String signingRegion) implements HostCheck {}

  /** Gatehouse's own endpoint: any scope region, as the endpoint itself accepts. */
  public record OwnEndpoint() implements HostCheck {}

  /** @param message upstream's text, without its {@code input token was not properly formatted: } prefix */
  public record Refused(String message) implements HostCheck {}

  private final String partition;
  /** Empty: any well-formed region (partition aws without configured regions). */
  private final Set<String> regions;
  private final Set<String> regionalHosts;
  private final Set<String> ownEndpoints;

  private StsHosts(String partition, Set<String> regions, Set<String> ownEndpoints) {
    this.partition = partition;
    this.regions = regions.isEmpty() ? KNOWN_REGIONS.getOrDefault(partition, Set.of()) : regions;
    this.ownEndpoints = ownEndpoints;
    Set<String> hosts = new HashSet<>();
    for (String region : this.regions) {
      hosts.addAll(regionalHosts(partition, region));
    }
    this.regionalHosts = Set.copyOf(hosts);
  }

  /**
   * @param partition {@code aws}, {@code aws-cn}, {@code aws-us-gov}, {@code aws-iso}, {@code aws-iso-b},
   *     {@code aws-iso-e}, {@code aws-iso-f} or {@code aws-eusc}
   * @param regions the regions whose STS hostnames are accepted; empty for those upstream accepts unconfigured
   * @param ownEndpoints Gatehouse's AWS endpoint as clients reach it, e.g. {@code http://127.0.0.1:6480}
   * @throws IllegalArgumentException for an unknown partition, a malformed region or endpoint URL
   */
  public static StsHosts of(String partition, Collection<String> regions, Collection<String> ownEndpoints) {
    if (!DOMAINS.containsKey(partition)) {
      throw new IllegalArgumentException("eks token: unknown partition " + GoText.quote(partition));
    }
    for (String region : regions) {
      if (!validRegion(region)) {
        throw new IllegalArgumentException("eks token: invalid region identifier format provided: " + region);
      }
    }
    Set<String> own = new HashSet<>();
    for (String endpoint : ownEndpoints) {
      own.add(ownEndpoint(endpoint));
    }
    return new StsHosts(partition, Set.copyOf(regions), Set.copyOf(own));
  }

  /** Checks scheme then host, in upstream's order. */
  public HostCheck check(String scheme, String host) {
    if (!ownEndpoints.isEmpty() && ownEndpoints.contains(scheme + "://" + host)) {
      return new OwnEndpoint();
    }
    if (!scheme.equals("https")) {
      return new Refused("unexpected scheme " + GoText.quote(scheme) + " in pre-signed URL");
    }
    if (host.equals(GLOBAL_HOST)) {
      return partition.equals("aws") ? new AwsEndpoint(GLOBAL_SIGNING_REGION)
          : new Refused("global endpoint unsupported in partition " + partition);
    }
    if (host.isEmpty()) {
      return new Refused("could not parse region for pre-signed URL " + host + ", host is empty");
    }
    String[] labels = host.split("\\.", -1);
    if (labels.length < 3) {
      return new Refused("could not parse region for pre-signed URL " + host + ", invalid host format: " + host);
    }
    String region = labels[1];
    if (!validRegion(region)) {
      return new Refused("invalid region identifier format provided: " + region);
    }
    boolean ownPartition = regionalHosts(partition, region).contains(host);
    if (regions.isEmpty() ? ownPartition : regionalHosts.contains(host)) {
      return new AwsEndpoint(region);
    }
    for (String other : DOMAINS.keySet()) {
      if (!ownPartition && !other.equals(partition) && regionalHosts(other, region).contains(host)) {
        return new Refused("partition {" + partition + "} does not support hostname " + host);
      }
    }
    return new Refused("unexpected hostname " + GoText.quote(host) + " in pre-signed URL");
  }

  private static List<String> regionalHosts(String partition, String region) {
    String[] domains = DOMAINS.get(partition);
    String domain = domains[0];
    String dualStack = domains[1];
    return dualStack == null
        ? List.of("sts." + region + "." + domain, "sts-fips." + region + "." + domain)
        : List.of("sts." + region + "." + domain, "sts-fips." + region + "." + domain,
            "sts." + region + "." + dualStack, "sts-fips." + region + "." + dualStack);
  }

  /** Go SDK v1's region check, {@code ^[[:alnum:]]([[:alnum:]\-]*[[:alnum:]])?$}. */
  static boolean validRegion(String region) {
    if (region.isEmpty() || !alnum(region.charAt(0)) || !alnum(region.charAt(region.length() - 1))) {
      return false;
    }
    for (int i = 1; i < region.length() - 1; i++) {
      if (!alnum(region.charAt(i)) && region.charAt(i) != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** {@code scheme://host[:port]} of an endpoint URL, as a token URL to it would show them. */
  private static String ownEndpoint(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("eks token: invalid endpoint URL " + GoText.quote(url) + ": "
          + e.getMessage(), e);
    }
    String scheme = Objects.requireNonNullElse(uri.getScheme(), "");
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null || uri.getHost() == null
        || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
        || !(uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
      throw new IllegalArgumentException("eks token: an endpoint must be http(s)://host[:port][/], got "
          + GoText.quote(url));
    }
    return scheme + "://" + uri.getRawAuthority();
  }

  private static Map<String, String[]> domains() {
    Map<String, String[]> d = new LinkedHashMap<>();
    d.put("aws", new String[] {"amazonaws.com", "api.aws"});
    d.put("aws-cn", new String[] {"amazonaws.com.cn", "api.amazonwebservices.com.cn"});
    d.put("aws-us-gov", new String[] {"amazonaws.com", "api.aws"});
    d.put("aws-iso", new String[] {"c2s.ic.gov", null});
    d.put("aws-iso-b", new String[] {"sc2s.sgov.gov", null});
    d.put("aws-iso-e", new String[] {"cloud.adc-e.uk", null});
    d.put("aws-iso-f", new String[] {"csp.hci.ic.gov", null});
    d.put("aws-eusc", new String[] {"amazonaws.eu", "api.amazonwebservices.eu"});
    return Map.copyOf(d);
  }

  @Override
  public String toString() {
    return "StsHosts[" + partition + ", regions " + (regions.isEmpty() ? "any" : regions) + ", own " + ownEndpoints
        + "]";
  }
}

package dev.gatehouse.aws.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gatehouse.aws.model.ManagedPolicy;
import dev.gatehouse.aws.model.PolicyVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS managed policies ({@code arn:aws:iam::aws:policy/...}) Gatehouse ships, read from the bundled data
 * file {@code aws-managed-policies.json}. They are the same in every account and never stored.
 */
public final class AwsManagedPolicies {
  private static final String RESOURCE = "/dev/gatehouse/aws/aws-managed-policies.json";

  /** One entry of the data file. */
  record Entry(String name, String path, String id, String description, String versionId, Instant created,
      Instant updated, Object document) {}

  private final Map<String, ManagedPolicy> byArn = new LinkedHashMap<>();

  private AwsManagedPolicies(List<Entry> entries, ObjectMapper json) throws IOException {
    for (Entry e : entries) {
      String document = json.writeValueAsString(e.document());
      ManagedPolicy p = new ManagedPolicy("aws", e.name(), e.path(), e.id(), e.created(), e.updated(),
          e.description(), e.versionId(), List.of(new PolicyVersion(e.versionId(), document, e.updated())),
          Integer.parseInt(e.versionId().substring(1)) + 1, List.of());
      byArn.put(p.arn(), p);
    }
  }

  public static AwsManagedPolicies load() {
    ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    try (InputStream in = AwsManagedPolicies.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Entry[] entries = json.readValue(in, Entry[].class);
      return new AwsManagedPolicies(List.of(entries), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<ManagedPolicy> byArn(String arn) {
    return Optional.ofNullable(byArn.get(arn));
  }

  public Collection<ManagedPolicy> all() {
    return byArn.values();
  }
}

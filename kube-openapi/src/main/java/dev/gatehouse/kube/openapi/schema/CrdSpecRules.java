package dev.gatehouse.kube.openapi.schema;

import static dev.gatehouse.kube.openapi.schema.StructuralSchemaRules.forbidden;
import static dev.gatehouse.kube.openapi.schema.StructuralSchemaRules.invalid;
import static dev.gatehouse.kube.openapi.schema.StructuralSchemaRules.required;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.meta.names.NameFormats;
import dev.gatehouse.kube.meta.validation.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The non-schema parts of a CRD spec: names, printer columns, subresources, deprecation warnings and
 * conversion, with upstream's messages.
 */
final class CrdSpecRules {
  private CrdSpecRules() {}

  private static final List<String> COLUMN_TYPES = List.of("boolean", "date", "integer", "number", "string");
  private static final List<String> COLUMN_FORMATS = List.of("byte", "date", "date-time", "double", "float", "int32",
      "int64", "password");
  private static final List<String> REVIEW_VERSIONS = List.of("v1", "v1beta1");

  /** Upstream {@code ValidateCustomResourceDefinitionNames}. */
  static void names(CrdModel.Names names, String path, List<FieldError> errs) {
    dns1035(names.plural(), path + ".plural", errs);
    dns1035(names.singular(), path + ".singular", errs);
    mixedCase(names.kind(), path + ".kind", errs);
    mixedCase(names.listKind(), path + ".listKind", errs);
    for (int i = 0; i < names.shortNames().size(); i++) {
      String shortName = names.shortNames().get(i);
      List<String> problems = NameFormats.dns1035Label(shortName);
      if (!problems.isEmpty()) {
        errs.add(invalid(path + ".shortNames[" + i + "]", shortName, String.join(",", problems)));
      }
    }
    if (!names.kind().isEmpty() && names.kind().equals(names.listKind())) {
      errs.add(invalid(path + ".listKind", names.listKind(), "kind and listKind may not be the same"));
    }
    for (int i = 0; i < names.categories().size(); i++) {
      String category = names.categories().get(i);
      List<String> problems = NameFormats.dns1035Label(category);
      if (!problems.isEmpty()) {
        errs.add(invalid(path + ".categories[" + i + "]", category, String.join(",", problems)));
      }
    }
  }

  private static void dns1035(String value, String path, List<FieldError> errs) {
    List<String> problems = NameFormats.dns1035Label(value);
    if (!value.isEmpty() && !problems.isEmpty()) {
      errs.add(invalid(path, value, String.join(",", problems)));
    }
  }

  private static void mixedCase(String value, String path, List<FieldError> errs) {
    List<String> problems = NameFormats.dns1035Label(value.toLowerCase(Locale.ROOT));
    if (!value.isEmpty() && !problems.isEmpty()) {
      errs.add(invalid(path, value, "may have mixed case, but should otherwise match: " + String.join(",", problems)));
    }
  }

  /** Upstream {@code ValidateCustomResourceColumnDefinition}. */
  static void column(JsonNode col, String path, List<FieldError> errs) {
    String name = col.path("name").asText("");
    String type = col.path("type").asText("");
    String format = col.path("format").asText("");
    String jsonPath = col.path("jsonPath").asText("");
    if (name.isEmpty()) {
      errs.add(required(path + ".name", ""));
    }
    String typeDetail = "must be one of " + String.join(",", COLUMN_TYPES);
    if (type.isEmpty()) {
      errs.add(required(path + ".type", typeDetail));
    } else if (!COLUMN_TYPES.contains(type)) {
      errs.add(invalid(path + ".type", type, typeDetail));
    }
    if (!format.isEmpty() && !COLUMN_FORMATS.contains(format)) {
      errs.add(invalid(path + ".format", format, "must be one of " + String.join(",", COLUMN_FORMATS)));
    }
    if (jsonPath.isEmpty()) {
      errs.add(required(path + ".JSONPath", ""));
    } else {
      simpleJsonPath(jsonPath, path + ".JSONPath", errs);
    }
  }

  private static boolean simpleJsonPath(String s, String path, List<FieldError> errs) {
    if (s.isEmpty()) {
      errs.add(invalid(path, s, "must not be empty"));
      return false;
    }
    if (s.charAt(0) != '.') {
      errs.add(invalid(path, s, "must be a simple json path starting with ."));
      return false;
    }
    return true;
  }

  /** Upstream {@code ValidateCustomResourceDefinitionSubresources}: the scale paths. */
  static void subresources(JsonNode subresources, String path, List<FieldError> errs) {
    if (subresources == null || !subresources.hasNonNull("scale")) {
      return;
    }
    JsonNode scale = subresources.get("scale");
    scalePath(scale.path("specReplicasPath").asText(""), path + ".scale.specReplicasPath", ".spec.",
        "should be a json path under .spec", errs);
    scalePath(scale.path("statusReplicasPath").asText(""), path + ".scale.statusReplicasPath", ".status.",
        "should be a json path under .status", errs);
    String selector = scale.path("labelSelectorPath").asText("");
    if (!selector.isEmpty() && simpleJsonPath(selector, path + ".scale.labelSelectorPath", errs)
        && !selector.startsWith(".spec.") && !selector.startsWith(".status.")) {
      errs.add(invalid(path + ".scale.labelSelectorPath", selector, "should be a json path under either .spec or .status"));
    }
  }

  private static void scalePath(String value, String path, String prefix, String detail, List<FieldError> errs) {
    if (value.isEmpty()) {
      errs.add(required(path, ""));
    } else if (simpleJsonPath(value, path, errs) && !value.startsWith(prefix)) {
      errs.add(invalid(path, value, detail));
    }
  }

  /** Upstream {@code validateDeprecationWarning}. */
  static void deprecationWarning(CrdModel.Version v, String path, List<FieldError> errs) {
    String warning = v.deprecationWarning();
    List<String> problems = new ArrayList<>();
    if (!v.deprecated() && warning != null) {
      problems.add("can only be set for deprecated versions");
    } else if (warning != null) {
      if (warning.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 256) {
        problems.add("must be <= 256 characters long");
      }
      if (warning.isEmpty()) {
        problems.add("must not be an empty string");
      }
      int byteIndex = 0;
      for (int i = 0; i < warning.length(); ) {
        int cp = warning.codePointAt(i);
        if (!dev.gatehouse.kube.meta.validation.GoFormat.isPrint(cp)) {
          problems.add("must only contain printable UTF-8 characters; non-printable character found at index "
              + byteIndex);
          break;
        }
        byteIndex += new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        i += Character.charCount(cp);
      }
    }
    for (String problem : problems) {
      errs.add(invalid(path + ".deprecationWarning", warning == null ? new dev.gatehouse.kube.meta.validation
          .GoFormat.GoLiteral("\"null\"") : warning, problem));
    }
  }

  /** Upstream {@code validateCustomResourceConversion} on the internal form. */
  static void conversion(CrdModel.Conversion c, boolean requireRecognizedVersion, String path, List<FieldError> errs) {
    if (c.strategy().isEmpty()) {
      errs.add(required(path + ".strategy", ""));
    } else if (!c.strategy().equals("None") && !c.strategy().equals("Webhook")) {
      errs.add(CrdSchemaRules.notSupported(path + ".strategy", c.strategy(), List.of("None", "Webhook")));
    }
    if (!c.strategy().equals("Webhook")) {
      if (c.webhookClientConfig() != null) {
        errs.add(forbidden(path + ".webhookClientConfig", "should not be set when strategy is not set to Webhook"));
      }
      if (c.conversionReviewVersions() != null && c.conversionReviewVersions().size() > 0) {
        errs.add(forbidden(path + ".conversionReviewVersions", "should not be set when strategy is not set to Webhook"));
      }
      return;
    }
    JsonNode cc = c.webhookClientConfig();
    if (cc == null) {
      errs.add(required(path + ".webhookClientConfig", "required when strategy is set to Webhook"));
    } else {
      boolean hasUrl = cc.hasNonNull("url");
      boolean hasService = cc.hasNonNull("service");
      if (hasUrl == hasService) {
        errs.add(required(path + ".webhookClientConfig", "exactly one of url or service is required"));
      } else if (hasUrl) {
        webhookUrl(cc.get("url").asText(), path + ".webhookClientConfig.url", errs);
      } else {
        webhookService(cc.get("service"), path + ".webhookClientConfig.service", errs);
      }
    }
    reviewVersions(c.conversionReviewVersions(), requireRecognizedVersion, path + ".conversionReviewVersions", errs);
  }

  private static void webhookUrl(String url, String path, List<FieldError> errs) {
    String form = "; desired format: https://host[/path]";
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      errs.add(required(path, "url must be a valid URL: parse " + dev.gatehouse.kube.meta.validation.GoFormat.quote(url)
          + ": invalid URL" + form));
      return;
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme();
    if (!scheme.equals("https")) {
      errs.add(invalid(path, scheme, "'https' is the only allowed URL scheme" + form));
    }
    String host = u.getRawAuthority() == null ? "" : u.getRawAuthority().replaceFirst("^.*@", "");
    if (host.isEmpty()) {
      errs.add(invalid(path, host, "host must be specified" + form));
    }
    if (u.getRawUserInfo() != null) {
      errs.add(invalid(path, u.getRawUserInfo(), "user information is not permitted in the URL"));
    }
    if (u.getRawFragment() != null && !u.getRawFragment().isEmpty()) {
      errs.add(invalid(path, u.getFragment(), "fragments are not permitted in the URL"));
    }
    if (u.getRawQuery() != null && !u.getRawQuery().isEmpty()) {
      errs.add(invalid(path, u.getRawQuery(), "query parameters are not permitted in the URL"));
    }
  }

  /**
   * Upstream passes the service's name where {@code ValidateWebhookService} expects the namespace and vice versa,
   * so a missing name reports "service namespace is required" under {@code namespace}; kept as upstream does.
   */
  private static void webhookService(JsonNode service, String path, List<FieldError> errs) {
    String nameArg = service.path("namespace").asText("");
    String namespaceArg = service.path("name").asText("");
    if (nameArg.isEmpty()) {
      errs.add(required(path + ".name", "service name is required"));
    }
    if (namespaceArg.isEmpty()) {
      errs.add(required(path + ".namespace", "service namespace is required"));
    }
    long port = service.path("port").asLong(443);
    if (port < 1 || port > 65535) {
      errs.add(invalid(path + ".port", port, "port is not valid: must be between 1 and 65535, inclusive"));
    }
    if (!service.hasNonNull("path")) {
      return;
    }
    String urlPath = service.get("path").asText();
    if (urlPath.equals("/") || urlPath.isEmpty()) {
      return;
    }
    if (urlPath.equals("//")) {
      errs.add(invalid(path + ".path", urlPath, "segment[0] may not be empty"));
      return;
    }
    if (!urlPath.startsWith("/")) {
      errs.add(invalid(path + ".path", urlPath, "must start with a '/'"));
    }
    String check = urlPath.substring(1);
    if (check.endsWith("/")) {
      check = check.substring(0, check.length() - 1);
    }
    String[] steps = check.split("/", -1);
    for (int i = 0; i < steps.length; i++) {
      if (steps[i].isEmpty()) {
        errs.add(invalid(path + ".path", urlPath, "segment[" + i + "] may not be empty"));
        continue;
      }
      for (String failure : NameFormats.dns1123Subdomain(steps[i])) {
        errs.add(invalid(path + ".path", urlPath, "segment[" + i + "]: " + failure));
      }
    }
  }

  private static void reviewVersions(JsonNode versions, boolean requireRecognized, String path,
      List<FieldError> errs) {
    if (versions == null || versions.size() < 1) {
      errs.add(required(path, ""));
      return;
    }
    Set<String> seen = new HashSet<>();
    boolean accepted = false;
    List<String> all = CrdModel.strings(versions);
    for (int i = 0; i < all.size(); i++) {
      String v = all.get(i);
      if (!seen.add(v)) {
        errs.add(invalid(path + "[" + i + "]", v, "duplicate version"));
        continue;
      }
      for (String problem : NameFormats.dns1035Label(v)) {
        errs.add(invalid(path + "[" + i + "]", v, problem));
      }
      accepted |= REVIEW_VERSIONS.contains(v);
    }
    if (requireRecognized && !accepted) {
      errs.add(invalid(path, all, "must include at least one of " + String.join(", ", REVIEW_VERSIONS)));
    }
  }
}

package dev.gatehouse.aws.protocol;

import dev.gatehouse.aws.sigv4.HttpRequestView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An AWS Query protocol request (IAM 2010-05-08, STS 2011-06-15): parameters from the query string and, for a
 * form POST, the body. As real STS does: the first of repeated parameters wins, unknown parameters are kept
 * (operations ignore them), and a body is read only with {@code Content-Type:
 * application/x-www-form-urlencoded} (any parameters). Query-string parameters come before body parameters.
 */
public final class QueryRequest {
  private static final String FORM = "application/x-www-form-urlencoded";

  private final String action;
  private final Optional<String> version;
  private final QueryStruct root;

  private QueryRequest(String action, Optional<String> version, QueryStruct root) {
    this.action = action;
    this.version = version;
    this.root = root;
  }

  public static QueryParse parse(HttpRequestView request) {
    return parse(request, QueryLimits.DEFAULT);
  }

  /**
   * Decodes the parameters; a broken escape, invalid UTF-8, an oversized body or a missing {@code Action} is a
   * {@link QueryParse.Malformed} with a 400 error, never an exception.
   */
  public static QueryParse parse(HttpRequestView request, QueryLimits limits) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    try {
      if (request.rawQuery() != null) {
        FormDecoder.decode(request.rawQuery().getBytes(StandardCharsets.UTF_8), pairs, limits.maxParameters());
      }
      if (isForm(request)) {
        if (request.body().length > limits.maxBodyBytes()) {
          return new QueryParse.Malformed(AwsError.requestEntityTooLarge(request.body().length,
              limits.maxBodyBytes()));
        }
        FormDecoder.decode(request.body(), pairs, limits.maxParameters());
      }
    } catch (FormDecoder.FormException e) {
      return new QueryParse.Malformed(e.error());
    }
    TreeMap<String, String> parameters = new TreeMap<>();
    HashMap<String, Integer> arrival = new HashMap<>();
    for (Map.Entry<String, String> pair : pairs) {
      if (parameters.putIfAbsent(pair.getKey(), pair.getValue()) == null) {
        arrival.put(pair.getKey(), arrival.size());
      }
    }
    String action = parameters.get("Action");
    if (action == null) {
      return new QueryParse.Malformed(AwsError.missingAction());
    }
    QueryStruct root = new QueryStruct(Collections.unmodifiableNavigableMap(parameters), arrival, "");
    return new QueryParse.Parsed(new QueryRequest(action, Optional.ofNullable(parameters.get("Version")), root));
  }

  private static boolean isForm(HttpRequestView request) {
    if (request.body().length == 0) {
      return false;
    }
    return request.headers().first("content-type")
        .map(type -> type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals(FORM))
        .orElse(false);
  }

  /** {@code Action}; may be empty ({@code Action=}), which no operation matches. */
  public String action() {
    return action;
  }

  /** {@code Version}; absent reads as {@code NO_VERSION_SPECIFIED} in {@link AwsError#invalidAction}. */
  public Optional<String> version() {
    return version;
  }

  public Optional<String> get(String name) {
    return root.get(name);
  }

  public boolean has(String name) {
    return root.has(name);
  }

  /** {@code Name.member.N} values in index order. */
  public List<String> members(String name) {
    return root.members(name);
  }

  /** {@code Name.member.N.*} structures in index order. */
  public List<QueryStruct> structs(String name) {
    return root.structs(name);
  }

  public Optional<QueryStruct> struct(String name) {
    return root.struct(name);
  }

  /** {@code Name=} sent for an empty list. */
  public boolean isEmptyList(String name) {
    return root.isEmptyList(name);
  }

  /** The request as a structure, to share code with nested structures. */
  public QueryStruct root() {
    return root;
  }

  /** All parameters (first value of each name), sorted by name. */
  public Map<String, String> parameters() {
    return root.parameters();
  }

  /** Parameter values are left out: they may carry secrets (passwords, SAML assertions). */
  @Override
  public String toString() {
    return "QueryRequest[" + action + " " + version.orElse("NO_VERSION_SPECIFIED") + ", "
        + root.parameters().keySet() + "]";
  }
}

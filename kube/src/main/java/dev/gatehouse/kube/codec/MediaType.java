package dev.gatehouse.kube.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A parsed media range of an Accept or Content-Type header, e.g. {@code application/json;g=meta.k8s.io;v=v1;as=Table}. */
public record MediaType(String type, Map<String, String> params) {

  public static List<MediaType> parseAccept(String header) {
    List<MediaType> out = new ArrayList<>();
    if (header == null || header.isBlank()) {
      return out;
    }
    for (String part : header.split(",")) {
      if (!part.isBlank()) {
        out.add(parse(part));
      }
    }
    return out;
  }

  public static MediaType parse(String value) {
    String[] pieces = value.split(";");
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i < pieces.length; i++) {
      String p = pieces[i].trim();
      int eq = p.indexOf('=');
      if (eq > 0) {
        params.put(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), unquote(p.substring(eq + 1).trim()));
      }
    }
    return new MediaType(pieces[0].trim().toLowerCase(Locale.ROOT), params);
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  public String param(String name) {
    return params.get(name);
  }

  /** Whether this range accepts JSON (application/json, application/*, or * / *). */
  public boolean acceptsJson() {
    return type.equals("application/json") || type.equals("application/*") || type.equals("*/*");
  }

  /** Whether this range asks for the given kind as {@code as=<kind>;g=<group>;v=<version>}. */
  public boolean asKind(String kind, String group, String version) {
    return type.equals("application/json") && kind.equals(param("as")) && group.equals(param("g"))
        && version.equals(param("v"));
  }
}

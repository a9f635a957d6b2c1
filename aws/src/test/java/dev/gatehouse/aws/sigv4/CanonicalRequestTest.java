package dev.gatehouse.aws.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Canonical URI and query rules that the suites exercise only indirectly. */
class CanonicalRequestTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "''|/",
      "/|/",
      "//|/",
      "/a/b/../c|/a/c",
      "/a/./b/|/a/b/",
      "/a/b/..|/a",
      "/../..|/",
      "/.well-known/openid-configuration|/.well-known/openid-configuration",
      "/clusters/demo/access-entries/arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fpath%2Fdev%20role"
          + "|/clusters/demo/access-entries/arn%253Aaws%253Aiam%253A%253A123456789012%253Arole%252Fpath%252Fdev%2520role",
      "/a b/ü~|/a%20b/%C3%BC~",
  })
  void canonicalUriNormalisesThenEncodesTheRawPathAgain(String rawPath, String expected) {
    assertThat(CanonicalRequest.canonicalUri(rawPath)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "b=2&a=1|a=1&b=2",
      "a=2&a=1|a=1&a=2",
      "a|a=",
      "a=&b|a=&b=",
      "x=a+b|x=a%2Bb",
      "x=a%20b|x=a%20b",
      "x=%7e%2a|x=~%2A",
      "Param-3=3&Param=2|Param=2&Param-3=3",
      "a=1&&b=2|a=1&b=2",
      "x=%FF|x=%FF",
  })
  void canonicalQueryDecodesReencodesAndSorts(String rawQuery, String expected) {
    assertThat(CanonicalRequest.canonicalQuery(rawQuery, Set.of())).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "'  a   b  '|'a b'",
      "'a\tb\n c'|'a b c'",
      "'\"a   b\"'|'\"a b\"'",
      "''|''",
  })
  void headerValuesAreTrimmedAndCollapsed(String value, String expected) {
    StringBuilder out = new StringBuilder();
    CanonicalRequest.appendTrimmed(value, out);
    assertThat(out.toString()).isEqualTo(expected);
  }
}

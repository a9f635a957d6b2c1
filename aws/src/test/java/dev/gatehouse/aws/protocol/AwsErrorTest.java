package dev.gatehouse.aws.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwsErrorTest {
  @Test
  void invalidActionNamesTheVersionOrItsAbsenceAsStsDoes() {
    assertThat(AwsError.invalidAction("NoSuchAction", Optional.of("2011-06-15")).message())
        .isEqualTo("Could not find operation NoSuchAction for version 2011-06-15");
    assertThat(AwsError.invalidAction("GetCallerIdentity", Optional.empty()).message())
        .isEqualTo("Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED");
    assertThat(AwsError.invalidAction("", Optional.of("")).message()).isEqualTo("Could not find operation  for version ");
  }

  @Test
  void validationErrorsAreCountedAndJoinedWithSemicolons() {
    assertThat(AwsError.validationNotNull("roleArn")).isEqualTo(new AwsError("ValidationError",
        "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
        400, true));
    assertThat(AwsError.validation(List.of("A", "B")).message()).isEqualTo("2 validation errors detected: A; B");
    assertThatThrownBy(() -> AwsError.validation(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "IncompleteSignature,400", "MalformedQueryString,400", "SignatureDoesNotMatch,403",
      "MissingAuthenticationToken,403", "InvalidClientTokenId,403", "ExpiredToken,403"})
  void sigV4CodesMapToTheirStatuses(String code, int status) {
    assertThat(AwsError.fromSigV4(code, "m")).isEqualTo(new AwsError(code, "m", status, true));
  }

  @Test
  void commonErrorsCarryAwsTexts() {
    assertThat(AwsError.invalidClientTokenId().message()).isEqualTo("The security token included in the request is invalid.");
    assertThat(AwsError.expiredToken().message()).isEqualTo("The security token included in the request is expired");
    assertThat(AwsError.missingAuthenticationToken().message()).isEqualTo("Request is missing Authentication Token");
    assertThat(AwsError.signatureDoesNotMatch().message()).startsWith("The request signature we calculated");
    assertThat(AwsError.internalFailure().type()).isEqualTo("Receiver");
    assertThat(AwsError.internalFailure().httpStatus()).isEqualTo(500);
  }

  @Test
  void routingErrorsUseTheAwsFaultNamespace() {
    assertThat(Namespaces.forError(Namespaces.STS, AwsError.invalidAction("X", Optional.empty())))
        .isEqualTo(Namespaces.AWS_FAULT);
    assertThat(Namespaces.forError(Namespaces.STS, AwsError.invalidClientTokenId())).isEqualTo(Namespaces.STS);
  }

  @Test
  void policiesAreEncodedAsIamReturnsThem() {
    assertThat(QueryResponses.urlEncodePolicy("{\"Version\": \"2012-10-17\"}"))
        .isEqualTo("%7B%22Version%22%3A%20%222012-10-17%22%7D");
    assertThat(QueryResponses.urlEncodePolicy("a+b c*")).isEqualTo("a%2Bb%20c%2A");
    assertThat(QueryResponses.urlEncodePolicy("line\nnext")).isEqualTo("line%0Anext");
    assertThat(QueryResponses.urlEncodePolicy("arn:aws:s3:::b/k~-_.")).isEqualTo("arn%3Aaws%3As3%3A%3A%3Ab%2Fk~-_.");
    assertThat(QueryResponses.urlEncodePolicy("\u00fc")).isEqualTo("%C3%BC");
  }
}

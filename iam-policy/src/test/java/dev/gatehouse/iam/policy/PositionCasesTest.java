package dev.gatehouse.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Statement source positions, as SimulatePolicy reports them. */
class PositionCasesTest {

  record Expected(String sid, List<Integer> start, List<Integer> end) {}

  record PositionCase(String name, String document, List<Expected> statements) implements Cases.NamedCase {}

  static Stream<Arguments> cases() {
    return Cases.load("positions.yaml", PositionCase.class);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void statementPositions(PositionCase c) {
    Policy policy = Policies.parseValid(c.document(), PolicyKind.IDENTITY);
    assertThat(policy.statements()).hasSameSizeAs(c.statements());
    for (int i = 0; i < c.statements().size(); i++) {
      Statement s = policy.statements().get(i);
      Expected e = c.statements().get(i);
      assertThat(s.index()).isEqualTo(i);
      assertThat(s.sid()).isEqualTo(e.sid());
      assertThat(s.start()).as("start of statement %d", i).isEqualTo(new Position(e.start().get(0), e.start().get(1)));
      assertThat(s.end()).as("end of statement %d", i).isEqualTo(new Position(e.end().get(0), e.end().get(1)));
    }
  }
}

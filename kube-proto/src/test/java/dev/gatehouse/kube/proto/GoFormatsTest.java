package dev.gatehouse.kube.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Table-driven checks of the Go text forms, from go-formats.yaml. */
class GoFormatsTest {

    record Duration(long nanos, String text) {
    }

    record Time(long seconds, String text) {
    }

    record MicroTime(long seconds, long nanos, String text) {
    }

    record Quote(String in, String out) {
    }

    record Quantity(String text, String error) {
    }

    record Formats(List<Duration> durations, List<Time> times, List<MicroTime> microTimes, List<Quote> quotes,
            List<Quantity> quantities) {
    }

    private static final Formats FORMATS = TestData.loadOne("go-formats.yaml", Formats.class);

    @Test
    void durations() {
        assertThat(FORMATS.durations()).allSatisfy(d ->
                assertThat(GoTimeFormat.duration(d.nanos())).as("%d ns", d.nanos()).isEqualTo(d.text()));
    }

    @Test
    void times() {
        assertThat(FORMATS.times()).allSatisfy(t ->
                assertThat(GoTimeFormat.rfc3339(t.seconds())).as("%d s", t.seconds()).isEqualTo(t.text()));
    }

    @Test
    void microTimes() {
        assertThat(FORMATS.microTimes()).allSatisfy(t ->
                assertThat(GoTimeFormat.rfc3339Micro(t.seconds(), t.nanos())).isEqualTo(t.text()));
    }

    @Test
    void quotes() {
        assertThat(FORMATS.quotes()).allSatisfy(q ->
                assertThat(GoStrings.quote(q.in())).as(q.in()).isEqualTo(q.out()));
    }

    @Test
    void quantities() {
        assertThat(FORMATS.quantities()).allSatisfy(q ->
                assertThat(QuantitySyntax.check(q.text())).as(q.text()).isEqualTo(Optional.ofNullable(q.error())));
    }
}

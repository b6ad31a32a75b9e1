package org.fleetcompat.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * {@link SparkSessions} takes a live session as it is: a notebook's master, settings and name are
 * never overridden by the master and settings a command would have started its own session with.
 * (Under {@code spark-submit}: {@code LocalClusterIT}.)
 */
class SparkSessionsTest {
  @Test
  void aLiveSessionIsReturnedUntouched() {
    SparkSession live = SparkTestSession.get();
    String zone = live.conf().get("spark.sql.session.timeZone");
    SparkSession got =
        SparkSessions.create(
            "local[1]",
            Map.of("spark.sql.session.timeZone", "America/New_York", "spark.app.name", "other"));
    assertThat(got).isSameAs(live);
    assertThat(SparkSessions.live()).containsSame(live);
    assertThat(got.conf().get("spark.sql.session.timeZone")).isEqualTo(zone);
    assertThat(got.sparkContext().master()).isEqualTo("local[2]");
    assertThat(got.sparkContext().appName()).isEqualTo("fleetcompat");
  }

  @Test
  void thisJvmIsNotASparkSubmitDriver() {
    assertThat(System.getProperty("spark.master")).isNull();
    assertThat(SparkSessions.isSubmitted()).isFalse();
  }
}

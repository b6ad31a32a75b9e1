package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.fleetcompat.core.CompareOperation;
import org.fleetcompat.core.VectorSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SystemValidatorTest {
  private static final String FILE = "file:/snap/vm_vectors/part-00000.parquet";
  private static final long ID_2_31 = 0x8000_0000L;
  private static final long MAX_ID = 0xffff_ffffL;

  /** Every fault a row of a named system can carry (NULL_SYSTEM_ID only occurs without a name). */
  private static final RejectReason[] ROW_FAULTS = {
    RejectReason.NULL_VECTOR_ID,
    RejectReason.VECTOR_ID_OUT_OF_RANGE,
    RejectReason.NULL_OPERATION,
    RejectReason.UNKNOWN_OPERATION,
    RejectReason.NULL_VALUE,
    RejectReason.VALUE_OUT_OF_RANGE
  };

  private int rowNumber;

  @Test
  void cleanSystemIsAcceptedWithSortedVectors() {
    List<LoadedVectorRow> rows =
        List.of(
            ok("vm-1", MAX_ID, 0, 7),
            ok("vm-1", 0x10000102L, 2, 0x3e98320bL),
            ok("vm-1", ID_2_31, 4, Long.MIN_VALUE),
            ok("vm-1", 5, 9, -1L),
            ok("vm-1", 0, 8, 0));

    SystemVerdict v = SystemValidator.validate("vm-1", rows);

    assertThat(v.isAccepted()).isTrue();
    assertThat(v.systemId()).isEqualTo("vm-1");
    assertThat(v.rejections()).isEmpty();
    assertThat(v.duplicatesCollapsed()).isZero();
    VectorSet expected =
        VectorSet.builder()
            .add(0, CompareOperation.MULTIPLE, 0)
            .add(5, CompareOperation.DIVISOR, -1L)
            .add(0x10000102, CompareOperation.SUB_SET, 0x3e98320bL)
            .add((int) ID_2_31, CompareOperation.GREATER_THAN, Long.MIN_VALUE)
            .add((int) MAX_ID, CompareOperation.EQUAL, 7)
            .build();
    assertThat(v.vectors()).isEqualTo(expected);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < v.vectors().size(); i++) {
      ids.add(Integer.toUnsignedLong(v.vectors().vectorId(i)));
    }
    assertThat(ids).containsExactly(0L, 5L, 0x10000102L, ID_2_31, MAX_ID);
    assertThat(v.vectors().value(1)).isEqualTo(-1L);
    assertThat(v.vectors().value(3)).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void exactDuplicatesAreCollapsedAndCounted() {
    LoadedVectorRow a = ok("h-1", 1, 2, 0xf000_0000_0000_0001L);
    LoadedVectorRow b = ok("h-1", ID_2_31, 5, 9);
    List<LoadedVectorRow> rows =
        List.of(a, b, again(a), ok("h-1", 3, 0, 1), again(a), again(b), again(a));

    SystemVerdict v = SystemValidator.validate("h-1", rows);

    assertThat(v.isAccepted()).isTrue();
    assertThat(v.duplicatesCollapsed()).isEqualTo(4);
    assertThat(v.rejections()).isEmpty();
    assertThat(v.vectors().size()).isEqualTo(3);
    assertThat(v.vectors().indexOf(1)).isZero();
    assertThat(v.vectors().value(0)).isEqualTo(0xf000_0000_0000_0001L);
    assertBalanced(rows, v);
  }

  @ParameterizedTest
  @EnumSource(
      value = RejectReason.class,
      names = {
        "NULL_VECTOR_ID",
        "VECTOR_ID_OUT_OF_RANGE",
        "NULL_OPERATION",
        "UNKNOWN_OPERATION",
        "NULL_VALUE",
        "VALUE_OUT_OF_RANGE"
      })
  void oneFaultyRowQuarantinesTheWholeSystem(RejectReason fault) {
    LoadedVectorRow good = ok("vm-7", 1, 2, 3);
    LoadedVectorRow bad = faulty("vm-7", fault, "the value at fault is 42");
    List<LoadedVectorRow> rows = List.of(good, ok("vm-7", ID_2_31, 0, -1L), bad, again(good));

    SystemVerdict v = SystemValidator.validate("vm-7", rows);

    assertThat(v.isAccepted()).isFalse();
    assertThat(v.vectors()).isNull();
    assertThat(v.systemId()).isEqualTo("vm-7");
    assertThat(v.duplicatesCollapsed()).isZero();
    String quarantined =
        "quarantined with its system vm-7 (" + fault + ": the value at fault is 42)";
    assertThat(v.rejections())
        .containsExactly(
            new Rejection("vm-7", RejectReason.SYSTEM_QUARANTINED, quarantined, good.row(), FILE),
            new Rejection(
                "vm-7", RejectReason.SYSTEM_QUARANTINED, quarantined, rows.get(1).row(), FILE),
            new Rejection("vm-7", fault, "the value at fault is 42", bad.row(), FILE),
            new Rejection(
                "vm-7", RejectReason.SYSTEM_QUARANTINED, quarantined, rows.get(3).row(), FILE));
    assertBalanced(rows, v);
  }

  @Test
  void aSystemOfFaultyRowsOnlyKeepsEachRowsOwnFault() {
    List<LoadedVectorRow> rows =
        List.of(
            faulty("vm-2", RejectReason.NULL_VALUE, "compatibility_info is null"),
            faulty("vm-2", RejectReason.UNKNOWN_OPERATION, "compare_operation 12 is not one of"));

    SystemVerdict v = SystemValidator.validate("vm-2", rows);

    assertThat(v.rejections())
        .extracting(Rejection::reason, Rejection::message)
        .containsExactly(
            tuple(RejectReason.NULL_VALUE, "compatibility_info is null"),
            tuple(RejectReason.UNKNOWN_OPERATION, "compare_operation 12 is not one of"));
  }

  @Test
  void sameIdWithAnotherOperationIsAConflictingDuplicate() {
    LoadedVectorRow first = ok("vm-3", 0x10, 2, 1);
    LoadedVectorRow other = ok("vm-3", 0x10, 3, 1);
    LoadedVectorRow fine = ok("vm-3", 0x20, 0, 5);
    List<LoadedVectorRow> rows = List.of(first, fine, other, again(first));

    SystemVerdict v = SystemValidator.validate("vm-3", rows);

    assertThat(v.isAccepted()).isFalse();
    assertThat(v.duplicatesCollapsed()).isZero();
    String conflict =
        "vector_id 0x10 of vm-3 appears with different compare_operation or compatibility_info"
            + " values; the whole system is quarantined";
    String quarantined =
        "quarantined with its system vm-3 (CONFLICTING_DUPLICATE: vector_id 0x10 appears with"
            + " different compare_operation or compatibility_info values)";
    assertThat(v.rejections())
        .containsExactly(
            new Rejection("vm-3", RejectReason.CONFLICTING_DUPLICATE, conflict, first.row(), FILE),
            new Rejection("vm-3", RejectReason.SYSTEM_QUARANTINED, quarantined, fine.row(), FILE),
            new Rejection("vm-3", RejectReason.CONFLICTING_DUPLICATE, conflict, other.row(), FILE),
            new Rejection(
                "vm-3", RejectReason.CONFLICTING_DUPLICATE, conflict, rows.get(3).row(), FILE));
    assertBalanced(rows, v);
  }

  @Test
  void sameIdWithAnotherValueIsAConflictingDuplicate() {
    List<LoadedVectorRow> rows =
        List.of(
            ok("h-4", MAX_ID, 1, -1L), ok("h-4", 7, 1, 1), ok("h-4", MAX_ID, 1, Long.MIN_VALUE));

    SystemVerdict v = SystemValidator.validate("h-4", rows);

    assertThat(v.isAccepted()).isFalse();
    assertThat(v.rejections())
        .extracting(Rejection::reason)
        .containsExactly(
            RejectReason.CONFLICTING_DUPLICATE,
            RejectReason.SYSTEM_QUARANTINED,
            RejectReason.CONFLICTING_DUPLICATE);
    assertThat(v.rejections().get(0).message())
        .isEqualTo(
            "vector_id 0xffffffff of h-4 appears with different compare_operation or"
                + " compatibility_info values; the whole system is quarantined");
    assertThat(v.rejections().get(1).message())
        .isEqualTo(
            "quarantined with its system h-4 (CONFLICTING_DUPLICATE: vector_id 0xffffffff appears"
                + " with different compare_operation or compatibility_info values)");
    assertBalanced(rows, v);
  }

  @Test
  void aRowFaultIsNamedAsTheCauseBeforeAConflict() {
    List<LoadedVectorRow> rows =
        List.of(
            ok("vm-5", 1, 2, 1),
            ok("vm-5", 1, 2, 2),
            faulty("vm-5", RejectReason.NULL_OPERATION, "compare_operation is null"),
            ok("vm-5", 9, 0, 0));

    SystemVerdict v = SystemValidator.validate("vm-5", rows);

    assertThat(v.rejections())
        .extracting(Rejection::reason)
        .containsExactly(
            RejectReason.CONFLICTING_DUPLICATE,
            RejectReason.CONFLICTING_DUPLICATE,
            RejectReason.NULL_OPERATION,
            RejectReason.SYSTEM_QUARANTINED);
    assertThat(v.rejections().get(3).message())
        .isEqualTo("quarantined with its system vm-5 (NULL_OPERATION: compare_operation is null)");
  }

  @Test
  void theQuarantineCauseDoesNotDependOnRowOrder() {
    List<LoadedVectorRow> faults = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      faults.add(ok("vm-9", 100 + i, i % 10, i));
    }
    faults.add(faulty("vm-9", RejectReason.VALUE_OUT_OF_RANGE, "compatibility_info -1 is outside"));
    faults.add(faulty("vm-9", RejectReason.UNKNOWN_OPERATION, "compare_operation 11 is not"));
    faults.add(faulty("vm-9", RejectReason.UNKNOWN_OPERATION, "compare_operation 10 is not"));
    faults.add(faulty("vm-9", RejectReason.NULL_VALUE, "compatibility_info is null"));
    faults.add(ok("vm-9", 5, 0, 1));
    faults.add(ok("vm-9", 5, 0, 2));

    List<LoadedVectorRow> conflicts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      conflicts.add(ok("vm-9", 100 + i, i % 10, i));
    }
    conflicts.add(ok("vm-9", ID_2_31, 2, 1));
    conflicts.add(ok("vm-9", ID_2_31, 3, 1));
    conflicts.add(ok("vm-9", 0x42, 2, -1L));
    conflicts.add(ok("vm-9", 0x42, 2, Long.MIN_VALUE));
    conflicts.add(ok("vm-9", MAX_ID, 2, 1));
    conflicts.add(ok("vm-9", MAX_ID, 4, 1));

    Map<String, String> faultCause = quarantineMessages(faults);
    Map<String, String> conflictCause = quarantineMessages(conflicts);
    // The lowest fault in RejectReason order, and among equal faults the lowest row.
    assertThat(faultCause.get(faults.get(0).row()))
        .isEqualTo(
            "SYSTEM_QUARANTINED: quarantined with its system vm-9 (UNKNOWN_OPERATION:"
                + " compare_operation 11 is not)");
    // The lowest conflicting vector_id.
    assertThat(conflictCause.get(conflicts.get(0).row()))
        .isEqualTo(
            "SYSTEM_QUARANTINED: quarantined with its system vm-9 (CONFLICTING_DUPLICATE:"
                + " vector_id 0x42 appears with different compare_operation or compatibility_info"
                + " values)");

    for (long seed = 0; seed < 50; seed++) {
      List<LoadedVectorRow> f = new ArrayList<>(faults);
      List<LoadedVectorRow> c = new ArrayList<>(conflicts);
      Collections.shuffle(f, new Random(seed));
      Collections.shuffle(c, new Random(seed));
      assertThat(quarantineMessages(f)).as("faults, seed %d", seed).isEqualTo(faultCause);
      assertThat(quarantineMessages(c)).as("conflicts, seed %d", seed).isEqualTo(conflictCause);
    }
  }

  @Test
  void rowsWithoutASystemAreRejectedOneByOne() {
    LoadedVectorRow a =
        faulty(null, RejectReason.NULL_SYSTEM_ID, "vm_id is null: the row belongs to no system");
    List<LoadedVectorRow> rows =
        List.of(
            a,
            again(a),
            faulty(
                null, RejectReason.NULL_SYSTEM_ID, "vm_id is null: the row belongs to no system"));

    SystemVerdict v = SystemValidator.validate(null, rows);

    assertThat(v.isAccepted()).isFalse();
    assertThat(v.systemId()).isNull();
    assertThat(v.duplicatesCollapsed()).isZero();
    assertThat(v.rejections())
        .containsExactly(
            new Rejection(
                null,
                RejectReason.NULL_SYSTEM_ID,
                "vm_id is null: the row belongs to no system",
                a.row(),
                FILE),
            new Rejection(
                null,
                RejectReason.NULL_SYSTEM_ID,
                "vm_id is null: the row belongs to no system",
                rows.get(1).row(),
                FILE),
            new Rejection(
                null,
                RejectReason.NULL_SYSTEM_ID,
                "vm_id is null: the row belongs to no system",
                rows.get(2).row(),
                FILE));
    assertBalanced(rows, v);
  }

  @Test
  void rowCountsAlwaysBalanceOnSeededRandomRows() {
    long[] ids = {0, 1, 0x10000102L, ID_2_31 - 1, ID_2_31, ID_2_31 + 7, MAX_ID};
    long[] values = {0, 1, 0x3e98320bL, Long.MAX_VALUE, Long.MIN_VALUE, -2L, -1L};
    for (long seed = 0; seed < 300; seed++) {
      Random rnd = new Random(seed);
      String systemId = rnd.nextInt(10) == 0 ? null : "sys-" + seed;
      List<LoadedVectorRow> rows = new ArrayList<>();
      int n = 1 + rnd.nextInt(25);
      int faultOdds = 1 + rnd.nextInt(40);
      for (int i = 0; i < n; i++) {
        if (systemId == null) {
          rows.add(faulty(null, RejectReason.NULL_SYSTEM_ID, "vm_id is null"));
        } else if (!rows.isEmpty() && rnd.nextInt(4) == 0) {
          rows.add(again(rows.get(rnd.nextInt(rows.size()))));
        } else if (rnd.nextInt(faultOdds) == 0) {
          RejectReason fault = ROW_FAULTS[rnd.nextInt(ROW_FAULTS.length)];
          rows.add(faulty(systemId, fault, fault + " in row " + i));
        } else {
          rows.add(
              ok(
                  systemId,
                  ids[rnd.nextInt(ids.length)],
                  rnd.nextInt(10),
                  rnd.nextInt(3) == 0 ? rnd.nextLong() : values[rnd.nextInt(values.length)]));
        }
      }
      Collections.shuffle(rows, rnd);

      SystemVerdict v = SystemValidator.validate(systemId, rows);

      assertBalanced(rows, v, seed);
      TreeMap<Long, long[]> distinct = new TreeMap<>();
      boolean clean = systemId != null;
      for (LoadedVectorRow r : rows) {
        if (r.fault() != null) {
          clean = false;
          continue;
        }
        long[] opAndValue = {r.operation(), r.value()};
        long[] seen = distinct.putIfAbsent(r.vectorId(), opAndValue);
        if (seen != null && (seen[0] != opAndValue[0] || seen[1] != opAndValue[1])) {
          clean = false;
        }
      }
      assertThat(v.isAccepted()).as("seed %d", seed).isEqualTo(clean);
      if (clean) {
        assertThat(v.duplicatesCollapsed()).as("seed %d", seed).isEqualTo(n - distinct.size());
        List<String> expected = new ArrayList<>();
        distinct.forEach((id, ov) -> expected.add(id + " " + ov[0] + " " + ov[1]));
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < v.vectors().size(); i++) {
          actual.add(
              Integer.toUnsignedLong(v.vectors().vectorId(i))
                  + " "
                  + v.vectors().operation(i).code()
                  + " "
                  + v.vectors().value(i));
        }
        assertThat(actual).as("seed %d", seed).isEqualTo(expected);
      } else {
        assertThat(v.rejections())
            .as("seed %d", seed)
            .extracting(Rejection::row)
            .containsExactlyElementsOf(rows.stream().map(LoadedVectorRow::row).toList());
        assertThat(v.rejections())
            .as("seed %d", seed)
            .allSatisfy(r -> assertThat(r.systemId()).isEqualTo(systemId))
            .allSatisfy(r -> assertThat(r.message()).isNotBlank());
      }
    }
  }

  /** Every row's "REASON: message", keyed by the row text. */
  private static Map<String, String> quarantineMessages(List<LoadedVectorRow> rows) {
    SystemVerdict v = SystemValidator.validate("vm-9", rows);
    assertThat(v.isAccepted()).isFalse();
    Map<String, String> byRow = new LinkedHashMap<>();
    for (Rejection r : v.rejections()) {
      assertThat(byRow.put(r.row(), r.reason() + ": " + r.message())).isNull();
    }
    return new TreeMap<>(byRow);
  }

  private static void assertBalanced(List<LoadedVectorRow> rows, SystemVerdict v) {
    assertBalanced(rows, v, -1);
  }

  private static void assertBalanced(List<LoadedVectorRow> rows, SystemVerdict v, long seed) {
    long accepted = v.isAccepted() ? v.vectors().size() : 0;
    assertThat(accepted + v.duplicatesCollapsed() + v.rejections().size())
        .as("rows in = accepted + duplicates + rejected (seed %d)", seed)
        .isEqualTo(rows.size());
  }

  private LoadedVectorRow ok(String systemId, long vectorId, long op, long value) {
    int n = rowNumber++;
    return new LoadedVectorRow(
        systemId,
        vectorId,
        op,
        value,
        null,
        null,
        "#"
            + n
            + " vm_id="
            + systemId
            + ", vector_id="
            + vectorId
            + ", compare_operation="
            + op
            + ", compatibility_info="
            + Long.toUnsignedString(value),
        FILE);
  }

  private LoadedVectorRow faulty(String systemId, RejectReason fault, String message) {
    int n = rowNumber++;
    return new LoadedVectorRow(
        systemId, 0, 0, 0, fault, message, "#" + n + " vm_id=" + systemId + " " + fault, FILE);
  }

  /** The same row read again (the row text differs, as two rows of a file do). */
  private LoadedVectorRow again(LoadedVectorRow r) {
    int n = rowNumber++;
    return new LoadedVectorRow(
        r.systemId(),
        r.vectorId(),
        r.operation(),
        r.value(),
        r.fault(),
        r.message(),
        r.row().replaceFirst("^#\\d+", "#" + n),
        r.file());
  }
}

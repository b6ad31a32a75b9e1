package org.fleetcompat.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

/** {@link ParquetSchemas}: the schema Spark writes for the same declaration, and UINT64's bytes. */
class ParquetSchemasTest {
  @Test
  void poolsHasSparksListsStructsAndDecimal() {
    MessageType expected =
        MessageTypeParser.parseMessageType(
            "message pools {"
                + " required int32 pool_id;"
                + " required binary first_host_id (STRING);"
                + " required int64 host_count;"
                + " required int32 host_class_count;"
                + " required group host_classes (LIST) { repeated group list {"
                + "   required int32 element; } }"
                + " required group clusters (LIST) { repeated group list {"
                + "   required binary element (STRING); } }"
                + " required int64 vm_count_accepted;"
                + " required int32 vm_class_count_accepted;"
                + " required group baseline (LIST) { repeated group list { required group element {"
                + "   required int64 vector_id;"
                + "   required binary name (STRING);"
                + "   optional int32 compare_operation;"
                + "   optional fixed_len_byte_array(9) compatibility_info (DECIMAL(20,0));"
                + "   optional binary value_hex (STRING);"
                + "   required binary status (STRING); } } }"
                + "}");
    assertThat(ParquetSchemas.messageType("pools", ResultTable.POOLS.columns(false)))
        .isEqualTo(expected);
  }

  @Test
  void nullableColumnsAreOptionalAndTheOthersRequired() {
    for (ResultTable t : ResultTable.values()) {
      MessageType schema = ParquetSchemas.messageType(t.tableName(), t.columns(true));
      for (ResultColumn c : t.columns(true)) {
        assertThat(
                schema
                    .getType(c.name())
                    .isRepetition(org.apache.parquet.schema.Type.Repetition.OPTIONAL))
            .as("%s.%s", t, c.name())
            .isEqualTo(c.nullable());
      }
    }
  }

  @Test
  void uint64IsTheUnsignedValueInNineBigEndianBytes() {
    assertThat(ParquetSchemas.uint64Bytes(0L)).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0);
    assertThat(ParquetSchemas.uint64Bytes(1L)).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 1);
    assertThat(ParquetSchemas.uint64Bytes(Long.MIN_VALUE))
        .containsExactly(0, 0x80, 0, 0, 0, 0, 0, 0, 0);
    assertThat(ParquetSchemas.uint64Bytes(-1L))
        .containsExactly(0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
    for (long v : RandomResultRows.UINT64_EDGES) {
      assertThat(ParquetSchemas.uint64FromBytes(ParquetSchemas.uint64Bytes(v))).isEqualTo(v);
    }
    assertThat(ParquetSchemas.uint64FromBytes(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0})).isNull();
    assertThat(ParquetSchemas.uint64FromBytes(new byte[] {(byte) 0xff})).isNull();
    assertThat(ParquetSchemas.uint64FromBytes(new byte[] {0x7f})).isEqualTo(127L);
  }
}

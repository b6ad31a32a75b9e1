package org.fleetcompat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The return codes of SPEC section 2: numbers, descriptions, lookup. */
class ReturnCodeTest {

  @ParameterizedTest(name = "{1} {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          COMPLETED            |     0 | Completed with No Error
          JOB_STARTED          |  4096 | Method Parameters Checked - Job Started
          FAILED               | 32768 | Failed
          ACCESS_DENIED        | 32769 | Access Denied
          NOT_SUPPORTED        | 32770 | Not Supported
          STATUS_UNKNOWN       | 32771 | Status is unknown
          TIMEOUT              | 32772 | Timeout
          INVALID_PARAMETER    | 32773 | Invalid parameter
          SYSTEM_IN_USE        | 32774 | System is in use
          INVALID_STATE        | 32775 | Invalid state for this operation
          INCORRECT_DATA_TYPE  | 32776 | Incorrect data type
          SYSTEM_NOT_AVAILABLE | 32777 | System is not available
          OUT_OF_MEMORY        | 32778 | Out of memory
          NOT_COMPATIBLE       | 32784 | Not compatible
          """)
  void specTable(ReturnCode returnCode, int code, String description) {
    assertThat(returnCode.code()).isEqualTo(code);
    assertThat(returnCode.description()).isEqualTo(description);
    assertThat(ReturnCode.ofCode(code)).isSameAs(returnCode);
    assertThat(returnCode).hasToString(code + " (" + description + ")");
  }

  @Test
  void exactlyTheSpecCodes() {
    assertThat(ReturnCode.values())
        .extracting(ReturnCode::code)
        .containsExactly(
            0, 4096, 32768, 32769, 32770, 32771, 32772, 32773, 32774, 32775, 32776, 32777, 32778,
            32784);
  }

  @ParameterizedTest
  @EnumSource(ReturnCode.class)
  void ofCodeRoundTrips(ReturnCode returnCode) {
    assertThat(ReturnCode.ofCode(returnCode.code())).isSameAs(returnCode);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 1, 4095, 4097, 32767, 32779, 32783, 32785, 65535, Integer.MIN_VALUE})
  void unknownCode(int code) {
    assertThatThrownBy(() -> ReturnCode.ofCode(code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown return code " + code);
  }
}

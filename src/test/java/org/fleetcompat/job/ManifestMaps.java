package org.fleetcompat.job;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A typed manifest record as the map of snake_case keys manifest.json holds, for comparing with the
 * references' and golden files' maps.
 */
final class ManifestMaps {
  private static final ObjectMapper JSON =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private ManifestMaps() {}

  static Map<String, Long> of(Object record) {
    return JSON.convertValue(record, new TypeReference<LinkedHashMap<String, Long>>() {});
  }
}

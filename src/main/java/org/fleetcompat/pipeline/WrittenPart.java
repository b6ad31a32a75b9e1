package org.fleetcompat.pipeline;

import java.io.Serializable;

/**
 * One part file a stage wrote.
 *
 * @param table the result table's directory name
 * @param file the file's path
 * @param rows how many rows it holds
 */
public record WrittenPart(String table, String file, long rows) implements Serializable {}

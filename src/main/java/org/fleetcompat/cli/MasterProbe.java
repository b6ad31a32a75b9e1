package org.fleetcompat.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a standalone Spark master ({@code spark://HOST:PORT[,HOST:PORT]}) answers before a
 * session is started: Spark itself retries an unreachable master for about a minute before it gives
 * up, with a stack of warnings; this fails in {@link #TIMEOUT_MILLIS} per address with one line.
 * Other masters ({@code local}, {@code yarn}, {@code k8s://}) are left to Spark.
 */
final class MasterProbe {
  /** How long one address may take to accept a connection. */
  static final int TIMEOUT_MILLIS = 3_000;

  private MasterProbe() {}

  /**
   * Returns if {@code master} is not a {@code spark://} URL or one of its addresses accepts a TCP
   * connection.
   *
   * @throws org.fleetcompat.core.FleetcompatException 32777 if none does, 32773 if the URL names no
   *     address
   */
  static void requireReachable(String master) {
    if (master == null || !master.startsWith("spark://")) {
      return;
    }
    List<InetSocketAddress> addresses = addresses(master);
    IOException last = null;
    for (InetSocketAddress a : addresses) {
      try (Socket s = new Socket()) {
        s.connect(a, TIMEOUT_MILLIS);
        return;
      } catch (IOException e) {
        last = e;
      }
    }
    throw CliErrors.masterUnreachable(master, master.substring("spark://".length()), last);
  }

  private static List<InetSocketAddress> addresses(String master) {
    List<InetSocketAddress> out = new ArrayList<>();
    for (String hostPort : master.substring("spark://".length()).split(",")) {
      int colon = hostPort.lastIndexOf(':');
      if (colon <= 0 || colon == hostPort.length() - 1) {
        throw CliErrors.badMaster(master);
      }
      int port;
      try {
        port = Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw CliErrors.badMaster(master);
      }
      if (port < 1 || port > 65535) {
        throw CliErrors.badMaster(master);
      }
      out.add(new InetSocketAddress(hostPort.substring(0, colon), port));
    }
    return out;
  }
}

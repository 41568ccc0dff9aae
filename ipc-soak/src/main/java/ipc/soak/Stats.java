package ipc.soak;

/**
 * Counters of one process's traffic.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe; updated by its owner's loop only.
 */
final class Stats {

    long messagesSent;
    long bytesSent;
    long messagesReceived;
    long bytesReceived;
    long acknowledged;
    /** Messages (either direction) whose inline payload exceeded the datagram limit: the memfd path. */
    long large;
    long regions;
    long tokens;
    long replies;

    void sent(int inlineBytes, int regionBytes) {
        messagesSent++;
        bytesSent += inlineBytes + regionBytes;
        count(inlineBytes, regionBytes);
    }

    void received(int inlineBytes, int regionBytes) {
        messagesReceived++;
        bytesReceived += inlineBytes + regionBytes;
        count(inlineBytes, regionBytes);
    }

    private void count(int inlineBytes, int regionBytes) {
        if (inlineBytes > Traffic.DATAGRAM_LIMIT) {
            large++;
        }
        if (regionBytes > 0) {
            regions++;
        }
    }
}

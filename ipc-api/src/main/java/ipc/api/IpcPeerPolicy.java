package ipc.api;

import java.util.Arrays;

/**
 * Which users may connect to an {@link IpcOneShotServer}. The server checks the credentials the kernel recorded for
 * the connecting process (on Linux {@code SO_PEERCRED}: the peer's effective uid when it connected, which it cannot
 * forge) before it reads anything from it; a peer the policy refuses is disconnected and logged, and the server
 * keeps waiting for an allowed one.
 *
 * <p>{@link #sameUser()} is the default of every {@code IpcOneShotServer.create} that takes no policy: only processes
 * running as this process's effective uid may connect, and on Linux the socket sits in a directory only that user
 * can enter ({@code 0700}), so other users cannot even reach it. A policy that admits other users makes the
 * directory traversable ({@code 0711}: the name cannot be listed, it must be known) and the socket connectable by
 * others; the credential check then decides.
 *
 * <h2>Thread safety</h2>
 * Immutable; thread-safe.
 */
public final class IpcPeerPolicy {

    private static final IpcPeerPolicy SAME_USER = new IpcPeerPolicy(false, new int[0]);
    private static final IpcPeerPolicy ANY_USER = new IpcPeerPolicy(true, new int[0]);

    private final boolean anyUser;
    private final int[] extraUids;

    private IpcPeerPolicy(boolean anyUser, int[] extraUids) {
        this.anyUser = anyUser;
        this.extraUids = extraUids;
    }

    /**
     * Only this process's own effective uid: the default.
     *
     * @return the policy
     */
    public static IpcPeerPolicy sameUser() {
        return SAME_USER;
    }

    /**
     * This process's own effective uid and the given ones.
     *
     * @param uids further user ids allowed to connect
     * @return the policy
     * @throws IllegalArgumentException if a uid is negative
     */
    public static IpcPeerPolicy users(int... uids) {
        int[] copy = uids.clone();
        for (int uid : copy) {
            if (uid < 0) {
                throw new IllegalArgumentException("A uid is 0 or more, got " + uid);
            }
        }
        return copy.length == 0 ? SAME_USER : new IpcPeerPolicy(false, copy);
    }

    /**
     * Any user of this host. The server's name is then the only secret: use it only where every local user may
     * talk to the server.
     *
     * @return the policy
     */
    public static IpcPeerPolicy anyUser() {
        return ANY_USER;
    }

    /**
     * Whether a peer of {@code uid} may connect to a server of a process whose effective uid is {@code ownUid}.
     *
     * @param uid the peer's effective uid
     * @param ownUid the server process's effective uid
     * @return whether the peer is allowed
     */
    public boolean allows(int uid, int ownUid) {
        if (anyUser || uid == ownUid) {
            return true;
        }
        for (int extra : extraUids) {
            if (extra == uid) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether users other than the server's own may connect, so that the server's socket must be reachable by them.
     *
     * @return {@code false} only for {@link #sameUser()}
     */
    public boolean admitsOtherUsers() {
        return anyUser || extraUids.length > 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpcPeerPolicy that && anyUser == that.anyUser
                && Arrays.equals(sortedUids(), that.sortedUids());
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(anyUser) * 31 + Arrays.hashCode(sortedUids());
    }

    @Override
    public String toString() {
        if (anyUser) {
            return "IpcPeerPolicy[any user]";
        }
        return extraUids.length == 0 ? "IpcPeerPolicy[same user]"
                : "IpcPeerPolicy[same user and uids " + Arrays.toString(sortedUids()) + "]";
    }

    private int[] sortedUids() {
        int[] sorted = extraUids.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}

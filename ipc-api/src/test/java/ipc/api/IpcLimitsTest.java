package ipc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IpcLimitsTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty(IpcLimits.MAX_MESSAGE_BYTES_PROPERTY);
        System.clearProperty(IpcLimits.MAX_HANDLES_PROPERTY);
    }

    @Test
    void defaultsWithoutProperties() {
        IpcLimits limits = IpcLimits.defaults();
        assertEquals(256L << 20, limits.maxMessageBytes(), "256 MiB");
        assertEquals(1024, limits.maxHandlesPerMessage(), "1024 handles");
    }

    @Test
    void propertiesWithUnits() {
        System.setProperty(IpcLimits.MAX_MESSAGE_BYTES_PROPERTY, "2g");
        System.setProperty(IpcLimits.MAX_HANDLES_PROPERTY, " 16 ");
        assertEquals(new IpcLimits(2L << 30, 16), IpcLimits.defaults());
        System.setProperty(IpcLimits.MAX_MESSAGE_BYTES_PROPERTY, "64K");
        assertEquals(64 << 10, IpcLimits.defaults().maxMessageBytes());
        System.setProperty(IpcLimits.MAX_MESSAGE_BYTES_PROPERTY, "3m");
        assertEquals(3 << 20, IpcLimits.defaults().maxMessageBytes());
    }

    @Test
    void badPropertiesAreRejectedWithTheirName() {
        System.setProperty(IpcLimits.MAX_MESSAGE_BYTES_PROPERTY, "lots");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, IpcLimits::defaults);
        assertTrue(e.getMessage().contains(IpcLimits.MAX_MESSAGE_BYTES_PROPERTY), e.getMessage());
        System.setProperty(IpcLimits.MAX_MESSAGE_BYTES_PROPERTY, "0");
        assertThrows(IllegalArgumentException.class, IpcLimits::defaults, "below 1 byte");
        System.clearProperty(IpcLimits.MAX_MESSAGE_BYTES_PROPERTY);
        System.setProperty(IpcLimits.MAX_HANDLES_PROPERTY, "99999999999");
        assertThrows(ArithmeticException.class, IpcLimits::defaults, "over an int");
    }

    @Test
    void setReturnsThePreviousAndChecksApply() throws Exception {
        IpcLimits before = IpcLimits.current();
        IpcLimits small = new IpcLimits(10, 1);
        try {
            assertSame(before, IpcLimits.set(small));
            assertSame(small, IpcLimits.current());
            small.check(10, 1);
            assertThrows(IpcLimitExceededException.class, () -> small.check(11, 0), "one byte over");
            assertThrows(IpcLimitExceededException.class, () -> small.check(0, 2), "one handle over");
        } finally {
            IpcLimits.set(before);
        }
    }

    @Test
    void peerPolicies() {
        assertTrue(IpcPeerPolicy.sameUser().allows(1000, 1000));
        assertFalse(IpcPeerPolicy.sameUser().allows(0, 1000), "not even root");
        assertFalse(IpcPeerPolicy.sameUser().admitsOtherUsers());
        assertSame(IpcPeerPolicy.sameUser(), IpcPeerPolicy.users(), "no extra uid is the same user");
        IpcPeerPolicy some = IpcPeerPolicy.users(7, 65534);
        assertTrue(some.allows(65534, 1000) && some.allows(1000, 1000) && some.allows(7, 1000));
        assertFalse(some.allows(8, 1000));
        assertTrue(some.admitsOtherUsers());
        assertEquals(IpcPeerPolicy.users(65534, 7), some, "order does not matter");
        assertTrue(IpcPeerPolicy.anyUser().allows(12345, 1000));
        assertThrows(IllegalArgumentException.class, () -> IpcPeerPolicy.users(-1));
    }
}

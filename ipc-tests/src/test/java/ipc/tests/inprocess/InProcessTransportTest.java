package ipc.tests.inprocess;

import ipc.tests.contract.TransportContract;

/** {@link TransportContract} on the in-process transport. */
class InProcessTransportTest extends TransportContract {

    @Override
    protected String expectedTransport() {
        return "inprocess";
    }
}

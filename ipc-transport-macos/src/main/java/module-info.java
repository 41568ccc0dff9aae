/**
 * The macOS transport of ipc-channel (Mach ports). Not implemented yet: it arrives with its own issue. Until then
 * this module provides nothing, and on macOS discovery reports that no transport is supported.
 */
module ipc.transport.macos {
    requires ipc.api;
}

/**
 * The Linux transport's provider, {@link ipc.transport.linux.LinuxTransportProvider}. Applications never use it
 * directly: putting this module on the module path or class path is enough.
 */
package ipc.transport.linux;

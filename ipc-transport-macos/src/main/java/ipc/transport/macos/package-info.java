/**
 * Reserved for the macOS transport (Mach ports, out-of-line memory for shared regions). Nothing is implemented
 * here yet; the capability belongs to a later issue.
 */
package ipc.transport.macos;

/** Internals of ipc.api: provider discovery. Not exported; not API. */
package ipc.api.internal;

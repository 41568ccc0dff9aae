/** Support for tests that start real child JVMs and check for leaked file descriptors. */
package ipc.tests.support;

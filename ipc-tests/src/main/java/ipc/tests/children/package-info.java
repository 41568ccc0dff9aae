/**
 * Entry points of the child JVMs that cross-process tests start. Each reads its one-shot server name from its
 * command line, connects, does its part and exits; a non-zero exit status means it failed.
 */
package ipc.tests.children;

/** The two-process demo: {@link ipc.demo.Demo} (the parent) starts {@link ipc.demo.Worker}. */
package ipc.demo;
